// Runs after `npm install` / `npm ci` (package.json "postinstall"). Patches @remix-run/router's server build so
// route matching stops redoing work on every request (decision 054): with the app's 87 routes, flattening and
// ranking the route tree and compiling each route's path to a RegExp three times per request was 8–18 % of the
// server's CPU time. The patch memoizes both; what they return is unchanged (same branches, same RegExp source).
// Idempotent; if the file is not the version this was written against it changes nothing and says so, and
// test/unit/router-patch.test.ts fails, so a dependency bump cannot drop the patch silently.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ROUTER_FILE = path.join(root, "node_modules", "@remix-run", "router", "dist", "router.cjs.js");
export const PATCH_MARKER = "/* sujarit: memoized route matching (decision 054) */";

const edits = [
  {
    // The same routes array (the server's route tree is built once) gives the same ranked branches.
    find: "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n",
    replace: "  let branches = sujaritRankedBranches(routes);\n",
  },
  {
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
  },
  {
    find: "function matchRoutesImpl(routes, locationArg, basename, allowPartial) {\n",
    replace:
      `${PATCH_MARKER}\n` +
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
      "}\n" +
      "function matchRoutesImpl(routes, locationArg, basename, allowPartial) {\n",
  },
];

export function patchRouter(file = ROUTER_FILE) {
  if (!fs.existsSync(file)) return { status: "missing" };
  const source = fs.readFileSync(file, "utf8");
  if (source.includes(PATCH_MARKER)) return { status: "already patched" };
  if (!edits.every((edit) => source.split(edit.find).length === 2)) return { status: "unexpected version" };
  let patched = source;
  for (const edit of edits) patched = patched.replace(edit.find, () => edit.replace);
  fs.writeFileSync(file, patched);
  return { status: "patched" };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { status } = patchRouter();
  if (status === "unexpected version")
    console.warn(
      `patch-dependencies: ${path.relative(root, ROUTER_FILE)} is not the version decision 054 patches; ` +
        "left as it is (route matching stays slower; test/unit/router-patch.test.ts will fail)",
    );
  else if (status === "patched") console.log("patch-dependencies: @remix-run/router route matching memoized");
}
