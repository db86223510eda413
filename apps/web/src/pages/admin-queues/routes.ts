import type { RouteRecordRaw } from 'vue-router';

export const adminQueueRoutes: RouteRecordRaw[] = [
  {
    path: 'queues',
    name: 'admin-queues',
    component: () => import('./views/admin-queues-view.vue'),
    meta: { titleKey: 'admin.queues.title' },
  },
  {
    path: 'categories',
    name: 'admin-categories',
    component: () => import('./views/admin-categories-view.vue'),
    meta: { titleKey: 'admin.categories.title' },
  },
];
