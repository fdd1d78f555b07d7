//! The `compliance` binary against a real development chain: reads, transactions, the errors an
//! operator sees, and that the signing secret never shows up in any output.
//!
//! One node serves every check; independent commands run concurrently to keep the number of
//! 6-second blocks small.

mod common;

use common::{compliance, Run};
use compliance_tests::TestNode;
use serde_json::Value;

/// The development accounts the checks use (as `compliance-node key inspect //Name` prints).
const FERDIE: &str = "5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL";
const DAVE: &str = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";

/// Ferdie's key written as a mnemonic with a derivation: a secret that must never be printed.
const FERDIE_SECRET: &str =
	"bottom drive obey lake curtain smoke basket hold race lonely fit walk//Ferdie";

/// The dev chain's sample filing number.
const FILING_NUMBER: &str = "京网信备11010819339401号";

fn json(run: &Run) -> Value {
	serde_json::from_str(run.ok()).unwrap_or_else(|e| panic!("not JSON ({e}): {run:#?}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn cli_reads_submits_and_reports_failures_on_a_dev_chain() {
	// Argument errors need no node: a bad secret is refused without being repeated.
	let bad = "zebra quartz lantern marmalade";
	let run = compliance("ws://127.0.0.1:1", &["--suri", bad, "account", "warn", FERDIE]).await;
	assert!(run.failed(2).contains("--suri"));
	run.never_shows(bad);
	let bad_hash = compliance("ws://127.0.0.1:1", &["content", "status", "0x1234"]).await;
	assert!(bad_hash.failed(2).contains("<HASH>"), "{bad_hash:#?}");
	let bad_account = compliance("ws://127.0.0.1:1", &["identity", "status", "5Fnope"]).await;
	assert!(bad_account.failed(2).contains("<WHO>"), "{bad_account:#?}");

	let mut node = TestNode::spawn(&["--dev"]);
	node.client().await;
	let url = node.ws_url();
	let content = format!("0x{}", "c1".repeat(32));

	// Round 1: reads, a node that is not there, and three transactions in the same blocks.
	let (filing, ferdie, unreachable, publish, unknown_report, revoke) = tokio::join!(
		compliance(&url, &["filing", "status", "--json"]),
		compliance(&url, &["identity", "status", FERDIE]),
		compliance("ws://127.0.0.1:1", &["filing", "status"]),
		compliance(
			&url,
			&[
				"--suri",
				FERDIE_SECRET,
				"content",
				"publish",
				&content,
				"--kind",
				"text",
				"--uri",
				"https://chain.example.cn/posts/1",
			],
		),
		compliance(&url, &["--suri", "//Charlie", "report", "resolve", "4242", "--dismiss"]),
		compliance(&url, &["--suri", "//Alice", "identity", "revoke", DAVE, "--reason", "order"]),
	);

	let filing = json(&filing);
	assert_eq!(filing["status"], "Filed", "{filing:#}");
	assert_eq!(filing["filing"]["number"], FILING_NUMBER, "{filing:#}");
	assert_eq!(filing["filing"]["status"], "Filed", "{filing:#}");
	assert_eq!(filing["service"], "Active", "{filing:#}");

	let ferdie = ferdie.ok();
	assert!(ferdie.contains(&format!("account: {FERDIE}")), "{ferdie}");
	assert!(ferdie.contains("verified: yes"), "{ferdie}");
	assert!(ferdie.contains("standing: Good"), "{ferdie}");

	let line = unreachable.failed(3);
	assert!(line.starts_with("error: cannot reach node at ws://127.0.0.1:1: "), "{line}");
	assert_eq!(unreachable.stderr.lines().count(), 1, "{unreachable:#?}");

	assert!(publish.ok().contains("Moderation.ContentPublished"), "{publish:#?}");
	assert!(publish.stdout.contains(FERDIE), "{publish:#?}");
	assert!(publish.stderr.contains("finalized in block #"), "{publish:#?}");
	publish.never_shows(FERDIE_SECRET);

	// A dispatch error comes back by its pallet error name and documentation.
	let line = unknown_report.failed(5);
	assert!(line.contains("Moderation.ReportNotFound: No report has this id."), "{line}");

	assert!(revoke.ok().contains("RealName.VerificationRevoked"), "{revoke:#?}");

	// Round 2: a moderator hides the content; the now unverified Dave is refused by the pool.
	let (hide, refused) = tokio::join!(
		compliance(
			&url,
			&["--suri", "//Bob", "content", "hide", &content, "--reason", "rumour", "--note", "n"],
		),
		compliance(&url, &["--suri", "//Dave", "account", "transfer", FERDIE, "1000000000000"]),
	);
	assert!(hide.ok().contains("Moderation.ContentHidden"), "{hide:#?}");
	let line = refused.failed(4);
	assert!(
		line.contains("NotVerified (code 1): the signer has no real-name verification"),
		"{line}"
	);

	// Round 3: everyone reads the content as hidden, with the case that hid it.
	let status = json(&compliance(&url, &["content", "status", &content, "--json"]).await);
	assert_eq!(status["author"], FERDIE, "{status:#}");
	assert_eq!(status["status"]["Hidden"]["reason"], "Rumour", "{status:#}");
	assert_eq!(status["last_case"], status["status"]["Hidden"]["case"], "{status:#}");

	// An id that does not exist is a "not found" for reads.
	let missing = compliance(&url, &["report", "show", "4242"]).await;
	assert!(missing.failed(6).contains("no report #4242"), "{missing:#?}");
}
