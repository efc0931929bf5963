import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type * as RemixRouter from "@remix-run/router";
import { PATCH_MARKER, PREVIOUS_ROUTER_EDITS, ROUTER_FILE, patchRouter } from "../../scripts/patch-dependencies.mjs";

// The server loads @remix-run/router's CommonJS build; require it the same way.
const router = createRequire(import.meta.url)(ROUTER_FILE) as typeof RemixRouter;

const routes = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "course", path: "courses/:slug" },
      { id: "attempt", path: "courses/:slug/attempts/:attemptId" },
      { id: "courses", path: "courses" },
      { id: "hr-course", path: "hr/courses/:slug" },
      { id: "splat", path: "*" },
    ],
  },
];
const ids = (pathname: string) => router.matchRoutes(routes, pathname)?.map((m) => [m.route.id, m.params]);

describe("the route-matching patch (decision 054)", () => {
  it("is applied to the router the server loads", () => {
    expect(fs.readFileSync(ROUTER_FILE, "utf8")).toContain(PATCH_MARKER);
  });

  it("matches the same routes with the same params on the first call and on every later one", () => {
    const expected: Record<string, [string, Record<string, string>]> = {
      "/": ["home", {}],
      "/courses": ["courses", {}],
      "/courses/ethics": ["course", { slug: "ethics" }],
      "/COURSES/ethics/": ["course", { slug: "ethics" }],
      "/courses/ethics/attempts/17": ["attempt", { slug: "ethics", attemptId: "17" }],
      "/hr/courses/anti-corruption": ["hr-course", { slug: "anti-corruption" }],
      "/no/such/page": ["splat", { "*": "no/such/page" }],
    };
    for (let round = 0; round < 3; round++)
      for (const [pathname, [id, params]] of Object.entries(expected)) {
        const matched = ids(pathname);
        expect(matched?.at(-1)?.[0], `${pathname}, round ${round}`).toBe(id);
        expect(matched?.at(-1)?.[1]).toMatchObject(params);
      }
  });

  it("keeps prefix and whole-path matching of one pattern apart (the cache key includes `end`)", () => {
    expect(router.matchPath({ path: "/hr", end: false }, "/hr/courses")).not.toBeNull();
    expect(router.matchPath({ path: "/hr", end: true }, "/hr/courses")).toBeNull();
    expect(router.matchPath({ path: "/hr", end: false }, "/hr/courses")).not.toBeNull();
    expect(router.matchPath({ path: "/Hr", caseSensitive: true }, "/hr")).toBeNull();
    expect(router.matchPath({ path: "/Hr", caseSensitive: false }, "/hr")).not.toBeNull();
  });

  it("hands out matches a caller may change without changing the next caller's", () => {
    const first = router.matchRoutes(routes, "/courses/ethics/attempts/17")!;
    (first[0]!.params as Record<string, string>).slug = "changed";
    first.pop();
    const second = router.matchRoutes(routes, "/courses/ethics/attempts/17")!;
    expect(second.map((m) => m.route.id)).toEqual(["root", "attempt"]);
    expect(second.at(-1)!.params).toEqual({ slug: "ethics", attemptId: "17" });
    // As without the patch: every match of one result shares the one params object.
    expect(second[0]!.params).toBe(second[1]!.params);
    expect(router.matchRoutes(routes, "/base/courses", "/base")?.at(-1)?.route.id).toBe("courses");
    expect(router.matchRoutes(routes, "/other/courses", "/base")).toBeNull();
  });

  it("leaves a file it does not recognise as it is, and patches a recognised one once", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "router-patch-"));
    const unknown = path.join(dir, "unknown.js");
    fs.writeFileSync(unknown, "module.exports = {};\n");
    expect(patchRouter(unknown).status).toBe("unexpected version");
    expect(fs.readFileSync(unknown, "utf8")).toBe("module.exports = {};\n");

    const known = path.join(dir, "router.cjs.js");
    const original = [
      "function matchRoutesImpl(routes, locationArg, basename, allowPartial) {",
      '  let location = typeof locationArg === "string" ? parsePath(locationArg) : locationArg;',
      '  let pathname = stripBasename(location.pathname || "/", basename);',
      "  if (pathname == null) {",
      "    return null;",
      "  }",
      "  let branches = flattenRoutes(routes);",
      "  rankRouteBranches(branches);",
      "}",
      "function compilePath(path, caseSensitive, end) {",
      "}",
      "",
    ].join("\n");
    fs.writeFileSync(known, original);
    expect(patchRouter(known).status).toBe("patched");
    const once = fs.readFileSync(known, "utf8");
    expect(once).toContain("sujaritRankedBranches(routes)");
    expect(once).toContain("sujaritMatchRoutesUncached(routes, pathname, allowPartial)");
    expect(patchRouter(known).status).toBe("already patched");
    expect(fs.readFileSync(known, "utf8")).toBe(once);

    // An install patched by the first version of the patch (decision 054 alone) is brought to the current one.
    let firstVersion = original;
    for (const edit of PREVIOUS_ROUTER_EDITS) firstVersion = firstVersion.replace(edit.find, () => edit.replace);
    expect(firstVersion).toContain("(decision 054) */");
    fs.writeFileSync(known, firstVersion);
    expect(patchRouter(known).status).toBe("patched");
    expect(fs.readFileSync(known, "utf8")).toBe(once);
  });
});
