import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible, gotoHydrated, unzip } from "./helpers";
import { linkIn, waitForMail } from "./mail";
import { ADMIN_EMAIL, ADMIN_PASSWORD, confirmEmail, logIn, logOut, OPERATOR_EMAIL, PASSWORD, register, unique } from "./people";

// Each flow signs in and out several times (argon2 takes its time on purpose).
test.describe.configure({ timeout: 90_000 });

test("a citizen registers, confirms the email, logs in and out", async ({ page }) => {
  const email = unique("maria");
  await register(page, { email, name: "Maria Bianchi" });
  await confirmEmail(page, email);
  await logIn(page, email, PASSWORD);
  await expect(page.locator("main").getByText("Maria Bianchi")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Menu principale" }).getByRole("link", { name: "Maria Bianchi" })).toBeVisible();
  await expect(page.getByTestId("stato-account")).toHaveText("Attivo");
  await expect(page.getByText("Presa visione dell'informativa sulla privacy")).toBeVisible();
  await expectAccessible(page);
  await logOut(page);
  await page.goto("/area");
  await expect(page).toHaveURL(/\/accesso\?next=\/area$/);
});

test("a bad registration says what is wrong next to the field and keeps what was typed", async ({ page }) => {
  await gotoHydrated(page, "/registrazione");
  await page.getByLabel("Nome e cognome").fill("Paolo Neri");
  await page.getByLabel("Email").fill("paolo@esempio");
  await page.getByLabel("Password", { exact: true }).fill("corta");
  await page.getByRole("button", { name: "Crea l'account" }).click();
  const email = page.getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#campo-email-errore")).toContainText("indirizzo email valido");
  // Every mistake at once: the short password and the missing consent too,
  // listed at the top with a link to each field.
  const summary = page.getByTestId("riepilogo-errori");
  await expect(summary).toContainText("Ci sono 3 cose da correggere");
  await expect(summary.getByRole("link")).toHaveCount(3);
  await expect(summary.getByRole("link").first()).toHaveAttribute("href", "#campo-email");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#campo-password-errore")).not.toBeEmpty();
  await expect(page.getByLabel("Nome e cognome")).toHaveValue("Paolo Neri");
  await expect(email).toHaveValue("paolo@esempio");
  await expectAccessible(page);
});

test("a business waits, an operator verifies it, the business reaches its area", async ({ page }) => {
  const email = unique("hr");
  const organisation = `Cantiere Navale ${Date.now()}`;
  await register(page, { role: "Impresa", email, name: "Giorgio Verdi", organisation });
  await confirmEmail(page, email);
  await logIn(page, email, PASSWORD);
  await expect(page.getByTestId("stato-account")).toHaveText("In attesa di verifica");
  // Told before the offer form, not after filling it.
  await gotoHydrated(page, "/pubblica/nuova");
  await expect(page.getByTestId("in-verifica")).toContainText("è in verifica");
  await expect(page.locator("main form")).toHaveCount(0);
  await logOut(page);

  await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.getByRole("link", { name: "Verifica di imprese ed enti" }).click();
  await expect(page).toHaveURL(/\/staff\/verifiche$/);
  const request = page.getByTestId("richiesta").filter({ hasText: organisation });
  await expect(request).toContainText(email);
  await expectAccessible(page);
  await request.getByLabel("Approva").check();
  await request.getByLabel(/Motivazione/).fill("Dati verificati");
  await request.getByRole("button", { name: "Registra la decisione" }).click();
  await expect(page.getByTestId("richiesta").filter({ hasText: organisation })).toHaveCount(0);
  await logOut(page);

  await waitForMail(email, "ha verificato il tuo account");
  await logIn(page, email, PASSWORD);
  await expect(page.getByTestId("stato-account")).toHaveText("Attivo");
});

test("a person downloads their data and deletes their account", async ({ page }) => {
  const email = unique("giulia");
  await register(page, { email, name: "Giulia Rossi" });
  await confirmEmail(page, email);
  await logIn(page, email, PASSWORD);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Scarica i miei dati (ZIP)" }).click();
  const files = unzip(await (await download).path());
  const data = JSON.parse(files["dati.json"].toString("utf8"));
  expect(data.account[0].email).toBe(email);
  expect(data.account[0].display_name).toBe("Giulia Rossi");
  expect(data.consensi[0].purpose).toBe("informativa_privacy");

  await page.getByLabel("Scrivi la tua password per confermare").fill(PASSWORD);
  await page.getByRole("button", { name: "Elimina definitivamente il mio account" }).click();
  await expect(page).toHaveURL(/\/\?account=eliminato$/);
  await gotoHydrated(page, "/accesso");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.locator("#campo-password-errore")).toHaveText("Email o password non corrette.");
});

