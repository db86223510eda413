import type { RouteRecordRaw } from 'vue-router';

export const adminRuleRoutes: RouteRecordRaw[] = [
  {
    path: 'rules',
    name: 'admin-rules',
    component: () => import('./views/admin-rules-view.vue'),
    meta: { titleKey: 'admin.rules.title' },
  },
  {
    path: 'rules/:id',
    name: 'admin-rule',
    component: () => import('./views/rule-editor-view.vue'),
    meta: { titleKey: 'admin.rules.editorTitle' },
  },
];
