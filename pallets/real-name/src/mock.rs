//! A mock runtime for the tests and the benchmark tests.

use crate::{self as pallet_real_name, VerificationLevel};
use compliance_primitives::{IdentityCommitment, InspectCall, RestrictionScope};
use frame_support::{
	derive_impl,
	traits::{ConstU32, Contains, ContainsPair},
};
use frame_system::EnsureRoot;
use sp_core::H256;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		RealName: pallet_real_name,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

/// Balance transfers are the `Transfers` scope and send value to `dest`; `System::remark`
/// stands for publishing content.
pub struct MockInspector;
impl InspectCall<RuntimeCall, u64> for MockInspector {
	fn scope(call: &RuntimeCall) -> Option<RestrictionScope> {
		match call {
			RuntimeCall::Balances(
				pallet_balances::Call::transfer_allow_death { .. } |
				pallet_balances::Call::transfer_keep_alive { .. } |
				pallet_balances::Call::transfer_all { .. },
			) => Some(RestrictionScope::Transfers),
			RuntimeCall::System(frame_system::Call::remark { .. }) =>
				Some(RestrictionScope::Publishing),
			_ => None,
		}
	}

	fn value_destination(call: &RuntimeCall) -> Option<u64> {
		match call {
			RuntimeCall::Balances(
				pallet_balances::Call::transfer_allow_death { dest, .. } |
				pallet_balances::Call::transfer_keep_alive { dest, .. } |
				pallet_balances::Call::transfer_all { dest, .. },
			) => Some(*dest),
			_ => None,
		}
	}
}

/// `System::remark_with_event` stands for filing an appeal.
fn is_appeal(call: &RuntimeCall) -> bool {
	matches!(call, RuntimeCall::System(frame_system::Call::remark_with_event { .. }))
}

fn is_acknowledgement(call: &RuntimeCall) -> bool {
	matches!(call, RuntimeCall::RealName(crate::Call::acknowledge { .. }))
}

/// An appeal and the acknowledgement pass whatever the signer's standing and before the
/// current convention is acknowledged, as in the runtime.
pub struct AppealCalls;
impl Contains<RuntimeCall> for AppealCalls {
	fn contains(call: &RuntimeCall) -> bool {
		is_appeal(call) || is_acknowledgement(call)
	}
}

/// `System::set_heap_pages` stands for a free-text remark, which no signed user may send.
pub struct ForbiddenCalls;
impl Contains<RuntimeCall> for ForbiddenCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::System(frame_system::Call::set_heap_pages { .. }))
	}
}

/// `System::kill_storage` stands for a governance call (a vote, say) of a body's member, who
/// answers for it through the role: [`MEMBER`] makes it whatever its verification.
pub struct MemberCalls;
impl ContainsPair<u64, RuntimeCall> for MemberCalls {
	fn contains(who: &u64, call: &RuntimeCall) -> bool {
		*who == MEMBER &&
			matches!(call, RuntimeCall::System(frame_system::Call::kill_storage { .. }))
	}
}

/// The pallet's own operator and registrar calls pass while the service is suspended; users'
/// acknowledgements wait.
pub struct OperatorCalls;
impl Contains<RuntimeCall> for OperatorCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::RealName(_)) && !is_acknowledgement(call)
	}
}

/// The owner's copy of the current convention and the service suspension (the filing pallet's
/// in the runtime). Tests change both facts through [`publish_convention`] and
/// [`set_service_suspended`], as the owner does.
#[frame_support::storage_alias]
pub type OwnedFacts =
	StorageValue<MockFacts, (u32, bool), frame_support::pallet_prelude::ValueQuery>;

/// Reads [`OwnedFacts`].
pub struct MockFacts;
impl compliance_primitives::ComplianceFacts for MockFacts {
	fn current_convention() -> u32 {
		OwnedFacts::get().0
	}
	fn service_suspended() -> bool {
		OwnedFacts::get().1
	}
}

/// Publishes convention `version` as its owner does: stores it, then tells the pallet.
pub fn publish_convention(version: u32) {
	OwnedFacts::mutate(|facts| facts.0 = facts.0.max(version));
	<RealName as compliance_primitives::OnComplianceChange>::convention_published(version);
}

/// Suspends or resumes the service as its owner does: stores it, then tells the pallet.
pub fn set_service_suspended(suspended: bool) {
	OwnedFacts::mutate(|facts| facts.1 = suspended);
	<RealName as compliance_primitives::OnComplianceChange>::service_suspended(suspended);
}

/// Builds a balance transfer for the extension benchmark.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<Test> for MockBenchmarkHelper {
	fn value_transfer_call(dest: u64) -> RuntimeCall {
		RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death { dest, value: 1 })
	}
}

