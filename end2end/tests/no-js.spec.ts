// The portal without JavaScript (the "no-js" project of playwright.config.ts:
// the wasm never runs). Every form is a plain HTML form: a refused one comes
// back with its message on the field and what was typed (never the
// password); a good one lands where it lands with JavaScript.
import { Browser, expect, Page, test } from "@playwright/test";
import { join } from "node:path";
import { linkIn, waitForMail } from "./mail";
import { dayAhead, publishCourse } from "./organise";
import { ADMIN_EMAIL, ADMIN_PASSWORD, logIn as logInHydrated, newCitizen, OPERATOR_EMAIL, PASSWORD, unique } from "./people";

test.describe.configure({ timeout: 120_000 });

async function logIn(page: Page, email: string, password: string) {
  await page.goto("/accesso");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page).toHaveURL(/\/area$/);
}

/** A page of a browser with JavaScript, for what this walk only needs done. */
async function withJavaScript(browser: Browser) {
  return (await browser.newContext({ javaScriptEnabled: true })).newPage();
}

test("a person registers after a refused email, confirms it and signs in", async ({ page }) => {
  const email = unique("paolo");
  await page.goto("/registrazione");
  await expect(page.locator("body")).not.toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("Impresa", { exact: true }).check();
  await page.getByLabel("Nome e cognome").fill("Paolo Neri");
  await page.getByLabel("Email").fill("paolo@esempio");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel(/Ho letto/).check();
  await page.getByRole("button", { name: "Crea l'account" }).click();

  await expect(page).toHaveURL(/\/registrazione\?/);
  const field = page.getByLabel("Email");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#campo-email-errore")).toContainText("indirizzo email valido");
  await expect(field).toHaveValue("paolo@esempio");
  await expect(page.getByLabel("Nome e cognome")).toHaveValue("Paolo Neri");
  await expect(page.getByLabel("Impresa", { exact: true })).toBeChecked();
  await expect(page.getByLabel(/Ho letto/)).toBeChecked();
  // The password is never kept: it is typed again.
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");

  await page.getByLabel("Persona in cerca di lavoro o di formazione").check();
  await field.fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Crea l'account" }).click();
  await expect(page).toHaveURL(/\/accesso\?registrato=1$/);
  await expect(page.getByRole("status")).toContainText("Ti abbiamo mandato un'email");

  const mail = await waitForMail(email, "Conferma il tuo indirizzo email");
  await page.goto(linkIn(mail, "/verifica-email"));
  await page.getByRole("button", { name: "Conferma il mio indirizzo" }).click();
  await expect(page).toHaveURL(/\/accesso\?verificato=1$/);

  // A wrong password is refused on the form, the email kept.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("non è questa");
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.locator("#campo-password-errore")).toContainText("Email o password non corrette");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page).toHaveURL(/\/area$/);
  await expect(page.locator("main").getByText("Paolo Neri").first()).toBeVisible();
});

test("staff publish an offer after a refused closing date", async ({ page }) => {
  const title = `Cuoca di mensa ${Date.now()}`;
  await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto("/pubblica/nuova");
  await page.getByLabel("Tipo", { exact: true }).selectOption("lavoro");
  await page.getByLabel("Titolo: la figura che cercate").fill(title);
  await page.getByLabel("Descrizione").fill("Preparazione dei pasti per la mensa scolastica, ordini e pulizia della cucina.");
  await page.getByLabel("Impresa o ente che assume").fill("Mense del Golfo");
  await page.getByLabel("Dove si lavora").selectOption("no");
  await page.getByLabel("Comune di lavoro").selectOption("lerici");
  await page.getByLabel("Settore (ATECO)").selectOption("I");
  await page.getByLabel("Gruppo professionale (ISTAT)").selectOption("5");
  await page.getByLabel("Contratto").selectOption("determinato");
  await page.getByLabel("Orario").selectOption("parziale");
  await page.getByLabel("Titolo di studio richiesto").selectOption("2");
  await page.getByLabel(/Scadenza/).fill("2020-01-01");
  await page.getByLabel("Pubblica subito").check();
  await page.getByRole("button", { name: "Salva" }).click();

  await expect(page.locator("#campo-expires_on-errore")).toContainText("La scadenza deve essere dopo oggi");
  await expect(page.getByLabel(/Scadenza/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Titolo: la figura che cercate")).toHaveValue(title);
  await expect(page.getByLabel("Comune di lavoro")).toHaveValue("lerici");
  await expect(page.getByLabel("Orario")).toHaveValue("parziale");
  await expect(page.getByLabel("Descrizione")).toHaveValue(/mensa scolastica/);

  await page.getByLabel(/Scadenza/).fill("");
  await page.getByLabel("Pubblica subito").check();
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page).toHaveURL(/\/pubblica\/\d+\?salvata=1$/);
  await expect(page.getByTestId("stato-offerta")).toContainText("Pubblicata");

  // The search filters: a plain GET form.
  await page.goto("/offerte");
  await page.getByLabel("Cosa cerchi").fill("cuoca di mensa");
  await page.getByLabel("Comune", { exact: true }).selectOption("lerici");
  await page.getByRole("button", { name: "Cerca", exact: true }).click();
  await expect(page).toHaveURL(/comune=lerici/);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByLabel("Comune", { exact: true })).toHaveValue("lerici");
});

