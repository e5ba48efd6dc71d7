// The web client: a React SPA built by Vite. `vite preview` (npm start, the browser specs) serves
// the build at WEB_PORT and proxies /graphql, HTTP and WebSocket, to the gateway, so the browser
// talks to one origin and the gateway needs no CORS.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const gateway = process.env.PAYFORWARD_GATEWAY_URL ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}`;
const port = Number(process.env.WEB_PORT ?? 4200);
const proxy = { '/graphql': { target: gateway, ws: true, changeOrigin: true } };

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port, strictPort: true, proxy },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // Tests compare the client's rules with the domain's own (libs/*/src), never with a stale build.
    alias: [{ find: /^@payforward\/([a-z-]+)$/, replacement: fileURLToPath(new URL('../../libs/$1/src/index.ts', import.meta.url)) }],
  },
});
