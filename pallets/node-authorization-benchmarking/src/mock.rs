//! A runtime with node authorization alone, its admin calls open to `Root`, to run the
//! benchmarks as tests.

use frame_support::{construct_runtime, derive_impl, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

construct_runtime!(
	pub enum Test {
		System: frame_system,
		NodeAuthorization: pallet_node_authorization,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_node_authorization::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type MaxWellKnownNodes = ConstU32<16>;
	type MaxPeerIdLength = ConstU32<128>;
	type AddOrigin = EnsureRoot<u64>;
	type RemoveOrigin = EnsureRoot<u64>;
	type SwapOrigin = EnsureRoot<u64>;
	type ResetOrigin = EnsureRoot<u64>;
	type WeightInfo = ();
}

impl crate::Config for Test {}

/// An empty chain at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
