// A real SMTP server on loopback for the end-to-end tests: the portal's
// outbox delivers to it (SMTP_PORT), and each message is written as JSON into
// MAIL_SINK_DIR, where tests read it (see tests/mail.ts).
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer, Server } from "node:net";
import { join } from "node:path";

export const SINK_PORT = Number(process.env.SMTP_SINK_PORT ?? 2525);
export const SINK_DIR = process.env.MAIL_SINK_DIR ?? "/tmp/infolavoro-e2e-mail";

export default async function globalSetup(): Promise<() => Promise<void>> {
  rmSync(SINK_DIR, { recursive: true, force: true });
  mkdirSync(SINK_DIR, { recursive: true });
  let count = 0;
  const server: Server = createServer((socket) => {
    let buffer = "";
    let inData = false;
    let data: string[] = [];
    let to: string[] = [];
    socket.write("220 sink ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            count += 1;
            const raw = data.join("\r\n");
            const message = { to, data: decodeQuotedPrintable(raw), raw };
            // Written aside, then renamed: a reader never sees half a message.
            const file = join(SINK_DIR, `${Date.now()}-${count}.json`);
            writeFileSync(`${file}.part`, JSON.stringify(message));
            renameSync(`${file}.part`, file);
            data = [];
            to = [];
            socket.write("250 queued\r\n");
          } else {
            data.push(line.startsWith("..") ? line.slice(1) : line);
          }
          continue;
        }
        const upper = line.toUpperCase();
        if (upper.startsWith("RCPT TO:")) {
          to.push(line.slice(8).trim().replace(/^<|>$/g, ""));
          socket.write("250 OK\r\n");
        } else if (upper === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (upper === "QUIT") {
          socket.end("221 bye\r\n");
        } else {
          socket.write("250 OK\r\n");
        }
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(SINK_PORT, "127.0.0.1", resolve));
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
