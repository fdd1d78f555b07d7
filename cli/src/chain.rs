//! Talking to a node: connecting, reading through runtime APIs and constants, and submitting
//! signed transactions with progress on stderr. Everything is metadata-driven (subxt's dynamic
//! API); errors become one-line [`CliError`]s.

use crate::{
	error::CliError,
	gov::Body,
	render::{node, value_bytes, Node, Typed},
};
use compliance_primitives::RejectCode;
use std::time::Duration;
use subxt::{
	dynamic::{self, Value},
	error::{DispatchError, ModuleError, TransactionEventsError},
	ext::scale_value::{self, Composite, ValueDef},
	transactions::{DefaultParams, TransactionInvalid, TransactionStatus, ValidationResult},
	utils::to_hex,
	Metadata, OnlineClient, OnlineClientAtBlock, PolkadotConfig,
};
use subxt_signer::sr25519::Keypair;

/// How long connecting to the node may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// A state view of the chain at its latest finalized block.
pub type At = OnlineClientAtBlock<PolkadotConfig>;

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

/// A connection to one node.
pub struct Chain {
	client: OnlineClient<PolkadotConfig>,
}

impl Chain {
	/// Connects to the node at `url` (`ws://` or `wss://`).
	pub async fn connect(url: &str) -> Result<Self, CliError> {
		let unreachable =
			|reason: String| CliError::Unreachable(format!("cannot reach node at {url}: {reason}"));
		let client = tokio::time::timeout(
			CONNECT_TIMEOUT,
			OnlineClient::<PolkadotConfig>::from_insecure_url(url),
		)
		.await
		.map_err(|_| unreachable(format!("no answer within {}s", CONNECT_TIMEOUT.as_secs())))?
		.map_err(|e| unreachable(root_cause(&e.to_string())))?;
		Ok(Self { client })
	}

	/// The subxt client of the connection.
	pub fn client(&self) -> &OnlineClient<PolkadotConfig> {
		&self.client
	}

	/// The chain at its latest finalized block.
	pub async fn at(&self) -> Result<At, CliError> {
		self.client
			.at_current_block()
			.await
			.map_err(|e| CliError::Other(format!("cannot read the latest finalized block: {e}")))
	}

