//! A mock runtime with an in-memory fake of the real-name pallet's `AccountStanding`.

use crate::{self as pallet_moderation, Body};
use compliance_primitives::{AccountStanding, Measure, MeasureLevel, Standing};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{Contains, EnsureOrigin, Hooks, SortedMembers},
};
use frame_system::{EnsureRoot, EnsureSignedBy, RawOrigin};
use sp_runtime::{traits::Convert, BuildStorage, DispatchError, DispatchResult};
use std::collections::{BTreeMap, BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;

/// The test account ids.
pub type AccountId = u64;
/// The test block number.
pub type BlockNumber = u64;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// A moderator from genesis.
pub const MOD1: AccountId = 10;
/// A second moderator from genesis.
pub const MOD2: AccountId = 11;
/// Never verified.
pub const STRANGER: AccountId = 99;
/// Signing as this account stands for a motion of the regulators in the mock (which has no
/// collective); `Root` stands for a motion of the consortium.
pub const REGULATORS_MOTION: AccountId = 900;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Moderation: pallet_moderation,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	// Not zero, so that tests can check the weight a migration counts.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
}

parameter_types! {
	pub const MaxUriLen: u32 = 16;
	pub const MaxBatch: u32 = 4;
	pub const MaxOpenReportsPerAccount: u32 = 2;
	pub const MaxReportsPerBlock: u32 = 3;
	pub const ResponseDeadline: BlockNumber = 10;
	pub const BlocksPerDay: BlockNumber = 10;
}

parameter_types! {
	/// In storage, so that a test can lower it below the floor.
	pub storage RetentionPeriod: BlockNumber = 1830;
}

/// One change the fake standing made, so tests can assert what was applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
	Applied(AccountId, Measure<BlockNumber>),
	Undone(AccountId, Measure<BlockNumber>),
	Lifted(AccountId),
}

/// The error of the fake standing when a measure at least as harsh is in force.
pub const AS_HARSH: DispatchError = DispatchError::Other("AsHarshMeasureInForce");

thread_local! {
	static VERIFIED: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static STANDINGS: RefCell<BTreeMap<AccountId, Standing<BlockNumber>>> =
		const { RefCell::new(BTreeMap::new()) };
	static CHANGES: RefCell<Vec<Change>> = const { RefCell::new(Vec::new()) };
	static GRANTED_ROLES: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static MODERATORS: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static REGULATORS: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
}

/// The moderator set of the mock, as the runtime's membership set would keep it.
pub struct ModeratorSet;

impl ModeratorSet {
	/// Makes `who` a moderator, as a consortium motion would.
	pub fn appoint(who: AccountId) {
		MODERATORS.with(|m| m.borrow_mut().insert(who));
	}
	/// Removes `who` from the moderators, as a consortium motion would.
	pub fn dismiss(who: AccountId) {
		MODERATORS.with(|m| m.borrow_mut().remove(&who));
	}
}

impl SortedMembers<AccountId> for ModeratorSet {
	fn sorted_members() -> Vec<AccountId> {
		MODERATORS.with(|m| m.borrow().iter().copied().collect())
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn add(who: &AccountId) {
		Self::appoint(*who);
	}
}

/// The regulators of the mock: the accounts the regulators' motion oversees.
pub struct RegulatorSet;

impl RegulatorSet {
	/// Makes `who` a regulator (a role holder overseen by the regulators).
	pub fn appoint(who: AccountId) {
		REGULATORS.with(|r| r.borrow_mut().insert(who));
	}
}

/// The regulators oversee the regulators; the consortium every other account.
pub struct OverseeingBody;

impl Convert<AccountId, Body> for OverseeingBody {
	fn convert(who: AccountId) -> Body {
		if REGULATORS.with(|r| r.borrow().contains(&who)) {
			Body::Regulators
		} else {
			Body::Consortium
		}
	}
}

/// A body's motion: `Root` for the consortium, a signature of [`REGULATORS_MOTION`] for the
/// regulators.
pub struct MotionOrigin;

impl EnsureOrigin<RuntimeOrigin> for MotionOrigin {
	type Success = Body;

