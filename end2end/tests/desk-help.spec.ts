// Help at the desk, with consent (issue 19 §4), walked by the two people at
// the desk: the citizen gives a code from /cv, the operator types it, edits
// the experience step of her CV with her, she sees the change and who made
// it, takes the permission back, and the operator is refused at once.
import { Browser, expect, test } from "@playwright/test";
import { expectAccessible, gotoHydrated } from "./helpers";
import { ADMIN_PASSWORD, logIn, newCitizen, OPERATOR_EMAIL } from "./people";

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
