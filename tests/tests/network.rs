//! The permissioned network (R11) and the node's robustness, from outside:
//!
//! - the local testnet's validators (Alice, Bob, Charlie) are its well-known nodes: they connect,
//!   produce and finalize blocks, while a fourth node nobody authorised gets no peers and no blocks
//!   until the consortium adds its peer id through `NodeAuthorization`; then it syncs; the
//!   consortium then makes it a validator by motion (its own session keys, registered by the
//!   account that runs it): it authors blocks, and once removed the others go on finalizing;
//! - a validator killed with SIGKILL restarts on its database with every block it had finalized,
//!   and catches up; the whole network killed and restarted continues finalizing;
//! - the node refuses a pruning setting under the records retention floor (R8) and an unknown chain
//!   with one line and a non-zero exit.
//!
//! These tests need the node's base path to survive a restart, so they spawn it with
//! [`Node`] below instead of the harness's `TestNode` (which removes its base path on drop).
//! They run one at a time: each starts up to four nodes on a 2-core machine.

use compliance_client::{
	api::{
		self, node_authorization::Call as NodeAuthorization, runtime_types::sp_core::OpaquePeerId,
		session::Call as Session, validator_set::Call as ValidatorSet,
	},
	RuntimeCall,
};
use compliance_tests::{free_port, node_binary, Body, TestNode, STARTUP_TIMEOUT};
use sc_network_types::PeerId;
use std::{
	collections::BTreeMap,
	fs::OpenOptions,
	future::Future,
	path::{Path, PathBuf},
	process::{Child, Command, Output, Stdio},
	str::FromStr,
	sync::{Mutex, PoisonError},
	time::{Duration, Instant},
};
use subxt::{
	config::RpcConfigFor,
	rpcs::{methods::LegacyRpcMethods, rpc_params, RpcClient},
	OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::dev;

/// Three debug nodes on two cores author every 6 s; a few blocks finalize well within this.
const FINALITY_TIMEOUT: Duration = Duration::from_secs(300);

/// How long the unauthorised node is watched for peers or blocks: several slots.
const QUARANTINE: Duration = Duration::from_secs(36);

/// How often the tests poll the nodes.
const POLL: Duration = Duration::from_millis(500);

/// A node's RPC: the raw client, and the typed legacy methods over it.
#[derive(Clone)]
struct Rpc {
	client: RpcClient,
	methods: LegacyRpcMethods<RpcConfigFor<PolkadotConfig>>,
}

/// Runs one test at a time on its own runtime: several networks at once would starve each other
/// of the machine's cores and make the timeouts meaningless.
fn run_alone(test: impl Future<Output = ()>) {
	static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
	let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
	tokio::runtime::Builder::new_multi_thread()
		.enable_all()
		.build()
		.expect("a tokio runtime can be built")
		.block_on(test)
}

/// A `compliance-node` process on a base path that outlives it, so that it can be killed and
/// started again on the same database, ports and arguments. Killed on drop; the base path
/// belongs to the test's [`tempfile::TempDir`].
struct Node {
	name: &'static str,
	args: Vec<String>,
	base_path: PathBuf,
	rpc_port: u16,
	p2p_port: u16,
	child: Option<Child>,
}

impl Node {
	/// Starts a node named `name` (for messages) with `args` on free ports and `base_path`.
	fn start(name: &'static str, base_path: &Path, args: &[&str]) -> Self {
		let mut node = Self {
			name,
			args: args.iter().map(ToString::to_string).collect(),
			base_path: base_path.to_path_buf(),
			rpc_port: free_port(),
			p2p_port: free_port(),
			child: None,
		};
		node.restart();
		node
	}

	/// Starts the process (again) with the same arguments, ports and base path. Its log is
	/// appended to `node.log` in the base path.
	fn restart(&mut self) {
		assert!(self.child.is_none(), "{} is still running", self.name);
		let log = OpenOptions::new()
			.create(true)
			.append(true)
			.open(self.base_path.join("node.log"))
			.expect("the log file can be opened");
		let child = Command::new(node_binary())
			.args(&self.args)
			.arg("--base-path")
			.arg(&self.base_path)
			.args(["--rpc-port", &self.rpc_port.to_string()])
			.args(["--port", &self.p2p_port.to_string()])
			.args(["--no-prometheus", "--no-telemetry", "--no-mdns"])
			.stdout(Stdio::null())
			.stderr(log)
			.spawn()
			.unwrap_or_else(|e| panic!("{} cannot be started: {e}", self.name));
		self.child = Some(child);
	}

	/// SIGKILLs the process: no shutdown, no flush, as in a crash or power cut.
	fn kill(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}

	/// Everything the node has logged, over all its runs.
	fn log(&self) -> String {
		std::fs::read_to_string(self.base_path.join("node.log")).unwrap_or_default()
	}

	/// Waits until the node answers RPC and returns a client for its raw RPC methods.
	async fn rpc(&mut self) -> Rpc {
		let url = format!("ws://127.0.0.1:{}", self.rpc_port);
		let deadline = Instant::now() + STARTUP_TIMEOUT;
		loop {
			if let Some(Ok(Some(status))) = self.child.as_mut().map(Child::try_wait) {
				panic!("{} exited early ({status}); its log:\n{}", self.name, self.log());
			}
			match RpcClient::from_url(&url).await {
				Ok(client) => return Rpc { methods: LegacyRpcMethods::new(client.clone()), client },
				Err(e) if Instant::now() > deadline => {
					panic!("{} did not answer RPC in time ({e}); log:\n{}", self.name, self.log())
				},
				Err(_) => tokio::time::sleep(POLL).await,
			}
		}
	}

	/// Waits until the node answers RPC and returns a metadata-driven client.
	async fn client(&mut self) -> OnlineClient<PolkadotConfig> {
		let _ = self.rpc().await;
		OnlineClient::from_url(format!("ws://127.0.0.1:{}", self.rpc_port))
			.await
			.unwrap_or_else(|e| panic!("{} has no subxt client ({e})", self.name))
	}

	/// The node's peer id, as it reports it (`system_localPeerId`).
	async fn peer_id(&mut self) -> PeerId {
		let rpc = self.rpc().await;
		peer_id_of(&rpc).await
	}

	/// The address other nodes reach this node at, with its peer id.
	async fn multiaddr(&mut self) -> String {
		let peer_id = self.peer_id().await;
		format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}", self.p2p_port)
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		self.kill();
	}
}

