import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const projectRoot = path.dirname(fileURLToPath(import.meta.url));
const workspaceRoot = path.resolve(projectRoot, '../..');

// The agent panel. Built into dist/apps/web, which the API serves at `/`;
// in development the dev server forwards /api to a locally running API.
export default defineConfig({
  root: projectRoot,
  base: '/',
  plugins: [vue()],
  resolve: {
    // The pure libraries (statuses, priorities, the status workflow; rule vocabulary), straight from their sources.
    alias: {
      '@okienko/domain': path.join(workspaceRoot, 'libs/domain/src/index.ts'),
      // The rule vocabulary (fields, operators, actions) for the rule builder.
      '@okienko/routing': path.join(workspaceRoot, 'libs/routing/src/index.ts'),
    },
  },
  define: {
    // PrimeVue's components are written with the Options API.
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: process.env.OKIENKO_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: {
      '/api': { target: process.env.OKIENKO_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: path.join(workspaceRoot, 'dist/apps/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: true,
    // The ticket list's chunk carries PrimeVue's DataTable (about 120 kB gzipped), loaded with that page only.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // libs/domain is pure by the house rules (no I/O, no side effects at import): keep only what is used.
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/libs/domain/src/') },
    },
  },
});
