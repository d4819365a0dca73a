// The network's membership, walked as people do it: a body asks to join from
// /rete, the admin approves, the body appears on /rete and its contact creates
// the body's account from the emailed invitation. Then, with the admin's
// pre-moderation on, that body's new course waits until an operator approves it.
import { expect, test } from "@playwright/test";
import { expectAccessible, gotoHydrated } from "./helpers";
import { linkIn, waitForMail } from "./mail";
import { dayAhead, publishCourse } from "./organise";
import { ADMIN_EMAIL, ADMIN_PASSWORD, logIn, OPERATOR_EMAIL, PASSWORD, unique } from "./people";

test.describe.configure({ timeout: 180_000 });

test("a body joins the network, creates its account, and its course is reviewed before it is public", async ({ browser }) => {
  const name = `Cooperativa del Golfo ${Date.now()}`;
  const contact = unique("anna");

  // The visitor asks to join.
  const visitor = await (await browser.newContext()).newPage();
  await gotoHydrated(visitor, "/rete");
  await visitor.getByRole("link", { name: "Chiedi di aderire alla Rete" }).click();
  await expect(visitor).toHaveURL(/\/rete\/aderisci$/);
  await expect(visitor.locator("body")).toHaveAttribute("data-hydrated", "true");
  // An empty request is answered with all its mistakes at once, not one by one.
  await visitor.getByRole("button", { name: "Invia la richiesta" }).click();
  const summary = visitor.getByTestId("riepilogo-errori");
  await expect(summary).toBeVisible();
  expect(await summary.getByRole("link").count()).toBeGreaterThanOrEqual(5);
  await expect(visitor.locator("#campo-reason-errore")).not.toBeEmpty();
  await expect(visitor.locator("#campo-protocol-errore")).toContainText("accettare il protocollo");
  await visitor.getByLabel("Nome dell'ente").fill(name);
  await visitor.getByLabel("Categoria", { exact: true }).selectOption("terzo_settore");
  await visitor.getByLabel("Persona di riferimento", { exact: true }).fill("Anna Bianchi");
  await visitor.getByLabel("Email della persona di riferimento").fill(contact);
  await visitor.getByLabel("Perché chiedete di aderire").fill("Accompagniamo al lavoro persone fragili in tutta la provincia.");
  // The comune's fields are hidden for a body.
  await expect(visitor.getByLabel("Sindaca o sindaco (solo per i comuni)")).toBeHidden();
  // Forgetting the protocol: the message is on its box, and what was typed stays.
  await visitor.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(visitor.locator("#campo-protocol-errore")).toContainText("accettare il protocollo");
  await expect(visitor.getByLabel("Nome dell'ente")).toHaveValue(name);
  await expectAccessible(visitor);
  await visitor.getByLabel(/Abbiamo letto il Protocollo/).check();
  await visitor.getByRole("button", { name: "Invia la richiesta" }).click();
  await expect(visitor).toHaveURL(/\/rete\/aderisci\?inviata=1$/);
  await expect(visitor.getByTestId("adesione-inviata")).toContainText("Richiesta inviata");
  await waitForMail(contact, "abbiamo ricevuto la richiesta di adesione");

  // The admin approves it from the area.
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.getByRole("link", { name: "Richieste di adesione alla Rete" }).click();
  await expect(admin).toHaveURL(/\/staff\/adesioni$/);
  await expect(admin.locator("body")).toHaveAttribute("data-hydrated", "true");
  const card = admin.getByTestId("richiesta-adesione").filter({ hasText: name });
  await expect(card).toContainText("Terzo settore");
  await expectAccessible(admin);
  await card.getByLabel(/Motivazione per chi ha chiesto/).fill("Benvenuti: il vostro lavoro con le persone fragili completa la Rete.");
  await card.getByRole("button", { name: "Conferma la decisione" }).click();
  await expect(admin.getByTestId("adesione-decisa").filter({ hasText: name })).toContainText("Approvata");
  await expect(admin.getByTestId("richiesta-adesione").filter({ hasText: name })).toHaveCount(0);

  // The body is on /rete at once.
  await gotoHydrated(visitor, "/rete");
  await expect(visitor.getByText(name)).toBeVisible();

  // The contact creates the body's account from the invitation.
  const mail = await waitForMail(contact, "approvata");
  expect(mail.data).toContain("il vostro lavoro con le persone fragili");
  const body = await (await browser.newContext()).newPage();
  await gotoHydrated(body, linkIn(mail, "/invito"));
  await expect(body.getByText(name)).toBeVisible();
  await expect(body.getByLabel("Nome e cognome")).toHaveValue("Anna Bianchi");
  await body.getByLabel("Scegli una password").fill(PASSWORD);
  await body.getByLabel(/Ho letto/).check();
  await body.getByRole("button", { name: "Crea l'account" }).click();
  await expect(body).toHaveURL(/\/area/);
  await expect(body.getByTestId("stato-account")).toContainText("Attivo");

  // The admin turns pre-moderation on.
  await gotoHydrated(admin, "/staff/attivita");
  const review = admin.getByTestId("stato-premoderazione");
  if ((await review.textContent())?.startsWith("Non attiva")) {
    await admin.getByRole("button", { name: "Attiva la revisione" }).click();
  }
  await expect(review).toContainText("Attiva:");
  try {
    // The body publishes a course: it waits, and the public page does not show it.
    const title = `Cucina di bordo ${Date.now()}`;
    await publishCourse(body, title, dayAhead(20).italian, 6, "Bozza", null);
    await expect(body.getByTestId("revisione-attivita")).toContainText("In revisione");
    await expect(body.getByTestId("stato-attivita")).toHaveText("Bozza");
    await expect(body.getByRole("link", { name: "Vedi la pagina pubblica" })).toHaveCount(0);
    const courseId = body.url().match(/\/organizza\/(\d+)/)![1];
    const response = await visitor.goto(`/corsi/${courseId}`);
    expect(response?.status()).toBe(404);

    // An operator approves it from the queue; it is public, and the body is told.
    const operator = await (await browser.newContext()).newPage();
    await logIn(operator, OPERATOR_EMAIL, ADMIN_PASSWORD);
    await operator.getByRole("link", { name: "Corsi e incontri da controllare" }).click();
    await expect(operator.locator("body")).toHaveAttribute("data-hydrated", "true");
    const item = operator.getByTestId("attivita-da-controllare").filter({ hasText: title });
    await expect(item).toContainText(name);
    await expectAccessible(operator);
    // A rejection without its reason: the message is on this item's reason box,
    // and the choice stays as it was.
    await item.getByLabel("Respingi", { exact: true }).check();
    await item.getByRole("button", { name: "Conferma la decisione" }).click();
    const reason = item.getByRole("textbox", { name: /Motivazione per l'ente/ });
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(reason).toHaveAccessibleDescription(/Spiega il motivo/);
    await expect(item.getByLabel("Respingi", { exact: true })).toBeChecked();
    await expectAccessible(operator);
    await item.getByLabel("Approva e pubblica").check();
    await item.getByRole("button", { name: "Conferma la decisione" }).click();
    await expect(operator.getByTestId("attivita-da-controllare").filter({ hasText: title })).toHaveCount(0);
    await waitForMail(contact, "hanno approvato");
    await gotoHydrated(visitor, `/corsi/${courseId}`);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
    await gotoHydrated(body, `/organizza/${courseId}`);
    await expect(body.getByTestId("stato-attivita")).toContainText("Iscrizioni aperte");
  } finally {
    // The other specs publish without review.
    await gotoHydrated(admin, "/staff/attivita");
    if ((await review.textContent())?.startsWith("Attiva")) {
      await admin.getByRole("button", { name: "Disattiva la revisione" }).click();
      await expect(review).toContainText("Non attiva");
    }
  }
});
