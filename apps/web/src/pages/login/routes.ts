import type { RouteRecordRaw } from 'vue-router';

export const loginRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./views/login-view.vue'),
    meta: { public: true, titleKey: 'login.title' },
  },
];
