//! `compliance gov`: governance by motion.
//!
//! The chain has no sudo key. Its admin actions (registrars, moderators, the role sets, runtime
//! upgrade authorization, the filing operator's calls) are calls that a body passes by motion:
//! the operator's consortium (`Consortium`, a `pallet-collective` of `ConsortiumMembership`)
//! for most, the regulators (`RegulatorsCollective`, of `Regulators`) for their own set and the
//! assessors'. A motion passes with the ayes of at least two thirds of the body's members (the
//! runtime's origin is `EnsureProportionAtLeast<2, 3>`); members who do not vote count as nays.
//!
//! `gov propose` proposes with exactly that threshold and, given one key per member, votes and
//! closes in one go; `gov vote`, `gov close` and `gov motions` take a motion further by hand.
//! A motion whose call fails when executed fails the command with the call's error by name
//! (see [`crate::chain::Chain::submit`]).

use super::{
	filing::{FilingCall, RulesCall},
	Ctx, Now, Transaction,
};
use crate::{
	args::{
		address, hash_file, parse_account, parse_hash, parse_peer_id, AppealDecisionArgs, Choice,
		PeerIdBytes,
	},
	chain::{storage, At, Chain},
	error::CliError,
	output::Output,
	render::{node, Node},
};
use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use compliance_client::{
	api::{
		self,
		consortium::Call as Collective,
		filing::Call as Filing,
		moderation::Call as Moderation,
		moderators::Call as Membership,
		node_authorization::Call as NodeAuthorization,
		real_name::Call as RealName,
		runtime_types::{
			pallet_collective::Votes, pallet_moderation::types::ReasonCode,
			pallet_real_name::types::RevocationReason, sp_core::OpaquePeerId,
		},
		system::Call as System,
		validator_set::Call as ValidatorSet,
	},
	call_data, RuntimeCall,
};
use std::path::PathBuf;
use subxt::{
	ext::{futures::future::join_all, scale_value},
	utils::{to_hex, AccountId32, H256},
};
use subxt_signer::sr25519::Keypair;

/// The share of a body's members whose ayes pass a motion, as `(numerator, denominator)`: the
/// runtime's origins are `EnsureProportionAtLeast<_, _, 2, 3>`, which the metadata does not
/// carry.
const PASSING_SHARE: (u32, u32) = (2, 3);

/// The ayes a motion of a body of `members` needs: the smallest count that is at least two
/// thirds of them. With fewer the origin refuses the call when the motion executes; with one
/// (a body of one) the motion executes as it is proposed.
fn passing_threshold(members: u32) -> u32 {
	let (numerator, denominator) = PASSING_SHARE;
	members.saturating_mul(numerator).div_ceil(denominator)
}

/// A governance body: a collective that decides by motion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Body {
	/// The operator's consortium (`Consortium`): the chain's admin actions.
	Consortium,
	/// The regulators (`RegulatorsCollective`): their own set and the assessors'.
	Regulators,
}

impl Body {
	/// The body's collective pallet.
	pub fn pallet(self) -> &'static str {
		match self {
			Body::Consortium => "Consortium",
			Body::Regulators => "RegulatorsCollective",
		}
	}

	/// The option that names the body in a `gov` command: none for the consortium, the default.
	fn option(self) -> &'static str {
		match self {
			Body::Consortium => "",
			Body::Regulators => " --body regulators",
		}
	}

	/// `call` of the body's collective pallet.
	fn call(self, call: Collective) -> RuntimeCall {
		match self {
			Body::Consortium => RuntimeCall::Consortium(call),
			Body::Regulators => RuntimeCall::RegulatorsCollective(call),
		}
	}

	/// The body's members now.
	async fn members(self, at: &At) -> Result<Vec<AccountId32>, CliError> {
		let members = match self {
			Body::Consortium => storage(at, api::storage().consortium().members(), ()).await?,
			Body::Regulators =>
				storage(at, api::storage().regulators_collective().members(), ()).await?,
		};
		Ok(members.map(|(_, members)| members).unwrap_or_default())
	}

	/// The hashes of the body's open motions.
	async fn proposals(self, at: &At) -> Result<Vec<H256>, CliError> {
		let proposals = match self {
			Body::Consortium => storage(at, api::storage().consortium().proposals(), ()).await?,
			Body::Regulators =>
				storage(at, api::storage().regulators_collective().proposals(), ()).await?,
		};
		Ok(proposals.map(|(_, hashes)| hashes.0).unwrap_or_default())
	}

	/// The call of the open motion `motion`, as stored (its SCALE bytes) and decoded.
	async fn proposal(
		self,
		at: &At,
		motion: H256,
	) -> Result<Option<(Vec<u8>, RuntimeCall)>, CliError> {
		match self {
			Body::Consortium =>
				storage(at, api::storage().consortium().proposal_of(), (motion,)).await,
			Body::Regulators =>
				storage(at, api::storage().regulators_collective().proposal_of(), (motion,)).await,
		}
	}

	/// The votes on the open motion `motion`.
	async fn votes(
		self,
		at: &At,
		motion: H256,
	) -> Result<Option<Votes<AccountId32, u32>>, CliError> {
		let votes = match self {
			Body::Consortium =>
				storage(at, api::storage().consortium().voting(), (motion,)).await?,
			Body::Regulators =>
				storage(at, api::storage().regulators_collective().voting(), (motion,)).await?,
		};
		Ok(votes.map(|(_, votes)| votes))
	}
}

