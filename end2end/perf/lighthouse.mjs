// Lighthouse's mobile performance score of the public pages: Lighthouse 12's
// default mobile run (a Moto G Power-sized screen, simulated 4× CPU slowdown
// and 150 ms / 1.6 Mbps), three times a page in Debian's Chromium, the median
// score and its parts. Run by scripts/bench-phone.sh, which installs
// Lighthouse from npm.
//
//   LIGHTHOUSE=…/bin/lighthouse node end2end/perf/lighthouse.mjs http://127.0.0.1:3100 / /offerte …
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, ...paths] = process.argv.slice(2);
const RUNS = Number(process.env.RUNS ?? 3);
const lighthouse = process.env.LIGHTHOUSE ?? "lighthouse";
const work = mkdtempSync(join(tmpdir(), "lighthouse-"));

// Lighthouse now and then fails to record a trace (NO_NAVSTART): that run is
// made again, up to twice.
function once(url, attempt = 1) {
  const output = join(work, "report.json");
  try {
    record(url, output);
  } catch (error) {
    if (attempt >= 3) throw error;
    return once(url, attempt + 1);
  }
  return read(output);
}

function record(url, output) {
  execFileSync(
    lighthouse,
    [
      url,
      "--quiet",
      "--only-categories=performance",
      "--chrome-flags=--headless=new --no-sandbox --lang=it-IT",
      "--output=json",
      `--output-path=${output}`,
    ],
    { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" } },
  );
}

function read(output) {
  const report = JSON.parse(readFileSync(output, "utf8"));
  const metric = (id) => report.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((report.categories.performance.score ?? 0) * 100),
    fcp: metric("first-contentful-paint"),
    lcp: metric("largest-contentful-paint"),
    tbt: metric("total-blocking-time"),
    cls: metric("cumulative-layout-shift"),
    si: metric("speed-index"),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

console.log(`| page | performance | FCP | LCP | TBT | CLS | Speed Index |`);
console.log(`|---|---|---|---|---|---|---|`);
let below = 0;
for (const path of paths) {
  const runs = Array.from({ length: RUNS }, () => once(base + path));
  const pick = (key) => median(runs.map((run) => run[key]));
  const score = pick("score");
  if (score < 90) below += 1;
  console.log(
    `| \`${path}\` | ${score} (${runs.map((run) => run.score).join(", ")}) | ${seconds(pick("fcp"))} | ${seconds(pick("lcp"))} | ` +
      `${Math.round(pick("tbt"))} ms | ${pick("cls").toFixed(3)} | ${seconds(pick("si"))} |`,
  );
}
rmSync(work, { recursive: true, force: true });
console.log(`${paths.length - below} of ${paths.length} pages at 90 or more`);
