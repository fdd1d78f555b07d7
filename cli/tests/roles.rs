//! Every subcommand of `compliance`, run by the role it is for against a real development
//! chain: each one either does what it says (its event in the receipt, or the state it reads)
//! or is refused by the chain with the named error its state calls for.
//!
//! The development chain's roles: Alice is the registrar (id 0) and the filing operator, Bob
//! and Charlie are moderators, Alice, Bob and Charlie are the consortium, Dave is the assessor,
//! Eve the only regulator (so the regulators' motions pass with her aye alone), Ferdie a plain
//! user. Commands that share no signer run concurrently, to keep the 6-second blocks few.

mod common;

use common::{compliance, Run};
use compliance_tests::TestNode;
use serde_json::Value;

const FERDIE: &str = "5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL";

fn json(run: &Run) -> Value {
	serde_json::from_str(run.ok()).unwrap_or_else(|e| panic!("not JSON ({e}): {run:#?}"))
}

/// The fields of the event `name` in a receipt (or in any transaction of a `gov` command).
fn event(output: &Value, name: &str) -> Value {
	let receipts = match output["transactions"].as_array() {
		Some(transactions) => transactions.clone(),
		None => vec![output.clone()],
	};
	receipts
		.iter()
		.flat_map(|tx| tx["events"].as_array().cloned().unwrap_or_default())
		.find(|e| e["event"] == name)
		.map(|e| e["fields"].clone())
		.unwrap_or_else(|| panic!("no {name} in {output:#}"))
}

/// `0x` and 64 hex digits of `byte`.
fn hash_of(byte: &str) -> String {
	format!("0x{}", byte.repeat(32))
}

