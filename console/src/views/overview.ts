import type { AppState, View } from "../app";
import { facts, field, h, input, replace } from "../dom";
import { accountField } from "../fields";
import { blocksFromNow, text, variant } from "../format";
import { statusLine, submit } from "../tx";
import { rejectName } from "../errors";
import { makeView, panel } from "./common";

/** Overview: filing, deadlines, service, convention, report counts, the signer's standing. */
export function overviewView(state: () => AppState): View {
  return makeView("overview", "Overview", (root) => {
    const summary = h("div", { class: "live" });
    const mine = h("div", { class: "live", id: "my-standing" });
    const ackStatus = statusLine();
    const ackButton = h("button", { type: "button", onclick: async () => {
      const s = state();
      const version = await s.chain.api.view.Filing.current_convention();
      await submit(s, s.chain.api.tx.RealName.acknowledge({ version }), `Acknowledge convention v${version}`, ackStatus);
    } }, "Acknowledge the current convention");
    const to = accountField(state, "Transfer to");
    const amount = input("amount", { placeholder: "in CMP", inputmode: "decimal" });
    const transferStatus = statusLine();
    const transfer = h("form", { class: "form", onsubmit: async (e: Event) => {
      e.preventDefault();
      const dest = to.read();
      const units = parseAmount(amount.value);
      if (!dest) return;
      if (units === undefined) { amount.setAttribute("aria-invalid", "true"); return; }
      const s = state();
      await submit(s, s.chain.api.tx.Balances.transfer_keep_alive({ dest: { type: "Id", value: dest }, value: units }), "Transfer", transferStatus);
    } }, to.el, field("Amount (CMP)", amount), h("button", { type: "submit" }, "Transfer"), transferStatus);
    root.append(panel("Service", summary), panel("You", mine, ackButton, ackStatus), panel("Transfer", transfer));

    return async (s) => {
      const v = s.chain.api.view;
      const [filing, status, deadline, review, service, convention, counts] = await Promise.all([
        v.Filing.filing(), v.Filing.filing_status(), v.Filing.filing_deadline(), v.Filing.next_review_due(),
        v.Filing.service_status(), v.Filing.current_convention(), v.Moderation.report_counts(),
      ]);
      replace(summary, facts([
        ["Filing number", h("strong", { id: "filing-number" }, filing ? text(filing.number) : "not filed")],
        ["Filing status", status.type],
        ["Filing deadline", deadline === undefined ? "—" : `block #${deadline} (${blocksFromNow(deadline, s.finalized)})`],
        ["Review due", review === undefined ? "—" : `block #${review} (${blocksFromNow(review, s.finalized)})`],
        ["Service", h("span", { id: "service-status", class: service.type === "Active" ? "good" : "bad" },
          service.type === "Active" ? "Active" : `Suspended since block #${service.value.since}`)],
        ["Current convention", `v${convention}`],
        ["Open reports", String(counts.open)],
        ["Overdue reports", h("span", { class: counts.overdue ? "bad" : "" }, String(counts.overdue))],
      ]));
      if (!s.account) return replace(mine, "Choose a signer to see its standing.");
      const own = await v.RealName.account_status(s.account.address);
      replace(mine, facts([
        ["Account", h("code", {}, s.account.address)],
        ["Verified", own.verified ? "yes" : "no"],
        ["Standing", variant(own.standing)],
        ["Acknowledged convention", own.record ? `v${own.record.acknowledged_convention}` : "—"],
        ["Rejection", rejectName(own.reject)],
      ]));
    };
  });
}

/** Parses a CMP amount ("1.5") into the smallest unit (10^12 per CMP). */
function parseAmount(value: string): bigint | undefined {
  const match = /^(\d+)(?:\.(\d{1,12}))?$/.exec(value.trim());
  if (!match) return undefined;
  return BigInt(match[1]) * 10n ** 12n + BigInt((match[2] ?? "").padEnd(12, "0"));
}
