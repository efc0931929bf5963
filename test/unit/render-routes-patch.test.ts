import fs from "node:fs";
import { createRequire } from "node:module";
import type * as ReactTypes from "react";
import type * as ReactDomServer from "react-dom/server";
import type * as RemixReact from "@remix-run/react";
import type * as ReactRouterDom from "react-router-dom";
import { describe, expect, it } from "vitest";
import { RENDER_ROUTES_MARKER, RENDER_ROUTE_PATCHES } from "../../scripts/patch-dependencies.mjs";
import { FUTURE_FLAGS_OFF } from "../support/remix-future";

// The server loads these libraries' CommonJS builds; require them the same way (one instance of each, as there).
const load = createRequire(import.meta.url);
const React = load("react") as typeof ReactTypes;
const { renderToString } = load("react-dom/server") as typeof ReactDomServer;
const { RemixServer } = load("@remix-run/react") as typeof RemixReact;
const { UNSAFE_DataRouterContext, Outlet, useLocation } = load("react-router-dom") as typeof ReactRouterDom;
const { createEntryRouteModules } = load("@remix-run/server-runtime/dist/entry.js") as {
  createEntryRouteModules: (manifest: Record<string, { module: unknown }>) => Record<string, unknown>;
};

// A two-page app rendered by RemixServer, as the server's document requests render ours. Each render records the
// route tree the static router was given, so the test can see whether it was built again.
const seenRouteTrees: unknown[] = [];
function Root() {
  seenRouteTrees.push(React.useContext(UNSAFE_DataRouterContext)?.router.routes);
  return React.createElement("main", null, React.createElement(Outlet));
}
const page = (name: string) =>
  function Page() {
    return React.createElement("p", null, `${name} at ${useLocation().pathname}`);
  };
const serverRoutes = {
  root: { id: "root", path: "", module: { default: Root } },
  "routes/a": { id: "routes/a", parentId: "root", path: "a", module: { default: page("page A") } },
  "routes/b": { id: "routes/b", parentId: "root", path: "b", module: { default: page("page B") } },
};
const manifestRoutes = Object.fromEntries(
  Object.values(serverRoutes).map(({ module: _module, ...route }) => [
    route.id,
    {
      ...route,
      module: `/${route.id}.js`,
      hasAction: false,
      hasLoader: false,
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: false,
    },
  ]),
);
const future = FUTURE_FLAGS_OFF;
const manifest = {
  routes: manifestRoutes,
  entry: { module: "/entry.js", imports: [] },
  url: "/manifest.js",
  version: "1",
};

/** Renders `pathname` the way server-runtime's document request does: route modules from the build, fresh context. */
function render(pathname: string) {
  const routeModules = createEntryRouteModules(serverRoutes);
  const root = { id: "root", path: "" };
  const leaf = { id: pathname === "/a" ? "routes/a" : "routes/b", path: pathname.slice(1) };
  const staticHandlerContext = {
    basename: "/",
    location: { pathname, search: "", hash: "", state: null, key: "default" },
    matches: [
      { params: {}, pathname: "/", pathnameBase: "/", route: root },
      { params: {}, pathname, pathnameBase: pathname, route: leaf },
    ],
    loaderData: {},
    actionData: null,
    errors: null,
    statusCode: 200,
    loaderHeaders: {},
    actionHeaders: {},
    activeDeferreds: null,
  };
  const context = {
    manifest,
    routeModules,
    staticHandlerContext,
    future,
    isSpaMode: false,
    serverHandoffString: "{}",
    criticalCss: undefined,
    serializeError: (e: Error) => e,
  };
  // @ts-expect-error -- a minimal EntryContext: the fields RemixServer reads.
  return renderToString(React.createElement(RemixServer, { context, url: `http://localhost${pathname}` }));
}

describe("the route tree built once per build (decision 062)", () => {
  it("is applied to each library the server's page render loads", () => {
    for (const { file } of RENDER_ROUTE_PATCHES)
      expect(fs.readFileSync(file, "utf8"), file).toContain(RENDER_ROUTES_MARKER);
  });

  it("renders each page with its own location and route after others, and builds the route tree once", () => {
    seenRouteTrees.length = 0;
    for (const [pathname, text] of [
      ["/a", "page A at /a"],
      ["/b", "page B at /b"],
      ["/a", "page A at /a"],
    ]) {
      const html = render(pathname);
      expect(html, pathname).toContain(text);
      expect(html).not.toContain(text.includes("A") ? "page B" : "page A");
    }
    expect(seenRouteTrees).toHaveLength(3);
    expect(seenRouteTrees[0]).toBeTruthy();
    expect(seenRouteTrees[1]).toBe(seenRouteTrees[0]);
    expect(seenRouteTrees[2]).toBe(seenRouteTrees[0]);
  });

  it("gives a new build's routes their own route modules", () => {
    const first = createEntryRouteModules(serverRoutes);
    expect(createEntryRouteModules(serverRoutes)).toBe(first);
    const rebuilt = {
      ...serverRoutes,
      "routes/b": { ...serverRoutes["routes/b"], module: { default: page("new B") } },
    };
    const second = createEntryRouteModules(rebuilt);
    expect(second).not.toBe(first);
    expect(second["routes/b"]).toBe(rebuilt["routes/b"].module);
  });
});
