//! Talking to a node through the typed client: connecting, reading through the generated view
//! function payloads and storage addresses, and submitting [`RuntimeCall`]s with progress on
//! stderr. Arguments are typed by the generated code; answers that the tool prints are decoded with
//! their metadata types, so that one renderer prints every one of them. Errors become one-line
//! [`CliError`]s.

use crate::{
	error::CliError,
	render::{node, Node, Typed},
};
use compliance_client::{
	call_payload, output_type, view_function_output, ChainConfig, Client, Progress, RuntimeCall,
	TxError, ViewError,
};
use subxt::{
	error::EventsError, events::Event, ext::scale_value, storage::Address, utils::to_hex,
	view_functions::Payload as ViewPayload, Metadata,
};
use subxt_signer::sr25519::Keypair;

/// A state view of the chain at its latest finalized block.
pub type At = compliance_client::At;

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
	pub async fn submit(&self, call: &RuntimeCall, signer: &Keypair) -> Result<Node, CliError> {
		let at = self.at().await?;
		let payload = call_payload(&at, call)
			.map_err(|e| CliError::Usage(format!("cannot build the call: {e:?}")))?;
		let what = format!("{}.{}", payload.pallet_name(), payload.call_name());
		let included = self
			.client
			.submit_with_progress(&payload, signer, |progress| match progress {
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
			.map_err(|e| tx_error(&what, e))?;
		let metadata = at.metadata();
		let out = decoded_events(&metadata, included.events.iter(), &what, |event| {
			shown(event.pallet_name(), event.event_name())
		})?
		.into_iter()
		.map(|(event, fields)| {
			Node::map([
				("event", Node::text(format!("{}.{}", event.pallet_name(), event.event_name()))),
				("fields", printable(fields)),
			])
		})
		.collect();
		Ok(Node::map([
			("call", Node::text(what)),
			("extrinsic", Node::text(to_hex(included.extrinsic_hash))),
			("block", Node::Uint(included.block_number.into())),
			("block_hash", Node::text(to_hex(included.block_hash))),
			("events", Node::List(out)),
		]))
	}
}

/// A transaction that did not do what it was sent for, as the one line the tool prints.
fn tx_error(what: &str, error: TxError) -> CliError {
	match error {
		TxError::Build(m) => CliError::Usage(format!("cannot build {what}: {m}")),
		TxError::Refused(refusal) =>
			CliError::Refused(format!("{what} refused by the transaction pool: {}", refusal.reason)),
		TxError::Failed(failure) => CliError::Failed(format!("{what} failed: {failure}")),
		TxError::MotionFailed(failure) =>
			CliError::Failed(format!("{what} executed the motion, whose call failed: {failure}")),
		TxError::UpgradeRejected(failure) => CliError::Failed(format!(
			"{what} was included, but the chain rejected the authorized code: {failure} (the \
			 authorization is cleared)"
		)),
		TxError::Other(m) => CliError::Other(format!("{what}: {m}")),
	}
}

/// Calls the view function that `payload` (a generated `api::view_functions()` payload: typed
/// arguments, its shape checked against the node's metadata) names, and decodes the answer with
/// its metadata type for printing.
pub async fn view<P: ViewPayload>(at: &At, payload: P) -> Result<Node, CliError> {
	let fail = |e: ViewError| CliError::Other(e.to_string());
	let output = view_function_output(at, &payload).await.map_err(fail)?;
	let output_type = output_type(at, &payload).map_err(fail)?;
	let metadata = at.metadata_ref();
	let value = scale_value::scale::decode_as_type(&mut &output[..], output_type, metadata.types())
		.map_err(|e| {
			CliError::Other(format!(
				"{}.{}: cannot decode the output: {e}",
				payload.pallet_name(),
				payload.function_name()
			))
		})?;
	Ok(node(&value, metadata.types()))
}

/// Reads the storage entry at `address` (a generated `api::storage()` address) under `keys`:
/// its SCALE bytes and its value as the generated type, nothing when the entry is absent.
pub async fn storage<A: Address>(
	at: &At,
	address: A,
	keys: A::KeyParts,
) -> Result<Option<(Vec<u8>, A::Value)>, CliError>
where
	A::Value: subxt::ext::scale_decode::DecodeAsType,
{
	let what = format!("{}.{}", address.pallet_name(), address.entry_name());
	let fail = |e: String| CliError::Other(format!("cannot read {what}: {e}"));
	let Some(value) =
		at.storage().try_fetch(address, keys).await.map_err(|e| fail(e.to_string()))?
	else {
		return Ok(None);
	};
	let decoded = value.decode_as::<A::Value>().map_err(|e| fail(e.to_string()))?;
	Ok(Some((value.into_bytes(), decoded)))
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

/// The events among `events` (of a transaction or a block, named `source` in errors) that
/// `keep` selects, each with its fields decoded by [`event_fields`].
pub fn decoded_events<'a>(
	metadata: &Metadata,
	events: impl Iterator<Item = Result<Event<'a, ChainConfig>, EventsError>>,
	source: &str,
	keep: impl Fn(&Event<'a, ChainConfig>) -> bool,
) -> Result<Vec<(Event<'a, ChainConfig>, Vec<(String, Node, Typed)>)>, CliError> {
	let mut out = Vec::new();
	for event in events {
		let event = event
			.map_err(|e| CliError::Other(format!("cannot decode an event of {source}: {e}")))?;
		if !keep(&event) {
			continue;
		}
		let fields =
			event_fields(metadata, event.pallet_index(), event.event_index(), event.field_bytes())?;
		out.push((event, fields));
	}
	Ok(out)
}

/// An event's decoded fields as one printable map.
pub fn printable(fields: Vec<(String, Node, Typed)>) -> Node {
	Node::Map(fields.into_iter().map(|(name, node, _)| (name, node)).collect())
}

/// The fields of an event, decoded with their types: `(name, printable, raw)`.
pub fn event_fields(
	metadata: &Metadata,
	pallet_index: u8,
	event_index: u8,
	bytes: &[u8],
) -> Result<Vec<(String, Node, Typed)>, CliError> {
	let fields = compliance_client::event_fields(metadata, pallet_index, event_index, bytes)
		.map_err(CliError::Other)?;
	Ok(fields
		.into_iter()
		.map(|(name, value)| (name, node(&value, metadata.types()), value))
		.collect())
}
