// How large a request body each route may send, in one table (issue 16, finding 4). server.mjs refuses a body over
// its route's limit with 413 before reading it: at once when Content-Length says so, and by counting bytes as they
// arrive for a chunked body. Routes then read the (bounded) form whole.
//
// To add an upload route: add a line ABOVE the default, with the route's own file limit plus room for the other
// fields and the multipart framing, and say where that file limit comes from. test/unit/request-limits.test.ts
// checks the upload lines against the app's own constants.

const KB = 1024;
const MB = 1024 * KB;

/** First match wins. `path` is matched against the URL path (no query). */
export const BODY_LIMITS = [
  { path: /^\/(login|logout)$/, bytes: 16 * KB, why: "sign-in and sign-out forms" },
  // Evidence for an indicator: one file of MAX_EVIDENCE_BYTES (5 MB, app/domain/indicator-entries.ts) + fields.
  { path: /^\/plan\/items\/[^/]+$/, bytes: 6 * MB, why: "indicator evidence file (5 MB) and the entry's fields" },
  // Roster import: one CSV of 2,000,000 bytes (app/routes/admin.people.import.tsx), then sent back once to apply.
  { path: /^\/admin\/people\/import$/, bytes: 3 * MB, why: "roster CSV (2 MB)" },
  // Complaint attachments (plan items 40–41): set this to the complaint form's own attachment rule when it lands.
  { path: /^\/report(\/|$)/, bytes: 11 * MB, why: "complaint form with attachments (two files of 5 MB)" },
  // Long Thai text: announcements (50,000 characters), orders, meeting minutes (50,000), question versions.
  // Thai is 9 bytes a character once URL-encoded.
  {
    path: /^\/(policies(\/.*)?|orders\/.*|salary\/meetings\/[^/]+|hr\/courses\/.+)$/,
    bytes: 1 * MB,
    why: "forms with long Thai text",
  },
  { path: /.*/, bytes: 64 * KB, why: "every other form" },
];

export function bodyLimitFor(pathname) {
  return BODY_LIMITS.find((limit) => limit.path.test(pathname)).bytes;
}

export function describeBytes(bytes) {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / KB)} KB`;
}
