//! Runtime tests: every genesis preset builds, every pallet's `integrity_test` passes, and the
//! compliance duties hold for real signed extrinsics through the real `TxExtension`.

mod real_name_check;
mod upgrade_gate;

use crate::{genesis_config_presets, AllPalletsWithSystem};
use frame_support::traits::IntegrityTest;
use sp_runtime::BuildStorage;

/// Externalities holding the genesis state of the preset `id`, built as the node builds it: a
/// chain spec naming the preset, whose storage the compiled Wasm runtime's `GenesisBuilder`
/// produces.
pub(crate) fn preset_ext(id: &str) -> sp_io::TestExternalities {
	let wasm = crate::WASM_BINARY.expect("the Wasm runtime is built (do not set SKIP_WASM_BUILD)");
	let storage =
		sc_chain_spec::GenericChainSpec::<sc_chain_spec::NoExtension>::builder(wasm, None)
			.with_name("preset test")
			.with_id("preset_test")
			.with_genesis_config_preset_name(id)
			.build()
			.build_storage()
			.unwrap_or_else(|e| panic!("preset {id} builds: {e}"));
	sp_io::TestExternalities::new(storage)
}

#[test]
fn every_preset_builds() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(names.len(), 2);
	for name in names {
		let name: &[u8] = name.as_ref();
		let name = core::str::from_utf8(name).expect("preset names are UTF-8");
		preset_ext(name).execute_with(|| {
			assert!(!pallet_aura::Authorities::<crate::Runtime>::get().is_empty());
			assert!(pallet_sudo::Key::<crate::Runtime>::get().is_some());
		});
	}
	assert!(genesis_config_presets::get_preset(&"no_such_preset".into()).is_none());
}

#[test]
fn local_testnet_has_three_validators() {
	preset_ext(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<crate::Runtime>::get().len(), 3);
		assert_eq!(crate::Grandpa::grandpa_authorities().len(), 3);
	});
}

#[test]
fn integrity_tests_pass() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.execute_with(AllPalletsWithSystem::integrity_test);
}
