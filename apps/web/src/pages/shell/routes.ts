import type { RouteRecordRaw } from 'vue-router';

/** The logged-in panel: the top bar with navigation around every page given as `children`. */
export function shellRoute(children: RouteRecordRaw[]): RouteRecordRaw {
  return {
    path: '/',
    component: () => import('./views/shell-layout.vue'),
    children: [
      // The work starts at what is to be handled today.
      { path: '', name: 'home', redirect: { name: 'today' } },
      ...children,
    ],
  };
}
