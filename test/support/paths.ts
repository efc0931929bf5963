import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const TMP = path.join(ROOT, "test", ".tmp");
export const BASE_DB = path.join(TMP, "base.db");
// SUJARIT_E2E_DB lets two runs share one worktree without sharing the e2e server's database.
export const E2E_DB = process.env.SUJARIT_E2E_DB || path.join(TMP, "e2e.db");
export const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
