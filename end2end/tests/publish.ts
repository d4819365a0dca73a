// Offers put online the way staff do it, for the walks that need one.
import { expect, Page } from "@playwright/test";
import { gotoHydrated } from "./helpers";

/** Fills the offer form with a job in `comune`; staff also name the organisation (a business publishes as itself). */
export async function fillOffer(page: Page, title: string, comune: string, organisation?: string) {
  await page.getByLabel("Tipo", { exact: true }).selectOption("lavoro");
  await page.getByLabel("Titolo: la figura che cercate").fill(title);
  await page.getByLabel("Descrizione").fill("Carico e scarico merci nel deposito, uso del carrello elevatore, inventario.\n\n- turni dal lunedì al venerdì\n- formazione sulla sicurezza");
  const organisationField = page.getByLabel("Impresa o ente che assume");
  if (organisation === undefined) await expect(organisationField).toHaveCount(0);
  else await organisationField.fill(organisation);
  await page.getByLabel("Dove si lavora").selectOption("no");
  await page.getByLabel("Comune di lavoro").selectOption(comune);
  await page.getByLabel("Settore (ATECO)").selectOption("H");
  await page.getByLabel("Gruppo professionale (ISTAT)").selectOption("8");
  await page.getByLabel("Contratto").selectOption("determinato");
  await page.getByLabel("Orario").selectOption("pieno");
  await page.getByLabel("Titolo di studio richiesto").selectOption("2");
}

/** An operator publishes an offer at once (staff are the reviewers). */
export async function operatorPublishes(page: Page, title: string, comune: string) {
  await gotoHydrated(page, "/pubblica/nuova");
  await fillOffer(page, title, comune, "Logistica del Golfo");
  await page.getByLabel("Pubblica subito").check();
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page).toHaveURL(/\/pubblica\/\d+\?salvata=1$/);
  await expect(page.getByTestId("stato-offerta")).toContainText("Pubblicata");
}
