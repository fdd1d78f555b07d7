//! The metadata clients are generated from (`client/metadata/compliance.scale`) is this
//! runtime's: the one its compiled Wasm serves to `state_getMetadata` callers. A change to a
//! call, event, storage item or type without refreshing the file fails here; refresh it with
//!
//! ```sh
//! COMPLIANCE_WRITE_METADATA=1 cargo test -p compliance-runtime --lib metadata
//! ```

use codec::{Decode, Encode};
use sp_core::traits::{CallContext, CodeExecutor, RuntimeCode, WrappedRuntimeCode};
use std::path::PathBuf;

/// The metadata version clients read: subxt asks for the latest stable one.
const METADATA_VERSION: u32 = 16;

/// Where the client crate keeps the metadata it is generated from.
fn metadata_file() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../client/metadata/compliance.scale")
}

/// The metadata the compiled Wasm runtime returns from `Metadata_metadata_at_version`, as the
/// node serves it (SCALE-encoded `RuntimeMetadataPrefixed`).
pub(super) fn wasm_metadata() -> Vec<u8> {
	let wasm = crate::WASM_BINARY.expect("the Wasm runtime is built (do not set SKIP_WASM_BUILD)");
	let executor = sc_executor::WasmExecutor::<sp_io::SubstrateHostFunctions>::builder().build();
	let code = WrappedRuntimeCode(wasm.into());
	let runtime_code = RuntimeCode {
		code_fetcher: &code,
		heap_pages: None,
		hash: sp_io::hashing::blake2_256(wasm).to_vec(),
	};
	let mut ext = sp_io::TestExternalities::default();
	let (result, _) = executor.call(
		&mut ext.ext(),
		&runtime_code,
		"Metadata_metadata_at_version",
		&METADATA_VERSION.encode(),
		CallContext::Offchain,
	);
	let answer = result.expect("the runtime answers Metadata_metadata_at_version");
	let metadata = Option::<sp_core::OpaqueMetadata>::decode(&mut &answer[..])
		.expect("the answer is an Option<OpaqueMetadata>")
		.unwrap_or_else(|| panic!("the runtime serves metadata version {METADATA_VERSION}"));
	metadata.to_vec()
}

#[test]
fn the_clients_metadata_is_this_runtimes() {
	let current = wasm_metadata();
	let path = metadata_file();
	if std::env::var_os("COMPLIANCE_WRITE_METADATA").is_some() {
		// Under SKIP_WASM_BUILD the Wasm is whatever an earlier build left: it may predate the
		// change being refreshed for, and would be written as if it were current.
		assert!(
			std::env::var_os("SKIP_WASM_BUILD").is_none(),
			"refresh the metadata without SKIP_WASM_BUILD: the Wasm runtime must be rebuilt first"
		);
		std::fs::write(&path, &current)
			.unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
		return;
	}
	let committed = std::fs::read(&path).unwrap_or_default();
	assert!(
		committed == current,
		"{} is not this runtime's metadata ({} bytes there, {} now): refresh it with \
		 `COMPLIANCE_WRITE_METADATA=1 cargo test -p compliance-runtime --lib metadata` and \
		 rebuild the clients",
		path.display(),
		committed.len(),
		current.len(),
	);
}
