import { defineConfig } from 'vitest/config';

// Unit (core), api (handlers through a transport) and shell (stubbed electron)
// run in plain Node. End-to-end tests are Playwright's (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/api/**/*.test.ts', 'test/shell/**/*.test.ts', 'test/torture/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    env: { LORA_TAGGER_CHECK_OUTPUT: '1' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
