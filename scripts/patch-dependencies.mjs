// Runs after `npm install` / `npm ci` (package.json "postinstall"). Patches the server builds of Remix's routing
// libraries so work that depends only on the app's route tree is done once per build instead of on every request:
// - @remix-run/router (decision 054): flattening and ranking the 87 routes and compiling each path to a RegExp, three
//   times per document request, was 8–18 % of the server's CPU time;
// - @remix-run/server-runtime, @remix-run/react and react-router-dom (decision 062): the route modules map, the
//   React route tree and the static router's data routes, rebuilt for every page rendered (and with them the route
//   tree flattened and ranked again, because the memo above is per route array);
// - @remix-run/server-runtime and @remix-run/router again (decision 063): each loader's request copied twice to take
//   out "?index" and "?_data" that were not there, and each loader's JSON read back from its Response's body stream.
// What they return is unchanged (same objects built from the same build, the same data). Idempotent; if a file is not the version
// this was written against it changes nothing and says so, and test/unit/router-patch.test.ts fails, so a
// dependency bump cannot drop a patch silently.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ROUTER_FILE = path.join(root, "node_modules", "@remix-run", "router", "dist", "router.cjs.js");
export const PATCH_MARKER = "/* sujarit: memoized route matching (decisions 054, 062) */";

// The same routes array (the server's route tree is built once) gives the same ranked branches; each path compiles
// to its RegExp once.
const compilePathEdit = {
  find: "function compilePath(path, caseSensitive, end) {\n",
  replace:
    "function compilePath(path, caseSensitive, end) {\n" +
    '  let sujaritKey = path + "\\u0000" + (caseSensitive === true) + "\\u0000" + (end !== false);\n' +
    "  let sujaritHit = sujaritCompiledPaths.get(sujaritKey);\n" +
    "  if (sujaritHit) return sujaritHit;\n" +
    "  let sujaritCompiled = sujaritCompilePath(path, caseSensitive, end);\n" +
    "  if (sujaritCompiledPaths.size > 2000) sujaritCompiledPaths.clear();\n" +
    "  sujaritCompiledPaths.set(sujaritKey, sujaritCompiled);\n" +
    "  return sujaritCompiled;\n" +
    "}\n" +
    "function sujaritCompilePath(path, caseSensitive, end) {\n",
};
const rankedBranchesHelper =
  "const sujaritCompiledPaths = new Map();\n" +
  "const sujaritBranches = new WeakMap();\n" +
  "function sujaritRankedBranches(routes) {\n" +
  "  let branches = sujaritBranches.get(routes);\n" +
  "  if (!branches) {\n" +
  "    branches = flattenRoutes(routes);\n" +
  "    rankRouteBranches(branches);\n" +
  "    sujaritBranches.set(routes, branches);\n" +
  "  }\n" +
  "  return branches;\n" +
  "}\n";

// matchRoutesImpl's opening, up to where it ranks the branches: kept as it is, the memo goes after it.
const matchRoutesHead =
  "function matchRoutesImpl(routes, locationArg, basename, allowPartial) {\n" +
  '  let location = typeof locationArg === "string" ? parsePath(locationArg) : locationArg;\n' +
  '  let pathname = stripBasename(location.pathname || "/", basename);\n' +
  "  if (pathname == null) {\n" +
  "    return null;\n" +
  "  }\n";

const edits = [
  compilePathEdit,
  {
    // A document request matches its path three times (server runtime, static handler, React render) against the
    // same route array: the matches for a path are kept per route array (decision 062) and handed out as copies, so
    // a caller changing its matches or params changes nobody else's.
    find: matchRoutesHead + "  let branches = flattenRoutes(routes);\n" + "  rankRouteBranches(branches);\n",
    replace:
      `${PATCH_MARKER}\n` +
      rankedBranchesHelper +
      "const sujaritMatches = new WeakMap();\n" +
      "function sujaritCopyMatches(matches) {\n" +
      "  if (!matches) return matches;\n" +
      "  let params = matches.length ? { ...matches[0].params } : {};\n" +
      "  return matches.map((match) => ({ ...match, params }));\n" +
      "}\n" +
      matchRoutesHead +
      "  let byPath = sujaritMatches.get(routes);\n" +
      "  if (!byPath) {\n" +
      "    byPath = new Map();\n" +
      "    sujaritMatches.set(routes, byPath);\n" +
      "  }\n" +
      '  let key = pathname + "\\u0000" + (allowPartial === true);\n' +
      "  let found = byPath.get(key);\n" +
      "  if (found === undefined) {\n" +
      "    found = sujaritMatchRoutesUncached(routes, pathname, allowPartial);\n" +
      "    if (byPath.size >= 1000) byPath.clear();\n" +
      "    byPath.set(key, found);\n" +
      "  }\n" +
      "  return sujaritCopyMatches(found);\n" +
      "}\n" +
      "function sujaritMatchRoutesUncached(routes, pathname, allowPartial) {\n" +
      "  let branches = sujaritRankedBranches(routes);\n",
  },
];

