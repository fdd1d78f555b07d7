import type { SizedHex, Transaction } from "polkadot-api";
import { fromHex } from "polkadot-api/utils";
import type { AppState, View } from "../app";
import type { ComplianceApi } from "../chain";
import { field, h, input, replace, select } from "../dom";
import { describeDispatchError } from "../errors";
import { accountField, numberField } from "../fields";
import { short, text, variant } from "../format";
import { devName } from "../signer";
import { guarded, show, statusLine, submit, type Explain, type TxEvents } from "../tx";
import { makeView, panel } from "./common";

/** The two governance bodies, by their collective pallets' names. */
export const BODIES = ["Consortium", "RegulatorsCollective"] as const;
/** A governance body (a `pallet_collective` instance). */
export type Body = (typeof BODIES)[number];

const BODY_TITLES: Record<Body, string> = { Consortium: "Consortium", RegulatorsCollective: "Regulators" };

/** A motion a body may put to itself: a call its own motion's origin may dispatch. */
interface ProposalKind {
  /** Value of the proposal select. */
  id: string;
  body: Body;
  label: string;
  /** Whether the proposal takes a name besides the account (a registrar's). */
  takesName?: boolean;
  build(api: ComplianceApi, account: string, name: string): Transaction<any, any>;
}

/** An account as the membership and registrar calls take it (`MultiAddress::Id`). */
const byId = (account: string) => ({ type: "Id" as const, value: account });

/**
 * The proposals offered, by body. Each is a call whose origin is that body's motion in
 * `runtime/src/configs/governance.rs`: the consortium changes its own membership, the
 * moderators and the registrars (its admin origin); the regulators change their own membership
 * and accredit the assessors. Suspending the service is not here: one regulator does it alone.
 */
export const PROPOSALS: ProposalKind[] = [
  { id: "add-consortium-member", body: "Consortium", label: "Add a consortium member",
    build: (api, who) => api.tx.ConsortiumMembership.add_member({ who: byId(who) }) },
  { id: "remove-consortium-member", body: "Consortium", label: "Remove a consortium member",
    build: (api, who) => api.tx.ConsortiumMembership.remove_member({ who: byId(who) }) },
  { id: "appoint-moderator", body: "Consortium", label: "Appoint a moderator",
    build: (api, who) => api.tx.Moderators.add_member({ who: byId(who) }) },
  { id: "dismiss-moderator", body: "Consortium", label: "Dismiss a moderator",
    build: (api, who) => api.tx.Moderators.remove_member({ who: byId(who) }) },
  { id: "add-registrar", body: "Consortium", label: "Add a registrar", takesName: true,
    build: (api, who, name) => api.tx.RealName.add_registrar({ account: byId(who), name: new TextEncoder().encode(name) }) },
  { id: "add-regulator", body: "RegulatorsCollective", label: "Add a regulator",
    build: (api, who) => api.tx.Regulators.add_member({ who: byId(who) }) },
  { id: "remove-regulator", body: "RegulatorsCollective", label: "Remove a regulator",
    build: (api, who) => api.tx.Regulators.remove_member({ who: byId(who) }) },
  { id: "accredit-assessor", body: "RegulatorsCollective", label: "Accredit a security assessor",
    build: (api, who) => api.tx.Assessors.add_member({ who: byId(who) }) },
  { id: "withdraw-assessor", body: "RegulatorsCollective", label: "Withdraw an assessor's accreditation",
    build: (api, who) => api.tx.Assessors.remove_member({ who: byId(who) }) },
];

/**
 * The fewest ayes a body's motion needs for its origin: both bodies' origins are
 * `EnsureProportionAtLeast<_, _, 2, 3>` (two thirds of the members, `configs/governance.rs`),
 * so a lower threshold lets a motion pass that its call then refuses with `BadOrigin`.
 */
export function defaultThreshold(members: number): number {
  return Math.max(1, Math.ceil((2 * members) / 3));
}

