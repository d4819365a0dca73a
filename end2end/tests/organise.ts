// An organiser's walk shared by the specs: publishing a course from the area,
// after a wrong date that leaves the form as it was typed.
import { expect, Page } from "@playwright/test";
import { expectAccessible, gotoHydrated } from "./helpers";

/** dd/mm/yyyy, `days` from today (and the same day as an iCalendar date). */
export function dayAhead(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { italian: `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`, ics: `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}` };
}

/**
 * `state`: what the organiser's page says once saved (a body's course waits when review is on).
 * `organiser`: the body staff publish for; `null` for a body, which publishes as itself.
 */
export async function publishCourse(page: Page, title: string, day: string, seats = 1, state = "Iscrizioni aperte", organiser: string | null = "Scuola Edile") {
  await gotoHydrated(page, "/area");
  await page.getByRole("link", { name: "Organizza corsi e incontri" }).click();
  await page.getByRole("link", { name: "Nuovo corso o incontro" }).click();
  await expect(page).toHaveURL(/\/organizza\/nuova$/);
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("Tipo", { exact: true }).selectOption("corso");
  await page.getByLabel("Titolo", { exact: true }).fill(title);
  await page.getByLabel("Descrizione", { exact: true }).fill("Le basi della cucina professionale, con prove pratiche in laboratorio.");
  const organiserField = page.getByLabel("Ente che organizza");
  if (organiser === null) await expect(organiserField).toHaveCount(0);
  else await organiserField.selectOption(organiser);
  await page.getByLabel("Comune", { exact: true }).selectOption("sarzana");
  await page.getByLabel("Sede (indirizzo)").fill("Via Variante Aurelia 5");
  await page.getByLabel("Modalità", { exact: true }).selectOption("presenza");
  await page.getByLabel("Tema", { exact: true }).selectOption("mestieri");
  await page.getByLabel("Per chi", { exact: true }).selectOption("tutti");
  await page.getByLabel("Ore totali").fill("4");
  await page.getByLabel("Posti disponibili").fill("0");
  // A date in the past and no seats: both are said at once, each on its
  // field and in the summary at the top; what was typed stays.
  await page.getByLabel("Date e orari").fill("01/01/2020 9:00-13:00");
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.locator("#campo-sessions-errore")).toContainText("la data è già passata");
  await expect(page.getByTestId("riepilogo-errori")).toContainText("Ci sono 2 cose da correggere");
  await expect(page.getByLabel("Posti disponibili")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Posti disponibili").fill(String(seats));
  await expect(page.getByLabel("Date e orari")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Titolo", { exact: true })).toHaveValue(title);
  await expectAccessible(page);
  await page.getByLabel("Date e orari").fill(`${day} 9:00-13:00`);
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page).toHaveURL(/\/organizza\/\d+\?creata=1$/);
  await expect(page.getByTestId("stato-attivita")).toContainText(state);
}
