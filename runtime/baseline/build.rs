//! Builds the throughput baseline's Wasm blob: the Compliance Chain runtime's sources compiled
//! with `--cfg throughput_baseline`, which leaves `CheckRealName` out of the transaction
//! extensions and names the runtime `compliance-baseline`.
//!
//! The switch is a compiler flag of this crate's own Wasm build, not a cargo feature: cargo
//! cannot unify it into the production runtime that the node links, and the blob lands in this
//! crate's own `wbuild/compliance-runtime-baseline/` directory, never in the production
//! runtime's.

#[cfg(feature = "std")]
fn main() {
	// As the production runtime's build script does: the Wasm build uses the workspace's
	// Cargo.lock, so both blobs are built from the same versions of every crate.
	let workspace = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
	std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.append_to_rust_flags("--cfg throughput_baseline")
		.build();
}

/// The Wasm build itself needs no build script.
#[cfg(not(feature = "std"))]
fn main() {}
