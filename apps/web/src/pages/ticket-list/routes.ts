import type { RouteRecordRaw } from 'vue-router';

export const ticketListRoutes: RouteRecordRaw[] = [
  {
    path: 'tickets',
    name: 'tickets',
    component: () => import('./views/ticket-list-view.vue'),
    meta: { titleKey: 'ticketList.title' },
  },
];
