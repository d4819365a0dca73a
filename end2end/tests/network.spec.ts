import { expect, type Page, test } from "@playwright/test";
import { gotoHydrated } from "./helpers";

// The announcement names 38 member bodies; the membership spec may have
// approved more by the time this runs, so the total is read from the page's
// "Tutti (N)" filter (checked against the bodies listed where all are shown).
async function bodiesInNetwork(page: Page): Promise<number> {
  const all = page.getByRole("link", { name: /^(Tutti|All) \(\d+\)$/ });
  const total = Number((await all.textContent())!.match(/\((\d+)\)/)![1]);
  expect(total).toBeGreaterThanOrEqual(38);
  return total;
}

test("/rete filters the member bodies by category without reloading", async ({ page }) => {
  await gotoHydrated(page, "/rete");
  const count = page.getByTestId("conteggio-enti");
  const total = await bodiesInNetwork(page);
  await expect(page.locator("li.body-item")).toHaveCount(total);
  await expect(count).toHaveText(`${total} enti mostrati su ${total}`);
  await expect(page.getByTestId("comuni-rete").getByRole("listitem")).toHaveCount(12);
  await expect(page.getByText("fino al 30 giugno 2028")).toBeVisible();

  // A marker on the window survives only if the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await page.getByRole("link", { name: "Sindacati (4)" }).click();
  await expect(page).toHaveURL(/\/rete\?categoria=sindacato$/);
  await expect(count).toHaveText(`4 enti mostrati su ${total}`);
  const union = page.locator("[data-categoria=sindacato]");
  for (const name of ["CGIL", "CISL", "UIL", "CISAL"]) {
    await expect(union.getByText(name, { exact: true })).toBeVisible();
  }
  await expect(page.locator("[data-categoria=agenzia_lavoro]")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sindacati (4)" })).toHaveAttribute("aria-current", "true");
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

  await page.getByRole("link", { name: "Agenzie per il lavoro (6)" }).click();
  await expect(count).toHaveText(`6 enti mostrati su ${total}`);
  await page.goBack();
  await expect(count).toHaveText(`4 enti mostrati su ${total}`);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});

test("the category filter also works from the address alone, without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/rete?categoria=ente_formazione");
  const total = await bodiesInNetwork(page);
  await expect(page.getByTestId("conteggio-enti")).toHaveText(`10 enti mostrati su ${total}`);
  await expect(page.locator("li.body-item")).toHaveCount(10);
  await expect(page.getByText("Scuola Edile", { exact: true })).toBeVisible();
  await context.close();
});

test("the map leads to a comune's page", async ({ page }) => {
  await gotoHydrated(page, "/comuni");
  const map = page.locator("svg.province-map");
  await expect(map.locator("a[data-comune]")).toHaveCount(32);
  await expect(map.locator("circle.map-point-network")).toHaveCount(12);
  await map.locator('a[data-comune="levanto"]').click();
  await expect(page).toHaveURL(/\/comuni\/levanto$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Levanto");
  await expect(page.getByText("non ha ancora aderito")).toBeVisible();

  await map.locator('a[data-comune="follo"]').click();
  await expect(page).toHaveURL(/\/comuni\/follo$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Follo");
  await expect(page.getByText("Rita Mazzi")).toBeVisible();
  await expect(page.locator('a[data-comune="follo"] circle')).toHaveClass(/map-point-current/);
});

test("the language switch changes the page and is remembered", async ({ page }) => {
  await gotoHydrated(page, "/rete?categoria=sindacato");
  await page.getByRole("link", { name: "Switch the site to English" }).click();
  await expect(page).toHaveURL(/\/rete\?categoria=sindacato$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The Work Network");
  const total = await bodiesInNetwork(page);
  await expect(page.getByTestId("conteggio-enti")).toHaveText(`Showing 4 of ${total} bodies`);

  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Help desks" }).click();
  await expect(page.getByRole("row", { name: /Tuesday/ })).toContainText("8:30–12:00");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("InfoLavoro help desks");

  await page.getByRole("link", { name: "Passa all'italiano" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gli sportelli InfoLavoro");
});
