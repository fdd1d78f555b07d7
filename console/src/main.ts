import "./style.css";
import type { AppState, View } from "./app";
import { describeRoles, readRoles } from "./app";
import { connect, initialRpcUrl, type ConnectionState } from "./chain";
import { field, h, input, replace } from "./dom";
import { DEV_NAMES, devAccount, extensionAccounts, isDevPath, type Account } from "./signer";
import { overviewView } from "./views/overview";
import { reportsView } from "./views/reports";
import { contentView } from "./views/content";
import { accountsView } from "./views/accounts";
import { appealsView } from "./views/appeals";
import { registrarView } from "./views/registrar";
import { regulatorView } from "./views/regulator";
import { governanceView } from "./views/governance";

const app = document.getElementById("app")!;
const banner = h("div", { class: "banner", role: "alert", hidden: true });
const rpcInput = input("rpc", { value: initialRpcUrl(), size: 28 });
const accountSelect = h("select", { name: "signer", "aria-label": "Sign as" }) as HTMLSelectElement;
const devPath = input("dev-path", { placeholder: "//Grace", size: 9, "aria-label": "Development account path" });
const blockLabel = h("span", { class: "block" }, "not connected");
const rolesLabel = h("span", { class: "roles" });
const nav = h("nav", { class: "tabs" });
const main = h("main");

let state: AppState | undefined;
let accounts: Account[] = [];
let views: View[] = [];
let active: View | undefined;

/** Shows or hides the connection banner. */
function onConnection(connection: ConnectionState): void {
  banner.hidden = connection === "connected";
  replace(banner, connection === "lost"
    ? "Connection to the node lost: reconnecting…"
    : `Connecting to ${rpcInput.value}…`);
}

/** Refreshes the visible view, keeping any error on the page rather than throwing. */
async function refreshActive(): Promise<void> {
  if (!state || !active) return;
  try {
    await active.refresh(state);
  } catch (error) {
    console.error(error);
  }
}

/** Selects the signer and reads its roles. */
async function chooseAccount(address: string): Promise<void> {
  if (!state) return;
  state.account = accounts.find((a) => a.address === address);
  state.roles = state.account ? await readRoles(state, state.account.address) : { moderator: false, regulator: false, consortium: false, filingOperator: false, assessor: false };
  replace(rolesLabel, state.account ? describeRoles(state.roles) : "");
  await refreshActive();
}

/** Lists the signing accounts: the dev accounts on a development chain, then the extensions'. */
function renderAccounts(): void {
  replace(accountSelect, h("option", { value: "" }, "— choose a signer —"),
    ...accounts.map((a) => h("option", { value: a.address }, `${a.name} (${a.source})`)));
  if (state?.account) accountSelect.value = state.account.address;
}

/** Switches the visible view. */
function show(view: View): void {
  active = view;
  for (const v of views) v.root.hidden = v !== view;
  for (const tab of nav.querySelectorAll("button")) tab.setAttribute("aria-selected", String(tab.dataset.view === view.id));
  history.replaceState(null, "", `${location.search}#${view.id}`);
  void refreshActive();
}

/** Connects to the node in the URL field and (re)builds the page around it. */
async function start(): Promise<void> {
  state?.chain.client.destroy();
  const url = rpcInput.value.trim();
  const chain = await connect(url, onConnection);
  const blocksPerDay = await chain.api.constants.Moderation.BlocksPerDay();
  state = { chain, finalized: 0, blocksPerDay, roles: { moderator: false, regulator: false, consortium: false, filingOperator: false, assessor: false } };
  const current = () => state!;
  accounts = [...(chain.isDevelopment ? DEV_NAMES.map((n) => devAccount(`//${n}`)) : []), ...(await extensionAccounts())];
  devPath.hidden = !chain.isDevelopment;
  renderAccounts();
  views = [overviewView, reportsView, contentView, accountsView, appealsView, registrarView, regulatorView, governanceView]
    .map((make) => make(current));
  replace(nav, ...views.map((v) => h("button", { type: "button", "data-view": v.id, role: "tab", onclick: () => show(v) }, v.title)));
  replace(main, ...views.map((v) => v.root));
  chain.client.finalizedBlock$.subscribe((block) => {
    state!.finalized = block.number;
    replace(blockLabel, `finalized #${block.number}`);
    void refreshActive();
  });
  show(views.find((v) => v.id === location.hash.slice(1)) ?? views[0]);
}

accountSelect.addEventListener("change", () => void chooseAccount(accountSelect.value));
devPath.addEventListener("change", () => {
  const path = devPath.value.trim();
  if (!isDevPath(path)) return;
  const account = devAccount(path);
  if (!accounts.some((a) => a.address === account.address)) accounts.push(account);
  renderAccounts();
  accountSelect.value = account.address;
  void chooseAccount(account.address);
});

app.append(
  h("header", {},
    h("h1", {}, "Compliance Chain console"),
    h("form", { class: "connection", onsubmit: (e: Event) => { e.preventDefault(); void start(); } },
      field("Node", rpcInput), h("button", { type: "submit" }, "Connect"), blockLabel),
    h("div", { class: "signer" }, field("Sign as", accountSelect), devPath, rolesLabel)),
  banner, nav, main,
);
void start().catch((error) => {
  banner.hidden = false;
  replace(banner, `Cannot reach ${rpcInput.value}: ${String(error?.message ?? error)}`);
});