/// The peer id a node reports over RPC.
async fn peer_id_of(rpc: &Rpc) -> PeerId {
	// `system_localPeerId` has no typed method; the raw client answers it.
	let text: String = rpc
		.client
		.request("system_localPeerId", rpc_params![])
		.await
		.expect("system_localPeerId answers");
	PeerId::from_str(&text).expect("the node reports a valid peer id")
}

/// The node's best block number.
async fn best_number(rpc: &Rpc) -> u64 {
	rpc.methods
		.chain_get_header(None)
		.await
		.expect("chain_getHeader answers")
		.expect("the best block has a header")
		.number
}

/// The node's finalized block number.
async fn finalized_number(rpc: &Rpc) -> u64 {
	let hash = rpc
		.methods
		.chain_get_finalized_head()
		.await
		.expect("chain_getFinalizedHead answers");
	rpc.methods
		.chain_get_header(Some(hash))
		.await
		.expect("chain_getHeader answers")
		.expect("the finalized block has a header")
		.number
}

/// The number of peers the node is connected to.
async fn peers(rpc: &Rpc) -> usize {
	rpc.methods.system_health().await.expect("system_health answers").peers
}

/// Waits until `check` holds for every one of `nodes`, or panics with `what` and their logs.
async fn wait_until<F, Fut>(nodes: &mut [&mut Node], timeout: Duration, what: &str, check: F)
where
	F: Fn(Rpc) -> Fut,
	Fut: Future<Output = bool>,
{
	let deadline = Instant::now() + timeout;
	let mut rpcs = Vec::new();
	for node in nodes.iter_mut() {
		rpcs.push(node.rpc().await);
	}
	loop {
		let mut all = true;
		for rpc in &rpcs {
			all &= check(rpc.clone()).await;
		}
		if all {
			return;
		}
		if Instant::now() > deadline {
			let logs: Vec<String> =
				nodes.iter().map(|node| format!("--- {}:\n{}", node.name, node.log())).collect();
			panic!("timed out waiting until {what}; logs:\n{}", logs.join("\n"));
		}
		tokio::time::sleep(POLL).await;
	}
}

/// Starts the local testnet's three validators on fresh or existing base paths. Alice starts
/// first; Bob and Charlie find her through her address and the peer id she reports. Each uses
/// the node key the node derives from its development key (no `--node-key` needed).
async fn start_validators(base_paths: &[tempfile::TempDir; 3]) -> [Node; 3] {
	let mut alice = Node::start("alice", base_paths[0].path(), &["--chain", "local", "--alice"]);
	let bootnode = alice.multiaddr().await;
	let bob = Node::start(
		"bob",
		base_paths[1].path(),
		&["--chain", "local", "--bob", "--bootnodes", &bootnode],
	);
	let charlie = Node::start(
		"charlie",
		base_paths[2].path(),
		&["--chain", "local", "--charlie", "--bootnodes", &bootnode],
	);
	[alice, bob, charlie]
}

