import type { RouteRecordRaw } from 'vue-router';
import { adminOnlyGuard } from '../../router/admin.guard';

/** The reports dashboard: administrators only; its charts load with it, not with the panel. */
export const reportRoutes: RouteRecordRaw[] = [
  {
    path: 'reports',
    name: 'reports',
    component: () => import('./views/reports-view.vue'),
    meta: { titleKey: 'reports.title', adminOnly: true },
    beforeEnter: adminOnlyGuard,
  },
];
