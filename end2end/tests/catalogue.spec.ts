// Courses and desk appointments, walked the way people use them: an
// organiser publishes, citizens filter, enrol, wait, cancel and are promoted;
// an operator books a caller in, records the appointment and closes the
// desk on a day, which people booking then read.
import { Browser, expect, Page, test } from "@playwright/test";
import { expectAccessible, gotoHydrated } from "./helpers";
import { dayAhead, publishCourse } from "./organise";
import { attachmentIn, parseIcs, waitForMail } from "./mail";
import { ADMIN_EMAIL, ADMIN_PASSWORD, logIn, newCitizen, OPERATOR_EMAIL } from "./people";

test.describe.configure({ timeout: 180_000 });

async function personIn(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test("citizens find a course by comune, enrol, wait, cancel and are promoted", async ({ browser }) => {
  const title = `Cucina professionale ${Date.now()}`;
  const day = dayAhead(20);
  const admin = await personIn(browser);
  await logIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  await publishCourse(admin, title, day.italian);

  // Anna filters by comune (the map's count follows) and enrols.
  const anna = await personIn(browser);
  const annaEmail = await newCitizen(anna, "Anna Ferri");
  await gotoHydrated(anna, "/corsi");
  await anna.getByLabel("Comune", { exact: true }).selectOption("sarzana");
  await anna.getByRole("button", { name: "Cerca" }).click();
  await expect(anna).toHaveURL(/comune=sarzana/);
  expect(anna.url(), "no empty pair from the button").not.toMatch(/&=|\?=/);
  const card = anna.getByTestId("attivita").filter({ hasText: title });
  await expect(card).toContainText("Gratuito");
  await expect(card).toBeVisible();
  await expect(anna.getByTestId("attivita").filter({ hasText: "Lerici" })).toHaveCount(0);
  await expect(anna.locator('.province-map a[data-comune="sarzana"] > title')).toHaveText(/Sarzana: [1-9]\d* corsi/);
  await expectAccessible(anna);
  await card.getByRole("link", { name: title }).click();
  await expect(anna.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(anna.getByTestId("posti")).toContainText("1 posti liberi");
  await anna.getByRole("button", { name: "Iscriviti" }).click();
  await expect(anna.getByTestId("mio-posto")).toContainText("Sei iscritto");
  await expectAccessible(anna);

  // The confirmation carries a calendar file with the course's date.
  const confirmation = await waitForMail(annaEmail, `Iscrizione confermata: ${title}`);
  const events = parseIcs(attachmentIn(confirmation, "text/calendar"));
  expect(events).toHaveLength(1);
  expect(events[0].SUMMARY).toBe(title);
  expect(events[0].DTSTART).toMatch(new RegExp(`^${day.ics}T0[78]0000Z$`));
  expect(events[0].LOCATION).toContain("Sarzana");

  // Bruno finds the course full and joins the waiting list.
  const bruno = await personIn(browser);
  const brunoEmail = await newCitizen(bruno, "Bruno Galli");
  await gotoHydrated(bruno, anna.url());
  await expect(bruno.getByTestId("posti")).toContainText("Posti esauriti");
  await bruno.getByRole("button", { name: "Mettiti in lista d'attesa" }).click();
  await expect(bruno.getByTestId("mio-posto")).toHaveText("Sei in lista d'attesa, in posizione 1.");

  // Anna cancels from her area; Bruno takes the seat and is told.
  await gotoHydrated(anna, "/area");
  await anna.getByRole("link", { name: "I miei corsi, incontri e appuntamenti" }).click();
  const mine = anna.getByTestId("mia-iscrizione").filter({ hasText: title });
  await expect(mine).toContainText("Iscritto");
  await expectAccessible(anna);
  await mine.getByRole("button", { name: "Annulla" }).click();
  await expect(mine).toContainText("Iscrizione annullata");
  await waitForMail(annaEmail, "abbiamo annullato, come hai chiesto");
  await waitForMail(brunoEmail, "ti abbiamo iscritto");
  await bruno.reload();
  await expect(bruno.getByTestId("mio-posto")).toContainText("Sei iscritto");

  // The organiser's roster shows both, and the list downloads as CSV.
  await admin.reload();
  const roster = admin.getByTestId("iscritti");
  await expect(roster.getByRole("row").filter({ hasText: brunoEmail })).toContainText("Iscritto");
  await expect(roster.getByRole("row").filter({ hasText: annaEmail })).toContainText("Iscrizione annullata");
  const download = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "Scarica l'elenco (CSV)" }).click();
  const csv = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of csv) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString("utf8")).toContain(brunoEmail);
  await expectAccessible(admin);

  // Anna books the desk; the confirmation comes by email.
  await gotoHydrated(anna, "/sportelli");
  await anna.getByRole("link", { name: "Prenota un appuntamento" }).first().click();
  await expect(anna.locator("body")).toHaveAttribute("data-hydrated", "true");
  await anna.getByLabel("Scrivere il curriculum").check();
  await anna.locator('input[name="slot"]:not([disabled])').first().check();
  await anna.getByRole("button", { name: "Prenota", exact: true }).click();
  await expect(anna).toHaveURL(/\/area\/calendario\?prenotato=1$/);
  await expect(anna.getByTestId("mio-appuntamento").first()).toContainText("Prenotato");
  await waitForMail(annaEmail, "il tuo appuntamento è confermato");
});

