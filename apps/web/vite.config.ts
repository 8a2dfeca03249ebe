import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * /runtime-config.js: where the API and the identity provider are, read when the server starts (dev and
 * preview) so that one build runs against any stack (the end-to-end suite picks free ports). A static
 * deployment serves the file emitted into dist/ (the defaults of `npm start`) or its own.
 */
function runtimeConfig(): Plugin {
  const script = () =>
    `window.__ALBERO_CONFIG__ = ${JSON.stringify({
      apiUrl: process.env.ALBERO_API_URL ?? 'http://localhost:4000/graphql',
      keycloakUrl: process.env.ALBERO_KEYCLOAK_URL ?? 'http://localhost:8080',
      realm: process.env.ALBERO_KEYCLOAK_REALM ?? 'albero',
      clientId: process.env.ALBERO_KEYCLOAK_CLIENT ?? 'albero-web',
    })};\n`;
  const serve = (server: { middlewares: { use: (path: string, handler: (req: unknown, res: { setHeader(k: string, v: string): void; end(body: string): void }) => void) => void } }) => {
    server.middlewares.use('/runtime-config.js', (_req, res) => {
      res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end(script());
    });
  };
  return {
    name: 'albero-runtime-config',
    configureServer: serve,
    configurePreviewServer: serve,
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'runtime-config.js', source: script() });
    },
  };
}

export default defineConfig({
  plugins: [react(), runtimeConfig()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: { target: 'es2022', sourcemap: false, manifest: true, chunkSizeWarningLimit: 1500 },
});
