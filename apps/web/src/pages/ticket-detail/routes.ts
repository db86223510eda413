import type { RouteRecordRaw } from 'vue-router';
import { prefetchTicket } from './composables/ticket-prefetch';

export const ticketDetailRoutes: RouteRecordRaw[] = [
  {
    path: 'tickets/:number',
    name: 'ticket',
    component: () => import('./views/ticket-view.vue'),
    meta: { titleKey: 'ticketPage.title' },
    // The ticket is asked for while the page's code loads (after the session check, before the component).
    beforeEnter: (to) => prefetchTicket(String(to.params['number'] ?? '')),
  },
];
