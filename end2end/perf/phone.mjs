// How the portal feels on a cheap phone: each page opened cold (a new
// browser context, empty cache) in Debian's Chromium with the CPU slowed 4×
// and a 150 ms / 1.6 Mbps network, three times; the medians of the time to
// usable (hydrated), the layout shift (CLS), the longest task, and the
// wasm/js requests and bytes. Run by scripts/bench-phone.sh.
//
//   node end2end/perf/phone.mjs http://127.0.0.1:3100 / /offerte … [cv-wizard]
//
// `cv-wizard` is a new CV's first step, opened by a citizen signed in with
// SPID at the test OpenID provider (end2end/oidc/provider.mjs, which the
// script starts): the account and the CV are made first, without throttling.
import { chromium } from "@playwright/test";

const [base, ...paths] = process.argv.slice(2);
const RUNS = Number(process.env.RUNS ?? 3);

// Recorded in the page from its first byte: every layout shift not caused
// by input, every long task, and the moment the app marks itself hydrated.
const observe = () => {
  window.__perf = { cls: 0, longest: 0, hydrated: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__perf.cls += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__perf.longest = Math.max(window.__perf.longest, e.duration);
  }).observe({ type: "longtask", buffered: true });
  new MutationObserver((_, observer) => {
    if (document.body?.dataset.hydrated === "true") {
      window.__perf.hydrated = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-hydrated"] });
};

async function once(browser, url, storageState) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: "it-IT", storageState });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const code = { requests: 0, bytes: 0 };
  page.on("requestfinished", async (request) => {
    if (!/\.(wasm|js)(\?|$)/.test(request.url())) return;
    code.requests += 1;
    const sizes = await request.sizes().catch(() => null);
    if (sizes) code.bytes += sizes.responseBodySize;
  });
  await page.addInitScript(observe);
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  await page.waitForFunction(() => window.__perf?.hydrated !== null, null, { timeout: 120_000 });
  // Late shifts (fonts, images, data) count too.
  await page.waitForTimeout(1500);
  const perf = await page.evaluate(() => window.__perf);
  await context.close();
  return { ready: perf.hydrated, cls: perf.cls, longest: perf.longest, ...code };
}

/** A citizen signed in with SPID and a new CV: the wizard's address and the session. */
async function citizenWithCv(browser) {
  const context = await browser.newContext({ locale: "it-IT" });
  const page = await context.newPage();
  const stamp = Date.now();
  await page.goto(`${base}/accesso`);
  await page.locator("body[data-hydrated=true]").waitFor();
  await page.getByRole("link", { name: "Entra con SPID" }).click();
  await page.getByLabel("Identificativo").fill(`phone-${stamp}`);
  await page.getByLabel("Nome", { exact: true }).fill("Rosa");
  await page.getByLabel("Cognome").fill("Costa");
  await page.getByLabel("Email").fill(`rosa.${stamp}@esempio.it`);
  await page.getByLabel("Codice fiscale").fill(`TINIT-CSTRSO80A41E463K`);
  await page.getByRole("button", { name: "Accedi e autorizza" }).click();
  await page.locator("body[data-hydrated=true]").waitFor();
  await page.getByLabel(/Ho letto/).check();
  await page.getByRole("button", { name: "Crea l'account ed entra" }).click();
  await page.waitForURL(/\/area$/);
  await page.goto(`${base}/cv`);
  await page.locator("body[data-hydrated=true]").waitFor();
  await page.getByRole("button", { name: "Crea un nuovo CV" }).click();
  await page.waitForURL(/\/cv\/\d+$/);
  const wizard = new URL(page.url()).pathname;
  const state = await context.storageState();
  await context.close();
  return { wizard, state };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
console.log("| page | usable (hydrated) | CLS | longest task | wasm/js requests | wasm/js KB |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const name of paths) {
  let [path, state] = [name, undefined];
  if (name === "cv-wizard") ({ wizard: path, state } = await citizenWithCv(browser));
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(browser, base + path, state));
  const m = (key) => median(runs.map((r) => r[key]));
  console.log(
    `| \`${path}\`${name === path ? "" : ` (${name})`} | ${(m("ready") / 1000).toFixed(1)} s | ${m("cls").toFixed(3)} | ${Math.round(m("longest"))} ms | ${m("requests")} | ${(m("bytes") / 1024).toFixed(0)} |`,
  );
}
await browser.close();
