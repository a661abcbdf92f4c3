import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';

// Three bundles: main (with the worker-thread entries and the plain-Node serve
// entry beside it), preload (CommonJS: sandboxed preloads cannot load ESM), renderer.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          cli: resolve(__dirname, 'src-main/cli/node-cli.ts'),
          'workers/probe-worker': resolve(__dirname, 'src-main/workers/probe-worker.ts'),
          'workers/render-worker': resolve(__dirname, 'src-main/workers/render-worker.ts'),
          'workers/export-worker': resolve(__dirname, 'src-main/workers/export-worker.ts'),
          'workers/index-worker': resolve(__dirname, 'src-main/workers/index-worker.ts'),
          'workers/tagger-worker': resolve(__dirname, 'src-main/workers/tagger-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      // a sandboxed preload can require only 'electron': zod and the contract are bundled in
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
