import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest files, longest first (measured on 2 cores: faults ~150–195 s, the cluster
 * publish ~85–95 s, the others 40–60 s): the fault test starts first, so the other worker
 * runs every other file meanwhile, and no long file is left to run alone at the end. Without
 * this, a clean clone (no timing cache) orders files by size and could start one of them last.
 */
const LONGEST = ['faults', 'cluster-publish', 'cli-habits', 'bench-command', 'supervisor'].map(
  (name) => `tests/${name}.test.ts`,
);

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => LONGEST.findIndex((name) => f.moduleId.endsWith(name));
    const long = sorted.filter((f) => rank(f) >= 0).sort((a, b) => rank(a) - rank(b));
    return [...long, ...sorted.filter((f) => rank(f) < 0)];
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
