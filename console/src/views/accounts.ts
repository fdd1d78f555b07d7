import type { AppState, View } from "../app";
import { facts, field, h, replace, select } from "../dom";
import { rejectName } from "../errors";
import { accountField, numberField } from "../fields";
import { variant } from "../format";
import { statusLine, submit } from "../tx";
import { REASONS, SCOPES, makeView, needsRole, panel } from "./common";
import { caseSummary, caseChain } from "./cases";

/** Accounts: look up verification, standing, warnings and cases; take or lift a measure. */
export function accountsView(state: () => AppState): View {
  return makeView("accounts", "Accounts", (root) => {
    const who = accountField(state, "Account");
    const details = h("div", { class: "live", id: "account-details" });
    let shown: string | undefined;
    const lookup = h("form", { class: "form inline", onsubmit: (e: Event) => {
      e.preventDefault();
      shown = who.read();
      if (shown) void refresh(state());
    } }, who.el, h("button", { type: "submit" }, "Look up"));

    const measure = select("measure", ["warn", "restrict", "suspend", "close", "lift"], ["Warn", "Restrict", "Suspend", "Close", "Lift the measure"]);
    const reason = select("reason", [...REASONS]);
    const days = numberField("Days (restrict/suspend)", 7, 1);
    const scope = select("scope", [...SCOPES]);
    const status = statusLine();
    const roleNote = h("p", { class: "note" });
    const act = h("form", { class: "form", onsubmit: async (e: Event) => {
      e.preventDefault();
      const target = who.read();
      const length = days.read();
      if (!target || length === undefined) return;
      const s = state();
      const tx = s.chain.api.tx.Moderation;
      const why = { type: reason.value as (typeof REASONS)[number] } as never;
      const until = s.finalized + length * s.blocksPerDay;
      const call = measure.value === "warn" ? tx.warn({ who: target, reason: why })
        : measure.value === "restrict" ? tx.restrict({ who: target, scope: { type: scope.value } as never, until, reason: why })
        : measure.value === "suspend" ? tx.suspend({ who: target, until, reason: why })
        : measure.value === "close" ? tx.close({ who: target, reason: why })
        : tx.lift({ who: target, reason: why });
      shown = target;
      await submit(s, call, `${measure.selectedOptions[0].textContent} ${target.slice(0, 8)}…`, status);
      void refresh(state());
    } }, roleNote, field("Measure", measure), field("Reason", reason), days.el, field("Scope (restrict)", scope),
    h("button", { type: "submit" }, "Apply"), status);
    root.append(panel("Look up", lookup, details), panel("Disposal measure (moderator)", act));

    async function refresh(s: AppState): Promise<void> {
      replace(roleNote, needsRole(s.roles.moderator, "moderator"));
      if (!shown) return;
      const v = s.chain.api.view;
      const [account, latest] = await Promise.all([v.RealName.account_status(shown), v.Moderation.latest_case_of(shown)]);
      const verification = account.record?.verification;
      replace(details, facts([
        ["Verified", h("strong", { id: "account-verified" }, account.verified ? "yes"
          : verification ? `no: lapsed (expired at block #${verification.expires_at}, or its registrar was removed)`
          : "no: no verification in force (never verified, or revoked)")],
        ["Registrar", verification ? `#${verification.registrar}` : "—"],
        ["Level", verification ? verification.level.type : "—"],
        ["Expires", h("span", { id: "account-expires" }, verification ? `block #${verification.expires_at}` : "—")],
        ["Standing", h("strong", { class: "standing" }, variant(account.standing))],
        ["Warnings", String(account.record?.warnings ?? 0)],
        ["Rejection", rejectName(account.reject)],
        ["Latest case", latest === undefined ? "none" : caseSummary(latest, await v.Moderation.case(latest))],
      ]), latest === undefined ? null : await caseChain(s, latest));
    }
    return refresh;
  });
}