/// Fresh base paths for the three validators.
fn validator_base_paths() -> [tempfile::TempDir; 3] {
	[(); 3].map(|()| tempfile::tempdir().expect("a temporary directory can be created"))
}

/// Has the node generate a random network key in `base_path` for the local chain, as an operator
/// does before starting a validator (the node refuses to start one without a key on disk).
fn generate_node_key(base_path: &Path) {
	let status = Command::new(node_binary())
		.args(["key", "generate-node-key", "--chain", "local", "--base-path"])
		.arg(base_path)
		.stdout(Stdio::null())
		.stderr(Stdio::null())
		.status()
		.expect("the node can be run");
	assert!(status.success(), "the node generates a network key: {status}");
}

/// The peer ids `NodeAuthorization.WellKnownNodes` holds at the best block.
async fn well_known_nodes(client: &OnlineClient<PolkadotConfig>) -> Vec<PeerId> {
	let at = client.at_current_block().await.expect("the best block can be read");
	let nodes = at
		.storage()
		.fetch(api::storage().node_authorization().well_known_nodes(), ())
		.await
		.expect("WellKnownNodes can be read")
		.decode()
		.expect("WellKnownNodes decodes as a set of peer ids");
	nodes
		.iter()
		.map(|OpaquePeerId(bytes)| {
			PeerId::from_bytes(bytes).expect("a well-known node is a valid peer id")
		})
		.collect()
}

#[test]
fn only_authorised_nodes_join_and_validators_change_by_motion() {
	run_alone(async {
		let base_paths = validator_base_paths();
		let [mut alice, mut bob, mut charlie] = start_validators(&base_paths).await;
		wait_until(
			&mut [&mut alice, &mut bob, &mut charlie],
			FINALITY_TIMEOUT,
			"the validators finalize block 3",
			|rpc| async move { finalized_number(&rpc).await >= 3 },
		)
		.await;

		// The genesis names exactly the validators' nodes as well-known: the peer ids they run
		// with are the ones the chain spec derived from their development keys.
		let admin = alice.client().await;
		let mut validators =
			vec![alice.peer_id().await, bob.peer_id().await, charlie.peer_id().await];
		validators.sort();
		let mut genesis_nodes = well_known_nodes(&admin).await;
		genesis_nodes.sort();
		assert_eq!(genesis_nodes, validators, "the well-known nodes are the three validators");

		// A fourth node with a random key, pointed at Alice, is turned away by every validator:
		// no peers, no blocks beyond genesis, while the validators go on.
		let outsider_path = tempfile::tempdir().expect("a temporary directory can be created");
		generate_node_key(outsider_path.path());
		let bootnode = alice.multiaddr().await;
		let mut outsider = Node::start(
			"outsider",
			outsider_path.path(),
			&["--chain", "local", "--validator", "--bootnodes", &bootnode],
		);
		let outsider_rpc = outsider.rpc().await;
		let outsider_id = peer_id_of(&outsider_rpc).await;
		assert!(!validators.contains(&outsider_id), "the outsider has a key of its own");
		let alice_rpc = alice.rpc().await;
		let alice_before = best_number(&alice_rpc).await;
		let watch_until = Instant::now() + QUARANTINE;
		while Instant::now() < watch_until {
			assert_eq!(
				peers(&outsider_rpc).await,
				0,
				"an unauthorised node got a peer; its log:\n{}",
				outsider.log()
			);
			assert_eq!(
				best_number(&outsider_rpc).await,
				0,
				"an unauthorised node got a block; its log:\n{}",
				outsider.log()
			);
			tokio::time::sleep(POLL).await;
		}
		assert!(
			best_number(&alice_rpc).await >= alice_before + 2,
			"the validators kept producing blocks meanwhile; Alice's log:\n{}",
			alice.log()
		);

		// The consortium (Alice and Bob, two of three) adds the outsider's peer id as a
		// well-known node by motion.
		let add_outsider = NodeAuthorization::add_well_known_node {
			node: OpaquePeerId(outsider_id.to_bytes()),
			owner: dev::alice().public_key().to_address(),
		};
		let added = compliance_tests::pass_motion(
			&admin,
			Body::Consortium,
			RuntimeCall::NodeAuthorization(add_outsider),
			&[&dev::alice(), &dev::bob()],
		)
		.await
		.expect("the motion's transactions go through");
		assert_eq!(added, Ok(()), "the consortium's motion added the node");
		assert!(
			well_known_nodes(&admin).await.contains(&outsider_id),
			"the motion added the outsider as a well-known node"
		);

		// Now it is let in, and syncs to where the validators are.
		let target = best_number(&alice_rpc).await;
		wait_until(
			&mut [&mut outsider],
			FINALITY_TIMEOUT,
			"the authorised node has peers and reaches the validators' best block",
			|rpc| async move { peers(&rpc).await > 0 && best_number(&rpc).await >= target },
		)
		.await;

		// Ferdie runs the new node. The node generates session keys with a proof that Ferdie's
		// account holds them; Ferdie registers them; a motion makes Ferdie a validator.
		let ferdie = dev::ferdie();
		let set_keys = rotate_keys_with_owner(&outsider_rpc, &ferdie).await;
		let registered = compliance_tests::submit_call(&admin, &set_keys, &ferdie).await;
		assert!(registered.is_ok(), "Ferdie registers the node's keys: {registered:?}");
		let ferdie_account = ferdie.public_key().to_account_id();
		let added = compliance_tests::pass_motion(
			&admin,
			Body::Consortium,
			RuntimeCall::ValidatorSet(ValidatorSet::add_validator { who: ferdie_account.clone() }),
			&[&dev::alice(), &dev::bob()],
		)
		.await
		.expect("the motion's transactions go through");
		assert_eq!(added, Ok(()), "the consortium's motion added the validator");

		// Within two session boundaries (10 blocks each) the node is an authority and authors.
		wait_for_authorities(&admin, 4, &alice).await;
		let deadline = Instant::now() + FINALITY_TIMEOUT;
		while !outsider.log().contains("Pre-sealed block for proposal") {
			assert!(
				Instant::now() < deadline,
				"the new validator authored no block; its log:\n{}",
				outsider.log()
			);
			tokio::time::sleep(POLL).await;
		}
		let authored_by_now = best_number(&alice_rpc).await;
		wait_until(
			&mut [&mut alice, &mut outsider],
			FINALITY_TIMEOUT,
			"the four validators finalize past the new one's first block",
			|rpc| async move { finalized_number(&rpc).await > authored_by_now },
		)
		.await;

		// Removed by motion, it leaves the authorities, and the three go on finalizing.
		let removed = compliance_tests::pass_motion(
			&admin,
			Body::Consortium,
			RuntimeCall::ValidatorSet(ValidatorSet::remove_validator { who: ferdie_account }),
			&[&dev::alice(), &dev::bob()],
		)
		.await
		.expect("the motion's transactions go through");
		assert_eq!(removed, Ok(()), "the consortium's motion removed the validator");
		wait_for_authorities(&admin, 3, &alice).await;
		let three_again = best_number(&alice_rpc).await;
		wait_until(
			&mut [&mut alice, &mut bob, &mut charlie],
			FINALITY_TIMEOUT,
			"the three validators finalize beyond the change",
			|rpc| async move { finalized_number(&rpc).await > three_again + 2 },
		)
		.await;
	});
}

