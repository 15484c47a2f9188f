/**
 * Quick A/B aid while optimising: the JSON.parse floor, routing alone and the two default store
 * rows, interleaved for many rounds, best and median of each. Bundled like `npm run bench`:
 * `npx esbuild bench/ab-ingest.ts --bundle --format=esm --platform=node --outfile=.cache/ab-ingest.mjs`,
 * then `node --expose-gc .cache/ab-ingest.mjs [rounds]`.
 */
import { PIPELINES, pipeline } from "./ingest";
import { buildStream } from "./stream";
import { gc } from "./timing";

const rounds = Number(process.argv[2] ?? 15);
const stream = buildStream();
const rows = PIPELINES.filter((p) => p.sink === "none" || p.sink === "frame");
const jobs = rows.map((p) => ({ label: p.label, run: pipeline(stream, p), times: [] as number[] }));
const frames: string[] = [];
{
  const text = new TextDecoder().decode(stream.all);
  for (const block of text.split("\n\n")) if (block.startsWith("data: ")) frames.push(block.slice(6));
}
const json = { label: "JSON.parse", times: [] as number[] };
for (let r = 0; r <= rounds; r++) {
  gc();
  let t = performance.now();
  for (const f of frames) JSON.parse(f);
  if (r > 0) json.times.push(performance.now() - t);
  for (const job of jobs) {
    gc();
    t = performance.now();
    await job.run();
    if (r > 0) job.times.push(performance.now() - t);
  }
}
const best = (xs: number[]): number => Math.min(...xs);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
for (const row of [json, ...jobs]) {
  console.log(
    `${row.label.padEnd(50)} best ${best(row.times).toFixed(1).padStart(6)} ms (${((best(json.times) / best(row.times)) * 100).toFixed(0)} %)  median ${median(row.times).toFixed(1).padStart(6)} ms (${((median(json.times) / median(row.times)) * 100).toFixed(0)} %)`,
  );
}
