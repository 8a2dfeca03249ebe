// Component tests of the web client: Vitest 4 with jsdom 29 and Testing Library.
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// design-react-kit's exports map names only the non-standard "module" and "main" conditions, which the
// test runner's resolver does not use: point at its ES build and let Vitest transform it.
const designReactKit = join(import.meta.dirname, 'node_modules/design-react-kit/dist/index.js');

export default defineConfig({
  plugins: [react()],
  resolve: { alias: [{ find: /^design-react-kit$/, replacement: designReactKit }] },
  test: {
    name: 'web',
    root: import.meta.dirname,
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
    css: false,
    server: { deps: { inline: [/design-react-kit/] } },
    // React's development build (act(), jsxDEV): whatever NODE_ENV the calling shell exported.
    env: { NODE_ENV: 'test' },
  },
});
