import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/demo-roster";
import { ROOT, TMP, bin } from "../support/paths";
import { SEEDED_SEAL_KEY_FILE, copySeededDatabase } from "../support/seeded-db";

// The first test runs migrate + the full demo seed itself (~45 s alone since the registers have demo data of their
// own), twice: its point is the setup command. The demo-accounts test copies the run's one seeded file instead
// (test/support/seeded-db.ts, decision 040), which the first run after a change to the seed has to build.
const SEEDING_TIMEOUT_MS = 240_000;
// Each `npm run user` starts tsx (several seconds on a busy machine); a test runs it up to four times.
const CLI_TIMEOUT_MS = 120_000;

// These run the project's own commands as a new user would, each against a database file of its own.

function freshDatabaseUrl(name: string) {
  const file = path.join(TMP, `${name}-${process.pid}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  return `file:${file}`;
}

function run(command: string, args: string[], env: Record<string, string>, input?: string) {
  return execFileSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    input,
    encoding: "utf8",
    stdio: "pipe",
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0);
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function withServer<T>(env: Record<string, string>, fn: (baseUrl: string) => Promise<T>): Promise<T> {
  const port = await freePort();
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production" },
    stdio: "pipe",
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk) => String(chunk).includes("http://localhost") && resolve());
      child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    });
    return await fn(`http://127.0.0.1:${port}`);
  } finally {
    child.kill();
  }
}

describe("setup", () => {
  it(
    "migrates, syncs and seeds once; running it again keeps the data without duplicates",
    () => {
      const DATABASE_URL = freshDatabaseUrl("setup");
      run(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL });
      const first = run(bin("tsx"), ["scripts/prepare-data.ts"], { DATABASE_URL });
      expect(first).toMatch(/seed: demo data created \(538 people\)/);
      run(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL });
      const second = run(bin("tsx"), ["scripts/prepare-data.ts"], { DATABASE_URL });
      expect(second).toMatch(/seed: kept existing data \(538 people\)/);
      expect(second).toMatch(/content: 30 divisions, 8 courses .*plan: 41 items/);
    },
    SEEDING_TIMEOUT_MS,
  );
});

describe("npm run user", () => {
  it(
    "creates an account from the shell with the password on standard input, then updates it",
    async () => {
      const DATABASE_URL = freshDatabaseUrl("cli");
      run(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL });
      run(bin("tsx"), ["scripts/prepare-data.ts"], { DATABASE_URL, SEED: "none" });
      const args = [
        "scripts/user.ts",
        "create",
        "--username",
        "700001",
        "--name",
        "นางสาวสมศรี ทดสอบ",
        "--roles",
        "admin,hr",
        "--password-stdin",
      ];
      expect(run(bin("tsx"), args, { DATABASE_URL }, "first-password-1\n")).toContain(
        "created 700001 (staff, admin, hr)",
      );
      expect(run(bin("tsx"), args, { DATABASE_URL }, "second-password-2\n")).toContain("updated 700001");

      await withServer({ DATABASE_URL, SESSION_COOKIE_SECURE: "false" }, async (baseUrl) => {
        const login = (password: string) =>
          fetch(`${baseUrl}/login`, {
            method: "POST",
            redirect: "manual",
            headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ username: "700001", password }),
          });
        expect((await login("first-password-1")).status).toBe(401);
        const ok = await login("second-password-2");
        expect(ok.status).toBe(302);
        const cookie = ok.headers.get("set-cookie")!.split(";")[0]!;
        const audit = await fetch(`${baseUrl}/admin/audit`, { headers: { Cookie: cookie } });
        expect(audit.status).toBe(200);
      });
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "refuses a short password and unknown roles without touching the database",
    () => {
      const DATABASE_URL = freshDatabaseUrl("cli-bad");
      run(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL });
      const attempt = (roles: string, password: string) => {
        try {
          run(
            bin("tsx"),
            [
              "scripts/user.ts",
              "create",
              "--username",
              "700002",
              "--name",
              "นายก ข",
              "--roles",
              roles,
              "--password-stdin",
            ],
            { DATABASE_URL },
            password,
          );
          return "exit 0";
        } catch (error) {
          return String((error as { stderr: string }).stderr);
        }
      };
      expect(attempt("admin", "short\n")).toContain("at least 8 characters");
      expect(attempt("admin,root", "long-enough-pass\n")).toContain("unknown role(s): root");
    },
    CLI_TIMEOUT_MS,
  );
});

describe("health check", () => {
  it(
    "answers 503 with a reason when the database cannot be opened",
    async () => {
      const DATABASE_URL = `file:${path.join(TMP, "no-such-dir", "missing", "x.db")}`;
      await withServer({ DATABASE_URL }, async (baseUrl) => {
        const response = await fetch(`${baseUrl}/healthz`);
        expect(response.status).toBe(503);
        const body = await response.json();
        expect(body.status).toBe("error");
        expect(typeof body.reason).toBe("string");
      });
    },
    CLI_TIMEOUT_MS,
  );
});

describe("demo accounts", () => {
  it(
    "sign in with the password the README lists",
    async () => {
      const DATABASE_URL = freshDatabaseUrl("demo");
      copySeededDatabase(DATABASE_URL.replace(/^file:/, ""));
      const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
      expect(readme).toContain(DEMO_PASSWORD);
      await withServer(
        { DATABASE_URL, SEAL_KEY_FILE: SEEDED_SEAL_KEY_FILE, SESSION_COOKIE_SECURE: "false" },
        async (baseUrl) => {
          for (const account of DEMO_ACCOUNTS) {
            expect(readme).toContain(account.employeeNumber);
            const response = await fetch(`${baseUrl}/login`, {
              method: "POST",
              redirect: "manual",
              headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
              body: new URLSearchParams({ username: account.employeeNumber, password: DEMO_PASSWORD }),
            });
            expect(response.status, account.employeeNumber).toBe(302);
          }
        },
      );
    },
    SEEDING_TIMEOUT_MS,
  );
});
