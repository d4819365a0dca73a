import { expect, test } from "@playwright/test";
import { gotoHydrated, watchForErrors } from "./helpers";

test("the home page hydrates and finds a comune as you type", async ({ page }) => {
  const problems = watchForErrors(page);
  await gotoHydrated(page, "/");
  await expect(page).toHaveTitle(/InfoLavoro/);
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Lavoro, formazione e orientamento");
  // The six services of the announcement.
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(6);

  const search = page.getByLabel("Nome del comune");
  await search.pressSequentially("sarz");
  const suggestions = page.getByTestId("elenco-comuni");
  await expect(suggestions.getByRole("link")).toHaveCount(1);
  await expect(page.locator("#cerca-comune-esito")).toHaveText("1 comuni trovati");
  await suggestions.getByRole("link", { name: /Sarzana/ }).click();

  await expect(page).toHaveURL(/\/comuni\/sarzana$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sarzana");
  await expect(page.getByText("Cristina Ponzanelli")).toBeVisible();
  expect(problems, "no script errors or CSP violations").toEqual([]);
});

test("without JavaScript the comune search is a plain form", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByLabel("Nome del comune").fill("riccò");
  await page.getByRole("button", { name: "Cerca" }).click();
  await expect(page).toHaveURL(/\/comuni\?q=ricc/);
  const list = page.getByTestId("elenco-comuni");
  await expect(list.getByRole("link")).toHaveCount(1);
  await expect(list.getByRole("link")).toContainText("Riccò del Golfo di Spezia");
  await context.close();
});

test("the desk page shows its opening hours and contact", async ({ page }) => {
  await page.goto("/sportelli");
  const tuesday = page.getByRole("row", { name: /Martedì/ });
  await expect(tuesday).toContainText("8:30–12:00, 14:30–17:30");
  await expect(page.getByRole("row", { name: /Venerdì/ })).toContainText("8:30–12:00");
  await expect(page.getByRole("row", { name: /Lunedì/ })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("link", { name: "infolavoro@comune.sp.it" })).toBeVisible();
});

test("unknown addresses answer 404 with a helpful page", async ({ page }) => {
  const missing = await page.goto("/pagina-che-non-esiste");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina non trovata");

  const noComune = await page.goto("/comuni/atlantide");
  expect(noComune?.status()).toBe(404);
  await expect(page.getByRole("alert")).toContainText("non esiste");
});

test("pages fit a 360 pixel phone screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  for (const url of ["/", "/rete", "/comuni", "/comuni/ricco-del-golfo-di-spezia", "/sportelli"]) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${url} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await context.close();
});
