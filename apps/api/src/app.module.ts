import { DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BearerAuthGuard } from './core/auth/bearer-auth.guard.js';
import { RolesGuard } from './core/auth/roles.guard.js';
import type { AppConfig } from './core/config/app-config.js';
import { ConfigModule } from './core/config/config.module.js';
import { dataSourceOptions } from './core/database/data-source-options.js';
import { HttpExceptionFilter } from './core/errors/http-exception.filter.js';
import { QueueModule } from './core/queue/queue.module.js';
import { RedisModule } from './core/redis/redis.module.js';
import { ApiChannelModule } from './modules/api-channel/api-channel.module.js';
import { ApiTokensModule } from './modules/api-tokens/api-tokens.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { ChannelsApiModule } from './modules/channels/channels-api.module.js';
import { ChatModule } from './modules/chat/chat.module.js';
import { CustomersModule } from './modules/customers/customers.module.js';
import { DraftsModule } from './modules/drafts/drafts.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { IntegrationsApiModule } from './modules/integrations/integrations-api.module.js';
import { IntegrationsModule } from './modules/integrations/integrations.module.js';
import { TicketAutomationsModule } from './modules/intake/ticket-automations.module.js';
import { LiveModule } from './modules/live/live.module.js';
import { MailModule } from './modules/mail/mail.module.js';
import { MarketplacesModule } from './modules/marketplaces/marketplaces.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { PhoneModule } from './modules/phone/phone.module.js';
import { QueuesModule } from './modules/queues/queues.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { SavedViewsModule } from './modules/saved-views/saved-views.module.js';
import { SurveysModule } from './modules/surveys/surveys.module.js';
import { TemplatesModule } from './modules/templates/templates.module.js';
import { TicketsModule } from './modules/tickets/tickets.module.js';
import { TicketRelationsModule } from './modules/ticket-relations/ticket-relations.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { WebFormsModule } from './modules/web-forms/web-forms.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';

/** The HTTP API: every resource under /api/v1. */
const API_MODULES: Type[] = [AuthModule, UsersModule, ApiTokensModule, CustomersModule, QueuesModule, TemplatesModule, TicketsModule, TicketRelationsModule, SurveysModule, ReportsModule, HealthModule, LiveModule, SavedViewsModule, ChannelsApiModule, DraftsModule, WebFormsModule, PhoneModule, ChatModule, IntegrationsApiModule];

@Module({})
export class AppModule {
  /** One codebase, three roles: the modules loaded follow the roles this process runs. */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    const roles = new Set(config.roles);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        RedisModule,
        QueueModule,
        // UsersModule also creates the first admin, whatever the roles.
        UsersModule,
        ...(roles.has('api') ? API_MODULES : []),
        MailModule.forRoles(config.roles),
        // The rules, then the SLA, on every ticket change of every role (their admin APIs come with `api`).
        TicketAutomationsModule.forRoles(config.roles),
        // Notifications are written with every ticket change; their API with `api`, the snooze sweep with `worker`.
        NotificationsModule.forRoles(config.roles),
        // Shops' orders fill templates in every role (rules answer in the worker and the intake too).
        IntegrationsModule,
        // Signed webhooks: events stored with every change; their API with `api`, the sending sweep with `worker`.
        WebhooksModule.forRoles(config.roles),
        // The API channel: signed inbound messages (`api`), replies POSTed to the integrator (`worker`).
        ApiChannelModule.forRoles(config.roles),
        // Allegro's message centre: settings and authorisation (`api`), reading and replies (`worker`).
        MarketplacesModule.forRoles(config.roles),
      ],
      providers: roles.has('api')
        ? [
            { provide: APP_GUARD, useClass: BearerAuthGuard },
            { provide: APP_GUARD, useClass: RolesGuard },
            { provide: APP_FILTER, useClass: HttpExceptionFilter },
          ]
        : [],
    };
  }
}
