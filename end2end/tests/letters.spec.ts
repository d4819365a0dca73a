// The cover letter, walked as a person writes one: from an offer's page to
// a first draft made from her CV and the offer, a refused part and a saved
// letter, the PDF, and the application that carries it, which the
// publisher reads and downloads.
import { Browser, expect, test } from "@playwright/test";
import { downloaded, expectAccessible, gotoHydrated, pdfText } from "./helpers";
import { ADMIN_PASSWORD, logIn, newCitizen, OPERATOR_EMAIL } from "./people";
import { operatorPublishes } from "./publish";

test.describe.configure({ timeout: 180_000 });

async function personIn(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test("a citizen writes a cover letter for an offer and sends it with her application", async ({ browser }) => {
  const title = `Aiuto cuoco ${Date.now()}`;
  const operator = await personIn(browser);
  await logIn(operator, OPERATOR_EMAIL, ADMIN_PASSWORD);
  await operatorPublishes(operator, title, "lerici");
  const offerId = operator.url().match(/\/pubblica\/(\d+)/)![1];

  // Marta has a CV with a job in it.
  const citizen = await personIn(browser);
  await newCitizen(citizen, "Marta Gialli");
  await gotoHydrated(citizen, "/cv");
  await citizen.getByRole("button", { name: "Crea un nuovo CV" }).click();
  await expect(citizen).toHaveURL(/\/cv\/\d+$/);
  await citizen.getByLabel("Telefono").fill("+39 0187 333444");
  await expect(citizen.getByTestId("stato-salvataggio")).toHaveText("✓ Salvato");

  // From the offer's page to the letter's first draft.
  await gotoHydrated(citizen, `/offerte/${offerId}`);
  const box = citizen.getByTestId("candidatura");
  await box.getByRole("link", { name: "Scrivi una lettera di presentazione per questa offerta" }).click();
  await expect(citizen).toHaveURL(new RegExp(`/cv/lettere/nuova\\?offerta=${offerId}$`));
  await expectAccessible(citizen);
  await citizen.getByRole("button", { name: "Scrivi la lettera" }).click();
  await expect(citizen).toHaveURL(/\/cv\/lettere\/\d+$/);
  await expect(citizen.getByLabel("Oggetto")).toHaveValue(`Candidatura per ${title} (offerta n. ${offerId})`);
  await expect(citizen.getByLabel("Perché questo lavoro")).toHaveValue(`Ho letto la vostra offerta per ${title} a Lerici e vorrei candidarmi.`);
  await expect(citizen.getByLabel("A chi scrivi")).toHaveValue("Spett.le Logistica del Golfo");
  await expect(citizen.getByLabel("Chi scrive")).toHaveValue(/Marta Gialli\n\+39 0187 333444\nmarta-/);
  await expect(citizen.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(citizen);

  // An example to read under each paragraph.
  await citizen.getByText("Leggi un esempio").first().click();
  await expect(citizen.getByText(/Mi chiamo Giulia Ferrari/)).toBeVisible();

  // Too long a signature is refused on its field; what she wrote stays.
  const why = "Mi piace la cucina di pesce e conosco i prodotti del Golfo.";
  await citizen.getByLabel("Perché questo lavoro").fill(why);
  await citizen.getByLabel("Saluti e firma").fill("Cordiali saluti ".repeat(15));
  await citizen.getByRole("button", { name: "Salva la lettera" }).click();
  await expect(citizen.locator("#campo-closing-errore")).toHaveText("Al massimo 200 caratteri.");
  await expect(citizen.getByLabel("Saluti e firma")).toHaveAttribute("aria-invalid", "true");
  await expect(citizen.getByLabel("Perché questo lavoro")).toHaveValue(why);
  await citizen.getByLabel("Saluti e firma").fill("Cordiali saluti,\nMarta Gialli");
  await citizen.getByRole("button", { name: "Salva la lettera" }).click();
  await expect(citizen.getByTestId("stato-lettera")).toHaveText("Lettera salvata.");
  await expectAccessible(citizen);
  // Typing again makes the saved state untrue until she saves once more.
  await citizen.getByLabel("Saluti e firma").fill("Cordiali saluti,\nMarta Gialli");
  await expect(citizen.getByTestId("stato-lettera")).toHaveText(/Modifiche non ancora salvate/);
  await citizen.getByRole("button", { name: "Salva la lettera" }).click();
  await expect(citizen.getByTestId("stato-lettera")).toHaveText("Lettera salvata.");

  // The PDF holds what she saved, in order.
  const text = pdfText(await downloaded(citizen, /Scarica in PDF/));
  const order = ["Marta Gialli", "Spett.le Logistica del Golfo", `Oggetto: Candidatura per ${title}`, why, "Cordiali saluti,"];
  const at = order.map((piece) => text.indexOf(piece));
  expect(at.every((i) => i >= 0), `${JSON.stringify(at)} in ${text}`).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  const docx = await downloaded(citizen, /Scarica in Word/);
  expect(docx.subarray(0, 2).toString()).toBe("PK");

  // On /cv, her letters under her CVs.
  await gotoHydrated(citizen, "/cv");
  await expect(citizen.getByTestId("lettera")).toContainText(`Candidatura per ${title}`);
  await expectAccessible(citizen);

  // The application carries it: the letter for this offer is chosen already.
  await gotoHydrated(citizen, `/offerte/${offerId}`);
  await expect(box.getByLabel("Lettera di presentazione (facoltativa)")).not.toHaveValue("");
  await box.getByRole("button", { name: "Invia la candidatura" }).click();
  await expect(box.getByRole("status")).toContainText("Candidatura inviata il");

  // The publisher reads it on the page and downloads it.
  await gotoHydrated(operator, `/pubblica/${offerId}/candidature`);
  const application = operator.getByTestId("candidatura-ricevuta").filter({ hasText: "Marta Gialli" });
  await application.getByText("Leggi qui la lettera di presentazione").click();
  await expect(application.getByTestId("lettera-ricevuta")).toContainText(why);
  await expectAccessible(operator);
  expect(pdfText(await downloaded(operator, /Scarica la lettera \(PDF\)/))).toContain(why);
});
