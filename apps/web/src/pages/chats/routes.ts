import type { RouteRecordRaw } from 'vue-router';

export const chatRoutes: RouteRecordRaw[] = [
  {
    path: 'chats',
    name: 'chats',
    component: () => import('./views/chats-view.vue'),
    meta: { titleKey: 'chat.title' },
  },
];