/// A set of role holders, kept by a membership pallet.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum MemberSet {
	/// The consortium's members (`ConsortiumMembership`); by consortium motion.
	Consortium,
	/// The filing operators (`FilingOperators`); by consortium motion.
	FilingOperators,
	/// The regulators (`Regulators`); by regulators' motion.
	Regulators,
	/// The security assessors (`Assessors`); by regulators' motion, so that the operator
	/// cannot accredit the assessors of its own upgrades.
	Assessors,
	/// The moderators (`Moderators`); by consortium motion.
	Moderators,
}

impl MemberSet {
	/// `call` of the set's membership pallet.
	fn call(self, call: Membership) -> RuntimeCall {
		match self {
			MemberSet::Consortium => RuntimeCall::ConsortiumMembership(call),
			MemberSet::FilingOperators => RuntimeCall::FilingOperators(call),
			MemberSet::Regulators => RuntimeCall::Regulators(call),
			MemberSet::Assessors => RuntimeCall::Assessors(call),
			MemberSet::Moderators => RuntimeCall::Moderators(call),
		}
	}

	/// The body whose motion changes the set.
	fn body(self) -> Body {
		match self {
			MemberSet::Consortium | MemberSet::FilingOperators | MemberSet::Moderators =>
				Body::Consortium,
			MemberSet::Regulators | MemberSet::Assessors => Body::Regulators,
		}
	}
}

/// `compliance gov`: the body option and the command.
#[derive(Args, Debug)]
pub struct GovArgs {
	/// The body whose motion it is. Default: the consortium; for `propose`, the body the call
	/// needs (the regulators for their own set and the assessors', the consortium otherwise).
	#[arg(long, global = true, value_enum)]
	body: Option<Body>,
	#[command(subcommand)]
	command: GovCmd,
}

impl GovArgs {
	/// Whether the command submits transactions, and so needs `--suri`.
	pub fn signs(&self) -> bool {
		!matches!(self.command, GovCmd::Motions)
	}

	/// Checks the `--suri` keys before anything is read or sent: `propose` takes one or more,
	/// each a different account (a member votes once); the other signing commands take one.
	pub fn check_keys(&self, keys: &[Keypair]) -> Result<(), CliError> {
		if !self.signs() {
			return Ok(());
		}
		if !matches!(self.command, GovCmd::Propose(_)) && keys.len() != 1 {
			return Err(CliError::Usage(
				"this command signs with one key: give --suri once (only `gov propose` takes \
				 several)"
					.into(),
			));
		}
		let accounts: Vec<AccountId32> =
			keys.iter().map(|k| k.public_key().to_account_id()).collect();
		match accounts.iter().enumerate().position(|(i, a)| accounts[..i].contains(a)) {
			Some(repeated) => Err(CliError::Usage(format!(
				"--suri #{} is the key of an earlier --suri: each member votes once",
				repeated + 1
			))),
			None => Ok(()),
		}
	}
}

#[derive(Subcommand, Debug)]
pub enum GovCmd {
	/// Propose an admin action to its body (a member). Give one --suri per member who agrees:
	/// the first proposes, every key votes aye, and once the ayes reach the threshold (two
	/// thirds of the members) the motion is closed, which executes the call. With fewer keys
	/// the motion stays open for `gov vote` and `gov close`.
	#[command(subcommand)]
	Propose(AdminCall),
	/// Vote on an open motion (a member of its body).
	#[command(group(ArgGroup::new("ballot").required(true).args(["aye", "nay"])))]
	Vote {
		/// The motion's hash, as `gov motions` lists it.
		#[arg(value_parser = parse_hash)]
		motion: H256,
		/// The motion's index, as `gov motions` lists it.
		#[arg(long)]
		index: u32,
		/// Vote for the motion.
		#[arg(long)]
		aye: bool,
		/// Vote against the motion.
		#[arg(long)]
		nay: bool,
	},
	/// Close a motion (anyone): execute it once its ayes reach the threshold, or drop it once
	/// its nays make that impossible or its voting period has ended.
	Close {
		/// The motion's hash, as `gov motions` lists it.
		#[arg(value_parser = parse_hash)]
		motion: H256,
		/// The motion's index, as `gov motions` lists it.
		#[arg(long)]
		index: u32,
	},
	/// The body's open motions: the call, the votes, the threshold, the end block, and whether
	/// the motion can be closed now.
	Motions,
	/// Set the runtime code that the consortium authorized and an assessor approved
	/// (`System.apply_authorized_upgrade`; anyone).
	ApplyUpgrade {
		/// The Wasm blob whose hash was authorized (the compressed `.compact.compressed.wasm`).
		wasm: PathBuf,
	},
}

