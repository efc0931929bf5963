// `npm test`: lint (the layering rules of decision 039 fail the run) and check the Prettier format, build the app, then run every vitest project (unit, integration, e2e in Chromium) and end with
// one summary line, "tests: N passed, M failed", that CI reads. Extra arguments go to vitest.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const step = (command, args) => {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`tests: 0 passed, 1 failed (${path.basename(command)} ${args.join(" ")} failed)`);
    process.exit(result.status ?? 1);
  }
};

step(bin("eslint"), ["."]);
step(bin("prettier"), ["--check", "--log-level=warn", "."]);
step(bin("prisma"), ["generate"]);
step(bin("remix"), ["build"]);

const report = path.join(root, "test-results", "vitest.json");
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
const vitest = spawnSync(
  bin("vitest"),
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: "inherit", env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, "utf8"));
  passed = json.numPassedTests ?? 0;
  failed =
    (json.numFailedTests ?? 0) + (json.numFailedTestSuites && !json.numFailedTests ? json.numFailedTestSuites : 0);
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
} else {
  failed = 1;
}
const exitCode = vitest.status !== 0 || failed > 0 ? 1 : 0;
if (exitCode !== 0 && failed === 0) failed = 1;
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(exitCode);
