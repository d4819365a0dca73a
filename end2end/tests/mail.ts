import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "@playwright/test";

const SINK_DIR = process.env.MAIL_SINK_DIR ?? "/tmp/infolavoro-e2e-mail";

export interface Mail {
  to: string[];
  /** The message with quoted-printable text decoded. */
  data: string;
  /** The message as it came over SMTP. */
  raw: string;
}

/** Waits for a message to `address` whose text contains `containing`. */
export async function waitForMail(address: string, containing: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      () => {
        found = readdirSync(SINK_DIR)
          .filter((file) => file.endsWith(".json"))
          .sort()
          .map((file) => readMail(join(SINK_DIR, file)))
          .find((mail) => mail !== undefined && mail.to.includes(address) && mail.data.includes(containing));
        return found !== undefined;
      },
      { timeout: 20_000, message: `an email to ${address} containing "${containing}"` },
    )
    .toBe(true);
  return found!;
}

/** A message the sink wrote; undefined while it is still being written
 * (the next poll reads it whole). */
function readMail(path: string): Mail | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Mail;
  } catch {
    return undefined;
  }
}

/** The path and query of the first link to `path` in a message. */
export function linkIn(mail: Mail, path: string): string {
  const match = mail.data.match(new RegExp(`https?://[^/\\s]+(${path}\\?token=[A-Za-z0-9_-]+)`));
  expect(match, `a link to ${path}`).not.toBeNull();
  return match![1];
}

/** The decoded text of the first attachment of this MIME type. */
export function attachmentIn(mail: Mail, type: string): string {
  const parts = mail.raw.split(/\r\n--[^\r\n]+\r\n/);
  const part = parts.find((p) => new RegExp(`^Content-Type: ${type}`, "im").test(p.split("\r\n\r\n")[0]));
  expect(part, `an attachment of type ${type}`).toBeDefined();
  const [headers, ...body] = part!.split("\r\n\r\n");
  const content = body.join("\r\n\r\n").split(/\r\n--/)[0];
  return /Content-Transfer-Encoding: base64/i.test(headers)
    ? Buffer.from(content.replace(/\s+/g, ""), "base64").toString("utf8")
    : content;
}

/** The events of an iCalendar file (RFC 5545): unfolded lines, property by property. */
export function parseIcs(text: string): Record<string, string>[] {
  const lines = text.replace(/\r?\n[ \t]/g, "").split(/\r?\n/).filter(Boolean);
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines[lines.length - 1]).toBe("END:VCALENDAR");
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      events.push(current!);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon).split(";")[0];
      current[name] = line.slice(colon + 1).replace(/\\([,;\\])/g, "$1").replace(/\\n/gi, "\n");
    }
  }
  return events;
}