	/// Submits `call` signed by `signer`, shows its progress on stderr, waits until it is
	/// finalized and returns what happened: block, extrinsic and the events it emitted.
	///
	/// A transaction the pool refuses gives [`CliError::Refused`] (real-name rejections named by
	/// their [`RejectCode`]); one that fails in its block gives [`CliError::Failed`] with the
	/// pallet error's name and documentation from the metadata, and so does one that executed a
	/// governance motion whose call failed (the transaction itself succeeds then: the failure is
	/// only in the body's `Executed { result }` event).
	pub async fn submit(&self, call: &Call, signer: &Keypair) -> Result<Node, CliError> {
		let at = self.at().await?;
		let metadata = at.metadata();
		let what = format!("{}.{}", call.pallet_name(), call.call_name());
		let tx = at
			.transactions()
			.create_signed(call, signer, DefaultParams::default_params())
			.await
			.map_err(|e| CliError::Usage(format!("cannot build {what}: {e}")))?;

		// Ask the runtime first: its verdict carries the real-name check's code.
		match tx
			.validate()
			.await
			.map_err(|e| CliError::Other(format!("cannot validate {what}: {e}")))?
		{
			ValidationResult::Valid(_) => {},
			ValidationResult::Invalid(invalid) => return Err(refused(&what, &invalid)),
			ValidationResult::Unknown(unknown) =>
				return Err(CliError::Refused(format!(
					"{what} refused by the transaction pool: the runtime cannot validate it ({unknown:?})"
				))),
		}

		let mut progress = tx
			.submit_and_watch()
			.await
			.map_err(|e| CliError::Refused(format!("{what} refused by the node: {e}")))?;
		eprintln!(
			"submitted {what} signed by {} ({}), waiting for a block…",
			signer.public_key().to_account_id(),
			to_hex(progress.extrinsic_hash())
		);
		while let Some(status) = progress.next().await {
			let status =
				status.map_err(|e| CliError::Other(format!("lost track of {what}: {e}")))?;
			match status {
				TransactionStatus::Validated | TransactionStatus::Broadcasted => {},
				TransactionStatus::NoLongerInBestBlock =>
					eprintln!("no longer in the best block, waiting…"),
				TransactionStatus::InBestBlock(block) => {
					let number = block.at().await.map(|b| b.block_number()).ok();
					match number {
						Some(n) => eprintln!("in block #{n}, waiting for finality…"),
						None => eprintln!("in block {}, waiting for finality…", block.block_hash()),
					}
				},
				TransactionStatus::InFinalizedBlock(block) => {
					let number = block.at().await.map(|b| b.block_number()).map_err(|e| {
						CliError::Other(format!("cannot open the block of {what}: {e}"))
					})?;
					eprintln!("finalized in block #{number}");
					let events = block.wait_for_success().await.map_err(|e| failed(&what, e))?;
					let mut out = Vec::new();
					for event in events.iter() {
						let event = event.map_err(|e| {
							CliError::Other(format!("cannot decode an event of {what}: {e}"))
						})?;
						let (pallet, name) = (event.pallet_name(), event.event_name());
						let fields = event_fields(
							&metadata,
							event.pallet_index(),
							event.event_index(),
							event.field_bytes(),
						)?;
						if name == "Executed" && Body::of_pallet(pallet).is_some() {
							if let Some(error) = dispatch_error(&metadata, &fields, "result") {
								return Err(CliError::Failed(format!(
									"{what} executed the motion, whose call failed: {error}"
								)));
							}
						}
						if shown(pallet, name) {
							out.push(Node::map([
								("event", Node::text(format!("{pallet}.{name}"))),
								(
									"fields",
									Node::Map(fields.into_iter().map(|(k, v, _)| (k, v)).collect()),
								),
							]));
						}
					}
					return Ok(Node::map([
						("call", Node::text(what)),
						("extrinsic", Node::text(to_hex(block.extrinsic_hash()))),
						("block", Node::Uint(number.into())),
						("block_hash", Node::text(to_hex(block.block_hash()))),
						("events", Node::List(out)),
					]));
				},
				TransactionStatus::Error { message } |
				TransactionStatus::Invalid { message } |
				TransactionStatus::Dropped { message } =>
					return Err(CliError::Refused(format!(
						"{what} refused by the transaction pool: {message}"
					))),
			}
		}
		Err(CliError::Other(format!("the node stopped reporting the progress of {what}")))
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
	if rest.len() < message.trim().len() && !rest.is_empty() {
		rest.to_string()
	} else {
		message.trim().to_string()
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

/// The error inside an event's `field: Result<(), DispatchError>` when it is an `Err`, described
/// from the metadata: a pallet error by pallet, name and documentation, any other by its name.
fn dispatch_error(
	metadata: &Metadata,
	fields: &[(String, Node, Typed)],
	field: &str,
) -> Option<String> {
	let (_, _, result) = fields.iter().find(|(name, _, _)| name == field)?;
	let ValueDef::Variant(result) = &result.value else { return None };
	if result.name != "Err" {
		return None;
	}
	let error = result.values.values().next()?;
	let ValueDef::Variant(error) = &error.value else { return None };
	if error.name != "Module" {
		return Some(error.name.clone());
	}
	// `Module(ModuleError { index, error: [u8; 4] })`: look the pallet and variant up.
	let module = error.values.values().next()?;
	let (index, code) = match &module.value {
		ValueDef::Composite(Composite::Named(entries)) => {
			let get = |key: &str| entries.iter().find(|(k, _)| k == key).map(|(_, v)| v);
			(value_bytes(get("index")?)?, value_bytes(get("error")?)?)
		},
		_ => return None,
	};
	let pallet = metadata.pallet_by_error_index(*index.first()?)?;
	let variant = pallet.error_variant_by_index(*code.first()?)?;
	Some(format!("{}.{}: {}", pallet.name(), variant.name, variant.docs.join(" ")))
}

/// A pool refusal as one line; real-name rejections by their [`RejectCode`].
fn refused(what: &str, invalid: &TransactionInvalid) -> CliError {
	let reason = match invalid {
		TransactionInvalid::Custom(code) => match RejectCode::from_code(*code) {
			Some(reject) => format!("{reject:?} (code {code}): {}", reject.description()),
			None => format!("custom code {code} (not a real-name rejection code)"),
		},
		TransactionInvalid::Payment => "Payment: the signer cannot pay the fee".into(),
		TransactionInvalid::Stale =>
			"Stale: the nonce was already used (an earlier transaction is pending?)".into(),
		TransactionInvalid::Future => "Future: the nonce is too high".into(),
		TransactionInvalid::BadProof =>
			"BadProof: the signature does not verify (wrong chain?)".into(),
		TransactionInvalid::ExhaustsResources =>
			"ExhaustsResources: the block is full, try again".into(),
		other => format!("{other:?}"),
	};
	CliError::Refused(format!("{what} refused by the transaction pool: {reason}"))
}

/// A transaction that failed in its block, by pallet error name and documentation.
fn failed(what: &str, error: TransactionEventsError) -> CliError {
	match error {
		TransactionEventsError::ExtrinsicFailed(DispatchError::Module(module)) =>
			CliError::Failed(format!("{what} failed: {}", module_error(&module))),
		TransactionEventsError::ExtrinsicFailed(other) =>
			CliError::Failed(format!("{what} failed: {other}")),
		other => CliError::Other(format!("cannot read the outcome of {what}: {other}")),
	}
}

fn module_error(error: &ModuleError) -> String {
	match error.details() {
		Ok(details) => format!(
			"{}.{}: {}",
			details.pallet.name(),
			details.variant.name,
			details.variant.docs.join(" ")
		),
		Err(_) => error.to_string(),
	}
}