#[tokio::test(flavor = "multi_thread")]
async fn users_registrars_moderators_and_assessors_use_their_commands() {
	// Offline: the hash of a text and of a file with the same bytes are the same.
	let file = std::env::temp_dir().join(format!("compliance-hash-{}.txt", std::process::id()));
	std::fs::write(&file, "evidence").unwrap();
	let (by_text, by_file) = tokio::join!(
		compliance("ws://127.0.0.1:1", &["--json", "hash", "--text", "evidence"]),
		compliance("ws://127.0.0.1:1", &["--json", "hash", file.to_str().unwrap()]),
	);
	let evidence = json(&by_text)["blake2_256"].as_str().unwrap().to_string();
	assert_eq!(json(&by_file)["blake2_256"], evidence.as_str());
	assert_eq!(evidence.len(), 66, "{evidence}");
	std::fs::remove_file(&file).unwrap();

	let mut node = TestNode::spawn(&["--dev"]);
	node.client().await;
	let url = node.ws_url();
	let url = url.as_str();
	let (hidden, listed, code) = (hash_of("d1"), hash_of("d2"), hash_of("c0"));

	// Round 1.
	let (verify, restrict, batch, ack, record, registrars, rules, service, history) = tokio::join!(
		compliance(
			url,
			&[
				"--json",
				"--suri",
				"//Alice",
				"identity",
				"verify",
				"//Gina",
				"--commitment",
				&hash_of("99"),
				"--level",
				"basic",
				"--days",
				"30",
			],
		),
		compliance(
			url,
			&[
				"--json",
				"--suri",
				"//Bob",
				"account",
				"restrict",
				"//Ferdie",
				"--scope",
				"publishing",
				"--blocks",
				"500",
				"--reason",
				"fraud",
			],
		),
		compliance(
			url,
			&[
				"--json",
				"--suri",
				"//Charlie",
				"content",
				"hide-batch",
				&hidden,
				&listed,
				"--reason",
				"rumour",
				"--note",
				"batch",
			],
		),
		compliance(url, &["--json", "--suri", "//Ferdie", "rules", "ack"]),
		compliance(
			url,
			&[
				"--json",
				"--suri",
				"//Dave",
				"assess",
				"record",
				&code,
				"--report-hash",
				&evidence,
				"--verdict",
				"approved",
			],
		),
		compliance(url, &["--json", "identity", "registrars"]),
		compliance(url, &["--json", "rules", "show", "--history"]),
		compliance(url, &["--json", "service", "status"]),
		compliance(url, &["--json", "filing", "history"]),
	);
	let verified = event(&json(&verify), "RealName.AccountVerified");
	let gina = verified["who"].as_str().expect("Gina's address").to_string();
	// The event keeps the commitment, so the record of this verification outlives its revoking.
	assert_eq!(verified["commitment"], hash_of("99").as_str(), "{verified:#}");
	let restricted = event(&json(&restrict), "Moderation.AccountRestricted");
	assert_eq!(restricted["who"], FERDIE);
	assert_eq!(restricted["scope"], "Publishing");
	let case = restricted["case_id"].to_string();
	let batch = json(&batch);
	let hidden_events = batch["events"].as_array().unwrap();
	assert_eq!(
		hidden_events
			.iter()
			.filter(|e| e["event"] == "Moderation.ContentHidden")
			.count(),
		2,
		"{batch:#}"
	);
	assert_eq!(event(&json(&ack), "RealName.ConventionAcknowledged")["version"], 1);
	assert_eq!(event(&json(&record), "Filing.AssessmentRecorded")["code_hash"], code.as_str());
	let registrars = json(&registrars);
	assert_eq!(registrars["registrars"][0]["name"], "Development Registrar", "{registrars:#}");
	let rules = json(&rules);
	assert_eq!(rules["current_convention"], 1, "{rules:#}");
	assert_eq!(rules["platform_convention"]["version"], 1, "{rules:#}");
	assert!(rules["management_rules_history"].is_array(), "{rules:#}");
	assert_eq!(json(&service)["service"], "Active");
	assert!(json(&history)["history"].is_array());

	// Round 2.
	let (renew, appeal, restore, suspend, show, revoke_assessment, standing) = tokio::join!(
		compliance(
			url,
			&["--json", "--suri", "//Alice", "identity", "renew", &gina, "--days", "60"]
		),
		compliance(
			url,
			&["--json", "--suri", "//Ferdie", "report", "appeal", &case, "--statement", "not me"],
		),
		compliance(url, &["--json", "--suri", "//Charlie", "content", "restore", &hidden]),
		compliance(
			url,
			&["--json", "--suri", "//Bob", "account", "suspend", &gina, "--blocks", "300"],
		),
		compliance(url, &["--json", "assess", "show", &code]),
		compliance(url, &["--json", "--suri", "//Dave", "assess", "revoke", &code]),
		compliance(url, &["--json", "account", "standing", "//Ferdie"]),
	);
	let renewed = event(&json(&renew), "RealName.VerificationRenewed");
	assert_eq!(renewed["who"], gina.as_str());
	assert_eq!(
		(&renewed["commitment"], &renewed["level"]),
		(&verified["commitment"], &serde_json::json!("Basic"))
	);
	let appealed = event(&json(&appeal), "Moderation.AppealFiled");
	assert_eq!(appealed["appellant"], FERDIE);
	assert_eq!(appealed["subject"]["Account"], FERDIE, "the event names the case's subject");
	assert_eq!(event(&json(&restore), "Moderation.ContentRestored")["hash"], hidden.as_str());
	assert_eq!(event(&json(&suspend), "Moderation.AccountSuspended")["who"], gina.as_str());
	assert_eq!(json(&show)["assessment"]["verdict"], "Approved");
	event(&json(&revoke_assessment), "Filing.AssessmentRevoked");
	let standing = json(&standing);
	assert!(standing["standing"]["RestrictedFrom"]["publishing"].is_number(), "{standing:#}");
	assert_eq!(standing["verified"], true, "{standing:#}");

	// Round 3.
	let (decide, lift, file, case_read, gone) = tokio::join!(
		compliance(
			url,
			&[
				"--json",
				"--suri",
				"//Charlie",
				"report",
				"decide",
				&case,
				"--dismiss",
				"--note",
				"x"
			],
		),
		compliance(url, &["--json", "--suri", "//Bob", "account", "lift", &gina]),
		compliance(
			url,
			&[
				"--json",
				"--suri",
				"//Ferdie",
				"report",
				"file",
				"--account",
				&gina,
				"--category",
				"fraud",
				"--evidence-hash",
				&evidence,
			],
		),
		compliance(url, &["--json", "report", "case", &case]),
		compliance(url, &["assess", "show", &code]),
	);
	let decided = event(&json(&decide), "Moderation.AppealDecided");
	assert_eq!(decided["upheld"], false);
	assert_eq!(decided["subject"]["Account"], FERDIE);
	assert_eq!(event(&json(&lift), "Moderation.MeasureLifted")["who"], gina.as_str());
	let report = event(&json(&file), "Moderation.ReportFiled")["report_id"].to_string();
	let case_read = json(&case_read);
	assert_eq!(case_read["id"].to_string(), case, "{case_read:#}");
	assert!(case_read["appeal"].is_object(), "{case_read:#}");
	assert!(gone.failed(6).contains("no assessment recorded"), "{gone:#?}");

	// Round 4: the report is listed, then upheld with a suspension; Ferdie, restricted from
	// publishing, is refused by the pool by name; a moderator closes Ferdie's account.
	let open = json(&compliance(url, &["--json", "report", "list"]).await);
	assert_eq!(open["reports"][0]["id"].to_string(), report, "{open:#}");
	let overdue = json(&compliance(url, &["--json", "report", "list", "--overdue"]).await);
	assert_eq!(overdue["reports"], serde_json::json!([]), "{overdue:#}");
	let (resolve, refused, close) = tokio::join!(
		compliance(
			url,
			&[
				"--json", "--suri", "//Bob", "report", "resolve", &report, "--uphold", "suspend",
				"--blocks", "40",
			],
		),
		compliance(url, &["--suri", "//Ferdie", "content", "publish", &hash_of("e5")]),
		compliance(url, &["--json", "--suri", "//Charlie", "account", "close", "//Ferdie"]),
	);
	let resolved = event(&json(&resolve), "Moderation.ReportResolved");
	assert!(resolved["outcome"]["Upheld"]["action"]["AccountSuspended"].is_object(), "{resolved}");
	event(&json(&resolve), "Moderation.AccountSuspended");
	assert!(refused.failed(4).contains("AccountRestricted"), "{refused:#?}");
	event(&json(&close), "Moderation.AccountClosed");

	// Round 5: the registrar revokes; the closed account is refused by the pool.
	let (revoke, closed) = tokio::join!(
		compliance(
			url,
			&["--json", "--suri", "//Alice", "identity", "revoke", &gina, "--reason", "order"],
		),
		// Only an appeal and the convention's acknowledgement stay open to a closed account.
		compliance(url, &["--suri", "//Ferdie", "account", "transfer", "//Alice", "1000000000000"]),
	);
	assert_eq!(event(&json(&revoke), "RealName.VerificationRevoked")["who"], gina.as_str());
	assert!(closed.failed(4).contains("AccountClosed"), "{closed:#?}");
}

