//! Test harness for black-box tests of `compliance-node`.
//!
//! [`TestNode`] spawns the built node binary on free ports with a temporary base path, waits
//! until its RPC answers, and kills the process and removes its directory when dropped, whether
//! the test passed or not. Tests then talk to it only through subxt, as users do.
//!
//! The helpers below submit transactions and read their outcome the way a wallet would:
//! [`submit_and_wait`] tells a transaction the pool refused at submission ([`TxError::Refused`],
//! whose `InvalidTransaction::Custom` code [`pool_rejection_code`] extracts) from one that was
//! included but failed in dispatch ([`TxError::Failed`], named from metadata).

#![deny(missing_docs)]

use std::{
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};
use subxt::{
	dynamic::{At, Value},
	error::{
		DispatchError, ExtrinsicError, TransactionEventsError, TransactionProgressError,
		TransactionStatusError,
	},
	extrinsics::ExtrinsicEvents,
	transactions::{Payload, Signer, TransactionStatus},
	Metadata, OnlineClient, PolkadotConfig,
};

/// How long a node may take from spawn to answering RPC (a debug build compiles the runtime
/// with wasmtime first).
pub const STARTUP_TIMEOUT: Duration = Duration::from_secs(180);

/// How long a transaction may take from submission to a finalized block (blocks are 6 s; a
/// debug node on a busy machine is slower).
pub const TX_TIMEOUT: Duration = Duration::from_secs(180);

/// The client the tests use.
pub type Client = OnlineClient<PolkadotConfig>;

/// The events of one included extrinsic.
pub type Events = ExtrinsicEvents<PolkadotConfig>;

/// A running `compliance-node`, killed and cleaned up on drop.
pub struct TestNode {
	child: Child,
	base_path: tempfile::TempDir,
	rpc_port: u16,
	p2p_port: u16,
}

/// The path of the built `compliance-node` binary: `COMPLIANCE_NODE_BIN` if set, else the
/// binary next to this test executable's target directory.
pub fn node_binary() -> PathBuf {
	if let Some(path) = std::env::var_os("COMPLIANCE_NODE_BIN") {
		return PathBuf::from(path);
	}
	// The test executable lives in `<target>/<profile>/deps/`; the node in `<target>/<profile>/`.
	let exe = std::env::current_exe().expect("the test executable has a path");
	let profile_dir = exe
		.parent()
		.and_then(Path::parent)
		.expect("test executables live in <target>/<profile>/deps");
	profile_dir.join("compliance-node")
}

/// A TCP port nobody listens on right now.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|listener| listener.local_addr())
		.map(|addr| addr.port())
		.expect("the OS hands out a free loopback port")
}

impl TestNode {
	/// Spawns `compliance-node` with `args` (e.g. `["--dev"]`) on free ports and a fresh base
	/// path. Its log goes to `node.log` inside the base path.
	pub fn spawn(args: &[&str]) -> Self {
		let binary = node_binary();
		assert!(
			binary.exists(),
			"{} does not exist: build it first (`cargo build -p compliance-node`)",
			binary.display()
		);
		let base_path = tempfile::tempdir().expect("a temporary directory can be created");
		let rpc_port = free_port();
		let p2p_port = free_port();
		let log = std::fs::File::create(base_path.path().join("node.log"))
			.expect("the log file can be created");
		let child = Command::new(&binary)
			.args(args)
			.arg("--base-path")
			.arg(base_path.path())
			.args(["--rpc-port", &rpc_port.to_string()])
			.args(["--port", &p2p_port.to_string()])
			.args(["--no-prometheus", "--no-telemetry", "--no-mdns"])
			.stdout(Stdio::null())
			.stderr(log)
			.spawn()
			.unwrap_or_else(|e| panic!("{} cannot be started: {e}", binary.display()));
		Self { child, base_path, rpc_port, p2p_port }
	}

	/// The node's WebSocket RPC address.
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// The node's peer-to-peer port.
	pub fn p2p_port(&self) -> u16 {
		self.p2p_port
	}