type Voting = { index: number; threshold: number; ayes: string[]; nays: string[]; end: number };

/** Why a motion cannot be closed yet, or undefined when `close` would go through (mirrors `do_close`). */
export function whyNotClose(voting: Voting, seats: number, finalized: number): string | undefined {
  if (voting.ayes.length >= voting.threshold) return undefined;
  if (seats - voting.nays.length < voting.threshold) return undefined;
  if (finalized >= voting.end) return undefined;
  const moreAyes = voting.threshold - voting.ayes.length;
  const moreNays = seats - voting.threshold + 1 - voting.nays.length;
  return `Not yet: ${moreAyes} more aye${moreAyes === 1 ? "" : "s"} to pass, or ${moreNays} more nay${moreNays === 1 ? "" : "s"} to fail, or the end of voting at block #${voting.end} (TooEarly).`;
}

/** Why the signer may not vote on a motion, or undefined when it may (mirrors `vote`). */
function whyNotVote(state: AppState, members: string[], voting: Voting, approve: boolean): string | undefined {
  const me = state.account?.address;
  if (!me) return "Choose a signer to vote.";
  if (!members.includes(me)) return "Only a member of the body votes (NotMember).";
  if ((approve ? voting.ayes : voting.nays).includes(me)) return `You already voted ${approve ? "aye" : "nay"} (DuplicateVote).`;
  return undefined;
}

/** An account as shown in governance: its development name when it has one, and its address. */
function accountLabel(address: string): HTMLElement {
  const name = devName(address);
  return h("span", { class: "who" }, name ? `${name} ` : "", h("code", {}, address));
}

/** A proposal in one line, e.g. `ConsortiumMembership.add_member(who: Dave 5DAA…)`. */
function describeCall(call: { type: string; value: { type: string; value?: unknown } }): string {
  const args = Object.entries((call.value.value ?? {}) as Record<string, unknown>).map(([key, value]) => {
    const address = (value as { type?: string; value?: unknown })?.type === "Id" ? String((value as { value: string }).value) : undefined;
    const shown = address ? `${devName(address) ?? ""} ${short(address)}`.trim()
      : value instanceof Uint8Array ? JSON.stringify(text(value)) : variant(value);
    return `${key}: ${shown}`;
  });
  return `${call.type}.${call.value.type}(${args.join(", ")})`;
}

/** The result a body's `Executed` event carries, in words (a failure by name and doc). */
async function executedResult(state: AppState, body: Body, events: TxEvents): Promise<{ ok: boolean; text: string } | undefined> {
  const executed = events.find((e) => e.type === body && e.value.type === "Executed");
  if (!executed) return undefined;
  const result = (executed.value.value as { result: { success: boolean; value?: unknown } }).result;
  return result.success ? { ok: true, text: "ok" } : { ok: false, text: `failed: ${await describeDispatchError(state.chain.client, result.value)}` };
}

/** Explains a `propose`: the motion it opened, or (threshold 1) what executing it at once did. */
function explainPropose(state: AppState, body: Body): Explain {
  return async (events) => {
    const proposed = events.find((e) => e.type === body && e.value.type === "Proposed");
    if (proposed) {
      const { proposal_index, threshold } = proposed.value.value as { proposal_index: number; threshold: number };
      return { kind: "ok", message: `Motion #${proposal_index} is open for votes (threshold ${threshold}); proposing is not voting: the proposer votes like any member.` };
    }
    const executed = await executedResult(state, body, events);
    return executed && { kind: executed.ok ? "ok" : "error", message: `Threshold 1: executed at once as one member's motion: ${executed.text}.` };
  };
}

