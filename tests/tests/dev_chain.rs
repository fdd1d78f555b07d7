//! The development chain produces and finalizes blocks, and a metadata-driven client decodes it.

use compliance_tests::TestNode;
use serde_json::{json, Value};
use std::time::Duration;

/// Blocks are authored every 6 s; two finalized blocks need well under this.
const FINALITY_TIMEOUT: Duration = Duration::from_secs(120);

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_produces_and_finalizes_blocks() {
	let mut node = TestNode::spawn(&["--dev"]);
	let client = node.client().await;

	// The client built itself from the node's metadata; it knows our pallets and runtime.
	let at = client.at_current_block().await.expect("the current block can be read");
	for pallet in ["System", "Balances", "Consortium", "RegulatorsCollective", "NodeAuthorization"]
	{
		assert!(at.metadata_ref().pallet_by_name(pallet).is_some(), "metadata lacks {pallet}");
	}
	// No single key: the runtime has no Sudo.
	assert!(at.metadata_ref().pallet_by_name("Sudo").is_none(), "metadata has Sudo");

	let mut finalized = client.stream_blocks().await.expect("finalized blocks can be streamed");
	let reached = tokio::time::timeout(FINALITY_TIMEOUT, async {
		while let Some(block) = finalized.next().await {
			let block = block.expect("a finalized block decodes");
			// Every extrinsic and event of every block decodes from metadata alone.
			let at = block.at().await.expect("a finalized block can be opened");
			let extrinsics = at.extrinsics().fetch().await.expect("its extrinsics can be fetched");
			for extrinsic in extrinsics.iter() {
				let extrinsic = extrinsic.expect("an extrinsic decodes");
				extrinsic
					.decode_call_data_fields_unchecked_as::<subxt::dynamic::Value>()
					.expect("call data decodes");
				for event in extrinsic.events().await.expect("events can be fetched").iter() {
					event
						.expect("an event decodes")
						.decode_fields_unchecked_as::<subxt::dynamic::Value>()
						.expect("event fields decode");
				}
			}
			if block.number() >= 2 {
				return block.number();
			}
		}
		0
	})
	.await
	.unwrap_or_else(|_| panic!("fewer than 2 blocks finalized in time; log:\n{}", node.log()));
	assert!(reached >= 2);
}

/// The typed client (`compliance-client`), generated from the metadata file the repository
/// keeps, matches what the node serves: a statically typed call goes through and its events
/// decode into their generated types; a refusal and a failure come back named.
#[tokio::test(flavor = "multi_thread")]
async fn the_typed_client_speaks_the_nodes_runtime() {
	use compliance_client::{api, keys, view_function, Client, TxError};
	use compliance_primitives::RejectCode;
	use subxt::utils::MultiAddress;

	let mut node = TestNode::spawn(&["--dev"]);
	node.client().await;
	let client = Client::connect(&node.ws_url()).await.expect("the node answers");
	let (alice, bob) = (keys::dev::alice(), keys::dev::bob());
	let amount = 1_000_000_000;

	// A static payload carries the hash of its call's shape in the committed metadata; subxt
	// refuses it if the node's runtime differs.
	let transfer = api::transactions()
		.balances()
		.transfer_keep_alive(MultiAddress::Id(keys::account_of(&bob)), amount);
	let included = client.submit(&transfer, &alice).await.expect("a verified account transfers");
	let event = included
		.events
		.find_first::<api::balances::events::Transfer>()
		.expect("the transfer emitted Balances.Transfer")
		.expect("the event decodes into its generated type");
	assert_eq!(
		(event.from, event.to, event.amount),
		(keys::account_of(&alice), keys::account_of(&bob), amount)
	);

	// A refusal by the real-name check comes back with its rejection code.
	let stranger = keys::from_suri("//NeverVerified").expect("a dev URI makes a key");
	let refused = client.submit(&transfer, &stranger).await.err().expect("the pool refuses it");
	assert_eq!(refused.rejection(), Some(RejectCode::NotVerified), "{refused}");

	// The view functions answer with the generated types, with and without arguments.
	let at = client.at_finalized().await.expect("the node has a finalized block");
	let views = api::view_functions();
	let status_of = |who| views.real_name().account_status(keys::account_of(who));
	let alice_status = view_function(&at, status_of(&alice)).await.expect("Alice's status");
	assert!(alice_status.verified && alice_status.reject.is_none(), "{alice_status:?}");
	let stranger_status = view_function(&at, status_of(&stranger)).await.expect("its status");
	assert!(!stranger_status.verified, "{stranger_status:?}");
	assert_eq!(stranger_status.reject, Some(RejectCode::NotVerified.code()));
	let filing = view_function(&at, views.filing().filing()).await.expect("the filing record");
	assert_eq!(
		filing
			.map(|record| String::from_utf8(record.number.0).expect("UTF-8"))
			.as_deref(),
		Some("京网信备11010819339401号")
	);
	let registrars = view_function(&at, views.real_name().registrars()).await.expect("registrars");
	assert_eq!(registrars.len(), 1, "{registrars:?}");

	// A dispatch failure comes back named from metadata.
	let set_code = api::transactions().system().set_code(vec![0; 8]);
	match client.submit(&set_code, &alice).await {
		Err(TxError::Failed(failure)) => assert_eq!(failure.name, "System.CallFiltered"),
		other => panic!("set_code: expected System.CallFiltered, got {:?}", other.err()),
	}
}

