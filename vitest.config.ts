import { defineConfig } from 'vitest/config';

// Two projects: `unit` is the quick loop (`npm run test:fast`); `e2e` needs a browser or a full
// server start and runs in `npm test` only.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.e2e.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: [
            'packages/*/src/**/*.e2e.test.ts',
            'packages/*/e2e/**/*.test.ts',
            'test/**/*.test.ts',
          ],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
