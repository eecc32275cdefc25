import { defineConfig } from 'vitest/config';

// Unit tests are pure and fast; integration tests start real nats-servers with
// mutual TLS, so they get longer timeouts and run a few files at a time (2 cores).
export default defineConfig({
  test: {
    // Two cores: two test files at a time, each integration file with its own nats-server.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'certs-dev/test/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