/// The calls a body passes by motion: the runtime gates each by the consortium's or the
/// regulators' origin.
#[derive(Subcommand, Debug)]
pub enum AdminCall {
	/// Add a registrar (`RealName.add_registrar`).
	AddRegistrar {
		/// The account that will sign its verifications.
		#[arg(value_parser = parse_account)]
		account: AccountId32,
		/// Its name.
		name: String,
	},
	/// Suspend a registrar: it can no longer verify or renew (`RealName.suspend_registrar`).
	SuspendRegistrar {
		/// The registrar's id, as `identity registrars` lists it.
		id: u32,
	},
	/// Reactivate a suspended registrar (`RealName.reactivate_registrar`).
	ReactivateRegistrar {
		/// The registrar's id.
		id: u32,
	},
	/// Remove a registrar: every verification it issued stops counting
	/// (`RealName.remove_registrar`).
	RemoveRegistrar {
		/// The registrar's id.
		id: u32,
	},
	/// Revoke an account's verification, whichever registrar issued it
	/// (`RealName.force_revoke`).
	ForceRevoke {
		/// The account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
		/// Why.
		#[arg(long, value_enum)]
		reason: Choice<RevocationReason>,
	},
	/// Make an account a moderator (`Moderators.add_member`; the same as `add-member --set
	/// moderators`).
	AddModerator {
		/// The account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
	},
	/// Remove a moderator (`Moderators.remove_member`).
	RemoveModerator {
		/// The account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
	},
	/// Close an account by motion (`Moderation.close`): the way to sanction a role holder,
	/// which no single moderator may. Only the body that oversees the account passes it: the
	/// regulators (`--body regulators`) for regulators and assessors, the consortium for
	/// everyone else. Only that body's motion lifts it or decides its appeal.
	CloseAccount {
		/// The account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
		/// Why.
		#[arg(long, value_enum, default_value = "other")]
		reason: Choice<ReasonCode>,
	},
	/// Lift the measure in force on an account by motion (`Moderation.lift`); the body that
	/// oversees the account.
	LiftMeasure {
		/// The account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
		/// Why.
		#[arg(long, value_enum, default_value = "other")]
		reason: Choice<ReasonCode>,
	},
	/// Decide the appeal of a case whose measure the body took by motion
	/// (`Moderation.decide_appeal`); the same body.
	DecideAppeal(AppealDecisionArgs),
	/// Purge a case whose retention period has passed (`Moderation.purge_case`).
	PurgeCase {
		/// The case id.
		case: u64,
	},
	/// Set how many blocks moderators have to resolve the reports filed from now on
	/// (`Moderation.set_response_time`).
	SetResponseTime {
		/// The blocks.
		blocks: u32,
	},
	/// Make an account a validator (`ValidatorSet.add_validator`): it must have registered
	/// session keys (`Session.set_keys`); it authors from the second session boundary on.
	AddValidator {
		/// The validator's account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
	},
	/// Remove a validator (`ValidatorSet.remove_validator`); at least one stays.
	RemoveValidator {
		/// The validator's account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
	},
	/// Authorize a node of the network by its peer id
	/// (`NodeAuthorization.add_well_known_node`): the authorized nodes accept it as a peer from
	/// then on. A new validator's node needs this first.
	AuthorizeNode {
		/// The node's peer id, as `compliance-node key generate-node-key` prints it or the node
		/// logs it (`12D3KooW...`).
		#[arg(value_parser = parse_peer_id)]
		peer_id: PeerIdBytes,
		/// The account that owns the node.
		#[arg(value_parser = parse_account)]
		owner: AccountId32,
	},
	/// Withdraw a node's authorization (`NodeAuthorization.remove_well_known_node`): the
	/// authorized nodes drop it as a peer.
	RemoveNode {
		/// The node's peer id (`12D3KooW...`).
		#[arg(value_parser = parse_peer_id)]
		peer_id: PeerIdBytes,
	},
	/// Add an account to a set of role holders (`<set>.add_member`).
	AddMember {
		/// The account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
		/// The set; the regulators and the assessors are changed by the regulators' motion.
		#[arg(long, value_enum)]
		set: MemberSet,
	},
	/// Remove an account from a set of role holders (`<set>.remove_member`).
	RemoveMember {
		/// The account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
		/// The set; the regulators and the assessors are changed by the regulators' motion.
		#[arg(long, value_enum)]
		set: MemberSet,
	},
	/// Replace a member of a set of role holders by another account (`<set>.swap_member`).
	SwapMember {
		/// The member who leaves.
		#[arg(value_parser = parse_account)]
		remove: AccountId32,
		/// The account that joins.
		#[arg(value_parser = parse_account)]
		add: AccountId32,
		/// The set; the regulators and the assessors are changed by the regulators' motion.
		#[arg(long, value_enum)]
		set: MemberSet,
	},
	/// Authorize a runtime upgrade to the given code (`Filing.authorize_upgrade`). It takes
	/// effect once an assessor records an approved assessment of the same code hash and anyone
	/// applies it with `gov apply-upgrade`.
	#[command(group(ArgGroup::new("code").required(true).args(["wasm", "code_hash"])))]
	AuthorizeUpgrade {
		/// The Wasm blob, to hash here (the compressed `.compact.compressed.wasm`).
		wasm: Option<PathBuf>,
		/// ... or its blake2-256 hash.
		#[arg(long = "hash", value_parser = parse_hash)]
		code_hash: Option<H256>,
	},
	/// The filing operator's filing calls, by consortium motion.
	#[command(subcommand)]
	Filing(FilingCall),
	/// The filing operator's rules calls, by consortium motion.
	#[command(subcommand)]
	Rules(RulesCall),
}

