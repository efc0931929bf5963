// Production server: Express in front of the Remix build. Every request passes, in order: security headers
// (CSP with a per-response nonce, HSTS over HTTPS), the per-route body limit (request-limits.mjs), the CSRF
// check for non-GET requests, and no-store caching for signed-in pages and ?_data= JSON.
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { fileURLToPath } from "node:url";
import { bodyLimitFor, describeBytes } from "./request-limits.mjs";
import { databaseFile, writeServerMarker } from "./scripts/db-files.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));
const SESSION_COOKIE = /(?:^|;\s*)sujarit_session=[^;\s]/;

/**
 * Same-origin check per Lucia's guide: Sec-Fetch-Site when the browser sends it, else the whole Origin (scheme,
 * host and port) against this server's own. Behind a TLS proxy, TRUST_PROXY lets X-Forwarded-Proto say "https".
 */
export function isCrossSiteRequest(req) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return false;
  const fetchSite = req.get("Sec-Fetch-Site");
  if (fetchSite) return !(fetchSite === "same-origin" || fetchSite === "none");
  const origin = req.get("Origin");
  if (!origin) return true;
  try {
    return new URL(origin).origin !== new URL(`${req.protocol}://${req.get("Host")}`).origin;
  } catch {
    return true;
  }
}

/** The Content-Security-Policy for one response: scripts only from this site or inline with this nonce. */
export function contentSecurityPolicy(nonce) {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // React and recharts set style attributes; no script can be injected through them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function refuseTooLarge(res, limit) {
  if (res.headersSent) return;
  res
    .status(413)
    .set("Connection", "close")
    .type("text/plain; charset=utf-8")
    .send(`คำขอมีขนาดใหญ่เกินไป: หน้านี้รับข้อมูลได้ไม่เกิน ${describeBytes(limit)} ไม่ได้บันทึกข้อมูลใด ๆ`);
}

/** The request body as a stream that stops (and answers 413) once it passes `limit` bytes. */
function limitedBody(remix, req, res, limit, abort) {
  let seen = 0;
  const counter = new Transform({
    transform(chunk, _encoding, callback) {
      seen += chunk.length;
      if (seen <= limit) return callback(null, chunk);
      req.unpipe(counter);
      refuseTooLarge(res, limit);
      abort();
      callback(new Error("request body over its limit"));
    },
  });
  req.pipe(counter);
  return remix.createReadableStreamFromReadable(counter);
}

function remixHeaders(requestHeaders) {
  const headers = new Headers();
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (!values) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value);
  }
  return headers;
}

async function sendRemixResponse(remix, res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  // A route's own header replaces the default set above (evidence downloads set their own); cookies add up.
  for (const [key, value] of response.headers.entries()) {
    if (key === "set-cookie") res.append(key, value);
    else res.set(key, value);
  }
  if (response.body) await remix.writeReadableStreamToWritable(response.body, res);
  else res.end();
}

// @remix-run/express's handler (2.17.5), with the body read through limitedBody: its own request reads req
// directly, and its helpers are not exported.
function remixHandler(remix, { build, mode, getLoadContext }) {
  const handle = remix.createRequestHandler(build, mode);
  return async (req, res, next) => {
    try {
      let controller = new AbortController();
      res.on("finish", () => (controller = null));
      res.on("close", () => controller?.abort());
      const [, portText] = req.get("Host")?.split(":") ?? [];
      const url = new URL(`${req.protocol}://${req.hostname}${portText ? `:${portText}` : ""}${req.originalUrl}`);
      const init = { method: req.method, headers: remixHeaders(req.headers), signal: controller.signal };
      if (req.method !== "GET" && req.method !== "HEAD") {
        init.body = limitedBody(remix, req, res, bodyLimitFor(req.path), () => controller?.abort());
        init.duplex = "half";
      }
      const response = await handle(new Request(url.href, init), await getLoadContext(req, res));
      if (res.headersSent) return; // already answered (413) while the body was read
      await sendRemixResponse(remix, res, response);
    } catch (error) {
      if (!res.headersSent) next(error);
    }
  };
}

export const BUSY_MESSAGE = "ระบบไม่ว่างชั่วคราว โปรดลองอีกครั้ง";

