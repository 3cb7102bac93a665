import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The hub is served by the Cairn server from packages/hub/dist at `/`. The chart bundles are
// large, so each one is its own chunk loaded the first time a sheet needs that chart type.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 3000,
    // The server's CSP forbids inline scripts; Vite's module-preload polyfill is emitted into the
    // entry chunk (not inline), so the built index.html holds only external <script src> tags.
    modulePreload: { polyfill: true },
  },
  server: {
    proxy: {
      '/api': { target: process.env.CAIRN_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
      '/login': {
        target: process.env.CAIRN_URL ?? 'http://127.0.0.1:3000',
        bypass: (req) => (req.method === 'GET' ? req.url : undefined),
      },
      '/logout': { target: process.env.CAIRN_URL ?? 'http://127.0.0.1:3000' },
      '/app': { target: process.env.CAIRN_URL ?? 'http://127.0.0.1:3000', ws: true },
    },
  },
});
