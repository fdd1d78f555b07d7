import { toHex } from "polkadot-api/utils";
import { Blake2256 } from "@polkadot-api/substrate-bindings";
import type { AppState, View } from "../app";
import { h } from "../dom";

/** Reason codes (`ReasonCode`), as the runtime names them. */
export const REASONS = ["Illegal", "Fraud", "Pornography", "ViolenceTerrorism", "Rumour", "Infringement", "Privacy", "Other"] as const;
/** Restriction scopes (`RestrictionScope`). */
export const SCOPES = ["Publishing", "Transfers", "Reporting"] as const;
/** The zero hash: "no note", as the command-line tool sends it. */
export const NO_NOTE = `0x${"00".repeat(32)}` as const;

/** blake2-256 of UTF-8 text, as the chain's note, evidence and statement hashes are computed. */
export function hashText(text: string): `0x${string}` {
  return toHex(Blake2256(new TextEncoder().encode(text))) as `0x${string}`;
}

/** A note's hash, or the zero hash when the note is empty. */
export function noteHash(note: string): `0x${string}` {
  return note.trim() ? hashText(note) : NO_NOTE;
}

/** Creates a view with a fixed form part and a live part redrawn by `refresh`. */
export function makeView(
  id: string,
  title: string,
  build: (root: HTMLElement) => (state: AppState) => Promise<void>,
): View {
  const root = h("section", { class: "view", id: `view-${id}`, "aria-label": title }, h("h2", {}, title));
  return { id, title, root, refresh: build(root) };
}

/** A framed panel with a heading. */
export function panel(title: string, ...children: Array<Node | null>): HTMLElement {
  return h("div", { class: "panel" }, h("h3", {}, title), ...children);
}

/** Notes that the signer lacks a role, shown beside the forms that need it. */
export function needsRole(has: boolean, role: string): string {
  return has ? "" : `The chosen signer is not a ${role}: the chain will refuse these calls.`;
}
