// A real OpenID Connect provider for the tests (oidc-provider, a certified
// implementation), configured like a SPID/CIE gateway: PKCE required, the
// relying party authenticates with private_key_jwt, the ID token carries the
// `acr` level, userinfo carries `fiscal_number` as SPID sends it
// (TINIT-<codice fiscale>), and RP-initiated logout is on.
//
//   node end2end/oidc/provider.mjs [--port 4455] [--rp http://127.0.0.1:3000]
//                                  [--rogue]
//
// It prints `READY <port>` once it listens (port 0 picks a free one). The
// sign-in page stands in for the identity provider's: the tester says who
// signs in (subject, names, email, fiscal code) and at which level; it has a
// cancel button. `--rogue` serves, as its published keys, a key it does not
// sign with: every ID token it issues fails the relying party's check.
import { createServer } from "node:http";
import { generateKeyPairSync, createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Provider from "oidc-provider";

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : fallback;
};
const port = Number(option("port", "4455"));
const rp = option("rp", "http://127.0.0.1:3000").replace(/\/$/, "");
const rogue = argv.includes("--rogue");
const here = dirname(fileURLToPath(import.meta.url));

// The portal's public key, from the test key pair committed beside this file
// (a test key: never used anywhere else).
const rpKey = createPublicKey(readFileSync(join(here, "rp-test-key.pem")));
const rpJwk = { ...rpKey.export({ format: "jwk" }), use: "sig", alg: "RS256" };

const signingKey = () =>
  generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
const providerKey = { ...signingKey(), kid: "test-provider", use: "sig", alg: "RS256" };
// What a rogue provider publishes instead: same key id, another key.
const { d, p, q, dp, dq, qi, ...otherPublic } = { ...signingKey(), kid: "test-provider", use: "sig", alg: "RS256" };

// Who signed in, by subject: filled by the sign-in page.
const people = new Map();
// The next ID tokens' lifetime (seconds), and how late the token endpoint
// answers (seconds, a slow network), both set by the sign-in page: a short
// lifetime and a longer delay deliver a token already expired.
let idTokenTtl = 3600;
let tokenDelay = 0;

const LEVELS = ["https://www.spid.gov.it/SpidL1", "https://www.spid.gov.it/SpidL2", "https://www.spid.gov.it/SpidL3"];

const server = createServer();
server.listen(port, "127.0.0.1", () => {
  const actual = server.address().port;
  const issuer = `http://127.0.0.1:${actual}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "infolavoro",
        token_endpoint_auth_method: "private_key_jwt",
        token_endpoint_auth_signing_alg: "RS256",
        jwks: { keys: [rpJwk] },
        redirect_uris: [`${rp}/accesso/oidc/ritorno`],
        post_logout_redirect_uris: [`${rp}/`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true },
    acrValues: LEVELS,
    claims: {
      openid: ["sub"],
      profile: ["given_name", "family_name", "fiscal_number"],
      email: ["email", "email_verified"],
    },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, ...(people.get(id) ?? {}) }),
    }),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // The default page loads a web font from the internet: a plain one instead.
        logoutSource: async (ctx, form) => {
          ctx.body = `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Uscita</title></head>
<body><h1>Vuoi uscire anche dal gestore di identità?</h1>${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout">Sì, esci</button>
<button type="submit" form="op.logoutForm">No, resta collegato</button></body></html>`;
        },
      },
    },
    jwks: { keys: [providerKey] },
    cookies: { keys: ["infolavoro-test-provider"] },
    ttl: { IdToken: () => idTokenTtl },
    // Plain HTTP on loopback is this test provider's whole world.
    renderError: async (ctx, out) => {
      ctx.type = "html";
      ctx.body = `<!doctype html><html lang="en"><title>Error</title><h1>Error</h1><pre>${escape(JSON.stringify(out))}</pre></html>`;
    },
  });
  const callback = provider.callback();

  server.on("request", async (req, res) => {
    try {
      const url = new URL(req.url, issuer);
      const match = url.pathname.match(/^\/interaction\/([^/]+)(\/login|\/abort)?$/);
      if (rogue && url.pathname === "/jwks") {
        res.setHeader("content-type", "application/jwk-set+json");
        res.end(JSON.stringify({ keys: [otherPublic] }));
      } else if (match && req.method === "GET" && !match[2]) {
        const details = await provider.interactionDetails(req, res);
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.end(signInPage(details.uid, details.params));
      } else if (match && req.method === "POST" && match[2] === "/login") {
        await signIn(provider, req, res);
      } else if (match && req.method === "POST" && match[2] === "/abort") {
        await provider.interactionFinished(
          req,
          res,
          { error: "access_denied", error_description: "The person cancelled the sign-in" },
          { mergeWithLastSubmission: false },
        );
      } else if (url.pathname === "/token" && tokenDelay > 0) {
        const delay = tokenDelay;
        const write = res.end.bind(res);
        res.end = (...args) => setTimeout(() => write(...args), delay * 1000);
        callback(req, res);
      } else {
        callback(req, res);
      }
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  console.log(`READY ${actual}`);
});

async function signIn(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  const form = new URLSearchParams(await body(req));
  const subject = form.get("subject") || "test-subject";
  const person = {};
  for (const claim of ["given_name", "family_name", "email"]) {
    if (form.get(claim)) person[claim] = form.get(claim);
  }
  if (person.email) person.email_verified = true;
  if (form.get("fiscal_number")) person.fiscal_number = form.get("fiscal_number");
  people.set(subject, person);
  idTokenTtl = Number(form.get("ttl") || 3600);
  tokenDelay = Number(form.get("delay") || 0);
  const grant = new provider.Grant({ accountId: subject, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: subject, acr: form.get("acr") || LEVELS[1] }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

function body(req) {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}

function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

function signInPage(uid, params) {
  const field = (name, label, value) =>
    `<p><label for="${name}">${label}</label><br><input id="${name}" name="${name}" value="${escape(value)}"></p>`;
  const levels = LEVELS.map(
    (level, i) => `<option value="${level}"${i === 1 ? " selected" : ""}>SPID livello ${i + 1}</option>`,
  ).join("");
  return `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>Gestore di identità di prova</title></head>
<body>
<h1>Gestore di identità di prova</h1>
<p>Richiesto da: ${escape(params.client_id)} · livello ${escape(params.acr_values ?? "")}</p>
<form method="post" action="/interaction/${uid}/login">
${field("subject", "Identificativo", "spid-rossi-mario")}
${field("given_name", "Nome", "Mario")}
${field("family_name", "Cognome", "Rossi")}
${field("email", "Email", "mario.rossi@example.org")}
${field("fiscal_number", "Codice fiscale", "TINIT-RSSMRA80A01E463K")}
<p><label for="acr">Livello</label><br><select id="acr" name="acr">${levels}</select></p>
${field("ttl", "Durata del token (secondi)", "3600")}
${field("delay", "Ritardo della risposta al token (secondi)", "0")}
<button type="submit">Accedi e autorizza</button>
</form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Annulla</button></form>
</body></html>`;
}