test("a citizen enrols in a course", async ({ browser, page }) => {
  const title = `Pasticceria di base ${Date.now()}`;
  const organiser = await withJavaScript(browser);
  await logInHydrated(organiser, ADMIN_EMAIL, ADMIN_PASSWORD);
  await publishCourse(organiser, title, dayAhead(21).italian, 5);
  const id = organiser.url().match(/\/organizza\/(\d+)/)![1];

  // Lucia's account is made with JavaScript (the walk above does it
  // without); her session then serves the browser without.
  const helper = await withJavaScript(browser);
  await newCitizen(helper, "Lucia Conti");
  await page.context().addCookies(await helper.context().cookies());

  await page.goto("/corsi");
  await page.getByLabel("Comune", { exact: true }).selectOption("sarzana");
  await page.getByRole("button", { name: "Cerca" }).click();
  await expect(page).toHaveURL(/comune=sarzana/);
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/corsi/${id}$`));
  await page.getByRole("button", { name: "Iscriviti" }).click();
  await expect(page.getByTestId("mio-posto")).toContainText("Sei iscritto");
  await page.goto("/area/calendario");
  await expect(page.locator("main")).toContainText(title);
});

test("a body asks to join the network after a refused request", async ({ page }) => {
  const name = `Cooperativa della Val di Vara ${Date.now()}`;
  const contact = unique("rita");
  await page.goto("/rete/aderisci");
  await page.getByLabel("Nome dell'ente").fill(name);
  await page.getByLabel("Categoria", { exact: true }).selectOption("terzo_settore");
  await page.getByLabel("Persona di riferimento", { exact: true }).fill("Rita Galli");
  await page.getByLabel("Email della persona di riferimento").fill(contact);
  await page.getByLabel("Perché chiedete di aderire").fill("Accompagniamo al lavoro i giovani della valle.");
  // The protocol is not accepted: refused, on its box, the rest kept.
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(page.locator("#campo-protocol-errore")).toContainText("accettare il protocollo");
  await expect(page.getByLabel("Nome dell'ente")).toHaveValue(name);
  await expect(page.getByLabel("Categoria", { exact: true })).toHaveValue("terzo_settore");
  await expect(page.getByLabel("Perché chiedete di aderire")).toHaveValue("Accompagniamo al lavoro i giovani della valle.");
  await page.getByLabel(/Abbiamo letto il Protocollo/).check();
  await page.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(page).toHaveURL(/\/rete\/aderisci\?inviata=1$/);
  await expect(page.getByTestId("adesione-inviata")).toContainText("Richiesta inviata");
  await waitForMail(contact, "abbiamo ricevuto la richiesta di adesione");
});

test("a citizen writes a cover letter after a refused signature", async ({ browser, page }) => {
  // Her account and CV are made with JavaScript; the letter without.
  const helper = await withJavaScript(browser);
  await newCitizen(helper, "Irene Neri");
  await helper.goto("/cv");
  await expect(helper.locator("body")).toHaveAttribute("data-hydrated", "true");
  await helper.getByRole("button", { name: "Crea un nuovo CV" }).click();
  await expect(helper).toHaveURL(/\/cv\/\d+$/);
  await page.context().addCookies(await helper.context().cookies());

  await page.goto("/cv");
  await page.getByRole("link", { name: "Scrivi una lettera di presentazione" }).click();
  await expect(page).toHaveURL(/\/cv\/lettere\/nuova$/);
  await page.getByRole("button", { name: "Scrivi la lettera" }).click();
  await expect(page).toHaveURL(/\/cv\/lettere\/\d+$/);
  await expect(page.getByLabel("Oggetto")).toHaveValue("Candidatura spontanea");
  const who = "Sono Irene, vivo a Sarzana e cerco lavoro come commessa.";
  await page.getByLabel("Chi sono").fill(who);
  await page.getByLabel("Saluti e firma").fill("Grazie ".repeat(40));
  await page.getByRole("button", { name: "Salva la lettera" }).click();
  await expect(page.locator("#campo-closing-errore")).toHaveText("Al massimo 200 caratteri.");
  await expect(page.getByLabel("Chi sono")).toHaveValue(who);

  await page.getByLabel("Saluti e firma").fill("Grazie,\nIrene Neri");
  await page.getByRole("button", { name: "Salva la lettera" }).click();
  await expect(page).toHaveURL(/\/cv\/lettere\/\d+$/);
  await page.reload();
  await expect(page.getByLabel("Chi sono")).toHaveValue(who);
  await expect(page.getByLabel("Saluti e firma")).toHaveValue("Grazie,\nIrene Neri");
  const pdf = await page.request.get((await page.getByRole("link", { name: /Scarica in PDF/ }).getAttribute("href"))!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
});

test("a citizen imports a Europass CV after a file that is not one", async ({ browser, page }) => {
  const helper = await withJavaScript(browser);
  await newCitizen(helper, "Nadia Rossi");
  await page.context().addCookies(await helper.context().cookies());
  await page.goto("/cv");
  const file = page.getByLabel("File Europass (.xml) o JSON Resume");
  await file.setInputFiles({ name: "cv.xml", mimeType: "application/xml", buffer: Buffer.from("<?xml version=\"1.0\"?><rss/>") });
  await page.getByRole("button", { name: "Importa", exact: true }).click();
  await expect(page).toHaveURL(/\/cv\?errore=/);
  await expect(page.locator("#campo-file-errore")).toContainText("non un CV Europass");
  await file.setInputFiles(join(__dirname, "../../server/tests/europass/Europass_CV_V3.4.0_Example.xml"));
  await page.getByRole("button", { name: "Importa", exact: true }).click();
  await expect(page).toHaveURL(/\/cv\/\d+\?importato=1$/);
  await expect(page.getByLabel("Anteprima del CV")).toContainText("Martial Arts Instructor");
});

test("a citizen gives the desk a code and the operator types it, after a wrong one", async ({ browser, page }) => {
  // Her account is made with JavaScript; the permission and the code without.
  const helper = await withJavaScript(browser);
  await newCitizen(helper, "Teresa Galli");
  await page.context().addCookies(await helper.context().cookies());
  await page.goto("/cv");
  await page.getByRole("button", { name: "Dai il permesso per un'ora" }).click();
  await expect(page).toHaveURL(/\/cv$/);
  const code = (await page.getByTestId("codice-aiuto").textContent())!.trim();

  const operator = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await logIn(operator, OPERATOR_EMAIL, ADMIN_PASSWORD);
  await operator.goto("/staff/sportello-cv");
  await operator.getByLabel("Codice della persona").fill("KMRT-4XQ7");
  await operator.getByRole("button", { name: "Apri i suoi CV" }).click();
  await expect(operator.locator("#campo-code-errore")).toContainText("Questo codice non vale");
  await expect(operator.getByLabel("Codice della persona")).toHaveValue("KMRT-4XQ7");
  await operator.getByLabel("Codice della persona").fill(code);
  await operator.getByRole("button", { name: "Apri i suoi CV" }).click();
  await expect(operator).toHaveURL(/\/staff\/sportello-cv$/);
  await expect(operator.getByTestId("persona-aiutata").filter({ hasText: "Teresa Galli" })).toContainText("Non ha ancora un CV");

  await page.reload();
  await expect(page.getByTestId("aiuto-attivo")).toContainText("Ora Operatore dello sportello può modificare i tuoi CV");
  await page.getByRole("button", { name: "Togli il permesso ora" }).click();
  await expect(page.getByRole("button", { name: "Dai il permesso per un'ora" })).toBeVisible();
});
