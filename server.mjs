// Production server: Express in front of the Remix build, with the CSRF check every non-GET request passes.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { databaseFile, writeServerMarker } from "./scripts/db-files.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));

/** Same-origin check per Lucia's guide: Sec-Fetch-Site when the browser sends it, else Origin against Host. */
export function isCrossSiteRequest(req) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return false;
  const fetchSite = req.get("Sec-Fetch-Site");
  if (fetchSite) return !(fetchSite === "same-origin" || fetchSite === "none");
  const origin = req.get("Origin");
  if (!origin) return true;
  try {
    return new URL(origin).host !== req.get("Host");
  } catch {
    return true;
  }
}

export const BUSY_MESSAGE = "ระบบไม่ว่างชั่วคราว โปรดลองอีกครั้ง";

/**
 * SQLite still locked by another writer after the busy timeout (or the app's own transaction queue full):
 * a temporary condition, answered 503 "try again" rather than a generic 500 (decision 027).
 */
export function isDatabaseBusy(error) {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 6; e = e.cause, depth++) {
    const text = `${e.code ?? ""} ${e.message ?? ""} ${safeJson(e.meta)}`;
    if (/SQLITE_BUSY|database is locked|SocketTimeout|Unable to start a transaction in the given time|P2028/i.test(text)) return true;
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
    Object.entries(build.routes).map(([id, route]) => [id, { ...route, module: { ...route.module, loader: guard(route.module.loader), action: guard(route.module.action) } }]),
  );
  return { ...build, routes };
}

export async function createApp({ build } = {}) {
  const serverBuild = withBusyAnswer(build ?? (await import(path.join(root, "build", "index.js"))));
  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy, TRUST_PROXY (e.g. "loopback") makes req.ip the client's address, not the proxy's.
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
  app.use(compression());
  app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
  app.use((req, res, next) => {
    if (!isCrossSiteRequest(req)) return next();
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send("คำขอนี้ถูกปฏิเสธ: ส่งมาจากเว็บไซต์อื่น (CSRF) กรุณากลับไปที่หน้าเว็บของระบบแล้วลองใหม่");
  });
  app.all(
    "*",
    createRequestHandler({
      build: serverBuild,
      mode: process.env.NODE_ENV ?? "production",
      getLoadContext: (req) => ({ clientIp: req.ip ?? undefined }),
    }),
  );
  return app;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.env.NODE_ENV ??= "production";
  const port = Number(process.env.PORT || 3000);
  const app = await createApp();
  // The marker next to the database tells `npm run db:restore` a server is using it (removed on exit).
  app.listen(port, () => {
    writeServerMarker(databaseFile(), port);
    console.log(`Sujarit: http://localhost:${port}`);
  });
}
