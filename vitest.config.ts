import { defineConfig } from 'vitest/config';

// On PostgreSQL only the API tests (*.api.test.ts) run again; pure rule tests and the web's need no database.
const onPostgres = process.env.GUANXI_TEST_DB === 'postgres';

export default defineConfig({
  test: {
    include: onPostgres ? ['server/**/*.api.test.ts', 'test/**/*.api.test.ts'] : ['server/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
