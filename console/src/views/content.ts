import type { AppState, View } from "../app";
import { facts, field, h, input, replace, select } from "../dom";
import { hashField } from "../fields";
import { isHash, short, text, variant } from "../format";
import { statusLine, submit } from "../tx";
import { REASONS, makeView, needsRole, noteHash, panel } from "./common";
import { caseChain } from "./cases";

/** Content kinds (`ContentKind`), as the runtime names them. */
export const CONTENT_KINDS = ["Text", "Image", "Audio", "Video", "Document", "Other"] as const;

/** Content: look up a hash (status, author, cases); flag, hide (one or a batch), restore with reasons by name; publish. */
export function contentView(state: () => AppState): View {
  return makeView("content", "Content", (root) => {
    const hash = hashField();
    const details = h("div", { class: "live", id: "content-details" });
    const roleNote = h("p", { class: "note" });
    const reason = select("reason", [...REASONS]);
    const note = input("note", { placeholder: "optional; only its hash goes on chain" });
    const status = statusLine();
    status.id = "moderate-status";
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
      // Show the new status now rather than at the next finalized block.
      void refresh(state());
    };
    root.append(panel("Look up and moderate", h("form", { class: "form", onsubmit: (e: Event) => {
      e.preventDefault();
      shown = hash.read();
      void refresh(state());
    } }, hash.el, h("button", { type: "submit" }, "Look up"), details),
    roleNote, field("Reason", reason), field("Note", note), h("div", { class: "actions" },
      h("button", { type: "button", onclick: act("flag") }, "Flag"),
      h("button", { type: "button", onclick: act("hide") }, "Hide"),
      h("button", { type: "button", onclick: act("restore") }, "Restore")), status),
    panel("Hide a batch", batchHideForm(state)),
    panel("Publish (verified users)", publishForm(state, (published) => { shown = published; hash.input.value = published; void refresh(state()); })));

    async function refresh(s: AppState): Promise<void> {
      replace(roleNote, needsRole(s.roles.moderator, "moderator"));
      if (!shown) return;
      const record = await s.chain.api.view.Moderation.content(shown);
      if (!record) return replace(details, "Unknown hash: never published, never moderated.");
      replace(details, facts([
        ["Status", h("strong", { id: "content-status" }, variant(record.status))],
        ["Author", record.author ? short(record.author) : "—"],
        ["Kind", record.kind ? record.kind.type : "—"],
        ["URI", text(record.uri) || "—"],
        ["Published", record.published_at === undefined ? "—" : `block #${record.published_at}`],
      ]), record.last_case === undefined ? null : await caseChain(s, record.last_case));
    }
    return refresh;
  });
}

/** The form a verified user publishes content with: only its hash, kind and URI go on chain. */
/**
 * Hides several published hashes with one `hide_batch`: all of them or, if any is refused, none
 * (the call is transactional). Every line is checked before signing, and the batch against the
 * runtime's `Moderation.MaxBatch`.
 */
function batchHideForm(state: () => AppState): HTMLElement {
  const hashes = h("textarea", { name: "hashes-to-hide", rows: "4", placeholder: "one 0x… hash per line" }) as HTMLTextAreaElement;
  const error = h("small", { class: "field-error", role: "alert" });
  const reason = select("batch-reason", [...REASONS]);
  const note = input("batch-note", { placeholder: "optional; only its hash goes on chain" });
  const status = statusLine();
  status.id = "batch-hide-status";
  const refuse = (why: string) => { hashes.setAttribute("aria-invalid", "true"); error.textContent = why; };
  hashes.addEventListener("input", () => { hashes.removeAttribute("aria-invalid"); error.textContent = ""; });
  const hashesField = field("Hashes", hashes);
  hashesField.appendChild(error);
  return h("form", { class: "form", onsubmit: async (e: Event) => {
    e.preventDefault();
    const lines = hashes.value.split("\n").map((line) => line.trim()).filter(Boolean);
    const bad = lines.findIndex((line) => !isHash(line));
    if (!lines.length) return refuse("At least one hash is required.");
    if (bad >= 0) return refuse(`Line ${bad + 1} is not a 32-byte hash: expected 0x followed by 64 hex digits.`);
    const s = state();
    const most = await s.chain.api.constants.Moderation.MaxBatch();
    if (lines.length > most) return refuse(`${lines.length} hashes: one batch hides at most ${most} (Moderation.MaxBatch).`);
    const tx = s.chain.api.tx.Moderation.hide_batch({
      hashes: lines as `0x${string}`[],
      reason: { type: reason.value } as never,
      note_hash: noteHash(note.value),
    });
    await submit(s, tx, `Hide ${lines.length} hash${lines.length === 1 ? "" : "es"}`, status);
  } }, hashesField, field("Reason", reason), field("Note", note), h("button", { type: "submit" }, "Hide all"), status);
}

function publishForm(state: () => AppState, onPublished: (hash: `0x${string}`) => void): HTMLElement {
  const hash = hashField("Hash to publish");
  const kind = select("kind", [...CONTENT_KINDS]);
  const uri = input("uri", { placeholder: "https://… where the content is served" });
  const status = statusLine();
  status.id = "publish-status";
  return h("form", { class: "form", onsubmit: async (e: Event) => {
    e.preventDefault();
    const target = hash.read();
    if (!target) return;
    const s = state();
    const tx = s.chain.api.tx.Moderation.publish({
      hash: target,
      kind: { type: kind.value as (typeof CONTENT_KINDS)[number], value: undefined },
      uri: new TextEncoder().encode(uri.value.trim()),
    });
    if (await submit(s, tx, `Publish ${target.slice(0, 10)}…`, status) === "ok") onPublished(target);
  } }, hash.el, field("Kind", kind), field("URI", uri), h("button", { type: "submit" }, "Publish"), status);
}
