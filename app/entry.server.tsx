import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // server.mjs made this response's CSP nonce; every inline script Remix writes must carry it.
  const nonce = typeof loadContext?.cspNonce === "string" ? loadContext.cspNonce : undefined;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce ?? ""}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = wholeDocumentWithoutNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.set("X-Frame-Options", "DENY");
          // X-Content-Type-Options, Referrer-Policy, the CSP and HSTS: server.mjs, for every response.
          if (responseStatusCode === 503) responseHeaders.set("Retry-After", "5"); // database busy (decision 027)
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * The document in one piece, without NUL bytes.
 * - React writes the document in 2 KiB pieces. The app streams nothing (no Suspense, no defer), so each piece only
 *   cost a write through the web stream, the compressor and the socket: one piece instead (decision 062). The pieces
 *   are React's own views, each a new buffer, so keeping them until the end is safe.
 * - React 18.3.1's stream writer flushes its whole 2 KiB buffer when a multi-byte character does not fit at the end,
 *   leaving one or two zero bytes in the HTML; Thai text (3 bytes a character) hits this on most pages. HTML never
 *   contains NUL, so dropping those bytes restores the exact text (docs/decisions/009).
 */
function wholeDocumentWithoutNulBytes() {
  const pieces: Buffer[] = [];
  return new Transform({
    transform(chunk: Uint8Array, _encoding, callback) {
      pieces.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      callback();
    },
    flush(callback) {
      callback(null, dropNulBytes(Buffer.concat(pieces)));
    },
  });
}

/** The chunk without its zero bytes, copying only when it has some (memchr, not a callback per byte). */
function dropNulBytes(chunk: Buffer): Buffer {
  let at = chunk.indexOf(0);
  if (at < 0) return chunk;
  const parts: Buffer[] = [];
  let start = 0;
  while (at >= 0) {
    if (at > start) parts.push(chunk.subarray(start, at));
    start = at + 1;
    at = chunk.indexOf(0, start);
  }
  if (start < chunk.length) parts.push(chunk.subarray(start));
  return Buffer.concat(parts);
}
