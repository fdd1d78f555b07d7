//! The runtime's view functions, executed natively by the node through the
//! `RuntimeViewFunction` runtime API: the same read surface clients find in metadata, typed here
//! by the pallets' own `*ViewFunction` structs, so the node needs no runtime API of its own to
//! read the chain's compliance state.

use codec::{Decode, Encode};
use compliance_runtime::{opaque::Block, Hash};
use frame_support::view_functions::{runtime_api::RuntimeViewFunction, ViewFunction};
use sp_api::ProvideRuntimeApi;

/// Executes `function` at block `at` and decodes its answer. The error names the function and
/// what failed: the runtime call (a pruned state, an unknown block) or the function itself.
pub fn view<C, V>(client: &C, at: Hash, function: V) -> Result<V::ReturnType, String>
where
	C: ProvideRuntimeApi<Block>,
	C::Api: RuntimeViewFunction<Block>,
	V: ViewFunction + Encode,
	V::ReturnType: Decode,
{
	// `pallet_filing::pallet::FilingStatusViewFunction<Runtime>` reads as `FilingStatus`.
	let name = std::any::type_name::<V>();
	let name = name.split('<').next().unwrap_or(name);
	let name = name.rsplit("::").next().unwrap_or(name).trim_end_matches("ViewFunction");
	let output = client
		.runtime_api()
		.execute_view_function(at, V::id(), function.encode())
		.map_err(|e| format!("{name}: {e}"))?
		.map_err(|e| format!("{name}: the runtime could not execute it ({e:?})"))?;
	V::ReturnType::decode(&mut &output[..]).map_err(|e| format!("{name}: undecodable answer ({e})"))
}
