import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type ProxyOptions } from 'vite';

const API_ORIGIN = process.env.WHATRACK_API_ORIGIN ?? 'http://localhost:3000';

// Same split as in production, where the API serves the SPA: these prefixes belong to the API.
const apiProxy: Record<string, ProxyOptions> = {
  '/api': { target: API_ORIGIN, changeOrigin: true },
  '/docs': { target: API_ORIGIN, changeOrigin: true },
  '^/t/': { target: API_ORIGIN, changeOrigin: true }, // public tracking links
};

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    // Workspace libs export their TypeScript sources under the "source" condition: no build step needed.
    conditions: ['source', ...defaultClientConditions],
  },
  server: { port: 5173, proxy: apiProxy },
  preview: { port: 4173, proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
});
