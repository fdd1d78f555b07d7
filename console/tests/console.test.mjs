// Browser tests of the console: drives Debian's chromium through playwright-core against a dev
// node. Env: CONSOLE_URL (served build), RPC_URL (dev node), OUT_DIR (screenshots).
//
// The tests share one chain. Those that do not depend on each other run at the same time in one
// browser; a test that needs another's state waits for it (`after`). Transactions of one signer
// never overlap across tests (`signingAs`), since the page takes a signer's nonce from the best
// block and two of its transactions in flight at once would share it.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { AccountId } from "@polkadot-api/substrate-bindings";
import { sr25519CreateDerive } from "@polkadot-labs/hdkd";
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy } from "@polkadot-labs/hdkd-helpers";

const { CONSOLE_URL, RPC_URL, OUT_DIR = "test-results" } = process.env;
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TX_TIMEOUT = 90_000;
mkdirSync(OUT_DIR, { recursive: true });

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-quic"],
});

const deriveDev = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
/** The address of a development account (`//Path` of the dev phrase), as the page derives it. */
function devAddress(path) {
  return AccountId(42).dec(deriveDev(path).publicKey);
}

/**
 * Opens the console on one view, signed in as `signer`. Options: `rpc` (another node URL, e.g. a
 * proxy), `initScript` ([fn, arg] run before the page's scripts). Every page records the JSON-RPC
 * messages it sends (`sentMessages`), so a test can tell whether a transaction went out.
 */
async function open(view, signer, { rpc = RPC_URL, initScript } = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => console.error("page error:", e.message));
  page.sentMessages = [];
  page.on("websocket", (ws) => ws.on("framesent", (frame) => page.sentMessages.push(String(frame.payload))));
  if (initScript) await page.addInitScript(...initScript);
  await page.goto(`${CONSOLE_URL}?rpc=${encodeURIComponent(rpc)}#${view}`);
  await page.waitForSelector("text=finalized #", { timeout: 60_000 });
  if (signer) await as(page, signer);
  return page;
}

/** Chooses the signer: a well-known dev account by name, any `//Path`, or an option's label. */
async function as(page, signer) {
  if (signer.startsWith("//")) {
    await page.fill("input[name=dev-path]", signer);
    await page.press("input[name=dev-path]", "Enter");
    await page.locator("input[name=dev-path]").dispatchEvent("change");
  } else {
    await page.selectOption("select[name=signer]", { label: signer.includes("(") ? signer : `${signer} (development)` });
  }
  // The roles line is written once the signer's roles are read: the views then know them.
  await page.waitForFunction(() => document.querySelector(".roles")?.textContent !== "", null, { timeout: 30_000 });
}

/** Transactions broadcast by `page` so far (the JSON-RPC methods that submit one). */
function broadcasts(page) {
  return page.sentMessages.filter((m) => /"method":"(transaction_v1_broadcast|author_submit\w*)"/.test(m));
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
  return text;
}

/** Waits until the status line `status` (itself) settles; returns whether it is ok and its text. */
async function settled(status) {
  await status.page().waitForFunction((el) => el.classList.contains("ok") || el.classList.contains("error"),
    await status.elementHandle(), { timeout: TX_TIMEOUT });
  return { ok: await status.evaluate((el) => el.classList.contains("ok")), text: await status.textContent() };
}

/** Waits until the status line `status` says done; fails with its text otherwise. */
async function expectOk(status, label) {
  const { ok, text } = await settled(status);
  if (!ok) throw new Error(`${label}: ${text}`);
  return text;
}

const signerQueues = new Map();
/** Runs `step` (one transaction, to its outcome) while no other test signs as `signer`. */
async function signingAs(signer, step) {
  const previous = signerQueues.get(signer) ?? Promise.resolve();
  let release;
  const mine = new Promise((resolve) => { release = resolve; });
  signerQueues.set(signer, previous.then(() => mine));
  await previous;
  try {
    return await step();
  } finally {
    release();
  }
}

