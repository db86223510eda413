import 'vue-router';
import type { RouteLocationNormalized } from 'vue-router';
import type { MessageKey } from '../shared/i18n/message-key';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without logging in. */
    public?: boolean;
    /** Translation key of the page name shown in the browser tab. */
    titleKey?: MessageKey;
    /** Only administrators may open it; agents are sent to their start page. */
    adminOnly?: boolean;
    /**
     * Starts loading what the page needs (its data, its code) as soon as a
     * navigation to it begins, while the session is still being checked.
     */
    prefetch?: (to: RouteLocationNormalized) => void;
  }
}
