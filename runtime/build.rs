//! Builds the runtime's Wasm blob, embedded into the native crate as `WASM_BINARY`.

#[cfg(feature = "std")]
fn main() {
	// The target directory lives outside the clone (~/.cache/compliance-chain/target), where
	// substrate-wasm-builder cannot find the workspace's Cargo.lock by itself; point it at the
	// workspace so the Wasm runtime builds with the locked versions. Set here, not globally: other
	// crates' Wasm builds (e.g. the benchmark CLI's test runtime) must not be pointed at it.
	let workspace = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
	std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The Wasm build itself needs no build script.
#[cfg(not(feature = "std"))]
fn main() {}
