import type { RouteRecordRaw } from 'vue-router';

export const adminFormRoutes: RouteRecordRaw[] = [
  {
    path: 'forms',
    name: 'admin-forms',
    component: () => import('./views/admin-forms-view.vue'),
    meta: { titleKey: 'webForms.admin.title' },
  },
];
