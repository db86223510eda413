import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Role } from '../../core/config/app-config.js';
import { MailOutboxModule } from '../mail-outbox/mail-outbox.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { SurveysModule } from '../surveys/surveys.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { WebhooksCoreModule } from '../webhooks/webhooks-core.module.js';
import { EnabledRulesCache } from './enabled-rules.cache.js';
import { RuleEntity } from './entities/rule.entity.js';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity.js';
import { RulesSweepProcessor } from './jobs/rules-sweep.processor.js';
import { WebhookProcessor } from './jobs/webhook.processor.js';
import { RuleEffectsService } from './rule-effects.service.js';
import { RuleFactsService } from './rule-facts.service.js';
import { RuleRunnerService } from './rule-runner.service.js';
import { RULES_SWEEP_QUEUE, WEBHOOK_QUEUE } from './rules-queues.js';
import { RulesDryRunService } from './rules-dry-run.service.js';
import { RulesSweepService } from './rules-sweep.service.js';
import { RulesController } from './rules.controller.js';
import { RulesRepository } from './rules.repository.js';
import { RulesService } from './rules.service.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';

/**
 * Routing rules. Every process that changes tickets runs them (the API and
 * the mail workers); the admin API comes with the `api` role, the sweep of
 * time-based rules and the webhook calls with the `worker` role.
 */
@Module({})
export class RulesModule {
  static forRoles(roles: readonly Role[]): DynamicModule {
    const controllers: Type[] = roles.includes('api') ? [RulesController] : [];
    const roleProviders: Provider[] = [
      ...(roles.includes('api') ? [RulesService, RulesDryRunService] : []),
      ...(roles.includes('worker') ? [RulesSweepService, WebhookDeliveryService, RulesSweepProcessor, WebhookProcessor] : []),
    ];
    return {
      module: RulesModule,
      imports: [
        TypeOrmModule.forFeature([RuleEntity, WebhookDeliveryEntity]),
        BullModule.registerQueue({ name: RULES_SWEEP_QUEUE }, { name: WEBHOOK_QUEUE }),
        MailOutboxModule,
        QueuesModule,
        TemplatesModule,
        TicketsModule,
        SurveysModule,
        WebhooksCoreModule,
      ],
      controllers,
      providers: [RulesRepository, EnabledRulesCache, RuleFactsService, RuleEffectsService, RuleRunnerService, ...roleProviders],
      exports: [RuleRunnerService],
    };
  }
}
