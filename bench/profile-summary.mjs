// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by file, top N.
// Usage: node bench/profile-summary.mjs <file.cpuprofile> [top=15]
import fs from "node:fs";

const [file, topText = "15"] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, "utf8"));
const top = Number(topText);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++)
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (deltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map();
const byFile = new Map();
for (const [id, micros] of self) {
  const { callFrame } = byId.get(id);
  const where = (callFrame.url || "(native)")
    .replace(/^.*node_modules\//, "")
    .replace(/^file:\/\/.*?\/(app|bench|build)\//, "$1/");
  const name = `${callFrame.functionName || "(anonymous)"} ${where}:${callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  const module =
    where
      .split("/")
      .slice(0, where.startsWith("@") ? 2 : 1)
      .join("/") || where;
  byFile.set(module, (byFile.get(module) ?? 0) + micros);
}
const show = (title, map) => {
  console.log(`${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${(v / 1000).toFixed(0).padStart(6)} ms ${((v * 100) / total).toFixed(1).padStart(5)}%  ${k}`);
};
show("self time by module", byFile);
show("self time by function", byFunction);