	/// Everything the node has logged so far.
	pub fn log(&self) -> String {
		std::fs::read_to_string(self.base_path.path().join("node.log")).unwrap_or_default()
	}

	/// Waits until the node answers RPC, and returns a client connected to it. Panics with the
	/// node's log if it exits or does not answer within [`STARTUP_TIMEOUT`].
	pub async fn client(&mut self) -> OnlineClient<PolkadotConfig> {
		let deadline = Instant::now() + STARTUP_TIMEOUT;
		loop {
			if let Ok(Some(status)) = self.child.try_wait() {
				panic!("the node exited early ({status}); its log:\n{}", self.log());
			}
			match OnlineClient::<PolkadotConfig>::from_url(self.ws_url()).await {
				Ok(client) => return client,
				Err(e) if Instant::now() > deadline =>
					panic!("the node did not answer RPC in time ({e}); its log:\n{}", self.log()),
				Err(_) => tokio::time::sleep(Duration::from_millis(500)).await,
			}
		}
	}
}

impl Drop for TestNode {
	fn drop(&mut self) {
		// SIGKILL: the test has what it needs, and the base path is removed right after.
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

/// Why a transaction did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TxError {
	/// The node refused the transaction at submission: transaction-pool validation failed, so it
	/// never reached a block. Holds the node's message.
	Refused(String),
	/// The transaction was included in a finalized block, but its dispatch failed. Holds the
	/// error as `Pallet::Variant` (names from metadata) for pallet errors, else its description.
	Failed(String),
	/// Anything else: encoding, connection, timeout, or the pool dropping it later.
	Other(String),
}

impl std::fmt::Display for TxError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			TxError::Refused(message) => write!(f, "refused at submission: {message}"),
			TxError::Failed(error) => write!(f, "failed in dispatch: {error}"),
			TxError::Other(message) => write!(f, "{message}"),
		}
	}
}

/// Signs `payload` with `signer` at the current finalized block, submits it and waits until it
/// is in a finalized block. Returns its events if it succeeded.
///
/// Waiting for finality (not just inclusion) lets the next transaction of the same signer take
/// its nonce from the finalized state, which is where subxt reads it.
pub async fn submit_and_wait<P: Payload, S: Signer<PolkadotConfig>>(
	client: &Client,
	payload: &P,
	signer: &S,
) -> Result<Events, TxError> {
	let other = |e: &dyn std::fmt::Display| TxError::Other(e.to_string());
	let mut transactions = client.transactions().await.map_err(|e| other(&e))?;
	let mut progress = match transactions.sign_and_submit_then_watch_default(payload, signer).await
	{
		Ok(progress) => progress,
		// The legacy RPC answers a submission that fails validation with an error.
		Err(ExtrinsicError::ErrorSubmittingTransaction(e)) =>
			return Err(TxError::Refused(e.to_string())),
		Err(e) => return Err(other(&e)),
	};
	let finalized = tokio::time::timeout(TX_TIMEOUT, async {
		let mut validated = false;
		while let Some(status) = progress.next().await {
			match status.map_err(|e| progress_error(e, validated))? {
				TransactionStatus::InFinalizedBlock(in_block) => return Ok(in_block),
				TransactionStatus::Validated => validated = true,
				// The new RPC reports a submission that fails validation as its first event.
				TransactionStatus::Invalid { message } if !validated =>
					return Err(TxError::Refused(message)),
				TransactionStatus::Invalid { message } |
				TransactionStatus::Error { message } |
				TransactionStatus::Dropped { message } =>
					return Err(TxError::Other(format!("after validation: {message}"))),
				_ => {},
			}
		}
		Err(TxError::Other("the transaction status stream ended".into()))
	})
	.await
	.map_err(|_| TxError::Other(format!("not finalized within {TX_TIMEOUT:?}")))??;
	finalized.wait_for_success().await.map_err(|e| match e {
		TransactionEventsError::ExtrinsicFailed(error) =>
			TxError::Failed(dispatch_error_name(&error)),
		e => other(&e),
	})
}