/// The `Session.set_keys` call that registers the session keys `node` generates for `owner`'s
/// account (`author_rotateKeysWithOwner`): the keys, decoded as the runtime's session-keys type,
/// and the node's proof that `owner` holds them.
async fn rotate_keys_with_owner(node: &Rpc, owner: &subxt_signer::sr25519::Keypair) -> RuntimeCall {
	use subxt::{ext::scale_decode::DecodeAsType, rpcs::methods::legacy::Bytes};
	#[derive(serde::Deserialize)]
	struct Generated {
		keys: Bytes,
		proof: Option<Bytes>,
	}
	let account = subxt::ext::codec::Encode::encode(&owner.public_key().to_account_id());
	let generated: Generated = node
		.client
		.request("author_rotateKeysWithOwner", rpc_params![Bytes(account)])
		.await
		.expect("author_rotateKeysWithOwner answers");
	let proof = generated.proof.expect("the runtime proves key ownership");
	// The RPC answers with the keys' SCALE bytes, and the generated types decode only against a
	// metadata type (they derive `DecodeAsType`, not `Decode`): the one `set_keys` takes.
	let client = OnlineClient::<PolkadotConfig>::from_rpc_client(node.client.clone())
		.await
		.expect("a client over the node's RPC");
	let metadata = client.at_current_block().await.expect("the best block").metadata();
	let keys_type = metadata
		.pallet_by_name("Session")
		.and_then(|pallet| pallet.call_variant_by_name("set_keys"))
		.and_then(|call| call.fields.iter().find(|field| field.name.as_deref() == Some("keys")))
		.map(|field| field.ty.id)
		.expect("Session::set_keys takes keys");
	let keys =
		DecodeAsType::decode_as_type(&mut &generated.keys.0[..], keys_type, metadata.types())
			.expect("the node's keys decode as the runtime's session keys");
	RuntimeCall::Session(Session::set_keys { keys, proof: proof.0 })
}

