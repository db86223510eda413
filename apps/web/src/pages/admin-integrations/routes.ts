import type { RouteRecordRaw } from 'vue-router';

export const adminIntegrationRoutes: RouteRecordRaw[] = [
  {
    path: 'integrations',
    name: 'admin-integrations',
    component: () => import('./views/admin-integrations-view.vue'),
    meta: { titleKey: 'orders.admin.title' },
  },
];
