import type { RouteRecordRaw } from 'vue-router';

export const adminApiTokenRoutes: RouteRecordRaw[] = [
  {
    path: 'api-tokens',
    name: 'admin-api-tokens',
    component: () => import('./views/admin-api-tokens-view.vue'),
    meta: { titleKey: 'admin.apiTokens.title' },
  },
];
