import type { RouteRecordRaw } from 'vue-router';

export const adminWebhookRoutes: RouteRecordRaw[] = [
  {
    path: 'webhooks',
    name: 'admin-webhooks',
    component: () => import('./views/admin-webhooks-view.vue'),
    meta: { titleKey: 'webhooks.title' },
  },
];
