import type { RouteRecordRaw } from 'vue-router';

export const ticketDetailRoutes: RouteRecordRaw[] = [
  {
    path: 'tickets/:number',
    name: 'ticket',
    component: () => import('./views/ticket-view.vue'),
    meta: { titleKey: 'ticketPage.title' },
  },
];
