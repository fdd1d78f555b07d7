//! Governance: the operator's consortium and the regulators decide by motion; no single key
//! can switch a guarantee off, and none of them can lock governance out.
//!
//! - **Consortium** (`Consortium`, a collective of `ConsortiumMembership`): at least two thirds of
//!   its members pass every admin action (registrars, moderators, filing operators, nodes, upgrade
//!   authorization, response time, purging records), and change its own membership.
//! - **Regulators** (`RegulatorsCollective`, a collective of `Regulators`): at least two thirds of
//!   them change their own membership and accredit assessors; the consortium cannot. One regulator
//!   alone suspends and resumes the service (R7).
//! - **No `Root`.** No origin ever becomes `Root`, so the calls only `Root` may make (raw storage
//!   writes, `set_code`, `Balances::force_*`) are unreachable, and [`CallFilter`] also refuses them
//!   outright (frame-support lets `Root` past the filter, so the filter is a second wall, not the
//!   first). A runtime upgrade is authorized by the consortium through `Filing::authorize_upgrade`,
//!   approved by an assessor and applied by anyone.
//! - **Absent members never count as ayes** ([`AbsentMembersVoteNay`]) and no body has a prime
//!   member, so a motion passes only on the ayes actually cast.
//! - **Nobody locks governance out.** Members' governance calls and the regulators' suspension and
//!   resumption pass the real-name check while the signer holds the role ([`AccountableCalls`]),
//!   and a single moderator cannot take a measure against a role holder ([`RoleHolders`]).

use frame_support::{
	parameter_types,
	traits::{Contains, ContainsPair, EitherOf, MapSuccess},
	weights::Weight,
};
use frame_system::{EnsureNever, EnsureSignedBy};
use pallet_collective::{EnsureProportionAtLeast, MemberCount};
use pallet_moderation::Body;
use sp_runtime::{
	traits::{Convert, Replace},
	Perbill,
};

use super::{
	super::{
		AccountId, Assessors, BlockNumber, Consortium, ConsortiumMembership, FilingOperators,
		Moderators, Regulators, RegulatorsCollective, Runtime, RuntimeCall, RuntimeEvent,
		RuntimeOrigin, ValidatorSet, DAYS,
	},
	RuntimeBlockWeights,
};

/// The collective instance of the operator's consortium.
pub type ConsortiumInstance = pallet_collective::Instance1;
/// The collective instance of the regulators.
pub type RegulatorsInstance = pallet_collective::Instance2;
/// The membership instance of the operator's consortium.
pub type ConsortiumMembershipInstance = pallet_membership::Instance4;
/// The membership instance of the filing operators.
pub type FilingOperatorsInstance = pallet_membership::Instance1;
/// The membership instance of the security assessors.
pub type AssessorsInstance = pallet_membership::Instance2;
/// The membership instance of the regulators.
pub type RegulatorsMembershipInstance = pallet_membership::Instance3;
/// The membership instance of the moderators.
pub type ModeratorsInstance = pallet_membership::Instance5;

/// A motion of the operator's consortium passed by at least two thirds of its members: the
/// chain's admin origin.
pub type ConsortiumMotion = EnsureProportionAtLeast<AccountId, ConsortiumInstance, 2, 3>;

/// A motion of the regulators passed by at least two thirds of them.
pub type RegulatorsMotion = EnsureProportionAtLeast<AccountId, RegulatorsInstance, 2, 3>;

/// One regulator, signing for itself: suspends and resumes the service.
pub type OneRegulator = EnsureSignedBy<Regulators, AccountId>;

/// One moderator, signing for itself: moderates content, takes measures, resolves reports and
/// decides appeals (`pallet_moderation::Config::ModeratorOrigin`).
pub type OneModerator = EnsureSignedBy<Moderators, AccountId>;

/// A motion of either body, yielding which body passed it: takes and lifts disposal measures on
/// the accounts that body oversees, role holders included, and decides the appeals of its own
/// measures (`pallet_moderation::Config::BodyOrigin`).
pub type BodyMotion = EitherOf<
	MapSuccess<ConsortiumMotion, Replace<ConsortiumBody>>,
	MapSuccess<RegulatorsMotion, Replace<RegulatorsBody>>,
>;

/// The body that oversees an account (`pallet_moderation::Config::OverseeingBody`): the body
/// that gives its role. The regulators oversee the regulators and the assessors they accredit,
/// so the operator cannot sanction its own overseers; the consortium oversees everyone else.
pub struct OverseeingBody;
impl Convert<AccountId, Body> for OverseeingBody {
	fn convert(who: AccountId) -> Body {
		if <Regulators as Contains<AccountId>>::contains(&who) ||
			<Assessors as Contains<AccountId>>::contains(&who)
		{
			Body::Regulators
		} else {
			Body::Consortium
		}
	}
}

