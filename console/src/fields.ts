import type { AppState } from "./app";
import { field, h, input } from "./dom";
import { isAddress, isHash } from "./format";
import { devAccount, isDevPath } from "./signer";

/** A validated input: its wrapper element and a reader that refuses malformed values. */
export interface CheckedField<T> {
  el: HTMLElement;
  input: HTMLInputElement;
  /** The parsed value, or undefined after marking the field invalid with the reason. */
  read(): T | undefined;
}

function checked<T>(label: string, placeholder: string, parse: (value: string) => [T] | string): CheckedField<T> {
  const control = input(label.toLowerCase().replace(/\W+/g, "-"), { placeholder });
  const error = h("small", { class: "field-error", role: "alert" });
  const el = field(label, control);
  el.appendChild(error);
  control.addEventListener("input", () => {
    control.removeAttribute("aria-invalid");
    error.textContent = "";
  });
  return {
    el,
    input: control,
    read() {
      const result = parse(control.value.trim());
      if (typeof result === "string") {
        control.setAttribute("aria-invalid", "true");
        error.textContent = result;
        return undefined;
      }
      return result[0];
    },
  };
}

/** An account field: SS58, or `//Name` on a development chain (derived in the page). */
export function accountField(state: () => AppState, label = "Account"): CheckedField<string> {
  return checked(label, "SS58 address", (value) => {
    if (isAddress(value)) return [value];
    if (state().chain.isDevelopment && isDevPath(value)) return [devAccount(value).address];
    return value ? "Not a valid SS58 address (checksum or length wrong)." : "An account is required.";
  });
}

/** A 32-byte hash field (`0x` and 64 hex digits). */
export function hashField(label = "Content hash"): CheckedField<`0x${string}`> {
  return checked(label, "0x… (32-byte hash)", (value) =>
    isHash(value) ? [value] : "Not a 32-byte hash: expected 0x followed by 64 hex digits.");
}

/** A whole-number field with a lower bound. */
export function numberField(label: string, initial: number, min = 0): CheckedField<number> {
  const f = checked(label, String(initial), (value) => {
    const n = Number(value);
    return Number.isInteger(n) && n >= min ? [n] : `A whole number of at least ${min} is required.`;
  });
  f.input.value = String(initial);
  f.input.inputMode = "numeric";
  return f;
}
