import type { RouteRecordRaw } from 'vue-router';

/** The logged-in panel: the top bar with navigation around every page given as `children`. */
export function shellRoute(children: RouteRecordRaw[]): RouteRecordRaw {
  const loadShellLayout = () => import('./views/shell-layout.vue');
  return {
    path: '/',
    component: loadShellLayout,
    // Every page inside needs it: its code loads with the page's own, while the session is checked.
    meta: { prefetch: () => void loadShellLayout() },
    children: [
      // The work starts at what is to be handled today.
      { path: '', name: 'home', redirect: { name: 'today' } },
      ...children,
    ],
  };
}
