/**
 * `npm run bench [scaling|ingest ...]`: bundles bench/run.ts with esbuild, like the code an app's
 * bundler ships (tsx's per-file transform adds export getters and name helpers to every
 * cross-module call, which no shipped build has), then runs each section in a fresh Node process,
 * so one section's heap never weighs on the next one's figures. No section named: all of them.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
// In .cache/ (one level below the root, like bench/), so the bench's relative fixture paths hold.
const outfile = `${root}.cache/bench.mjs`;
await build({
  entryPoints: [`${root}bench/run.ts`],
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outfile,
  logLevel: "warning",
  // jsdom (the render section's DOM) loads files of its own at run time: not bundled.
  external: ["jsdom"],
});
// "<section>:production" runs a section with React's production build (NODE_ENV=production), as users ship it.
const sections = process.argv.length > 2 ? process.argv.slice(2) : ["scaling", "ingest", "burst", "render", "chat", "chat:production"];
for (const name of sections) {
  const [section, mode] = name.split(":");
  const env = mode === "production" ? { ...process.env, NODE_ENV: "production" } : process.env;
  const run = spawnSync(process.execPath, ["--expose-gc", outfile, section], { stdio: "inherit", env });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
