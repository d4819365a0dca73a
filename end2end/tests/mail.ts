import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "@playwright/test";

const SINK_DIR = process.env.MAIL_SINK_DIR ?? "/tmp/infolavoro-e2e-mail";

export interface Mail {
  to: string[];
  data: string;
}

/** Waits for a message to `address` whose text contains `containing`. */
export async function waitForMail(address: string, containing: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      () => {
        found = readdirSync(SINK_DIR)
          .sort()
          .map((file) => JSON.parse(readFileSync(join(SINK_DIR, file), "utf8")) as Mail)
          .find((mail) => mail.to.includes(address) && mail.data.includes(containing));
        return found !== undefined;
      },
      { timeout: 20_000, message: `an email to ${address} containing "${containing}"` },
    )
    .toBe(true);
  return found!;
}

/** The path and query of the first link to `path` in a message. */
export function linkIn(mail: Mail, path: string): string {
  const match = mail.data.match(new RegExp(`https?://[^/\\s]+(${path}\\?token=[A-Za-z0-9_-]+)`));
  expect(match, `a link to ${path}`).not.toBeNull();
  return match![1];
}
