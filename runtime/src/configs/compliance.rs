//! Configuration of the compliance pallets: real-name identity, moderation, filing, and the
//! account sets behind the operator, assessor and regulator origins.
//!
//! Origins (see README, "Who can do what"; defined in [`super::governance`]):
//! - admin: a consortium motion passed by two thirds of its members: registrars, moderators, filing
//!   operators, nodes, upgrade authorization, response time, purging records;
//! - filing operator: a member of `FilingOperators`, or the consortium: filing record, rules;
//! - assessor: a member of `Assessors` only (never the consortium): security assessments;
//! - regulator: one member of `Regulators`: service suspension and resumption;
//! - moderator: one member of `Moderators` (changed by consortium motion): content, measures,
//!   reports, appeals; a measure on a role holder takes a motion of the body overseeing it.

use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains, EitherOfDiverse},
};
use frame_system::EnsureSignedBy;
use sp_runtime::traits::StaticLookup;

use compliance_primitives::{InspectCall, RestrictionScope};

use super::{
	super::{
		AccountId, Assessors, BlockNumber, Filing, FilingOperators, RealName, Runtime, RuntimeCall,
		DAYS, HOURS, RECORD_RETENTION_PERIOD,
	},
	governance::{
		AccountableCalls, BodyMotion, ConsortiumMotion, OneModerator, OneRegulator, OverseeingBody,
		RoleHolders,
	},
};

/// The chain operator's admin origin: a consortium motion.
pub type AdminOrigin = ConsortiumMotion;

/// Filing operators, or the consortium.
pub type FilingOperatorOrigin =
	EitherOfDiverse<AdminOrigin, EnsureSignedBy<FilingOperators, AccountId>>;

/// What the real-name check needs to know about our calls.
pub struct ComplianceCallInspector;

impl InspectCall<RuntimeCall, AccountId> for ComplianceCallInspector {
	fn scope(call: &RuntimeCall) -> Option<RestrictionScope> {
		match call {
			RuntimeCall::Moderation(pallet_moderation::Call::publish { .. }) =>
				Some(RestrictionScope::Publishing),
			RuntimeCall::Moderation(pallet_moderation::Call::report { .. }) =>
				Some(RestrictionScope::Reporting),
			RuntimeCall::Balances(_) => Some(RestrictionScope::Transfers),
			_ => None,
		}
	}

	fn value_destination(call: &RuntimeCall) -> Option<AccountId> {
		let dest = match call {
			RuntimeCall::Balances(
				pallet_balances::Call::transfer_allow_death { dest, .. } |
				pallet_balances::Call::transfer_keep_alive { dest, .. } |
				pallet_balances::Call::transfer_all { dest, .. },
			) => dest,
			_ => return None,
		};
		// An address that does not resolve fails at dispatch anyway.
		<Runtime as frame_system::Config>::Lookup::lookup(dest.clone()).ok()
	}
}

/// Whether `call` appeals a moderation case.
fn is_appeal(call: &RuntimeCall) -> bool {
	matches!(call, RuntimeCall::Moderation(pallet_moderation::Call::appeal { .. }))
}

/// Whether `call` acknowledges the platform convention.
fn is_acknowledgement(call: &RuntimeCall) -> bool {
	matches!(call, RuntimeCall::RealName(pallet_real_name::Call::acknowledge { .. }))
}

/// The appeal (R3, R10) and the acknowledgement of new rules (R4): calls no measure and no new
/// convention may take away. Exempt from the standing check (a suspended, restricted or closed
/// account may still make them) and from the convention check (the acknowledgement itself, and
/// an appeal, so that a user under a measure never loses the right to appeal because new rules
/// were published).
pub struct AppealAndAcknowledgement;
impl Contains<RuntimeCall> for AppealAndAcknowledgement {
	fn contains(call: &RuntimeCall) -> bool {
		is_appeal(call) || is_acknowledgement(call)
	}
}

/// Calls a suspended, restricted or closed account may still make.
pub type StandingExemptCalls = AppealAndAcknowledgement;

/// Calls an account may make before acknowledging the current platform convention.
pub type ConventionExemptCalls = AppealAndAcknowledgement;

