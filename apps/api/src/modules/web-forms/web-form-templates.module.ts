import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { FormKeysService } from './form-keys.service.js';
import { FormSubmissionsRepository } from './form-submissions.repository.js';
import { FormTemplateValues } from './form-template-values.source.js';
import { RuleFormValues } from './rule-form-values.js';
import { StatusLinksRepository } from './status-links.repository.js';
import { StatusLinksService } from './status-links.service.js';
import { StatusUrlTemplateValues } from './status-url-template-values.source.js';

/**
 * What templates, acknowledgements and rules take from web forms:
 * `{{form.<name>}}` and `{{ticket.statusUrl}}` (the status links themselves),
 * and the values `form.<name>` conditions match. Loaded in every role, so a
 * worker's rules and acknowledgements see them as the API does.
 */
@Module({
  imports: [TemplatesModule, TicketsModule, SettingsModule],
  providers: [FormKeysService, FormSubmissionsRepository, StatusLinksRepository, StatusLinksService, FormTemplateValues, StatusUrlTemplateValues, RuleFormValues],
  exports: [FormKeysService, FormSubmissionsRepository, StatusLinksRepository, StatusLinksService],
})
export class WebFormTemplatesModule {}
