import type { RouteRecordRaw } from 'vue-router';

export const customerRoutes: RouteRecordRaw[] = [
  {
    path: 'customers',
    name: 'customers',
    component: () => import('./views/customer-search-view.vue'),
    meta: { titleKey: 'customers.title' },
  },
  {
    path: 'customers/:id',
    name: 'customer',
    component: () => import('./views/customer-profile-view.vue'),
    meta: { titleKey: 'customers.profileTitle' },
  },
];
