import type { RouteRecordRaw } from 'vue-router';
import { prefetchTicket } from './composables/ticket-prefetch';

const loadTicketView = () => import('./views/ticket-view.vue');

export const ticketDetailRoutes: RouteRecordRaw[] = [
  {
    path: 'tickets/:number',
    name: 'ticket',
    component: loadTicketView,
    meta: {
      titleKey: 'ticketPage.title',
      // The ticket and the page's code are asked for together, while the session is still being checked.
      prefetch: (to) => {
        prefetchTicket(String(to.params['number'] ?? ''));
        void loadTicketView();
      },
    },
  },
];