/** Explains a `close`: the tally, whether the motion passed, and what executing it did. */
function explainClose(state: AppState, body: Body): Explain {
  return async (events) => {
    const closed = events.find((e) => e.type === body && e.value.type === "Closed");
    const tally = closed ? (closed.value.value as { yes: number; no: number }) : undefined;
    const counted = tally ? `Closed with ${tally.yes} aye${tally.yes === 1 ? "" : "s"} and ${tally.no} nay${tally.no === 1 ? "" : "s"}: ` : "";
    if (events.some((e) => e.type === body && e.value.type === "Disapproved")) return { kind: "ok", message: `${counted}disapproved; nothing was executed.` };
    const executed = await executedResult(state, body, events);
    return executed && { kind: executed.ok ? "ok" : "error", message: `${counted}approved; executed: ${executed.text}.` };
  };
}

/** Governance: each body's members and open motions; propose, vote on and close motions. */
export function governanceView(state: () => AppState): View {
  return makeView("governance", "Governance", (root) => {
    const refreshers = BODIES.map((body) => bodyPanel(state, body, root));
    return async (s) => { await Promise.all(refreshers.map((refresh) => refresh(s))); };
  });
}

/** One body's panel: members, the propose form, the open motions. Returns its refresh. */
function bodyPanel(state: () => AppState, body: Body, root: HTMLElement): (s: AppState) => Promise<void> {
  const members = h("div", { class: "live members", id: `members-${body}` });
  const kinds = PROPOSALS.filter((p) => p.body === body);
  const proposal = select("proposal", kinds.map((k) => k.id), kinds.map((k) => k.label));
  const account = accountField(state, "Account");
  const registrarName = input("registrar-name", { placeholder: "e.g. Beijing Identity Services" });
  const nameField = field("Registrar name", registrarName);
  const threshold = numberField("Threshold", 1, 1);
  const thresholdHint = h("p", { class: "hint" });
  threshold.input.addEventListener("input", () => { threshold.input.dataset.touched = "1"; });
  const syncKind = () => { nameField.hidden = !kinds.find((k) => k.id === proposal.value)?.takesName; };
  proposal.addEventListener("change", syncKind);
  syncKind();
  const proposeStatus = statusLine();
  proposeStatus.id = `propose-status-${body}`;
  const propose = h("form", { class: "form", onsubmit: async (e: Event) => {
    e.preventDefault();
    const kind = kinds.find((k) => k.id === proposal.value)!;
    const target = account.read();
    const ayes = threshold.read();
    if (!target || ayes === undefined) return;
    if (kind.takesName && !registrarName.value.trim()) { registrarName.setAttribute("aria-invalid", "true"); return; }
    registrarName.removeAttribute("aria-invalid");
    const s = state();
    const label = `Propose "${kind.label}" (threshold ${ayes})`;
    // Marked pending before the call is encoded, so an earlier outcome is never read as this one.
    show(proposeStatus, "pending", `${label}: preparing the motion…`);
    await guarded(proposeStatus, label, async () => {
      const call = kind.build(s.chain.api, target, registrarName.value.trim());
      // The proposal's length bound is its encoded call's length, as `propose` checks it.
      const lengthBound = (await call.getEncodedData()).length;
      const tx = s.chain.api.tx[body].propose({ threshold: ayes, proposal: call.decodedCall, length_bound: lengthBound });
      await submit(s, tx, label, proposeStatus, explainPropose(s, body));
    });
    void refresh(state());
  } }, field("Proposal", proposal), account.el, nameField, threshold.el, h("button", { type: "submit" }, "Propose"), thresholdHint, proposeStatus);

  // One status line for votes and closes: a closed motion leaves the list, its outcome stays here.
  const motionStatus = statusLine();
  motionStatus.id = `motion-status-${body}`;
  const motions = h("div", { class: "live", id: `motions-${body}` });
  root.append(panel(`${BODY_TITLES[body]}`, members,
    h("h4", {}, "Propose a motion"), propose,
    h("h4", {}, "Open motions"), motionStatus, motions));

  async function refresh(s: AppState): Promise<void> {
    const q = s.chain.api.query[body];
    const [seats, hashes] = await Promise.all([q.Members.getValue(), q.Proposals.getValue()]);
    replace(members, h("p", {}, `${seats.length} member${seats.length === 1 ? "" : "s"}:`),
      h("ul", {}, ...seats.map((m) => h("li", {}, accountLabel(m)))));
    const fallback = defaultThreshold(seats.length);
    if (threshold.input.dataset.touched !== "1" && !threshold.input.matches(":focus")) threshold.input.value = String(fallback);
    replace(thresholdHint, `Default ${fallback}: two thirds of the members (${seats.length}), rounded up, the fewest ayes the body's motions need. A threshold of 1 executes the proposal at once, as one member's motion.`);
    if (!hashes.length) return replace(motions, h("p", {}, "No open motions."));
    const rows = await Promise.all(hashes.map(async (hash) => {
      const [voting, call] = await Promise.all([q.Voting.getValue(hash), q.ProposalOf.getValue(hash)]);
      if (!voting) return null;
      const notClose = s.account ? whyNotClose(voting, seats.length, s.finalized) : "Choose a signer to close motions.";
      const vote = (approve: boolean) => () => submit(state(),
        s.chain.api.tx[body].vote({ proposal: hash, index: voting.index, approve }),
        `${approve ? "Aye" : "Nay"} on motion #${voting.index}`, motionStatus).then(() => refresh(state()));
      const voteButton = (approve: boolean) => {
        const reason = whyNotVote(s, seats, voting, approve);
        return h("button", { type: "button", disabled: reason !== undefined, title: reason, onclick: vote(approve) }, approve ? "Vote aye" : "Vote nay");
      };
      return h("div", { class: "motion", "data-motion": String(voting.index) },
        h("p", {}, h("strong", {}, `#${voting.index} `), call ? describeCall(call as never) : hash),
        h("p", { class: "tally" }, `ayes ${voting.ayes.length} (${voting.ayes.map((a) => devName(a) ?? short(a)).join(", ") || "none"}) · nays ${voting.nays.length} (${voting.nays.map((a) => devName(a) ?? short(a)).join(", ") || "none"}) · threshold ${voting.threshold} of ${seats.length} · voting ends at block #${voting.end}`),
        h("div", { class: "actions" }, voteButton(true), voteButton(false),
          h("button", { type: "button", disabled: notClose !== undefined, title: notClose, onclick: () => closeMotion(state, body, hash, voting.index, motionStatus).then(() => refresh(state())) }, "Close")),
        notClose ? h("p", { class: "note why-disabled" }, notClose) : null);
    }));
    replace(motions, ...rows);
  }
  return refresh;
}

/**
 * Closes a motion. Its weight bound is the stored proposal's weight as the runtime reckons it
 * (`TransactionPaymentCallApi.query_call_info`), its length bound the stored proposal's length,
 * both as `close` checks them.
 */
async function closeMotion(state: () => AppState, body: Body, hash: SizedHex<32>, index: number, status: HTMLElement): Promise<void> {
  const s = state();
  const label = `Close motion #${index}`;
  show(status, "pending", `${label}: reading the proposal's weight and length…`);
  await guarded(status, label, async () => {
    const q = s.chain.api.query[body];
    const [stored, call] = await Promise.all([q.ProposalOf.getKey(hash).then((key) => s.chain.client.rawQuery(key)), q.ProposalOf.getValue(hash)]);
    if (!stored || !call) return show(status, "error", `${label}: the motion is no longer open.`);
    const lengthBound = fromHex(stored).length;
    const { weight } = await s.chain.api.apis.TransactionPaymentCallApi.query_call_info(call, lengthBound);
    const tx = s.chain.api.tx[body].close({ proposal_hash: hash, index, proposal_weight_bound: weight, length_bound: lengthBound });
    await submit(s, tx, label, status, explainClose(s, body));
  });
}
