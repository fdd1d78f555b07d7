//! Talking to a node: connecting, reading through runtime APIs and constants, and submitting
//! signed transactions with progress on stderr. Everything is metadata-driven (subxt's dynamic
//! API); errors become one-line [`CliError`]s.

use crate::{
	error::CliError,
	render::{node, Node, Typed},
};
use compliance_client::{Client, Progress, TxError};
use subxt::{
	dynamic::{self, Value},
	ext::scale_value::{self, Composite},
	utils::to_hex,
	Metadata, OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::Keypair;

/// A state view of the chain at its latest finalized block.
pub type At = compliance_client::At;

/// A call to submit: pallet, call name and arguments, encoded through the metadata.
pub type Call = subxt::transactions::DynamicPayload<Composite<()>>;

/// Builds a call of the runtime's `pallet` named `call`.
pub fn call(pallet: &str, name: &str, args: Vec<Value>) -> Call {
	dynamic::transaction(pallet, name, Composite::Unnamed(args))
}

/// Builds a call of the runtime's `pallet` named `name` from its arguments by name, so that
/// the metadata, not the order here, decides where each goes.
pub fn named_call<'a>(
	pallet: &str,
	name: &str,
	args: impl IntoIterator<Item = (&'a str, Value)>,
) -> Call {
	let args = args.into_iter().map(|(field, value)| (field.to_string(), value)).collect();
	dynamic::transaction(pallet, name, Composite::Named(args))
}

/// The SCALE encoding of `call` as a `RuntimeCall`, as the runtime hashes and measures it.
pub fn call_bytes(at: &At, call: &Call) -> Result<Vec<u8>, CliError> {
	at.transactions().call_data(call).map_err(|e| {
		CliError::Usage(format!("cannot encode {}.{}: {e}", call.pallet_name(), call.call_name()))
	})
}

/// A storage entry as read: its SCALE bytes, and its value decoded with its type.
pub struct Stored {
	/// The bytes kept in storage.
	pub bytes: Vec<u8>,
	/// The value, printable.
	pub node: Node,
}

/// Reads `pallet.entry` under `keys` (none for a plain value) at `at`: nothing when the entry
/// is absent and has no default.
pub async fn storage(
	at: &At,
	pallet: &str,
	entry: &str,
	keys: Vec<Value>,
) -> Result<Option<Stored>, CliError> {
	let fail = |e: String| CliError::Other(format!("cannot read {pallet}.{entry}: {e}"));
	let Some(value) = at
		.storage()
		.try_fetch(dynamic::storage::<Vec<Value>, Value>(pallet, entry), keys)
		.await
		.map_err(|e| fail(e.to_string()))?
	else {
		return Ok(None);
	};
	let types = at.metadata_ref().types();
	let typed = scale_value::scale::decode_as_type(&mut value.bytes(), value.type_id(), types)
		.map_err(|e| fail(e.to_string()))?;
	Ok(Some(Stored { node: node(&typed, types), bytes: value.into_bytes() }))
}

/// A connection to one node, through the typed client the tests and the load generator share.
pub struct Chain {
	client: Client,
}

impl Chain {
	/// Connects to the node at `url` (`ws://` or `wss://`).
	pub async fn connect(url: &str) -> Result<Self, CliError> {
		let client = Client::connect(url).await.map_err(|e| CliError::Unreachable(e.0))?;
		Ok(Self { client })
	}

	/// The subxt client of the connection.
	pub fn client(&self) -> &OnlineClient<PolkadotConfig> {
		self.client.subxt()
	}

	/// The chain at its latest finalized block.
	pub async fn at(&self) -> Result<At, CliError> {
		self.client
			.at_finalized()
			.await
			.map_err(|e| CliError::Other(format!("cannot read the latest finalized block: {e}")))
	}

	/// Submits `call` signed by `signer`, shows its progress on stderr, waits until it is
	/// finalized and returns what happened: block, extrinsic and the events it emitted.
	///
	/// A transaction the pool refuses gives [`CliError::Refused`] (real-name rejections named by
	/// their [`RejectCode`](compliance_primitives::RejectCode)); one that fails in its block
	/// gives [`CliError::Failed`] with the pallet error's name and documentation from the
	/// metadata, and so does one that executed a governance motion whose call failed (the
	/// transaction itself succeeds then: the failure is only in the body's `Executed` event).
	pub async fn submit(&self, call: &Call, signer: &Keypair) -> Result<Node, CliError> {
		let what = format!("{}.{}", call.pallet_name(), call.call_name());
		let included = self
			.client
			.submit_with_progress(call, signer, |progress| match progress {
				Progress::Submitted { extrinsic_hash, signer } => eprintln!(
					"submitted {what} signed by {signer} ({}), waiting for a block…",
					to_hex(extrinsic_hash)
				),
				Progress::InBestBlock { number: Some(n) } =>
					eprintln!("in block #{n}, waiting for finality…"),
				Progress::InBestBlock { number: None } =>
					eprintln!("in a block, waiting for finality…"),
				Progress::Retracted => eprintln!("no longer in the best block, waiting…"),
				Progress::Finalized { number } => eprintln!("finalized in block #{number}"),
			})
			.await
			.map_err(|e| match e {
				TxError::Build(m) => CliError::Usage(format!("cannot build {what}: {m}")),
				TxError::Refused(_) | TxError::Failed(_) | TxError::MotionFailed(_) =>
					tx_error(&what, &e),
				TxError::Other(m) => CliError::Other(format!("{what}: {m}")),
			})?;
		let metadata = self.at().await?.metadata();
		let mut out = Vec::new();
		for event in included.events.iter() {
			let event = event
				.map_err(|e| CliError::Other(format!("cannot decode an event of {what}: {e}")))?;
			let (pallet, name) = (event.pallet_name(), event.event_name());
			if !shown(pallet, name) {
				continue;
			}
			let fields = event_fields(
				&metadata,
				event.pallet_index(),
				event.event_index(),
				event.field_bytes(),
			)?;
			out.push(Node::map([
				("event", Node::text(format!("{pallet}.{name}"))),
				("fields", Node::Map(fields.into_iter().map(|(k, v, _)| (k, v)).collect())),
			]));
		}
		Ok(Node::map([
			("call", Node::text(what)),
			("extrinsic", Node::text(to_hex(included.extrinsic_hash))),
			("block", Node::Uint(included.block_number.into())),
			("block_hash", Node::text(to_hex(included.block_hash))),
			("events", Node::List(out)),
		]))
	}
}

/// A refused or failed transaction as the one line the tool prints.
fn tx_error(what: &str, error: &TxError) -> CliError {
	match error {
		TxError::Refused(refusal) =>
			CliError::Refused(format!("{what} refused by the transaction pool: {}", refusal.reason)),
		TxError::Failed(failure) => CliError::Failed(format!("{what} failed: {failure}")),
		TxError::MotionFailed(failure) =>
			CliError::Failed(format!("{what} executed the motion, whose call failed: {failure}")),
		other => CliError::Other(format!("{what}: {other}")),
	}
}

/// Calls runtime API `api`'s `method` at `at` and decodes the answer with its type ids.
pub async fn api(at: &At, api: &str, method: &str, args: Vec<Value>) -> Result<Node, CliError> {
	let fail = |e: String| CliError::Other(format!("{api}.{method}: {e}"));
	let payload = dynamic::runtime_api_call::<_, Value>(api, method, args);
	let apis = at.runtime_apis();
	let encoded = apis.encode_args(&payload).map_err(|e| fail(e.to_string()))?;
	let bytes = apis
		.call_raw(&apis.encode_name(&payload), Some(&encoded))
		.await
		.map_err(|e| fail(e.to_string()))?;
	let metadata = at.metadata_ref();
	let output = metadata
		.runtime_api_trait_by_name(api)
		.and_then(|t| t.method_by_name(method))
		.map(|m| m.output_ty())
		.ok_or_else(|| fail("the node's runtime does not have this API".into()))?;
	let value = scale_value::scale::decode_as_type(&mut &bytes[..], output, metadata.types())
		.map_err(|e| fail(e.to_string()))?;
	Ok(node(&value, metadata.types()))
}

/// Reads the `u32` constant `pallet.name`.
pub fn constant_u32(at: &At, pallet: &str, name: &str) -> Result<u32, CliError> {
	at.constants()
		.entry(dynamic::constant::<u32>(pallet, name))
		.map_err(|e| CliError::Other(format!("cannot read constant {pallet}.{name}: {e}")))
}

/// Which events a receipt shows: not the bookkeeping of every transaction.
fn shown(pallet: &str, event: &str) -> bool {
	match pallet {
		// Runtime upgrades are news: a motion authorizes one, `gov apply-upgrade` applies it.
		"System" => matches!(event, "UpgradeAuthorized" | "CodeUpdated"),
		"TransactionPayment" => false,
		// Fees move balances in every transaction; only transfers are news.
		"Balances" => event == "Transfer",
		_ => true,
	}
}

/// The fields of an event, decoded with their types: `(name, printable, raw)`.
pub fn event_fields(
	metadata: &Metadata,
	pallet_index: u8,
	event_index: u8,
	mut bytes: &[u8],
) -> Result<Vec<(String, Node, Typed)>, CliError> {
	let variant = metadata
		.pallet_by_event_index(pallet_index)
		.and_then(|p| p.event_variant_by_index(event_index))
		.ok_or_else(|| CliError::Other("an event is missing from the metadata".into()))?;
	let mut out = Vec::new();
	for (i, field) in variant.fields.iter().enumerate() {
		let value = scale_value::scale::decode_as_type(&mut bytes, field.ty.id, metadata.types())
			.map_err(|e| {
			CliError::Other(format!("cannot decode event {}: {e}", variant.name))
		})?;
		let name = field.name.clone().unwrap_or_else(|| i.to_string());
		out.push((name, node(&value, metadata.types()), value));
	}
	Ok(out)
}
