//! The built `compliance-bench` binary: its one-line failures, `transfers` against a real
//! development chain and against the throughput baseline's, as `scripts/bench-throughput` runs
//! them, and `load` on a development chain, as `scripts/bench-network` runs it on a network.

use compliance_tests::{node_binary, TestNode};
use serde_json::Value;
use tokio::process::Command;

/// What one run of the binary gave.
#[derive(Debug)]
struct Run {
	/// The exit code.
	code: i32,
	/// Standard output.
	stdout: String,
	/// Standard error.
	stderr: String,
}

impl Run {
	/// Asserts the exit code and one `error:` line on stderr, and returns that line.
	fn failed(&self, code: i32) -> &str {
		assert_eq!(self.code, code, "unexpected exit code: {self:#?}");
		let errors: Vec<&str> = self.stderr.lines().filter(|l| l.starts_with("error:")).collect();
		assert_eq!(errors.len(), 1, "expected exactly one error line: {self:#?}");
		errors[0]
	}
}

/// Runs `compliance-bench --url <url> transfers <args>` with no URL or key from the environment.
async fn bench(url: &str, args: &[&str]) -> Run {
	bench_command(url, "transfers", args).await
}

/// Runs `compliance-bench --url <url> <command> <args>` with no URL or key from the environment.
async fn bench_command(url: &str, command: &str, args: &[&str]) -> Run {
	let output = Command::new(env!("CARGO_BIN_EXE_compliance-bench"))
		.arg("--url")
		.arg(url)
		.arg(command)
		.args(args)
		.env_remove("COMPLIANCE_URL")
		.env_remove("COMPLIANCE_BENCH_FUNDER")
		.env_remove("COMPLIANCE_BENCH_REGISTRAR")
		.output()
		.await
		.expect("the compliance-bench binary runs");
	Run {
		code: output.status.code().unwrap_or(-1),
		stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
		stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
	}
}

#[tokio::test]
async fn bad_arguments_keys_and_nodes_are_one_line_failures() {
	// Nothing listens on port 1 of the loopback address.
	let nowhere = "ws://127.0.0.1:1";
	let line = bench(nowhere, &["--senders", "1"]).await.failed(2).to_string();
	assert!(line.contains("at least 2 --senders"), "{line}");

	let secret = "correct horse battery staple";
	let run = bench(nowhere, &["--funder", secret]).await;
	let line = run.failed(2);
	assert!(line.contains("--funder is not a valid"), "{line}");
	for word in secret.split(' ') {
		assert!(!run.stderr.contains(word), "a word of the key was printed: {run:#?}");
	}

	let line = bench(nowhere, &["--senders", "2"]).await.failed(3).to_string();
	assert!(line.contains("cannot reach node at ws://127.0.0.1:1"), "{line}");
}

#[tokio::test]
async fn a_load_that_cannot_work_is_refused_before_the_node_is_asked() {
	let nowhere = "ws://127.0.0.1:1";
	let load = |args: &'static [&'static str]| bench_command(nowhere, "load", args);
	let line = load(&["--rate", "0", "--seconds", "10"]).await.failed(2).to_string();
	assert!(line.contains("above zero"), "{line}");
	let line = load(&["--rate", "10", "--seconds", "10", "--senders", "1"])
		.await
		.failed(2)
		.to_string();
	assert!(line.contains("at least 2 --senders"), "{line}");
	// Two seconds' worth at the least already overflows the pool.
	let line = load(&["--rate", "5000", "--seconds", "10"]).await.failed(2).to_string();
	assert!(line.contains("more than --pool-limit 8192"), "{line}");
	let line = load(&["--rate", "10", "--seconds", "10"]).await.failed(3).to_string();
	assert!(line.contains("cannot reach node at ws://127.0.0.1:1"), "{line}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_steady_load_is_finalized_exactly_once() {
	let mut node = TestNode::spawn(&["--dev"]);
	node.client().await;
	let url = node.ws_url();
	let args = ["--json", "--rate", "10", "--seconds", "12", "--senders", "4"];
	let run = bench_command(&url, "load", &args).await;
	assert_eq!(run.code, 0, "{run:#?}");
	let report: Value = serde_json::from_str(&run.stdout).expect("the report is JSON");
	assert_eq!(report["submitted"], 120, "{report:#}");
	assert_eq!(report["accepted_by_pool"], 120, "{report:#}");
	assert_eq!(report["included_once"], 120, "{report:#}");
	assert_eq!(report["included_more_than_once"], 0, "{report:#}");
	assert_eq!(report["lost"], 0, "{report:#}");
	assert_eq!(report["failed_in_block"], 0, "{report:#}");
	// Twelve seconds span at least two six-second blocks; the lag was sampled twice a second.
	assert!(report["finalized_blocks"].as_u64().unwrap() >= 2, "{report:#}");
	assert!(report["finality_lag_samples"].as_u64().unwrap() >= 20, "{report:#}");
	assert!(report["finality_lag_max"].as_u64().unwrap() < 10, "{report:#}");
}

