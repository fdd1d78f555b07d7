//! The indexer against a real development chain kept as an archive node: what it indexes equals
//! what the chain emitted, exports from SQLite and PostgreSQL are the same bytes, `verify` passes
//! and catches an altered row, a killed indexer resumes with no duplicate and no gap, and bad
//! input is refused in one line with the database untouched.
//!
//! The PostgreSQL part needs a server: `COMPLIANCE_TEST_POSTGRES` names a database URL on it
//! (`scripts/test` starts a throwaway cluster with `scripts/postgres start` and sets it).

use compliance_client::{
	api::{
		moderation::Call as Moderation,
		real_name::Call as RealName,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			pallet_moderation::types::{ContentKind, ReasonCode, ReportOutcome, ReportTarget},
			pallet_real_name::types::{RevocationReason, VerificationLevel},
		},
	},
	RuntimeCall,
};
use compliance_tests::{finalized_number, submit_call, Client, TestNode};
use serde_json::Value;
use std::{
	collections::BTreeMap,
	path::Path,
	process::{Command, Output, Stdio},
	str::FromStr,
	time::{Duration, Instant},
};
use subxt::utils::{MultiAddress, H256};
use subxt_signer::{
	sr25519::{dev, Keypair},
	SecretUri,
};

/// Runs `compliance-indexer` with `args`.
fn indexer(args: &[&str]) -> Output {
	Command::new(env!("CARGO_BIN_EXE_compliance-indexer"))
		.args(args)
		.output()
		.expect("compliance-indexer runs")
}

