import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// The install's secret key for seals (decision 022): order seals, the audit-log hash chain and the survey's held
// answers are keyed with it. It is never stored in the database, so someone holding the database files or a
// backup of them cannot forge a seal. Taken from SEAL_KEY, else from a key file (SEAL_KEY_FILE, default
// data/seal.key) created with mode 0600 the first time it is needed. Back it up apart from the database.

const MIN_KEY_CHARS = 32;
let cached: Buffer | undefined;

export function sealKeyFile(): string {
  return path.resolve(process.env.SEAL_KEY_FILE || path.join("data", "seal.key"));
}

function parseKey(text: string, source: string): Buffer {
  const key = text.trim();
  if (key.length < MIN_KEY_CHARS)
    throw new Error(`${source}: the seal key must be at least ${MIN_KEY_CHARS} characters`);
  return Buffer.from(key, "utf8");
}

/** Read the key file, creating it (random, 0600) if it does not exist. Returns whether it was created. */
export function ensureSealKeyFile(file = sealKeyFile()): { file: string; created: boolean } {
  if (fs.existsSync(file)) return { file, created: false };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = createHmac("sha256", crypto.getRandomValues(new Uint8Array(32)))
    .update("sujarit seal key")
    .digest("base64url");
  try {
    fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: "wx" });
    return { file, created: true };
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return { file, created: false };
    throw error;
  }
}

function sealKey(): Buffer {
  if (cached) return cached;
  const fromEnv = process.env.SEAL_KEY;
  if (fromEnv) return (cached = parseKey(fromEnv, "SEAL_KEY"));
  const { file } = ensureSealKeyFile();
  return (cached = parseKey(fs.readFileSync(file, "utf8"), file));
}

/** A key for one purpose, derived from the install's key (so one use can never stand in for another). */
export function purposeKey(purpose: "order-seal" | "audit-chain" | "survey-held"): Buffer {
  let key = derived.get(purpose);
  if (!key) derived.set(purpose, (key = createHmac("sha256", sealKey()).update(`sujarit:${purpose}`).digest()));
  return key;
}
const derived = new Map<string, Buffer>();

/** HMAC-SHA256 (hex) of a text under a purpose's key. */
export function keyedHash(purpose: "order-seal" | "audit-chain", text: string): string {
  return createHmac("sha256", purposeKey(purpose)).update(text, "utf8").digest("hex");
}
