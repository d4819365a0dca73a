// Offers walked the way people use them: a business writes an offer and an
// operator approves it; a citizen finds it from the map, widens the radius,
// types, opens it, saves the search and gets the alert email.
import { Browser, expect, Page, test } from "@playwright/test";
import { expectAccessible, gotoHydrated } from "./helpers";
import { fillOffer, operatorPublishes } from "./publish";
import { waitForMail } from "./mail";
import { ADMIN_EMAIL, ADMIN_PASSWORD, confirmEmail, logIn, logOut, newCitizen, OPERATOR_EMAIL, PASSWORD, register, unique } from "./people";

test.describe.configure({ timeout: 180_000 });

async function personIn(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}


test("a business writes an offer, an operator approves it, and people find it", async ({ browser }) => {
  const stamp = Date.now();
  const title = `Magazziniere con patentino ${stamp}`;
  const organisation = `Logistica Val di Magra ${stamp}`;
  const email = unique("logistica");
  const business = await personIn(browser);
  await register(business, { role: "Impresa", email, name: "Marta Neri", organisation });
  await confirmEmail(business, email);
  const admin = await personIn(browser);
  await logIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  await gotoHydrated(admin, "/staff/verifiche");
  const request = admin.getByTestId("richiesta").filter({ hasText: organisation });
  await request.getByLabel("Approva").check();
  await request.getByLabel(/Motivazione/).fill("Visura camerale controllata");
  await request.getByRole("button", { name: "Registra la decisione" }).click();
  await expect(admin.getByTestId("richiesta").filter({ hasText: organisation })).toHaveCount(0);

  // The business writes the offer; a mistake is shown on its field and nothing typed is lost.
  await logIn(business, email, PASSWORD);
  await business.getByRole("link", { name: "Le tue offerte di lavoro" }).click();
  await business.getByRole("link", { name: "Nuova offerta" }).click();
  await expect(business).toHaveURL(/\/pubblica\/nuova$/);
  await expect(business.locator("body")).toHaveAttribute("data-hydrated", "true");
  await fillOffer(business, title, "sarzana");
  const description = await business.getByLabel("Descrizione").inputValue();
  // Three mistakes come back together, in one round trip, each on its field.
  await business.getByLabel(/Scadenza/).fill("2020-01-01");
  await business.getByLabel("Titolo: la figura che cercate").fill("Cu");
  await business.getByLabel("Descrizione").fill("Troppo breve");
  await business.getByRole("button", { name: "Salva" }).click();
  await expect(business.getByTestId("riepilogo-errori")).toContainText("Ci sono 3 cose da correggere");
  await expect(business.locator("#campo-expires_on-errore")).toContainText("La scadenza deve essere dopo oggi");
  await expect(business.locator("#campo-title-errore")).not.toBeEmpty();
  await expect(business.locator("#campo-description-errore")).not.toBeEmpty();
  await expect(business.getByLabel("Titolo: la figura che cercate")).toHaveValue("Cu");
  await expect(business.getByLabel("Contratto")).toHaveValue("determinato");
  await expectAccessible(business);
  await business.getByLabel("Titolo: la figura che cercate").fill(title);
  await business.getByLabel("Descrizione").fill(description);
  await business.getByLabel(/Scadenza/).fill("");
  await business.getByRole("button", { name: "Salva" }).click();
  await expect(business).toHaveURL(/\/pubblica\/\d+\?salvata=1$/);
  await expect(business.getByTestId("stato-offerta")).toContainText("In revisione");

  // Not in the search before an operator has looked at it.
  const anna = await personIn(browser);
  await gotoHydrated(anna, `/offerte?q=${stamp}`);
  await expect(anna.getByTestId("conteggio")).toHaveText("0 offerte");
  await expect(anna.getByTestId("nessun-risultato")).toBeVisible();

  // The operator approves it; the business is told by email.
  const operator = await personIn(browser);
  await logIn(operator, OPERATOR_EMAIL, ADMIN_PASSWORD);
  await operator.getByRole("link", { name: "Offerte da controllare" }).click();
  await expect(operator).toHaveURL(/\/staff\/offerte$/);
  const pending = operator.getByTestId("offerta-da-controllare").filter({ hasText: title });
  await expect(pending).toContainText(organisation);
  await expectAccessible(operator);
  await pending.getByLabel("Pubblica", { exact: true }).check();
  await pending.getByRole("button", { name: "Conferma la decisione" }).click();
  await expect(operator.getByTestId("offerta-da-controllare").filter({ hasText: title })).toHaveCount(0);
  await waitForMail(email, "Offerta pubblicata");

  // Now it is found, with its JobPosting for search engines.
  await gotoHydrated(anna, `/offerte?q=${stamp}`);
  await expect(anna.getByTestId("conteggio")).toHaveText("1 offerta");
  await anna.getByRole("link", { name: title }).click();
  await expect(anna.getByRole("heading", { level: 1 })).toHaveText(title);
  const jsonLd = JSON.parse((await anna.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd["@type"]).toBe("JobPosting");
  expect(jsonLd.hiringOrganization.name).toBe(organisation);
  expect(jsonLd.jobLocation.address.addressLocality).toBe("Sarzana");
  await expect(anna.getByRole("listitem").filter({ hasText: "formazione sulla sicurezza" })).toBeVisible();
  await expectAccessible(anna);
  await logOut(business);
});

test("a citizen searches from the map, widens the radius, types, and gets an alert", async ({ browser }) => {
  const stamp = Date.now();
  const operator = await personIn(browser);
  await logIn(operator, OPERATOR_EMAIL, ADMIN_PASSWORD);
  await operatorPublishes(operator, `Magazziniere notturno ${stamp}`, "sarzana");
  await operatorPublishes(operator, `Magazziniere ad Arcola ${stamp}`, "arcola");

  const citizen = await personIn(browser);
  const email = await newCitizen(citizen, "Sara Bianchi");
  await gotoHydrated(citizen, "/offerte");
  await expectAccessible(citizen);
  // Sarzana on the map: only Sarzana's offers.
  await citizen.locator('.province-map a[data-comune="sarzana"]').click();
  await expect(citizen).toHaveURL(/comune=sarzana/);
  await expect(citizen.getByLabel("Comune", { exact: true })).toHaveValue("sarzana");
  await expect(citizen.getByRole("link", { name: `Magazziniere notturno ${stamp}` })).toBeVisible();
  await expect(citizen.getByRole("link", { name: `Magazziniere ad Arcola ${stamp}` })).toHaveCount(0);
  // Within 15 km: Arcola too, without pressing a button.
  await citizen.getByLabel("Distanza").selectOption("15");
  await expect(citizen).toHaveURL(/km=15/);
  await expect(citizen.getByRole("link", { name: `Magazziniere ad Arcola ${stamp}` })).toBeVisible();
  // Typing narrows the results as the words arrive (plural finds singular).
  await citizen.getByLabel("Cosa cerchi").pressSequentially(`magazzinieri notturni ${stamp}`, { delay: 30 });
  await expect(citizen).toHaveURL(/q=magazzinieri/);
  await expect(citizen.getByTestId("conteggio")).toHaveText("1 offerta");
  await expect(citizen.getByTestId("luogo").first()).toContainText("Sarzana");
  // Back brings the previous search back.
  await citizen.goBack();
  await expect(citizen).toHaveURL(/comune=sarzana(?!.*q=)/);
  await expect(citizen.getByRole("link", { name: `Magazziniere ad Arcola ${stamp}` })).toBeVisible();
  await citizen.goForward();
  await expect(citizen.getByTestId("conteggio")).toHaveText("1 offerta");
  await expectAccessible(citizen);

  // The search is saved; a new matching offer arrives by email.
  await citizen.getByLabel("Cosa cerchi").fill("magazzinieri");
  await expect(citizen).toHaveURL(/q=magazzinieri(&|$)/);
  await citizen.getByRole("button", { name: "Avvisami delle nuove offerte di questa ricerca" }).click();
  await expect(citizen.getByTestId("ricerca-salvata")).toContainText("Ricerca salvata");
  await operatorPublishes(operator, `Magazziniere di giorno ${stamp}`, "sarzana");
  const alert = await waitForMail(email, `Magazziniere di giorno ${stamp}`);
  expect(alert.data).toContain("Nuove offerte");
  const unsubscribe = alert.data.match(/https?:\/\/[^/\s]+(\/avvisi\/annulla\/[A-Za-z0-9_-]+)/)![1];
  await gotoHydrated(citizen, "/area/avvisi");
  await expect(citizen.getByTestId("avviso")).toContainText("magazzinieri");
  await expectAccessible(citizen);
  // One click in the email stops it.
  await citizen.goto(unsubscribe);
  await expect(citizen.getByRole("status").filter({ hasText: "Avviso annullato" })).toBeVisible();
  await gotoHydrated(citizen, "/area/avvisi");
  await expect(citizen.getByTestId("avviso")).toHaveCount(0);

  // She opens the offer and applies with a CV: first she needs one.
  await gotoHydrated(citizen, `/offerte?comune=sarzana&q=${stamp}`);
  await citizen.getByRole("link", { name: `Magazziniere notturno ${stamp}` }).click();
  await expect(citizen).toHaveURL(/\/offerte\/\d+$/);
  const offerId = citizen.url().match(/\/offerte\/(\d+)/)![1];
  const box = citizen.getByTestId("candidatura");
  await expect(box).toContainText("Per candidarti serve un CV");
  await box.getByRole("link", { name: "Scrivi il tuo CV" }).click();
  await expect(citizen).toHaveURL(/\/cv$/);
  await citizen.getByRole("button", { name: "Crea un nuovo CV" }).click();
  await expect(citizen).toHaveURL(/\/cv\/\d+$/);
  await citizen.getByLabel("Telefono").fill("+39 0187 111222");
  await expect(citizen.getByTestId("stato-salvataggio")).toHaveText("✓ Salvato");
  await gotoHydrated(citizen, `/offerte/${offerId}`);
  await box.getByLabel("Messaggio per chi assume (facoltativo)").fill("Disponibile anche per i turni di notte.");
  await box.getByRole("button", { name: "Invia la candidatura" }).click();
  await expect(box.getByRole("status")).toContainText("Candidatura inviata il");
  await expect(box.getByRole("status")).toContainText("Ricevuta");
  await expectAccessible(citizen);

  // The publisher reads it and moves it to the interview; she is told and sees it.
  await gotoHydrated(operator, `/pubblica/${offerId}/candidature`);
  const application = operator.getByTestId("candidatura-ricevuta").filter({ hasText: "Sara Bianchi" });
  await expect(application).toContainText("Disponibile anche per i turni di notte.");
  await expectAccessible(operator);
  await application.getByLabel("Stato della candidatura").selectOption("colloquio");
  await application.getByRole("button", { name: "Aggiorna e avvisa" }).click();
  await waitForMail(email, `Colloquio`);
  await gotoHydrated(citizen, "/area/candidature");
  await expect(citizen.getByTestId("mia-candidatura").filter({ hasText: `Magazziniere notturno ${stamp}` }).getByTestId("stato-candidatura")).toHaveText("Colloquio");
  await expectAccessible(citizen);
});

test("after opening an offer inside the app, Tab starts on the new page", async ({ page }) => {
  const title = `Cameriere di sala ${Date.now()}`;
  await logIn(page, OPERATOR_EMAIL, ADMIN_PASSWORD);
  await operatorPublishes(page, title, "sarzana");
  await gotoHydrated(page, `/offerte?q=${encodeURIComponent(title)}`);
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(/\/offerte\/\d+$/);
  const back = page.getByRole("link", { name: "← Tutte le offerte" });
  await expect(back).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(back).toBeFocused();
  // The new page's title is said, as on a full load.
  await expect(page.getByTestId("annuncio-pagina")).toHaveText(await page.title());
  await expect(page.getByTestId("annuncio-pagina")).toContainText(title);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a search keeps its words in the box, so the next filter does not drop them", async ({ page }) => {
    await page.goto("/offerte");
    await page.getByLabel("Cosa cerchi").fill("magazzinieri");
    await page.getByRole("button", { name: "Cerca", exact: true }).click();
    await expect(page).toHaveURL(/q=magazzinieri/);
    await expect(page.getByLabel("Cosa cerchi")).toHaveValue("magazzinieri");
  });
});