/** Fills the account measure form and applies it as `signer`. */
async function measure(page, signer, who, kind, reason = "Rumour") {
  await tab(page, "Accounts");
  const view = page.locator("#view-accounts");
  await view.locator("input[name=account]").fill(who);
  await view.locator("select[name=measure]").selectOption(kind);
  await view.locator("select[name=reason]").selectOption(reason);
  await signingAs(signer, async () => {
    await view.locator("button:text-is('Apply')").click();
    await expectDone(view.locator("form").nth(1), `${kind} ${who}`);
  });
}

/** Saves a screenshot of `page` as `OUT_DIR/name.png`. */
async function snap(page, name) {
  await page.screenshot({ path: `${OUT_DIR}/${name}.png`, fullPage: true })
    .catch((e) => console.error(`${name}: no screenshot: ${e.message}`));
}

/** Asserts `condition`, failing the test with `message`. */
function check(condition, message) {
  if (!condition) throw new Error(message);
}

const results = [];
/**
 * Runs one named test once the tests in `after` have finished (passed or not), screenshots its
 * final state and records pass/fail. Returns a promise of its end, for later tests to wait on.
 */
async function test(name, after, body) {
  await Promise.allSettled(after);
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
    if (last) await snap(last, name);
    for (const page of pages) await page.close().catch(() => {});
    const result = results.find(([n]) => n === name)[1];
    console.log(`${result === "ok" ? "ok  " : "FAIL"} ${name} (${Math.round((Date.now() - started) / 1000)} s) ${result === "ok" ? "" : result}`);
  }
}

/**
 * A TCP proxy in front of the node's RPC port that a test can cut and restore while the node
 * keeps running: `cut` drops every connection and refuses new ones until `restore`.
 */
