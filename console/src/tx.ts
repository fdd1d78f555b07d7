import type { Transaction } from "polkadot-api";
import type { AppState } from "./app";
import { h, replace } from "./dom";
import { describeDispatchError, describeFailure } from "./errors";

/** Result of a submission: whether the call succeeded once finalized. */
export type Outcome = "ok" | "failed";

// The transaction types differ per call; only signSubmitAndWatch is used here.
type AnyTx = Transaction<any, any>;

/**
 * Signs `tx` with the chosen account and submits it, writing progress and the outcome
 * into `status`. A refusal is shown by name; the page is otherwise left as it was.
 */
export function submit(state: AppState, tx: AnyTx, label: string, status: HTMLElement): Promise<Outcome> {
  const account = state.account;
  if (!account) {
    show(status, "error", `${label}: choose an account to sign with first.`);
    return Promise.resolve("failed");
  }
  show(status, "pending", `${label}: waiting for ${account.name}'s signature…`);
  return new Promise((resolve) => {
    tx.signSubmitAndWatch(account.signer).subscribe({
      next: async (event) => {
        if (event.type === "signed") show(status, "pending", `${label}: submitted, waiting for a block…`);
        if (event.type === "txBestBlocksState" && event.found) {
          show(status, "pending", `${label}: in block #${event.block.number}, waiting for finality…`);
        }
        if (event.type !== "finalized") return;
        if (event.ok) {
          show(status, "ok", `${label}: done, finalized in block #${event.block.number}.`);
          resolve("ok");
        } else {
          const why = await describeDispatchError(state.chain.client, event.dispatchError);
          show(status, "error", `${label} failed: ${why}`);
          resolve("failed");
        }
      },
      error: (error) => {
        show(status, "error", `${label}: ${describeFailure(error)}`);
        resolve("failed");
      },
    });
  });
}

/** Writes a status line with its kind (`ok`, `error`, `pending`) as a class for styling. */
export function show(status: HTMLElement, kind: "ok" | "error" | "pending", message: string): void {
  status.className = `status ${kind}`;
  status.setAttribute("role", kind === "error" ? "alert" : "status");
  replace(status, message);
}

/** An empty status line placed under a form. */
export function statusLine(): HTMLElement {
  return h("p", { class: "status", "aria-live": "polite" });
}
