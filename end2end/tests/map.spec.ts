// The province map as people use it: each comune an outlined area they can
// click or reach with the keyboard, names that never overlap or get cut off,
// the boundaries' credit, on a desktop and on a phone. UPDATE_SCREENSHOTS=1
// refreshes end2end/screenshots/map-*.png (shown in the README).
import { expect, Page, test } from "@playwright/test";
import { expectAccessible, gotoHydrated } from "./helpers";
import { ADMIN_EMAIL, ADMIN_PASSWORD, logIn } from "./people";

/** The drawn names' boxes, and the map's own box, as the browser lays them out. */
async function labelBoxes(page: Page) {
  return page.locator("svg.province-map").evaluate((svg) => {
    const frame = svg.getBoundingClientRect();
    const labels = Array.from(svg.querySelectorAll("text.map-label")).map((t) => {
      const r = t.getBoundingClientRect();
      return { name: t.textContent ?? "", left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    return { frame: { left: frame.left, top: frame.top, right: frame.right, bottom: frame.bottom }, labels };
  });
}

async function namesStayApartAndInside(page: Page, atLeast = 1) {
  const { frame, labels } = await labelBoxes(page);
  expect(labels.length).toBeGreaterThanOrEqual(atLeast);
  for (const [i, a] of labels.entries()) {
    expect(a.left >= frame.left && a.right <= frame.right && a.top >= frame.top && a.bottom <= frame.bottom, `${a.name} inside the map`).toBe(true);
    for (const b of labels.slice(i + 1)) {
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart, `${a.name} and ${b.name} apart`).toBe(true);
    }
  }
}

async function keepScreenshot(page: Page, name: string) {
  const figure = page.locator("figure.map-figure").first();
  const picture = await figure.screenshot();
  await test.info().attach(name, { body: picture, contentType: "image/png" });
  if (process.env.UPDATE_SCREENSHOTS) await figure.screenshot({ path: `screenshots/${name}` });
}

for (const width of [1280, 360]) {
  test(`at ${width} px the province has 32 outlined comuni, names apart, and its credit`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await gotoHydrated(page, "/comuni");
    const map = page.locator("svg.province-map");
    const comuni = map.locator("a[data-comune]");
    await expect(comuni).toHaveCount(32);
    await expect(map.locator("a[data-comune] path.map-area")).toHaveCount(32);
    await expect(map.locator("path.map-area-network")).toHaveCount(12);
    await expect(page.getByText("Confini comunali: ISTAT, openpolis (CC BY 4.0)")).toBeVisible();
    await expect(map.locator("text.map-sea")).toHaveText("Mar Ligure");
    await namesStayApartAndInside(page);
    await keepScreenshot(page, `map-${width}.png`);
  });
}

test("a comune is chosen on the map with the keyboard or a click on its area", async ({ page }) => {
  await gotoHydrated(page, "/comuni");
  const sarzana = page.locator("svg.province-map a[data-comune='sarzana']");
  await expect(sarzana).toHaveAttribute("aria-label", "Sarzana, comune della Rete");
  await sarzana.focus();
  await expect(sarzana).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/comuni\/sarzana$/);
  // On its page the comune is marked; a click on another goes there.
  await expect(page.locator("svg.province-map path.map-area-current")).toHaveCount(1);
  await page.locator("svg.province-map a[data-comune='levanto'] circle").click({ force: true });
  await expect(page).toHaveURL(/\/comuni\/levanto$/);
});

test("the offers map shades comuni by their offers and filters on a click", async ({ page }) => {
  await gotoHydrated(page, "/offerte");
  const map = page.locator("svg.province-map");
  await expect(map.locator("a[data-comune]")).toHaveCount(32);
  // Shades follow the counts the links name.
  const shades = await map.locator("a[data-comune]").evaluateAll((links) =>
    links.map((a) => ({
      count: Number((a.querySelector("title")?.textContent ?? "").match(/: (\d+)/)?.[1] ?? -1),
      shade: Number((a.querySelector("path")?.getAttribute("class") ?? "").match(/map-shade-(\d)/)?.[1] ?? -1),
    })),
  );
  for (const { count, shade } of shades) expect(count === 0 ? shade === 0 : shade >= 1).toBe(true);
  const sorted = [...shades].sort((a, b) => a.count - b.count);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i].shade).toBeGreaterThanOrEqual(sorted[i - 1].shade);
  // Only comuni with offers are named here, and there may be none yet.
  await namesStayApartAndInside(page, 0);
  await map.locator("a[data-comune='sarzana'] circle").click({ force: true });
  await expect(page).toHaveURL(/comune=sarzana/);
  await expect(page.locator("svg.province-map path.map-area-current")).toHaveCount(1);
});

test("axe finds no violation on the staff dashboard and its map", async ({ page }) => {
  await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await gotoHydrated(page, "/staff");
  await expect(page.locator("svg.province-map a[data-comune]")).toHaveCount(32);
  await expectAccessible(page);
});
