import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { LOADER_DATA_MARKER, LOADER_DATA_PATCHES } from "../../scripts/patch-dependencies.mjs";
import { FUTURE_FLAGS_OFF } from "../support/remix-future";

// The server loads Remix's CommonJS builds; require them the same way (the patched files).
const load = createRequire(import.meta.url);
const { createRequestHandler, json } = load("@remix-run/server-runtime") as {
  createRequestHandler: (build: unknown, mode?: string) => (request: Request) => Promise<Response>;
  json: (data: unknown, init?: ResponseInit) => Response;
};

// A two-route app through Remix's own request handler: the page's loader records the request it was given and
// returns what the test asks; the document "render" answers with the loader data the page would be rendered with.
const seen: { request?: Request } = {};
let pageData: () => unknown = () => json({ ok: true });
const route = (
  id: string,
  parentId: string | undefined,
  path: string,
  loader: (args: { request: Request }) => unknown,
) => ({
  id,
  parentId,
  path,
  module: { default: () => null, loader },
});
const build = {
  mode: "production",
  basename: undefined,
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  isSpaMode: false,
  future: FUTURE_FLAGS_OFF,
  entry: {
    module: {
      default: (
        _request: Request,
        status: number,
        headers: Headers,
        context: { staticHandlerContext: { loaderData: Record<string, unknown> } },
      ) => {
        const page = context.staticHandlerContext.loaderData["routes/page"] as { at?: unknown } | undefined;
        headers.set("Content-Type", "application/json");
        return new Response(
          JSON.stringify({ loaderData: context.staticHandlerContext.loaderData, atType: typeof page?.at }),
          { status, headers },
        );
      },
    },
  },
  routes: {
    root: route("root", undefined, "", () => json({ root: true })),
    "routes/page": route("routes/page", "root", "page", ({ request }) => {
      seen.request = request;
      return pageData();
    }),
  },
  assets: {
    entry: { module: "/entry.js", imports: [] },
    routes: Object.fromEntries(
      ["root", "routes/page"].map((id) => [
        id,
        {
          id,
          parentId: id === "root" ? undefined : "root",
          path: id === "root" ? "" : "page",
          module: `/${id}.js`,
          hasLoader: true,
          hasAction: false,
          hasClientAction: false,
          hasClientLoader: false,
          hasErrorBoundary: false,
        },
      ]),
    ),
    url: "/manifest.js",
    version: "1",
  },
};
const handle = createRequestHandler(build, "production");

async function documentData(url: string) {
  const request = new Request(`http://localhost${url}`);
  const response = await handle(request);
  expect(response.status, url).toBe(200);
  return { request, body: (await response.json()) as { loaderData: Record<string, unknown>; atType: string } };
}

describe("loader requests and data without copies (decision 063)", () => {
  it("is applied to the files the server loads", () => {
    for (const { file } of LOADER_DATA_PATCHES)
      expect(fs.readFileSync(file, "utf8"), file).toContain(LOADER_DATA_MARKER);
  });

  it("hands a loader the request itself when there is nothing to take out of its URL", async () => {
    pageData = () => json({ ok: true });
    const { request } = await documentData("/page?year=2569");
    expect(seen.request).toBe(request);
    expect(seen.request!.url).toBe("http://localhost/page?year=2569");
  });

  it("still takes out an empty ?index and ?_data, and answers ?_data with the route's JSON", async () => {
    pageData = () => json({ ok: true });
    const { request } = await documentData("/page?index&year=2569");
    expect(seen.request).not.toBe(request);
    expect(seen.request!.url).toBe("http://localhost/page?year=2569");

    const data = await handle(new Request("http://localhost/page?year=2569&_data=routes%2Fpage"));
    expect(data.status).toBe(200);
    expect(data.headers.get("X-Remix-Response")).toBe("yes");
    expect(await data.json()).toEqual({ ok: true });
    expect(seen.request!.url).toBe("http://localhost/page?year=2569");
  });

  it("renders the page with the data the browser receives: JSON's, not the loader's objects", async () => {
    let made: Response | undefined;
    pageData = () => (made = json({ at: new Date(0), gone: undefined, list: [undefined, 1], text: "ก\u0000\ud800" }));
    const { body } = await documentData("/page");
    // Parsed from the text json() made: the Response's body was never streamed back.
    expect(made!.bodyUsed).toBe(false);
    expect(body.atType).toBe("string");
    expect(body.loaderData).toEqual({
      root: { root: true },
      "routes/page": { at: "1970-01-01T00:00:00.000Z", list: [null, 1], text: "ก\u0000\ud800" },
    });
    expect(Object.keys(body.loaderData["routes/page"] as object)).not.toContain("gone");
  });

  it("reads a Response the loader made itself from its body, JSON or text", async () => {
    pageData = () => new Response('{"own":1}', { headers: { "Content-Type": "application/json; charset=utf-8" } });
    expect((await documentData("/page")).body.loaderData["routes/page"]).toEqual({ own: 1 });
    pageData = () => new Response("plain words");
    expect((await documentData("/page")).body.loaderData["routes/page"]).toBe("plain words");
    pageData = () => ({ naked: [1, 2] });
    expect((await documentData("/page")).body.loaderData["routes/page"]).toEqual({ naked: [1, 2] });
  });
});
