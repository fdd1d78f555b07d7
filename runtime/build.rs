//! Builds the runtime's Wasm blob, embedded into the native crate as `WASM_BINARY`.

#[cfg(feature = "std")]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The Wasm build itself needs no build script.
#[cfg(not(feature = "std"))]
fn main() {}