/// A motion proposed by one member (who votes aye with the same command): its hash and index.
fn opened(run: &Run) -> (String, String) {
	let open = json(run);
	assert_eq!(open["outcome"], "open", "{open:#}");
	(open["motion"].as_str().unwrap().to_string(), open["index"].to_string())
}

#[tokio::test(flavor = "multi_thread")]
async fn operators_and_regulators_use_their_commands() {
	let mut node = TestNode::spawn(&["--dev"]);
	node.client().await;
	let url = node.ws_url();
	let url = url.as_str();
	let code = std::env::temp_dir().join(format!("compliance-code-{}.wasm", std::process::id()));
	std::fs::write(&code, b"not a runtime, only bytes to authorize").unwrap();
	let code = code.to_str().unwrap().to_string();
	let gov = |suri: &'static str, args: &[&str]| {
		let mut all = vec!["--json", "--suri", suri, "gov", "propose"];
		all.extend_from_slice(args);
		compliance(url, &all)
	};
	let regulators = |args: &[&str]| {
		let mut all = vec!["--json", "--suri", "//Eve", "gov", "--body", "regulators", "propose"];
		all.extend_from_slice(args);
		compliance(url, &all)
	};
	let vote = |suri: &'static str, (motion, index): &(String, String)| {
		compliance(
			url,
			&["--json", "--suri", suri, "gov", "vote", motion, "--index", index, "--aye"],
		)
	};
	let close = |suri: &'static str, (motion, index): &(String, String)| {
		compliance(url, &["--json", "--suri", suri, "gov", "close", motion, "--index", index])
	};

	// Round 1: three consortium motions opened by one member each (who votes aye too); the
	// regulator closes the assessor's account by the regulators' motion, which her aye alone
	// carries.
	let (suspend_registrar, response_time, force_revoke, close_dave) = tokio::join!(
		gov("//Alice", &["suspend-registrar", "0"]),
		gov("//Bob", &["set-response-time", "20"]),
		gov("//Charlie", &["force-revoke", "//Ferdie", "--reason", "order"]),
		regulators(&["close-account", "//Dave", "--reason", "fraud"]),
	);
	let motions = [opened(&suspend_registrar), opened(&response_time), opened(&force_revoke)];
	let closed_dave = json(&close_dave);
	assert_eq!(closed_dave["outcome"], "executed", "{closed_dave:#}");
	let case = event(&closed_dave, "Moderation.AccountClosed")["case_id"].to_string();

	// Round 2: a second member's aye on each; the assessor appeals; the regulators accredit an
	// assessor.
	let (a, b, c, appeal, add, listed) = tokio::join!(
		vote("//Bob", &motions[0]),
		vote("//Charlie", &motions[1]),
		vote("//Alice", &motions[2]),
		compliance(
			url,
			&["--json", "--suri", "//Dave", "report", "appeal", &case, "--statement", "mistake"],
		),
		regulators(&["add-member", "//Harry", "--set", "assessors"]),
		compliance(url, &["--json", "gov", "motions"]),
	);
	for run in [&a, &b, &c] {
		assert_eq!(json(run)["closable"], true, "{run:#?}");
	}
	event(&json(&appeal), "Moderation.AppealFiled");
	event(&json(&add), "Assessors.MemberAdded");
	assert_eq!(json(&listed)["motions"].as_array().map(Vec::len), Some(3));

	// Round 3: anyone closes them; the regulators decide the appeal by motion.
	let (a, b, c, decide) = tokio::join!(
		close("//Alice", &motions[0]),
		close("//Bob", &motions[1]),
		close("//Charlie", &motions[2]),
		regulators(&["decide-appeal", &case, "--dismiss"]),
	);
	event(&json(&a), "RealName.RegistrarSuspended");
	assert_eq!(event(&json(&b), "Moderation.ResponseTimeSet")["blocks"], 20);
	assert_eq!(event(&json(&c), "RealName.VerificationForceRevoked")["who"], FERDIE);
	assert_eq!(event(&json(&decide), "Moderation.AppealDecided")["upheld"], false);

	// Rounds 4 to 6: three more motions the same way; the regulators lift the measure and
	// change the assessor set.
	let (reactivate, authorize, publish, lift) = tokio::join!(
		gov("//Alice", &["reactivate-registrar", "0"]),
		gov("//Bob", &["authorize-upgrade", &code]),
		gov(
			"//Charlie",
			&[
				"rules",
				"publish",
				"--kind",
				"management",
				"--version",
				"2",
				"--doc-hash",
				&hash_of("a2"),
				"--uri",
				"https://chain.example.cn/rules/management-v2",
			],
		),
		regulators(&["lift-measure", "//Dave"]),
	);
	let motions = [opened(&reactivate), opened(&authorize), opened(&publish)];
	event(&json(&lift), "Moderation.MeasureLifted");
	let (a, b, c, swap) = tokio::join!(
		vote("//Bob", &motions[0]),
		vote("//Charlie", &motions[1]),
		vote("//Alice", &motions[2]),
		regulators(&["swap-member", "//Harry", "//Ivy", "--set", "assessors"]),
	);
	for run in [&a, &b, &c] {
		assert_eq!(json(run)["closable"], true, "{run:#?}");
	}
	event(&json(&swap), "Assessors.MembersSwapped");
	let (a, b, c, remove) = tokio::join!(
		close("//Alice", &motions[0]),
		close("//Bob", &motions[1]),
		close("//Charlie", &motions[2]),
		regulators(&["remove-member", "//Ivy", "--set", "assessors"]),
	);
	event(&json(&a), "RealName.RegistrarReactivated");
	event(&json(&b), "System.UpgradeAuthorized");
	assert_eq!(event(&json(&c), "Filing.RulesPublished")["version"], 2);
	event(&json(&remove), "Assessors.MemberRemoved");

	// Round 7: the authorized bytes, which are no runtime, are rejected by the chain's version
	// check (a real blob meets the assessment gate in the upgrade scenario); the filing
	// operator's own call, and one by motion; a non-operator is refused; the regulator
	// suspends the service.
	let (apply, change, review, start, suspend) = tokio::join!(
		compliance(url, &["--suri", "//Dave", "gov", "apply-upgrade", &code]),
		compliance(
			url,
			&[
				"--json",
				"--suri",
				"//Alice",
				"filing",
				"change",
				"--number",
				"京网信备11010819339402号",
				"--service-name",
				"Compliance Chain",
				"--provider",
				"Operator",
				"--platform-url",
				"https://chain.example.cn",
				"--platform-url",
				"https://app.example.cn",
			],
		),
		gov("//Bob", &["filing", "review"]),
		compliance(url, &["--suri", "//Charlie", "filing", "start", "1"]),
		compliance(url, &["--json", "--suri", "//Eve", "service", "suspend", "--reason", "audit"]),
	);
	let line = apply.failed(5);
	assert!(line.contains("rejected the authorized code"), "{apply:#?}");
	assert!(line.contains("System.FailedToExtractRuntimeVersion"), "{apply:#?}");
	event(&json(&change), "Filing.FilingChanged");
	let review = opened(&review);
	assert!(start.failed(5).contains("BadOrigin"), "{start:#?}");
	event(&json(&suspend), "Filing.ServiceSuspended");

	// Round 8: while suspended, a user's transfer is refused and the status says so.
	let (status, refused) = tokio::join!(
		compliance(url, &["--json", "service", "status"]),
		compliance(url, &["--suri", "//Dave", "account", "transfer", "//Alice", "1"]),
	);
	assert!(json(&status)["service"]["Suspended"].is_object(), "{status:#?}");
	assert!(refused.failed(4).contains("ServiceSuspended"), "{refused:#?}");

	// Round 9: resumed; a non-operator's registration is refused; so is a non-member's aye on
	// the open review motion.
	let (resume, register, outsider) = tokio::join!(
		compliance(url, &["--json", "--suri", "//Eve", "service", "resume"]),
		compliance(
			url,
			&[
				"--suri",
				"//Charlie",
				"filing",
				"register",
				"--number",
				"x",
				"--service-name",
				"y",
				"--provider",
				"z",
				"--platform-url",
				"https://x.example.cn",
			],
		),
		vote("//Dave", &review),
	);
	event(&json(&resume), "Filing.ServiceResumed");
	assert!(register.failed(5).contains("BadOrigin"), "{register:#?}");
	assert!(outsider.failed(5).contains("Consortium.NotMember"), "{outsider:#?}");

	// Rounds 10 to 12: a purge of a case that does not exist fails by name when its motion
	// executes; a moderator is removed by motion in one command (two keys); the filing is
	// cancelled, for ever.
	let (purge, cancel) = tokio::join!(
		gov("//Charlie", &["purge-case", "4242"]),
		compliance(url, &["--json", "--suri", "//Alice", "filing", "cancel"]),
	);
	let purge = opened(&purge);
	event(&json(&cancel), "Filing.FilingCancelled");
	let (aye, remove_moderator) = tokio::join!(
		vote("//Alice", &purge),
		compliance(
			url,
			&[
				"--json",
				"--suri",
				"//Bob",
				"--suri",
				"//Charlie",
				"gov",
				"propose",
				"remove-moderator",
				"//Charlie",
			],
		),
	);
	assert_eq!(json(&aye)["closable"], true, "{aye:#?}");
	let removed = json(&remove_moderator);
	assert_eq!(removed["outcome"], "executed", "{removed:#}");
	event(&removed, "Moderators.MemberRemoved");
	let failed =
		compliance(url, &["--suri", "//Eve", "gov", "close", &purge.0, "--index", &purge.1]).await;
	assert!(failed.failed(5).contains("Moderation.CaseNotFound"), "{failed:#?}");

	// Last, as it ends every verification it issued: the consortium removes the registrar.
	let remove_registrar = json(
		&compliance(
			url,
			&[
				"--json",
				"--suri",
				"//Alice",
				"--suri",
				"//Bob",
				"gov",
				"propose",
				"remove-registrar",
				"0",
			],
		)
		.await,
	);
	event(&remove_registrar, "RealName.RegistrarRemoved");

	let filing = json(&compliance(url, &["--json", "filing", "status"]).await);
	assert_eq!(filing["status"], "Cancelled", "{filing:#}");
	let history = json(&compliance(url, &["--json", "filing", "history"]).await);
	assert!(!history["history"].as_array().unwrap().is_empty(), "{history:#}");
}
