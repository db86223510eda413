import 'vue-router';
import type { RouteLocationNormalized } from 'vue-router';
import type { MessageKey } from '../shared/i18n/message-key';

/** What a prefetch reads of the location being opened (a navigation's target, or a location resolved before one). */
export type PrefetchLocation = Pick<RouteLocationNormalized, 'path' | 'params' | 'query' | 'hash' | 'matched'>;

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
    prefetch?: (to: PrefetchLocation) => void;
  }
}
