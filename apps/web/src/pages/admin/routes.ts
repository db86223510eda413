import type { RouteRecordRaw } from 'vue-router';
import { adminOnlyGuard } from '../../router/admin.guard';
import { adminApiTokenRoutes } from '../admin-api-tokens/routes';
import { adminChannelRoutes } from '../admin-channels/routes';
import { adminFormRoutes } from '../admin-forms/routes';
import { adminIntegrationRoutes } from '../admin-integrations/routes';
import { adminMailRoutes } from '../admin-mail/routes';
import { adminQueueRoutes } from '../admin-queues/routes';
import { adminRuleRoutes } from '../admin-rules/routes';
import { adminSlaRoutes } from '../admin-sla/routes';
import { adminTemplateRoutes } from '../admin-templates/routes';
import { adminUserRoutes } from '../admin-users/routes';
import { adminWebhookRoutes } from '../admin-webhooks/routes';

/** The administration: only for administrators, every screen inside one layout with its own navigation. */
export const adminRoutes: RouteRecordRaw[] = [
  {
    path: 'admin',
    component: () => import('./views/admin-layout.vue'),
    meta: { adminOnly: true },
    beforeEnter: adminOnlyGuard,
    children: [
      { path: '', name: 'admin', redirect: { name: 'admin-users' } },
      ...adminUserRoutes,
      ...adminQueueRoutes,
      ...adminMailRoutes,
      ...adminChannelRoutes,
      ...adminFormRoutes,
      ...adminTemplateRoutes,
      ...adminIntegrationRoutes,
      ...adminApiTokenRoutes,
      ...adminWebhookRoutes,
      ...adminRuleRoutes,
      ...adminSlaRoutes,
    ],
  },
];
