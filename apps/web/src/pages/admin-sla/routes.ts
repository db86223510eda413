import type { RouteRecordRaw } from 'vue-router';

export const adminSlaRoutes: RouteRecordRaw[] = [
  {
    path: 'sla',
    name: 'admin-sla',
    component: () => import('./views/admin-sla-view.vue'),
    meta: { titleKey: 'admin.sla.title' },
  },
];
