import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the API (apps/api/src/plugins/web.ts) from dist/; in development
// `npm run dev -w @renxing/web` proxies /api to a local API on :3000.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // The modules' console screens and the UI kit are TypeScript sources inside the workspace.
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
