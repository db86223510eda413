import type { RouteRecordRaw } from 'vue-router';

export const todayRoutes: RouteRecordRaw[] = [
  {
    path: 'today',
    name: 'today',
    component: () => import('./views/today-view.vue'),
    meta: { titleKey: 'today.title' },
  },
];
