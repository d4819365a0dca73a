// How the code reaches the browser: every response of a page names the same
// code to preload, with valid attributes, and the files themselves come
// without the page's Content-Security-Policy (it means nothing on a wasm file
// and weighs more than many of them). A page's own split modules are named in
// a script that preloads them once the page's fonts are in and it has painted.
import { Browser, expect, test } from "@playwright/test";
import { newCitizen } from "./people";

const PAGES = ["/", "/offerte", "/corsi", "/rete", "/orientamento"];

/** The code a page preloads: the `<link>` tags and the split modules' script, each as written. */
function preloads(html: string): string[] {
  const links = (html.match(/<link[^>]*rel="(?:preload|modulepreload)"[^>]*>/g) ?? []).filter((tag) => !tag.includes('as="font"'));
  const split = html.match(/<script[^>]*id="split-preloads"[^>]*>([^<]*)<\/script>/)?.[1];
  return [...links, ...(split ? [split] : [])].sort();
}

/** The addresses a preload names. */
function addresses(preload: string): string[] {
  return preload.startsWith("<link") ? [preload.match(/href="([^"]+)"/)![1]] : [...preload.matchAll(/"(\/pkg\/[^"]+)"/g)].map((m) => m[1]);
}

test("a page names the same valid preloads every time, and its files carry no page policy", async ({ request }) => {
  for (const path of PAGES) {
    const first = preloads(await (await request.get(path)).text());
    expect(first.length, `${path} preloads its code`).toBeGreaterThanOrEqual(2);
    if (path !== "/") expect(first.some((p) => !p.startsWith("<link")), `${path} preloads its split modules`).toBe(true);
    for (let i = 0; i < 4; i++) {
      expect(preloads(await (await request.get(path)).text()), `${path}, response ${i + 2}`).toEqual(first);
    }
    for (const preload of first) {
      const crossorigin = preload.match(/crossorigin="([^"]*)"/)?.[1];
      if (crossorigin !== undefined) expect(["", "anonymous", "use-credentials"], preload).toContain(crossorigin);
      // The script's preloads fetch as the split loader does, or the browser fetches each file twice.
      if (!preload.startsWith("<link")) expect(preload).toContain('l.crossOrigin="anonymous"');
      for (const href of addresses(preload)) {
        const file = await request.get(href);
        expect(file.status(), href).toBe(200);
        expect(file.headers()["content-security-policy"], href).toBeUndefined();
      }
    }
  }
});

/** The code files (wasm and JavaScript) a page fetches until it has hydrated, opened cold. */
async function codeFetched(browser: Browser, path: string, storageState?: string) {
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  const files: { url: string; bytes: number }[] = [];
  page.on("response", async (response) => {
    const url = new URL(response.url()).pathname;
    if (!/\.(wasm|js)$/.test(url)) return;
    files.push({ url, bytes: (await response.body()).length });
  });
  await page.goto(path);
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  // The split modules a page needs are fetched before it hydrates; wait for
  // their bodies to be counted.
  await page.waitForLoadState("networkidle");
  await context.close();
  return files;
}

test("every page loads its code in a handful of files, none of them tiny", async ({ browser }) => {
  // A citizen's CV wizard, as well as the public pages.
  const citizen = await browser.newContext();
  const page = await citizen.newPage();
  await newCitizen(page, "Carla Neri");
  await page.getByRole("link", { name: "Il tuo curriculum (CV)" }).click();
  await page.getByRole("button", { name: "Crea un nuovo CV" }).click();
  await expect(page).toHaveURL(/\/cv\/\d+$/);
  const wizard = new URL(page.url()).pathname;
  const signedIn = test.info().outputPath("citizen.json");
  await citizen.storageState({ path: signedIn });
  await citizen.close();

  const pages: [string, string | undefined][] = [
    // An offer's and a course's address: the page's code is the same whether or not that one exists.
    ...["/", "/offerte", "/offerte/1", "/corsi", "/corsi/1", "/rete", "/orientamento", "/sportelli", "/comuni", "/registrazione"].map(
      (path): [string, string | undefined] => [path, undefined],
    ),
    [wizard, signedIn],
  ];
  for (const [path, state] of pages) {
    const files = await codeFetched(browser, path, state);
    const listing = files.map((f) => `${f.url} ${f.bytes} B`).join("\n");
    expect(files.length, `${path} fetches at most 8 code files:\n${listing}`).toBeLessThanOrEqual(8);
    const wasm = files.filter((f) => f.url.endsWith(".wasm"));
    // The main wasm; elsewhere than the home page, its bundle too.
    expect(wasm.length, `${path} fetches its code:\n${listing}`).toBeGreaterThanOrEqual(path === "/" ? 1 : 2);
    for (const file of wasm) {
      expect(file.bytes, `${path}: ${file.url} is at least 4 KB`).toBeGreaterThanOrEqual(4000);
    }
  }
});
