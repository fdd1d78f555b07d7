//! Test harness for black-box tests of `compliance-node`.
//!
//! [`TestNode`] spawns the built node binary on free ports with a temporary base path, waits
//! until its RPC answers, and kills the process and removes its directory when dropped, whether
//! the test passed or not. Tests then talk to it only through subxt, as users do.
//!
//! Tests build what they send and read what comes back with the typed client the command-line
//! tool uses (`compliance-client`): calls as [`RuntimeCall`]s with named fields, runtime API
//! answers, storage values and events as the types generated from the runtime's metadata. The
//! helpers below submit those calls and read their outcome the way a wallet would:
//! [`submit_call`] tells a transaction the pool refused at submission ([`TxError::Refused`],
//! whose real-name rejection code [`pool_rejection_code`] gives) from one that was included but
//! failed in dispatch ([`TxError::Failed`], named from metadata by [`failure_name`]).

#![deny(missing_docs)]

use compliance_client::{
	api::{self, consortium::Call as CollectiveCall},
	call_data, Included,
};
pub use compliance_client::{Failure, Refusal, RuntimeCall, TxError};
use std::{
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};
use subxt::{
	events::DecodeAsEvent, extrinsics::ExtrinsicEvents, runtime_apis::Payload as ApiPayload,
	utils::H256, OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::Keypair;

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
	prometheus_port: u16,
}

/// The path of the built `compliance-node` binary: `COMPLIANCE_NODE_BIN` if set, else the
/// binary next to this test executable's target directory.
pub fn node_binary() -> PathBuf {
	if let Some(path) = std::env::var_os("COMPLIANCE_NODE_BIN") {
		return PathBuf::from(path);
	}
	workspace_binary("compliance-node")
}

