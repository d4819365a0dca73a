// The CV builder on a phone (360 px wide), walked the way a person does it:
// a new citizen writes a CV step by step, reloads halfway and finds
// everything, and downloads the PDF, the JSON Resume and the DOCX.
import { expect, Page, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validate } from "@jsonresume/schema";
import { downloaded, expectAccessible, gotoHydrated } from "./helpers";
import { newCitizen } from "./people";

test.use({ viewport: { width: 360, height: 740 } });
test.describe.configure({ timeout: 240_000 });

// A 4×4 PNG, brick red.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4YGAARwzEcQDdQxIBgHWiQQAAAABJRU5ErkJggg==", "base64");

async function saved(page: Page) {
  await expect(page.getByTestId("stato-salvataggio")).toHaveText("✓ Salvato");
}

async function next(page: Page, step: number, title: string) {
  await page.getByRole("link", { name: "Avanti →" }).click();
  await expect(page).toHaveURL(new RegExp(`passo=${step}$`));
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(title) })).toBeVisible();
}

test("a new citizen writes a CV on a phone, reloads halfway and downloads it", async ({ page }) => {
  await newCitizen(page, "Sara Bianchi");
  await page.getByRole("link", { name: "Il tuo curriculum (CV)" }).click();
  await expect(page).toHaveURL(/\/cv$/);
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Crea un nuovo CV" }).click();
  await expect(page).toHaveURL(/\/cv\/\d+$/);
  await expect(page.getByRole("heading", { level: 2, name: /Passo 1 di 8: Dati personali/ })).toBeVisible();

  // Step 1: the account's name and email are already there.
  await expect(page.getByLabel("Nome", { exact: true })).toHaveValue("Sara");
  await expect(page.getByLabel("Cognome")).toHaveValue("Bianchi");
  await page.getByLabel("Telefono").fill("+39 0187 765432");
  await page.getByLabel("Comune", { exact: true }).selectOption("sarzana");
  await saved(page);
  await expect(page.getByTestId("anteprima")).toContainText("Sarzana");
  // A file that is not a photo is refused with a message; a PNG is taken.
  await page.getByLabel("Scegli una foto").setInputFiles({ name: "foto.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a....") });
  await page.getByRole("button", { name: "Carica la foto" }).click();
  await expect(page.locator("#campo-photo-errore")).toHaveText("La foto deve essere un file JPEG o PNG.");
  await page.getByLabel("Scegli una foto").setInputFiles({ name: "foto.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Carica la foto" }).click();
  await expect(page.getByRole("img", { name: "La tua foto nel CV" })).toBeVisible();
  await expect(page.locator("#campo-photo-errore")).toBeEmpty();
  await expectAccessible(page);

  // Step 2: headline and profile, seen at once in the preview.
  await next(page, 2, "Titolo e profilo");
  await page.getByLabel("Titolo sotto il nome").fill("Addetta alla logistica");
  await page.getByLabel(/Profilo: chi sei/).fill("Otto anni di magazzino tra Sarzana e La Spezia.\nCerco un lavoro stabile.");
  await expect(page.getByTestId("anteprima")).toContainText("Addetta alla logistica");
  await saved(page);
  await expectAccessible(page);

  // Step 3: a job, with a verb suggested for its first line.
  await next(page, 3, "Esperienze di lavoro");
  await page.getByRole("button", { name: "Aggiungi un'esperienza di lavoro" }).click();
  const job = page.getByRole("group", { name: "Esperienza 1" });
  await job.getByLabel("Ruolo o mansione").fill("Magazziniera");
  await job.getByLabel("Datore di lavoro").fill("Logistica Val di Magra");
  await job.getByLabel("Luogo").fill("Sarzana");
  await job.getByLabel("Dal", { exact: true }).fill("2018-04");
  await job.getByLabel("In corso").check();
  await job.getByRole("button", { name: "Gestito" }).click();
  await job.getByLabel(/Cosa facevi/).pressSequentially("il carico delle merci");
  await expect(page.getByTestId("anteprima")).toContainText("aprile 2018 – in corso");
  await saved(page);

  // Halfway, the page is reloaded: everything is still there.
  await page.reload();
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(page).toHaveURL(/passo=3$/);
  await expect(page.getByRole("group", { name: "Esperienza 1" }).getByLabel("Ruolo o mansione")).toHaveValue("Magazziniera");
  await expect(page.getByRole("group", { name: "Esperienza 1" }).getByLabel(/Cosa facevi/)).toHaveValue("Gestito il carico delle merci");
  await expect(page.getByTestId("anteprima")).toContainText("Addetta alla logistica");
  await expectAccessible(page);

  // Step 4: a course whose dates are the wrong way round is pointed out.
  await next(page, 4, "Istruzione e formazione");
  await page.getByRole("button", { name: "Aggiungi un titolo di studio o un corso" }).click();
  const study = page.getByRole("group", { name: "Titolo o corso 1" });
  await study.getByLabel("Titolo o nome del corso").fill("Diploma di ragioneria");
  await study.getByLabel("Scuola, università o ente").fill("Istituto Parentucelli");
  await study.getByLabel("Livello (EQF)").selectOption("4");
  await study.getByLabel("Dal", { exact: true }).fill("2012-09");
  await study.getByLabel("Al", { exact: true }).fill("2010-06");
  await expect(study.getByText("La fine viene prima dell'inizio")).toBeVisible();
  await study.getByLabel("Al", { exact: true }).fill("2017-06");
  await expect(study.getByText("La fine viene prima dell'inizio")).toHaveCount(0);
  await saved(page);
  await expectAccessible(page);

  // Step 5: Italian is the mother tongue already; English on the CEFR grid.
  await next(page, 5, "Lingue");
  await expect(page.getByRole("group", { name: "Lingua madre 1" }).getByLabel("Lingua")).toHaveValue("Italiano");
  await page.getByRole("button", { name: "Aggiungi una lingua", exact: true }).click();
  const english = page.getByRole("group", { name: "Lingua 1" });
  await english.getByLabel("Lingua", { exact: true }).fill("Inglese");
  for (const skill of ["Ascolto", "Lettura", "Interazione", "Produzione orale", "Scrittura"]) {
    await english.getByLabel(skill).selectOption("B1");
  }
  await saved(page);
  await expectAccessible(page);

  // Step 6: digital skills and the driving licence.
  await next(page, 6, "Competenze digitali e patente");
  await page.getByLabel("Comunicazione e collaborazione").selectOption("intermedio");
  await page.getByLabel("B", { exact: true }).check();
  await saved(page);
  await expectAccessible(page);

  // Step 7: other skills and interests.
  await next(page, 7, "Altre competenze");
  await page.getByLabel("Altre competenze").fill("Patentino del muletto");
  await page.getByLabel("Interessi").fill("Canottaggio");
  await saved(page);
  await expectAccessible(page);

  // Step 8: the downloads.
  await next(page, 8, "Riepilogo e download");
  await expectAccessible(page);
  const pdf = await downloaded(page, /PDF – modello Europass/);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const docx = await downloaded(page, /Word \(DOCX\)/);
  expect(docx.subarray(0, 2).toString()).toBe("PK");
  const resume = JSON.parse((await downloaded(page, /JSON Resume/)).toString("utf8"));
  const errors = await new Promise((resolve) => validate(resume, (err: unknown) => resolve(err)));
  expect(errors).toBeNull();
  expect(resume.basics.name).toBe("Sara Bianchi");
  expect(resume.work[0].position).toBe("Magazziniera");
  expect(resume.languages.map((l: { language: string }) => l.language)).toEqual(["Italiano", "Inglese"]);
  await page.getByRole("link", { name: /Prepararsi al colloquio/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prepararsi al colloquio di lavoro");
  await expectAccessible(page);
});

test("a CV becomes visible to businesses only with consent", async ({ page }) => {
  await newCitizen(page, "Marco Verdi");
  await gotoHydrated(page, "/cv");
  await page.getByRole("button", { name: "Crea un nuovo CV" }).click();
  await expect(page).toHaveURL(/\/cv\/\d+$/);
  await page.getByRole("link", { name: "8. Riepilogo e download" }).click();
  await page.getByLabel("Che lavoro cerchi").fill("cuoco, aiuto cuoco");
  await page.getByLabel("Quanto sei disposto/a a spostarti").selectOption("25");
  await saved(page);
  await page.getByRole("button", { name: "Rendi visibile alle imprese" }).click();
  await expect(page.locator("#campo-consent-errore")).toContainText("devi dare il consenso");
  await page.getByLabel(/Acconsento/).check();
  await page.getByRole("button", { name: "Rendi visibile alle imprese" }).click();
  await expect(page.getByTestId("visibilita")).toContainText("Il tuo profilo è visibile");
  await gotoHydrated(page, "/cv");
  await expect(page.getByTestId("cv").first()).toContainText("Visibile alle imprese");
  await gotoHydrated(page, "/area");
  await expect(page.getByText(/Profilo visibile alle imprese/)).toBeVisible();
});

test("a JSON Resume file comes in with its profiles, its levels in words, and what could not be placed named", async ({ page }) => {
  await newCitizen(page, "Li Wei");
  await gotoHydrated(page, "/cv");
  const file = {
    basics: {
      name: "Li Wei",
      profiles: [
        { network: "LinkedIn", username: "liwei", url: "https://www.linkedin.com/in/liwei" },
        { network: "GitHub", username: "liwei", url: "https://github.com/liwei" },
      ],
    },
    languages: [
      { language: "Inglese", fluency: "Full Professional Proficiency" },
      { language: "Portoghese", fluency: "un po'" },
    ],
  };
  await page.getByLabel("File Europass (.xml) o JSON Resume").setInputFiles({ name: "cv.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole("button", { name: "Importa", exact: true }).click();
  await expect(page).toHaveURL(/\/cv\/\d+\?importato=1&rivedi=Portoghese$/);
  const notice = page.getByTestId("cv-importato");
  await expect(notice).toContainText("CV importato");
  await expect(notice).toContainText("Portoghese");
  await expectAccessible(page);
  await notice.getByRole("link", { name: "Scegli i livelli nel passo Lingue" }).click();
  await expect(page.getByRole("heading", { name: /Passo 5 di 8/ })).toContainText("Lingue");
  // The preview shows the level read from the words, and the profiles kept.
  await expect(page.getByLabel("Anteprima del CV")).toContainText("C1");
  await gotoHydrated(page, page.url().replace(/\?.*$/, "?passo=7"));
  await expect(page.getByLabel("Altre competenze")).toHaveValue("GitHub: https://github.com/liwei");
});

test("a CV in Arabic and Chinese makes a PDF; emoji are pointed out; a character no font has is named", async ({ page }) => {
  await newCitizen(page, "Amina Haddad");
  await gotoHydrated(page, "/cv");
  await page.getByRole("button", { name: "Crea un nuovo CV" }).click();
  await expect(page).toHaveURL(/\/cv\/\d+$/);
  await page.getByLabel("Nome", { exact: true }).fill("أمينة");
  await page.getByLabel("Cognome").fill("王");
  await saved(page);
  await next(page, 2, "Titolo e profilo");
  const headline = page.getByLabel("Titolo sotto il nome");
  await headline.fill("Cuoca 🍝");
  await saved(page);
  await expect(page.getByText("Le emoji non compaiono nel PDF")).toBeVisible();

  // The PDF holds the name in both scripts, and no emoji.
  await page.getByRole("link", { name: "8. Riepilogo e download" }).click();
  const pdf = await downloaded(page, /PDF – modello Europass/);
  const file = join(tmpdir(), `cv-${Date.now()}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", [file, "-"]).toString("utf8");
  expect(text).toContain("أمينة");
  expect(text).toContain("王");
  expect(text).toContain("Cuoca");
  expect(text).not.toContain("🍝");

  // A hieroglyph no font draws: the link comes back to this step with why.
  await page.getByRole("link", { name: "2. Titolo e profilo" }).click();
  await headline.fill("Scriba 𓀀");
  await saved(page);
  await page.getByRole("link", { name: "8. Riepilogo e download" }).click();
  await page.getByRole("link", { name: /PDF – modello Moderno/ }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "𓀀" });
  await expect(refusal).toContainText("«Scriba 𓀀»");
  await expect(refusal).toContainText("«Titolo e profilo»");
  await expectAccessible(page);
  const docx = await downloaded(page, /Word \(DOCX\)/);
  expect(docx.subarray(0, 2).toString()).toBe("PK");
});

// Cedefop's own example CV, as the Europass site exports it (v3.4).
const EUROPASS_SCHEMA = join(__dirname, "../../server/tests/europass/schema/EuropassSchema.xsd");
const EUROPASS_EXAMPLE = join(__dirname, "../../server/tests/europass/Europass_CV_V3.4.0_Example.xml");

test("a CV made on the Europass site comes in, and goes out again as valid Europass XML", async ({ page }) => {
  await newCitizen(page, "Chuck Norris");
  await gotoHydrated(page, "/cv");
  await page.getByLabel("File Europass (.xml) o JSON Resume").setInputFiles(EUROPASS_EXAMPLE);
  await page.getByRole("button", { name: "Importa", exact: true }).click();
  await expect(page).toHaveURL(/\/cv\/\d+\?importato=1$/);
  await expect(page.getByTestId("cv-importato")).toContainText("CV importato");
  const preview = page.getByLabel("Anteprima del CV");
  await expect(preview).toContainText("Martial Arts Instructor");
  await expect(preview).toContainText("Preparing class plans in advance.");
  await expectAccessible(page);

  await page.getByRole("link", { name: "8. Riepilogo e download" }).click();
  const xml = await downloaded(page, /Europass XML/);
  const file = join(tmpdir(), `europass-${Date.now()}.xml`);
  writeFileSync(file, xml);
  // xmllint throws (and the test fails) when the file breaks the schema.
  execFileSync("xmllint", ["--noout", "--nonet", "--schema", EUROPASS_SCHEMA, file], { stdio: "pipe" });
  expect(xml.toString("utf8")).toContain("<Surname>NORRIS</Surname>");
});
