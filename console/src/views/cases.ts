import type { AppState } from "../app";
import { h } from "../dom";
import { short, variant } from "../format";

type CaseRecord = Awaited<ReturnType<AppState["chain"]["api"]["view"]["Moderation"]["case"]>>;

/** A case in one line: id, action, reason, who acted, appeal state. */
export function caseSummary(id: bigint, record: CaseRecord): string {
  if (!record) return `#${id} (purged)`;
  const actor = record.actor.type === "Moderator" ? `moderator ${short(record.actor.value as string)}` : `${variant(record.actor.value)} by motion`;
  const appeal = !record.appeal ? "" : record.appeal.decision
    ? ` · appeal ${record.appeal.decision.upheld ? "upheld" : "dismissed"}` : " · appeal pending";
  return `#${id} ${variant(record.action)}${record.reason ? ` (${record.reason.type})` : ""} at block #${record.at} by ${actor}${appeal}`;
}

/** The chain of cases about one subject, newest first (each case names the previous one). */
export async function caseChain(state: AppState, latest: bigint, limit = 10): Promise<HTMLElement> {
  const list = h("ol", { class: "cases" });
  let next: bigint | undefined = latest;
  for (let i = 0; next !== undefined && i < limit; i++) {
    const record: CaseRecord = await state.chain.api.view.Moderation.case(next);
    list.appendChild(h("li", {}, caseSummary(next, record)));
    next = record?.previous;
  }
  return h("div", {}, h("h4", {}, "Cases"), list);
}
