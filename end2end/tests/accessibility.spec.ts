import { test } from "@playwright/test";
import { expectAccessible, gotoHydrated } from "./helpers";

const pages = [
  "/",
  "/rete",
  "/rete?categoria=agenzia_lavoro",
  "/comuni",
  "/comuni?q=spezia",
  "/comuni/sarzana",
  "/comuni/levanto",
  "/sportelli",
  "/sportelli/la-spezia/prenota",
  "/offerte",
  "/offerte?comune=sarzana&km=15&q=magazziniere",
  "/offerte?q=nessunaoffertacosi",
  "/corsi",
  "/corsi?comune=sarzana&km=15",
  "/corsi?vista=calendario",
  "/incontri",
  "/privacy",
  "/accessibilita",
];

for (const url of pages) {
  test(`axe finds no WCAG 2.1 A/AA violation on ${url}`, async ({ page }) => {
    await gotoHydrated(page, url);
    await expectAccessible(page);
  });
}

test("axe finds no violation on the 404 page", async ({ page }) => {
  await page.goto("/non-esiste");
  await expectAccessible(page);
});

test("axe finds no violation on the English home page", async ({ page, context }) => {
  await context.addCookies([{ name: "lingua", value: "en", url: "http://127.0.0.1:3000" }]);
  await gotoHydrated(page, "/");
  await expectAccessible(page);
});

test("axe finds no violation while the home search shows suggestions", async ({ page }) => {
  await gotoHydrated(page, "/");
  await page.getByLabel("Nome del comune").pressSequentially("la");
  await expectAccessible(page);
});
