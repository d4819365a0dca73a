// Help at the desk, with consent (issue 19 §4), walked by the two people at
// the desk: the citizen gives a code from /cv, the operator types it, edits
// the experience step of her CV with her, she sees the change and who made
// it, takes the permission back, and the operator is refused at once.
//
// PENDING (issue 19 §4): outside `tests/` until the two pages are routed.
// Routed, /cv stopped hydrating (a hydration panic in tachys once the
// citizen's panel was on it) while the no-JavaScript walk below passed; move
// this file back to `tests/` (and the second test to no-js.spec.ts) with the
// routes.
import { Browser, expect, Page, test } from "@playwright/test";
import { expectAccessible, gotoHydrated } from "../tests/helpers";
import { ADMIN_PASSWORD, logIn, newCitizen, OPERATOR_EMAIL } from "../tests/people";

test.describe.configure({ timeout: 180_000 });

async function personIn(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test("an operator edits a citizen's CV with her permission and loses it when she takes it back", async ({ browser }) => {
  // Nadia has a CV with her phone number in it.
  const citizen = await personIn(browser);
  await newCitizen(citizen, "Nadia Russo");
  await gotoHydrated(citizen, "/cv");
  await citizen.getByRole("button", { name: "Crea un nuovo CV" }).click();
  await expect(citizen).toHaveURL(/\/cv\/\d+$/);
  const cvPath = new URL(citizen.url()).pathname;
  await citizen.getByLabel("Telefono").fill("+39 0187 222111");
  await expect(citizen.getByTestId("stato-salvataggio")).toHaveText("✓ Salvato");

  // At the desk she gives the permission and reads the code aloud.
  await gotoHydrated(citizen, "/cv");
  const panel = citizen.getByTestId("aiuto-sportello");
  await expect(panel.getByRole("heading", { name: "Aiuto allo sportello" })).toBeVisible();
  await panel.getByRole("button", { name: "Dai il permesso per un'ora" }).click();
  const code = (await panel.getByTestId("codice-aiuto").textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expectAccessible(citizen);

  // The operator finds the page from the area, mistypes the code, then types it.
  const operator = await personIn(browser);
  await logIn(operator, OPERATOR_EMAIL, ADMIN_PASSWORD);
  await operator.getByRole("link", { name: "Aiuta una persona con il suo CV" }).click();
  await expect(operator).toHaveURL(/\/staff\/sportello-cv$/);
  await expect(operator.locator("body")).toHaveAttribute("data-hydrated", "true");
  await operator.getByLabel("Codice della persona").fill("AAAA-AAAA");
  await operator.getByRole("button", { name: "Apri i suoi CV" }).click();
  await expect(operator.locator("#campo-code-errore")).toContainText("Questo codice non vale");
  await operator.getByLabel("Codice della persona").fill(code.toLowerCase().replace("-", " "));
  await operator.getByRole("button", { name: "Apri i suoi CV" }).click();
  const helped = operator.getByTestId("persona-aiutata").filter({ hasText: "Nadia Russo" });
  await expect(helped).toContainText("Permesso fino alle");
  await expectAccessible(operator);

  // Only her CVs: the link opens the wizard, which says whose CV it is.
  await helped.getByRole("link").first().click();
  await expect(operator).toHaveURL(new RegExp(`${cvPath}$`));
  await expect(operator.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(operator.getByTestId("aiuto-operatore")).toContainText("Stai aiutando Nadia Russo");
  await expect(operator.getByLabel("Telefono")).toHaveValue("+39 0187 222111");
  await gotoHydrated(operator, `${cvPath}?passo=3`);
  await operator.getByRole("button", { name: "Aggiungi un'esperienza di lavoro" }).click();
  const job = operator.getByRole("group", { name: "Esperienza 1" });
  await job.getByLabel("Ruolo o mansione").fill("Cameriera di sala");
  await job.getByLabel("Datore di lavoro").fill("Trattoria del Porto");
  await job.getByLabel("Dal", { exact: true }).fill("2021-05");
  await expect(operator.getByTestId("stato-salvataggio")).toHaveText("✓ Salvato");

  // She sees who may edit, what was changed and by whom.
  await gotoHydrated(citizen, "/cv");
  await expect(panel.getByTestId("aiuto-attivo")).toContainText("Ora Operatore dello sportello può modificare i tuoi CV, fino alle");
  await gotoHydrated(citizen, `${cvPath}?passo=3`);
  const changes = citizen.getByTestId("modifiche-sportello");
  await expect(changes).toContainText("Operatore dello sportello ha modificato Esperienze di lavoro");
  await expect(citizen.getByRole("group", { name: "Esperienza 1" }).getByLabel("Ruolo o mansione")).toHaveValue("Cameriera di sala");
  await expectAccessible(citizen);

  // She takes the permission back.
  await gotoHydrated(citizen, "/cv");
  await panel.getByRole("button", { name: "Togli il permesso ora" }).click();
  await expect(panel.getByRole("button", { name: "Dai il permesso per un'ora" })).toBeVisible();

  // The operator's next save is refused and says why; so is opening the CV again.
  await job.getByLabel("Luogo").fill("Lerici");
  await expect(operator.getByTestId("stato-salvataggio")).toContainText("Il permesso di modificare questo CV è finito");
  await operator.reload();
  await expect(operator.getByText("Non hai i permessi per questa operazione.")).toBeVisible();
  await expect(operator.getByLabel("Telefono")).toHaveCount(0);
  await gotoHydrated(operator, "/staff/sportello-cv");
  await expect(operator.getByTestId("persona-aiutata").filter({ hasText: "Nadia Russo" })).toHaveCount(0);
});

// For the no-js project.
async function logInWithoutScripts(page: Page, email: string, password: string) {
  await page.goto("/accesso");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page).toHaveURL(/\/area$/);
}

test("a citizen gives the desk a code and the operator types it, after a wrong one", async ({ browser, page }) => {
  // Her account is made with JavaScript; the permission and the code without.
  const helper = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
  await newCitizen(helper, "Teresa Galli");
  await page.context().addCookies(await helper.context().cookies());
  await page.goto("/cv");
  await page.getByRole("button", { name: "Dai il permesso per un'ora" }).click();
  await expect(page).toHaveURL(/\/cv$/);
  const code = (await page.getByTestId("codice-aiuto").textContent())!.trim();

  const operator = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await logInWithoutScripts(operator, OPERATOR_EMAIL, ADMIN_PASSWORD);
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
