import { PartialType } from '@nestjs/swagger';
import { CreateWebhookDto } from './create-webhook.dto.js';

/** Any of the fields of a webhook; `active: true` also re-enables an endpoint disabled for failing. */
export class UpdateWebhookDto extends PartialType(CreateWebhookDto) {}
