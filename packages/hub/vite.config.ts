import { defineConfig } from 'vite';

// `vite` (npm run dev -w packages/hub) proxies the REST and Engine APIs to a running Cairn
// (CAIRN_URL, default http://127.0.0.1:8080); `vite build` writes dist/, which the server serves.
const cairn = process.env.CAIRN_URL ?? 'http://127.0.0.1:8080';

// JSX goes through Vite's own esbuild transform (automatic runtime), not @vitejs/plugin-react:
// that plugin is hoisted beside vitest's Vite 8 and breaks this package's Vite 7 dev server.
// The cost is no React fast refresh in development (a full reload instead).
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The chart bundles are large by nature; each is its own chunk, loaded on first use.
    chunkSizeWarningLimit: 3000,
  },
  server: {
    proxy: {
      '/api': { target: cairn },
      // GET /login is the hub's own page; POST /login signs in at the server.
      '/login': {
        target: cairn,
        bypass: (req) => (req.method === 'GET' ? '/index.html' : undefined),
      },
      '/logout': { target: cairn },
      '/app/': { target: cairn, ws: true },
    },
  },
});
