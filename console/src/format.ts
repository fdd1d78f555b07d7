import { getSs58AddressInfo } from "@polkadot-api/substrate-bindings";

/** Milliseconds per block on Compliance Chain (Aura slot duration). */
export const BLOCK_MS = 6000;

const decoder = new TextDecoder();

/** Decodes an on-chain byte string (names, URIs, numbers) as UTF-8 text. */
export function text(bytes: Uint8Array | { asText(): string } | undefined): string {
  if (!bytes) return "";
  return bytes instanceof Uint8Array ? decoder.decode(bytes) : bytes.asText();
}

/** Whether `value` is a valid SS58 address (checksum included). */
export function isAddress(value: string): boolean {
  try {
    return getSs58AddressInfo(value).isValid;
  } catch {
    return false;
  }
}

/** Whether `value` is a 32-byte hash written as 0x-prefixed hex. */
export function isHash(value: string): value is `0x${string}` {
  return /^0x[0-9a-fA-F]{64}$/.test(value);
}

/** Shortens an address for tables: first six and last four characters. */
export function short(address: string): string {
  return address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** Renders a polkadot-api enum value (`{ type, value }`) as `Type` or `Type { … }`. */
export function variant(value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (typeof value !== "object") return String(value);
  if ("type" in value) {
    const inner = (value as { value?: unknown }).value;
    return inner === undefined ? String(value.type) : `${value.type} ${variant(inner)}`;
  }
  const parts = Object.entries(value).map(([k, v]) => `${k}: ${variant(v)}`);
  return `{ ${parts.join(", ")} }`;
}

/** Human time for a number of blocks, e.g. "in 2 min 6 s" or "4 min 12 s ago". */
export function blocksFromNow(target: number, now: number): string {
  const seconds = Math.round(((target - now) * BLOCK_MS) / 1000);
  const abs = Math.abs(seconds);
  const span = abs >= 3600 ? `${Math.floor(abs / 3600)} h ${Math.floor((abs % 3600) / 60)} min`
    : abs >= 60 ? `${Math.floor(abs / 60)} min ${abs % 60} s` : `${abs} s`;
  return seconds >= 0 ? `in ${span}` : `${span} ago`;
}