test("an operator books a caller in and marks the appointment done", async ({ page }) => {
  await logIn(page, OPERATOR_EMAIL, ADMIN_PASSWORD);
  await page.getByRole("link", { name: "Agenda dello sportello" }).click();
  await expect(page).toHaveURL(/\/staff\/agenda$/);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Prenota per una persona" }).click();
  await expect(page).toHaveURL(/\/sportelli\/la-spezia\/prenota$/);
  const dayLink = page.locator('a[href*="giorno="]').nth(1);
  const iso = new URL((await dayLink.getAttribute("href"))!, "http://portale").searchParams.get("giorno")!;
  await dayLink.click();
  await expect(page).toHaveURL(new RegExp(`giorno=${iso}(&|$)`));
  // Sent empty: every mistake is said at once, listed at the top.
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("button", { name: "Prenota", exact: true }).click();
  const summary = page.getByTestId("riepilogo-errori");
  await expect(summary).toContainText("Ci sono 3 cose da correggere");
  await expect(summary.getByRole("link", { name: "Scegli un giorno e un orario." })).toHaveAttribute("href", "#campo-slot");
  await expect(summary.getByRole("link")).toHaveCount(3);
  await expect(page.getByLabel("Nome della persona")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Prepararsi al colloquio di lavoro").check();
  await page.locator('input[name="slot"]:not([disabled])').first().check();
  const caller = `Giovanni Esposito ${Date.now()}`;
  await page.getByLabel("Nome della persona").fill(caller);
  await page.getByLabel("Telefono o email della persona").fill("0187 123456");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Prenota", exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/agenda\?prenotato=1$/);

  await page.locator("#agenda-giorno").fill(iso);
  await page.getByRole("button", { name: "Mostra" }).click();
  const appointment = page.getByTestId("appuntamento").filter({ hasText: caller });
  await expect(appointment).toContainText("Prepararsi al colloquio di lavoro");
  await expect(appointment.getByTestId("esito")).toHaveText("Prenotato");
  await appointment.getByRole("button", { name: `Segna svolto: ${caller}` }).click();
  await expect(appointment.getByTestId("esito")).toHaveText("Svolto");
});

test("an operator closes the desk on a day, and people booking read why", async ({ page, browser }) => {
  await logIn(page, OPERATOR_EMAIL, ADMIN_PASSWORD);
  // The last day offered: the other walks book the first ones.
  await gotoHydrated(page, "/sportelli/la-spezia/prenota");
  const lastDay = page.locator('a[href*="giorno="]').last();
  const iso = new URL((await lastDay.getAttribute("href"))!, "http://portale").searchParams.get("giorno")!;
  const [year, month, day] = iso.split("-");
  const shown = `${day}/${month}/${year}`;

  await gotoHydrated(page, "/staff/agenda");
  const closures = page.getByRole("region", { name: "Giorni di chiusura" });
  await closures.getByLabel("Giorno", { exact: true }).fill(iso);
  await closures.getByRole("button", { name: "Chiudi lo sportello quel giorno" }).click();
  await expect(closures.getByText("Scrivi perché lo sportello è chiuso")).toBeVisible();
  const reason = `Formazione del personale ${Date.now()}`;
  await closures.getByLabel("Motivo").fill(reason);
  await closures.getByRole("button", { name: "Chiudi lo sportello quel giorno" }).click();
  await expect(closures.getByRole("status")).toContainText("Giorno chiuso");
  await expect(closures.getByTestId("chiusure")).toContainText(`${shown} — ${reason}`);
  await expectAccessible(page);

  const visitor = await personIn(browser);
  await gotoHydrated(visitor, "/sportelli/la-spezia/prenota");
  await expect(visitor.getByTestId("giorni-chiusi")).toContainText(`${shown} — ${reason}`);
  await expect(visitor.locator(`a[href*="giorno=${iso}"]`)).toHaveCount(0);
  await expectAccessible(visitor);

  await closures.getByRole("button", { name: `Riapri ${shown}` }).click();
  await expect(closures.getByTestId("chiusure")).not.toContainText(reason);
  await gotoHydrated(visitor, "/sportelli/la-spezia/prenota");
  await expect(visitor.locator(`a[href*="giorno=${iso}"]`)).toHaveCount(1);
});
