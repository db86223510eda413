import type { RouteRecordRaw } from 'vue-router';

export const adminMailRoutes: RouteRecordRaw[] = [
  {
    path: 'inbound-addresses',
    name: 'admin-inbound-addresses',
    component: () => import('./views/inbound-addresses-view.vue'),
    meta: { titleKey: 'admin.inbound.title' },
  },
  {
    path: 'failed-mails',
    name: 'admin-failed-mails',
    component: () => import('./views/failed-mails-view.vue'),
    meta: { titleKey: 'admin.failedMails.title' },
  },
];
