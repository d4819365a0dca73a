// The staff dashboard, live: an operator keeps it open while a citizen, in
// another browser, enrols in a course; the course's fill rate moves on the
// operator's screen without a reload.
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectAccessible, gotoHydrated } from "./helpers";
import { dayAhead, publishCourse } from "./organise";
import { ADMIN_EMAIL, ADMIN_PASSWORD, logIn, newCitizen, OPERATOR_EMAIL } from "./people";

test.describe.configure({ timeout: 180_000 });

test("an operator's dashboard follows a citizen's enrolment without a reload", async ({ browser }) => {
  const title = `Magazzino e logistica ${Date.now()}`;
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  await publishCourse(admin, title, dayAhead(15).italian, 4);
  const courseId = admin.url().match(/\/organizza\/(\d+)/)![1];

  // The operator opens the dashboard on Sarzana's figures and leaves it open.
  const operator = await (await browser.newContext()).newPage();
  await logIn(operator, OPERATOR_EMAIL, ADMIN_PASSWORD);
  await operator.getByRole("link", { name: "Cruscotto della Rete" }).click();
  await expect(operator).toHaveURL(/\/staff$/);
  await operator.getByLabel("Comune", { exact: true }).selectOption("sarzana");
  await operator.getByLabel("Periodo", { exact: true }).selectOption("7");
  await operator.getByRole("button", { name: "Mostra" }).click();
  await expect(operator).toHaveURL(/comune=sarzana/);
  await expect(operator.getByTestId("diretta")).toHaveAttribute("data-state", "diretta");
  const row = operator.locator(`tr[data-attivita="${courseId}"]`);
  await expect(row.getByTestId("riempimento")).toHaveText("0%");
  await expect(row).toContainText("0 / 4");
  // Each figure says what it counts, one click away.
  const fill = operator.locator('[data-figure="riempimento"]');
  await fill.getByText("Che cosa conta").click();
  await expect(fill).toContainText("Posti occupati sui posti offerti");
  // What a coordinator reports is there; what cannot follow Sarzana says so.
  await expect(operator.locator('[data-figure="assunzioni"]')).toContainText("Assunzioni");
  await expect(operator.locator('[data-figure="moderazione"]')).toContainText("Tempo di moderazione");
  await expect(operator.locator('[data-figure="temi_sportello"]')).toContainText("curriculum");
  await expect(operator.locator('[data-figure="imprese"]').getByTestId("fuori-filtro")).toContainText("Non segue il filtro per comune");
  await expect(operator.locator('[data-figure="offerte"]').getByTestId("fuori-filtro")).toHaveCount(0);
  // Each series in its own chart, with its own scale; every date inside the frame.
  const charts = operator.getByTestId("grafico");
  await expect(charts).toHaveCount(3);
  await expect(charts.nth(1)).toContainText("Iscrizioni");
  for (const chart of await charts.locator("svg").all()) {
    const frame = (await chart.boundingBox())!;
    for (const label of await chart.locator("text.chart-axis").all()) {
      const box = (await label.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(frame.x);
      expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
    }
  }
  await expectAccessible(operator);
  // Marks this very page: a reload would lose the mark.
  await operator.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  // A citizen, elsewhere, enrols.
  const citizen = await (await browser.newContext()).newPage();
  await newCitizen(citizen, "Carla Neri");
  await gotoHydrated(citizen, `/corsi/${courseId}`);
  await citizen.getByRole("button", { name: "Iscriviti" }).click();
  await expect(citizen.getByTestId("mio-posto")).toContainText("Sei iscritto");

  // Within two seconds the operator's screen shows the seat taken.
  await expect(row.getByTestId("riempimento")).toHaveText("25%", { timeout: 2_000 });
  await expect(row).toContainText("1 / 4");
  expect(await operator.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  // The table downloads as CSV with the same figures.
  const [download] = await Promise.all([
    operator.waitForEvent("download"),
    operator.getByRole("link", { name: "Posti di corsi e incontri" }).click(),
  ]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv).toContain(`"${title}","Sarzana","1","4","25","0"`);
});

test("the dashboard is for staff only", async ({ page }) => {
  await newCitizen(page, "Dario Russo");
  const response = await page.goto("/staff");
  await expect(page.getByRole("alert")).toContainText("Non hai i permessi");
  expect(response?.status()).toBe(403);
});
