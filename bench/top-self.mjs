// Top self-time functions of a .cpuprofile: node bench/top-self.mjs file.cpuprofile [count]
import { readFileSync } from "node:fs";

const profile = JSON.parse(readFileSync(process.argv[2], "utf8"));
const count = Number(process.argv[3] ?? 30);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const node = byId.get(profile.samples[i]);
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || "(anon)"} ${url.split("/").slice(-2).join("/")}:${lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, count)) {
  console.log(`${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
}

// Optional third argument: a function name whose hot lines (positionTicks) are listed too.
const focus = process.argv[4];
if (focus !== undefined) {
  const lines = new Map();
  for (const node of profile.nodes) {
    if (node.callFrame.functionName !== focus) continue;
    for (const tick of node.positionTicks ?? []) lines.set(tick.line, (lines.get(tick.line) ?? 0) + tick.ticks);
  }
  console.log(`\nhot lines of ${focus}:`);
  for (const [line, ticks] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  line ${line}: ${ticks} ticks`);
}