impl Transaction for AdminCall {
	/// The call the motion carries.
	fn call(&self, now: &Now) -> Result<RuntimeCall, CliError> {
		let add = |who: &AccountId32| Membership::add_member { who: address(who) };
		let remove = |who: &AccountId32| Membership::remove_member { who: address(who) };
		Ok(match self {
			AdminCall::AddRegistrar { account, name } =>
				RuntimeCall::RealName(RealName::add_registrar {
					account: address(account),
					name: name.clone().into_bytes(),
				}),
			AdminCall::SuspendRegistrar { id } =>
				RuntimeCall::RealName(RealName::suspend_registrar { id: *id }),
			AdminCall::ReactivateRegistrar { id } =>
				RuntimeCall::RealName(RealName::reactivate_registrar { id: *id }),
			AdminCall::RemoveRegistrar { id } =>
				RuntimeCall::RealName(RealName::remove_registrar { id: *id }),
			AdminCall::ForceRevoke { who, reason } =>
				RuntimeCall::RealName(RealName::force_revoke {
					who: address(who),
					reason: reason.0.clone(),
				}),
			AdminCall::AddModerator { who } => MemberSet::Moderators.call(add(who)),
			AdminCall::RemoveModerator { who } => MemberSet::Moderators.call(remove(who)),
			AdminCall::CloseAccount { who, reason } => RuntimeCall::Moderation(Moderation::close {
				who: who.clone(),
				reason: reason.0.clone(),
			}),
			AdminCall::LiftMeasure { who, reason } => RuntimeCall::Moderation(Moderation::lift {
				who: who.clone(),
				reason: reason.0.clone(),
			}),
			AdminCall::DecideAppeal(decision) => RuntimeCall::Moderation(decision.call()),
			AdminCall::PurgeCase { case } =>
				RuntimeCall::Moderation(Moderation::purge_case { case_id: *case }),
			AdminCall::SetResponseTime { blocks } =>
				RuntimeCall::Moderation(Moderation::set_response_time { blocks: *blocks }),
			AdminCall::AddValidator { who } =>
				RuntimeCall::ValidatorSet(ValidatorSet::add_validator { who: who.clone() }),
			AdminCall::RemoveValidator { who } =>
				RuntimeCall::ValidatorSet(ValidatorSet::remove_validator { who: who.clone() }),
			AdminCall::AuthorizeNode { peer_id, owner } =>
				RuntimeCall::NodeAuthorization(NodeAuthorization::add_well_known_node {
					node: OpaquePeerId(peer_id.0.clone()),
					owner: address(owner),
				}),
			AdminCall::RemoveNode { peer_id } =>
				RuntimeCall::NodeAuthorization(NodeAuthorization::remove_well_known_node {
					node: OpaquePeerId(peer_id.0.clone()),
				}),
			AdminCall::AddMember { who, set } => set.call(add(who)),
			AdminCall::RemoveMember { who, set } => set.call(remove(who)),
			AdminCall::SwapMember { remove, add, set } =>
				set.call(Membership::swap_member { remove: address(remove), add: address(add) }),
			AdminCall::AuthorizeUpgrade { wasm, code_hash } => {
				let code_hash = match (code_hash, wasm) {
					(Some(h), _) => *h,
					(None, Some(file)) => hash_file(file)?,
					(None, None) =>
						return Err(CliError::Usage("give a Wasm file or --hash".into())),
				};
				RuntimeCall::Filing(Filing::authorize_upgrade { code_hash })
			},
			AdminCall::Filing(filing) => filing.call(now)?,
			AdminCall::Rules(rules) => rules.call(now)?,
		})
	}
}

