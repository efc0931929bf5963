import { describe, expect, it } from "vitest";
import { workerCount, workerEnv, workerExecArgv } from "../../server.mjs";

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

describe("the worker processes' V8 options (decision 061)", () => {
  it("are the smaller heap settings unless the server was started with its own", () => {
    expect(workerExecArgv([])).toEqual(["--max-semi-space-size=8", "--heap-growing-percent=50"]);
    expect(workerExecArgv(["--cpu-prof"])).toEqual([
      "--max-semi-space-size=8",
      "--heap-growing-percent=50",
      "--cpu-prof",
    ]);
    expect(workerExecArgv(["--max-semi-space-size=0", "--heap-growing-percent=0"])).toEqual([
      "--max-semi-space-size=0",
      "--heap-growing-percent=0",
    ]);
    expect(workerExecArgv(["--heap-growing-percent=30"])).toEqual(["--heap-growing-percent=30"]);
  });
});

describe("the worker processes' malloc arenas (decision 063)", () => {
  it("are at most two unless the server was started with its own MALLOC_ARENA_MAX", () => {
    expect(workerEnv(env({}))).toEqual({ MALLOC_ARENA_MAX: "2" });
    expect(workerEnv(env({ MALLOC_ARENA_MAX: "4" }))).toEqual({});
  });
});
