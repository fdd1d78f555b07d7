import type { Transaction, TxEventsPayload } from "polkadot-api";
import type { AppState } from "./app";
import { h, replace } from "./dom";
import { describeDispatchError, describeFailure } from "./errors";

/** Result of a submission: whether the call succeeded once finalized. */
export type Outcome = "ok" | "failed";

// The transaction types differ per call; only signSubmitAndWatch is used here.
type AnyTx = Transaction<any, any>;

/** The events a finalized transaction emitted, in order. */
export type TxEvents = TxEventsPayload["events"];

/**
 * What a view reads from a successful transaction's events beyond "done": e.g. whether the
 * motion a `close` approved then executed. `error` marks the outcome failed although the
 * transaction itself went through.
 */
export type Explain = (events: TxEvents) => Promise<{ kind: "ok" | "error"; message: string } | undefined>;

/**
 * Signs `tx` with the chosen account and submits it, writing progress and the outcome
 * into `status`. A refusal is shown by name; the page is otherwise left as it was.
 */
export function submit(state: AppState, tx: AnyTx, label: string, status: HTMLElement, explain?: Explain): Promise<Outcome> {
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
          const more = await explain?.(event.events).catch((error) =>
            ({ kind: "error" as const, message: `Its outcome could not be read: ${describeFailure(error)}` }));
          show(status, more?.kind ?? "ok", `${label}: done, finalized in block #${event.block.number}.${more ? ` ${more.message}` : ""}`);
          resolve(more?.kind === "error" ? "failed" : "ok");
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

/**
 * Runs an action that reads the chain before it submits (a motion's length, weight), showing any
 * failure of those reads in `status`: the page never stays "preparing…" on a lost answer.
 */
export async function guarded(status: HTMLElement, label: string, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    show(status, "error", `${label}: ${describeFailure(error)}`);
  }
}
