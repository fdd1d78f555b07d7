//! Calling the runtime's view functions: the chain's read surface, found by name in metadata.
//!
//! A view function runs through the `RuntimeViewFunction::execute_view_function(query_id, input:
//! Vec<u8>) -> Result<Vec<u8>, ViewFunctionDispatchError>` runtime API. subxt 0.50's
//! `ViewFunctionsClient::call` (through frame-decode 0.18) sends the query id and the encoded
//! arguments without `input`'s length prefix, and decodes the whole answer as the output type
//! without unwrapping `Ok(Vec<u8>)`: the runtime refuses the input (`Codec`), or for a function
//! without arguments the node does not answer. So the call goes through the generated runtime API
//! here, whose types encode the input and decode the answer, and only the arguments' encoding
//! and the output's decoding come from the view function's metadata.

use crate::{api, At};
use subxt::{ext::scale_decode::DecodeAsType, view_functions::Payload as ViewPayload};

/// A view function's id, as the runtime API takes it.
type ViewFunctionId = api::runtime_types::frame_support::view_functions::ViewFunctionId;

/// Why a view function gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewError {
	/// `Pallet.function`.
	pub function: String,
	/// What went wrong: the node's metadata has no such function or another shape of it, the
	/// call did not reach the runtime, or the runtime refused it.
	pub reason: String,
}

impl std::fmt::Display for ViewError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "{}: {}", self.function, self.reason)
	}
}

impl std::error::Error for ViewError {}

/// Executes the view function `payload` names at the block `at` shows and returns its output's
/// SCALE bytes, of the type with id [`output_type`] in `at`'s metadata. The payload is checked
/// against the node's metadata first: a function the node's runtime shapes differently is
/// refused here.
pub async fn view_function_output<P: ViewPayload>(
	at: &At,
	payload: &P,
) -> Result<Vec<u8>, ViewError> {
	let function = format!("{}.{}", payload.pallet_name(), payload.function_name());
	let fail = |reason: String| ViewError { function: function.clone(), reason };
	let views = at.view_functions();
	views.validate(payload).map_err(|e| fail(e.to_string()))?;
	let query_id = *at
		.metadata_ref()
		.pallet_by_name(payload.pallet_name())
		.and_then(|pallet| pallet.view_function_by_name(payload.function_name()))
		.ok_or_else(|| fail("the node's runtime has no such view function".into()))?
		.query_id();
	// frame-decode writes the query id, then the arguments.
	let encoded = views.encode_args(payload).map_err(|e| fail(e.to_string()))?;
	let input = encoded
		.strip_prefix(&query_id[..])
		.ok_or_else(|| fail("the encoded arguments do not start with the query id".into()))?
		.to_vec();
	let (prefix, suffix) = query_id.split_at(16);
	let id = ViewFunctionId {
		prefix: prefix.try_into().expect("16 of 32 bytes"),
		suffix: suffix.try_into().expect("16 of 32 bytes"),
	};
	let call = api::runtime_apis().runtime_view_function().execute_view_function(id, input);
	at.runtime_apis()
		.call(call)
		.await
		.map_err(|e| fail(e.to_string()))?
		.map_err(|e| fail(format!("the runtime could not execute it: {e:?}")))
}

/// The metadata type id of the view function's output, to decode [`view_function_output`]'s
/// bytes dynamically.
pub fn output_type<P: ViewPayload>(at: &At, payload: &P) -> Result<u32, ViewError> {
	at.metadata_ref()
		.pallet_by_name(payload.pallet_name())
		.and_then(|pallet| pallet.view_function_by_name(payload.function_name()))
		.map(|function| function.output_ty())
		.ok_or_else(|| ViewError {
			function: format!("{}.{}", payload.pallet_name(), payload.function_name()),
			reason: "the node's runtime has no such view function".into(),
		})
}

/// Executes the view function `payload` names and decodes its output as the generated type.
pub async fn view_function<P: ViewPayload>(
	at: &At,
	payload: P,
) -> Result<P::ReturnType, ViewError> {
	let output = view_function_output(at, &payload).await?;
	let output_type = output_type(at, &payload)?;
	P::ReturnType::decode_as_type(&mut &output[..], output_type, at.metadata_ref().types()).map_err(
		|e| ViewError {
			function: format!("{}.{}", payload.pallet_name(), payload.function_name()),
			reason: format!("cannot decode the output: {e}"),
		},
	)
}
