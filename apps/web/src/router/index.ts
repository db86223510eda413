import { createRouter, createWebHistory } from 'vue-router';
import { homeRoutes } from '../pages/home/routes';
import { loginRoutes } from '../pages/login/routes';

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [...loginRoutes, ...homeRoutes, { path: '/:unknown(.*)*', redirect: '/' }],
});