/// Runs `compliance-indexer` with `args`, which must succeed; returns its stdout.
fn ok(args: &[&str]) -> String {
	let out = indexer(args);
	assert!(
		out.status.success(),
		"compliance-indexer {args:?} failed: {}",
		String::from_utf8_lossy(&out.stderr)
	);
	String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs `compliance-indexer` with `args`, which must fail with `code` and one line on stderr
/// containing `words`.
fn refused(args: &[&str], code: i32, words: &str) {
	let out = indexer(args);
	let stderr = String::from_utf8_lossy(&out.stderr);
	assert_eq!(out.status.code(), Some(code), "compliance-indexer {args:?}: {stderr}");
	assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
	assert!(stderr.contains(words), "{args:?} names the problem ({words}): {stderr}");
}

fn hash(label: &str) -> H256 {
	H256(sp_crypto_hashing::blake2_256(label.as_bytes()))
}

fn keypair(uri: &str) -> Keypair {
	Keypair::from_uri(&SecretUri::from_str(uri).expect("a secret URI")).expect("derives")
}

async fn done(client: &Client, call: RuntimeCall, signer: Keypair, what: &str) {
	if let Err(e) = submit_call(client, &call, &signer).await {
		panic!("{what}: {e:?}");
	}
}

/// What the scenario did, for the assertions.
struct Scenario {
	newcomer: String,
	commitment: H256,
	content: H256,
}

/// The duties' daily life on the development chain: a registrar verifies a newcomer and later
/// revokes it; Ferdie publishes, Dave reports the content, Bob hides it (case 0), Charlie
/// dismisses the report, Ferdie appeals and Charlie decides the appeal.
async fn scenario(client: &Client) -> Scenario {
	let newcomer = keypair("//indexer-newcomer");
	let commitment = hash("salted identity record of the newcomer");
	let content = hash("indexer scenario: a post");
	let who = MultiAddress::Id(newcomer.public_key().to_account_id());
	let expires_at = u32::try_from(finalized_number(client).await + 10_000).expect("fits");
	tokio::join!(
		done(
			client,
			RuntimeCall::RealName(RealName::verify {
				who: who.clone(),
				commitment,
				level: VerificationLevel::Basic,
				expires_at,
			}),
			dev::alice(),
			"verify",
		),
		done(
			client,
			RuntimeCall::Moderation(Moderation::publish {
				hash: content,
				kind: ContentKind::Text,
				uri: BoundedVec(b"https://chain.example.cn/posts/indexer".to_vec()),
			}),
			dev::ferdie(),
			"publish",
		),
		done(
			client,
			RuntimeCall::Moderation(Moderation::report {
				target: ReportTarget::Content(content),
				category: ReasonCode::Fraud,
				evidence_hash: hash("evidence"),
			}),
			dev::dave(),
			"report",
		),
	);
	tokio::join!(
		done(
			client,
			RuntimeCall::Moderation(Moderation::hide {
				hash: content,
				reason: ReasonCode::Fraud,
				note_hash: hash("note: hidden"),
			}),
			dev::bob(),
			"hide",
		),
		done(
			client,
			RuntimeCall::RealName(RealName::revoke {
				who,
				reason: RevocationReason::HolderRequest
			}),
			dev::alice(),
			"revoke",
		),
	);
	tokio::join!(
		done(
			client,
			RuntimeCall::Moderation(Moderation::resolve {
				report_id: 0,
				outcome: ReportOutcome::Dismissed,
				note_hash: hash("note: dismissed"),
			}),
			dev::charlie(),
			"resolve",
		),
		done(
			client,
			RuntimeCall::Moderation(Moderation::appeal {
				case_id: 0,
				statement_hash: hash("statement"),
			}),
			dev::ferdie(),
			"appeal",
		),
	);
	done(
		client,
		RuntimeCall::Moderation(Moderation::decide_appeal {
			case_id: 0,
			upheld: true,
			note_hash: hash("note: upheld"),
		}),
		dev::charlie(),
		"decide the appeal",
	)
	.await;
	Scenario { newcomer: newcomer.public_key().to_account_id().to_string(), commitment, content }
}

/// The records among the events of blocks `1..=last`, counted per `Pallet.Event` straight from
/// the chain: every event but the bookkeeping of blocks and fees.
async fn chain_counts(client: &Client, last: u64) -> BTreeMap<String, u64> {
	const BOOKKEEPING: [&str; 6] =
		["Timestamp", "Aura", "Grandpa", "Balances", "TransactionPayment", "Session"];
	let mut counts = BTreeMap::new();
	for number in 1..=last {
		let events = client.at_block(number).await.expect("block").events().fetch().await;
		for event in events.expect("events").iter() {
			let event = event.expect("decodes");
			let (pallet, name) = (event.pallet_name(), event.event_name());
			let record = match pallet {
				"System" => matches!(name, "UpgradeAuthorized" | "CodeUpdated"),
				p => !BOOKKEEPING.contains(&p),
			};
			if record {
				*counts.entry(format!("{pallet}.{name}")).or_default() += 1;
			}
		}
	}
	counts
}

/// The index's status: next block and counts per `Pallet.Event`.
fn status(db: &str) -> (u64, BTreeMap<String, u64>) {
	let status: Value = serde_json::from_str(&ok(&["--db", db, "status"])).expect("JSON");
	let counts = status["events"]
		.as_object()
		.expect("counts")
		.iter()
		.map(|(k, v)| (k.clone(), v.as_u64().expect("a count")))
		.collect();
	(status["next_block"].as_u64().expect("next block"), counts)
}

fn lines(jsonl: &str) -> Vec<Value> {
	jsonl.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

fn kinds(rows: &[Value]) -> Vec<String> {
	rows.iter()
		.map(|r| format!("{}.{}", r["pallet"].as_str().unwrap(), r["event"].as_str().unwrap()))
		.collect()
}

/// A fresh database on the test server, as a URL.
async fn postgres_database(name: &str) -> String {
	let server = std::env::var("COMPLIANCE_TEST_POSTGRES").expect(
		"COMPLIANCE_TEST_POSTGRES names no PostgreSQL server: run scripts/test, or start one with \
		 `scripts/postgres start` and export its URL",
	);
	sqlx::any::install_default_drivers();
	let pool = sqlx::AnyPool::connect(&server).await.expect("the test server answers");
	sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
		.execute(&pool)
		.await
		.expect("drop");
	sqlx::query(&format!("CREATE DATABASE {name}"))
		.execute(&pool)
		.await
		.expect("create");
	pool.close().await;
	let (base, _) = server.rsplit_once('/').expect("a URL with a database");
	format!("{base}/{name}")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_index_holds_what_the_chain_emitted_and_its_exports_verify() {
	let mut node = TestNode::spawn(&["--dev", "--state-pruning", "archive"]);
	let client = node.client().await;
	let url = node.ws_url();
	let done = scenario(&client).await;
	let dir = tempfile::tempdir().expect("a temporary directory");
	let sqlite = dir.path().join("index.sqlite");
	let sqlite = sqlite.to_str().expect("UTF-8 path");

	// Everything the chain emitted up to the finalized block, and nothing else.
	ok(&["--url", &url, "--db", sqlite, "index", "--once"]);
	let (next, counts) = status(sqlite);
	assert_eq!(counts, chain_counts(&client, next - 1).await);
	for kind in [
		"RealName.AccountVerified",
		"RealName.VerificationRevoked",
		"Moderation.ContentPublished",
		"Moderation.ReportFiled",
		"Moderation.ContentHidden",
		"Moderation.ReportResolved",
		"Moderation.AppealFiled",
		"Moderation.AppealDecided",
	] {
		assert_eq!(counts.get(kind), Some(&1), "{kind} in {counts:?}");
	}

	// The newcomer's history keeps the commitment the registrar verified, after the revocation.
	let newcomer = lines(&ok(&["--db", sqlite, "export", "--account", &done.newcomer]));
	assert_eq!(kinds(&newcomer), ["RealName.AccountVerified", "RealName.VerificationRevoked"]);
	let verified = &newcomer[0];
	assert_eq!(verified["fields"]["commitment"], format!("{:?}", done.commitment));
	assert_eq!(verified["registrar"], 0);
	assert_eq!(verified["signer"], dev::alice().public_key().to_account_id().to_string());

	// The content's history: the report, the measure and everything linked to them by report
	// and case, in chain order.
	let content = format!("{:?}", done.content);
	let history = lines(&ok(&["--db", sqlite, "export", "--content", &content]));
	let mut history_kinds = kinds(&history);
	history_kinds.sort();
	assert_eq!(
		history_kinds,
		[
			"Moderation.AppealDecided",
			"Moderation.AppealFiled",
			"Moderation.ContentHidden",
			"Moderation.ContentPublished",
			"Moderation.ReportFiled",
			"Moderation.ReportResolved",
		]
	);
	let by_moderator = lines(&ok(&[
		"--db",
		sqlite,
		"export",
		"--moderator",
		&dev::bob().public_key().to_account_id().to_string(),
		"--event",
		"Moderation.ContentHidden",
	]));
	assert_eq!(by_moderator.len(), 1);
	assert_eq!(by_moderator[0]["case_id"], 0);
	let fraud =
		lines(&ok(&["--db", sqlite, "export", "--category", "Fraud", "--event", "Moderation"]));
	assert!(kinds(&fraud).contains(&"Moderation.ReportResolved".to_string()), "{fraud:?}");

	// Exports as JSON lines and CSV verify against the chain.
	let jsonl = dir.path().join("all.jsonl");
	let csv = dir.path().join("all.csv");
	let (jsonl, csv) = (jsonl.to_str().unwrap(), csv.to_str().unwrap());
	ok(&["--db", sqlite, "export", "--out", jsonl]);
	ok(&["--db", sqlite, "export", "--format", "csv", "--out", csv]);
	for file in [jsonl, csv] {
		let verdict = ok(&["--url", &url, "verify", file]);
		assert!(verdict.contains("all match"), "{verdict}");
	}

	// The same index in PostgreSQL exports the same bytes.
	let postgres = postgres_database("indexer_scenario").await;
	ok(&["--url", &url, "--db", &postgres, "index", "--once"]);
	let pg_csv = dir.path().join("pg.csv");
	let pg_jsonl = dir.path().join("pg.jsonl");
	// Both indexes up to the same block: the SQLite one may have stopped earlier.
	ok(&["--url", &url, "--db", sqlite, "index", "--once"]);
	let (next_sqlite, _) = status(sqlite);
	let (next_pg, _) = status(&postgres);
	let to = next_sqlite.min(next_pg) - 1;
	let to = to.to_string();
	for (db, file) in [(sqlite, csv), (postgres.as_str(), pg_csv.to_str().unwrap())] {
		ok(&["--db", db, "export", "--format", "csv", "--to-block", &to, "--out", file]);
	}
	for (db, file) in [(sqlite, jsonl), (postgres.as_str(), pg_jsonl.to_str().unwrap())] {
		ok(&["--db", db, "export", "--account", &done.newcomer, "--to-block", &to, "--out", file]);
	}
	assert_eq!(std::fs::read(csv).unwrap(), std::fs::read(&pg_csv).unwrap());
	assert_eq!(std::fs::read(jsonl).unwrap(), std::fs::read(&pg_jsonl).unwrap());
	ok(&["--db", sqlite, "export", "--to-block", &to, "--out", jsonl]);

	// Killed mid-catch-up (one block per transaction, slowed down) and restarted: the same
	// rows, none twice, none missing. One block per batch also reads each block's state on its
	// own rather than a range of blocks at a time, so the two ways read the same.
	let resumed = dir.path().join("resumed.sqlite");
	let resumed = resumed.to_str().unwrap();
	let mut child = Command::new(env!("CARGO_BIN_EXE_compliance-indexer"))
		.args(["--url", &url, "--db", resumed, "index", "--batch", "1", "--max-rate", "4"])
		.stderr(Stdio::null())
		.spawn()
		.expect("the indexer starts");
	let deadline = Instant::now() + Duration::from_secs(60);
	while !Path::new(resumed).exists() || status(resumed).0 < 4 {
		assert!(Instant::now() < deadline, "the indexer made no progress");
		tokio::time::sleep(Duration::from_millis(200)).await;
	}
	child.kill().expect("SIGKILL");
	child.wait().expect("reaped");
	let (stopped_at, _) = status(resumed);
	assert!(stopped_at <= next_sqlite, "killed mid catch-up, at block {stopped_at}");
	ok(&["--url", &url, "--db", resumed, "index", "--once"]);
	let again = dir.path().join("resumed.jsonl");
	ok(&["--db", resumed, "export", "--to-block", &to, "--out", again.to_str().unwrap()]);
	assert_eq!(std::fs::read(jsonl).unwrap(), std::fs::read(&again).unwrap());

	// A row altered in the database fails verification, by block and column.
	sqlx::any::install_default_drivers();
	let pool = sqlx::AnyPool::connect(&format!("sqlite://{sqlite}")).await.expect("opens");
	sqlx::query("UPDATE events SET registrar = 7 WHERE event = 'AccountVerified'")
		.execute(&pool)
		.await
		.expect("altered");
	pool.close().await;
	ok(&["--db", sqlite, "export", "--account", &done.newcomer, "--out", jsonl]);
	let out = indexer(&["--url", &url, "verify", jsonl]);
	let stderr = String::from_utf8_lossy(&out.stderr);
	assert_eq!(out.status.code(), Some(7), "{stderr}");
	assert!(stderr.contains("registrar is 7 in the export, 0 on the chain"), "{stderr}");
	assert!(stderr.contains("1 of 2 rows checked differ"), "{stderr}");
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_is_refused_in_one_line_and_the_database_is_untouched() {
	let dir = tempfile::tempdir().expect("a temporary directory");
	let db = dir.path().join("index.sqlite");
	let db = db.to_str().unwrap();

	// No node: nothing is created.
	let nobody = format!("ws://127.0.0.1:{}", compliance_tests::free_port());
	refused(&["--url", &nobody, "--db", db, "index", "--once"], 3, "cannot reach node");
	assert!(!Path::new(db).exists());
	// Queries that cannot select anything, or name nothing the chain has: refused before the
	// database is opened.
	refused(&["--db", db, "export", "--from-block", "9", "--to-block", "2"], 2, "range is empty");
	refused(&["--db", db, "export", "--since", "2026-04-01", "--until", "2026-03-01"], 2, "empty");
	refused(&["--db", db, "export", "--account", "Ferdie"], 2, "not an SS58 account");
	refused(&["--db", db, "export", "--content", "0x1234"], 2, "not a content hash");
	refused(&["--db", db, "export", "--since", "March"], 2, "neither a date");
	refused(&["--db", "mysql://x", "export"], 2, "unknown database kind");
	refused(&["--db", db, "export"], 2, "run `index` first");
	assert!(!Path::new(db).exists());

	// A pruning node's old state is gone: the indexer says so and indexes nothing. This node
	// serves only safe RPC methods, so the indexer reads block by block.
	let mut pruning = TestNode::spawn(&["--dev", "--state-pruning", "2", "--rpc-methods", "safe"]);
	let client = pruning.client().await;
	let deadline = Instant::now() + Duration::from_secs(240);
	while finalized_number(&client).await < 8 {
		assert!(Instant::now() < deadline, "the node finalizes no blocks");
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
	let url = pruning.ws_url();
	refused(&["--url", &url, "--db", db, "index", "--once"], 6, "pruned");
	// From a recent block on, it indexes.
	let recent = finalized_number(&client).await - 1;
	let out =
		indexer(&["--url", &url, "--db", db, "index", "--once", "--from", &recent.to_string()]);
	let stderr = String::from_utf8_lossy(&out.stderr);
	assert!(out.status.success(), "{stderr}");
	assert!(stderr.contains("refuses state_queryStorage"), "{stderr}");
	let (next, counts) = status(db);
	assert!(next > recent + 1, "indexed #{recent} and on: next is #{next}");

	// Another chain's node (its own genesis): refused, the index unchanged.
	let mut other = TestNode::spawn(&["--chain", "local"]);
	other.client().await;
	refused(&["--url", &other.ws_url(), "--db", db, "index", "--once"], 2, "another chain");
	assert_eq!(status(db), (next, counts.clone()));

	// A schema from a newer indexer: refused by `index` and by `export`, nothing written.
	sqlx::any::install_default_drivers();
	let pool = sqlx::AnyPool::connect(&format!("sqlite://{db}")).await.expect("opens");
	sqlx::query(
		"INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
		 VALUES (9999, 'from the future', TRUE, x'00', 0)",
	)
	.execute(&pool)
	.await
	.expect("a future migration recorded");
	pool.close().await;
	refused(&["--url", &url, "--db", db, "index", "--once"], 2, "newer than this indexer's");
	refused(&["--db", db, "export"], 2, "newer than this indexer's");
	let pool = sqlx::AnyPool::connect(&format!("sqlite://{db}")).await.expect("opens");
	let next_after: i64 = sqlx::query_scalar("SELECT next_block FROM chain")
		.fetch_one(&pool)
		.await
		.expect("the cursor");
	assert_eq!(next_after as u64, next);
}