impl AdminCall {
	/// The body whose motion the runtime accepts for the call.
	fn body(&self) -> Body {
		match self {
			AdminCall::AddMember { set, .. } |
			AdminCall::RemoveMember { set, .. } |
			AdminCall::SwapMember { set, .. } => set.body(),
			_ => Body::Consortium,
		}
	}
}

impl GovArgs {
	/// Runs the command: checks the `--suri` keys before anything is read or sent (none for
	/// `motions`), then connects.
	pub async fn run(&self, ctx: &Ctx<'_>) -> Result<Output, CliError> {
		let keys = if self.signs() { ctx.signers()? } else { Vec::new() };
		self.check_keys(&keys)?;
		let chain = ctx.connect().await?;
		let body = self.body;
		let one_key = || {
			keys.first().ok_or_else(|| {
				CliError::Usage("this command submits a transaction: give --suri".into())
			})
		};
		match &self.command {
			GovCmd::Propose(admin) => {
				let proposal = admin.call(&Now::read(&chain.at().await?).await?)?;
				propose(&chain, body.unwrap_or_else(|| admin.body()), proposal, &keys).await
			},
			GovCmd::Vote { motion, index, aye, nay: _ } => {
				let motion = self.motion(*motion, *index);
				let receipt = chain.submit(&motion.vote(*aye), one_key()?).await?;
				let summary = standing(&chain.at().await?, &motion).await?;
				Ok(Output::Steps { receipts: vec![receipt], summary })
			},
			GovCmd::Close { motion, index } => {
				let motion = self.motion(*motion, *index);
				let close = close_call(&chain.at().await?, &motion).await?;
				let receipt = chain.submit(&close, one_key()?).await?;
				let summary = Node::map([
					("body", Node::text(motion.body.pallet())),
					("motion", Node::text(to_hex(motion.hash))),
					("index", Node::Uint(motion.index.into())),
					("outcome", Node::text(closed_outcome(&receipt, motion.body))),
				]);
				Ok(Output::Steps { receipts: vec![receipt], summary })
			},
			GovCmd::Motions => motions(&chain.at().await?, body.unwrap_or(Body::Consortium)).await,
			GovCmd::ApplyUpgrade { wasm } =>
				chain.submit(&apply_upgrade(wasm)?, one_key()?).await.map(Output::Receipt),
		}
	}

	/// The motion `hash` #`index` of the `--body` (the consortium by default).
	fn motion(&self, hash: H256, index: u32) -> Motion {
		Motion { body: self.body.unwrap_or(Body::Consortium), hash, index }
	}

	/// The call of `gov vote`, `gov apply-upgrade`, or the proposal `gov propose` carries: what
	/// the arguments and `now` decide. `None` for `close` and `motions`, whose call or answer
	/// depends on the motion on chain, and for the steps of `propose` after its proposal. Built
	/// by the same functions `run` submits through; the offline tests compare it.
	#[cfg(test)]
	pub fn call(&self, now: &Now) -> Option<Result<RuntimeCall, CliError>> {
		match &self.command {
			GovCmd::Propose(admin) => Some(admin.call(now)),
			GovCmd::Vote { motion, index, aye, nay: _ } =>
				Some(Ok(self.motion(*motion, *index).vote(*aye))),
			GovCmd::ApplyUpgrade { wasm } => Some(apply_upgrade(wasm)),
			GovCmd::Close { .. } | GovCmd::Motions => None,
		}
	}
}

/// `System.apply_authorized_upgrade` with the code in `wasm`.
fn apply_upgrade(wasm: &PathBuf) -> Result<RuntimeCall, CliError> {
	let code = std::fs::read(wasm)
		.map_err(|e| CliError::Usage(format!("cannot read {}: {e}", wasm.display())))?;
	Ok(RuntimeCall::System(System::apply_authorized_upgrade { code }))
}

