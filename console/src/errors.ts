import { InvalidTxError, type PolkadotClient } from "polkadot-api";
import { decAnyMetadata, unifyMetadata } from "@polkadot-api/substrate-bindings";

/** `CheckRealName`'s pool refusals, `InvalidTransaction::Custom(code)`, by code. */
export const REJECT_CODES: Record<number, [name: string, meaning: string]> = {
  1: ["NotVerified", "the signer has no real-name verification (never verified, or revoked)"],
  2: ["VerificationExpired", "the signer's verification has expired"],
  3: ["RegistrarRemoved", "the registrar that verified the signer was removed"],
  4: ["AccountSuspended", "the signer's account is suspended"],
  5: ["AccountClosed", "the signer's account is closed"],
  6: ["ConventionNotAcknowledged", "the signer has not acknowledged the current platform convention"],
  7: ["ServiceSuspended", "the service is suspended by the regulator"],
  8: ["DestinationNotVerified", "the transfer's destination is not verified"],
  9: ["AccountRestricted", "the signer is restricted from this kind of call"],
  10: ["DestinationClosed", "the transfer's destination account is closed"],
  11: ["CallNotPermitted", "the call is not open to signed users"],
};

/** The SDK's own pool refusals, for the ones a user meets. */
const INVALID_TRANSACTION: Record<string, string> = {
  Payment: "the signer cannot pay the fee (no or too little balance)",
  Stale: "the nonce was already used",
  Future: "the nonce is ahead of the account's",
  BadProof: "the signature does not match",
  AncientBirthBlock: "the transaction's era has passed",
  ExhaustsResources: "the block has no room left",
  BadSigner: "the signer is not allowed",
  Call: "the call is not valid",
};

/** Names a pool refusal: the rejection code by name and meaning, never a bare number. */
export function describeInvalid(error: unknown): string {
  const validity = error as { type?: string; value?: { type?: string; value?: unknown } };
  const kind = validity?.value?.type;
  if (validity?.type === "Invalid" && kind === "Custom") {
    const code = Number(validity.value?.value);
    const known = REJECT_CODES[code];
    return known ? `${known[0]} (code ${code}): ${known[1]}` : `unknown rejection (code ${code})`;
  }
  if (kind && INVALID_TRANSACTION[kind]) return `${kind}: ${INVALID_TRANSACTION[kind]}`;
  return `${validity?.type ?? "Invalid"}${kind ? `.${kind}` : ""}`;
}

type ErrorDocs = Map<string, string>;

/**
 * The runtime's own dispatch errors, which the metadata names but does not document (their
 * docs are stripped), worded after their documentation in `sp_runtime`.
 */
const DISPATCH_ERRORS: Record<string, string> = {
  BadOrigin: "the call's origin may not make it (for a motion: too few ayes for the origin the call requires)",
  CannotLookup: "an account address could not be resolved",
  ConsumerRemaining: "the account still has consumers and cannot be removed",
  NoProviders: "the account has no providers (it does not exist)",
  TooManyConsumers: "the account has too many consumers",
  RootNotAllowed: "the call may not be made by Root",
  "Token.FundsUnavailable": "the funds are unavailable",
  "Token.BelowMinimum": "the account would fall below the existential deposit",
  "Arithmetic.Overflow": "an arithmetic overflow",
  "Arithmetic.Underflow": "an arithmetic underflow",
};

let errorDocs: Promise<ErrorDocs> | undefined;

/** Reads every pallet error's documentation from the node's runtime metadata (once). */
function loadErrorDocs(client: PolkadotClient): Promise<ErrorDocs> {
  errorDocs ??= (async () => {
    const block = await client.getFinalizedBlock();
    const metadata = unifyMetadata(decAnyMetadata(await client.getMetadata(block.hash)));
    const docs: ErrorDocs = new Map();
    for (const pallet of metadata.pallets) {
      const type = pallet.errors && metadata.lookup[pallet.errors.type];
      if (type?.def.tag !== "variant") continue;
      for (const error of type.def.value) docs.set(`${pallet.name}.${error.name}`, error.docs.join(" ").trim());
    }
    return docs;
  })();
  return errorDocs;
}

/** Names a dispatch error as `Pallet.Error: doc` from the metadata, or by its variant. */
export async function describeDispatchError(client: PolkadotClient, error: unknown): Promise<string> {
  const dispatch = error as { type: string; value?: { type?: string; value?: { type?: string } } };
  if (dispatch.type === "Module" && dispatch.value?.type && dispatch.value.value?.type) {
    const name = `${dispatch.value.type}.${dispatch.value.value.type}`;
    const doc = (await loadErrorDocs(client)).get(name);
    return doc ? `${name}: ${doc}` : name;
  }
  const inner = dispatch.value?.type;
  const name = inner ? `${dispatch.type}.${inner}` : dispatch.type;
  const doc = DISPATCH_ERRORS[name];
  return doc ? `${name}: ${doc}` : name;
}

/** Whether an error is the signer (an extension, usually) declining to sign. */
function isSigningRefusal(error: unknown): boolean {
  const message = String((error as Error)?.message ?? error).toLowerCase();
  return /reject|cancel|denied|declined/.test(message);
}

/** Explains any failure of a submission in one line. */
export function describeFailure(error: unknown): string {
  if (error instanceof InvalidTxError) return `refused by the transaction pool: ${describeInvalid(error.error)}`;
  if (isSigningRefusal(error)) return `signing was refused (${String((error as Error)?.message ?? error)}); nothing was sent`;
  return String((error as Error)?.message ?? error);
}

/** Names the rejection an account's transactions would get, e.g. "AccountSuspended (code 4): …". */
export function rejectName(code: number | undefined): string {
  if (code === undefined) return "none: its transactions pass the real-name check";
  const known = REJECT_CODES[code];
  return known ? `${known[0]} (code ${code}): ${known[1]}` : `code ${code}`;
}
