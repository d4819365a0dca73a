import AxeBuilder from "@axe-core/playwright";
import { expect, Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Opens a page and waits until the wasm has hydrated it. */
export async function gotoHydrated(page: Page, url: string) {
  const response = await page.goto(url);
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  return response;
}

/** No WCAG 2.0/2.1 A or AA violation, as axe-core sees the page. */
export async function expectAccessible(page: Page) {
  // Every page has a title. During a client-side navigation the old page's
  // <title> goes before the new one's arrives: axe runs once it is there.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary).toEqual([]);
}

/** The file a click on the link named `link` downloads. */
export async function downloaded(page: Page, link: RegExp): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  return readFileSync((await download.path())!);
}

/** The text of a PDF, as poppler's pdftotext reads it, spaces squeezed. */
export function pdfText(pdf: Buffer): string {
  return execFileSync("pdftotext", ["-", "-"], { input: pdf }).toString("utf8").replace(/\s+/g, " ");
}

/** Collects Content-Security-Policy violations and page errors while a test runs. */
export function watchForErrors(page: Page) {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(err.message));
  return problems;
}

/** The files of a downloaded ZIP archive, by name (read with Python's zipfile). */
export function unzip(path: string): Record<string, Buffer> {
  const script =
    "import base64, json, sys, zipfile\n" +
    "z = zipfile.ZipFile(sys.argv[1])\n" +
    "print(json.dumps({n: base64.b64encode(z.read(n)).decode() for n in z.namelist()}))";
  const listed = JSON.parse(execFileSync("python3", ["-c", script, path], { encoding: "utf8" }));
  return Object.fromEntries(Object.entries(listed).map(([name, b64]) => [name, Buffer.from(b64 as string, "base64")]));
}