fn progress_error(error: TransactionProgressError, validated: bool) -> TxError {
	match error {
		TransactionProgressError::TransactionStatusError(TransactionStatusError::Invalid(
			message,
		)) if !validated => TxError::Refused(message),
		e => TxError::Other(e.to_string()),
	}
}

/// A dispatch error as `Pallet::Variant` for pallet errors (names from metadata), else its
/// description.
pub fn dispatch_error_name(error: &DispatchError) -> String {
	match error {
		DispatchError::Module(module) => module.details_string(),
		other => other.to_string(),
	}
}

/// The `InvalidTransaction::Custom` code of a transaction the pool refused at submission, if
/// that is why it was refused. The node words it "Invalid transaction with custom error: 7"
/// (new RPC) or "... Custom error: 7" / "Custom(7)" (legacy RPC).
pub fn pool_rejection_code(error: &TxError) -> Option<u8> {
	let TxError::Refused(message) = error else { return None };
	compliance_primitives::RejectCode::custom_code_in(message)
}

/// The fields of every event `pallet::name` among `events`, decoded from metadata.
pub fn events_named(events: &Events, pallet: &str, name: &str) -> Vec<Value> {
	events
		.iter()
		.map(|event| event.expect("an event decodes"))
		.filter(|event| event.pallet_name() == pallet && event.event_name() == name)
		.map(|event| event.decode_fields_unchecked_as::<Value>().expect("event fields decode"))
		.collect()
}

/// The fields of the one event `pallet::name` among `events`; panics if there is none.
pub fn the_event(events: &Events, pallet: &str, name: &str) -> Value {
	events_named(events, pallet, name)
		.into_iter()
		.next()
		.unwrap_or_else(|| panic!("no {pallet}::{name} event among the transaction's events"))
}

/// The name of the variant `value` holds (`Some`, `Ok`, `Err`, an enum's variant), if any.
pub fn variant_name<C>(value: &Value<C>) -> Option<&str> {
	match &value.value {
		subxt::ext::scale_value::ValueDef::Variant(variant) => Some(&variant.name),
		_ => None,
	}
}

/// A number held by `value` (also inside a one-field composite or variant such as `Some(n)`).
pub fn as_number<C>(value: &Value<C>) -> Option<u128> {
	value.as_u128().or_else(|| value.at(0).and_then(as_number))
}

/// The outcome of a `DispatchResult` held as a decoded [`Value`] (such as a collective's
/// `Executed { result }`): `Ok(())`, or the error as `Pallet::Variant` (names from `metadata`).
pub fn dispatch_result(metadata: &Metadata, result: &Value) -> Result<(), String> {
	match variant_name(result) {
		Some("Ok") => Ok(()),
		Some("Err") => {
			let error = result.at(0).ok_or("an Err without an error")?;
			if variant_name(error) != Some("Module") {
				return Err(format!("{error}"));
			}
			let module = error.at(0).ok_or("a Module error without fields")?;
			let pallet_index = module.at("index").and_then(Value::as_u128);
			let error_index = module.at("error").at(0).and_then(Value::as_u128);
			let name = pallet_index.zip(error_index).and_then(|(pallet, error)| {
				let pallet = metadata.pallet_by_error_index(u8::try_from(pallet).ok()?)?;
				let variant = pallet.error_variant_by_index(u8::try_from(error).ok()?)?;
				Some(format!("{}::{}", pallet.name(), variant.name))
			});
			Err(name.unwrap_or_else(|| format!("{module}")))
		},
		_ => Err(format!("not a dispatch result: {result}")),
	}
}

/// The number of the latest finalized block.
pub async fn finalized_number(client: &Client) -> u64 {
	client
		.at_current_block()
		.await
		.expect("the finalized block can be read")
		.block_number()
}