// Decision 054's first version of the patch: undone before the current one is applied to an install that has it.
const PREVIOUS_MARKER = "/* sujarit: memoized route matching (decision 054) */";
export const PREVIOUS_ROUTER_EDITS = [
  {
    find: "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n",
    replace: "  let branches = sujaritRankedBranches(routes);\n",
  },
  compilePathEdit,
  {
    find: "function matchRoutesImpl(routes, locationArg, basename, allowPartial) {\n",
    replace:
      `${PREVIOUS_MARKER}\n` +
      rankedBranchesHelper +
      "function matchRoutesImpl(routes, locationArg, basename, allowPartial) {\n",
  },
];

/** Applies `edits` (each `find` must occur exactly once) to `file` unless `marker` shows it was done. */
export function patchFile(file, marker, edits) {
  if (!fs.existsSync(file)) return { status: "missing" };
  const source = fs.readFileSync(file, "utf8");
  if (source.includes(marker)) return { status: "already patched" };
  if (!edits.every((edit) => source.split(edit.find).length === 2)) return { status: "unexpected version" };
  let patched = source;
  for (const edit of edits) patched = patched.replace(edit.find, () => edit.replace);
  fs.writeFileSync(file, patched);
  return { status: "patched" };
}

export function patchRouter(file = ROUTER_FILE) {
  if (fs.existsSync(file)) {
    const source = fs.readFileSync(file, "utf8");
    if (
      source.includes(PREVIOUS_MARKER) &&
      PREVIOUS_ROUTER_EDITS.every((edit) => source.split(edit.replace).length === 2)
    ) {
      let undone = source;
      for (const edit of [...PREVIOUS_ROUTER_EDITS].reverse()) undone = undone.replace(edit.replace, () => edit.find);
      fs.writeFileSync(file, undone);
    }
  }
  return patchFile(file, PATCH_MARKER, edits);
}

// Decision 062: the page render's route tree, once per build.
export const RENDER_ROUTES_MARKER = "/* sujarit: route tree built once per build (decision 062) */";
const modules = (...parts) => path.join(root, "node_modules", ...parts);
export const RENDER_ROUTE_PATCHES = [
  {
    // The map from route id to route module, handed to the page render: one per build's routes object.
    file: modules("@remix-run", "server-runtime", "dist", "entry.js"),
    edits: [
      {
        find: "function createEntryRouteModules(manifest) {\n",
        replace:
          `${RENDER_ROUTES_MARKER}\n` +
          "const sujaritEntryRouteModules = new WeakMap();\n" +
          "function createEntryRouteModules(manifest) {\n" +
          "  let modules = sujaritEntryRouteModules.get(manifest);\n" +
          "  if (!modules) {\n" +
          "    modules = sujaritCreateEntryRouteModules(manifest);\n" +
          "    sujaritEntryRouteModules.set(manifest, modules);\n" +
          "  }\n" +
          "  return modules;\n" +
          "}\n" +
          "function sujaritCreateEntryRouteModules(manifest) {\n",
      },
    ],
  },
  {
    // RemixServer's React route tree: one per (manifest routes, route modules, future flags, SPA mode).
    file: modules("@remix-run", "react", "dist", "server.js"),
    edits: [
      {
        find: "  let routes$1 = routes.createServerRoutes(manifest.routes, routeModules, context.future, context.isSpaMode);\n",
        replace:
          "  let routes$1 = sujaritServerRoutes(manifest.routes, routeModules, context.future, context.isSpaMode);\n",
      },
      {
        find: "function RemixServer({\n",
        replace:
          `${RENDER_ROUTES_MARKER}\n` +
          "const sujaritServerRouteTrees = new WeakMap();\n" +
          "function sujaritServerRoutes(manifestRoutes, routeModules, future, isSpaMode) {\n" +
          "  let byModules = sujaritServerRouteTrees.get(manifestRoutes);\n" +
          "  if (!byModules) {\n" +
          "    byModules = new WeakMap();\n" +
          "    sujaritServerRouteTrees.set(manifestRoutes, byModules);\n" +
          "  }\n" +
          "  let kept = byModules.get(routeModules);\n" +
          "  if (kept && kept.future === future && kept.isSpaMode === isSpaMode) return kept.routes;\n" +
          "  let built = routes.createServerRoutes(manifestRoutes, routeModules, future, isSpaMode);\n" +
          "  byModules.set(routeModules, { future, isSpaMode, routes: built });\n" +
          "  return built;\n" +
          "}\n" +
          "function RemixServer({\n",
      },
    ],
  },
  {
    // The static router's data routes: one per route array, so react-router's matching reuses its ranked branches.
    file: modules("react-router-dom", "server.js"),
    edits: [
      {
        find:
          "  let manifest = {};\n" +
          "  let dataRoutes = router.UNSAFE_convertRoutesToDataRoutes(routes, reactRouter.UNSAFE_mapRouteProperties, undefined, manifest);\n",
        replace:
          "  let sujaritConverted = sujaritDataRoutes.get(routes);\n" +
          "  if (!sujaritConverted) {\n" +
          "    let manifest = {};\n" +
          "    let dataRoutes = router.UNSAFE_convertRoutesToDataRoutes(routes, reactRouter.UNSAFE_mapRouteProperties, undefined, manifest);\n" +
          "    sujaritConverted = { manifest, dataRoutes };\n" +
          "    sujaritDataRoutes.set(routes, sujaritConverted);\n" +
          "  }\n" +
          "  let { manifest, dataRoutes } = sujaritConverted;\n",
      },
      {
        find: "function createStaticRouter(routes, context, opts = {}) {\n",
        replace:
          `${RENDER_ROUTES_MARKER}\n` +
          "const sujaritDataRoutes = new WeakMap();\n" +
          "function createStaticRouter(routes, context, opts = {}) {\n",
      },
    ],
  },
];

