// Orientation, walked by the three people of the brief: each answers the
// questionnaire and reaches a path of their own; a visitor keeps the path by
// registering; staff add a rule and the paths follow.
import { expect, Page, test } from "@playwright/test";
import { expectAccessible, gotoHydrated } from "./helpers";
import { ADMIN_PASSWORD, confirmEmail, logIn, OPERATOR_EMAIL, PASSWORD, register, unique } from "./people";

test.describe.configure({ timeout: 120_000 });

type Persona = {
  situation: string;
  age?: string;
  education?: string;
  comune: string;
  travel: string;
  km: string;
  sectors: RegExp[];
  italian: string;
  business: string;
};

const giulia: Persona = {
  situation: "Cerco il mio primo lavoro",
  age: "Da 15 a 29 anni",
  education: "Diploma di scuola superiore",
  comune: "Sarzana",
  travel: "Con i mezzi pubblici",
  km: "15",
  sectors: [/^Alloggio e ristorazione/, /^Commercio/],
  italian: "È la mia lingua",
  business: "No",
};

const franco: Persona = {
  situation: "Ho perso il lavoro",
  age: "50 anni o più",
  education: "Qualifica professionale",
  comune: "La Spezia",
  travel: "In auto o in moto",
  km: "25",
  sectors: [/^Attività manifatturiere/],
  italian: "È la mia lingua",
  business: "Ci sto pensando",
};

const amina: Persona = {
  situation: "Cerco il mio primo lavoro",
  age: "Da 30 a 49 anni",
  comune: "Follo",
  travel: "Con i mezzi pubblici",
  km: "10",
  sectors: [],
  italian: "Vorrei migliorarlo con un corso",
  business: "No",
};

