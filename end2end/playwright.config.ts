import { defineConfig } from "@playwright/test";

// scripts/test.sh starts the release server on 127.0.0.1:3000 before running
// these tests (`npx playwright test`). The browser is Debian's Chromium.
export default defineConfig({
  testDir: "./tests",
  // A real SMTP server for the portal's email (the server is started with SMTP_PORT=2525).
  globalSetup: "./smtp-sink.ts",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  // "no-js" walks the forms with JavaScript off (the wasm never runs);
  // every other spec runs in the ordinary browser.
  projects: [
    { name: "chromium", testIgnore: /no-js\.spec\.ts/ },
    { name: "no-js", testMatch: /no-js\.spec\.ts/, use: { javaScriptEnabled: false } },
  ],
  use: {
    baseURL: "http://127.0.0.1:3000",
    locale: "it-IT",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // This machine has no network beyond loopback: keep Chromium from trying.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
