// Receipt codes for the complaint channel (decision 031): 16 symbols from a 32-symbol alphabet = 80 bits,
// shown as four groups of four. The alphabet leaves out the look-alikes 0/O, 1/I (so L is safe too), and
// whatever the reporter types is normalised: lower case, spaces, dashes and dots are all accepted.
// Pure: the random bytes come from the caller (crypto.randomBytes on the server).

export const RECEIPT_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const RECEIPT_LENGTH = 16;
export const RECEIPT_GROUP = 4;

/** Bits of entropy of a code: length × log2(alphabet size). */
export const RECEIPT_ENTROPY_BITS = RECEIPT_LENGTH * Math.log2(RECEIPT_ALPHABET.length);

/** A code from 16 random bytes: each byte's low 5 bits pick a symbol (32 divides 256, so no bias). */
export function receiptCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECEIPT_LENGTH) throw new Error(`receipt code needs ${RECEIPT_LENGTH} random bytes`);
  let code = "";
  for (let i = 0; i < RECEIPT_LENGTH; i++) code += RECEIPT_ALPHABET[bytes[i]! & 31];
  return code;
}

/** The code as shown and read aloud: ABCD-EFGH-JKLM-NPQR. */
export function formatReceiptCode(code: string): string {
  return code.match(new RegExp(`.{1,${RECEIPT_GROUP}}`, "g"))?.join("-") ?? code;
}

/**
 * What the reporter typed, as the canonical 16 symbols, or null when it cannot be a code. Separators and case
 * do not matter; "I" and "1" (never issued) are read as "L", "O" and "0" (never issued) cannot be guessed
 * safely and make the input invalid.
 */
export function normalizeReceiptCode(input: string): string | null {
  const compact = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-–—_.·/]+/g, "")
    .replace(/[I1]/g, "L");
  if (compact.length !== RECEIPT_LENGTH) return null;
  for (const ch of compact) if (!RECEIPT_ALPHABET.includes(ch)) return null;
  return compact;
}