/// The mock keeps summaries in a map of their own; the runtime keeps them in `System::Account`
/// (its tests cover that wiring).
#[frame_support::storage_alias]
pub type Summaries = StorageMap<
	MockSummaries,
	frame_support::Blake2_128Concat,
	u64,
	crate::AccountSummary<u64>,
	frame_support::pallet_prelude::ValueQuery,
>;

impl pallet_real_name::Config for Test {
	type AdminOrigin = EnsureRoot<u64>;
	type SummaryStore =
		frame_support::traits::StorageMapShim<Summaries, u64, crate::AccountSummary<u64>>;
	type Inspector = MockInspector;
	type StandingExemptCalls = AppealCalls;
	type ConventionExemptCalls = AppealCalls;
	type ServiceSuspensionExemptCalls = OperatorCalls;
	type ForbiddenCalls = ForbiddenCalls;
	type AccountableCalls = MemberCalls;
	type Facts = MockFacts;
	type MaxRegistrars = ConstU32<4>;
	type MaxNameLength = ConstU32<16>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
	type WeightInfo = ();
}

/// Registrar 0's account.
pub const ALPHA: u64 = 10;
/// Registrar 1's account.
pub const BETA: u64 = 11;
/// Verified by ALPHA at genesis, acknowledged convention 1.
pub const ALICE: u64 = 1;
/// Verified by BETA at genesis, acknowledged convention 1.
pub const BOB: u64 = 2;
/// Never verified.
pub const CHARLIE: u64 = 3;
/// Verified by ALPHA at genesis, expiring at block 20.
pub const DAVE: u64 = 4;
/// A member of a governance body, never verified: its governance calls ([`MemberCalls`]) pass.
pub const MEMBER: u64 = 12;
/// When genesis verifications expire (except DAVE's).
pub const GENESIS_EXPIRY: u64 = 1_000;
/// When DAVE's verification expires.
pub const DAVE_EXPIRY: u64 = 20;

/// A test commitment.
pub fn commitment(n: u8) -> IdentityCommitment {
	H256::repeat_byte(n)
}

/// Runs a view function the way a client does: the runtime dispatches it by its id, decoding
/// the SCALE-encoded arguments, and the SCALE-encoded answer decodes as its return type.
pub fn view<V>(query: V) -> V::ReturnType
where
	V: frame_support::view_functions::ViewFunction + codec::Encode,
	V::ReturnType: codec::DecodeAll,
{
	let answer = Test::execute_view_function(V::id(), query.encode())
		.unwrap_or_else(|e| panic!("the runtime dispatches the view function: {e:?}"));
	codec::DecodeAll::decode_all(&mut &answer[..]).expect("the answer is the return type")
}

/// Builds the test externalities.
pub struct ExtBuilder {
	current_convention: u32,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { current_convention: 1 }
	}
}

impl ExtBuilder {
	/// Sets the convention version current at genesis (genesis accounts acknowledged 1).
	pub fn current_convention(mut self, version: u32) -> Self {
		self.current_convention = version;
		self
	}

	/// The externalities: registrars ALPHA (id 0) and BETA (id 1); ALICE, DAVE, ALPHA and BETA
	/// verified by ALPHA or BETA; BOB by BETA; balances for everyone; block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: [ALICE, BOB, CHARLIE, DAVE, ALPHA, BETA]
				.into_iter()
				.map(|who| (who, 1_000))
				.collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let acknowledged = self.current_convention.min(1);
		pallet_real_name::GenesisConfig::<Test> {
			registrars: vec![(ALPHA, b"alpha".to_vec()), (BETA, b"beta".to_vec())],
			verified: vec![
				(ALICE, 0, commitment(1), VerificationLevel::Basic, GENESIS_EXPIRY, acknowledged),
				(BOB, 1, commitment(2), VerificationLevel::Enhanced, GENESIS_EXPIRY, acknowledged),
				(DAVE, 0, commitment(4), VerificationLevel::Basic, DAVE_EXPIRY, acknowledged),
				(
					ALPHA,
					1,
					commitment(10),
					VerificationLevel::Enhanced,
					GENESIS_EXPIRY,
					acknowledged,
				),
				(
					BETA,
					0,
					commitment(11),
					VerificationLevel::Enhanced,
					GENESIS_EXPIRY,
					acknowledged,
				),
			],
			current_convention: self.current_convention,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		let current = self.current_convention;
		ext.execute_with(|| {
			OwnedFacts::put((current, false));
			System::set_block_number(1);
		});
		ext
	}

	/// Runs `test` in the externalities, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			RealName::do_try_state().expect("try_state invariants hold");
		})
	}
}

/// The default externalities (for the benchmark tests).
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}
