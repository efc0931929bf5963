import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
// SUJARIT_TEST_TMP moves every test database (base, e2e, seeded, per-file copies), so two runs can share a worktree.
export const TMP = process.env.SUJARIT_TEST_TMP || path.join(ROOT, "test", ".tmp");
export const BASE_DB = path.join(TMP, "base.db");
// SUJARIT_E2E_DB lets two runs share one worktree without sharing the e2e server's database.
export const E2E_DB = process.env.SUJARIT_E2E_DB || path.join(TMP, "e2e.db");
export const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
