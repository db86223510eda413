import type { RouteRecordRaw } from 'vue-router';

export const adminTemplateRoutes: RouteRecordRaw[] = [
  {
    path: 'templates',
    name: 'admin-templates',
    component: () => import('./views/admin-templates-view.vue'),
    meta: { titleKey: 'admin.templates.title' },
  },
];
