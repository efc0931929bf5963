// `npm run setup`: generate the Prisma client, apply migrations, sync content, seed demo data if empty, build.
// `--if-needed` (used by `npm start`) skips generating and building when their outputs are newer than their inputs.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ifNeeded = process.argv.includes("--if-needed");
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);

const databaseUrl = process.env.DATABASE_URL || "file:./data/sujarit.db";
const databaseFile = databaseUrl.replace(/^file:/, "");
fs.mkdirSync(path.dirname(path.resolve(databaseFile)), { recursive: true });

function run(label, command, args) {
  console.log(`setup: ${label}`);
  execFileSync(command, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: databaseUrl } });
}

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const clientStale = mtime("node_modules/.prisma/client/index.js") < mtime("prisma/schema.prisma");
if (!ifNeeded || clientStale) run("prisma generate", bin("prisma"), ["generate"]);

run("prisma migrate deploy", bin("prisma"), ["migrate", "deploy"]);
run("content sync and demo seed", bin("tsx"), ["scripts/prepare-data.ts"]);

const buildStale =
  mtime("build/index.js") <
  newestMtime(["app", "remix.config.js", "package-lock.json", "node_modules/.prisma/client/index.js"]);
if (!ifNeeded || buildStale) run("remix build", bin("remix"), ["build"]);
console.log(`setup: done (database ${databaseFile})`);
