//! The throughput baseline's blob is what `scripts/bench-throughput` takes it for: the chain's
//! runtime at the same spec version, without `CheckRealName` and with nothing else changed, under
//! a spec name that frame-system (and a node's Wasm override) refuses in place of the chain's.

use codec::{Decode, Encode};
use compliance_runtime::{Runtime, VERSION};
use compliance_runtime_baseline::SPEC_NAME;
use sc_executor::WasmExecutor;
use sp_core::traits::{
	CallContext, CodeExecutor, ReadRuntimeVersionExt, RuntimeCode, WrappedRuntimeCode,
};
use sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT;
use sp_version::RuntimeVersion;
use std::sync::LazyLock;
use subxt::Metadata;

/// The executor a node runs runtimes with.
type Executor = WasmExecutor<sp_io::SubstrateHostFunctions>;

/// One executor for every call: its clones share the cache of compiled runtimes, so each blob
/// is compiled once.
static EXECUTOR: LazyLock<Executor> = LazyLock::new(|| Executor::builder().build());

/// The metadata version clients read.
const METADATA_VERSION: u32 = 16;

/// The baseline's blob.
fn baseline() -> &'static [u8] {
	compliance_runtime_baseline::WASM_BINARY
		.expect("the baseline's Wasm blob is built (do not set SKIP_WASM_BUILD)")
}

/// The chain's own runtime blob.
fn production() -> &'static [u8] {
	compliance_runtime::WASM_BINARY.expect("the runtime's Wasm blob is built")
}

/// The SCALE answer of runtime `code` to `method(args)`.
fn call(code: &[u8], method: &str, args: &[u8]) -> Vec<u8> {
	let wrapped = WrappedRuntimeCode(code.into());
	let runtime_code = RuntimeCode {
		code_fetcher: &wrapped,
		heap_pages: None,
		hash: sp_io::hashing::blake2_256(code).to_vec(),
	};
	let mut ext = sp_io::TestExternalities::default();
	let (answer, _) =
		EXECUTOR.call(&mut ext.ext(), &runtime_code, method, args, CallContext::Offchain);
	answer.unwrap_or_else(|e| panic!("the runtime answers {method}: {e}"))
}

/// Runs `test` where frame-system can read a blob's runtime version, as the node provides it.
fn with_version_reader<R>(test: impl FnOnce() -> R) -> R {
	let mut ext = sp_io::TestExternalities::default();
	ext.register_extension(ReadRuntimeVersionExt::new(EXECUTOR.clone()));
	ext.execute_with(test)
}

/// The version `code` declares in its `runtime_version` section: what frame-system's
/// `set_code` and a node's `--wasm-runtime-overrides` read.
fn declared_version(code: &[u8]) -> RuntimeVersion {
	let encoded = with_version_reader(|| sp_io::misc::runtime_version(code))
		.expect("the blob declares its runtime version");
	RuntimeVersion::decode(&mut &encoded[..]).expect("a runtime version")
}

/// `code` declaring `spec_version`, as an upgrade one version ahead would.
fn declaring_spec_version(code: &[u8], spec_version: u32) -> Vec<u8> {
	let raw = sp_maybe_compressed_blob::decompress(code, CODE_BLOB_BOMB_LIMIT)
		.expect("the blob decompresses");
	let version = RuntimeVersion { spec_version, ..declared_version(code) };
	sp_version::embed::embed_runtime_version(&raw, version).expect("the version embeds")
}

/// The metadata runtime `code` serves.
fn metadata(code: &[u8]) -> Metadata {
	let answer = call(code, "Metadata_metadata_at_version", &METADATA_VERSION.encode());
	let bytes = Option::<Vec<u8>>::decode(&mut &answer[..])
		.expect("an optional metadata blob")
		.unwrap_or_else(|| panic!("the runtime serves metadata version {METADATA_VERSION}"));
	Metadata::decode_from(&bytes).expect("the metadata decodes")
}

/// The transaction extensions a client signs for, in order.
fn extensions(metadata: &Metadata) -> Vec<String> {
	metadata
		.extrinsic()
		.transaction_extensions_to_use_for_encoding()
		.map(|extension| extension.identifier().to_string())
		.collect()
}

#[test]
fn the_baseline_is_this_runtime_without_the_real_name_check_under_its_own_name() {
	let declared = declared_version(baseline());
	assert_eq!(declared.spec_name, SPEC_NAME);
	assert_eq!(declared.spec_version, VERSION.spec_version);
	// The runtime's own answer (`state_getRuntimeVersion`) agrees with its section.
	let answered = RuntimeVersion::decode(&mut &call(baseline(), "Core_version", &[])[..])
		.expect("Core_version answers a runtime version");
	assert_eq!(answered.spec_name, SPEC_NAME);
	// The chain's runtime keeps its name.
	assert_eq!(declared_version(production()).spec_name, "compliance");
	assert_eq!(VERSION.spec_name, "compliance");

	let (chain, ungated) = (metadata(production()), metadata(baseline()));
	let mut expected = extensions(&chain);
	assert!(expected.iter().any(|e| e == "CheckRealName"), "{expected:?}");
	expected.retain(|e| e != "CheckRealName");
	assert_eq!(extensions(&ungated), expected);
	// Every pallet the same: calls, storage, events, constants and their types.
	let pallets = |m: &Metadata| m.pallets().map(|p| (p.name().to_string(), p.hash())).collect();
	let (chain_pallets, ungated_pallets): (Vec<_>, Vec<_>) = (pallets(&chain), pallets(&ungated));
	assert_eq!(chain_pallets, ungated_pallets);
}

#[test]
fn the_baseline_cannot_become_the_chains_code() {
	let next = VERSION.spec_version + 1;
	let baseline_upgrade = declaring_spec_version(baseline(), next);
	let real_upgrade = declaring_spec_version(production(), next);
	with_version_reader(|| {
		let can_set =
			|code: &[u8]| frame_system::Pallet::<Runtime>::can_set_code(code, true).into_result();
		assert_eq!(
			can_set(&baseline_upgrade),
			Err(frame_system::Error::<Runtime>::InvalidSpecName.into())
		);
		// The same check lets the chain's own runtime one version ahead through.
		assert_eq!(can_set(&real_upgrade), Ok(()));
	});
}