/// Waits until Aura has `count` authorities at the finalized block `client` reads, or panics
/// with `node`'s log.
async fn wait_for_authorities(client: &OnlineClient<PolkadotConfig>, count: usize, node: &Node) {
	let deadline = Instant::now() + FINALITY_TIMEOUT;
	loop {
		let at = client.at_current_block().await.expect("the finalized block can be read");
		let authorities = at
			.storage()
			.fetch(api::storage().aura().authorities(), ())
			.await
			.expect("Aura's authorities can be read")
			.decode()
			.expect("Aura's authorities decode as a list of public keys");
		if authorities.0.len() == count {
			return;
		}
		assert!(
			Instant::now() < deadline,
			"Aura did not reach {count} authorities (has {}); {}'s log:\n{}",
			authorities.0.len(),
			node.name,
			node.log()
		);
		tokio::time::sleep(POLL).await;
	}
}

#[test]
fn validators_recover_from_crashes() {
	run_alone(async {
		let base_paths = validator_base_paths();
		let [mut alice, mut bob, mut charlie] = start_validators(&base_paths).await;
		wait_until(
			&mut [&mut alice, &mut bob, &mut charlie],
			FINALITY_TIMEOUT,
			"the validators finalize block 3",
			|rpc| async move { finalized_number(&rpc).await >= 3 },
		)
		.await;

		// Charlie crashes while blocks are produced.
		let charlie_rpc = charlie.rpc().await;
		let finalized = finalized_number(&charlie_rpc).await;
		let mut kept = BTreeMap::new();
		for number in 0..=finalized {
			let hash = charlie_rpc
				.methods
				.chain_get_block_hash(Some(number.into()))
				.await
				.expect("chain_getBlockHash answers")
				.expect("a finalized block has a hash");
			kept.insert(number, hash);
		}
		drop(charlie_rpc);
		charlie.kill();

		// Alice and Bob go on authoring (GRANDPA needs all three of three votes to finalize).
		let alice_rpc = alice.rpc().await;
		let best_at_crash = best_number(&alice_rpc).await;
		wait_until(
			&mut [&mut alice],
			FINALITY_TIMEOUT,
			"Alice and Bob author two blocks without Charlie",
			|rpc| async move { best_number(&rpc).await >= best_at_crash + 2 },
		)
		.await;

		// Charlie restarts on the same database: everything it had finalized is there unchanged,
		// and it catches up with the others; finality resumes.
		charlie.restart();
		let charlie_rpc = charlie.rpc().await;
		for (number, hash) in &kept {
			let after = charlie_rpc
				.methods
				.chain_get_block_hash(Some((*number).into()))
				.await
				.expect("chain_getBlockHash answers");
			assert_eq!(after.as_ref(), Some(hash), "block {number} changed across the crash");
		}
		let target = best_number(&alice_rpc).await;
		wait_until(
			&mut [&mut charlie],
			FINALITY_TIMEOUT,
			"the restarted validator catches up and finalizes beyond its crash",
			|rpc| async move {
				best_number(&rpc).await >= target && finalized_number(&rpc).await > finalized
			},
		)
		.await;

		// The whole network crashes at once and restarts: the chain continues from its last
		// finalized block.
		let mut finalized = 0;
		for node in [&mut alice, &mut bob, &mut charlie] {
			finalized = finalized.max(finalized_number(&node.rpc().await).await);
		}
		drop((alice_rpc, charlie_rpc));
		for node in [&mut alice, &mut bob, &mut charlie] {
			node.kill();
		}
		for node in [&mut alice, &mut bob, &mut charlie] {
			node.restart();
		}
		wait_until(
			&mut [&mut alice, &mut bob, &mut charlie],
			FINALITY_TIMEOUT,
			"the restarted network finalizes beyond its last finalized block",
			|rpc| async move { finalized_number(&rpc).await > finalized },
		)
		.await;
	});
}

