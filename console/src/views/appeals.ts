import type { AppState, View } from "../app";
import { field, h, replace } from "../dom";
import { numberField } from "../fields";
import { short } from "../format";
import { statusLine, submit } from "../tx";
import { caseSummary } from "./cases";
import { hashText, makeView, noteHash, panel } from "./common";

type CaseRecord = NonNullable<Awaited<ReturnType<AppState["chain"]["api"]["view"]["Moderation"]["case"]>>>;

/** Why the signer may not decide this appeal, or undefined when it may (mirrors `decide_appeal`). */
export function whyNotDecide(state: AppState, record: CaseRecord): string | undefined {
  const me = state.account?.address;
  if (!me) return "Choose a signer to decide appeals.";
  if (record.actor.type !== "Moderator") return "A body took this measure by motion: only that body decides its appeal, by motion (AppealGoesToBody).";
  if (!state.roles.moderator) return "Only a moderator decides an appeal of a moderator's case (NotModerator).";
  const subject = record.subject;
  if (subject.type === "Account" && subject.value === me) return "This case is about your own account: you may not decide its appeal (OwnCase).";
  if (record.actor.value === me) return "You acted in this case: a moderator may not decide an appeal of his own case; another moderator must (SameModerator).";
  return undefined;
}

/** Appeals: file an appeal of one's own case; pending appeals with who acted; decide them. */
export function appealsView(state: () => AppState): View {
  return makeView("appeals", "Appeals", (root) => {
    const pending = h("div", { class: "live", id: "pending-appeals" });
    const mine = h("p", { class: "note" });
    const caseId = numberField("Case id", 0);
    const statement = h("textarea", { name: "statement", rows: 2, placeholder: "your statement (only its hash goes on chain)" }) as HTMLTextAreaElement;
    const status = statusLine();
    const appealForm = h("form", { class: "form", onsubmit: async (e: Event) => {
      e.preventDefault();
      const id = caseId.read();
      if (id === undefined) return;
      const s = state();
      await submit(s, s.chain.api.tx.Moderation.appeal({ case_id: BigInt(id), statement_hash: hashText(statement.value) }), `Appeal case #${id}`, status);
    } }, mine, caseId.el, field("Statement", statement), h("button", { type: "submit" }, "Appeal"), status);
    caseId.input.addEventListener("input", () => { caseId.input.dataset.touched = "1"; });
    // One status line for decisions: a decided appeal leaves the list, its outcome stays here.
    const decideStatus = statusLine();
    decideStatus.id = "decide-status";
    root.append(panel("Pending appeals", decideStatus, pending), panel("Appeal one of your cases", appealForm));
    // Rows are kept across blocks (per signer) so a decision's status line stays visible.
    const rows = new Map<string, HTMLElement>();

    return async (s) => {
      if (s.account) {
        const latest = await s.chain.api.view.Moderation.latest_case_of(s.account.address);
        replace(mine, latest === undefined ? "No case about your account." : `Latest case about your account: #${latest}.`);
        if (latest !== undefined && !caseId.input.matches(":focus") && caseId.input.dataset.touched !== "1") caseId.input.value = String(latest);
      }
      const entries = await s.chain.api.query.Moderation.Cases.getEntries();
      const open = entries.filter((e) => e.value.appeal && !e.value.appeal.decision).sort((a, b) => Number(a.keyArgs[0] - b.keyArgs[0]));
      if (!open.length) return replace(pending, h("p", {}, "No pending appeals."));
      replace(pending, ...open.map(({ keyArgs: [id], value }) => {
        const key = `${id}:${s.account?.address}:${s.roles.moderator}`;
        if (!rows.has(key)) rows.set(key, appealRow(state, id, value, decideStatus));
        return rows.get(key)!;
      }));
    };
  });
}

/** One pending appeal: the case, the appellant, and decide buttons (disabled with the reason). */
function appealRow(state: () => AppState, id: bigint, record: CaseRecord, status: HTMLElement): HTMLElement {
  const s = state();
  const reason = whyNotDecide(s, record);
  const decide = (upheld: boolean) => async () => {
    const tx = s.chain.api.tx.Moderation.decide_appeal({ case_id: id, upheld, note_hash: noteHash("") });
    await submit(state(), tx, `${upheld ? "Uphold" : "Dismiss"} appeal of case #${id}`, status);
  };
  return h("div", { class: "appeal", "data-case": String(id) },
    h("p", {}, caseSummary(id, record)),
    h("p", {}, `Appellant ${short(record.appeal!.appellant)}, filed at block #${record.appeal!.filed_at}.`),
    h("div", { class: "actions" },
      h("button", { type: "button", disabled: reason !== undefined, title: reason, onclick: decide(true) }, "Uphold appeal (undo the measure)"),
      h("button", { type: "button", disabled: reason !== undefined, title: reason, onclick: decide(false) }, "Dismiss appeal")),
    reason ? h("p", { class: "note why-disabled" }, reason) : null);
}
