// People of the end-to-end tests: registration, email confirmation, signing
// in and out, the way a person does it in the browser.
import { expect, Page } from "@playwright/test";
import { gotoHydrated } from "./helpers";
import { linkIn, waitForMail } from "./mail";

export const PASSWORD = "gabbiani sul molo di lerici";
export const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? "admin@comune.sp.it";
export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? "la rete del lavoro spezzina";
export const OPERATOR_EMAIL = process.env.E2E_OPERATOR_EMAIL ?? "operatore@comune.sp.it";

export const unique = (name: string) => `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@esempio.it`;

export async function register(page: Page, who: { role?: "Impresa"; email: string; name: string; organisation?: string }) {
  await gotoHydrated(page, "/registrazione");
  if (who.role) await page.getByLabel(who.role, { exact: true }).check();
  await page.getByLabel("Nome e cognome").fill(who.name);
  if (who.organisation) await page.getByLabel("Impresa o ente").fill(who.organisation);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel(/Ho letto/).check();
  await page.getByRole("button", { name: "Crea l'account" }).click();
  await expect(page).toHaveURL(/\/accesso\?registrato=1$/);
  await expect(page.getByRole("status")).toContainText("Ti abbiamo mandato un'email");
}

export async function confirmEmail(page: Page, email: string) {
  const mail = await waitForMail(email, "Conferma il tuo indirizzo email");
  await gotoHydrated(page, linkIn(mail, "/verifica-email"));
  await page.getByRole("button", { name: "Conferma il mio indirizzo" }).click();
  await expect(page).toHaveURL(/\/accesso\?verificato=1$/);
}

export async function logIn(page: Page, email: string, password: string) {
  await gotoHydrated(page, "/accesso");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page).toHaveURL(/\/area$/);
}

export async function logOut(page: Page) {
  await gotoHydrated(page, "/area");
  await page.getByRole("button", { name: "Esci dal portale" }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** A new citizen, registered, confirmed and signed in. */
export async function newCitizen(page: Page, name: string) {
  const email = unique(name.split(" ")[0].toLowerCase());
  await register(page, { email, name });
  await confirmEmail(page, email);
  await logIn(page, email, PASSWORD);
  return email;
}
