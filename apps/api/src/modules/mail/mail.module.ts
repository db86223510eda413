import { CustomersModule } from '../customers/customers.module.js';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Role } from '../../core/config/app-config.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { EmailTransport } from '../channels/outbound/email.transport.js';
import { OutboundDispatcherService } from '../channels/outbound/outbound-dispatcher.service.js';
import { IntakeModule } from '../intake/intake.module.js';
import { MailOutboxModule } from '../mail-outbox/mail-outbox.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { AcknowledgementService } from './acknowledgement.service.js';
import { InboundAddressEntity } from './entities/inbound-address.entity.js';
import { InboundMailEntity } from './entities/inbound-mail.entity.js';
import { InboundAddressesController } from './inbound-addresses.controller.js';
import { InboundAddressesRepository } from './inbound-addresses.repository.js';
import { InboundAddressesService } from './inbound-addresses.service.js';
import { InboundMailProcessingService } from './inbound-mail-processing.service.js';
import { InboundMailsController } from './inbound-mails.controller.js';
import { InboundMailsRepository } from './inbound-mails.repository.js';
import { InboundMailsService } from './inbound-mails.service.js';
import { InboundMailProcessor } from './jobs/inbound-mail.processor.js';
import { MailMaintenanceProcessor } from './jobs/mail-maintenance.processor.js';
import { OutboundMailProcessor } from './jobs/outbound-mail.processor.js';
import { INBOUND_MAIL_QUEUE, MAIL_MAINTENANCE_QUEUE } from './mail-queues.js';
import { OutboundMailSenderService } from './outbound-mail-sender.service.js';
import { SenderAuthenticationService } from './sender-authentication.service.js';
import { SmtpListenerService } from './smtp-listener.service.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { WebFormTemplatesModule } from '../web-forms/web-form-templates.module.js';
import { WebFormTransport } from '../web-forms/web-form.transport.js';

/**
 * The e-mail channel. The parts loaded follow the roles of the process: the
 * admin API (`api`), the SMTP listener (`smtp`), the processors that turn mail
 * into tickets and send replies (`worker`).
 */
@Module({})
export class MailModule {
  static forRoles(roles: readonly Role[]): DynamicModule {
    const controllers: Type[] = roles.includes('api') ? [InboundAddressesController, InboundMailsController] : [];
    const roleProviders: Provider[] = [
      ...(roles.includes('smtp') ? [SmtpListenerService] : []),
      ...(roles.includes('worker')
        ? [InboundMailProcessingService, AcknowledgementService, SenderAuthenticationService, OutboundMailSenderService,
          // Replies of every channel type leave through the dispatcher; e-mail is the transport this module brings.
          OutboundDispatcherService, EmailTransport, WebFormTransport,
          InboundMailProcessor, OutboundMailProcessor, MailMaintenanceProcessor]
        : []),
    ];
    return {
      module: MailModule,
      imports: [
        TypeOrmModule.forFeature([InboundAddressEntity, InboundMailEntity]),
        BullModule.registerQueue({ name: INBOUND_MAIL_QUEUE }, { name: MAIL_MAINTENANCE_QUEUE }),
        MailOutboxModule,
        QueuesModule,
        ChannelsModule,
        IntakeModule,
        TicketsModule,
        CustomersModule,
        // The acknowledgement's {{ticket.statusUrl}}; in every role, so a worker's rules fill the web forms' placeholders too.
        TemplatesModule,
        WebFormTemplatesModule,
      ],
      controllers,
      providers: [InboundAddressesRepository, InboundAddressesService, InboundMailsRepository, InboundMailsService, ...roleProviders],
      exports: roles.includes('smtp') ? [SmtpListenerService] : [],
    };
  }
}