/// `gov propose`: `keys[0]` proposes `proposal` to `body` with the passing threshold, every key
/// votes aye, and the motion is closed if their ayes reach the threshold.
async fn propose(
	chain: &Chain,
	body: Body,
	proposal: RuntimeCall,
	keys: &[Keypair],
) -> Result<Output, CliError> {
	let Some(proposer) = keys.first() else {
		return Err(CliError::Usage("give --suri: the member who proposes".into()));
	};
	let at = chain.at().await?;
	let members = u32::try_from(body.members(&at).await?.len()).unwrap_or(u32::MAX);
	let threshold = passing_threshold(members);
	let encoded = call_data(&at, &proposal)
		.map_err(|e| CliError::Usage(format!("cannot encode the proposal: {e:?}")))?;
	let (what, _) = decode_call(&at, &encoded)?;
	let length_bound = u32::try_from(encoded.len())
		.map_err(|_| CliError::Usage(format!("{what} is too large to propose")))?;
	let propose =
		body.call(Collective::propose { threshold, proposal: Box::new(proposal), length_bound });
	let mut receipts = vec![chain.submit(&propose, proposer).await?];
	let mut summary = vec![
		("body", Node::text(body.pallet())),
		("call", Node::text(&what)),
		("members", Node::Uint(members.into())),
		("threshold", Node::Uint(threshold.into())),
	];
	// A threshold below two makes the collective execute the call at once, as a motion of one
	// (a body of one member): there is nothing to vote on.
	if event(&receipts[0], body, "Executed").is_some() {
		summary.push(("outcome", Node::text("executed")));
		return Ok(Output::Steps { receipts, summary: Node::map(summary) });
	}
	let motion = Motion::proposed(body, &receipts[0])?;
	// The proposer's aye is not implied: `propose` records no vote.
	let aye = motion.vote(true);
	let votes = join_all(keys.iter().map(|key| chain.submit(&aye, key))).await;
	for vote in votes {
		receipts.push(vote.map_err(|e| e.with_note(&motion.still_open()))?);
	}
	let at = chain.at().await?;
	let carried = Tally::read(&at, body, motion.hash).await?.is_some_and(|tally| tally.carried());
	if carried {
		let close = close_call(&at, &motion).await?;
		let closed = chain.submit(&close, proposer).await?;
		let outcome = closed_outcome(&closed, body);
		receipts.push(closed);
		summary.extend([
			("motion", Node::text(to_hex(motion.hash))),
			("index", Node::Uint(motion.index.into())),
			("outcome", Node::text(outcome)),
		]);
		return Ok(Output::Steps { receipts, summary: Node::map(summary) });
	}
	Ok(Output::Steps { receipts, summary: standing(&at, &motion).await? })
}

/// The outcome of a finalized `close`: the motion was executed (its call succeeded: a failed
/// call fails the submission) or dropped.
fn closed_outcome(receipt: &Node, body: Body) -> &'static str {
	if event(receipt, body, "Executed").is_some() {
		"executed"
	} else if event(receipt, body, "Disapproved").is_some() {
		"disapproved"
	} else {
		"closed"
	}
}

/// The fields of the first `body.name` event of a receipt.
fn event<'a>(receipt: &'a Node, body: Body, name: &str) -> Option<&'a Node> {
	let wanted = format!("{}.{name}", body.pallet());
	let Some(Node::List(events)) = receipt.get("events") else { return None };
	events
		.iter()
		.find(|e| e.get("event") == Some(&Node::Text(wanted.clone())))
		.and_then(|e| e.get("fields"))
}

/// A motion of a body: the hash of its call and its index.
struct Motion {
	body: Body,
	hash: H256,
	index: u32,
}

impl Motion {
	/// The motion a finalized `propose` opened, from its `Proposed` event.
	fn proposed(body: Body, receipt: &Node) -> Result<Self, CliError> {
		let fields = event(receipt, body, "Proposed").ok_or_else(|| {
			CliError::Other(format!(
				"{}.propose opened no motion (no Proposed event)",
				body.pallet()
			))
		})?;
		let hash = match fields.get("proposal_hash") {
			Some(Node::Text(hex)) => parse_hash(hex).map_err(CliError::Other)?,
			_ => return Err(CliError::Other("the Proposed event has no proposal_hash".into())),
		};
		let index = match fields.get("proposal_index") {
			Some(Node::Uint(n)) => u32::try_from(*n).ok(),
			_ => None,
		}
		.ok_or_else(|| CliError::Other("the Proposed event has no u32 proposal_index".into()))?;
		Ok(Self { body, hash, index })
	}

	/// A member's vote on the motion.
	fn vote(&self, approve: bool) -> RuntimeCall {
		self.body
			.call(Collective::vote { proposal: self.hash, index: self.index, approve })
	}

	/// The command that votes aye on the motion.
	fn vote_command(&self) -> String {
		format!(
			"compliance gov vote {} --index {} --aye{}",
			to_hex(self.hash),
			self.index,
			self.body.option()
		)
	}

