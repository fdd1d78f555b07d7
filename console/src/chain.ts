import { createClient, type PolkadotClient, type TypedApi } from "polkadot-api";
import { getWsProvider } from "polkadot-api/ws";
import { compliance } from "@polkadot-api/descriptors";

/** The typed API generated from Compliance Chain's metadata. */
export type ComplianceApi = TypedApi<typeof compliance>;

/** Connection state for the banner: a dropped socket is retried by the provider. */
export type ConnectionState = "connecting" | "connected" | "lost";

/** A live connection to one node. */
export interface Chain {
  url: string;
  client: PolkadotClient;
  api: ComplianceApi;
  /** Whether the node runs a development chain (dev accounts are offered only then). */
  isDevelopment: boolean;
}

/** The node URL: `?rpc=` wins, then the last one used, then a local node. */
export function initialRpcUrl(): string {
  const fromQuery = new URLSearchParams(location.search).get("rpc");
  return fromQuery ?? localStorage.getItem("compliance.rpc") ?? "ws://127.0.0.1:9944";
}

/** Connects to `url`, reporting connection changes; the provider reconnects by itself. */
export async function connect(url: string, onState: (state: ConnectionState) => void): Promise<Chain> {
  onState("connecting");
  const provider = getWsProvider(url, {
    onStatusChanged: (status) => {
      if (status.type === "CONNECTED") onState("connected");
      else if (status.type === "CLOSE" || status.type === "ERROR") onState("lost");
    },
  });
  const client = createClient(provider);
  const api = client.getTypedApi(compliance);
  const chainType = await client._request<string | { [kind: string]: unknown }>("system_chainType", []);
  const isDevelopment = chainType === "Development" || chainType === "Local";
  localStorage.setItem("compliance.rpc", url);
  return { url, client, api, isDevelopment };
}