parameter_types! {
	/// How long a motion stays open for votes: three days.
	pub const MotionDuration: BlockNumber = 3 * DAYS;
	/// Open motions per body at most.
	pub const MaxMotions: u32 = 32;
	/// Members per body at most (consortium, regulators, and the role sets but the moderators).
	pub const MaxBodyMembers: u32 = 16;
	/// Moderators at most.
	pub const MaxModerators: u32 = 64;
	/// The consortium, as the body behind a consortium motion.
	pub const ConsortiumBody: Body = Body::Consortium;
	/// The regulators, as the body behind a regulators' motion.
	pub const RegulatorsBody: Body = Body::Regulators;
	/// The heaviest call a motion may carry: half a block.
	pub MaxMotionWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

/// Counts every member who did not vote as a nay: a motion passes only on the ayes actually
/// cast, never on silence or on a prime member's default.
pub struct AbsentMembersVoteNay;
impl pallet_collective::DefaultVote for AbsentMembersVoteNay {
	fn default_vote(
		_prime_vote: Option<bool>,
		_yes_votes: MemberCount,
		_no_votes: MemberCount,
		_len: MemberCount,
	) -> bool {
		false
	}
}

/// A governance body: a collective whose members a membership set manages, motions decided by
/// two thirds of the ayes cast, no prime, no deposit, and `disapprove`/`kill` by the body itself.
macro_rules! governance_body {
	($instance:ty, $motion:ty) => {
		impl pallet_collective::Config<$instance> for Runtime {
			type RuntimeOrigin = RuntimeOrigin;
			type Proposal = RuntimeCall;
			type RuntimeEvent = RuntimeEvent;
			type MotionDuration = MotionDuration;
			type MaxProposals = MaxMotions;
			type MaxMembers = MaxBodyMembers;
			type DefaultVote = AbsentMembersVoteNay;
			// The SDK's weights for now: motions are rare and operational; measuring them on
			// this chain is left to the next weights run.
			type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
			// Members change only through the body's membership pallet.
			type SetMembersOrigin = EnsureNever<()>;
			type MaxProposalWeight = MaxMotionWeight;
			type DisapproveOrigin = $motion;
			type KillOrigin = $motion;
			type Consideration = ();
		}
	};
}
governance_body!(ConsortiumInstance, ConsortiumMotion);
governance_body!(RegulatorsInstance, RegulatorsMotion);

/// A set of at most `$max` role holders: the members change by a motion of `$motion`;
/// `$changed` (a collective, or nothing) follows the set.
macro_rules! role_set {
	($instance:ty, $motion:ty, $changed:ty, $max:ty) => {
		impl pallet_membership::Config<$instance> for Runtime {
			type RuntimeEvent = RuntimeEvent;
			type AddOrigin = $motion;
			type RemoveOrigin = $motion;
			type SwapOrigin = $motion;
			type ResetOrigin = $motion;
			// No body has a prime member (see `AbsentMembersVoteNay`).
			type PrimeOrigin = EnsureNever<()>;
			type MembershipInitialized = $changed;
			type MembershipChanged = $changed;
			type MaxMembers = $max;
			// The SDK's weights: the benchmarks need a `MembershipChanged` that tracks a prime
			// member, which the role sets do not have; these are rare governance calls.
			type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
		}
	};
}
role_set!(ConsortiumMembershipInstance, ConsortiumMotion, Consortium, MaxBodyMembers);
role_set!(RegulatorsMembershipInstance, RegulatorsMotion, RegulatorsCollective, MaxBodyMembers);
role_set!(FilingOperatorsInstance, ConsortiumMotion, (), MaxBodyMembers);
// Assessors are accredited by the regulators, so the operator cannot approve its own upgrades.
role_set!(AssessorsInstance, RegulatorsMotion, (), MaxBodyMembers);
role_set!(ModeratorsInstance, ConsortiumMotion, (), MaxModerators);

/// How deeply the filter looks into motions that carry motions.
const MAX_CALL_DEPTH: u32 = 4;

/// The calls no origin may make: `frame_system::Config::BaseCallFilter`.
///
/// - raw state and code writes (`System::set_storage`, `kill_storage`, `kill_prefix`, `set_code`,
///   `set_code_without_checks`, `set_heap_pages`, and `authorize_upgrade*`, which
///   `Filing::authorize_upgrade` replaces) and value created or moved by force
///   (`Balances::force_*`): `Root`'s calls, unreachable anyway since no origin becomes `Root`;
/// - a member's direct `execute` (it dispatches as one member, which no origin accepts), and
///   `change_key` of a role set (a role holder cannot hand the role to another account: the body
///   decides who holds it);
/// - removing the last member of the consortium or of the regulators (the body could never meet
///   again);
/// - a motion that carries any of these: refused when proposed, not only when executed.
///
/// The pallets' calls are refused as `System::CallFiltered`.
pub struct CallFilter;
impl Contains<RuntimeCall> for CallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		!is_refused(call, MAX_CALL_DEPTH)
	}
}