	/// The command that closes the motion.
	fn close_command(&self) -> String {
		format!(
			"compliance gov close {} --index {}{}",
			to_hex(self.hash),
			self.index,
			self.body.option()
		)
	}

	/// What to say when a step after `propose` fails: the motion is there all the same.
	fn still_open(&self) -> String {
		format!(
			"motion {} #{} of {} is open: vote with `{}`, list it with `compliance gov motions{}`",
			to_hex(self.hash),
			self.index,
			self.body.pallet(),
			self.vote_command(),
			self.body.option()
		)
	}
}

/// A motion's votes, as the body's `Voting` holds them, and the body's size now.
struct Tally {
	votes: Votes<AccountId32, u32>,
	/// The body's members now (closing counts them, not those at the proposal).
	members: u32,
}

impl Tally {
	/// The votes on the motion `motion` of `body`, or nothing once it is closed.
	async fn read(at: &At, body: Body, motion: H256) -> Result<Option<Self>, CliError> {
		let Some(votes) = body.votes(at, motion).await? else {
			return Ok(None);
		};
		let members = u32::try_from(body.members(at).await?.len()).unwrap_or(u32::MAX);
		Ok(Some(Self { votes, members }))
	}

	fn ayes(&self) -> u32 {
		u32::try_from(self.votes.ayes.len()).unwrap_or(u32::MAX)
	}

	fn nays(&self) -> u32 {
		u32::try_from(self.votes.nays.len()).unwrap_or(u32::MAX)
	}

	/// Whether the ayes reach the threshold: `close` executes the motion at once.
	fn carried(&self) -> bool {
		self.ayes() >= self.votes.threshold
	}

	/// Why `close` would end the motion in a block after `finalized`, or nothing while it
	/// cannot (the collective's `close`: ayes that reach the threshold execute it, nays that
	/// leave too few members to reach it drop it, and after the end block the members who did
	/// not vote count as nays).
	fn closable(&self, finalized: u64) -> Option<String> {
		let threshold = self.votes.threshold;
		if self.carried() {
			return Some(format!(
				"{} ayes reach the threshold of {threshold}: it executes",
				self.ayes()
			));
		}
		if self.members.saturating_sub(self.nays()) < threshold {
			return Some(format!(
				"{} nays leave too few members to pass it: it is dropped",
				self.nays()
			));
		}
		// The close lands in a block after the finalized one at the earliest.
		if finalized + 1 >= u64::from(self.votes.end) {
			return Some(
				"its voting period has ended: it is dropped, absent members count as nays".into(),
			);
		}
		None
	}
}

/// Where `motion` stands now: its call, votes, threshold, end, whether it can be closed, and
/// what is left to do.
async fn standing(at: &At, motion: &Motion) -> Result<Node, CliError> {
	let mut entries = vec![("body".to_string(), Node::text(motion.body.pallet()))];
	match describe(at, motion.body, motion.hash).await? {
		Some(Node::Map(fields)) => entries.extend(fields),
		_ => {
			entries.extend([
				("motion".to_string(), Node::text(to_hex(motion.hash))),
				("index".to_string(), Node::Uint(motion.index.into())),
				("outcome".to_string(), Node::text("closed")),
			]);
			return Ok(Node::Map(entries));
		},
	}
	let closable =
		matches!(entries.iter().find(|(k, _)| k == "closable"), Some((_, Node::Bool(true))));
	let next = if closable {
		format!("close it: {}", motion.close_command())
	} else {
		format!(
			"more members vote (`{}`), then anyone closes it (`{}`)",
			motion.vote_command(),
			motion.close_command()
		)
	};
	entries.push(("outcome".into(), Node::text("open")));
	entries.push(("next".into(), Node::text(next)));
	Ok(Node::Map(entries))
}

/// An open motion of `body` as `gov motions` lists it, or nothing once it is closed.
async fn describe(at: &At, body: Body, motion: H256) -> Result<Option<Node>, CliError> {
	let (Some((bytes, _)), Some(tally)) =
		(body.proposal(at, motion).await?, Tally::read(at, body, motion).await?)
	else {
		return Ok(None);
	};
	let (call, args) = decode_call(at, &bytes)?;
	let closable = tally.closable(at.block_number());
	let accounts =
		|list: &[AccountId32]| Node::List(list.iter().map(|a| Node::text(a.to_string())).collect());
	Ok(Some(Node::map([
		("motion", Node::text(to_hex(motion))),
		("index", Node::Uint(tally.votes.index.into())),
		("call", Node::text(call)),
		("args", args),
		("ayes", accounts(&tally.votes.ayes)),
		("nays", accounts(&tally.votes.nays)),
		("threshold", Node::Uint(tally.votes.threshold.into())),
		("members", Node::Uint(tally.members.into())),
		("end", Node::Uint(tally.votes.end.into())),
		("closable", Node::Bool(closable.is_some())),
		("because", closable.map_or(Node::Null, Node::Text)),
	])))
}

