import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const TMP = path.join(ROOT, "test", ".tmp");
export const BASE_DB = path.join(TMP, "base.db");
export const E2E_DB = path.join(TMP, "e2e.db");
export const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
