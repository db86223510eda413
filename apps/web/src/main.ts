import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { useSessionStore } from './entities/session/stores/session.store';
import { router } from './router';
import { installPageTitle } from './router/page-title';
import { installSessionGuard } from './router/session.guard';
import { configureApiSession } from './shared/api-client/client';
import { i18n } from './shared/i18n';
import { installPrimeVue } from './shared/ui/prime/install-prime-vue';
import './shared/ui/styles/base.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);
installPrimeVue(app);

const session = useSessionStore(pinia);
configureApiSession({
  getAccessToken: () => session.accessToken,
  onSessionRejected: () => session.expire(),
});
installSessionGuard(router, session);
installPageTitle(router);
app.use(router);

app.mount('#app');