/** From the home page to the path, the way a person answers. */
async function answer(page: Page, p: Persona) {
  await gotoHydrated(page, "/");
  await page.getByRole("link", { name: "Orientamento", exact: true }).click();
  await expect(page).toHaveURL(/\/orientamento$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Orientamento: il tuo percorso verso il lavoro");
  const question = (n: number) => page.getByRole("group", { name: new RegExp(`^${n}\\.`) });
  await question(1).getByLabel(p.situation).check();
  if (p.age) await question(2).getByLabel(p.age).check();
  if (p.education) await page.getByLabel("Titolo di studio", { exact: true }).selectOption({ label: p.education });
  await page.getByLabel("Il comune dove vivi").selectOption({ label: p.comune });
  await question(4).getByLabel(p.travel).check();
  await page.getByLabel("Quanto lontano puoi andare a lavorare?").selectOption(p.km);
  for (const sector of p.sectors) await question(5).getByLabel(sector).check();
  await question(6).getByLabel(p.italian).check();
  await question(7).getByLabel(p.business, { exact: true }).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Mostra il mio percorso" }).click();
  await expect(page).toHaveURL(/\/orientamento\/percorso\?/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Il tuo percorso");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

const advice = (page: Page) => page.getByTestId("percorso").getByRole("heading", { level: 2 });

test("a 19-year-old looking for a first job in Sarzana is pointed to Garanzia Giovani and internships", async ({ page }) => {
  await answer(page, giulia);
  await expect(page.getByText(/Sarzana · entro 15 km/)).toBeVisible();
  await expect(advice(page)).toContainText(["Completa il tuo curriculum", "Garanzia Giovani", "Tirocini vicino a te"]);
  await expect(advice(page).filter({ hasText: "Programma GOL" })).toHaveCount(0);
  await expect(advice(page).filter({ hasText: "Imparare l'italiano" })).toHaveCount(0);
  const internships = page.getByTestId("consiglio").filter({ hasText: "Tirocini vicino a te" });
  await expect(internships.getByRole("link", { name: /Vedi tutte le offerte/ })).toHaveAttribute("href", /tipo=tirocinio/);
  await expectAccessible(page);
  // Changing the answers brings the questionnaire back filled in.
  await page.getByRole("link", { name: "Cambia le risposte" }).click();
  await expect(page.getByLabel("Il comune dove vivi")).toHaveValue("sarzana");
  await expect(page.getByLabel("Cerco il mio primo lavoro")).toBeChecked();
});

test("a 55-year-old who lost a job in La Spezia is pointed to GOL, the unions and retraining", async ({ page }) => {
  await answer(page, franco);
  await expect(advice(page)).toContainText(["Programma GOL", "Sindacati e patronati", "Corsi per chi ha più di 50 anni", "Associazioni di categoria"]);
  await expect(advice(page).filter({ hasText: "Garanzia Giovani" })).toHaveCount(0);
  await expect(advice(page).filter({ hasText: "Tirocini" })).toHaveCount(0);
  const unions = page.getByTestId("consiglio").filter({ hasText: "Sindacati e patronati" });
  await expect(unions.getByRole("listitem")).toContainText(["CGIL", "CISAL", "CISL", "UIL"]);
  await expectAccessible(page);
});

test("a newcomer in Follo who needs Italian starts from the CPIA and keeps the path by registering", async ({ page }) => {
  await answer(page, amina);
  await expect(advice(page).first()).toHaveText(/Completa il tuo curriculum/);
  await expect(advice(page)).toContainText(["Imparare l'italiano: il CPIA e le scuole", "Corsi di italiano vicino a te", "Associazioni per l'accoglienza"]);
  await expect(advice(page).filter({ hasText: "Garanzia Giovani" })).toHaveCount(0);
  const school = page.getByTestId("consiglio").filter({ hasText: "Imparare l'italiano" });
  await expect(school.getByRole("listitem").first()).toContainText("CPIA La Spezia");
  await expectAccessible(page);

  // Keeping it: register, confirm, sign in, and the path is there.
  await page.getByRole("button", { name: "Registrati e salva il percorso" }).click();
  await expect(page).toHaveURL(/\/registrazione\?percorso=1$/);
  await expect(page.getByText("Il tuo percorso di orientamento ti aspetta")).toBeVisible();
  const email = unique("amina");
  await register(page, { email, name: "Amina Diallo" });
  await confirmEmail(page, email);
  await gotoHydrated(page, "/accesso");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page).toHaveURL(/\/orientamento\/percorso\?salvato=1$/);
  await expect(page.getByTestId("percorso-salvato")).toBeVisible();
  await expect(advice(page)).toContainText(["Imparare l'italiano: il CPIA e le scuole"]);
  await expectAccessible(page);
  // From the personal area, later.
  await gotoHydrated(page, "/area");
  await page.getByRole("link", { name: "Il tuo percorso di orientamento" }).click();
  await expect(page.getByTestId("percorso-salvato")).toBeVisible();

  // Signed in, she answers again as things change, and saves the new path in place.
  await answer(page, franco);
  await page.getByRole("button", { name: "Salva il percorso nella mia area" }).click();
  await expect(page.getByTestId("percorso-salvato")).toBeVisible();
  await expect(page).not.toHaveURL(/registrazione/);
});

test("a missing answer is pointed out on its question and the others are kept", async ({ page }) => {
  await gotoHydrated(page, "/orientamento");
  await page.getByLabel("Ho perso il lavoro").check();
  await page.getByLabel("Il comune dove vivi").selectOption({ label: "Lerici" });
  await page.getByRole("button", { name: "Mostra il mio percorso" }).click();
  const italian = page.getByRole("group", { name: /^6\./ });
  await expect(italian).toContainText("Dicci come parli l'italiano");
  await expect(page.getByLabel("Ho perso il lavoro")).toBeChecked();
  await expect(page.getByLabel("Il comune dove vivi")).toHaveValue("lerici");
  // The answered page has replaced the questionnaire's: check that one.
  await expect(page).toHaveURL(/\/orientamento\/percorso\?/);
  await expect(page).toHaveTitle(/\S/);
  await expectAccessible(page);
});

test("staff add a rule and the paths follow at once", async ({ page }) => {
  await logIn(page, OPERATOR_EMAIL, ADMIN_PASSWORD);
  await page.getByRole("link", { name: "Regole dell'orientamento" }).click();
  await expect(page).toHaveURL(/\/staff\/orientamento$/);
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  const rules = page.getByTestId("regole").getByRole("listitem");
  await expect(rules.first()).toBeVisible();
  const before = await rules.count();
  expect(before).toBeGreaterThanOrEqual(22);
  await expectAccessible(page);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Aggiungi la regola" }) });
  await form.getByLabel("Titolo del consiglio").fill("Servizio civile universale");
  await form.getByLabel(/Perché/).fill("Un anno in un progetto del territorio, con un assegno mensile: per chi ha tra 18 e 28 anni.");
  await form.getByLabel("Cosa aggiunge").selectOption("programma");
  await form.getByLabel("Destinazione").fill("politichegiovanili.gov.it");
  await form.getByLabel("Ordine nel percorso").fill("15");
  await form.getByLabel("Da 15 a 29 anni").check();
  await form.getByRole("button", { name: "Aggiungi la regola" }).click();
  await expect(form.getByText("Scrivi l'indirizzo del programma")).toBeVisible();
  await expect(form.getByLabel("Titolo del consiglio")).toHaveValue("Servizio civile universale");
  await form.getByLabel("Destinazione").fill("https://www.politichegiovanili.gov.it/");
  await form.getByRole("button", { name: "Aggiungi la regola" }).click();
  await expect(rules).toHaveCount(before + 1);
  await expect(page.getByTestId("regole")).toContainText("Servizio civile universale");

  await answer(page, giulia);
  await expect(advice(page)).toContainText(["Completa il tuo curriculum", "Servizio civile universale"]);
  await page.goto("/orientamento/percorso?situazione=perso_lavoro&eta=50_piu&comune=la-spezia&italiano=madrelingua&impresa=no");
  await expect(advice(page)).toContainText(["Programma GOL"]);
  await expect(advice(page).filter({ hasText: "Servizio civile universale" })).toHaveCount(0);
});
