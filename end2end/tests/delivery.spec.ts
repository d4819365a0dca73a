// How the code reaches the browser: every response of a page names the same
// preloads, with valid attributes, and the files themselves come without the
// page's Content-Security-Policy (it means nothing on a wasm file and weighs
// more than many of them).
import { expect, test } from "@playwright/test";

const PAGES = ["/", "/offerte", "/corsi", "/rete", "/orientamento"];

/** The `<link>` tags that preload code, each as written. */
function preloads(html: string): string[] {
  return (html.match(/<link[^>]*rel="(?:preload|modulepreload)"[^>]*>/g) ?? [])
    .filter((tag) => !tag.includes('as="font"'))
    .sort();
}

test("a page names the same valid preloads every time, and its files carry no page policy", async ({ request }) => {
  for (const path of PAGES) {
    const first = preloads(await (await request.get(path)).text());
    expect(first.length, `${path} preloads its code`).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 4; i++) {
      expect(preloads(await (await request.get(path)).text()), `${path}, response ${i + 2}`).toEqual(first);
    }
    for (const tag of first) {
      const crossorigin = tag.match(/crossorigin="([^"]*)"/)?.[1];
      if (crossorigin !== undefined) expect(["", "anonymous", "use-credentials"], tag).toContain(crossorigin);
      const href = tag.match(/href="([^"]+)"/)![1];
      const file = await request.get(href);
      expect(file.status(), href).toBe(200);
      expect(file.headers()["content-security-policy"], href).toBeUndefined();
    }
  }
});
