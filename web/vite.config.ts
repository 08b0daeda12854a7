import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web application. `npm run build:web` writes it to dist/web (served by the API server);
 * `npx vite --config web/vite.config.ts` serves it with hot reload and forwards /api to the API server
 * started with `npm run dev`.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, '..', 'dist', 'web'),
    emptyOutDir: true,
    // antd alone is close to 1 MB before compression; routes are split with React.lazy.
    chunkSizeWarningLimit: 1400,
    rolldownOptions: {
      output: {
        // React changes less often than the screens: keep it in its own long-cached chunk. antd is left to
        // the automatic splitting so each lazy screen loads only the components it uses.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // Keep the browser's Host header so the server's same-origin check sees matching Origin and Host.
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  preview: { port: 4173, proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } } },
});
