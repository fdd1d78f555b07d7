import type { AppState, View } from "../app";
import { field, h, input, select } from "../dom";
import { accountField, numberField } from "../fields";
import { statusLine, submit } from "../tx";
import { hashText, makeView, needsRole, panel } from "./common";
import { replace } from "../dom";

/** The identity commitment: blake2-256 of the salt followed by the identity fields, one per line. */
export function identityCommitment(salt: string, name: string, idNumber: string, phone: string): `0x${string}` {
  return hashText(`${salt}Name: ${name}\nID: ${idNumber}\nPhone: ${phone}\n`);
}

/** Registrar: verify, renew, revoke; the identity commitment is computed in the page. */
export function registrarView(state: () => AppState): View {
  return makeView("registrar", "Registrar", (root) => {
    const roleNote = h("p", { class: "note" });
    const who = accountField(state, "Account to verify");
    const name = input("identity-name"), idNumber = input("identity-id"), phone = input("identity-phone");
    const salt = input("salt", { value: crypto.randomUUID().slice(0, 13) });
    const level = select("level", ["Basic", "Enhanced"]);
    const days = numberField("Valid for (days)", 365, 1);
    const commitment = h("code", { id: "commitment" });
    const verifyStatus = statusLine();
    const recompute = () => replace(commitment, identityCommitment(salt.value, name.value, idNumber.value, phone.value));
    for (const control of [name, idNumber, phone, salt]) control.addEventListener("input", recompute);
    recompute();
    const verify = h("form", { class: "form", onsubmit: async (e: Event) => {
      e.preventDefault();
      const account = who.read();
      const length = days.read();
      if (!account || length === undefined) return;
      const s = state();
      const tx = s.chain.api.tx.RealName.verify({
        who: { type: "Id", value: account },
        commitment: identityCommitment(salt.value, name.value, idNumber.value, phone.value),
        level: { type: level.value as "Basic" | "Enhanced" } as never,
        expires_at: s.finalized + length * s.blocksPerDay,
      });
      await submit(s, tx, "Verify", verifyStatus);
    } },
    h("p", { class: "privacy" }, "The identity fields stay in this page: only their salted blake2-256 commitment is sent to the chain."),
    who.el, field("Name", name), field("ID number", idNumber), field("Phone", phone), field("Salt", salt),
    field("Level", level), days.el, h("p", {}, "Commitment: ", commitment),
    h("button", { type: "submit" }, "Verify"), verifyStatus);

    const other = accountField(state, "Account");
    const renewDays = numberField("Renew for (days)", 365, 1);
    const revokeReason = select("revoke-reason", ["HolderRequest", "DataInvalid", "Fraud", "Order", "Other"]);
    const otherStatus = statusLine();
    const run = (kind: "renew" | "revoke") => async () => {
      const account = other.read();
      const length = renewDays.read();
      if (!account || length === undefined) return;
      const s = state();
      const tx = kind === "renew"
        ? s.chain.api.tx.RealName.renew({ who: { type: "Id", value: account }, expires_at: s.finalized + length * s.blocksPerDay })
        : s.chain.api.tx.RealName.revoke({ who: { type: "Id", value: account }, reason: { type: revokeReason.value } as never });
      await submit(s, tx, kind === "renew" ? "Renew" : "Revoke", otherStatus, async (events) => {
        const renewed = events.find((e) => e.type === "RealName" && e.value.type === "VerificationRenewed");
        if (renewed) return { kind: "ok", message: `Now valid until block #${(renewed.value.value as { expires_at: number }).expires_at}.` };
        const revoked = events.some((e) => e.type === "RealName" && e.value.type === "VerificationRevoked");
        return revoked ? { kind: "ok", message: "The verification is revoked; the account record is kept." } : undefined;
      });
    };
    const manage = h("div", { class: "form" }, other.el, renewDays.el, field("Revocation reason", revokeReason),
      h("div", { class: "actions" }, h("button", { type: "button", onclick: run("renew") }, "Renew"),
        h("button", { type: "button", onclick: run("revoke") }, "Revoke")), otherStatus);
    root.append(roleNote, panel("Verify an account", verify), panel("Renew or revoke", manage));
    return async (s) => replace(roleNote, needsRole(s.roles.registrarId !== undefined, "registrar"));
  });
}