async function rpcProxy(target) {
  const { hostname, port } = new URL(target.replace(/^ws/, "http"));
  const sockets = new Set();
  let accepting = true;
  const server = net.createServer((client) => {
    if (!accepting) return client.destroy();
    const upstream = net.connect(Number(port), hostname);
    for (const [socket, other] of [[client, upstream], [upstream, client]]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => { sockets.delete(socket); other.destroy(); });
      socket.pipe(other);
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `ws://127.0.0.1:${server.address().port}`,
    cut() { accepting = false; for (const socket of sockets) socket.destroy(); },
    restore() { accepting = true; },
    close() { accepting = false; server.close(); for (const socket of sockets) socket.destroy(); },
  };
}

/** Number of the finalized block the page shows in its header. */
async function shownFinalized(page) {
  return Number(/#(\d+)/.exec(await page.locator(".block").textContent())?.[1] ?? 0);
}

const b = test("b-registrar-verifies-and-first-transfer", [], async (keep) => {
  const alice = keep(await open("registrar", "Alice"));
  const view = alice.locator("#view-registrar");
  await view.locator("input[name=account-to-verify]").fill("not-an-address");
  await view.locator("button:text-is('Verify')").click();
  await view.locator("text=Not a valid SS58 address").waitFor();
  await view.locator("input[name=account-to-verify]").fill("//Grace");
  await view.locator("input[name=identity-name]").fill("Grace Example");
  await view.locator("input[name=identity-id]").fill("110101199001011234");
  await view.locator("input[name=identity-phone]").fill("13800000000");
  await signingAs("Alice", async () => {
    await view.locator("button:text-is('Verify')").click();
    await expectDone(view.locator("form").first(), "verify");
  });
  await tab(alice, "Overview");
  const ov = alice.locator("#view-overview");
  await ov.locator("input[name=transfer-to]").fill("//Grace");
  await ov.locator("input[name=amount]").fill("10");
  await signingAs("Alice", async () => {
    await ov.locator("button:text-is('Transfer')").click();
    await expectDone(ov.locator("form"), "fund Grace");
  });
  const grace = keep(await open("overview", "//Grace"));
  const gv = grace.locator("#view-overview");
  await gv.locator("button:text-is('Acknowledge the current convention')").click();
  await expectDone(gv.locator(".panel").nth(1), "acknowledge");
  await gv.locator("input[name=transfer-to]").fill("//Ferdie");
  await gv.locator("input[name=amount]").fill("1");
  await gv.locator("button:text-is('Transfer')").click();
  await expectDone(gv.locator("form"), "Grace's first transfer");
});

// The report is filed at once, so that it falls due while (b) runs; Grace is suspended only
// after (b) has made her first transfer.
const a = test("a-moderator-resolves-overdue-report-with-suspension", [], async (keep) => {
  const ferdie = keep(await open("reports", "Ferdie"));
  const rv = ferdie.locator("#view-reports");
  await rv.locator("input[name=reported-account]").fill("//Grace");
  await rv.locator("textarea[name=evidence]").fill("spreads rumours");
  await signingAs("Ferdie", async () => {
    await rv.locator("button:text-is('File report')").click();
    await expectDone(rv.locator(".panel").nth(1), "file report");
  });
  await ferdie.close();
  await b;
  const bob = keep(await open("reports", "Bob"));
  const row = bob.locator(".report.overdue").first();
  await row.waitFor({ timeout: 120_000 });
  await row.locator("text=OVERDUE").waitFor();
  await row.locator("select[name=outcome]").selectOption("AccountSuspended");
  await signingAs("Bob", async () => {
    await row.locator("button:text-is('Resolve')").click();
    await expectDone(bob.locator("#view-reports .panel").first(), "resolve");
  });
  await tab(bob, "Accounts");
  await bob.locator("#view-accounts input[name=account]").fill("//Grace");
  await bob.locator("#view-accounts button:text-is('Look up')").click();
  await bob.locator("#account-details .standing:has-text('Suspended')").waitFor({ timeout: 30_000 });
});

const d = test("d-moderator-may-not-decide-own-case", [a], async (keep) => {
  const bob = keep(await open("accounts", "Bob"));
  await measure(bob, "Bob", "//Ferdie", "warn");
  const ferdie = keep(await open("appeals", "Ferdie"));
  const av = ferdie.locator("#view-appeals");
  await av.locator("text=Latest case about your account").waitFor({ timeout: 30_000 });
  await av.locator("textarea[name=statement]").fill("I did nothing wrong.");
  await signingAs("Ferdie", async () => {
    await av.locator("button:text-is('Appeal')").click();
    await expectDone(av.locator(".panel").nth(1), "appeal");
  });
  await ferdie.close();
  await tab(bob, "Appeals");
  const row = bob.locator("#pending-appeals .appeal").last();
  await row.waitFor({ timeout: 30_000 });
  if (!(await row.locator("button:has-text('Uphold appeal')").isDisabled())) throw new Error("Bob may decide his own case");
  await row.locator(".why-disabled:has-text('SameModerator')").waitFor();
});

const c = test("c-user-appeals-and-second-moderator-decides", [d], async (keep) => {
  const charlie = keep(await open("appeals", "Charlie"));
  const row = charlie.locator("#pending-appeals .appeal").last();
  await row.waitFor({ timeout: 30_000 });
  await signingAs("Charlie", async () => {
    await row.locator("button:has-text('Uphold appeal')").click();
    await expectDone(charlie.locator("#view-appeals .panel").first(), "decide appeal");
  });
  await tab(charlie, "Accounts");
  await charlie.locator("#view-accounts input[name=account]").fill("//Ferdie");
  await charlie.locator("#view-accounts button:text-is('Look up')").click();
  await charlie.locator("#account-details li:has-text('appeal upheld')").waitFor({ timeout: 30_000 });
});

const f = test("f-consortium-motion-adds-member", [], async (keep) => {
  const newMember = devAddress("//Test//Member");
  const alice = keep(await open("governance", "Alice"));
  const consortium = alice.locator("#view-governance .panel").filter({ has: alice.locator("#members-Consortium") });
  await consortium.locator("#members-Consortium:has-text('3 members')").waitFor({ timeout: 30_000 });
  const threshold = consortium.locator("input[name=threshold]");
  check(await threshold.inputValue() === "2", `default threshold for 3 members: ${await threshold.inputValue()}, expected 2`);

  // Threshold 1: executed at once as one member's motion, which the consortium's origin
  // (two thirds of the members) refuses; the refusal is shown by name.
  await consortium.locator("select[name=proposal]").selectOption("appoint-moderator");
  await consortium.locator("input[name=account]").fill("//Test//Moderator");
  await threshold.fill("1");
  const proposeStatus = alice.locator("#propose-status-Consortium");
  const atOnce = await signingAs("Alice", async () => {
    await consortium.locator("button:text-is('Propose')").click();
    return settled(proposeStatus);
  });
  check(!atOnce.ok && /executed at once/.test(atOnce.text) && /BadOrigin: /.test(atOnce.text),
    `threshold 1 should execute at once and fail with BadOrigin: ${atOnce.text}`);
  await snap(alice, "f-1-threshold-1-executes-at-once");

  // Threshold 2: a motion to add a member, open until a second member's aye.
  await consortium.locator("select[name=proposal]").selectOption("add-consortium-member");
  await consortium.locator("input[name=account]").fill("//Test//Member");
  await threshold.fill("2");
  const proposed = await signingAs("Alice", async () => {
    await consortium.locator("button:text-is('Propose')").click();
    return expectOk(proposeStatus, "propose");
  });
  check(/Motion #\d+ is open/.test(proposed), `propose: ${proposed}`);
  // Proposing is not voting (pallet_collective counts no aye for the proposer): Alice votes too.
  const aliceRow = alice.locator("#motions-Consortium .motion", { hasText: "ConsortiumMembership.add_member" });
  await aliceRow.locator(".tally:has-text('ayes 0')").waitFor({ timeout: 30_000 });
  check(await aliceRow.locator("button:text-is('Close')").isDisabled(), "close is enabled with no aye of threshold 2");
  await aliceRow.locator(".why-disabled:has-text('2 more ayes')").waitFor();
  await signingAs("Alice", async () => {
    await aliceRow.locator("button:text-is('Vote aye')").click();
    await expectOk(alice.locator("#motion-status-Consortium"), "Alice's aye");
  });
  await aliceRow.locator(".tally:has-text('ayes 1')").waitFor({ timeout: 30_000 });
  check(await aliceRow.locator("button:text-is('Close')").isDisabled(), "close is enabled with one aye of threshold 2");
  await aliceRow.locator(".why-disabled:has-text('1 more aye')").waitFor();
  check(await aliceRow.locator("button:text-is('Vote aye')").isDisabled(), "Alice may vote aye twice");

  const bob = keep(await open("governance", "Bob"));
  const bobRow = bob.locator("#motions-Consortium .motion", { hasText: "ConsortiumMembership.add_member" });
  await bobRow.waitFor({ timeout: 30_000 });
  const motionStatus = bob.locator("#motion-status-Consortium");
  await signingAs("Bob", async () => {
    await bobRow.locator("button:text-is('Vote aye')").click();
    await expectOk(motionStatus, "vote aye");
  });
  await bobRow.locator(".tally:has-text('ayes 2')").waitFor({ timeout: 30_000 });
  const closed = await signingAs("Bob", async () => {
    await bobRow.locator("button:text-is('Close'):enabled").click({ timeout: 30_000 });
    return expectOk(motionStatus, "close");
  });
  check(/Closed with 2 ayes and 0 nays: approved; executed: ok/.test(closed), `close: ${closed}`);
  const members = bob.locator("#members-Consortium");
  await members.locator(`code:text-is("${newMember}")`).waitFor({ timeout: 30_000 });
  await members.locator("text=4 members").waitFor();
  await bob.locator("#motions-Consortium:has-text('No open motions')").waitFor({ timeout: 30_000 });
});

const g = test("g-moderator-flags-hides-restores-content", [], async (keep) => {
  const hash = `0x${randomBytes(32).toString("hex")}`;
  const dave = keep(await open("content", "Dave"));
  const dv = dave.locator("#view-content");
  await dv.locator("input[name=hash-to-publish]").fill(hash);
  await dv.locator("input[name=uri]").fill("https://example.org/posts/1");
  await signingAs("Dave", async () => {
    await dv.locator("button:text-is('Publish')").click();
    await expectOk(dave.locator("#publish-status"), "publish");
  });
  await dave.close();
  const charlie = keep(await open("content", "Charlie"));
  const cv = charlie.locator("#view-content");
  await cv.locator("input[name=content-hash]").fill(hash);
  await cv.locator("button:text-is('Look up')").click();
  await cv.locator("#content-status:text-is('Visible')").waitFor({ timeout: 30_000 });
  const steps = [["Flag", "has-text('Flagged')"], ["Hide", "has-text('Hidden')"], ["Restore", "text-is('Visible')"]];
  for (const [button, status] of steps) {
    await signingAs("Charlie", async () => {
      await cv.locator(`button:text-is('${button}')`).click();
      await expectOk(charlie.locator("#moderate-status"), button);
    });
    await cv.locator(`#content-status:${status}`).waitFor({ timeout: 30_000 });
  }
  // Each step is a case of its own, newest first.
  const cases = cv.locator("#content-details ol.cases li");
  for (const [n, action] of ["ContentRestored", "ContentHidden", "ContentFlagged"].entries()) {
    await cases.nth(n).locator(`text=${action}`).waitFor({ timeout: 10_000 });
  }

  // A batch: a malformed line is refused in the field; then two published hashes hide at once.
  const batch = [`0x${randomBytes(32).toString("hex")}`, `0x${randomBytes(32).toString("hex")}`];
  const publisher = keep(await open("content", "Dave"));
  for (const published of batch) {
    await publisher.locator("input[name=hash-to-publish]").fill(published);
    await signingAs("Dave", async () => {
      await publisher.locator("#view-content button:text-is('Publish')").click();
      await expectOk(publisher.locator("#publish-status"), "publish for the batch");
    });
  }
  await publisher.close();
  const hashes = cv.locator("textarea[name=hashes-to-hide]");
  await hashes.fill(`${batch[0]}\n0x1234`);
  await cv.locator("button:text-is('Hide all')").click();
  await cv.locator(".field-error:has-text('Line 2 is not a 32-byte hash')").waitFor();
  check(await charlie.locator("#batch-hide-status").textContent() === "", "a malformed batch was submitted");
  await hashes.fill(batch.join("\n"));
  await signingAs("Charlie", async () => {
    await cv.locator("button:text-is('Hide all')").click();
    await expectOk(charlie.locator("#batch-hide-status"), "hide a batch");
  });
  // Each looked up after the restored (visible) hash, so that a status shown is that hash's own.
  const lookUp = async (target, status) => {
    await cv.locator("input[name=content-hash]").fill(target);
    await cv.locator("button:text-is('Look up')").click();
    await cv.locator(`#content-status:${status}`).waitFor({ timeout: 30_000 });
  };
  for (const hidden of batch) {
    await lookUp(hash, "text-is('Visible')");
    await lookUp(hidden, "has-text('Hidden')");
  }
});

// Alice signs in (b), (f) and here. (b) is on the path the later tests wait on, so this test
// waits for it rather than take Alice's turns from it.
const h = test("h-registrar-renews-then-revokes", [b], async (keep) => {
  const alice = keep(await open("registrar", "Alice"));
  const view = alice.locator("#view-registrar");
  await view.locator("input[name=account-to-verify]").fill("//Test//Hank");
  await view.locator("input[name=identity-name]").fill("Hank Example");
  await view.locator("input[name=identity-id]").fill("110101199202021234");
  await view.locator("input[name=identity-phone]").fill("13900000000");
  await signingAs("Alice", async () => {
    await view.locator("button:text-is('Verify')").click();
    await expectDone(view.locator("form").first(), "verify");
  });
  const lookUp = async () => {
    await tab(alice, "Accounts");
    await alice.locator("#view-accounts input[name=account]").fill("//Test//Hank");
    await alice.locator("#view-accounts button:text-is('Look up')").click();
  };
  await lookUp();
  await alice.locator("#account-verified:text-is('yes')").waitFor({ timeout: 30_000 });
  const firstExpiry = Number(/#(\d+)/.exec(await alice.locator("#account-expires").textContent())[1]);

  await tab(alice, "Registrar");
  const manage = view.locator(".panel").nth(1);
  await manage.locator("input[name=account]").fill("//Test//Hank");
  await manage.locator("input[name^=renew-for]").fill("30");
  const renewed = await signingAs("Alice", async () => {
    await manage.locator("button:text-is('Renew')").click();
    return expectOk(manage.locator(".status"), "renew");
  });
  const newExpiry = Number(/valid until block #(\d+)/.exec(renewed)?.[1]);
  check(newExpiry > 0 && newExpiry < firstExpiry, `renewed for 30 days: ${renewed} (was block #${firstExpiry})`);
  await lookUp();
  await alice.locator(`#account-expires:text-is("block #${newExpiry}")`).waitFor({ timeout: 30_000 });
  await snap(alice, "h-1-renewed");

  await tab(alice, "Registrar");
  const revoked = await signingAs("Alice", async () => {
    await manage.locator("button:text-is('Revoke')").click();
    return expectOk(manage.locator(".status"), "revoke");
  });
  check(/verification is revoked/.test(revoked), `revoke: ${revoked}`);
  await lookUp();
  await alice.locator("#account-verified:has-text('revoked')").waitFor({ timeout: 30_000 });
  await alice.locator("#account-details dd:has-text('NotVerified (code 1)')").waitFor();
});

const j = test("j-bad-input-dropped-connection-refused-signature", [], async (keep) => {
  // Malformed input is refused in the field: nothing is signed, nothing is sent.
  const ivy = keep(await open("overview", "//Test//Ivy"));
  const ov = ivy.locator("#view-overview");
  const alice = devAddress("//Alice");
  const mistyped = `${alice.slice(0, -1)}${alice.endsWith("a") ? "b" : "a"}`;
  await ov.locator("input[name=transfer-to]").fill(mistyped);
  await ov.locator("input[name=amount]").fill("1");
  await ov.locator("button:text-is('Transfer')").click();
  await ov.locator(".field-error:has-text('Not a valid SS58 address')").waitFor();
  await tab(ivy, "Content");
  const cv = ivy.locator("#view-content");
  for (const malformed of ["0x1234", `0x${"zz".repeat(32)}`]) {
    await cv.locator("input[name=content-hash]").fill(malformed);
    await cv.locator("button:text-is('Flag')").click();
    await cv.locator(".field-error:has-text('Not a 32-byte hash')").first().waitFor();
  }
  await ivy.waitForTimeout(2_000);
  check(broadcasts(ivy).length === 0, `malformed input sent a transaction: ${broadcasts(ivy)[0]}`);
  const written = await ivy.locator(".status").evaluateAll((lines) => lines.map((l) => l.textContent).filter(Boolean));
  check(written.length === 0, `a status line was written: ${written[0]}`);
  await snap(ivy, "j-1-malformed-input");
  await ivy.close();

  // A dropped connection shows the banner; the page reconnects by itself once the node is back.
  const proxy = await rpcProxy(RPC_URL);
  try {
    const watcher = keep(await open("overview", undefined, { rpc: proxy.url }));
    const banner = watcher.locator(".banner");
    check(await banner.isHidden(), "banner shown while connected");
    const before = await shownFinalized(watcher);
    proxy.cut();
    await watcher.locator(".banner:has-text('Connection to the node lost')").waitFor({ timeout: 30_000 });
    await watcher.waitForTimeout(8_000);
    check(await shownFinalized(watcher) <= before + 1, "blocks kept coming with the connection cut");
    await snap(watcher, "j-2-connection-lost");
    proxy.restore();
    await banner.waitFor({ state: "hidden", timeout: 60_000 });
    const cutAt = await shownFinalized(watcher);
    await watcher.waitForFunction((n) => Number(/#(\d+)/.exec(document.querySelector(".block").textContent)?.[1]) > n,
      cutAt, { timeout: 60_000 });
    await watcher.locator("#service-status").waitFor();
    await snap(watcher, "j-3-reconnected");
    await watcher.close();
  } finally {
    proxy.close();
  }

  // A wallet that refuses to sign: the page shows the refusal and stays as it was.
  const refusingWallet = [(address) => {
    const refuse = async () => { throw new Error("Cancelled"); };
    window.injectedWeb3 = { "test-wallet": { version: "0.0.0", enable: async () => ({
      accounts: { get: async () => [{ address, name: "Refusing wallet", type: "sr25519" }], subscribe: () => () => {} },
      signer: { signPayload: refuse, signRaw: refuse },
    }) } };
  }, devAddress("//Test//Refuser")];
  const wallet = keep(await open("overview", "Refusing wallet (test-wallet)", { initScript: refusingWallet }));
  const wv = wallet.locator("#view-overview");
  await wv.locator("#my-standing dd").first().waitFor({ timeout: 30_000 });
  await wv.locator("input[name=transfer-to]").fill("//Alice");
  await wv.locator("input[name=amount]").fill("1");
  const standing = await wv.locator("#my-standing").textContent();
  await wv.locator("button:text-is('Transfer')").click();
  const refusal = await settled(wv.locator("form .status"));
  check(!refusal.ok && /signing was refused \(Cancelled\); nothing was sent/.test(refusal.text), `refusal: ${refusal.text}`);
  check(await wv.locator("input[name=transfer-to]").inputValue() === "//Alice", "the destination was cleared");
  check(await wv.locator("input[name=amount]").inputValue() === "1", "the amount was cleared");
  check(await wv.locator("#my-standing").textContent() === standing, "the signer's standing changed");
  check(await wallet.locator("select[name=signer] option:checked").textContent() === "Refusing wallet (test-wallet)", "the signer changed");
  check(broadcasts(wallet).length === 0, "a refused signature sent a transaction");
});

// The service's suspension holds users' calls (reports, appeals, publishing, transfers), so it
// waits for the tests that make them.
const e = test("e-regulator-suspends-service-user-sees-code-7", [d, g], async (keep) => {
  const eve = keep(await open("regulator", "Eve"));
  const view = eve.locator("#view-regulator");
  await view.locator("input[name=suspension-reason]").fill("Rectification order 2026-17");
  await signingAs("Eve", async () => {
    await view.locator("button:text-is('Suspend the service')").click();
    await expectDone(view.locator(".panel").first(), "suspend");
  });
  const ferdie = keep(await open("overview", "Ferdie"));
  const ov = ferdie.locator("#view-overview");
  await ov.locator("#service-status:has-text('Suspended')").waitFor({ timeout: 30_000 });
  await ov.locator("input[name=transfer-to]").fill("//Alice");
  await ov.locator("input[name=amount]").fill("1");
  await signingAs("Ferdie", async () => {
    await ov.locator("button:text-is('Transfer')").click();
    await ov.locator(".status.error:has-text('ServiceSuspended (code 7)')").waitFor({ timeout: TX_TIMEOUT });
  });
  await ferdie.setViewportSize({ width: 390, height: 844 });
});

const i = test("i-regulator-resumes-service", [e], async (keep) => {
  const eve = keep(await open("regulator", "Eve"));
  const view = eve.locator("#view-regulator");
  const service = view.locator("#regulator-service");
  await service.waitFor({ timeout: 30_000 });
  // Standing alone: suspend first when (e) has not left the service suspended.
  if (!/Suspended/.test(await service.textContent())) {
    await view.locator("input[name=suspension-reason]").fill("Inspection 2026-18");
    await signingAs("Eve", async () => {
      await view.locator("button:text-is('Suspend the service')").click();
      await expectDone(view.locator(".panel").first(), "suspend");
    });
    await view.locator("#regulator-service:has-text('Suspended')").waitFor({ timeout: 30_000 });
  }
  await signingAs("Eve", async () => {
    await view.locator("button:text-is('Resume the service')").click();
    await expectDone(view.locator(".panel").first(), "resume");
  });
  await tab(eve, "Overview");
  await eve.locator("#service-status:text-is('Active')").waitFor({ timeout: 30_000 });
  await eve.locator("#my-standing dd").first().waitFor({ timeout: 30_000 });
});

await Promise.all([a, b, c, d, e, f, g, h, i, j]);
await browser.close();
const failed = results.filter(([, r]) => r !== "ok");
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
