import type { RouteRecordRaw } from 'vue-router';

export const adminUserRoutes: RouteRecordRaw[] = [
  {
    path: 'users',
    name: 'admin-users',
    component: () => import('./views/admin-users-view.vue'),
    meta: { titleKey: 'admin.users.title' },
  },
];
