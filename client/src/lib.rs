//! # compliance-client
//!
//! The client of Compliance Chain that the command-line tool and the black-box tests share. It
//! sees the chain only through the node's RPC and the runtime's metadata:
//!
//! - [`api`]: calls, storage entries, events, constants, runtime APIs and every runtime type,
//!   generated at compile time by subxt from `metadata/compliance.scale`. A retyped argument breaks
//!   the build of code that uses it; every static call carries the hash of its shape, so subxt
//!   refuses to sign a call the node's runtime shapes differently. (The generated call functions
//!   take arguments by position: for two arguments of one type, build the call from its
//!   `calls::types` struct, whose fields are named.) The runtime test
//!   `the_clients_metadata_is_this_runtimes` fails when the file is not the runtime's current
//!   metadata; refresh it with `COMPLIANCE_WRITE_METADATA=1 cargo test -p compliance-runtime --lib
//!   metadata`.
//! - [`Client`]: a connection to one node; [`Client::submit`] signs, submits to the pool, follows
//!   the transaction to a finalized block and names what went wrong ([`TxError`]): the pool's
//!   refusal with the real-name check's rejection code, a pallet error with its documentation, or
//!   the failure of a motion the transaction executed.
//! - [`view_function`]: the runtime's view functions (the chain's read surface), by name from
//!   metadata, decoded as the generated types (or dynamically, from [`view_function_output`]).
//! - [`keys`]: signing keys from secret URIs, the environment and the development accounts.

#![deny(missing_docs)]

pub mod keys;
mod submit;
mod views;

pub use submit::{
	failure, refusal, runtime_failure, Failure, Included, Progress, Refusal, TxError,
};
pub use views::{output_type, view_function, view_function_output, ViewError};

use std::time::Duration;
use subxt::{
	ext::{scale_encode::EncodeAsType, scale_value::Composite},
	transactions::DynamicPayload,
	OnlineClient, OnlineClientAtBlock, PolkadotConfig,
};

/// The metadata the generated code comes from (`metadata/compliance.scale`), for encoding calls
/// with no node at hand. Named here also so that cargo rebuilds this crate when the file changes:
/// the code-generating macro reads it without telling cargo.
pub const METADATA: &[u8] = include_bytes!("../metadata/compliance.scale");

/// Everything the runtime's metadata describes, as Rust types and functions.
#[subxt::subxt(
	runtime_metadata_path = "metadata/compliance.scale",
	derive_for_all_types = "Clone, PartialEq, Eq"
)]
pub mod api {}

/// A call of the runtime, built from the generated types with every argument named:
/// `RuntimeCall::Moderation(moderation::Call::hide { hash, reason, note_hash })`. A renamed or
/// retyped argument breaks the build of code that builds it; a reordered one cannot swap two
/// values, because [`call_payload`] encodes fields by name.
pub type RuntimeCall = api::Call;

/// The payload a [`RuntimeCall`] is submitted as.
pub type CallPayload = DynamicPayload<Composite<()>>;

/// `call` as the node whose chain `at` shows reads it: encoded against the node's own metadata,
/// pallet, call and every field matched by name and checked against its type, so a call the
/// node's runtime shapes differently is refused here ([`TxError::Build`]) rather than on chain.
pub fn call_payload(at: &At, call: &RuntimeCall) -> Result<CallPayload, TxError> {
	let bytes = call_data(at, call)?;
	at.transactions()
		.from_call_data_bytes(&bytes)
		.map_err(|e| TxError::Build(format!("the node cannot decode the call: {e}")))
}

/// `call`'s SCALE encoding as a `RuntimeCall` of the node's runtime (what a motion carries and
/// what `length_bound`s measure); see [`call_payload`].
pub fn call_data(at: &At, call: &RuntimeCall) -> Result<Vec<u8>, TxError> {
	encode_call(&at.metadata_ref(), call)
}

/// `call`'s SCALE encoding as a `RuntimeCall` of the runtime `metadata` describes: its fields
/// encoded by name, as [`call_data`] sends them.
pub fn encode_call(metadata: &subxt::Metadata, call: &RuntimeCall) -> Result<Vec<u8>, TxError> {
	call.encode_as_type(metadata.outer_enums().call_enum_ty(), metadata.types())
		.map_err(|e| TxError::Build(format!("the node's runtime does not take this call: {e}")))
}

