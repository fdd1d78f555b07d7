import type { PolkadotSigner } from "polkadot-api";
import { getPolkadotSigner } from "polkadot-api/signer";
import { connectInjectedExtension, getInjectedExtensions } from "polkadot-api/pjs-signer";
import { AccountId } from "@polkadot-api/substrate-bindings";
import { sr25519CreateDerive } from "@polkadot-labs/hdkd";
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy } from "@polkadot-labs/hdkd-helpers";

/** An account the page can sign with. */
export interface Account {
  name: string;
  address: string;
  source: "development" | string;
  signer: PolkadotSigner;
}

/** The well-known development accounts, offered on development chains only. */
export const DEV_NAMES = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"];

const ss58 = AccountId(42);
let deriveDev: ReturnType<typeof sr25519CreateDerive> | undefined;

/**
 * Whether `value` is a development derivation path of the well-known dev phrase: `//Name`,
 * optionally followed by more hard (`//`) or soft (`/`) junctions, e.g. `//Test//Member`.
 */
export function isDevPath(value: string): boolean {
  return /^\/\/\w+(\/\/?\w+)*$/.test(value);
}

let devNames: Map<string, string> | undefined;

/** The well-known development name (`Alice` …) of `address`, if it is one of them. */
export function devName(address: string): string | undefined {
  devNames ??= new Map(DEV_NAMES.map((name) => [devAccount(`//${name}`).address, name]));
  return devNames.get(address);
}

/** Derives a development account (`//Name` of the well-known dev phrase, sr25519) in the page. */
export function devAccount(path: string): Account {
  deriveDev ??= sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
  const keyPair = deriveDev(path);
  return {
    name: path.replace(/^\/\//, ""),
    address: ss58.dec(keyPair.publicKey),
    source: "development",
    signer: getPolkadotSigner(keyPair.publicKey, "Sr25519", keyPair.sign),
  };
}

/** Accounts from every injected wallet extension that lets this page in. */
export async function extensionAccounts(): Promise<Account[]> {
  const accounts: Account[] = [];
  for (const name of getInjectedExtensions()) {
    try {
      const extension = await connectInjectedExtension(name, "Compliance Chain console");
      for (const account of extension.getAccounts()) {
        accounts.push({
          name: account.name ?? account.address,
          address: account.address,
          source: name,
          signer: account.polkadotSigner,
        });
      }
    } catch {
      // An extension that refuses access simply contributes no accounts.
    }
  }
  return accounts;
}