/// Waits until a block numbered `number` or higher is finalized, within `timeout`.
pub async fn wait_for_finalized(client: &Client, number: u64, timeout: Duration) {
	let mut blocks = client.stream_blocks().await.expect("finalized blocks can be streamed");
	tokio::time::timeout(timeout, async {
		while let Some(block) = blocks.next().await {
			if block.expect("a finalized block arrives").number() >= number {
				return;
			}
		}
		panic!("the finalized block stream ended before block {number}");
	})
	.await
	.unwrap_or_else(|_| panic!("block {number} was not finalized within {timeout:?}"));
}

/// Calls runtime API `api::method` with `args` at the latest finalized block and decodes the
/// answer as `R` (from metadata).
pub async fn call_api<A, R>(client: &Client, api: &str, method: &str, args: A) -> R
where
	A: subxt::ext::frame_decode::runtime_apis::IntoEncodableValues,
	R: subxt::ext::scale_decode::DecodeAsType,
{
	let at = client.at_current_block().await.expect("the finalized block can be read");
	at.runtime_apis()
		.call(subxt::dynamic::runtime_api_call::<A, R>(api, method, args))
		.await
		.unwrap_or_else(|e| panic!("{api}::{method} cannot be called: {e}"))
}

/// Passes `pallet::call(fields)` as a motion of `body` (`"Consortium"` or
/// `"RegulatorsCollective"`): the first of `members` proposes it with a threshold of
/// `members.len()`, every member votes aye (a proposal records no vote of its own), and the last
/// closes it. Returns the outcome
/// of the motion's call, from the body's `Executed` event (`Ok`, or the error as
/// `Pallet::Variant`), or the transaction error of a step that failed.
pub async fn pass_motion<S: Signer<PolkadotConfig>>(
	client: &Client,
	body: &str,
	(pallet, call, fields): (&str, &str, Vec<Value>),
	members: &[&S],
) -> Result<Result<(), String>, TxError> {
	use subxt::{dynamic::transaction, ext::scale_value::Composite};
	let other = |e: &dyn std::fmt::Display| TxError::Other(e.to_string());
	let proposer = members.first().expect("at least one member");
	let motion = transaction(pallet, call, Composite::unnamed(fields));
	let encoded = client
		.transactions()
		.await
		.map_err(|e| other(&e))?
		.call_data(&motion)
		.map_err(|e| other(&e))?;
	let length_bound = encoded.len() as u32;
	let proposal = motion.into_value();
	// The proposal's weight, as the runtime reports it, bounds the close.
	let info: Value = call_api(
		client,
		"TransactionPaymentCallApi",
		"query_call_info",
		(proposal.clone(), length_bound),
	)
	.await;
	let weight = info.at("weight").expect("the call info has a weight").clone();

	let threshold = members.len() as u32;
	let propose = transaction(body, "propose", (threshold, proposal, length_bound));
	let events = submit_and_wait(client, &propose, *proposer).await?;
	if let Some(executed) = events_named(&events, body, "Executed").into_iter().next() {
		return Ok(executed_result(client, &executed).await);
	}
	let proposed = the_event(&events, body, "Proposed");
	let hash = proposed.at("proposal_hash").expect("a proposal hash").clone();
	let index = proposed.at("proposal_index").and_then(Value::as_u128).expect("an index") as u32;
	for voter in members {
		let vote = transaction(body, "vote", (hash.clone(), index, true));
		submit_and_wait(client, &vote, *voter).await?;
	}
	let closer = members.last().expect("at least one member");
	let close = transaction(body, "close", (hash, index, weight, length_bound));
	let events = submit_and_wait(client, &close, *closer).await?;
	match events_named(&events, body, "Executed").into_iter().next() {
		Some(executed) => Ok(executed_result(client, &executed).await),
		None => Ok(Err(format!("{body}: the motion was not approved"))),
	}
}

/// The `result` of a collective's `Executed` event, named from metadata.
async fn executed_result(client: &Client, executed: &Value) -> Result<(), String> {
	let metadata = client.at_current_block().await.expect("the finalized block").metadata();
	dispatch_result(&metadata, executed.at("result").expect("an Executed event has a result"))
}