#[tokio::test(flavor = "multi_thread")]
async fn bench_counts_transfers_and_refuses_every_spam_transaction() {
	let mut node = TestNode::spawn(&["--dev"]);
	node.client().await;
	let url = node.ws_url();
	let run = bench(&url, &["--json", "--senders", "6", "--per-sender", "2", "--spam"]).await;
	assert_eq!(run.code, 0, "{run:#?}");
	let report: Value = serde_json::from_str(&run.stdout).expect("the report is JSON");

	assert_eq!(report["real_name_pallet"], true, "{report:#}");
	assert_eq!(report["real_name_check_in_extensions"], true, "{report:#}");
	for round in ["round", "round_with_spam"] {
		let round = &report[round];
		assert_eq!(round["transfers_submitted"], 12, "{round:#}");
		assert_eq!(round["accepted_by_pool"], 12, "{round:#}");
		assert_eq!(round["included"], 12, "{round:#}");
		assert_eq!(round["failed_in_block"], 0, "{round:#}");
		assert!(round["stps"].as_str().unwrap().parse::<f64>().unwrap() > 0.0, "{round:#}");
	}
	let spam = &report["round_with_spam"]["spam"];
	assert_eq!(spam["submitted"], 12, "{spam:#}");
	assert_eq!(spam["accepted_by_pool"], 0, "{spam:#}");
	assert_eq!(spam["refused_by_reason"]["NotVerified"], 12, "{spam:#}");
	assert_eq!(spam["included"], 0, "{spam:#}");

	// A second run reuses the prepared senders: no new verification or funding.
	let run = bench(&url, &["--json", "--senders", "6", "--per-sender", "1"]).await;
	assert_eq!(run.code, 0, "{}", run.stderr);
	assert!(!run.stderr.contains("verifying"), "{}", run.stderr);
	assert!(!run.stderr.contains("funding"), "{}", run.stderr);
}

/// The throughput baseline's development chain specification, written by the built
/// `compliance-baseline-spec` (beside the node binary) into a file in `dir`.
fn baseline_chain_spec(dir: &std::path::Path) -> std::path::PathBuf {
	let printer = node_binary().with_file_name("compliance-baseline-spec");
	assert!(
		printer.exists(),
		"{} does not exist: build it first (`cargo build -p compliance-runtime-baseline`)",
		printer.display()
	);
	let output = std::process::Command::new(&printer).output().expect("the spec printer runs");
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let path = dir.join("baseline-spec.json");
	std::fs::write(&path, output.stdout).expect("the chain spec can be written");
	path
}

#[tokio::test(flavor = "multi_thread")]
async fn on_the_throughput_baseline_no_real_name_check_refuses_anything() {
	let dir = tempfile::tempdir().expect("a temporary directory");
	let spec = baseline_chain_spec(dir.path());
	let mut node = TestNode::spawn(&["--dev", "--chain", spec.to_str().expect("a UTF-8 path")]);
	node.client().await;
	let run =
		bench(&node.ws_url(), &["--json", "--senders", "4", "--per-sender", "1", "--spam"]).await;
	assert_eq!(run.code, 0, "{run:#?}");
	let report: Value = serde_json::from_str(&run.stdout).expect("the report is JSON");

	// The same pallets (the senders are verified as on the chain), without the check.
	assert_eq!(report["real_name_pallet"], true, "{report:#}");
	assert_eq!(report["real_name_check_in_extensions"], false, "{report:#}");
	assert_eq!(report["round"]["included"], 4, "{report:#}");
	// The unverified spammers hold nothing: only the fee payment refuses them here, where the
	// chain's runtime refuses them as unverified before it looks at fees.
	let spam = &report["round_with_spam"]["spam"];
	assert_eq!(spam["refused_by_pool"], 4, "{spam:#}");
	assert!(spam["refused_by_reason"].get("NotVerified").is_none(), "{spam:#}");
	assert_eq!(spam["included"], 0, "{spam:#}");
}