/// A `RuntimeCall`'s name (`Pallet.call`) and arguments, decoded from its SCALE bytes with the
/// metadata, for printing.
fn decode_call(at: &At, bytes: &[u8]) -> Result<(String, Node), CliError> {
	let metadata = at.metadata_ref();
	let call_type = metadata.outer_enums().call_enum_ty();
	let value = scale_value::scale::decode_as_type(&mut &bytes[..], call_type, metadata.types())
		.map_err(|e| CliError::Other(format!("cannot decode a motion's call: {e}")))?;
	// `RuntimeCall::Pallet(Call::call { args })` decodes as `{Pallet: {call: {args}}}`, and a
	// call without arguments as `{Pallet: call}`.
	let Node::Map(mut outer) = node(&value, metadata.types()) else {
		return Err(CliError::Other("a motion's call is not a RuntimeCall".into()));
	};
	Ok(match outer.pop() {
		Some((pallet, Node::Text(name))) => (format!("{pallet}.{name}"), Node::Map(vec![])),
		Some((pallet, Node::Map(mut call))) if call.len() == 1 => match call.pop() {
			Some((name, args)) => (format!("{pallet}.{name}"), args),
			None => (pallet, Node::Null),
		},
		Some((pallet, other)) => (pallet, other),
		None => return Err(CliError::Other("a motion's call is empty".into())),
	})
}

/// `close` of `motion`, with the bounds its call needs: the call's weight as the runtime
/// computes it (`TransactionPaymentCallApi.query_call_info`, whose weight is the call's
/// dispatch weight, the one `close` compares) and its encoded length (what `close` reads
/// from storage). Exact bounds keep the `close` transaction's own weight, which adds the
/// weight bound, as light as the call allows.
async fn close_call(at: &At, motion: &Motion) -> Result<RuntimeCall, CliError> {
	let (bytes, call) = motion.body.proposal(at, motion.hash).await?.ok_or_else(|| {
		CliError::NotFound(format!(
			"{} has no open motion {}",
			motion.body.pallet(),
			to_hex(motion.hash)
		))
	})?;
	let length_bound = u32::try_from(bytes.len())
		.map_err(|_| CliError::Other("the motion's call is too large".into()))?;
	let info = at
		.runtime_apis()
		.call(
			api::runtime_apis()
				.transaction_payment_call_api()
				.query_call_info(call, length_bound),
		)
		.await
		.map_err(|e| CliError::Other(format!("cannot weigh the motion's call: {e}")))?;
	Ok(motion.body.call(Collective::close {
		proposal_hash: motion.hash,
		index: motion.index,
		proposal_weight_bound: info.weight,
		length_bound,
	}))
}

/// `gov motions`: every open motion of `body`.
async fn motions(at: &At, body: Body) -> Result<Output, CliError> {
	let mut listed = Vec::new();
	for motion in body.proposals(at).await? {
		if let Some(entry) = describe(at, body, motion).await? {
			listed.push(entry);
		}
	}
	let members = u32::try_from(body.members(at).await?.len()).unwrap_or(u32::MAX);
	Ok(Output::Read(Node::map([
		("body", Node::text(body.pallet())),
		("members", Node::Uint(members.into())),
		// What `gov propose` would ask of a new motion now.
		("passing_threshold", Node::Uint(passing_threshold(members).into())),
		("motions", Node::List(listed)),
		("at_block", Node::Uint(at.block_number().into())),
	])))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_threshold_is_two_thirds_rounded_up() {
		assert_eq!(passing_threshold(1), 1);
		assert_eq!(passing_threshold(2), 2);
		assert_eq!(passing_threshold(3), 2);
		assert_eq!(passing_threshold(4), 3);
		assert_eq!(passing_threshold(6), 4);
		assert_eq!(passing_threshold(7), 5);
		for members in 1..=16u32 {
			let threshold = passing_threshold(members);
			// The runtime's origin accepts it, and one aye fewer would not do.
			assert!(threshold * 3 >= members * 2, "{members}");
			assert!((threshold - 1) * 3 < members * 2, "{members}");
		}
	}

	#[test]
	fn sets_go_to_the_body_that_keeps_them() {
		assert_eq!(MemberSet::Assessors.body(), Body::Regulators);
		assert_eq!(MemberSet::Regulators.body(), Body::Regulators);
		assert_eq!(MemberSet::FilingOperators.body(), Body::Consortium);
	}
}
