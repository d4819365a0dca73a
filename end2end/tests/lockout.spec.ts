// Locks one account from this address only (the pair's limit); the
// address's own limit (100 failures in 15 minutes) stays far away, so the
// files after this one sign in as usual.
import { expect, test } from "@playwright/test";
import { gotoHydrated } from "./helpers";
import { confirmEmail, PASSWORD, register, unique } from "./people";

test.describe.configure({ timeout: 90_000 });

test("six wrong passwords lock the next attempt with a clear message", async ({ page }) => {
  const email = unique("luca");
  await register(page, { email, name: "Luca Gialli" });
  await confirmEmail(page, email);
  await gotoHydrated(page, "/accesso");
  const error = page.locator("#campo-password-errore");
  for (let attempt = 1; attempt <= 6; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`password sbagliata numero ${attempt}`);
    await page.getByRole("button", { name: "Accedi" }).click();
    await expect(error).toHaveText(attempt <= 5 ? "Email o password non corrette." : /Troppi tentativi/);
  }
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(error).toHaveText(/Troppi tentativi/);
  await expect(page).toHaveURL(/\/accesso$/);
});