/// Runs the node binary with `args` to completion (it is expected to refuse them), with a
/// temporary base path in case it does not.
fn run_to_exit(args: &[&str]) -> Output {
	let base_path = tempfile::tempdir().expect("a temporary directory can be created");
	let mut child = Command::new(node_binary())
		.args(args)
		.arg("--base-path")
		.arg(base_path.path())
		.args(["--no-prometheus", "--no-telemetry", "--no-mdns"])
		.args(["--rpc-port", &free_port().to_string(), "--port", &free_port().to_string()])
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.expect("the node binary can be started");
	let deadline = Instant::now() + Duration::from_secs(60);
	while child.try_wait().expect("the node's status can be read").is_none() {
		if Instant::now() > deadline {
			let _ = child.kill();
			let output = child.wait_with_output().expect("the node's output can be read");
			panic!(
				"`compliance-node {}` kept running; its log:\n{}",
				args.join(" "),
				String::from_utf8_lossy(&output.stderr)
			);
		}
		std::thread::sleep(Duration::from_millis(100));
	}
	child.wait_with_output().expect("the node's output can be read")
}

/// The one line of an operator error on stderr, after checking the exit was a clean failure.
fn refusal_line(args: &[&str]) -> String {
	let output = run_to_exit(args);
	let stderr = String::from_utf8_lossy(&output.stderr).trim().to_string();
	assert!(!output.status.success(), "`{}` was accepted:\n{stderr}", args.join(" "));
	assert!(!stderr.contains("panicked"), "`{}` panicked:\n{stderr}", args.join(" "));
	assert_eq!(
		stderr.lines().count(),
		1,
		"`{}` said more than one line:\n{stderr}",
		args.join(" ")
	);
	stderr
}

#[test]
fn pruning_below_the_retention_floor_is_refused() {
	run_alone(async {
		let line = refusal_line(&["--dev", "--blocks-pruning", "1000"]);
		assert!(line.contains("--blocks-pruning 1000"), "the line names the setting: {line}");
		// The line names the minimum: the largest number in it. One block fewer is refused too,
		// and the minimum itself is accepted, as is an archive node.
		let minimum = line
			.split(|c: char| !c.is_ascii_digit())
			.filter_map(|word| word.parse::<u64>().ok())
			.max()
			.expect("the line names the minimum number of blocks");
		assert!(minimum > 1000, "the minimum is above the refused setting: {line}");
		refusal_line(&["--dev", "--blocks-pruning", &(minimum - 1).to_string()]);
		for kept in [minimum.to_string(), "archive".to_string()] {
			let mut node = TestNode::spawn(&["--dev", "--blocks-pruning", &kept]);
			let _ = node.client().await;
		}
	});
}

#[test]
fn an_unknown_chain_is_refused_in_one_line() {
	run_alone(async {
		let line = refusal_line(&["--chain", "nosuch"]);
		assert!(line.contains("nosuch"), "the line names the chain: {line}");
	});
}

// ---- A production chain from a config file --------------------------------------------------

/// One key as `compliance-node key generate --output-type json` prints it.
struct GeneratedKey {
	phrase: String,
	address: String,
}

/// Has the node generate a fresh key of `scheme`, as each party does on its own machine.
fn generate_key(scheme: &str) -> GeneratedKey {
	let output = Command::new(node_binary())
		.args(["key", "generate", "--scheme", scheme, "--output-type", "json"])
		.output()
		.expect("the node can be run");
	assert!(output.status.success(), "key generate: {}", String::from_utf8_lossy(&output.stderr));
	let json: serde_json::Value =
		serde_json::from_slice(&output.stdout).expect("key generate prints JSON");
	let field = |name: &str| json[name].as_str().expect("a string field").to_string();
	GeneratedKey { phrase: field("secretPhrase"), address: field("ss58Address") }
}

/// Has the node generate a network key into `file`; returns the peer id it prints.
fn generate_node_key_file(file: &Path) -> String {
	let output = Command::new(node_binary())
		.args(["key", "generate-node-key", "--file"])
		.arg(file)
		.output()
		.expect("the node can be run");
	assert!(output.status.success(), "generate-node-key failed");
	String::from_utf8_lossy(&output.stderr)
		.trim()
		.lines()
		.last()
		.expect("a peer id")
		.to_string()
}

/// Runs `compliance-node production-chain-spec` on the config `text`, writing to `output`.
fn production_spec(text: &str, output: &Path) -> Output {
	let dir = tempfile::tempdir().expect("a temporary directory can be created");
	let config = dir.path().join("chain.toml");
	std::fs::write(&config, text).expect("the config can be written");
	Command::new(node_binary())
		.args(["production-chain-spec", "--config"])
		.arg(&config)
		.arg("--output")
		.arg(output)
		.output()
		.expect("the node can be run")
}

/// The example config shipped with the node.
fn example_config() -> String {
	let path =
		PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../node/production-chain.example.toml");
	std::fs::read_to_string(path).expect("the example config is readable")
}