/**
 * SQLite still locked by another writer after the busy timeout (or the app's own transaction queue full):
 * a temporary condition, answered 503 "try again" rather than a generic 500 (decision 027).
 */
export function isDatabaseBusy(error) {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 6; e = e.cause, depth++) {
    const text = `${e.code ?? ""} ${e.message ?? ""} ${safeJson(e.meta)}`;
    if (
      /SQLITE_BUSY|database is locked|SocketTimeout|Unable to start a transaction in the given time|P2028/i.test(text)
    )
      return true;
  }
  return false;
}

const safeJson = (value) => {
  try {
    return JSON.stringify(value ?? null);
  } catch {
    return "";
  }
};

/** Every loader and action of the build, with a busy database turned into a thrown 503 response. */
export function withBusyAnswer(build) {
  const guard = (fn) =>
    fn &&
    (async (args) => {
      try {
        return await fn(args);
      } catch (error) {
        if (!isDatabaseBusy(error)) throw error;
        throw new Response(JSON.stringify({ message: BUSY_MESSAGE }), {
          status: 503,
          headers: { "Content-Type": "application/json; charset=utf-8", "Retry-After": "5" },
        });
      }
    });
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [
      id,
      { ...route, module: { ...route.module, loader: guard(route.module.loader), action: guard(route.module.action) } },
    ]),
  );
  return { ...build, routes };
}

export async function createApp({ build } = {}) {
  // Imported here, not at the top: the primary of several processes only forks workers and need not hold Express
  // and Remix (about 10 MB of its private memory; decision 056).
  const [remix, { default: compression }, { default: express }] = await Promise.all([
    import("@remix-run/node"),
    import("compression"),
    import("express"),
  ]);
  const serverBuild = withBusyAnswer(build ?? (await import(path.join(root, "build", "index.js"))));
  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy, TRUST_PROXY (e.g. "loopback") makes req.ip the client's address, not the proxy's, and
  // req.secure / req.protocol follow X-Forwarded-Proto (HSTS, the CSRF origin, secure cookies).
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

  app.use((req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    res.set("Content-Security-Policy", contentSecurityPolicy(res.locals.cspNonce));
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Referrer-Policy", "same-origin");
    if (req.secure) res.set("Strict-Transport-Security", "max-age=31536000");
    next();
  });
  // Refused before a byte of the body is read when Content-Length is over the route's limit; a chunked body is
  // counted as it is read (limitedBody).
  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const limit = bodyLimitFor(req.path);
    const length = req.get("Content-Length");
    if (length !== undefined && !(Number(length) <= limit)) return refuseTooLarge(res, limit);
    next();
  });
  // Level 4, not zlib's default 6: half the CPU on the largest pages (/indicators 162 KB: 2.1 against 4.0 ms) for
  // about a tenth more bytes (20.2 against 18.3 KB); the server's CPU, not the network, bounds it (decision 054).
  app.use(compression({ level: 4 }));
  app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
  // Only a path under one of public's own entries goes to the file server: for every other (every page) it looked
  // for a file, and the error built for each miss, stack and all, was 3 % of the server's CPU under load.
  const publicDir = path.join(root, "public");
  const publicEntries = new Set(fs.existsSync(publicDir) ? fs.readdirSync(publicDir) : []);
  const servePublic = express.static(publicDir, { maxAge: "1h" });
  app.use((req, res, next) => (publicEntries.has(req.path.split("/", 2)[1]) ? servePublic(req, res, next) : next()));
  app.use((req, res, next) => {
    if (!isCrossSiteRequest(req)) return next();
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send("คำขอนี้ถูกปฏิเสธ: ส่งมาจากเว็บไซต์อื่น (CSRF) กรุณากลับไปที่หน้าเว็บของระบบแล้วลองใหม่");
  });
  // Signed-in pages and loader JSON never go into a shared or back-button cache, whatever a route set.
  app.use((req, res, next) => {
    if (!SESSION_COOKIE.test(req.get("Cookie") ?? "") && !("_data" in req.query)) return next();
    const writeHead = res.writeHead;
    res.writeHead = function (...args) {
      this.setHeader("Cache-Control", "no-store");
      return writeHead.apply(this, args);
    };
    next();
  });
  app.all(
    "*",
    remixHandler(remix, {
      build: serverBuild,
      mode: process.env.NODE_ENV ?? "production",
      getLoadContext: (req, res) => ({ clientIp: req.ip ?? undefined, cspNonce: res.locals.cspNonce }),
    }),
  );
  return app;
}

