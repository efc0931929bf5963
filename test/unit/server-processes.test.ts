import { describe, expect, it } from "vitest";
import { workerCount } from "../../server.mjs";

// Decisions 043 and 053: one server process per core unless WEB_CONCURRENCY asks for another number.

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

describe("how many server processes `npm start` runs", () => {
  it("one per core by default or with auto, WEB_CONCURRENCY=n otherwise", () => {
    expect(workerCount(env({}), 8)).toBe(8);
    expect(workerCount(env({}), 2)).toBe(2);
    expect(workerCount(env({ WEB_CONCURRENCY: "" }), 8)).toBe(8);
    expect(workerCount(env({ WEB_CONCURRENCY: "nonsense" }), 8)).toBe(8);
    expect(workerCount(env({ WEB_CONCURRENCY: "0" }), 8)).toBe(8);
    expect(workerCount(env({ WEB_CONCURRENCY: "1" }), 8)).toBe(1);
    expect(workerCount(env({ WEB_CONCURRENCY: "3" }), 8)).toBe(3);
    expect(workerCount(env({ WEB_CONCURRENCY: "auto" }), 8)).toBe(8);
  });
});
