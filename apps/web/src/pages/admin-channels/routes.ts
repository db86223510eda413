import type { RouteRecordRaw } from 'vue-router';

export const adminChannelRoutes: RouteRecordRaw[] = [
  {
    path: 'channels',
    name: 'admin-channels',
    component: () => import('./views/admin-channels-view.vue'),
    meta: { titleKey: 'channels.admin.title' },
  },
];
