//! Test harness for black-box tests of `compliance-node`.
//!
//! [`TestNode`] spawns the built node binary on free ports with a temporary base path, waits
//! until its RPC answers, and kills the process and removes its directory when dropped, whether
//! the test passed or not. Tests then talk to it only through subxt, as users do.

#![deny(missing_docs)]

use std::{
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};
use subxt::{OnlineClient, PolkadotConfig};

/// How long a node may take from spawn to answering RPC (a debug build compiles the runtime
/// with wasmtime first).
pub const STARTUP_TIMEOUT: Duration = Duration::from_secs(180);

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
