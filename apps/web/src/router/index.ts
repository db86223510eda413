import { createRouter, createWebHistory } from 'vue-router';
import { adminRoutes } from '../pages/admin/routes';
import { chatRoutes } from '../pages/chats/routes';
import { customerRoutes } from '../pages/customers/routes';
import { loginRoutes } from '../pages/login/routes';
import { reportRoutes } from '../pages/reports/routes';
import { shellRoute } from '../pages/shell/routes';
import { systemRoutes } from '../pages/system/routes';
import { ticketDetailRoutes } from '../pages/ticket-detail/routes';
import { ticketListRoutes } from '../pages/ticket-list/routes';
import { todayRoutes } from '../pages/today/routes';

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    ...loginRoutes,
    shellRoute([...todayRoutes, ...ticketListRoutes, ...ticketDetailRoutes, ...customerRoutes, ...chatRoutes, ...systemRoutes, ...reportRoutes, ...adminRoutes]),
    { path: '/:unknown(.*)*', redirect: '/' },
  ],
});
