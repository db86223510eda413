import { ApiTokenEntity } from '../../modules/api-tokens/entities/api-token.entity.js';
import { ChannelEntity } from '../../modules/channels/entities/channel.entity.js';
import { MessageDraftEntity } from '../../modules/drafts/entities/message-draft.entity.js';
import { CustomerIdentityEntity } from '../../modules/customers/entities/customer-identity.entity.js';
import { CustomerMergeEntity } from '../../modules/customers/entities/customer-merge.entity.js';
import { CustomerEntity } from '../../modules/customers/entities/customer.entity.js';
import { InboundAddressEntity } from '../../modules/mail/entities/inbound-address.entity.js';
import { InboundMailEntity } from '../../modules/mail/entities/inbound-mail.entity.js';
import { CategoryEntity } from '../../modules/queues/entities/category.entity.js';
import { QueueMemberEntity } from '../../modules/queues/entities/queue-member.entity.js';
import { QueueEntity } from '../../modules/queues/entities/queue.entity.js';
import { RuleEntity } from '../../modules/rules/entities/rule.entity.js';
import { WebhookDeliveryEntity } from '../../modules/rules/entities/webhook-delivery.entity.js';
import { SavedViewEntity } from '../../modules/saved-views/entities/saved-view.entity.js';
import { SettingEntity } from '../../modules/settings/entities/setting.entity.js';
import { CalendarEntity } from '../../modules/sla/entities/calendar.entity.js';
import { SlaPolicyEntity } from '../../modules/sla/entities/sla-policy.entity.js';
import { SurveyEntity } from '../../modules/surveys/entities/survey.entity.js';
import { TemplateEntity } from '../../modules/templates/entities/template.entity.js';
import { AttachmentBlobEntity } from '../../modules/tickets/entities/attachment-blob.entity.js';
import { AttachmentEntity } from '../../modules/tickets/entities/attachment.entity.js';
import { MessageEntity } from '../../modules/tickets/entities/message.entity.js';
import { TicketEventEntity } from '../../modules/tickets/entities/ticket-event.entity.js';
import { TicketEntity } from '../../modules/tickets/entities/ticket.entity.js';
import { UserEntity } from '../../modules/users/entities/user.entity.js';

/** Every entity the product persists. */
export const entities = [
  ApiTokenEntity,
  ChannelEntity,
  AttachmentBlobEntity,
  AttachmentEntity,
  CalendarEntity,
  CategoryEntity,
  CustomerEntity,
  CustomerIdentityEntity,
  CustomerMergeEntity,
  InboundAddressEntity,
  InboundMailEntity,
  MessageEntity,
  MessageDraftEntity,
  QueueEntity,
  RuleEntity,
  QueueMemberEntity,
  SavedViewEntity,
  SettingEntity,
  SlaPolicyEntity,
  SurveyEntity,
  TemplateEntity,
  TicketEntity,
  TicketEventEntity,
  UserEntity,
  WebhookDeliveryEntity,
];
