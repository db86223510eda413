import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Unit and component tests of the agent panel: `__tests__/*.spec.ts` next to
// the code, run by Vitest with the panel's own Vite configuration (aliases,
// Vue single-file components) in a simulated DOM. Real browsers are the
// business of test/browser.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ['src/**/__tests__/**/*.spec.ts'],
      environment: 'happy-dom',
      // Worker threads start faster than child processes: each file still gets a fresh module graph and DOM.
      pool: 'threads',
      restoreMocks: true,
      unstubGlobals: true,
    },
  }),
);
