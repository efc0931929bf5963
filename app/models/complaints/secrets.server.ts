import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { formatReceiptCode, receiptCodeFromBytes } from "~/domain/receipt-code";

// The channel's secrets (decisions 031, 032): receipt codes, stored only as a hash, and the reporter's identity,
// sealed with a key that is never in the database.

/** A fresh code: the canonical 16 symbols and how it is shown (ABCD-EFGH-JKLM-NPQR). */
export function newReceiptCode(): { code: string; shown: string } {
  const code = receiptCodeFromBytes(randomBytes(16));
  return { code, shown: formatReceiptCode(code) };
}

/**
 * SHA-256 of the normalised code. A fast hash is enough: the code carries 80 random bits, so even a billion
 * billion guesses a second against a stolen database would take years (decision 031).
 */
export function receiptHash(normalizedCode: string): string {
  return createHash("sha256").update(`sujarit-receipt-v1:${normalizedCode}`).digest("hex");
}

// ── the identity key ──

let cachedKey: Buffer | undefined;

export function complaintKeyFile(): string {
  return path.resolve(process.env.COMPLAINT_KEY_FILE ?? path.join("data", "complaint.key"));
}

/** COMPLAINT_KEY (32 bytes, base64 or hex) or the key file, created on first use with mode 0600. */
export function complaintKey(): Buffer {
  if (cachedKey) return cachedKey;
  const fromEnv = process.env.COMPLAINT_KEY?.trim();
  if (fromEnv) {
    const key = /^[0-9a-f]{64}$/i.test(fromEnv) ? Buffer.from(fromEnv, "hex") : Buffer.from(fromEnv, "base64");
    if (key.length !== 32) throw new Error("COMPLAINT_KEY must be 32 bytes (64 hex digits or base64)");
    return (cachedKey = key);
  }
  const file = complaintKeyFile();
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64") + "\n", { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  return (cachedKey = key);
}

export type ReporterIdentity = { name: string; contact: string };

/** AES-256-GCM: "v1." + base64(iv | tag | ciphertext); the complaint id is bound in as associated data. */
export function sealIdentity(identity: ReporterIdentity, complaintId: number): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", complaintKey(), iv);
  cipher.setAAD(Buffer.from(`complaint:${complaintId}`));
  const body = Buffer.concat([cipher.update(JSON.stringify(identity), "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

/** The identity, or null when the key in use is not the one it was sealed with. */
export function openIdentity(sealed: string, complaintId: number): ReporterIdentity | null {
  try {
    const raw = Buffer.from(sealed.replace(/^v1\./, ""), "base64");
    const decipher = createDecipheriv("aes-256-gcm", complaintKey(), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(`complaint:${complaintId}`));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    return JSON.parse(text) as ReporterIdentity;
  } catch {
    return null;
  }
}
