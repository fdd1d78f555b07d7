// Browser tests of the console: drives Debian's chromium through playwright-core against a dev
// node. Env: CONSOLE_URL (served build), RPC_URL (dev node), OUT_DIR (screenshots).
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const { CONSOLE_URL, RPC_URL, OUT_DIR = "test-results" } = process.env;
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TX_TIMEOUT = 90_000;
mkdirSync(OUT_DIR, { recursive: true });

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-quic"],
});

/** Opens the console on one view, signed in as a dev account. */
async function open(view, signer) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(`${CONSOLE_URL}?rpc=${encodeURIComponent(RPC_URL)}#${view}`);
  await page.waitForSelector("text=finalized #", { timeout: 60_000 });
  await as(page, signer);
  return page;
}

/** Chooses the signer: a well-known dev account by name, or any `//Path`. */
async function as(page, signer) {
  if (signer.startsWith("//")) {
    await page.fill("input[name=dev-path]", signer);
    await page.press("input[name=dev-path]", "Enter");
    await page.locator("input[name=dev-path]").dispatchEvent("change");
  } else {
    await page.selectOption("select[name=signer]", { label: `${signer} (development)` });
  }
  await page.waitForTimeout(500);
}

/** Switches tab. */
async function tab(page, title) {
  await page.click(`nav button:text-is("${title}")`);
}

/** Waits for a status line in `scope` to say done; fails with its text otherwise. */
async function expectDone(scope, label) {
  const status = scope.locator(".status.ok, .status.error").first();
  await status.waitFor({ timeout: TX_TIMEOUT });
  const text = await status.textContent();
  if (!(await status.evaluate((el) => el.classList.contains("ok")))) throw new Error(`${label}: ${text}`);
}

/** Fills the account measure form and applies it. */
async function measure(page, who, kind, reason = "Rumour") {
  await tab(page, "Accounts");
  const view = page.locator("#view-accounts");
  await view.locator("input[name=account]").fill(who);
  await view.locator("select[name=measure]").selectOption(kind);
  await view.locator("select[name=reason]").selectOption(reason);
  await view.locator("button:text-is('Apply')").click();
  await expectDone(view.locator("form").nth(1), `${kind} ${who}`);
}

const results = [];
/** Runs one named test, screenshots its final state, records pass/fail. */
async function test(name, body) {
  const started = Date.now();
  const pages = [];
  try {
    await body((page) => { pages.push(page); return page; });
    results.push([name, "ok"]);
  } catch (error) {
    results.push([name, `FAILED: ${error.message}`]);
  } finally {
    // The last page still open shows the final state (a test may close a user's page early).
    const last = pages.filter((page) => !page.isClosed()).at(-1);
    if (last) {
      await last.screenshot({ path: `${OUT_DIR}/${name}.png`, fullPage: true })
        .catch((e) => console.error(`${name}: no screenshot: ${e.message}`));
    }
    for (const page of pages) await page.close().catch(() => {});
    console.log(`${results.at(-1)[1] === "ok" ? "ok  " : "FAIL"} ${name} (${Math.round((Date.now() - started) / 1000)} s) ${results.at(-1)[1] === "ok" ? "" : results.at(-1)[1]}`);
  }
}

// A report against Grace's account is filed first, so it falls due while (b) runs.
await test("b-registrar-verifies-and-first-transfer", async (keep) => {
  const alice = keep(await open("registrar", "Alice"));
  const view = alice.locator("#view-registrar");
  await view.locator("input[name=account-to-verify]").fill("not-an-address");
  await view.locator("button:text-is('Verify')").click();
  await view.locator("text=Not a valid SS58 address").waitFor();
  await view.locator("input[name=account-to-verify]").fill("//Grace");
  await view.locator("input[name=identity-name]").fill("Grace Example");
  await view.locator("input[name=identity-id]").fill("110101199001011234");
  await view.locator("input[name=identity-phone]").fill("13800000000");
  await view.locator("button:text-is('Verify')").click();
  await expectDone(view.locator("form").first(), "verify");
  await tab(alice, "Overview");
  const ov = alice.locator("#view-overview");
  await ov.locator("input[name=transfer-to]").fill("//Grace");
  await ov.locator("input[name=amount]").fill("10");
  await ov.locator("button:text-is('Transfer')").click();
  await expectDone(ov.locator("form"), "fund Grace");
  const grace = keep(await open("overview", "//Grace"));
  const gv = grace.locator("#view-overview");
  await gv.locator("button:text-is('Acknowledge the current convention')").click();
  await expectDone(gv.locator(".panel").nth(1), "acknowledge");
  await gv.locator("input[name=transfer-to]").fill("//Ferdie");
  await gv.locator("input[name=amount]").fill("1");
  await gv.locator("button:text-is('Transfer')").click();
  await expectDone(gv.locator("form"), "Grace's first transfer");
});

