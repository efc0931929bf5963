// `npm test`: lint (the layering rules of decision 039 fail the run) and check the Prettier format, build the app, then run every vitest project (unit, integration, e2e in Chromium) and end with
// one summary line, "tests: N passed, M failed", that CI reads. Extra arguments go to vitest.
import { spawn, spawnSync } from "node:child_process";
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

// Without arguments, two vitest processes run side by side (decision 040): unit + integration (one worker) and the
// e2e files (one at a time, against one server and one Chromium). The e2e files mostly wait on the browser and
// the server, so the two overlap on two cores instead of queueing. With arguments, one vitest run takes them.
const runs =
  process.argv.length > 2
    ? [{ name: "", args: process.argv.slice(2) }]
    : [
        { name: "unit+integration", args: ["--project", "unit", "--project", "integration"] },
        { name: "e2e", args: ["--project", "e2e"] },
      ];
const resultsDir = path.join(root, "test-results");
fs.mkdirSync(resultsDir, { recursive: true });

function runVitest({ name, args }) {
  const report = path.join(resultsDir, `vitest${name ? `-${name}` : ""}.json`);
  fs.rmSync(report, { force: true });
  const child = spawn(
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...args],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" } },
  );
  // Each line says which of the two runs printed it.
  const prefix = name && runs.length > 1 ? `[${name}] ` : "";
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    let rest = "";
    stream.on("data", (chunk) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop();
      for (const line of lines) out.write(prefix + line + "\n");
    });
    stream.on("end", () => rest && out.write(prefix + rest + "\n"));
  }
  return new Promise((resolve) =>
    child.on("close", (status) => {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      if (fs.existsSync(report)) {
        const json = JSON.parse(fs.readFileSync(report, "utf8"));
        passed = json.numPassedTests ?? 0;
        failed =
          (json.numFailedTests ?? 0) +
          (json.numFailedTestSuites && !json.numFailedTests ? json.numFailedTestSuites : 0);
        skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
      } else {
        failed = 1;
      }
      if (status !== 0 && failed === 0) failed = 1;
      resolve({ passed, failed, skipped });
    }),
  );
}

const started = Date.now();
const results = await Promise.all(runs.map(runVitest));
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
const skipped = results.reduce((sum, r) => sum + r.skipped, 0);
console.log(`vitest: ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
