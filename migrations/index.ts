import { InitialSchema1766400000000 } from './1766400000000-initial-schema.js';
import { EmailChannel1766500000000 } from './1766500000000-email-channel.js';
import { QueuesAndAssignment1766600000000 } from './1766600000000-queues-and-assignment.js';
import { Templates1766600000001 } from './1766600000001-templates.js';
import { Rules1766600000002 } from './1766600000002-rules.js';
import { Sla1766600000003 } from './1766600000003-sla.js';
import { TicketDeadlines1766600000004 } from './1766600000004-ticket-deadlines.js';
import { Surveys1766700000000 } from './1766700000000-surveys.js';
import { Reports1766700000001 } from './1766700000001-reports.js';
import { SavedViews1766800000001 } from './1766800000001-saved-views.js';
import { TicketSearchInOneWrite1766800000002 } from './1766800000002-ticket-search-in-one-write.js';
import { MessageReplyTo1766900000020 } from './1766900000020-message-reply-to.js';
import { MessageSenderAuthentication1766900000030 } from './1766900000030-message-sender-authentication.js';
import { ApiTokenQueues1766900000010 } from './1766900000010-api-token-queues.js';
import { UserTokenGeneration1766900000050 } from './1766900000050-user-token-generation.js';
import { CustomerIdentities1767000000010 } from './1767000000010-customer-identities.js';
import { Channels1767000000020 } from './1767000000020-channels.js';
import { TicketRelations1767100000010 } from './1767100000010-ticket-relations.js';
import { Notifications1767100000020 } from './1767100000020-notifications.js';
import { Composer1767100000030 } from './1767100000030-composer.js';
import { CustomerLanguage1767100000040 } from './1767100000040-customer-language.js';
import { CallsAndChats1767400000000 } from './1767400000000-calls-and-chats.js';
import { Integrations1767600000000 } from './1767600000000-integrations.js';
import { WebhooksAndMarketplaces1767500000000 } from './1767500000000-webhooks-and-marketplaces.js';
import { WebForms1767300000000 } from './1767300000000-web-forms.js';
import { TicketSearchPeople1767200000010 } from './1767200000010-ticket-search-people.js';

/** Every migration in the order it runs; new ones are appended here. */
export const migrations = [InitialSchema1766400000000, EmailChannel1766500000000, QueuesAndAssignment1766600000000, Templates1766600000001, Rules1766600000002, Sla1766600000003, TicketDeadlines1766600000004, Surveys1766700000000, Reports1766700000001, SavedViews1766800000001, TicketSearchInOneWrite1766800000002, MessageSenderAuthentication1766900000030, MessageReplyTo1766900000020, UserTokenGeneration1766900000050, ApiTokenQueues1766900000010, CustomerIdentities1767000000010, Channels1767000000020, TicketRelations1767100000010, Notifications1767100000020, Composer1767100000030, CustomerLanguage1767100000040, CallsAndChats1767400000000, Integrations1767600000000, WebhooksAndMarketplaces1767500000000, WebForms1767300000000, TicketSearchPeople1767200000010];
