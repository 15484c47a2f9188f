/**
 * Profiling aid: runs one ingest pipeline over and over. Bundle it as `npm run bench` does (the
 * code a user's bundler ships, not tsx's per-file transform), then profile:
 * `npx esbuild bench/profile-ingest.ts --bundle --format=esm --platform=node --outfile=.cache/profile-ingest.mjs`,
 * `node --cpu-prof .cache/profile-ingest.mjs [pipeline index, default: the first frame-batching row] [runs]`, then
 * `node bench/top-self.mjs <file>.cpuprofile` for the functions with the most self time.
 */
import { PIPELINES, pipeline } from "./ingest";
import { buildStream } from "./stream";

const index = process.argv[2] === undefined ? PIPELINES.findIndex((p) => p.sink === "frame") : Number(process.argv[2]);
const runs = Number(process.argv[3] ?? 20);
const chosen = PIPELINES[index];
if (chosen === undefined) throw new Error(`no pipeline ${index}: 0..${PIPELINES.length - 1}`);
const job = pipeline(buildStream(), chosen);
const start = performance.now();
for (let i = 0; i < runs; i++) await job();
console.log(`${chosen.label}: ${((performance.now() - start) / runs).toFixed(1)} ms per run`);