/// The path of the workspace's built binary `name` (`compliance-indexer`, ...), in the target
/// directory of this test executable: `scripts/test` builds every binary before the tests.
pub fn workspace_binary(name: &str) -> PathBuf {
	// The test executable lives in `<target>/<profile>/deps/`; the binaries in
	// `<target>/<profile>/`.
	let exe = std::env::current_exe().expect("the test executable has a path");
	let profile_dir = exe
		.parent()
		.and_then(Path::parent)
		.expect("test executables live in <target>/<profile>/deps");
	profile_dir.join(name)
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
		let prometheus_port = free_port();
		let log = std::fs::File::create(base_path.path().join("node.log"))
			.expect("the log file can be created");
		let child = Command::new(&binary)
			.args(args)
			.arg("--base-path")
			.arg(base_path.path())
			.args(["--rpc-port", &rpc_port.to_string()])
			.args(["--port", &p2p_port.to_string()])
			.args(["--prometheus-port", &prometheus_port.to_string()])
			.args(["--no-telemetry", "--no-mdns"])
			.stdout(Stdio::null())
			.stderr(log)
			.spawn()
			.unwrap_or_else(|e| panic!("{} cannot be started: {e}", binary.display()));
		Self { child, base_path, rpc_port, p2p_port, prometheus_port }
	}

	/// The node's WebSocket RPC address.
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// The node's Prometheus metrics, as a scraper reads them.
	pub fn metrics_url(&self) -> String {
		format!("http://127.0.0.1:{}/metrics", self.prometheus_port)
	}

	/// The node's JSON-RPC endpoint over plain HTTP (the same port serves both).
	pub fn http_url(&self) -> String {
		format!("http://127.0.0.1:{}", self.rpc_port)
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

/// Signs `call` with `signer` at the current finalized block, submits it and waits until it is
/// in a finalized block, within [`TX_TIMEOUT`]:
/// [`compliance_client::Client::submit_call_with_progress`], which the command-line tool uses too
/// (the call encoded by name against the node's metadata). Returns its events if it succeeded.
pub async fn submit_call(
	client: &Client,
	call: &RuntimeCall,
	signer: &Keypair,
) -> Result<Events, TxError> {
	submit_in_time(client, call, signer).await.map(|included| included.events)
}

/// [`compliance_client::Client::submit_call_with_progress`] within [`TX_TIMEOUT`].
async fn submit_in_time(
	client: &Client,
	call: &RuntimeCall,
	signer: &Keypair,
) -> Result<Included, TxError> {
	let typed = compliance_client::Client::from_subxt(client.clone());
	tokio::time::timeout(TX_TIMEOUT, typed.submit_call_with_progress(call, signer, |_| {}))
		.await
		.map_err(|_| TxError::Other(format!("not finalized within {TX_TIMEOUT:?}")))?
}

/// The name (`Pallet.Error`) of the dispatch error a transaction failed with, or of the error
/// of the motion it executed.
pub fn failure_name(error: &TxError) -> Option<&str> {
	error.failure().map(|failure| failure.name.as_str())
}

/// The real-name check's rejection code of a transaction the pool refused at submission, if
/// that is why it was refused.
pub fn pool_rejection_code(error: &TxError) -> Option<u8> {
	error.rejection().map(compliance_primitives::RejectCode::code)
}

/// The first event of type `E` (a generated `api::<pallet>::events` type) among `events`;
/// panics if there is none or it does not decode.
pub fn the_event<E: DecodeAsEvent>(events: &Events) -> E {
	let name = std::any::type_name::<E>();
	events
		.find_first::<E>()
		.unwrap_or_else(|| panic!("no {name} event among the transaction's events"))
		.unwrap_or_else(|e| panic!("the {name} event does not decode: {e}"))
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

/// Calls the runtime API method `payload` (a generated `api::runtime_apis()` payload: typed
/// arguments, its shape checked against the node's metadata) at the latest finalized block,
/// and returns its answer as the generated type.
pub async fn runtime_api<P: ApiPayload>(client: &Client, payload: P) -> P::ReturnType {
	let what = format!("{}.{}", payload.trait_name(), payload.method_name());
	let at = client.at_current_block().await.expect("the finalized block can be read");
	at.runtime_apis()
		.call(payload)
		.await
		.unwrap_or_else(|e| panic!("{what} cannot be called: {e}"))
}

/// A governance body that decides by motion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Body {
	/// The operator's consortium (`Consortium`).
	Consortium,
	/// The regulators (`RegulatorsCollective`).
	Regulators,
}

impl Body {
	/// `call` of the body's collective pallet (both are instances of `pallet-collective`, so
	/// they share one generated `Call` type).
	fn call(self, call: CollectiveCall) -> RuntimeCall {
		match self {
			Body::Consortium => RuntimeCall::Consortium(call),
			Body::Regulators => RuntimeCall::RegulatorsCollective(call),
		}
	}

	/// The hash and index of the motion that `events` (a `propose`'s) show the body opened.
	fn proposed(self, events: &Events) -> (H256, u32) {
		match self {
			Body::Consortium => {
				let proposed = the_event::<api::consortium::events::Proposed>(events);
				(proposed.proposal_hash, proposed.proposal_index)
			},
			Body::Regulators => {
				let proposed = the_event::<api::regulators_collective::events::Proposed>(events);
				(proposed.proposal_hash, proposed.proposal_index)
			},
		}
	}
}

/// Passes `proposal` as a motion of `body`: the first of `members` proposes it with a threshold
/// of `members.len()`, every member votes aye (a proposal records no vote of its own), and the
/// last closes it. Returns the outcome of the motion's call, from the body's `Executed` event
/// (`Ok`, or the error as `Pallet.Error`), or the transaction error of a step that failed.
pub async fn pass_motion(
	client: &Client,
	body: Body,
	proposal: RuntimeCall,
	members: &[&Keypair],
) -> Result<Result<(), String>, TxError> {
	let other = |e: &dyn std::fmt::Display| TxError::Other(e.to_string());
	let proposer = members.first().expect("at least one member");
	let at = client.at_current_block().await.map_err(|e| other(&e))?;
	// `close` bounds the proposal by its encoded length and by its weight, as the runtime
	// reports it.
	let length_bound = u32::try_from(call_data(&at, &proposal)?.len()).map_err(|e| other(&e))?;
	let info = at
		.runtime_apis()
		.call(
			api::runtime_apis()
				.transaction_payment_call_api()
				.query_call_info(proposal.clone(), length_bound),
		)
		.await
		.map_err(|e| other(&e))?;

	let threshold = u32::try_from(members.len()).map_err(|e| other(&e))?;
	let propose = body.call(CollectiveCall::propose {
		threshold,
		proposal: Box::new(proposal),
		length_bound,
	});
	let events = match motion_step(client, &propose, proposer).await? {
		Step::Executed(outcome) => return Ok(outcome),
		Step::Pending(events) => events,
	};
	let (proposal_hash, index) = body.proposed(&events);
	let vote = body.call(CollectiveCall::vote { proposal: proposal_hash, index, approve: true });
	for voter in members {
		submit_call(client, &vote, voter).await?;
	}
	let closer = members.last().expect("at least one member");
	let close = body.call(CollectiveCall::close {
		proposal_hash,
		index,
		proposal_weight_bound: info.weight,
		length_bound,
	});
	match motion_step(client, &close, closer).await? {
		Step::Executed(outcome) => Ok(outcome),
		Step::Pending(_) => Ok(Err(format!("{body:?}: the motion was not approved"))),
	}
}

/// Where a motion stands after one of its transactions.
enum Step {
	/// The motion executed: its call's outcome.
	Executed(Result<(), String>),
	/// It did not execute (yet): the transaction's events.
	Pending(Events),
}

/// Submits one transaction of a motion and tells whether it executed the motion.
async fn motion_step(
	client: &Client,
	call: &RuntimeCall,
	signer: &Keypair,
) -> Result<Step, TxError> {
	let metadata = client.at_current_block().await.map_err(|e| TxError::Other(e.to_string()))?;
	let metadata = metadata.metadata();
	match submit_in_time(client, call, signer).await {
		Ok(included) => Ok(match included.motion_outcome(&metadata) {
			Some(outcome) => Step::Executed(outcome.map_err(|failure| failure.name)),
			None => Step::Pending(included.events),
		}),
		Err(TxError::MotionFailed(failure)) => Ok(Step::Executed(Err(failure.name))),
		Err(error) => Err(error),
	}
}
