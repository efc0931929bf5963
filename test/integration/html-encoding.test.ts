import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { assignCourse } from "../support/assignments";
import { createTestPerson, sessionCookieFor } from "../support/factories";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
  await assignCourse();
});
afterAll(() => app.close());

describe("streamed HTML", () => {
  it("has no NUL bytes in Thai-heavy pages (React 18.3.1 leaves them at its 2 KiB buffer ends)", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const cookie = await sessionCookieFor(hr.id);
    for (const path of [
      "/",
      "/courses",
      "/plan",
      "/plan/items/5",
      "/indicators",
      "/hr/courses",
      "/hr/groups",
      "/admin/people",
    ]) {
      const response = await fetch(app.baseUrl + path, { headers: { Cookie: cookie } });
      expect(response.status, path).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes.length, path).toBeGreaterThan(4096);
      expect(bytes.indexOf(0), path).toBe(-1);
      expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes), path).toContain("</html>");
    }
  });
});
