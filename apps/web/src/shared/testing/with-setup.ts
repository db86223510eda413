import { mount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { i18n } from '../i18n';

/**
 * Runs a composable inside a mounted component with the panel's i18n, as a
 * page would, and answers what it returned; `unmount` ends its scope (timers,
 * listeners). For Vitest specs only.
 */
export function withSetup<T>(composable: () => T): { result: T; unmount: () => void } {
  let result: T | undefined;
  const host = defineComponent({
    setup() {
      result = composable();
      return () => h('div');
    },
  });
  const wrapper = mount(host, { global: { plugins: [i18n] }, attachTo: document.body });
  return { result: result as T, unmount: () => wrapper.unmount() };
}
