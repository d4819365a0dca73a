// A business looks for candidates the way it would: by comune, language
// level and skill; it shortlists a profile and asks to get in touch; the
// candidate accepts from her area; the business then sees who she is.
import { Browser, expect, Page, test } from "@playwright/test";
import { expectAccessible, gotoHydrated } from "./helpers";
import { waitForMail } from "./mail";
import { ADMIN_EMAIL, ADMIN_PASSWORD, confirmEmail, logIn, newCitizen, PASSWORD, register, unique } from "./people";

test.describe.configure({ timeout: 240_000 });

async function personIn(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function saved(page: Page) {
  await expect(page.getByTestId("stato-salvataggio")).toHaveText("✓ Salvato");
}

test("a business finds a candidate, shortlists her, asks, and sees her contacts once she accepts", async ({ browser }) => {
  const stamp = Date.now();
  const skill = `gruista${stamp}`;

  // The candidate writes a CV and makes it visible.
  const lucia = await personIn(browser);
  const luciaEmail = await newCitizen(lucia, "Lucia Marchetti");
  await gotoHydrated(lucia, "/cv");
  await lucia.getByRole("button", { name: "Crea un nuovo CV" }).click();
  await expect(lucia).toHaveURL(/\/cv\/\d+$/);
  await lucia.getByLabel("Telefono").fill("+39 333 4455667");
  await lucia.getByLabel("Comune", { exact: true }).selectOption("sarzana");
  await saved(lucia);
  // A job and a diploma with their dates: the business will read how long, not when.
  await lucia.getByRole("link", { name: "3. Esperienze di lavoro" }).click();
  await lucia.getByRole("button", { name: "Aggiungi un'esperienza di lavoro" }).click();
  const job = lucia.getByRole("group", { name: "Esperienza 1" });
  await job.getByLabel("Ruolo o mansione").fill("Gruista");
  await job.getByLabel("Dal", { exact: true }).fill("2009-03");
  await job.getByLabel("Al", { exact: true }).fill("2023-02");
  await saved(lucia);
  await lucia.getByRole("link", { name: "4. Istruzione e formazione" }).click();
  await lucia.getByRole("button", { name: "Aggiungi un titolo di studio o un corso" }).click();
  const study = lucia.getByRole("group", { name: "Titolo o corso 1" });
  await study.getByLabel("Titolo o nome del corso").fill("Diploma");
  await study.getByLabel("Livello (EQF)").selectOption("4");
  await study.getByLabel("Dal", { exact: true }).fill("1998-09");
  await study.getByLabel("Al", { exact: true }).fill("2003-07");
  await saved(lucia);
  await lucia.getByRole("link", { name: "5. Lingue" }).click();
  await lucia.getByRole("button", { name: "Aggiungi una lingua", exact: true }).click();
  const english = lucia.getByRole("group", { name: "Lingua 1" });
  await english.getByLabel("Lingua", { exact: true }).fill("Inglese");
  for (const s of ["Ascolto", "Lettura", "Interazione", "Produzione orale", "Scrittura"]) await english.getByLabel(s).selectOption("B2");
  await saved(lucia);
  await lucia.getByRole("link", { name: "7. Altre competenze ed esperienze" }).click();
  await lucia.getByLabel("Altre competenze").fill(`Patentino ${skill} per gru a torre`);
  await saved(lucia);
  await lucia.getByRole("link", { name: "8. Riepilogo e download" }).click();
  await lucia.getByLabel("Che lavoro cerchi").fill("gruista, carrellista");
  await lucia.getByLabel("Quanto sei disposto/a a spostarti").selectOption("25");
  await saved(lucia);
  await lucia.getByLabel(/Acconsento/).check();
  await lucia.getByRole("button", { name: "Rendi visibile alle imprese" }).click();
  await expect(lucia.getByTestId("visibilita")).toContainText("Il tuo profilo è visibile");

  // A business, verified by the admin.
  const business = await personIn(browser);
  const businessEmail = unique("cantiere");
  const organisation = `Cantiere Navale Val di Magra ${stamp}`;
  await register(business, { role: "Impresa", email: businessEmail, name: "Paolo Ferri", organisation });
  await confirmEmail(business, businessEmail);
  const admin = await personIn(browser);
  await logIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  await gotoHydrated(admin, "/staff/verifiche");
  const request = admin.getByTestId("richiesta").filter({ hasText: organisation });
  await request.getByLabel("Approva").check();
  await request.getByLabel(/Motivazione/).fill("Visura camerale controllata");
  await request.getByRole("button", { name: "Registra la decisione" }).click();
  await expect(admin.getByTestId("richiesta").filter({ hasText: organisation })).toHaveCount(0);
  await logIn(business, businessEmail, PASSWORD);

  // It makes a list, then searches by comune, language level and skill.
  await business.getByRole("link", { name: "Le tue liste di candidati" }).click();
  await expect(business.locator("body")).toHaveAttribute("data-hydrated", "true");
  await business.getByLabel("Nome di una nuova lista").fill("Gruisti 2027");
  await business.getByRole("button", { name: "Crea la lista" }).click();
  await expect(business.getByRole("heading", { name: "Gruisti 2027 (0)" })).toBeVisible();
  await business.getByRole("link", { name: "← Cerca candidati" }).click();
  await expect(business).toHaveURL(/\/imprese\/candidati$/);
  await business.getByLabel("Comune").selectOption("arcola");
  await business.getByLabel("Distanza").selectOption("15");
  await business.getByLabel("Lingua", { exact: true }).fill("inglese");
  await business.getByLabel("Livello minimo della lingua").selectOption("B1");
  await business.getByLabel("Competenze o ruolo").fill(skill);
  await business.getByRole("button", { name: "Cerca" }).click();
  await expect(business).toHaveURL(new RegExp(`q=${skill}`));
  expect(business.url(), "no empty pair from the button").not.toMatch(/&=|\?=/);
  await expect(business.getByTestId("conteggio")).toHaveText("1 candidato");
  const card = business.getByTestId("candidato");
  await expect(card).toContainText("Sarzana");
  await expect(card).not.toContainText("Lucia");
  await expectAccessible(business);
  // A level she does not have finds nobody.
  await business.getByLabel("Livello minimo della lingua").selectOption("C1");
  await business.getByRole("button", { name: "Cerca" }).click();
  await expect(business.getByTestId("conteggio")).toHaveText("0 candidati");
  await business.goBack();
  await expect(business.getByTestId("conteggio")).toHaveText("1 candidato");

  // The profile is blind; she goes on the list with a note, and is asked.
  await business.getByTestId("candidato").getByRole("link").click();
  await expect(business).toHaveURL(/\/imprese\/candidati\/\d+$/);
  // Opening it is a deliberate step that counts towards the day's limit.
  await expect(business.getByRole("heading", { name: "Apri il profilo" })).toBeVisible();
  await business.getByRole("button", { name: "Apri il profilo" }).click();
  await expect(business.locator("main")).not.toContainText("Marchetti");
  await expect(business.locator("main")).not.toContainText("333 4455667");
  const profile = business.locator("main article");
  await expect(profile).toContainText("Gruista");
  await expect(profile).toContainText("14 anni");
  await expect(profile).toContainText("Diploma (EQF 4)");
  await expect(profile).not.toContainText(/\b(19|20)\d\d\b/);
  await expect(profile).not.toContainText(/gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre/);
  await business.getByLabel("Nota privata (la vedete solo voi)").fill("Patentino gru: sentire per la primavera");
  await business.getByRole("button", { name: "Salva nella lista" }).click();
  await expect(business.getByText("In lista: Gruisti 2027")).toBeVisible();
  await business.getByLabel("Messaggio per la persona").fill("Buongiorno, cerchiamo un gruista per il cantiere di Ameglia da marzo.");
  await business.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(business.getByTestId("richiesta")).toContainText("In attesa di risposta");
  await expectAccessible(business);

  // The candidate is told, sees who looked and who asked, and accepts.
  await waitForMail(luciaEmail, "vorrebbe contattarti");
  await gotoHydrated(lucia, "/area/profilo");
  await expect(lucia.getByTestId("visita").first()).toContainText(organisation);
  const incoming = lucia.getByTestId("richiesta-contatto").filter({ hasText: organisation });
  await expect(incoming).toContainText("cantiere di Ameglia");
  await expectAccessible(lucia);
  await incoming.getByRole("button", { name: `Accetta il contatto di ${organisation}` }).click();
  await expect(incoming).toContainText("Accettata");
  await waitForMail(businessEmail, "ha accettato il contatto");

  // Now the business sees who she is and how to reach her.
  await business.reload();
  const contacts = business.getByTestId("contatti");
  await expect(contacts).toContainText("Lucia Marchetti");
  await expect(contacts).toContainText("+39 333 4455667");
  await gotoHydrated(business, "/imprese/liste");
  await expect(business.getByTestId("lista").filter({ hasText: "Gruisti 2027" })).toContainText("gruista, carrellista");
  await expect(business.getByLabel("Nota privata")).toHaveValue("Patentino gru: sentire per la primavera");
  await expectAccessible(business);
});