test("a forgotten password is replaced through the emailed link", async ({ page }) => {
  const email = unique("anna");
  await register(page, { email, name: "Anna Neri" });
  await confirmEmail(page, email);
  await gotoHydrated(page, "/accesso");
  await page.getByRole("link", { name: "Hai dimenticato la password?" }).click();
  await expect(page).toHaveURL(/\/password-dimenticata$/);
  await expectAccessible(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Mandami il collegamento" }).click();
  await expect(page.getByRole("status")).toContainText("ti abbiamo mandato un collegamento");

  const mail = await waitForMail(email, "Reimposta la tua password");
  await gotoHydrated(page, linkIn(mail, "/reimposta-password"));
  await expectAccessible(page);
  await page.getByLabel("Nuova password").fill("corta");
  await page.getByRole("button", { name: "Salva la nuova password" }).click();
  await expect(page.locator("#campo-password-errore")).toContainText("almeno 12 caratteri");
  const newPassword = "una nuova frase per anna";
  await page.getByLabel("Nuova password").fill(newPassword);
  await page.getByRole("button", { name: "Salva la nuova password" }).click();
  await expect(page.getByRole("status")).toContainText("Password cambiata");
  await logIn(page, email, newPassword);
});

test("the admin reads who did what, on what and why, filters a period and downloads it", async ({ page, browser }) => {
  // An act with a reason and an object: an operator closes the desk's last
  // bookable day, then reopens it.
  await logIn(page, OPERATOR_EMAIL, ADMIN_PASSWORD);
  await gotoHydrated(page, "/sportelli/la-spezia/prenota");
  const lastDay = page.locator('a[href*="giorno="]').last();
  const iso = new URL((await lastDay.getAttribute("href"))!, "http://portale").searchParams.get("giorno")!;
  const [year, month, day] = iso.split("-");
  await gotoHydrated(page, "/staff/agenda");
  const closures = page.getByRole("region", { name: "Giorni di chiusura" });
  const reason = `Assemblea del personale ${Date.now()}`;
  await closures.getByLabel("Giorno", { exact: true }).fill(iso);
  await closures.getByLabel("Motivo").fill(reason);
  await closures.getByRole("button", { name: "Chiudi lo sportello quel giorno" }).click();
  await expect(closures.getByRole("status")).toContainText("Giorno chiuso");
  await closures.getByRole("button", { name: `Riapri ${day}/${month}/${year}` }).click();
  await expect(closures.getByTestId("chiusure")).not.toContainText(reason);
  await logOut(page);

  await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await gotoHydrated(page, "/area");
  await page.getByRole("link", { name: "Registro delle attività" }).click();
  await expect(page).toHaveURL(/\/staff\/registro$/);
  const rows = page.getByTestId("registro").getByRole("row");
  const closed = rows.filter({ hasText: reason });
  await expect(closed).toContainText("Sportello chiuso per un giorno");
  await expect(closed).toContainText("Operatore dello sportello");
  await expect(closed.getByRole("link", { name: /Spezia/ })).toHaveAttribute("href", "/staff/agenda");
  await expectAccessible(page);
  // Every kind of act can be chosen, by its name.
  await expect(page.getByLabel("Azione").locator("option")).toHaveCount(25);

  // Without JavaScript too: the filter is a plain form, the period a pair of days.
  const plain = await (await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage();
  await plain.goto("/staff/registro");
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Rome" }).format(new Date());
  await plain.getByLabel("Azione").selectOption({ label: "Sportello riaperto" });
  await plain.getByLabel("Dal giorno", { exact: true }).fill(today);
  await plain.getByLabel("Al giorno", { exact: true }).fill(today);
  await plain.getByRole("button", { name: "Filtra" }).click();
  await expect(plain).toHaveURL(/azione=sportello_riaperto/);
  const plainRows = plain.getByTestId("registro").getByRole("row");
  await expect(plainRows.filter({ hasText: "Sportello riaperto" }).first()).toBeVisible();
  await expect(plainRows.filter({ hasText: reason })).toHaveCount(0);
  await expect(plain.getByLabel("Dal giorno", { exact: true })).toHaveValue(today);

  // The period's CSV holds the closure with its reason, whoever filters the page.
  await page.goto(`/staff/registro?dal=${today}&al=${today}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Scarica il periodo in CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`registro-${today}-${today}.csv`);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv).toContain(reason);
  expect(csv).toContain("Sportello riaperto");
  expect(csv.split("\r\n")[0]).toContain("Motivo o dettaglio");
});

test("the sign-in and email-link pages are accessible", async ({ page }) => {
  for (const url of ["/accesso", "/accesso?registrato=1", "/verifica-email?token=esempio"]) {
    await gotoHydrated(page, url);
    await expectAccessible(page);
  }
  await page.getByRole("button", { name: "Conferma il mio indirizzo" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "non è valido o è scaduto" })).toBeVisible();
});

test("a page that needs an account leads to sign in and back, and the header says who is in", async ({ page }) => {
  const email = unique("ritorno");
  await register(page, { email, name: "Rita Bassi" });
  await confirmEmail(page, email);

  await gotoHydrated(page, "/");
  const menu = page.getByRole("navigation", { name: "Menu principale" });
  await expect(menu.getByRole("link", { name: "Accedi" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Registrati" })).toHaveAttribute("href", "/registrazione");
  await expect(page.getByRole("link", { name: "Registra la tua impresa" })).toHaveAttribute("href", "/registrazione?ruolo=impresa");

  // Followed inside the app, "Per le imprese" asks to sign in instead of failing.
  await page.getByRole("link", { name: "Per le imprese" }).click();
  await expect(page).toHaveURL(/\/accesso\?next=\/imprese\/candidati$/);
  await expect(page.getByText("Per continuare accedi")).toBeVisible();

  // A full load of a citizen's page does the same, and signing in comes back to it.
  await page.goto("/area/candidature");
  await expect(page).toHaveURL(/\/accesso\?next=\/area\/candidature$/);
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page).toHaveURL(/\/area\/candidature$/);
  await expect(menu.getByRole("link", { name: /Rita Bassi/ })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Accedi" })).toHaveCount(0);
  await expectAccessible(page);
});
