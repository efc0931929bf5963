import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve(import.meta.dirname, "app") };

export default defineConfig({
  resolve: { alias },
  test: {
    // Scheduling on the two-core machine (decision 040): unit and integration files share one group whose worker
    // count is vitest's default (cores − 1, so one worker here: the other core serves the servers, tsx and SQLite
    // they spawn); the e2e files then run one at a time (fileParallelism: false) against one server and one
    // Chromium. Every file works on its own data, so order does not matter.
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          setupFiles: ["test/support/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/support/global-base-db.ts"],
          setupFiles: ["test/support/fail-on-console-error.ts", "test/support/worker-db.ts"],
          pool: "forks",
          // Long enough for the slowest file's tests under the shared machine's load; a guard against hangs.
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // One server on a copy of the seeded demo database and one Chromium for the whole run (decision 040).
          globalSetup: ["test/support/global-e2e-server.ts", "test/support/global-browser.ts"],
          setupFiles: ["test/support/e2e-db.ts"],
          fileParallelism: false,
          // A loaded CI machine can take more than the default second to finish a navigation.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          // A whole user journey (a complaint from report to close, a course from pre-test to certificate) passed
          // 60 s on the two-core machine under other helpers' load (load average 15-19): a timeout guards against
          // a hang, not a slow machine (decision 040).
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
