import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { IntakeModule } from '../intake/intake.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { ComplaintRouteRepository } from './complaint-route.repository.js';
import { EmailDomainCheckService } from './email-domain-check.service.js';
import { FormConfirmationsService } from './form-confirmations.service.js';
import { FormCountersService } from './form-counters.service.js';
import { FormFilingService } from './form-filing.service.js';
import { FormFilingWriter } from './form-filing.writer.js';
import { FormPagesController } from './pages/form-pages.controller.js';
import { FormSubmissionsController } from './form-submissions.controller.js';
import { FormSubmissionsService } from './form-submissions.service.js';
import { PublicFormsController } from './public-forms.controller.js';
import { PublicTicketsController } from './public-tickets.controller.js';
import { StatusLinksController } from './status-links.controller.js';
import { StatusMessagesService } from './status-messages.service.js';
import { TicketFormDataController } from './ticket-form-data.controller.js';
import { WebFormTemplatesModule } from './web-form-templates.module.js';

/**
 * Web forms: a form is a channel of type `web_form`; its submissions reach
 * the intake as messages of that channel. Public routes (no sign-in, rate
 * limited): the definition, the submissions, the hosted page and embed script
 * (`/f/<key>`, `/f/<key>.js`), the customer's status page (`/s/<token>`) and
 * its JSON twins; the admin API of the submissions kept as spam.
 */
@Module({
  imports: [ChannelsModule, IntakeModule, TicketsModule, CustomersModule, SettingsModule, TemplatesModule, WebFormTemplatesModule],
  controllers: [PublicFormsController, PublicTicketsController, FormPagesController, FormSubmissionsController, StatusLinksController, TicketFormDataController],
  providers: [
    FormSubmissionsService, FormFilingService, FormConfirmationsService, FormFilingWriter, StatusMessagesService, FormCountersService, EmailDomainCheckService, ComplaintRouteRepository,
  ],
})
export class WebFormsModule {}
