import { join } from 'node:path';
import { mergeConfig } from 'vite';
import { defineConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// CI collects jest-style counts from TEST_REPORT_DIR (see scripts/test-summary.mjs).
const reportDir = process.env.TEST_REPORT_DIR;

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
      restoreMocks: true,
      unstubGlobals: true,
      // Lazy routes are transformed on first use: the first test of a file may wait a few seconds for them.
      testTimeout: 20_000,
      ...(reportDir ? { reporters: ['default', 'json'], outputFile: { json: join(reportDir, 'web-unit.json') } } : {}),
    },
  }),
);
