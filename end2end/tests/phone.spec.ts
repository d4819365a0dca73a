// The portal on a small phone (360 px wide): no page scrolls sideways, the
// search filters fold behind one button so that the first results are on
// the first screen, and every control is at least 24 × 24 px (WCAG 2.2, 2.5.8).
import { expect, Page, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gotoHydrated } from "./helpers";
import { ADMIN_EMAIL, ADMIN_PASSWORD, logIn, newCitizen } from "./people";

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
test.describe.configure({ timeout: 180_000 });

// The public pages (shared with server/tests/all/findable.rs), a few searches, and the 404.
const PUBLIC = [
  ...(JSON.parse(readFileSync(join(__dirname, "../public-pages.json"), "utf8")) as string[]),
  "/offerte?comune=sarzana&km=15&q=magazziniere",
  "/corsi?vista=calendario",
  "/non-esiste",
];

const CITIZEN = ["/area", "/cv", "/cv/lettere/nuova", "/area/profilo", "/area/candidature", "/area/avvisi", "/area/calendario", "/sportelli/la-spezia/prenota", "/orientamento/percorso"];

const STAFF = [
  "/staff",
  "/staff/agenda",
  "/staff/sportello-cv",
  "/staff/adesioni",
  "/staff/attivita",
  "/staff/offerte",
  "/staff/orientamento",
  "/staff/verifiche",
  "/staff/registro",
  "/pubblica",
  "/pubblica/nuova",
  "/organizza",
  "/organizza/nuova",
];

/** What sticks out past the right edge of the page, outside any scrolling box. */
async function sticksOut(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element | null) => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const overflow = getComputedStyle(e).overflowX;
        if (overflow !== "visible") return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5 && !scrolls(el.parentElement)) {
        const name = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${Array.from(el.classList).join(".")}`;
        out.push(`${name} ends at ${Math.round(box.right)} px`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 8) };
  });
}

/** Controls smaller than 24 × 24 px that are not inline links in a sentence. */
async function smallTargets(page: Page) {
  return page.evaluate(() => {
    const small: string[] = [];
    const controls = document.querySelectorAll(
      "main button, main input:not([type=hidden]), main select, main summary, header a, header button, nav a, footer a, main a.btn-primary, main a.btn-secondary, main a.filter-chip",
    );
    for (const el of Array.from(controls)) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || style.visibility === "hidden" || el.closest(".sr-only")) continue;
      // An inline link inside running text is exempt (2.5.8's "inline").
      if (el.tagName === "A" && style.display === "inline" && el.parentElement?.closest("p, li, dd")) continue;
      if (box.width < 24 || box.height < 24) {
        small.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? (el as HTMLInputElement).name).trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small.slice(0, 8);
  });
}

async function fitsThePhone(page: Page, url: string) {
  await gotoHydrated(page, url);
  const layout = await sticksOut(page);
  expect(layout.out, `${url}: nothing wider than ${layout.width} px`).toEqual([]);
  expect(layout.scrollWidth, `${url} scrolls sideways`).toBeLessThanOrEqual(layout.width);
  expect(await smallTargets(page), `${url}: targets of at least 24 × 24 px`).toEqual([]);
}

test("no public page is wider than a 360 px phone, and its targets are big enough", async ({ page }) => {
  await gotoHydrated(page, "/offerte");
  const firstOffer = await page.locator("main ul a[href^='/offerte/']").first().getAttribute("href", { timeout: 1000 }).catch(() => null);
  await gotoHydrated(page, "/corsi");
  const firstCourse = await page.locator("main ul a[href^='/corsi/']").first().getAttribute("href", { timeout: 1000 }).catch(() => null);
  // The detail pages of whatever the earlier tests published.
  const details = [firstOffer, firstCourse].filter((url): url is string => url !== null);
  for (const url of [...PUBLIC, ...details]) await fitsThePhone(page, url);
});

test("no page of a citizen's area is wider than a 360 px phone", async ({ page }) => {
  await newCitizen(page, "Ilaria Telefono");
  await gotoHydrated(page, "/cv");
  await page.getByRole("button", { name: "Crea un nuovo CV" }).click();
  await expect(page).toHaveURL(/\/cv\/\d+/);
  for (const url of [...CITIZEN, new URL(page.url()).pathname]) await fitsThePhone(page, url);
});

test("no staff page is wider than a 360 px phone", async ({ page }) => {
  await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  for (const url of STAFF) await fitsThePhone(page, url);
});

for (const [url, filter, option] of [
  ["/offerte", "Tipo", "tirocinio"],
  ["/corsi", "Tema", "competenze_digitali"],
] as const) {
  test(`on a phone the filters of ${url} fold behind one button and the results come first`, async ({ page }) => {
    await gotoHydrated(page, url);
    const fold = page.getByTestId("filtri");
    const button = fold.locator("summary");
    await expect(button).toHaveText("Filtri");
    await expect(page.getByLabel(filter, { exact: true })).toBeHidden();
    // The results start on the first screen.
    const count = page.getByTestId("conteggio");
    expect((await count.boundingBox())!.y).toBeLessThan(740 - 40);
    await button.click();
    await page.getByLabel(filter, { exact: true }).selectOption(option);
    if (url === "/corsi") await page.getByRole("button", { name: "Cerca" }).click();
    await expect(page).toHaveURL(new RegExp(`${option}`));
    await expect(page.getByTestId("filtri").locator("summary")).toHaveText("Filtri (1 attivo)");
  });
}
