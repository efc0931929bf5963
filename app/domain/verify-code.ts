import { formatOrderCode, isOrderCode, normalizeVerifyCode } from "./delegation";

// One reading of a typed verification code (issue 12 item 12): spaces, dashes, dots and lower case are ignored,
// so "abcd efgh jklm", "ABCD-EFGH-JKLM" and "abcdefghjklm" are the same certificate. Pure.

/** What a code is: a certificate's (12 symbols, printed ABCD-EFGH-JKLM), an order's (10, 7KQ2M-XH4PD), or unknown. */
export type VerifyCode = { kind: "certificate" | "order"; code: string } | { kind: "unknown"; code: string };

const CERTIFICATE_SYMBOLS = /^[A-Z2-7]{12}$/;

export function readVerifyCode(typed: string): VerifyCode {
  const code = normalizeVerifyCode(typed);
  if (isOrderCode(code)) return { kind: "order", code: formatOrderCode(code) };
  if (CERTIFICATE_SYMBOLS.test(code))
    return { kind: "certificate", code: `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}` };
  return { kind: "unknown", code: typed.trim().toUpperCase() };
}