/// The fields of an event, decoded with the types of `metadata` (the runtime that emitted it):
/// `(name, value)`, unnamed fields named by their position.
pub fn event_fields(
	metadata: &subxt::Metadata,
	pallet_index: u8,
	event_index: u8,
	mut bytes: &[u8],
) -> Result<Vec<(String, subxt::ext::scale_value::Value<u32>)>, String> {
	let variant = metadata
		.pallet_by_event_index(pallet_index)
		.and_then(|p| p.event_variant_by_index(event_index))
		.ok_or_else(|| "an event is missing from the metadata".to_string())?;
	let mut out = Vec::with_capacity(variant.fields.len());
	for (i, field) in variant.fields.iter().enumerate() {
		let value = subxt::ext::scale_value::scale::decode_as_type(
			&mut bytes,
			field.ty.id,
			metadata.types(),
		)
		.map_err(|e| format!("cannot decode event {}: {e}", variant.name))?;
		out.push((field.name.clone().unwrap_or_else(|| i.to_string()), value));
	}
	Ok(out)
}

/// The chain's transaction format: the SDK's default signed extensions (the chain's own
/// `CheckRealName` carries no bytes of its own in the extrinsic).
pub type ChainConfig = PolkadotConfig;

/// The chain as seen at one block.
pub type At = OnlineClientAtBlock<ChainConfig>;

/// How long connecting to a node may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// A connection to one node.
#[derive(Clone)]
pub struct Client {
	inner: OnlineClient<ChainConfig>,
}

/// Why a node could not be reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreachable(pub String);

impl std::fmt::Display for Unreachable {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str(&self.0)
	}
}

impl std::error::Error for Unreachable {}

impl Client {
	/// Connects to the node at `url` (`ws://` or `wss://`) within [`CONNECT_TIMEOUT`].
	pub async fn connect(url: &str) -> Result<Self, Unreachable> {
		let unreachable =
			|reason: String| Unreachable(format!("cannot reach node at {url}: {reason}"));
		let inner = tokio::time::timeout(
			CONNECT_TIMEOUT,
			OnlineClient::<ChainConfig>::from_insecure_url(url),
		)
		.await
		.map_err(|_| unreachable(format!("no answer within {}s", CONNECT_TIMEOUT.as_secs())))?
		.map_err(|e| unreachable(root_cause(&e.to_string())))?;
		Ok(Self { inner })
	}

	/// Wraps a subxt client already connected.
	pub fn from_subxt(inner: OnlineClient<ChainConfig>) -> Self {
		Self { inner }
	}

	/// The underlying subxt client, for what this crate does not wrap (block streams, raw RPC).
	pub fn subxt(&self) -> &OnlineClient<ChainConfig> {
		&self.inner
	}

	/// The chain at its latest finalized block.
	pub async fn at_finalized(&self) -> Result<At, subxt::Error> {
		Ok(self.inner.at_current_block().await?)
	}

	/// [`Client::submit_with_progress`] for a [`RuntimeCall`], encoded by [`call_payload`]
	/// against the node's metadata at the latest finalized block.
	pub async fn submit_call_with_progress(
		&self,
		call: &RuntimeCall,
		signer: &subxt_signer::sr25519::Keypair,
		on_progress: impl FnMut(Progress),
	) -> Result<Included, TxError> {
		let at = self.at_finalized().await.map_err(|e| TxError::Other(e.to_string()))?;
		let payload = call_payload(&at, call)?;
		self.submit_with_progress(&payload, signer, on_progress).await
	}
}

/// The innermost part of a connection error ("Connection refused (os error 111)" rather than
/// the chain of wrappers around it).
fn root_cause(message: &str) -> String {
	const WRAPPERS: [&str; 4] =
		["Cannot construct OnlineClient: ", "RPC error: ", "client error: ", "Error when "];
	let mut rest = message.trim();
	while let Some(stripped) = WRAPPERS.iter().find_map(|w| rest.strip_prefix(w)) {
		rest = stripped.trim();
	}
	if rest.is_empty() {
		message.trim().to_string()
	} else {
		rest.to_string()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn connection_errors_keep_their_innermost_reason() {
		assert_eq!(
			root_cause("RPC error: client error: Connection refused (os error 111)"),
			"Connection refused (os error 111)"
		);
		assert_eq!(root_cause("  timed out "), "timed out");
		assert_eq!(root_cause("RPC error: "), "RPC error:");
	}
}
