import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The fault test runs three 10,000-signal loads (~6 minutes): it starts first, so the
 * other worker runs every other file meanwhile. Without this, a clean clone (no timing
 * cache) could start it last and double the suite's wall time.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (f: TestSpecification) => f.moduleId.endsWith('tests/faults.test.ts');
    return [...sorted.filter(long), ...sorted.filter((f) => !long(f))];
  }
}

// Unit tests are pure and fast; integration tests start real nats-servers with
// mutual TLS, so they get longer timeouts and run a few files at a time (2 cores).
export default defineConfig({
  test: {
    // Two cores: two test files at a time, each integration file with its own nats-server.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/*/test/**/*.test.ts',
            'services/*/test/**/*.test.ts',
            'certs-dev/test/**/*.test.ts',
            'scripts/test/**/*.test.ts',
          ],
          testTimeout: 20_000,
          // Some set-ups generate keys and certificates: on two busy cores that took over 10 s.
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          // One development PKI for the run, copied into each test home (packages/testkit).
          globalSetup: ['tests/setup/pki.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