/// One JSON-RPC call over plain HTTP, as any HTTP client makes it: the `result`, or the
/// `error` object.
fn json_rpc(url: &str, method: &str, params: serde_json::Value) -> Result<Value, Value> {
	let request = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params });
	let mut response = ureq::post(url)
		.header("Content-Type", "application/json")
		.send(request.to_string())
		.unwrap_or_else(|e| panic!("{method}: the node answers over HTTP: {e}"));
	let body = response.body_mut().read_to_string().expect("the answer is text");
	let mut answer: Value = serde_json::from_str(&body).expect("the answer is JSON");
	match answer.get_mut("error") {
		Some(error) => Err(error.take()),
		None => Ok(answer["result"].take()),
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn compliance_json_rpc_answers_over_plain_http() {
	use compliance_client::{
		api::{
			self,
			moderation::Call as Moderation,
			runtime_types::{
				bounded_collections::bounded_vec::BoundedVec,
				pallet_moderation::types::{ContentKind, ReasonCode, ReportTarget},
			},
		},
		keys, RuntimeCall,
	};
	use compliance_tests::{submit_call, the_event};

	let mut node = TestNode::spawn(&["--dev"]);
	let client = node.client().await;
	let url = node.http_url();
	let call = |method: &str, params: Value| json_rpc(&url, method, params);
	let ok = |method: &str, params: Value| {
		call(method, params).unwrap_or_else(|e| panic!("{method} failed: {e}"))
	};
	let (bob, ferdie) = (keys::dev::bob(), keys::dev::ferdie());
	let ferdie_address = keys::account_of(&ferdie).to_string();
	let stranger = keys::from_suri("//NeverVerified").expect("a dev URI makes a key");

	// Every method is listed.
	let methods = ok("rpc_methods", json!([]));
	for method in [
		"compliance_filingStatus",
		"compliance_filingHistory",
		"compliance_accountStatus",
		"compliance_contentStatus",
		"compliance_case",
		"compliance_report",
		"compliance_openReports",
		"compliance_overdueReports",
	] {
		assert!(methods["methods"].as_array().unwrap().contains(&json!(method)), "{method}");
	}

	// The filing, at the latest finalized block and at genesis.
	let filing = ok("compliance_filingStatus", json!([]));
	assert_eq!(filing["number"], "京网信备11010819339401号", "{filing:#}");
	assert_eq!(filing["status"], "Filed", "{filing:#}");
	assert_eq!(filing["registered_at"], 0, "{filing:#}");
	assert_eq!(filing["changed_at"], Value::Null, "{filing:#}");
	assert_eq!(filing["service"], "Active", "{filing:#}");
	assert_eq!(filing["current_convention"], 1, "{filing:#}");
	assert_eq!(filing["record"]["service_type"], "Platform", "{filing:#}");
	let genesis = ok("chain_getBlockHash", json!([0]));
	let at_genesis = ok("compliance_filingStatus", json!([genesis]));
	assert_eq!(at_genesis["at"], json!({ "hash": genesis, "number": 0 }), "{at_genesis:#}");
	assert!(ok("compliance_filingHistory", json!([]))["history"].is_array());

	// Accounts: a verified user and a stranger, with the rejection it would get by name.
	let ferdie_status = ok("compliance_accountStatus", json!([ferdie_address]));
	assert_eq!(ferdie_status["verified"], true, "{ferdie_status:#}");
	assert_eq!(ferdie_status["registrar"], 0, "{ferdie_status:#}");
	assert_eq!(ferdie_status["standing"], "Good", "{ferdie_status:#}");
	assert_eq!(ferdie_status["reject"], Value::Null, "{ferdie_status:#}");
	assert_eq!(ferdie_status["latest_case"], Value::Null, "{ferdie_status:#}");
	let stranger_status =
		ok("compliance_accountStatus", json!([keys::account_of(&stranger).to_string()]));
	assert_eq!(stranger_status["verified"], false, "{stranger_status:#}");
	assert_eq!(stranger_status["reject"]["name"], "NotVerified", "{stranger_status:#}");
	assert_eq!(stranger_status["reject"]["code"], 1, "{stranger_status:#}");

	// The chain changes: Ferdie publishes a post and reports an account; Bob warns Ferdie.
	let hash = subxt::utils::H256([7; 32]);
	let publish = RuntimeCall::Moderation(Moderation::publish {
		hash,
		kind: ContentKind::Text,
		uri: BoundedVec(b"https://chain.example.cn/posts/7".to_vec()),
	});
	let report = RuntimeCall::Moderation(Moderation::report {
		target: ReportTarget::Account(keys::account_of(&bob)),
		category: ReasonCode::Fraud,
		evidence_hash: subxt::utils::H256([8; 32]),
	});
	let warn = RuntimeCall::Moderation(Moderation::warn {
		who: keys::account_of(&ferdie),
		reason: ReasonCode::Rumour,
	});
	submit_call(&client, &publish, &ferdie).await.expect("Ferdie publishes");
	let (reported, warned) =
		tokio::join!(submit_call(&client, &report, &ferdie), submit_call(&client, &warn, &bob));
	let report_id =
		the_event::<api::moderation::events::ReportFiled>(&reported.expect("Ferdie reports"))
			.report_id;
	let case_id =
		the_event::<api::moderation::events::AccountWarned>(&warned.expect("Bob warns")).case_id;

	let ferdie_status = ok("compliance_accountStatus", json!([ferdie_address]));
	assert_eq!(ferdie_status["standing"], "Warned", "{ferdie_status:#}");
	assert_eq!(ferdie_status["warnings"], 1, "{ferdie_status:#}");
	assert_eq!(ferdie_status["latest_case"], case_id, "{ferdie_status:#}");
	let case = ok("compliance_case", json!([case_id]));
	assert_eq!(case["case"]["subject"]["Account"], ferdie_address, "{case:#}");
	assert_eq!(case["case"]["reason"], "Rumour", "{case:#}");
	assert_eq!(ok("compliance_case", json!([case_id + 1000]))["case"], Value::Null);
	let content = ok("compliance_contentStatus", json!([format!("{hash:?}")]));
	assert_eq!(content["content"]["author"], ferdie_address, "{content:#}");
	assert_eq!(content["content"]["uri"], "https://chain.example.cn/posts/7", "{content:#}");
	assert_eq!(content["content"]["status"], "Visible", "{content:#}");
	let report = ok("compliance_report", json!([report_id]));
	assert_eq!(report["report"]["category"], "Fraud", "{report:#}");
	assert_eq!(report["report"]["state"], "Open", "{report:#}");
	let open = ok("compliance_openReports", json!([null, 1]));
	assert_eq!(open["reports"][0]["id"], report_id, "{open:#}");
	assert_eq!(open["next"], report_id, "a full page points to the next: {open:#}");
	assert_eq!(ok("compliance_openReports", json!([report_id, 1]))["reports"], json!([]));
	assert_eq!(ok("compliance_overdueReports", json!([]))["reports"], json!([]));

	// Bad parameters are errors that name the parameter, with no answer.
	let refused = |method: &str, params: Value, code: i64, starts: &str| {
		let error = call(method, params).expect_err(method);
		assert_eq!(error["code"], code, "{method}: {error:#}");
		let message = error["message"].as_str().unwrap_or_default();
		assert!(message.starts_with(starts), "{method}: {error:#}");
	};
	refused("compliance_accountStatus", json!(["5Fnope"]), -32602, "account: not an SS58");
	refused("compliance_contentStatus", json!(["0x1234"]), -32602, "hash: expected 0x");
	let unknown = format!("0x{}", "01".repeat(32));
	refused("compliance_filingStatus", json!([unknown]), 4001, "at: this node has no block");
	refused("compliance_openReports", json!([null, 1000]), -32602, "limit: at most 256");
	refused("compliance_openReports", json!([null, 0]), -32602, "limit: must be at least 1");
}

/// The value of the sample `name` whose labels include `label` (`key="value"`, or empty for any)
/// in a Prometheus scrape of `url`, if the node exports it.
fn metric(url: &str, name: &str, label: &str) -> Option<f64> {
	let mut response = ureq::get(url).call().ok()?;
	let text = response.body_mut().read_to_string().ok()?;
	text.lines().find_map(|line| {
		let (labels, value) = line.strip_prefix(name)?.strip_prefix('{')?.split_once("} ")?;
		let mut wanted = label.split(',').filter(|l| !l.is_empty());
		wanted
			.all(|want| labels.split(',').any(|l| l == want))
			.then(|| value.trim().parse().ok())?
	})
}

/// Polls `name` (with `label`) until it reads `expected`.
async fn metric_reaches(url: &str, name: &str, label: &str, expected: f64) {
	let deadline = std::time::Instant::now() + FINALITY_TIMEOUT;
	loop {
		let value = metric(url, name, label);
		if value == Some(expected) {
			return;
		}
		assert!(
			std::time::Instant::now() < deadline,
			"{name}{{{label}}} is {value:?}, not {expected}, after {FINALITY_TIMEOUT:?}"
		);
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn compliance_metrics_follow_finalized_blocks() {
	use compliance_client::{
		api::{
			filing::Call as Filing,
			moderation::Call as Moderation,
			real_name::Call as RealName,
			runtime_types::{
				pallet_moderation::types::{ReasonCode, ReportTarget},
				pallet_real_name::types::RevocationReason,
			},
		},
		keys, RuntimeCall,
	};
	use compliance_tests::submit_call;

	let mut node = TestNode::spawn(&["--dev"]);
	let client = node.client().await;
	let url = node.metrics_url();
	let gauge = |name: &str| metric(&url, &format!("compliance_{name}"), "");

	metric_reaches(&url, "compliance_filing_status", "status=\"Filed\"", 1.0).await;
	for other in ["NotFiled", "FilingOverdue", "ReviewDue", "Cancelled"] {
		let label = format!("status=\"{other}\"");
		assert_eq!(metric(&url, "compliance_filing_status", &label), Some(0.0), "{label}");
	}
	assert_eq!(gauge("service_suspended"), Some(0.0));
	assert_eq!(gauge("current_convention"), Some(1.0));
	assert_eq!(gauge("filing_record_version"), Some(1.0));
	// No filing deadline runs on a filed chain; the review is due a year of blocks after filing.
	assert!(gauge("blocks_until_filing_deadline").is_some_and(f64::is_nan));
	let review = gauge("blocks_until_filing_review").expect("the review gauge");
	assert!(review > 5_000_000.0 && review <= 5_256_000.0, "{review}");
	// The counters: six verified dev accounts, no complaint yet.
	assert_eq!(gauge("verified_accounts"), Some(6.0));
	assert_eq!(gauge("open_reports"), Some(0.0));
	assert_eq!(gauge("overdue_reports"), Some(0.0));

	// Ferdie complains about Dave, then Alice, his registrar, revokes Ferdie's verification.
	let report = RuntimeCall::Moderation(Moderation::report {
		target: ReportTarget::Account(keys::dev::dave().public_key().to_account_id()),
		category: ReasonCode::Fraud,
		evidence_hash: subxt::utils::H256([7; 32]),
	});
	submit_call(&client, &report, &keys::dev::ferdie())
		.await
		.expect("Ferdie reports");
	metric_reaches(&url, "compliance_open_reports", "", 1.0).await;
	let revoke = RuntimeCall::RealName(RealName::revoke {
		who: subxt::utils::MultiAddress::Id(keys::dev::ferdie().public_key().to_account_id()),
		reason: RevocationReason::HolderRequest,
	});
	submit_call(&client, &revoke, &keys::dev::alice()).await.expect("Alice revokes");
	metric_reaches(&url, "compliance_verified_accounts", "", 5.0).await;
	assert_eq!(gauge("overdue_reports"), Some(0.0));

	// Unverified now, Ferdie's next transaction is refused at submission: counted by its
	// rejection code and name, on the RPC path.
	let refused = r#"path="rpc",code="1",name="NotVerified""#;
	let counter = "compliance_refused_transactions_total";
	assert_eq!(metric(&url, counter, refused), None, "nothing refused yet");
	let again = RuntimeCall::Moderation(Moderation::report {
		target: ReportTarget::Account(keys::dev::eve().public_key().to_account_id()),
		category: ReasonCode::Other,
		evidence_hash: subxt::utils::H256([8; 32]),
	});
	let error = submit_call(&client, &again, &keys::dev::ferdie()).await.expect_err("refused");
	assert_eq!(error.rejection(), Some(compliance_primitives::RejectCode::NotVerified), "{error}");
	assert_eq!(metric(&url, counter, refused), Some(1.0));

	// The regulator suspends the service: the gauge moves once the block is finalized.
	let suspend =
		RuntimeCall::Filing(Filing::suspend_service { reason: subxt::utils::H256([9; 32]) });
	submit_call(&client, &suspend, &keys::dev::eve())
		.await
		.expect("the regulator suspends");
	metric_reaches(&url, "compliance_service_suspended", "", 1.0).await;
	let later = gauge("blocks_until_filing_review").expect("the review gauge");
	assert!(later < review, "the review comes closer: {later} after {review}");
}
