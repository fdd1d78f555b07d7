//! Runtime tests: every genesis preset builds, every pallet's `integrity_test` passes, and the
//! compliance duties hold for real signed extrinsics through the real `TxExtension`.

mod governance;
mod metadata;
pub(crate) mod real_name_check;
mod upgrade_gate;
mod view_functions;

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
			use crate::configs::governance::{ConsortiumInstance, RegulatorsInstance};
			let consortium =
				pallet_collective::Members::<crate::Runtime, ConsortiumInstance>::get();
			assert_eq!(consortium, crate::ConsortiumMembership::members().to_vec());
			assert!(!consortium.is_empty());
			assert_eq!(
				pallet_collective::Members::<crate::Runtime, RegulatorsInstance>::get(),
				crate::Regulators::members().to_vec()
			);
		});
	}
	assert!(genesis_config_presets::get_preset(&"no_such_preset".into()).is_none());
}

#[test]
fn local_testnet_has_three_validators() {
	preset_ext(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(pallet_aura::Authorities::<crate::Runtime>::get().len(), 3);
		assert_eq!(crate::Grandpa::grandpa_authorities().len(), 3);
		// They come from the sessions, which the validator set plans.
		assert_eq!(pallet_session::Validators::<crate::Runtime>::get().len(), 3);
		assert_eq!(pallet_validator_set::Validators::<crate::Runtime>::get().len(), 3);
	});
}

#[test]
fn integrity_tests_pass() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.execute_with(AllPalletsWithSystem::integrity_test);
}

/// Per-transfer weights against the block's normal-class limit: a plain polkadot-sdk solochain
/// fits 1,974 keep-alive transfers per block, and the check may cost at most 3 % of capacity.
#[test]
fn a_block_fits_at_least_1974_keep_alive_transfers_by_weight() {
	use crate::{configs::RuntimeBlockWeights, Runtime, RuntimeCall, UNIT};
	use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
	use pallet_real_name::WeightInfo as _;
	use sp_runtime::traits::TransactionExtension;

	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: sp_keyring::Sr25519Keyring::Bob.to_account_id().into(),
			value: UNIT,
		});
		let extension = crate::tx_extension(sp_runtime::generic::Era::Immortal, 0, 0);
		let weights = RuntimeBlockWeights::get();
		let normal = weights.get(DispatchClass::Normal);
		let check = <Runtime as pallet_real_name::Config>::WeightInfo::check_real_name();
		let per_transfer = normal
			.base_extrinsic
			.saturating_add(call.get_dispatch_info().call_weight)
			.saturating_add(extension.weight(&call));
		let limit = normal.max_total.expect("normal transactions have a limit");
		let gated = limit.ref_time() / per_transfer.ref_time();
		let ungated = limit.ref_time() / (per_transfer.ref_time() - check.ref_time());
		println!(
			"per transfer {} ps (check {} ps), normal limit {} ps: {gated} transfers per block, \
			 {ungated} without the check ({:.1} %)",
			per_transfer.ref_time(),
			check.ref_time(),
			limit.ref_time(),
			100.0 * gated as f64 / ungated as f64
		);
		assert!(gated >= 1974, "only {gated} keep-alive transfers fit in a block");
		assert!(
			gated * 100 >= ungated * 97,
			"the check leaves {gated} of {ungated} transfers per block: under 97 %"
		);
	});
}

/// Block space costs what it uses: a block filled to its length limit with the largest
/// extrinsics a user can send (one call's worth of bytes each, the least weight possible) costs
/// at least what a block filled to its weight limit with verified keep-alive transfers costs,
/// their length fees included.
#[test]
fn a_full_block_of_bytes_costs_at_least_a_full_block_of_transfers() {
	use crate::{configs::RuntimeBlockWeights, Runtime, RuntimeCall, TransactionPayment, UNIT};
	use codec::Encode;
	use frame_support::dispatch::{DispatchClass, DispatchInfo, GetDispatchInfo};
	use sp_runtime::traits::TransactionExtension;

	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = sp_keyring::Sr25519Keyring::Alice;
		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: sp_keyring::Sr25519Keyring::Bob.to_account_id().into(),
			value: UNIT,
		});
		let extension = crate::tx_extension(sp_runtime::generic::Era::Immortal, 0, 0);
		let transfer = real_name_check::Signer::new(alice).sign(call.clone());
		let transfer_len = transfer.encoded_size() as u32;
		let mut info = call.get_dispatch_info();
		info.extension_weight = extension.weight(&call);
		let normal = RuntimeBlockWeights::get().get(DispatchClass::Normal).clone();
		let per_transfer = normal.base_extrinsic.saturating_add(info.total_weight());
		let weight_limit = normal.max_total.expect("normal transactions have a limit");
		let length_limit = *<Runtime as frame_system::Config>::BlockLength::get()
			.max
			.get(DispatchClass::Normal);
		let transfers = (weight_limit.ref_time() / per_transfer.ref_time())
			.min(u64::from(length_limit / transfer_len));
		let transfer_fee = TransactionPayment::compute_fee(transfer_len, &info, 0);
		let transfers_block = u128::from(transfers) * transfer_fee;

		// The cheapest way to fill the block's bytes: extrinsics of no call weight, each as long
		// as a block takes; the base weight of each is charged too.
		let bytes_block =
			TransactionPayment::compute_fee(length_limit, &DispatchInfo::default(), 0);
		println!(
			"a block of {transfers} transfers ({transfer_len} bytes, {transfer_fee} planks each) \
			 costs {transfers_block} planks; a block of {length_limit} bytes costs {bytes_block} \
			 planks ({} planks per byte)",
			crate::configs::LENGTH_FEE_PER_BYTE
		);
		assert!(
			bytes_block >= transfers_block,
			"a full block of bytes costs {bytes_block}, of transfers {transfers_block}"
		);
	});
}

/// The check charges no database read of its own (the summaries it reads sit in the
/// `System::Account` entries the transaction reads anyway), so it weighs less than one read.
#[test]
fn the_check_weighs_less_than_one_database_read() {
	use pallet_real_name::WeightInfo as _;
	let check = <crate::Runtime as pallet_real_name::Config>::WeightInfo::check_real_name();
	let db = <crate::Runtime as frame_system::Config>::DbWeight::get();
	assert!(check.ref_time() < db.reads(1).ref_time(), "the check costs {check:?}");
}
