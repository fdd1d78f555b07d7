//! A mock runtime for the filing pallet's tests and benchmarks.

use crate as pallet_filing;
use crate::{GenesisFiling, GenesisRules, ServiceType};
use compliance_primitives::{ConventionVersion, OnComplianceChange, H256};
use core::cell::RefCell;
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU32, ConstU64, Hooks},
};
use frame_system::EnsureSignedBy;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Filing: pallet_filing,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type OnSetCode = pallet_filing::AssessedCodeGate<Test>;
}

/// The operator (`FilingOrigin`).
pub const OPERATOR: u64 = 1;
/// The rules publisher (`RulesOrigin`).
pub const PUBLISHER: u64 = 2;
/// The assessor (`AssessorOrigin`).
pub const ASSESSOR: u64 = 3;
/// The regulator (`RegulatorOrigin`).
pub const REGULATOR: u64 = 4;
/// A verified user.
pub const ALICE: u64 = 10;

/// Blocks from service start to the filing deadline in the mock.
pub const FILING_DEADLINE: u64 = 10;
/// Blocks between reviews in the mock.
pub const REVIEW_PERIOD: u64 = 100;

ord_parameter_types! {
	pub const Operator: u64 = OPERATOR;
	pub const Publisher: u64 = PUBLISHER;
	pub const Assessor: u64 = ASSESSOR;
	pub const Regulator: u64 = REGULATOR;
}

parameter_types! {
	pub const MaxHistory: u32 = 3;
	pub const MaxRulesHistory: u32 = 2;
}

/// A call the pallet made to `OnComplianceChange`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ComplianceCall {
	/// `convention_published(version)`.
	ConventionPublished(ConventionVersion),
	/// `service_suspended(suspended)`.
	ServiceSuspended(bool),
}

thread_local! {
	static COMPLIANCE_CALLS: RefCell<Vec<ComplianceCall>> = const { RefCell::new(Vec::new()) };
}

/// Records the pallet's `OnComplianceChange` calls.
pub struct FakeComplianceState;

impl OnComplianceChange for FakeComplianceState {
	fn convention_published(version: ConventionVersion) {
		COMPLIANCE_CALLS
			.with(|c| c.borrow_mut().push(ComplianceCall::ConventionPublished(version)));
	}
	fn service_suspended(suspended: bool) {
		COMPLIANCE_CALLS.with(|c| c.borrow_mut().push(ComplianceCall::ServiceSuspended(suspended)));
	}
	fn weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::from_parts(1_000, 0)
	}
}

/// The `OnComplianceChange` calls made so far in this test.
pub fn compliance_calls() -> Vec<ComplianceCall> {
	COMPLIANCE_CALLS.with(|c| c.borrow().clone())
}

impl pallet_filing::Config for Test {
	type FilingOrigin = EnsureSignedBy<Operator, u64>;
	type RulesOrigin = EnsureSignedBy<Publisher, u64>;
	type AssessorOrigin = EnsureSignedBy<Assessor, u64>;
	type RegulatorOrigin = EnsureSignedBy<Regulator, u64>;
	type UpgradeOrigin = EnsureSignedBy<Operator, u64>;
	type OnComplianceChange = FakeComplianceState;
	type FilingDeadline = ConstU64<FILING_DEADLINE>;
	type ReviewPeriod = ConstU64<REVIEW_PERIOD>;
	type MaxFilingNumberLen = ConstU32<64>;
	type MaxNameLen = ConstU32<32>;
	type MaxUrls = ConstU32<2>;
	type MaxUrlLen = ConstU32<32>;
	type MaxHistory = MaxHistory;
	type MaxUriLen = ConstU32<32>;
	type MaxRulesHistory = MaxRulesHistory;
	type WeightInfo = ();
}

/// The filing number used in tests.
pub const NUMBER: &str = "京网信备11010819339401号";

/// A valid genesis filing.
pub fn genesis_filing() -> GenesisFiling {
	GenesisFiling {
		number: NUMBER.as_bytes().to_vec(),
		service_name: b"Compliance Chain".to_vec(),
		provider: b"Example Ltd".to_vec(),
		service_type: ServiceType::Platform,
		urls: vec![b"https://example.cn".to_vec()],
	}
}

/// A valid genesis rules document.
pub fn genesis_rules(version: ConventionVersion) -> GenesisRules {
	GenesisRules { version, doc_hash: H256::repeat_byte(7), uri: b"https://example.cn/c".to_vec() }
}

/// Builds test externalities with an optional genesis state.
#[derive(Default)]
pub struct ExtBuilder {
	service_start: Option<u64>,
	filing: Option<GenesisFiling>,
	platform_convention: Option<GenesisRules>,
	management_rules: Option<GenesisRules>,
}

impl ExtBuilder {
	/// Records the service start at genesis.
	pub fn service_start(mut self, at: u64) -> Self {
		self.service_start = Some(at);
		self
	}

	/// Registers [`genesis_filing`] at genesis.
	pub fn filed(mut self) -> Self {
		self.filing = Some(genesis_filing());
		self
	}

	/// Replaces the number of the genesis filing (to test invalid genesis).
	pub fn set_filing_number(&mut self, number: Vec<u8>) {
		if let Some(filing) = &mut self.filing {
			filing.number = number;
		}
	}

	/// Publishes a platform convention at genesis.
	pub fn convention(mut self, version: ConventionVersion) -> Self {
		self.platform_convention = Some(genesis_rules(version));
		self
	}

	/// Publishes management rules at genesis.
	pub fn management_rules(mut self, version: ConventionVersion) -> Self {
		self.management_rules = Some(genesis_rules(version));
		self
	}

	/// The externalities, at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		COMPLIANCE_CALLS.with(|c| c.borrow_mut().clear());
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			filing: pallet_filing::GenesisConfig {
				service_start: self.service_start,
				filing: self.filing,
				platform_convention: self.platform_convention,
				management_rules: self.management_rules,
			},
		}
		.build_storage()
		.expect("the mock genesis is valid");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Filing::do_try_state().expect("invariants hold after the test");
		});
	}
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

/// Runs the pallet's `on_initialize` for each block up to and including `n`.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Filing::on_initialize(next);
	}
}
