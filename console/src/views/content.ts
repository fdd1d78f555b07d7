import type { AppState, View } from "../app";
import { facts, field, h, input, replace, select } from "../dom";
import { hashField } from "../fields";
import { short, text, variant } from "../format";
import { statusLine, submit } from "../tx";
import { REASONS, makeView, needsRole, noteHash, panel } from "./common";
import { caseChain } from "./cases";

/** Content: look up a hash (status, author, cases); flag, hide, restore with reasons by name. */
export function contentView(state: () => AppState): View {
  return makeView("content", "Content", (root) => {
    const hash = hashField();
    const details = h("div", { class: "live" });
    const roleNote = h("p", { class: "note" });
    const reason = select("reason", [...REASONS]);
    const note = input("note", { placeholder: "optional; only its hash goes on chain" });
    const status = statusLine();
    let shown: `0x${string}` | undefined;
    const act = (kind: "flag" | "hide" | "restore") => async () => {
      const target = hash.read();
      if (!target) return;
      shown = target;
      const s = state();
      const why = { type: reason.value } as never;
      const tx = kind === "flag" ? s.chain.api.tx.Moderation.flag({ hash: target, reason: why })
        : kind === "hide" ? s.chain.api.tx.Moderation.hide({ hash: target, reason: why, note_hash: noteHash(note.value) })
        : s.chain.api.tx.Moderation.restore({ hash: target, note_hash: noteHash(note.value) });
      await submit(s, tx, `${kind[0].toUpperCase()}${kind.slice(1)} ${target.slice(0, 10)}…`, status);
    };
    root.append(panel("Look up and moderate", h("form", { class: "form", onsubmit: (e: Event) => {
      e.preventDefault();
      shown = hash.read();
      void refresh(state());
    } }, hash.el, h("button", { type: "submit" }, "Look up"), details),
    roleNote, field("Reason", reason), field("Note", note), h("div", { class: "actions" },
      h("button", { type: "button", onclick: act("flag") }, "Flag"),
      h("button", { type: "button", onclick: act("hide") }, "Hide"),
      h("button", { type: "button", onclick: act("restore") }, "Restore")), status));

    async function refresh(s: AppState): Promise<void> {
      replace(roleNote, needsRole(s.roles.moderator, "moderator"));
      if (!shown) return;
      const record = await s.chain.api.view.Moderation.content(shown);
      if (!record) return replace(details, "Unknown hash: never published, never moderated.");
      replace(details, facts([
        ["Status", h("strong", {}, variant(record.status))],
        ["Author", record.author ? short(record.author) : "—"],
        ["Kind", record.kind ? record.kind.type : "—"],
        ["URI", text(record.uri) || "—"],
        ["Published", record.published_at === undefined ? "—" : `block #${record.published_at}`],
      ]), record.last_case === undefined ? null : await caseChain(s, record.last_case));
    }
    return refresh;
  });
}
