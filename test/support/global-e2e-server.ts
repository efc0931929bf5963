import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import type { TestProject } from "vitest/node";
import { E2E_DB, ROOT } from "./paths";
import { SEEDED_SEAL_KEY_FILE, copySeededDatabase } from "./seeded-db";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: ChildProcess | undefined;

async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0);
  await new Promise((r) => probe.once("listening", r));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

// The built production server (`node server.mjs`) on a copy of the seeded demo database (built once, see
// seeded-db.ts), as a user would run it. Each e2e file creates the people it signs in as (e2e-people.ts).
export default async function setup(project: TestProject) {
  copySeededDatabase(E2E_DB);
  const port = await freePort();
  server = spawn(process.execPath, ["server.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${E2E_DB}`,
      SEAL_KEY_FILE: SEEDED_SEAL_KEY_FILE,
      NODE_ENV: "production",
      // One process: the e2e files run beside the unit and integration files on two cores (decision 052).
      WEB_CONCURRENCY: "1",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server!.stdout!.on("data", (chunk) => String(chunk).includes("http://localhost") && resolve());
    server!.once("exit", (code) => reject(new Error(`e2e server exited with ${code}`)));
  });
  project.provide("baseUrl", `http://localhost:${port}`);
  return () => {
    server?.kill();
  };
}
