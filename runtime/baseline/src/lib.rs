//! # Throughput baseline runtime
//!
//! The Compliance Chain runtime without the real-name check: the same sources as
//! `compliance-runtime`, compiled into a Wasm blob of its own with `--cfg throughput_baseline`
//! (see `build.rs`), which
//!
//! - leaves `CheckRealName` out of `TxExtension`, so that `scripts/bench-throughput` measures what
//!   the check costs against an otherwise identical runtime;
//! - names the runtime `compliance-baseline` (same spec version): frame-system refuses to set code
//!   of another spec name, and a node ignores a `--wasm-runtime-overrides` blob of another spec
//!   name, so the blob can never run as, or replace, the chain's runtime. It runs only as the
//!   genesis runtime of its own development chain (`compliance-baseline-spec`).
//!
//! The native crate holds the blob and nothing of the runtime: the runtime is a dependency of
//! the Wasm build alone (the `runtime-wasm` feature). Never deploy this runtime.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

// Links the runtime, and with it the runtime API entry points the blob exports.
#[cfg(feature = "runtime-wasm")]
extern crate compliance_runtime;

// substrate-wasm-builder's generated constants carry no docs; only the blob itself is used.
#[cfg(feature = "std")]
#[allow(dead_code, missing_docs)]
mod blob {
	include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));
}

/// The baseline runtime's compressed Wasm blob (`None` when built with `SKIP_WASM_BUILD`).
#[cfg(feature = "std")]
pub use blob::WASM_BINARY;

/// The baseline's spec name: the production runtime's is `compliance`.
pub const SPEC_NAME: &str = "compliance-baseline";

/// The development chain specification that runs the baseline from genesis (the runtime's
/// `development` preset, one validator: Alice), as JSON for `compliance-node --dev --chain`.
#[cfg(feature = "std")]
pub fn development_chain_spec() -> Result<String, String> {
	use sc_chain_spec::{ChainType, GenericChainSpec};
	let wasm = WASM_BINARY.ok_or(
		"the baseline's Wasm blob was not built (SKIP_WASM_BUILD was set); rebuild without it",
	)?;
	GenericChainSpec::<Option<()>>::builder(wasm, None)
		.with_name("Compliance throughput baseline")
		.with_id("compliance_baseline_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.build()
		.as_json(false)
}
