//! The security-assessment gate (R6) with a real runtime blob: this runtime's own Wasm with its
//! `spec_version` raised by one, so that frame-system's version checks pass and only the gate
//! decides.

use super::preset_ext;
use crate::{Filing, Runtime, RuntimeOrigin, System, VERSION};
use compliance_primitives::ContentHash;
use frame_support::{assert_noop, assert_ok};
use sp_core::traits::ReadRuntimeVersionExt;
use sp_runtime::traits::{BlakeTwo256, Hash};

/// This runtime's compressed Wasm, re-embedded with `spec_version + 1`.
fn next_runtime_blob() -> Vec<u8> {
	let wasm = crate::WASM_BINARY.expect("the Wasm runtime is built");
	let raw = sp_maybe_compressed_blob::decompress(wasm, 50 * 1024 * 1024)
		.expect("the runtime blob decompresses");
	let mut version = VERSION;
	version.spec_version += 1;
	let upgraded =
		sp_version::embed::embed_runtime_version(&raw, version).expect("the version embeds");
	sp_maybe_compressed_blob::compress_weakly(&upgraded, 50 * 1024 * 1024)
		.expect("the upgraded blob compresses")
}

/// Development genesis with an executor that can read a blob's runtime version, as the node
/// provides it.
fn dev_chain_with_executor(test: impl FnOnce()) {
	let mut ext = preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET);
	let executor = sc_executor::WasmExecutor::<sp_io::SubstrateHostFunctions>::builder().build();
	ext.register_extension(ReadRuntimeVersionExt::new(executor));
	ext.execute_with(|| {
		System::set_block_number(1);
		test()
	});
}

fn dave() -> RuntimeOrigin {
	RuntimeOrigin::signed(sp_keyring::Sr25519Keyring::Dave.to_account_id())
}

#[test]
fn unassessed_code_is_refused_and_assessed_code_is_applied() {
	dev_chain_with_executor(|| {
		let code = next_runtime_blob();
		let code_hash = BlakeTwo256::hash(&code);
		let old_code = sp_io::storage::get(sp_core::storage::well_known_keys::CODE);

		assert_noop!(
			System::set_code(RuntimeOrigin::root(), code.clone()),
			pallet_filing::Error::<Runtime>::CodeNotAssessed
		);

		assert_ok!(Filing::record_assessment(
			dave(),
			code_hash,
			ContentHash::repeat_byte(3),
			pallet_filing::Verdict::Rejected
		));
		assert_noop!(
			System::set_code(RuntimeOrigin::root(), code.clone()),
			pallet_filing::Error::<Runtime>::AssessmentRejected
		);

		assert_ok!(Filing::record_assessment(
			dave(),
			code_hash,
			ContentHash::repeat_byte(3),
			pallet_filing::Verdict::Approved
		));
		assert_ok!(System::set_code(RuntimeOrigin::root(), code.clone()));
		let stored = sp_io::storage::get(sp_core::storage::well_known_keys::CODE);
		assert_ne!(stored, old_code);
		assert_eq!(stored.as_deref(), Some(&code[..]));
	});
}

#[test]
fn authorized_upgrades_pass_the_same_gate() {
	dev_chain_with_executor(|| {
		let code = next_runtime_blob();
		let code_hash = BlakeTwo256::hash(&code);
		assert_ok!(System::authorize_upgrade(RuntimeOrigin::root(), code_hash));
		assert_noop!(
			System::apply_authorized_upgrade(RuntimeOrigin::none(), code.clone()),
			pallet_filing::Error::<Runtime>::CodeNotAssessed
		);
		assert_ok!(Filing::record_assessment(
			dave(),
			code_hash,
			ContentHash::repeat_byte(3),
			pallet_filing::Verdict::Approved
		));
		assert_ok!(System::apply_authorized_upgrade(RuntimeOrigin::none(), code.clone()));
		assert_eq!(
			sp_io::storage::get(sp_core::storage::well_known_keys::CODE).as_deref(),
			Some(&code[..])
		);
	});
}

#[test]
fn the_admin_alone_cannot_assess() {
	dev_chain_with_executor(|| {
		let code_hash = BlakeTwo256::hash(&next_runtime_blob());
		assert_noop!(
			Filing::record_assessment(
				RuntimeOrigin::root(),
				code_hash,
				ContentHash::repeat_byte(3),
				pallet_filing::Verdict::Approved
			),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