/**
 * Server processes for `npm start`: WEB_CONCURRENCY=n, or "auto" for one per core (decision 043); by default one
 * (decision 050: with one process, post-test submissions keep at least half the bare write throughput; with two,
 * writers in different processes wait in SQLite's busy handler and they do not).
 */
// One process per core unless WEB_CONCURRENCY=n says otherwise (decision 053 restored this default: at 25 requests/s
// one process fell behind, p95 5 s, two kept up, p95 252 ms; the submission ratio was below 0.5 with both).
export function workerCount(env = process.env, cores = os.availableParallelism()) {
  if (env.WEB_CONCURRENCY?.trim() === "auto") return cores;
  const asked = Number.parseInt(env.WEB_CONCURRENCY ?? "", 10);
  return Number.isInteger(asked) && asked > 0 ? asked : cores;
}

/**
 * V8 options for the worker processes (decision 061): a smaller young generation and an old generation that grows
 * in smaller steps. At 25 requests/s they keep two workers near 300 MB together instead of about 400, for a few
 * milliseconds on the slowest pages. A server started with either option set itself (e.g. `node
 * --max-semi-space-size=0 --heap-growing-percent=0 server.mjs` for V8's own defaults) passes its own instead.
 */
export const WORKER_HEAP_OPTIONS = ["--max-semi-space-size=8", "--heap-growing-percent=50"];
export function workerExecArgv(execArgv = process.execArgv) {
  const ownHeapOptions = execArgv.some((a) => /^--(max-semi-space-size|heap-growing-percent)(=|$)/.test(a));
  return ownHeapOptions ? execArgv : [...WORKER_HEAP_OPTIONS, ...execArgv];
}

/**
 * The worker processes' environment (decision 063): glibc's malloc keeps at most two arenas. By default it opens one
 * per thread that allocates (libuv's pool compressing pages, argon2, SQLite), and each keeps its freed memory: about
 * 12 MB more per worker under load, no faster. A server started with MALLOC_ARENA_MAX set passes its own on.
 * Other C libraries (musl) ignore the variable.
 */
export function workerEnv(env = process.env) {
  return env.MALLOC_ARENA_MAX ? {} : { MALLOC_ARENA_MAX: "2" };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.env.NODE_ENV ??= "production";
  const port = Number(process.env.PORT || 3000);
  const workers = workerCount();
  if (cluster.isPrimary && workers > 1) {
    // Several processes over the same WAL-mode SQLite file (decision 043): the primary only forks and restarts
    // workers; they share the port (the primary hands connections round-robin). Writers in different processes
    // wait in SQLite's busy handler (decision 050 measured a fair lock in the primary: it did worse).
    let listening = 0;
    let stopping = false;
    cluster.setupPrimary({ execArgv: workerExecArgv() });
    const fork = () => cluster.fork(workerEnv());
    for (let i = 0; i < workers; i++) fork();
    cluster.on("listening", () => {
      if (++listening !== workers) return;
      writeServerMarker(databaseFile(), port);
      console.log(`Sujarit: http://localhost:${port} (${workers} processes)`);
    });
    cluster.on("exit", (worker, code, signal) => {
      if (stopping) return;
      console.error(`Sujarit: process ${worker.process.pid} ended (${signal ?? code}); starting another`);
      fork();
    });
    for (const signal of ["SIGTERM", "SIGINT"]) {
      process.on(signal, () => {
        stopping = true;
        for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
        process.exit(0);
      });
    }
  } else {
    const app = await createApp();
    // The marker next to the database tells `npm run db:restore` a server is using it (removed on exit).
    app.listen(port, () => {
      if (cluster.isWorker) return; // the primary writes the marker and says where it listens
      writeServerMarker(databaseFile(), port);
      console.log(`Sujarit: http://localhost:${port}`);
    });
  }
}
