import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve(import.meta.dirname, "app") };

export default defineConfig({
  resolve: { alias },
  test: {
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
          testTimeout: 30_000,
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
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