await test("a-moderator-resolves-overdue-report-with-suspension", async (keep) => {
  const ferdie = keep(await open("reports", "Ferdie"));
  const rv = ferdie.locator("#view-reports");
  await rv.locator("input[name=reported-account]").fill("//Grace");
  await rv.locator("textarea[name=evidence]").fill("spreads rumours");
  await rv.locator("button:text-is('File report')").click();
  await expectDone(rv.locator(".panel").nth(1), "file report");
  await ferdie.close();
  const bob = keep(await open("reports", "Bob"));
  const row = bob.locator(".report.overdue").first();
  await row.waitFor({ timeout: 120_000 });
  await row.locator("text=OVERDUE").waitFor();
  await row.locator("select[name=outcome]").selectOption("AccountSuspended");
  await row.locator("button:text-is('Resolve')").click();
  await expectDone(bob.locator("#view-reports .panel").first(), "resolve");
  await tab(bob, "Accounts");
  await bob.locator("#view-accounts input[name=account]").fill("//Grace");
  await bob.locator("#view-accounts button:text-is('Look up')").click();
  await bob.locator("#account-details .standing:has-text('Suspended')").waitFor({ timeout: 30_000 });
});

await test("d-moderator-may-not-decide-own-case", async (keep) => {
  const bob = keep(await open("accounts", "Bob"));
  await measure(bob, "//Ferdie", "warn");
  const ferdie = keep(await open("appeals", "Ferdie"));
  const av = ferdie.locator("#view-appeals");
  await av.locator("text=Latest case about your account").waitFor({ timeout: 30_000 });
  await av.locator("textarea[name=statement]").fill("I did nothing wrong.");
  await av.locator("button:text-is('Appeal')").click();
  await expectDone(av.locator(".panel").nth(1), "appeal");
  await ferdie.close();
  await tab(bob, "Appeals");
  const row = bob.locator("#pending-appeals .appeal").last();
  await row.waitFor({ timeout: 30_000 });
  if (!(await row.locator("button:has-text('Uphold appeal')").isDisabled())) throw new Error("Bob may decide his own case");
  await row.locator(".why-disabled:has-text('SameModerator')").waitFor();
});

await test("c-user-appeals-and-second-moderator-decides", async (keep) => {
  const charlie = keep(await open("appeals", "Charlie"));
  const row = charlie.locator("#pending-appeals .appeal").last();
  await row.waitFor({ timeout: 30_000 });
  await row.locator("button:has-text('Uphold appeal')").click();
  await expectDone(charlie.locator("#view-appeals .panel").first(), "decide appeal");
  await tab(charlie, "Accounts");
  await charlie.locator("#view-accounts input[name=account]").fill("//Ferdie");
  await charlie.locator("#view-accounts button:text-is('Look up')").click();
  await charlie.locator("#account-details li:has-text('appeal upheld')").waitFor({ timeout: 30_000 });
});

await test("e-regulator-suspends-service-user-sees-code-7", async (keep) => {
  const eve = keep(await open("regulator", "Eve"));
  const view = eve.locator("#view-regulator");
  await view.locator("input[name=suspension-reason]").fill("Rectification order 2026-17");
  await view.locator("button:text-is('Suspend the service')").click();
  await expectDone(view.locator(".panel").first(), "suspend");
  const ferdie = keep(await open("overview", "Ferdie"));
  const ov = ferdie.locator("#view-overview");
  await ov.locator("#service-status:has-text('Suspended')").waitFor({ timeout: 30_000 });
  await ov.locator("input[name=transfer-to]").fill("//Alice");
  await ov.locator("input[name=amount]").fill("1");
  await ov.locator("button:text-is('Transfer')").click();
  await ov.locator(".status.error:has-text('ServiceSuspended (code 7)')").waitFor({ timeout: TX_TIMEOUT });
  await ferdie.setViewportSize({ width: 390, height: 844 });
});

await browser.close();
const failed = results.filter(([, r]) => r !== "ok");
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
