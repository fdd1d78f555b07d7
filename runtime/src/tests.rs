//! Runtime tests: every genesis preset builds, and every pallet's `integrity_test` passes.

use crate::{genesis_config_presets, AllPalletsWithSystem, RuntimeGenesisConfig};
use frame_support::{genesis_builder_helper::build_state, traits::IntegrityTest};

/// Externalities holding the genesis state of the preset `id`, built the way the node's
/// `GenesisBuilder::build_state` runtime API builds it.
pub(crate) fn preset_ext(id: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&id.into())
		.unwrap_or_else(|| panic!("preset {id} exists"));
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		build_state::<RuntimeGenesisConfig>(patch)
			.unwrap_or_else(|e| panic!("preset {id} builds: {e}"))
	});
	ext
}

#[test]
fn every_preset_builds() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(names.len(), 2);
	for name in names {
		let name = String::from_utf8(name.as_ref().to_vec()).expect("preset names are UTF-8");
		preset_ext(&name).execute_with(|| {
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
