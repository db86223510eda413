import type { RouteRecordRaw } from 'vue-router';

export const systemRoutes: RouteRecordRaw[] = [
  {
    path: 'system',
    name: 'system',
    component: () => import('./views/system-view.vue'),
    meta: { titleKey: 'system.title' },
  },
];
