// A person's right to leave: Chiara keeps an orientation path, holds the
// last seat of a course that Bruno waits for, books the desk and subscribes
// her phone's calendar; she downloads her data, then deletes her account.
// Bruno takes the seat and is told; her calendar address stops answering;
// and the desk erases a caller who has no account.
import { Browser, expect, test } from "@playwright/test";
import { expectAccessible, gotoHydrated, unzip } from "./helpers";
import { dayAhead, publishCourse } from "./organise";
import { waitForMail } from "./mail";
import { ADMIN_EMAIL, ADMIN_PASSWORD, confirmEmail, logIn, newCitizen, OPERATOR_EMAIL, PASSWORD, register, unique } from "./people";

test.describe.configure({ timeout: 240_000 });

async function personIn(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test("a citizen deletes her account: her seat goes to the person waiting, her calendar stops", async ({ browser }) => {
  const title = `Magazzino e logistica ${Date.now()}`;
  const admin = await personIn(browser);
  await logIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  await publishCourse(admin, title, dayAhead(15).italian);
  const course = admin.url().match(/\/organizza\/(\d+)/)![1];

  // Chiara answers the questionnaire and keeps the path by registering.
  const chiara = await personIn(browser);
  await gotoHydrated(chiara, "/orientamento/percorso?situazione=perso_lavoro&eta=50_piu&comune=la-spezia&italiano=madrelingua&impresa=no");
  await chiara.getByRole("button", { name: "Registrati e salva il percorso" }).click();
  const email = unique("chiara");
  await register(chiara, { email, name: "Chiara Rossetti" });
  await confirmEmail(chiara, email);
  await gotoHydrated(chiara, "/accesso");
  await chiara.getByLabel("Email").fill(email);
  await chiara.getByLabel("Password").fill(PASSWORD);
  await chiara.getByRole("button", { name: "Accedi" }).click();
  await expect(chiara.getByTestId("percorso-salvato")).toBeVisible();

  // She takes the course's only seat; Bruno waits for it.
  await gotoHydrated(chiara, `/corsi/${course}`);
  await chiara.getByRole("button", { name: "Iscriviti" }).click();
  await expect(chiara.getByTestId("mio-posto")).toContainText("Sei iscritto");
  const bruno = await personIn(browser);
  const brunoEmail = await newCitizen(bruno, "Bruno Galli");
  await gotoHydrated(bruno, `/corsi/${course}`);
  await bruno.getByRole("button", { name: "Mettiti in lista d'attesa" }).click();
  await expect(bruno.getByTestId("mio-posto")).toHaveText("Sei in lista d'attesa, in posizione 1.");

  // She books the desk and subscribes her phone's calendar to her address.
  await gotoHydrated(chiara, "/sportelli/la-spezia/prenota");
  await chiara.getByLabel("Scrivere il curriculum").check();
  await chiara.locator('input[name="slot"]:not([disabled])').first().check();
  await chiara.getByRole("button", { name: "Prenota", exact: true }).click();
  await expect(chiara).toHaveURL(/\/area\/calendario\?prenotato=1$/);
  await expect(chiara.getByTestId("stato-calendario")).toHaveText("Non hai ancora un indirizzo del calendario.");
  await chiara.getByRole("button", { name: "Crea l'indirizzo del calendario" }).click();
  const address = chiara.getByLabel("Indirizzo del calendario");
  await expect(address).toHaveValue(/\/calendario\/personale\/.+\.ics$/);
  const feed = new URL(await address.inputValue()).pathname;
  // One tap adds it to the phone's calendar; one copies it.
  await expect(chiara.getByRole("link", { name: "Aggiungi al calendario del telefono" })).toHaveAttribute("href", /^webcal:\/\/.+\.ics$/);
  await chiara.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await chiara.getByRole("button", { name: "Copia l'indirizzo" }).click();
  await expect(chiara.getByText("Indirizzo copiato.")).toBeVisible();
  expect(await chiara.evaluate(() => navigator.clipboard.readText())).toBe(await address.inputValue());
  await expectAccessible(chiara);
  const subscribed = await chiara.request.get(feed);
  expect(subscribed.status()).toBe(200);
  expect(await subscribed.text()).toContain(title);
  // Shown once: on the next visit only its date.
  await chiara.reload();
  await expect(chiara.getByTestId("stato-calendario")).toContainText("Il tuo indirizzo è attivo dal");
  await expect(chiara.getByLabel("Indirizzo del calendario")).toHaveCount(0);

  // Her data, all of it, in one archive.
  await gotoHydrated(chiara, "/area");
  const download = chiara.waitForEvent("download");
  await chiara.getByRole("link", { name: "Scarica i miei dati (ZIP)" }).click();
  const files = unzip(await (await download).path());
  const data = JSON.parse(files["dati.json"].toString("utf8"));
  expect(data.account[0].email).toBe(email);
  expect(data.iscrizioni).toHaveLength(1);
  expect(data.appuntamenti).toHaveLength(1);
  expect(data.orientamento[0].answers.situazione).toBe("perso_lavoro");
  expect(data.calendario_personale).toHaveLength(1);
  expect(JSON.stringify(data)).not.toContain("token_hash");

  // She leaves.
  await chiara.getByLabel("Scrivi la tua password per confermare").fill(PASSWORD);
  await chiara.getByRole("button", { name: "Elimina definitivamente il mio account" }).click();
  await expect(chiara).toHaveURL(/\/\?account=eliminato$/);

  // Bruno has her seat, and an email that says so.
  await waitForMail(brunoEmail, "ti abbiamo iscritto");
  await bruno.reload();
  await expect(bruno.getByTestId("mio-posto")).toContainText("Sei iscritto");
  expect(brunoEmail).not.toBe(email);
  // Her calendar address answers nothing; she cannot sign in.
  expect((await chiara.request.get(feed)).status()).toBe(404);
  await gotoHydrated(chiara, "/accesso");
  await chiara.getByLabel("Email").fill(email);
  await chiara.getByLabel("Password").fill(PASSWORD);
  await chiara.getByRole("button", { name: "Accedi" }).click();
  await expect(chiara.locator("#campo-password-errore")).toHaveText("Email o password non corrette.");
});

test("the desk erases a caller who has no account, on their request", async ({ page }) => {
  await logIn(page, OPERATOR_EMAIL, ADMIN_PASSWORD);
  await gotoHydrated(page, "/sportelli/la-spezia/prenota");
  const dayLink = page.locator('a[href*="giorno="]').nth(2);
  const iso = new URL((await dayLink.getAttribute("href"))!, "http://portale").searchParams.get("giorno")!;
  await dayLink.click();
  await expect(page).toHaveURL(new RegExp(`giorno=${iso}(&|$)`));
  await page.getByLabel("Informazioni", { exact: true }).check();
  await page.locator('input[name="slot"]:not([disabled])').first().check();
  const caller = `Ornella Vanoni ${Date.now()}`;
  await page.getByLabel("Nome della persona").fill(caller);
  await page.getByLabel("Telefono o email della persona").fill("0187 654321");
  await page.getByRole("button", { name: "Prenota", exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/agenda\?prenotato=1$/);
  await page.locator("#agenda-giorno").fill(iso);
  await page.getByRole("button", { name: "Mostra" }).click();

  const appointment = page.getByTestId("appuntamento").filter({ hasText: caller });
  await appointment.getByText("Cancella i dati di questa persona").click();
  await expectAccessible(page);
  await appointment.getByRole("button", { name: `Cancella i dati: ${caller}` }).click();
  await expect(page.getByTestId("appuntamento").filter({ hasText: caller })).toHaveCount(0);
  await expect(page.getByText("0187 654321")).toHaveCount(0);
  await expect(page.getByTestId("dati-cancellati").first()).toHaveText("Dati cancellati");
});
