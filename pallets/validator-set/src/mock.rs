//! A mock runtime for the validator-set pallet's tests and benchmarks: `pallet-session` with a
//! single test key type, the validator set as its session manager and its session clock.

use crate as pallet_validator_set;
use core::cell::RefCell;
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64, OnInitialize},
};
use frame_system::EnsureRoot;
use sp_runtime::{
	impl_opaque_keys,
	testing::UintAuthorityId,
	traits::{ConvertInto, OpaqueKeys},
	BuildStorage, KeyTypeId, RuntimeAppPublic,
};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		ValidatorSet: pallet_validator_set,
		Session: pallet_session,
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

impl_opaque_keys! {
	/// The mock's session keys: one test key.
	pub struct MockSessionKeys {
		/// The test key.
		pub dummy: UintAuthorityId,
	}
}

impl From<UintAuthorityId> for MockSessionKeys {
	fn from(dummy: UintAuthorityId) -> Self {
		Self { dummy }
	}
}

thread_local! {
	static AUTHORITIES: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// The validators whose keys the consensus engines currently author with.
pub fn authorities() -> Vec<u64> {
	AUTHORITIES.with(|a| a.borrow().clone())
}

/// Records the authorities of each new session, as a consensus engine would take them.
pub struct TestSessionHandler;
impl pallet_session::SessionHandler<u64> for TestSessionHandler {
	const KEY_TYPE_IDS: &'static [KeyTypeId] = &[UintAuthorityId::ID];
	fn on_genesis_session<K: OpaqueKeys>(validators: &[(u64, K)]) {
		AUTHORITIES.with(|a| *a.borrow_mut() = validators.iter().map(|(v, _)| *v).collect());
	}
	fn on_new_session<K: OpaqueKeys>(
		changed: bool,
		validators: &[(u64, K)],
		_queued_validators: &[(u64, K)],
	) {
		if changed {
			AUTHORITIES.with(|a| *a.borrow_mut() = validators.iter().map(|(v, _)| *v).collect());
		}
	}
	fn on_disabled(_validator_index: u32) {}
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = ValidatorSet;
	type SessionHandler = TestSessionHandler;
	type Keys = MockSessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<KEY_DEPOSIT>;
}

impl pallet_validator_set::Config for Test {
	type ValidatorOrigin = EnsureRoot<u64>;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type WeightInfo = ();
}

/// The fewest validators in the mock.
pub const MIN_VALIDATORS: u32 = 2;
/// The most validators in the mock.
pub const MAX_VALIDATORS: u32 = 4;
/// Blocks between session boundaries in the mock.
pub const SESSION_LENGTH: u64 = 5;
/// What registering session keys holds in the mock.
pub const KEY_DEPOSIT: u64 = 10;
/// The genesis validators, with session keys.
pub const GENESIS_VALIDATORS: [u64; 3] = [1, 2, 3];
/// Accounts with funds and session keys that are not validators.
pub const CANDIDATES: [u64; 3] = [4, 5, 6];
/// An account with funds and no session keys.
pub const KEYLESS: u64 = 7;

/// The test key of account `who`.
pub fn keys_of(who: u64) -> MockSessionKeys {
	UintAuthorityId(who).into()
}

/// The proof that `owner` holds `keys`, as `Session::set_keys` checks it.
pub fn ownership_proof(owner: u64, keys: &MockSessionKeys) -> Vec<u8> {
	codec::Encode::encode(
		&keys
			.clone()
			.create_ownership_proof(&codec::Encode::encode(&owner))
			.expect("test keys sign"),
	)
}

/// A genesis with [`GENESIS_VALIDATORS`], keys for them and the [`CANDIDATES`], and funds for
/// every account.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: GENESIS_VALIDATORS
			.iter()
			.chain(CANDIDATES.iter())
			.chain([KEYLESS].iter())
			.map(|who| (*who, 1_000))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_validator_set::GenesisConfig::<Test> {
		validators: GENESIS_VALIDATORS.to_vec(),
		session_length: SESSION_LENGTH,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_session::GenesisConfig::<Test> {
		keys: GENESIS_VALIDATORS.iter().map(|v| (*v, *v, keys_of(*v))).collect(),
		non_authority_keys: CANDIDATES.iter().map(|v| (*v, *v, keys_of(*v))).collect(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs blocks up to and including `n`, with every pallet's `on_initialize`.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		AllPalletsWithSystem::on_initialize(next);
	}
}