#[test]
fn a_production_spec_refuses_a_bad_config_with_one_line_naming_the_field() {
	let example = example_config();
	let out = tempfile::tempdir().expect("a temporary directory can be created");
	let spec = out.path().join("spec.json");
	let built = production_spec(&example, &spec);
	assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
	assert!(std::fs::metadata(&spec).expect("the spec is written").len() > 0);

	let regulator = "\"5CB6Mbjnrm78uqpFJB7Fvb98yfGk6a9TWcLMQasYniwQBowq\"";
	let moderator = "\"5EnnytzxTjoB1BjPgA4hVyjpQXKTczvsVxRm6rLv7FshxHcU\"";
	let peer = "12D3KooWLm5hLUiaqfMrLGQ6HBiEsdZoVSJwPbT5zY4ZJ5bXUDUd";
	let alice = dev::alice().public_key().to_account_id().to_string();
	let cases: Vec<(String, &str)> = vec![
		(
			example.replace(&format!("regulators = [{regulator}]\n"), ""),
			"missing field `regulators`",
		),
		(example.replace(&format!("regulators = [{regulator}]"), "regulators = []"), "regulators:"),
		(
			example.replace(
				&format!("  {moderator},\n"),
				&format!("  {moderator},\n  {moderator},\n"),
			),
			"moderators[1]",
		),
		(
			example.replace("5GGrisxBD8gH79jdyUwGNLunCwLow8odmHyTZk2QcRRcvQh7\",\n", "5Fnope\",\n"),
			"consortium[0]",
		),
		(example.replace(peer, "12D3KooWnotapeer"), "validators[0].peer_id"),
		(example.replace(peer, "12D3KooWnope"), "validators[0].peer_id"),
		(
			example.replace(
				"assessors = [\"5CCkne6QUJQ7oakEdfEbh9i2cMudSkdcxTfn5jcwdnh3LJXm\"]",
				&format!("assessors = [\"{alice}\"]"),
			),
			"assessors[0]",
		),
		(
			example.split("[[validators]]").next().unwrap().to_string() +
				&example[example.find("# Balances").expect("the balances section")..],
			"validators",
		),
	];
	for (config, field) in cases {
		assert_ne!(config, example, "the case for {field} changes the example");
		let output = production_spec(&config, &spec);
		let stderr = String::from_utf8_lossy(&output.stderr).trim().to_string();
		assert!(!output.status.success(), "accepted a config wrong in {field}");
		assert_eq!(stderr.lines().count(), 1, "{field}: more than one line:\n{stderr}");
		assert!(stderr.contains(field), "{field} is not named: {stderr}");
		assert!(!stderr.contains("panicked"), "{stderr}");
	}
	let development = production_spec(
		&example.replace(
			"assessors = [\"5CCkne6QUJQ7oakEdfEbh9i2cMudSkdcxTfn5jcwdnh3LJXm\"]",
			&format!("assessors = [\"{alice}\"]"),
		),
		&spec,
	);
	assert!(String::from_utf8_lossy(&development.stderr).contains("development account Alice"));
}