/// Calls no signed transaction may make, refused by the real-name check so that they never
/// enter the pool or a block:
/// - free-text remarks. Text on chain is publishing (R2), which goes through `Moderation.publish`
///   by hash, where a moderator can hide it; a remark's text would sit in a block body for every
///   node to keep, beyond any moderator's reach;
/// - node authorization's own-node calls (`claim_node`, `remove_claim`, `transfer_node`,
///   `add_connections`, `remove_connections`), which take any signed origin: with them any verified
///   user could claim a validator's published peer id before the operator adds it, and attach peers
///   that outlive the operator's decision. Which nodes take part in the network is the operator's
///   call alone (`add_well_known_node` and its siblings, R11);
/// - `Session::purge_keys`, which would let a validator drop out of the authorities unasked (the
///   last one's keys gone, no block could be authored again); `ValidatorSet::purge_keys` does it
///   once the account is no longer a validator;
/// - a motion proposing any of these.
pub struct ForbiddenCalls;
impl Contains<RuntimeCall> for ForbiddenCalls {
	fn contains(call: &RuntimeCall) -> bool {
		use pallet_collective::Call as Motion;
		use pallet_node_authorization::Call as Nodes;
		// A motion carries its call's bytes into the block body when proposed: a remark inside a
		// proposal would put free text on chain just as a remark does.
		if let RuntimeCall::Consortium(Motion::propose { proposal, .. }) |
		RuntimeCall::RegulatorsCollective(Motion::propose { proposal, .. }) = call
		{
			return Self::contains(proposal);
		}
		matches!(
			call,
			RuntimeCall::System(
				frame_system::Call::remark { .. } | frame_system::Call::remark_with_event { .. }
			) | RuntimeCall::NodeAuthorization(
				Nodes::claim_node { .. } |
					Nodes::remove_claim { .. } |
					Nodes::transfer_node { .. } |
					Nodes::add_connections { .. } |
					Nodes::remove_connections { .. }
			) | RuntimeCall::Session(pallet_session::Call::purge_keys { .. })
		)
	}
}

/// Calls that still go through while the regulator has suspended the service (R7): governance
/// (motions of both bodies, applying an authorized upgrade), the regulator's, the operator's and
/// the assessor's, registrars' and moderators' (who rectify the service). Users' own calls
/// (transfers, publishing, reports, appeals, acknowledgements) wait.
pub struct ServiceSuspensionExemptCalls;
impl Contains<RuntimeCall> for ServiceSuspensionExemptCalls {
	fn contains(call: &RuntimeCall) -> bool {
		use pallet_moderation::Call as M;
		match call {
			RuntimeCall::Consortium(_) | RuntimeCall::RegulatorsCollective(_) => true,
			RuntimeCall::System(frame_system::Call::apply_authorized_upgrade { .. }) => true,
			// The registrars' and the operator's calls, not the users' acknowledgement.
			RuntimeCall::RealName(_) => !is_acknowledgement(call),
			RuntimeCall::Filing(_) => true,
			RuntimeCall::Moderation(call) =>
				!matches!(call, M::publish { .. } | M::report { .. } | M::appeal { .. }),
			_ => false,
		}
	}
}

parameter_types! {
	/// Registrars at most.
	pub const MaxRegistrars: u32 = 32;
}

impl pallet_real_name::Config for Runtime {
	type AdminOrigin = AdminOrigin;
	type Inspector = ComplianceCallInspector;
	type SummaryStore = super::account_data::ComplianceSummaryStore;
	type StandingExemptCalls = StandingExemptCalls;
	type ConventionExemptCalls = ConventionExemptCalls;
	type ServiceSuspensionExemptCalls = ServiceSuspensionExemptCalls;
	type ForbiddenCalls = ForbiddenCalls;
	type AccountableCalls = AccountableCalls;
	type Facts = Filing;
	type MaxRegistrars = MaxRegistrars;
	type MaxNameLength = ConstU32<64>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::Helper;
	type WeightInfo = pallet_real_name::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// A complaint must be answered within 24 hours (R10).
	pub const ResponseDeadline: BlockNumber = 24 * HOURS;
	/// Moderation records are kept at least six months (R8).
	pub const RetentionPeriod: BlockNumber = RECORD_RETENTION_PERIOD;
	/// Blocks per day at the target block time.
	pub const BlocksPerDay: BlockNumber = DAYS;
}

impl pallet_moderation::Config for Runtime {
	type Standing = RealName;
	type AdminOrigin = AdminOrigin;
	type ModeratorOrigin = OneModerator;
	type BodyOrigin = BodyMotion;
	type OverseeingBody = OverseeingBody;
	type RoleHolders = RoleHolders;
	type MaxUriLen = ConstU32<256>;
	type MaxBatch = ConstU32<64>;
	type MaxOpenReportsPerAccount = ConstU32<16>;
	type MaxReportsPerBlock = ConstU32<256>;
	type ResponseDeadline = ResponseDeadline;
	type RetentionPeriod = RetentionPeriod;
	type BlocksPerDay = BlocksPerDay;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::Helper;
	type WeightInfo = pallet_moderation::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Filing is due within ten working days of service start: fourteen calendar days (R5).
	pub const FilingDeadline: BlockNumber = 14 * DAYS;
	/// The filing is reviewed once a year.
	pub const ReviewPeriod: BlockNumber = 365 * DAYS;
}

