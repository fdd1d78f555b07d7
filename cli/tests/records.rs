//! `compliance export` against a real development chain kept as an archive node.

mod common;

use common::compliance;
use compliance_tests::TestNode;
use serde_json::Value;

const FERDIE: &str = "5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL";

/// Runs a command that must succeed and returns its stdout.
fn ok(url: &str, args: &[&str]) -> impl std::future::Future<Output = String> + 'static {
	let run = compliance(url, args);
	async move { run.await.ok().to_string() }
}

/// The JSON lines of an export.
fn lines(stdout: &str) -> Vec<Value> {
	stdout
		.lines()
		.map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
		.collect()
}

fn events(lines: &[Value]) -> Vec<&str> {
	lines.iter().map(|l| l["event"].as_str().expect("an event name")).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn export_follows_an_account_and_a_content_hash() {
	let mut node = TestNode::spawn(&["--dev", "--state-pruning", "archive"]);
	node.client().await;
	let url = node.ws_url();
	let hidden = format!("0x{}", "a1".repeat(32));
	let other = format!("0x{}", "b2".repeat(32));

	// Ferdie publishes; Bob hides it and warns Ferdie; Charlie flags unrelated content; Ferdie
	// files a complaint about Alice that Charlie then dismisses.
	let publish =
		["--suri", "//Ferdie", "content", "publish", &hidden, "--kind", "text", "--uri", "u"];
	tokio::join!(
		ok(&url, &publish),
		ok(
			&url,
			&["--suri", "//Alice", "content", "publish", &other, "--kind", "text", "--uri", "v"]
		),
	);
	// One transaction per signer per round: the tool takes the nonce from the chain.
	tokio::join!(
		ok(
			&url,
			&[
				"--suri",
				"//Ferdie",
				"report",
				"file",
				"--account",
				"//Alice",
				"--category",
				"fraud",
				"--evidence-hash",
				&other
			]
		),
		ok(
			&url,
			&["--suri", "//Bob", "content", "hide", &hidden, "--reason", "rumour", "--note", "n"]
		),
		ok(&url, &["--suri", "//Charlie", "content", "flag", &other, "--reason", "fraud"]),
	);
	tokio::join!(
		ok(&url, &["--suri", "//Bob", "account", "warn", FERDIE, "--reason", "fraud"]),
		ok(&url, &["--suri", "//Charlie", "report", "resolve", "0", "--dismiss"]),
	);

	let content = lines(&ok(&url, &["export", "--content", &hidden]).await);
	assert_eq!(
		events(&content),
		["Moderation.ContentPublished", "Moderation.ContentHidden"],
		"{content:#?}"
	);
	assert_eq!(content[1]["fields"]["hash"], hidden.as_str());
	assert!(content[1]["block"].as_u64().unwrap() >= content[0]["block"].as_u64().unwrap());

	let account = lines(&ok(&url, &["export", "--account", FERDIE]).await);
	let names = events(&account);
	for expected in [
		"Moderation.ContentPublished",
		"Moderation.ReportFiled",
		"Moderation.AccountWarned",
		// It names no account of Ferdie's, only the report Ferdie filed.
		"Moderation.ReportResolved",
	] {
		assert!(names.contains(&expected), "{expected} missing from {names:?}");
	}
	assert!(!names.contains(&"Moderation.ContentFlagged"), "{names:?}");
	// Genesis made Ferdie verified and ack'd; those are not events. Hiding Ferdie's content
	// names the hash, not Ferdie.
	assert!(!names.contains(&"Moderation.ContentHidden"), "{names:?}");

	// A range: nothing before the first block with a transaction.
	let first = account[0]["block"].as_u64().unwrap();
	let before = ok(&url, &["export", "--account", FERDIE, "--to", &(first - 1).to_string()]).await;
	assert!(before.is_empty(), "{before}");

	// Bad ranges are one-line usage errors.
	let run = compliance(&url, &["export", "--account", FERDIE, "--from", "5", "--to", "2"]).await;
	assert_eq!(run.code, 2, "{}", run.stderr);
	assert!(run.stderr.contains("--from 5 is after --to 2"), "{}", run.stderr);
	let run = compliance(&url, &["export", "--content", &hidden, "--to", "999999"]).await;
	assert_eq!(run.code, 2, "{}", run.stderr);
	assert!(run.stderr.contains("beyond the latest finalized block"), "{}", run.stderr);
}
