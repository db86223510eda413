import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { useSessionStore } from './entities/session/stores/session.store';
import { router } from './router';
import { installPageTitle } from './router/page-title';
import { installSessionGuard, startFirstPage } from './router/session.guard';
import { configureApiSession } from './shared/api-client/client';
import { i18n } from './shared/i18n';
import { installPrimeVue } from './shared/ui/prime/install-prime-vue';
import './shared/ui/styles/base.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);

const session = useSessionStore(pinia);
configureApiSession({
  getAccessToken: () => session.accessToken,
  onSessionRejected: () => session.expire(),
});
installSessionGuard(router, session);
// The first page's data is asked for now, while the rest of the panel is set up. The API client sends
// a request only after a turn of the event loop (its middleware is asynchronous): that turn is taken here,
// so the requests are on the wire before the longer set-up below.
startFirstPage(router, session);
await new Promise((resolve) => setTimeout(resolve, 0));

app.use(i18n);
installPrimeVue(app);
installPageTitle(router);
app.use(router);

app.mount('#app');