impl pallet_filing::Config for Runtime {
	type FilingOrigin = FilingOperatorOrigin;
	type RulesOrigin = FilingOperatorOrigin;
	type AssessorOrigin = EnsureSignedBy<Assessors, AccountId>;
	type RegulatorOrigin = OneRegulator;
	type UpgradeOrigin = AdminOrigin;
	type OnComplianceChange = RealName;
	type FilingDeadline = FilingDeadline;
	type ReviewPeriod = ReviewPeriod;
	type MaxFilingNumberLen = ConstU32<64>;
	type MaxNameLen = ConstU32<128>;
	type MaxUrls = ConstU32<8>;
	type MaxUrlLen = ConstU32<256>;
	type MaxHistory = ConstU32<32>;
	type MaxUriLen = ConstU32<256>;
	type MaxRulesHistory = ConstU32<32>;
	type WeightInfo = pallet_filing::weights::SubstrateWeight<Runtime>;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helpers {
	use super::*;
	use compliance_primitives::IdentityCommitment;
	use frame_support::traits::EnsureOrigin;
	use pallet_real_name::{RegistrarStatus, VerificationLevel};

	/// Sets up the state the compliance pallets' benchmarks need, through the calls a registrar
	/// and a user make, so that every record, summary and provider reference is what the chain
	/// itself would write (`try_state` holds on benchmark state).
	pub struct Helper;

	/// The account of the registrar the benchmarks add when none can verify `who`.
	fn benchmark_registrar() -> AccountId {
		AccountId::new([0xbe; 32])
	}

	/// An active registrar's account other than `who`, added through the admin origin's
	/// successful origin when there is none.
	fn registrar_for(who: &AccountId) -> AccountId {
		let state = pallet_real_name::ComplianceState::<Runtime>::get();
		let existing = state
			.registrars
			.iter()
			.filter(|(_, status)| *status == RegistrarStatus::Active)
			.filter_map(|(id, _)| pallet_real_name::Registrars::<Runtime>::get(id))
			.map(|info| info.account)
			.find(|account| account != who);
		existing.unwrap_or_else(|| {
			let account = benchmark_registrar();
			let admin = AdminOrigin::try_successful_origin()
				.expect("the admin origin has a successful origin for benchmarks");
			let lookup = <Runtime as frame_system::Config>::Lookup::unlookup(account.clone());
			RealName::add_registrar(admin, lookup, b"benchmark".to_vec())
				.expect("the benchmark registrar is added");
			account
		})
	}

	/// Gives `who` a valid verification by an active registrar and acknowledges the current
	/// convention for it, through the registrar's `verify` and the user's `acknowledge`.
	fn verify(who: &AccountId) {
		if !<RealName as compliance_primitives::AccountStanding<_, _>>::is_verified(who) {
			let registrar = registrar_for(who);
			RealName::verify(
				frame_system::RawOrigin::Signed(registrar).into(),
				<Runtime as frame_system::Config>::Lookup::unlookup(who.clone()),
				IdentityCommitment::repeat_byte(1),
				VerificationLevel::Basic,
				BlockNumber::MAX,
			)
			.expect("an active registrar verifies an unverified account");
		}
		let current = pallet_real_name::ComplianceState::<Runtime>::get().current_convention;
		if current > 0 {
			RealName::acknowledge(frame_system::RawOrigin::Signed(who.clone()).into(), current)
				.expect("a verified account acknowledges the current convention");
		}
	}

	impl pallet_real_name::BenchmarkHelper<Runtime> for Helper {
		fn value_transfer_call(dest: AccountId) -> RuntimeCall {
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: dest.into(),
				value: crate::EXISTENTIAL_DEPOSIT,
			})
		}
	}

	impl pallet_moderation::BenchmarkHelper<AccountId> for Helper {
		fn make_verified(who: &AccountId) {
			verify(who)
		}

		fn make_moderator(who: &AccountId) {
			use frame_support::traits::SortedMembers;
			if !<crate::Moderators as SortedMembers<AccountId>>::contains(who) {
				<crate::Moderators as SortedMembers<AccountId>>::add(who);
			}
		}
	}
}
