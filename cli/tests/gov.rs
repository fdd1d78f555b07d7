//! `compliance gov` against a real development chain, whose consortium is Alice, Bob and
//! Charlie: a motion passes with two ayes of three.
//!
//! One node serves every check; flows that share no signer run concurrently to keep the
//! number of 6-second blocks small.

mod common;

use common::{compliance, Run};
use compliance_tests::TestNode;
use serde_json::Value;

/// The development accounts the checks use (as `compliance-node key inspect //Name` prints).
const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
const CHARLIE: &str = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
const DAVE: &str = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";
const FERDIE: &str = "5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL";

fn json(run: &Run) -> Value {
	serde_json::from_str(run.ok()).unwrap_or_else(|e| panic!("not JSON ({e}): {run:#?}"))
}

/// The names of the events in every transaction of a `gov` command's JSON output.
fn events(output: &Value) -> Vec<String> {
	output["transactions"]
		.as_array()
		.unwrap_or_else(|| panic!("no transactions: {output:#}"))
		.iter()
		.flat_map(|tx| tx["events"].as_array().cloned().unwrap_or_default())
		.map(|event| event["event"].as_str().unwrap_or_default().to_string())
		.collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn consortium_motions_pass_with_two_thirds_and_fail_by_name() {
	// Argument errors need no node.
	let twice =
		compliance("ws://127.0.0.1:1", &["--suri", "//Alice", "--suri", "//Bob", "rules", "ack"])
			.await;
	assert!(twice.failed(2).contains("only `gov propose` takes several"), "{twice:#?}");
	let forced = compliance(
		"ws://127.0.0.1:1",
		&["--suri", "//Alice", "identity", "revoke", DAVE, "--reason", "order", "--force"],
	)
	.await;
	assert!(forced.failed(2).contains("gov propose force-revoke"), "{forced:#?}");
	let same_key = compliance(
		"ws://127.0.0.1:1",
		&["--suri", "//Alice", "--suri", "//Alice", "gov", "propose", "add-moderator", DAVE],
	)
	.await;
	assert!(same_key.failed(2).contains("--suri #2"), "{same_key:#?}");

	let mut node = TestNode::spawn(&["--dev"]);
	node.client().await;
	let url = node.ws_url();

	// Round 1, one signer per flow: Alice and Bob pass a registrar in one command; Charlie
	// alone leaves a motion open; Ferdie, no member, is refused by the chain.
	let (passed, open, outsider) = tokio::join!(
		compliance(
			&url,
			&[
				"--json",
				"--suri",
				"//Alice",
				"--suri",
				"//Bob",
				"gov",
				"propose",
				"add-registrar",
				FERDIE,
				"Ferdie Registry",
			],
		),
		compliance(
			&url,
			&["--json", "--suri", "//Charlie", "gov", "propose", "add-moderator", DAVE]
		),
		compliance(&url, &["--suri", "//Ferdie", "gov", "propose", "add-moderator", FERDIE]),
	);

	let passed = json(&passed);
	assert_eq!(passed["outcome"], "executed", "{passed:#}");
	assert_eq!(passed["threshold"], 2, "{passed:#}");
	assert_eq!(passed["members"], 3, "{passed:#}");
	assert_eq!(passed["call"], "RealName.add_registrar", "{passed:#}");
	let names = events(&passed);
	for expected in [
		"Consortium.Proposed",
		"Consortium.Voted",
		"Consortium.Closed",
		"Consortium.Approved",
		"Consortium.Executed",
		"RealName.RegistrarAdded",
	] {
		assert!(names.iter().any(|n| n == expected), "{expected} missing from {names:?}");
	}
	// Propose, two votes, close.
	assert_eq!(passed["transactions"].as_array().map(Vec::len), Some(4), "{passed:#}");

	let open = json(&open);
	assert_eq!(open["outcome"], "open", "{open:#}");
	assert_eq!(open["call"], "Moderators.add_member", "{open:#}");
	assert_eq!(open["args"]["who"]["Id"], DAVE, "{open:#}");
	assert_eq!(open["ayes"], serde_json::json!([CHARLIE]), "{open:#}");
	assert_eq!(open["nays"], serde_json::json!([]), "{open:#}");
	assert_eq!(open["threshold"], 2, "{open:#}");
	assert_eq!(open["closable"], false, "{open:#}");
	assert!(open["next"].as_str().unwrap().contains("compliance gov vote"), "{open:#}");
	let motion = open["motion"].as_str().expect("the motion's hash").to_string();
	let index = open["index"].as_u64().expect("the motion's index").to_string();

	let line = outsider.failed(5);
	assert!(line.contains("Consortium.NotMember"), "{line}");

	// Round 2: everyone sees the open motion with Charlie's aye.
	let listed = json(&compliance(&url, &["--json", "gov", "motions"]).await);
	assert_eq!(listed["body"], "Consortium", "{listed:#}");
	assert_eq!(listed["passing_threshold"], 2, "{listed:#}");
	let motions = listed["motions"].as_array().expect("a list of motions");
	assert_eq!(motions.len(), 1, "{listed:#}");
	let listed_motion = &motions[0];
	assert_eq!(listed_motion["motion"], motion.as_str(), "{listed:#}");
	assert_eq!(listed_motion["index"].to_string(), index, "{listed:#}");
	assert_eq!(listed_motion["call"], "Moderators.add_member", "{listed:#}");
	assert_eq!(listed_motion["args"]["who"]["Id"], DAVE, "{listed:#}");
	assert_eq!(listed_motion["ayes"], serde_json::json!([CHARLIE]), "{listed:#}");
	assert_eq!(listed_motion["threshold"], 2, "{listed:#}");
	assert_eq!(listed_motion["closable"], false, "{listed:#}");
	assert!(listed_motion["end"].as_u64().unwrap() > 0, "{listed:#}");
	let human = compliance(&url, &["gov", "motions"]).await;
	assert!(human.ok().contains("call: Moderators.add_member"), "{human:#?}");

	// Round 3: Bob's aye carries it; Charlie voting again is refused by name.
	let (vote, again) = tokio::join!(
		compliance(
			&url,
			&["--json", "--suri", "//Bob", "gov", "vote", &motion, "--index", &index, "--aye"]
		),
		compliance(
			&url,
			&["--suri", "//Charlie", "gov", "vote", &motion, "--index", &index, "--aye"]
		),
	);
	let vote = json(&vote);
	assert_eq!(vote["outcome"], "open", "{vote:#}");
	assert_eq!(vote["closable"], true, "{vote:#}");
	assert_eq!(vote["ayes"].as_array().map(Vec::len), Some(2), "{vote:#}");
	assert!(vote["ayes"].as_array().unwrap().contains(&Value::from(BOB)), "{vote:#}");
	let line = again.failed(5);
	assert!(line.contains("Consortium.DuplicateVote"), "{line}");

	// Round 4: anyone closes it, which executes the call.
	let closed = json(
		&compliance(
			&url,
			&["--json", "--suri", "//Alice", "gov", "close", &motion, "--index", &index],
		)
		.await,
	);
	assert_eq!(closed["outcome"], "executed", "{closed:#}");
	let names = events(&closed);
	assert!(names.iter().any(|n| n == "Moderators.MemberAdded"), "{names:?}");

	// Round 5: a motion whose call fails fails the command with the call's error by name.
	let failing = compliance(
		&url,
		&["--suri", "//Alice", "--suri", "//Charlie", "gov", "propose", "add-moderator", BOB],
	)
	.await;
	let line = failing.failed(5);
	assert!(line.contains("Moderators.AlreadyMember"), "{line}");

	// Round 6: the validator set's admin calls, refused by name: the last validator stays, and
	// an account without session keys cannot be made a validator.
	let last = compliance(
		&url,
		&[
			"--suri",
			"//Alice",
			"--suri",
			"//Charlie",
			"gov",
			"propose",
			"remove-validator",
			"//Alice",
		],
	)
	.await;
	let line = last.failed(5);
	assert!(line.contains("ValidatorSet.TooFewValidators"), "{line}");
	let keyless = compliance(
		&url,
		&["--suri", "//Alice", "--suri", "//Charlie", "gov", "propose", "add-validator", DAVE],
	)
	.await;
	let line = keyless.failed(5);
	assert!(line.contains("ValidatorSet.NoSessionKeys"), "{line}");

	// Every motion is closed now.
	let listed = json(&compliance(&url, &["--json", "gov", "motions"]).await);
	assert_eq!(listed["motions"], serde_json::json!([]), "{listed:#}");
}
