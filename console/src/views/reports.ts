import type { AppState, View } from "../app";
import { field, h, input, replace, select } from "../dom";
import { accountField, hashField, numberField } from "../fields";
import { blocksFromNow, short } from "../format";
import { statusLine, submit } from "../tx";
import { REASONS, SCOPES, hashText, makeView, needsRole, noteHash, panel } from "./common";

/** Outcomes a moderator picks from: dismiss, or uphold with the measure to take. */
const OUTCOMES = ["Dismissed", "None", "ContentHidden", "AccountWarned", "AccountRestricted", "AccountSuspended", "AccountClosed"];
const OUTCOME_LABELS = ["Dismiss", "Uphold, no measure", "Uphold: hide the content", "Uphold: warn", "Uphold: restrict", "Uphold: suspend", "Uphold: close the account"];

/** Reports queue: file a report; open reports by deadline; resolve with outcome and measure in one step. */
export function reportsView(state: () => AppState): View {
  return makeView("reports", "Reports", (root) => {
    const queue = h("div", { class: "live" });
    const roleNote = h("p", { class: "note" });
    // One status line for the queue: a resolved report leaves the list, its outcome stays here.
    const resolveStatus = statusLine();
    resolveStatus.id = "resolve-status";
    root.append(panel("Open reports, by deadline", roleNote, resolveStatus, queue), panel("File a report", fileForm(state)));

    return async (s) => {
      replace(roleNote, needsRole(s.roles.moderator, "moderator"));
      const open = await s.chain.api.view.Moderation.open_reports(undefined, 100);
      open.sort((a, b) => a[1].deadline - b[1].deadline);
      if (!open.length) return replace(queue, h("p", {}, "No open reports."));
      const existing = new Map([...queue.querySelectorAll<HTMLElement>("[data-report]")].map((row) => [row.dataset.report!, row]));
      const rows = open.map(([id, report]) => {
        // Keep a row whose form is in use, so a block does not wipe what the moderator typed.
        const row = existing.get(String(id)) ?? reportRow(state, id, resolveStatus);
        const overdue = report.state.type === "Overdue" || report.deadline <= s.finalized;
        row.classList.toggle("overdue", overdue);
        replace(row.querySelector(".summary")!,
          h("strong", {}, `#${id}`), " ",
          report.target.type === "Account" ? `account ${short(report.target.value)}` : `content ${report.target.value.slice(0, 10)}…`,
          ` · ${report.category.type} · by ${short(report.reporter)} · `,
          h("span", { class: overdue ? "bad countdown" : "countdown" },
            overdue ? `OVERDUE since block #${report.deadline} (${blocksFromNow(report.deadline, s.finalized)})`
              : `due at block #${report.deadline} (${blocksFromNow(report.deadline, s.finalized)})`));
        return row;
      });
      replace(queue, ...rows);
    };
  });
}

/** One report with its resolve form. */
function reportRow(state: () => AppState, id: bigint, status: HTMLElement): HTMLElement {
  const outcome = select("outcome", OUTCOMES, OUTCOME_LABELS);
  const days = numberField("Days (restrict/suspend)", 7, 1);
  const scope = select("scope", [...SCOPES]);
  const note = input("note", { placeholder: "optional; only its hash goes on chain" });
  const form = h("form", { class: "form inline", onsubmit: async (e: Event) => {
    e.preventDefault();
    const s = state();
    const length = days.read();
    if (length === undefined) return;
    const until = s.finalized + length * s.blocksPerDay;
    const action = outcome.value === "AccountSuspended" ? { type: "AccountSuspended" as const, value: { until } }
      : outcome.value === "AccountRestricted" ? { type: "AccountRestricted" as const, value: { scope: { type: scope.value as (typeof SCOPES)[number] }, until } }
      : { type: outcome.value as "None" | "ContentHidden" | "AccountWarned" | "AccountClosed", value: undefined };
    const resolved = outcome.value === "Dismissed" ? { type: "Dismissed" as const, value: undefined }
      : { type: "Upheld" as const, value: { action } };
    const tx = s.chain.api.tx.Moderation.resolve({ report_id: id, outcome: resolved as never, note_hash: noteHash(note.value) });
    await submit(s, tx, `Resolve report #${id}`, status);
  } }, field("Outcome", outcome), days.el, field("Scope (restrict)", scope), field("Note", note),
  h("button", { type: "submit" }, "Resolve"));
  return h("div", { class: "report", "data-report": String(id) }, h("p", { class: "summary" }), form);
}

/** The form a user files a report with; the evidence is hashed here, only its hash is sent. */
function fileForm(state: () => AppState): HTMLElement {
  const kind = select("target-kind", ["Account", "Content"]);
  const account = accountField(state, "Reported account");
  const content = hashField("Reported content hash");
  const category = select("category", [...REASONS]);
  const evidence = h("textarea", { name: "evidence", rows: 2, placeholder: "evidence (hashed in the browser)" }) as HTMLTextAreaElement;
  const status = statusLine();
  const sync = () => { account.el.hidden = kind.value !== "Account"; content.el.hidden = kind.value !== "Content"; };
  kind.addEventListener("change", sync);
  sync();
  return h("form", { class: "form", onsubmit: async (e: Event) => {
    e.preventDefault();
    const target = kind.value === "Account" ? account.read() : content.read();
    if (!target) return;
    const s = state();
    const tx = s.chain.api.tx.Moderation.report({
      target: kind.value === "Account" ? { type: "Account", value: target } : { type: "Content", value: target as `0x${string}` },
      category: { type: category.value as (typeof REASONS)[number] },
      evidence_hash: hashText(evidence.value),
    } as never);
    await submit(s, tx, "File report", status);
  } }, field("Target", kind), account.el, content.el, field("Category", category), field("Evidence", evidence),
  h("button", { type: "submit" }, "File report"), status);
}
