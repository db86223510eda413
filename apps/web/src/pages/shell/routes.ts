import type { RouteRecordRaw } from 'vue-router';

/** The logged-in panel: the top bar with navigation around every page given as `children`. */
export function shellRoute(children: RouteRecordRaw[]): RouteRecordRaw {
  return {
    path: '/',
    component: () => import('./views/shell-layout.vue'),
    children: [
      // "Today to handle" comes with SLA; until then the work starts at the ticket list.
      { path: '', name: 'home', redirect: { name: 'tickets' } },
      ...children,
    ],
  };
}
