import type { AppState, View } from "../app";
import { h, replace } from "../dom";
import { short } from "../format";
import { statusLine, submit } from "../tx";
import { makeView, panel } from "./common";

const BODIES = ["Consortium", "RegulatorsCollective"] as const;

/** Governance: open motions of both bodies with ayes, nays, threshold and end; vote on them. */
export function governanceView(state: () => AppState): View {
  return makeView("governance", "Governance", (root) => {
    const lists = Object.fromEntries(BODIES.map((body) => [body, h("div", { class: "live" })]));
    root.append(...BODIES.map((body) => panel(body === "Consortium" ? "Consortium motions" : "Regulators' motions", lists[body])));

    return async (s) => {
      for (const body of BODIES) {
        const q = s.chain.api.query[body];
        const hashes = await q.Proposals.getValue();
        if (!hashes.length) { replace(lists[body], h("p", {}, "No open motions.")); continue; }
        const rows = await Promise.all(hashes.map(async (hash) => {
          const [voting, call] = await Promise.all([q.Voting.getValue(hash), q.ProposalOf.getValue(hash)]);
          const status = statusLine();
          const vote = (approve: boolean) => () => voting && submit(state(),
            s.chain.api.tx[body].vote({ proposal: hash, index: voting.index, approve }), `${approve ? "Aye" : "Nay"} on motion ${voting.index}`, status);
          return h("div", { class: "motion" },
            h("p", {}, h("strong", {}, `#${voting?.index ?? "?"} `), call ? `${call.type}.${(call.value as { type: string }).type}` : hash.slice(0, 12)),
            voting ? h("p", {}, `ayes ${voting.ayes.length} (${voting.ayes.map(short).join(", ") || "none"}) · nays ${voting.nays.length} · threshold ${voting.threshold} · ends at block #${voting.end}`) : null,
            h("div", { class: "actions" },
              h("button", { type: "button", onclick: vote(true) }, "Vote aye"),
              h("button", { type: "button", onclick: vote(false) }, "Vote nay")), status);
        }));
        replace(lists[body], ...rows);
      }
    };
  });
}