	fn try_origin(origin: RuntimeOrigin) -> Result<Body, RuntimeOrigin> {
		match origin.clone().into() {
			Ok(RawOrigin::Root) => Ok(Body::Consortium),
			Ok(RawOrigin::Signed(REGULATORS_MOTION)) => Ok(Body::Regulators),
			_ => Err(origin),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::root())
	}
}

/// A motion of the consortium.
pub fn consortium() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

/// A motion of the regulators.
pub fn regulators() -> RuntimeOrigin {
	RuntimeOrigin::signed(REGULATORS_MOTION)
}

/// The role holders of the mock, as the runtime's: every moderator and regulator, and the
/// accounts a test grants a role elsewhere on the chain (consortium, registrars...).
pub struct RoleHolders;

impl RoleHolders {
	/// Gives `who` a role outside this pallet.
	pub fn grant(who: AccountId) {
		GRANTED_ROLES.with(|r| r.borrow_mut().insert(who));
	}
	/// Takes the role outside this pallet away from `who`, as a consortium motion would.
	pub fn revoke(who: AccountId) {
		GRANTED_ROLES.with(|r| r.borrow_mut().remove(&who));
	}
	fn reset() {
		GRANTED_ROLES.with(|r| r.borrow_mut().clear());
		MODERATORS.with(|m| m.borrow_mut().clear());
		REGULATORS.with(|r| r.borrow_mut().clear());
	}
}

impl Contains<AccountId> for RoleHolders {
	fn contains(who: &AccountId) -> bool {
		ModeratorSet::contains(who) ||
			REGULATORS.with(|r| r.borrow().contains(who)) ||
			GRANTED_ROLES.with(|r| r.borrow().contains(who))
	}
}

/// An in-memory stand-in for the real-name pallet, with the ladder rules of
/// `compliance_primitives::AccountStanding`.
pub struct FakeStanding;

impl FakeStanding {
	pub fn verify(who: AccountId) {
		VERIFIED.with(|v| v.borrow_mut().insert(who));
	}
	pub fn set(who: AccountId, standing: Standing<BlockNumber>) {
		STANDINGS.with(|s| s.borrow_mut().insert(who, standing));
	}
	pub fn raw(who: AccountId) -> Standing<BlockNumber> {
		STANDINGS.with(|s| s.borrow().get(&who).copied().unwrap_or_default())
	}
	/// The standing in force now.
	pub fn effective(who: AccountId) -> Standing<BlockNumber> {
		Self::raw(who).effective_at(System::block_number())
	}
	/// The changes made so far, in order.
	pub fn changes() -> Vec<Change> {
		CHANGES.with(|m| m.borrow().clone())
	}
	fn log(change: Change) {
		CHANGES.with(|m| m.borrow_mut().push(change));
	}
	fn reset() {
		VERIFIED.with(|v| v.borrow_mut().clear());
		STANDINGS.with(|s| s.borrow_mut().clear());
		CHANGES.with(|m| m.borrow_mut().clear());
	}
}

impl AccountStanding<AccountId, BlockNumber> for FakeStanding {
	fn is_verified(who: &AccountId) -> bool {
		VERIFIED.with(|v| v.borrow().contains(who))
	}
	fn standing(who: &AccountId) -> Standing<BlockNumber> {
		// Returns the stored value (not the lapsed view): the pallet must apply `effective_at`.
		Self::raw(*who)
	}
	fn apply(who: &AccountId, measure: Measure<BlockNumber>) -> DispatchResult {
		let now = System::block_number();
		let current = Self::effective(*who);
		let level = current.level();
		let next = match measure {
			Measure::Warning if level > MeasureLevel::Warning => current,
			Measure::Warning => Standing::Warned,
			Measure::Restriction { until, .. } | Measure::Suspension { until } if until <= now =>
				return Err(DispatchError::Other("EndNotInFuture")),
			Measure::Restriction { scope, until } => {
				let mut ends = current.restrictions();
				if level > MeasureLevel::Restriction || ends.end(scope).is_some_and(|e| e >= until)
				{
					return Err(AS_HARSH);
				}
				ends.set(scope, Some(until));
				Standing::RestrictedFrom(ends)
			},
			Measure::Suspension { until } => match current {
				Standing::Closed => return Err(AS_HARSH),
				Standing::Suspended { until: end } if end >= until => return Err(AS_HARSH),
				_ => Standing::Suspended { until },
			},
			Measure::Closure if level == MeasureLevel::Closure => return Err(AS_HARSH),
			Measure::Closure => Standing::Closed,
		};
		Self::set(*who, next);
		Self::log(Change::Applied(*who, measure));
		Ok(())
	}
	fn undo(who: &AccountId, measure: Measure<BlockNumber>) -> Result<bool, DispatchError> {
		let current = Self::effective(*who);
		let next = match (measure, current) {
			(Measure::Warning, Standing::Warned) | (Measure::Closure, Standing::Closed) =>
				Standing::Good,
			(Measure::Suspension { until }, Standing::Suspended { until: end }) if until == end =>
				Standing::Good,
			(Measure::Restriction { scope, until }, _)
				if current.restrictions().end(scope) == Some(until) =>
			{
				let mut ends = current.restrictions();
				ends.set(scope, None);
				Standing::RestrictedFrom(ends).effective_at(System::block_number())
			},
			_ => return Ok(false),
		};
		Self::set(*who, next);
		Self::log(Change::Undone(*who, measure));
		Ok(true)
	}
	fn lift(who: &AccountId) -> DispatchResult {
		if Self::effective(*who) == Standing::Good {
			return Err(DispatchError::Other("NoMeasureInForce"));
		}
		Self::set(*who, Standing::Good);
		Self::log(Change::Lifted(*who));
		Ok(())
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for FakeStanding {
	fn make_verified(who: &AccountId) {
		Self::verify(*who);
		Self::set(*who, Standing::Good);
	}
	fn make_moderator(who: &AccountId) {
		ModeratorSet::appoint(*who);
	}
}

impl pallet_moderation::Config for Test {
	type Standing = FakeStanding;
	type AdminOrigin = EnsureRoot<AccountId>;
	type ModeratorOrigin = EnsureSignedBy<ModeratorSet, AccountId>;
	type BodyOrigin = MotionOrigin;
	type OverseeingBody = OverseeingBody;
	type RoleHolders = RoleHolders;
	type MaxUriLen = MaxUriLen;
	type MaxBatch = MaxBatch;
	type MaxOpenReportsPerAccount = MaxOpenReportsPerAccount;
	type MaxReportsPerBlock = MaxReportsPerBlock;
	type ResponseDeadline = ResponseDeadline;
	type RetentionPeriod = RetentionPeriod;
	type BlocksPerDay = BlocksPerDay;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = FakeStanding;
	type WeightInfo = ();
}

/// Builds test externalities: MOD1 and MOD2 are moderators; ALICE, BOB, CHARLIE, MOD1 and MOD2
/// are verified; the chain is at block 1.
pub struct ExtBuilder {
	pub moderators: Vec<AccountId>,
	pub response_time: Option<BlockNumber>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { moderators: vec![MOD1, MOD2], response_time: None }
	}
}

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		FakeStanding::reset();
		RoleHolders::reset();
		for who in [ALICE, BOB, CHARLIE, MOD1, MOD2] {
			FakeStanding::verify(who);
		}
		for who in self.moderators {
			ModeratorSet::appoint(who);
		}
		let storage = RuntimeGenesisConfig {
			system: Default::default(),
			moderation: pallet_moderation::GenesisConfig { response_time: self.response_time },
		}
		.build_storage()
		.expect("genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Moderation::do_try_state().expect("try_state holds after the test");
		});
	}
}

/// Builds test externalities for the benchmark test suite.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
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

/// Advances to block `n`, running `on_initialize` of every block on the way.
pub fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		<Moderation as Hooks<BlockNumber>>::on_initialize(next);
	}
}