/** Applies one decision's patches, file by file: [{ file, status }]. */
const patchAll = (patches, marker) => patches.map(({ file, edits }) => ({ file, ...patchFile(file, marker, edits) }));

export function patchRenderRoutes() {
  return patchAll(RENDER_ROUTE_PATCHES, RENDER_ROUTES_MARKER);
}

// Decision 063: a loader's request and data without copies. Remix copies the request twice for every loader to drop
// "?index" and "?_data" (two `new Request`s, each with its own AbortSignal, even when neither is in the URL), and its
// document render reads each loader's data back by streaming the JSON text `json()` just wrote through a Response
// body, decoding and parsing it. A request without a body and without either word in its URL is handed on as it is;
// the data is parsed from the text `json()` made, the same text the body holds (the body stays unread).
export const LOADER_DATA_MARKER = "/* sujarit: loader requests and data without copies (decision 063) */";
export const LOADER_DATA_PATCHES = [
  {
    file: modules("@remix-run", "server-runtime", "dist", "data.js"),
    edits: [
      {
        find: "function stripIndexParam(request) {\n  let url = new URL(request.url);\n",
        replace:
          `${LOADER_DATA_MARKER}\n` +
          "function stripIndexParam(request) {\n" +
          '  if (request.body == null && !request.url.includes("index")) return request;\n' +
          "  let url = new URL(request.url);\n",
      },
      {
        find: "function stripDataParam(request) {\n  let url = new URL(request.url);\n",
        replace:
          "function stripDataParam(request) {\n" +
          '  if (request.body == null && !request.url.includes("_data")) return request;\n' +
          "  let url = new URL(request.url);\n",
      },
    ],
  },
  {
    file: ROUTER_FILE,
    edits: [
      {
        find: "  return new Response(JSON.stringify(data), _extends({}, responseInit, {\n    headers\n  }));\n};\n",
        replace:
          "  let sujaritText = JSON.stringify(data);\n" +
          "  let sujaritResponse = new Response(sujaritText, _extends({}, responseInit, {\n    headers\n  }));\n" +
          "  if (sujaritText !== undefined) sujaritJsonTexts.set(sujaritResponse, sujaritText);\n" +
          "  return sujaritResponse;\n" +
          "};\n" +
          `${LOADER_DATA_MARKER}\n` +
          "const sujaritJsonTexts = new WeakMap();\n",
      },
      {
        find: "          data = await result.json();\n",
        replace:
          "          let sujaritText = result.bodyUsed ? undefined : sujaritJsonTexts.get(result);\n" +
          "          data = sujaritText !== undefined ? JSON.parse(sujaritText) : await result.json();\n",
      },
    ],
  },
];

export function patchLoaderData() {
  return patchAll(LOADER_DATA_PATCHES, LOADER_DATA_MARKER);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { status } = patchRouter();
  if (status === "unexpected version")
    console.warn(
      `patch-dependencies: ${path.relative(root, ROUTER_FILE)} is not the version decision 054 patches; ` +
        "left as it is (route matching stays slower; test/unit/router-patch.test.ts will fail)",
    );
  else if (status === "patched") console.log("patch-dependencies: @remix-run/router route matching memoized");
  const groups = [
    {
      results: patchRenderRoutes(),
      decision: "062",
      done: "route tree built once per build",
      otherwise: "pages rebuild their route tree per request",
      test: "render-routes-patch",
    },
    {
      results: patchLoaderData(),
      decision: "063",
      done: "loader requests and data without copies",
      otherwise: "loaders' requests and data are copied per request",
      test: "loader-data-patch",
    },
  ];
  for (const { results, decision, done, otherwise, test } of groups)
    for (const { file, status } of results) {
      const shown = path.relative(root, file);
      if (status === "unexpected version" || status === "missing")
        console.warn(
          `patch-dependencies: ${shown} is not the version decision ${decision} patches; left as it is ` +
            `(${otherwise}; test/unit/${test}.test.ts will fail)`,
        );
      else if (status === "patched") console.log(`patch-dependencies: ${shown}: ${done}`);
    }
}