/// Whether [`CallFilter`] refuses `call`, looking `depth` motions deep.
fn is_refused(call: &RuntimeCall, depth: u32) -> bool {
	use frame_system::Call as SystemCall;
	use pallet_balances::Call as BalancesCall;
	use pallet_collective::Call as Motion;
	use pallet_membership::Call as Set;
	let motion = |proposal: &RuntimeCall| depth == 0 || is_refused(proposal, depth - 1);
	match call {
		RuntimeCall::System(call) => matches!(
			call,
			SystemCall::set_heap_pages { .. } |
				SystemCall::set_code { .. } |
				SystemCall::set_code_without_checks { .. } |
				SystemCall::set_storage { .. } |
				SystemCall::kill_storage { .. } |
				SystemCall::kill_prefix { .. } |
				SystemCall::authorize_upgrade { .. } |
				SystemCall::authorize_upgrade_without_checks { .. }
		),
		RuntimeCall::Balances(call) => matches!(
			call,
			BalancesCall::force_transfer { .. } |
				BalancesCall::force_set_balance { .. } |
				BalancesCall::force_unreserve { .. } |
				BalancesCall::force_adjust_total_issuance { .. }
		),
		RuntimeCall::Consortium(Motion::propose { proposal, .. }) |
		RuntimeCall::RegulatorsCollective(Motion::propose { proposal, .. }) => motion(proposal),
		RuntimeCall::Consortium(Motion::execute { .. }) |
		RuntimeCall::RegulatorsCollective(Motion::execute { .. }) => true,
		RuntimeCall::ConsortiumMembership(call) =>
			matches!(call, Set::change_key { .. }) ||
				empties_the_body(call, ConsortiumMembership::members().len()),
		RuntimeCall::Regulators(call) =>
			matches!(call, Set::change_key { .. }) ||
				empties_the_body(call, Regulators::members().len()),
		RuntimeCall::FilingOperators(Set::change_key { .. }) |
		RuntimeCall::Assessors(Set::change_key { .. }) |
		RuntimeCall::Moderators(Set::change_key { .. }) => true,
		_ => false,
	}
}

/// Whether a membership call would leave a body of `members` members with none.
fn empties_the_body<I: 'static>(call: &pallet_membership::Call<Runtime, I>, members: usize) -> bool
where
	Runtime: pallet_membership::Config<I>,
{
	use pallet_membership::Call as Set;
	match call {
		Set::remove_member { .. } => members <= 1,
		Set::reset_members { members: new } => new.is_empty(),
		_ => false,
	}
}

/// The calls a signer makes through a role rather than through a real-name verification
/// (`pallet_real_name::Config::AccountableCalls`): they pass the real-name check whatever the
/// signer's verification, standing or acknowledged convention, and while the service is
/// suspended, as long as the signer holds the role. So a measure, a revoked or expired
/// verification, or an unacknowledged convention never keeps a body from meeting:
/// - `propose`, `vote` and `close` of the consortium by its members, and of the regulators'
///   collective by the regulators;
/// - the service's suspension and resumption by a regulator.
///
/// The membership is the accountability. The check reads the body's member list only for these
/// calls, so ordinary transactions read nothing more.
pub struct AccountableCalls;
impl ContainsPair<AccountId, RuntimeCall> for AccountableCalls {
	fn contains(who: &AccountId, call: &RuntimeCall) -> bool {
		use pallet_collective::Call as Motion;
		use pallet_filing::Call as FilingCall;
		match call {
			RuntimeCall::Consortium(
				Motion::propose { .. } | Motion::vote { .. } | Motion::close { .. },
			) => Consortium::is_member(who),
			RuntimeCall::RegulatorsCollective(
				Motion::propose { .. } | Motion::vote { .. } | Motion::close { .. },
			) => RegulatorsCollective::is_member(who),
			RuntimeCall::Filing(
				FilingCall::suspend_service { .. } | FilingCall::resume_service { .. },
			) => <Regulators as Contains<AccountId>>::contains(who),
			_ => false,
		}
	}
}

/// The accounts that hold a role on the chain: consortium members, regulators, assessors,
/// filing operators, registrars, moderators and validators. A single moderator cannot take a
/// disposal measure against them (`pallet_moderation::Config::RoleHolders`): a role holder is
/// sanctioned only after the body that gave the role takes it away by motion.
pub struct RoleHolders;
impl Contains<AccountId> for RoleHolders {
	fn contains(who: &AccountId) -> bool {
		Consortium::is_member(who) ||
			<Regulators as Contains<AccountId>>::contains(who) ||
			<Assessors as Contains<AccountId>>::contains(who) ||
			<FilingOperators as Contains<AccountId>>::contains(who) ||
			pallet_real_name::RegistrarOf::<Runtime>::contains_key(who) ||
			<Moderators as Contains<AccountId>>::contains(who) ||
			ValidatorSet::is_validator(who)
	}
}
