import type { Chain } from "./chain";
import type { Account } from "./signer";

/** What every view reads: the connection, the signer, the latest finalized block. */
export interface AppState {
  chain: Chain;
  /** The account chosen to sign, if any. */
  account?: Account;
  /** Number of the latest finalized block, which every view reads at. */
  finalized: number;
  /** Blocks per day, as the chain declares it (`Moderation.BlocksPerDay`): durations in days. */
  blocksPerDay: number;
  /** Everything the page knows about the signer's roles. */
  roles: Roles;
}

/** The roles an account holds on chain. */
export interface Roles {
  moderator: boolean;
  regulator: boolean;
  consortium: boolean;
  filingOperator: boolean;
  assessor: boolean;
  registrarId?: number;
}

/** A view: built once, refreshed at each finalized block and when the signer changes. */
export interface View {
  id: string;
  title: string;
  root: HTMLElement;
  refresh(state: AppState): Promise<void>;
}

/** Reads the roles `address` holds from the membership pallets and the registrar list. */
export async function readRoles(state: AppState, address: string): Promise<Roles> {
  const { api } = state.chain;
  const [moderators, regulators, consortium, operators, assessors, registrars] = await Promise.all([
    api.query.Moderators.Members.getValue(),
    api.query.Regulators.Members.getValue(),
    api.query.ConsortiumMembership.Members.getValue(),
    api.query.FilingOperators.Members.getValue(),
    api.query.Assessors.Members.getValue(),
    api.view.RealName.registrars(),
  ]);
  const registrar = registrars.find((r) => r.account === address && r.status.type === "Active");
  return {
    moderator: moderators.includes(address),
    regulator: regulators.includes(address),
    consortium: consortium.includes(address),
    filingOperator: operators.includes(address),
    assessor: assessors.includes(address),
    registrarId: registrar?.id,
  };
}

/** The roles as words, e.g. "moderator, consortium member". */
export function describeRoles(roles: Roles): string {
  const names = [
    roles.registrarId !== undefined && `registrar ${roles.registrarId}`,
    roles.moderator && "moderator",
    roles.regulator && "regulator",
    roles.consortium && "consortium member",
    roles.filingOperator && "filing operator",
    roles.assessor && "assessor",
  ].filter(Boolean);
  return names.length ? names.join(", ") : "no role (user)";
}
