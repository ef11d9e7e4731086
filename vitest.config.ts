import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Three projects:
 * - core:    pure TypeScript in Node (core, llm, storage with fake-indexeddb, cli, scripts)
 * - ui:      Svelte components in jsdom
 * - browser: the built app in a real headless Chromium (Debian's chromium via playwright-core)
 */
export default defineConfig({
  test: {
    // Two workers for the core and ui projects. Vitest's default on a 2-core machine (CI's) is
    // cores - 1 = 1, which ran every file one after another; the browser project still runs
    // its files one at a time (fileParallelism: false puts them in their own group, after).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['tests/core/**/*.test.ts', 'tests/llm/**/*.test.ts', 'tests/storage/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['tests/ui/**/*.test.ts'],
          setupFiles: ['tests/helpers/ui-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
