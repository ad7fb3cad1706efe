import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The machines are shared and slow: no test may depend on speed.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
