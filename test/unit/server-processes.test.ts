import { describe, expect, it } from "vitest";
import { workerCount } from "../../server.mjs";

// Decision 050: one server process unless WEB_CONCURRENCY asks for more.

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

describe("how many server processes `npm start` runs", () => {
  it("one by default, WEB_CONCURRENCY=n or one per core with auto", () => {
    expect(workerCount(env({}), 8)).toBe(1);
    expect(workerCount(env({ WEB_CONCURRENCY: "" }), 8)).toBe(1);
    expect(workerCount(env({ WEB_CONCURRENCY: "nonsense" }), 8)).toBe(1);
    expect(workerCount(env({ WEB_CONCURRENCY: "0" }), 8)).toBe(1);
    expect(workerCount(env({ WEB_CONCURRENCY: "3" }), 8)).toBe(3);
    expect(workerCount(env({ WEB_CONCURRENCY: "auto" }), 8)).toBe(8);
  });
});