#[test]
fn three_validators_finalize_from_a_production_spec_with_no_development_account_in_a_role() {
	run_alone(async {
		let dir = tempfile::tempdir().expect("a temporary directory can be created");
		// The key ceremony: each validator generates its account, session keys and node key on
		// its own machine and hands over only the public parts.
		let base_paths = validator_base_paths();
		let validators: Vec<(GeneratedKey, GeneratedKey, GeneratedKey, PathBuf, String)> = (0..3)
			.map(|i| {
				let node_key = dir.path().join(format!("node-key-{i}"));
				let peer_id = generate_node_key_file(&node_key);
				(
					generate_key("sr25519"),
					generate_key("sr25519"),
					generate_key("ed25519"),
					node_key,
					peer_id,
				)
			})
			.collect();
		let party = || generate_key("sr25519").address;
		let (regulator, assessor, moderator, registrar) = (party(), party(), party(), party());
		let consortium: Vec<&str> =
			validators.iter().map(|(account, ..)| account.address.as_str()).collect();
		let mut config = format!(
			"name = \"Compliance Test Production\"\nid = \"compliance_test_production\"\n\
			 session_length = 20\nconsortium = {consortium:?}\nregulators = [\"{regulator}\"]\n\
			 assessors = [\"{assessor}\"]\nfiling_operators = [\"{}\"]\n\
			 moderators = [\"{moderator}\"]\n\n[[registrars]]\naccount = \"{registrar}\"\n\
			 name = \"Registrar One\"\n",
			consortium[0]
		);
		for (account, aura, grandpa, _, peer_id) in &validators {
			config += &format!(
				"\n[[validators]]\naccount = \"{}\"\naura = \"{}\"\ngrandpa = \"{}\"\n\
				 peer_id = \"{peer_id}\"\n",
				account.address, aura.address, grandpa.address
			);
		}
		config += "\n[platform_convention]\nversion = 1\n\
		           doc_hash = \"0x1111111111111111111111111111111111111111111111111111111111111111\"\n\
		           uri = \"https://example.cn/convention-v1\"\n";
		let spec = dir.path().join("spec.json");
		let built = production_spec(&config, &spec);
		assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
		let spec = spec.to_str().expect("a UTF-8 path").to_string();

		// Each validator puts its session secrets into its node's keystore.
		for ((_, aura, grandpa, ..), base_path) in validators.iter().zip(&base_paths) {
			for (scheme, key_type, key) in [("sr25519", "aura", aura), ("ed25519", "gran", grandpa)]
			{
				let status = Command::new(node_binary())
					.args(["key", "insert", "--chain", &spec, "--scheme", scheme])
					.args(["--key-type", key_type, "--suri", &key.phrase, "--base-path"])
					.arg(base_path.path())
					.status()
					.expect("the node can be run");
				assert!(status.success(), "key insert {key_type}");
			}
		}
		let args = |i: usize| -> Vec<String> {
			let node_key = validators[i].3.to_str().expect("a UTF-8 path").to_string();
			["--chain", &spec, "--validator", "--node-key-file", &node_key]
				.map(String::from)
				.to_vec()
		};
		let mut first = Node::start("validator-0", base_paths[0].path(), &strs(&args(0)));
		let bootnode = first.multiaddr().await;
		let with_boot = |i: usize| {
			let mut a = args(i);
			a.extend(["--bootnodes".to_string(), bootnode.clone()]);
			a
		};
		let mut second = Node::start("validator-1", base_paths[1].path(), &strs(&with_boot(1)));
		let mut third = Node::start("validator-2", base_paths[2].path(), &strs(&with_boot(2)));
		wait_until(
			&mut [&mut first, &mut second, &mut third],
			FINALITY_TIMEOUT,
			"the production validators finalize block 3",
			|rpc| async move { finalized_number(&rpc).await >= 3 },
		)
		.await;

		// No development account holds a role: not in a set, not a registrar, not a validator,
		// not the owner of an authorised node.
		let client = first.client().await;
		let at = client.at_current_block().await.expect("the best block can be read");
		let development: Vec<subxt::utils::AccountId32> =
			[dev::alice(), dev::bob(), dev::charlie(), dev::dave(), dev::eve(), dev::ferdie()]
				.iter()
				.map(|pair| pair.public_key().to_account_id())
				.collect();
		let storage = api::storage();
		let sets = [
			("consortium", storage.consortium_membership().members()),
			("regulators", storage.regulators().members()),
			("assessors", storage.assessors().members()),
			("filing operators", storage.filing_operators().members()),
			("moderators", storage.moderators().members()),
		];
		let mut holders = Vec::new();
		for (name, address) in sets {
			let members = at
				.storage()
				.fetch(address, ())
				.await
				.unwrap_or_else(|e| panic!("{name} can be read: {e}"))
				.decode()
				.unwrap_or_else(|e| panic!("{name} decode: {e}"));
			assert!(!members.0.is_empty(), "{name} has members");
			holders.extend(members.0.into_iter().map(|m| (name, m)));
		}
		let validators_now = at
			.storage()
			.fetch(storage.validator_set().validators(), ())
			.await
			.expect("the validators can be read")
			.decode()
			.expect("the validators decode");
		assert_eq!(validators_now.0.len(), 3);
		holders.extend(validators_now.0.into_iter().map(|v| ("validators", v)));
		let registrars =
			compliance_client::view_function(&at, api::view_functions().real_name().registrars())
				.await
				.expect("the registrars can be read");
		assert_eq!(registrars.len(), 1);
		holders.extend(registrars.into_iter().map(|r| ("registrars", r.account)));
		for (role, holder) in &holders {
			assert!(!development.contains(holder), "{holder} ({role}) is a development account");
		}
		assert!(holders.iter().any(|(_, h)| h.to_string() == regulator), "the regulator is set");
		let mut nodes = well_known_nodes(&client).await;
		nodes.sort();
		let mut expected: Vec<PeerId> = validators
			.iter()
			.map(|(.., peer)| PeerId::from_str(peer).expect("a peer id"))
			.collect();
		expected.sort();
		assert_eq!(nodes, expected, "the authorised nodes are the validators' own");
	});
}

/// `strings` as the `&str`s [`Node::start`] takes.
fn strs(strings: &[String]) -> Vec<&str> {
	strings.iter().map(String::as_str).collect()
}
