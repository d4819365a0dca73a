// Signing in with SPID through a real OpenID Connect provider (oidc-provider,
// started by scripts/test.sh on 127.0.0.1:4455 and configured like a SPID
// gateway). The provider's sign-in page stands in for the identity provider's.
import { expect, Page, test } from "@playwright/test";
import { expectAccessible, gotoHydrated } from "./helpers";

/** A fiscal code no other test uses (16 letters and digits). */
function fiscalCode() {
  const letters = "ABCDEFGHILMNOPRSTUVZ";
  const pick = () => letters[Math.floor(Math.random() * letters.length)];
  const digits = String(Date.now()).slice(-7);
  return `${pick()}${pick()}${pick()}${pick()}${pick()}${pick()}${digits.slice(0, 2)}A01${digits.slice(2, 6)}K`.slice(0, 16);
}

async function signInAtProvider(page: Page, who: { subject: string; email: string; fiscal: string }) {
  await expect(page).toHaveURL(/127\.0\.0\.1:4455\/interaction\//);
  await page.getByLabel("Identificativo").fill(who.subject);
  await page.getByLabel("Nome", { exact: true }).fill("Giulia");
  await page.getByLabel("Cognome").fill("Ferrari");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Codice fiscale").fill(`TINIT-${who.fiscal}`);
  await page.getByRole("button", { name: "Accedi e autorizza" }).click();
}

test("a citizen enters with SPID, consents, writes a CV and signs out at both ends", async ({ page }) => {
  const who = { subject: `spid-${Date.now()}`, email: `giulia.${Date.now()}@esempio.it`, fiscal: fiscalCode() };
  await gotoHydrated(page, "/accesso");
  await expectAccessible(page);
  // AgID's order: SPID first, then CIE; the password form below.
  await page.getByRole("link", { name: "Entra con SPID" }).click();
  await signInAtProvider(page, who);

  // First sign-in: what the provider sent, and the privacy consent.
  await expect(page).toHaveURL(/\/accesso\/identita$/);
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(page.getByTestId("dati-gestore")).toContainText("Giulia Ferrari");
  await expect(page.getByTestId("dati-gestore")).toContainText(who.fiscal);
  await expectAccessible(page);
  // Without the consent nothing is created: the message is on its field.
  await page.getByRole("button", { name: "Crea l'account ed entra" }).click();
  await expect(page.locator("#campo-privacy-errore")).toContainText("devi dichiarare");
  await page.getByLabel(/Ho letto/).check();
  await page.getByRole("button", { name: "Crea l'account ed entra" }).click();
  await expect(page).toHaveURL(/\/area$/);
  await expect(page.getByText("Giulia Ferrari").first()).toBeVisible();
  await expect(page.getByTestId("identita-collegate")).toContainText(who.fiscal);

  // A CV, with the provider's name already in it.
  await page.getByRole("link", { name: "Il tuo curriculum (CV)" }).click();
  await expect(page).toHaveURL(/\/cv$/);
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("button", { name: "Crea un nuovo CV" }).click();
  await expect(page).toHaveURL(/\/cv\/\d+$/);
  await expect(page.getByLabel("Nome", { exact: true })).toHaveValue("Giulia");
  await page.getByLabel("Telefono").fill("+39 0187 123456");
  await expect(page.getByTestId("stato-salvataggio")).toHaveText("✓ Salvato");

  // Signing out ends the portal's session, then the provider's.
  await gotoHydrated(page, "/area");
  await page.getByRole("button", { name: "Esci dal portale" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:4455\/session\/end/);
  await page.getByRole("button", { name: "Sì, esci" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:3000\/$/);
  await page.goto("/area");
  await expect(page).toHaveURL(/\/accesso\?next=(%2F|\/)area$/);

  // The second time the provider signs straight into the same account.
  await page.getByRole("link", { name: "Entra con SPID" }).click();
  await signInAtProvider(page, who);
  await expect(page).toHaveURL(/\/area$/);
  await expect(page.getByText("Giulia Ferrari").first()).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the SPID button, the consent and a cancelled sign-in work as plain pages", async ({ page }) => {
    const who = { subject: `nojs-${Date.now()}`, email: `nojs.${Date.now()}@esempio.it`, fiscal: fiscalCode() };
    // Cancelling at the provider lands on a clear page and creates nothing.
    await page.goto("/registrazione");
    await page.getByRole("link", { name: "Entra con SPID" }).click();
    await page.getByRole("button", { name: "Annulla" }).click();
    await expect(page).toHaveURL(/\/accesso\/errore\?motivo=annullato$/);
    await expect(page.getByTestId("motivo")).toContainText("Hai annullato l'accesso");

    // Then the person tries again, and goes through.
    await page.goto("/accesso");
    await page.getByRole("link", { name: "Entra con SPID" }).click();
    await signInAtProvider(page, who);
    await expect(page).toHaveURL(/\/accesso\/identita$/);
    await expect(page.getByTestId("dati-gestore")).toContainText(who.fiscal);
    await page.getByLabel(/Ho letto/).check();
    await page.getByRole("button", { name: "Crea l'account ed entra" }).click();
    await expect(page).toHaveURL(/\/area$/);
    await expect(page.getByTestId("identita-collegate")).toContainText(who.fiscal);
  });
});
