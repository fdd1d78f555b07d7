//! Black-box scenarios of the compliance duties (issue 6): each test starts its own `--dev` node
//! and drives it with signed transactions and runtime API calls, as users and roles would.
//!
//! Roles on the development chain: Alice, Bob and Charlie the consortium (two of them pass a
//! motion); Alice registrar 0 and filing operator; Bob and Charlie moderators; Dave assessor; Eve
//! regulator; Ferdie an ordinary user. All are verified and
//! have acknowledged the current platform convention.

use compliance_client::{
	api::{
		self,
		balances::Call as Balances,
		filing::Call as Filing,
		moderation::Call as Moderation,
		moderators::Call as Membership,
		real_name::Call as RealName,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			compliance_primitives::RestrictionScope,
			pallet_filing::types::{
				FilingState, FilingStatusView, ServiceStatus, ServiceType, Verdict,
			},
			pallet_moderation::types::{
				ActionTaken, Actor, CaseSubject, ContentKind, ContentRecord, ContentStatus,
				ReasonCode, Report, ReportOutcome, ReportState, ReportTarget,
			},
			pallet_real_name::types::VerificationLevel,
		},
		system::Call as System,
	},
	RuntimeCall,
};
use compliance_primitives::RejectCode;
use compliance_tests::{
	failure_name, finalized_number, pass_motion, pool_rejection_code, runtime_api, submit_call,
	the_event, wait_for_finalized, Body, Client, Events, TestNode, TxError,
};
use sp_crypto_hashing::blake2_256;
use std::{str::FromStr, time::Duration};
use subxt::{
	config::RpcConfigFor,
	rpcs::{LegacyRpcMethods, RpcClient},
	utils::{AccountId32, H256},
	PolkadotConfig,
};
use subxt_signer::{
	sr25519::{dev, Keypair},
	SecretUri,
};

/// One token (12 decimals).
const UNIT: u128 = 1_000_000_000_000;

/// The development chain's filing number (the label the node shows at start-up).
const DEV_FILING_NUMBER: &str = "京网信备11010819339401号";

/// Generous bound for waiting on a few blocks (6 s each) on a busy machine.
const BLOCKS_TIMEOUT: Duration = Duration::from_secs(240);

/// The longest report response time (in blocks) this suite waits out.
const MAX_RESPONSE_TIME: u64 = 60;

/// A 32-byte content, evidence, note or identity hash: the blake2-256 of a label.
fn hash_of(label: &str) -> H256 {
	H256(blake2_256(label.as_bytes()))
}

/// A fresh account, derived from the development seed under a path no other test uses.
fn fresh_account(path: &str) -> Keypair {
	let uri = SecretUri::from_str(path).expect("a valid secret URI");
	Keypair::from_uri(&uri).expect("the development seed derives")
}

/// An ordinary user transaction: publishing the hash of `text` (each text once).
fn remark(text: &str) -> RuntimeCall {
	RuntimeCall::Moderation(Moderation::publish {
		hash: hash_of(text),
		kind: ContentKind::Text,
		uri: BoundedVec(b"ipfs://post".to_vec()),
	})
}

/// `System.remark`: free text, which no signed user may send (code 11).
fn free_text(text: &str) -> RuntimeCall {
	RuntimeCall::System(System::remark { remark: text.as_bytes().to_vec() })
}

/// `Balances.transfer_keep_alive` of `value` to `dest`.
fn transfer(dest: &Keypair, value: u128) -> RuntimeCall {
	RuntimeCall::Balances(Balances::transfer_keep_alive {
		dest: dest.public_key().to_address(),
		value,
	})
}

/// Asserts that the pool refused the transaction at submission with the real-name check's `code`.
fn expect_refused_with(result: Result<impl std::fmt::Debug, TxError>, code: RejectCode) {
	let error = result.expect_err("the transaction should be refused at submission");
	assert_eq!(
		pool_rejection_code(&error),
		Some(code.code()),
		"expected a pool refusal with code {} ({code:?}), got: {error}",
		code.code()
	);
}

/// Asserts that the transaction was included and failed in dispatch with pallet error `name`
/// (`Pallet.Error`).
fn expect_failed_with(result: Result<impl std::fmt::Debug, TxError>, name: &str) {
	let error = result.expect_err("the transaction should fail in dispatch");
	assert!(
		matches!(error, TxError::Failed(_)) && failure_name(&error) == Some(name),
		"expected dispatch error {name}, got: {error}"
	);
}

/// The events of a transaction that must succeed; panics with `what` and the error otherwise.
fn ok(result: Result<Events, TxError>, what: &str) -> Events {
	result.unwrap_or_else(|e| panic!("{what}: {e}"))
}

/// What `ModerationApi.content` shows of a content hash.
type ContentView = ContentRecord<AccountId32, u32, Vec<u8>>;

/// The content `hash`, which must be on record.
async fn content(client: &Client, hash: H256) -> ContentView {
	runtime_api(client, api::runtime_apis().moderation_api().content(hash))
		.await
		.expect("the content is on record")
}

/// The report `id`, which must be on record.
async fn report(client: &Client, id: u64) -> Report<AccountId32, u32> {
	runtime_api(client, api::runtime_apis().moderation_api().report(id))
		.await
		.expect("the report is on record")
}

/// The ids of the first overdue reports (up to 64).
async fn overdue_report_ids(client: &Client) -> Vec<u64> {
	runtime_api(client, api::runtime_apis().moderation_api().overdue_reports(None, 64))
		.await
		.into_iter()
		.map(|(id, _)| id)
		.collect()
}

/// R1: an account transacts only once a registrar verified it and it acknowledged the
/// convention; the refusals happen at submission, with the real-name check's codes.
#[tokio::test(flavor = "multi_thread")]
async fn unverified_accounts_are_refused_at_submission_until_verified() {
	let mut node = TestNode::spawn(&["--dev"]);
	let client = node.client().await;
	let alice = dev::alice();
	let ferdie = dev::ferdie();
	let fresh = fresh_account("//Alice//scenarios//unverified-newcomer");

	// A verified account cannot send value to an unverified one (code 8)...
	let transfer_to_fresh = transfer(&fresh, 100 * UNIT);
	expect_refused_with(
		submit_call(&client, &transfer_to_fresh, &alice).await,
		RejectCode::DestinationNotVerified,
	);

	// ...and no one can: no origin reaches `Balances::force_*` (not even a consortium motion),
	// so value reaches an account only after its verification.
	let force = RuntimeCall::Balances(Balances::force_transfer {
		source: alice.public_key().to_address(),
		dest: fresh.public_key().to_address(),
		value: 100 * UNIT,
	});
	match submit_call(&client, &force, &alice).await {
		Err(error @ TxError::Failed(_)) =>
			assert_eq!(failure_name(&error), Some("System.CallFiltered")),
		other => panic!("force_transfer: expected System.CallFiltered, got {other:?}"),
	}

	// The unverified newcomer's own transfer is refused at submission: NotVerified (1).
	let newcomer_transfer = transfer(&ferdie, UNIT);
	expect_refused_with(
		submit_call(&client, &newcomer_transfer, &fresh).await,
		RejectCode::NotVerified,
	);

	// Registrar 0 (Alice) verifies it: only a commitment to the identity goes on chain.
	let expires_at = u32::try_from(finalized_number(&client).await + 10_000).expect("fits");
	let verify = RuntimeCall::RealName(RealName::verify {
		who: fresh.public_key().to_address(),
		commitment: hash_of("salted identity record of the newcomer"),
		level: VerificationLevel::Basic,
		expires_at,
	});
	let events = ok(submit_call(&client, &verify, &alice).await, "verify");
	the_event::<api::real_name::events::AccountVerified>(&events);

	// Verified, it can receive value now.
	ok(submit_call(&client, &transfer_to_fresh, &alice).await, "funding the verified newcomer");

	// Verified, but the current platform convention is not acknowledged yet: code 6.
	expect_refused_with(
		submit_call(&client, &newcomer_transfer, &fresh).await,
		RejectCode::ConventionNotAcknowledged,
	);
	let convention =
		runtime_api(&client, api::runtime_apis().filing_api().current_convention()).await;
	assert!(convention >= 1, "the development chain has a platform convention");
	let acknowledge = RuntimeCall::RealName(RealName::acknowledge { version: convention });
	ok(submit_call(&client, &acknowledge, &fresh).await, "acknowledge");

	// The same transfer now goes through.
	let events = ok(submit_call(&client, &newcomer_transfer, &fresh).await, "transfer");
	let transferred = the_event::<api::balances::events::Transfer>(&events);
	assert_eq!(transferred.amount, UNIT);
}

/// R2: a moderator hides published content by hash; hidden content cannot be published again;
/// restoring makes it visible.
#[tokio::test(flavor = "multi_thread")]
async fn hidden_content_cannot_be_republished_until_restored() {
	let mut node = TestNode::spawn(&["--dev"]);
	let client = node.client().await;
	let (bob, ferdie) = (dev::bob(), dev::ferdie());
	let hash = hash_of("scenario: a rumour Ferdie posts");
	let publish = RuntimeCall::Moderation(Moderation::publish {
		hash,
		kind: ContentKind::Text,
		uri: BoundedVec(b"https://chain.example.cn/posts/1".to_vec()),
	});

	let events = ok(submit_call(&client, &publish, &ferdie).await, "publish");
	the_event::<api::moderation::events::ContentPublished>(&events);
	let view = content(&client, hash).await;
	assert_eq!(view.author, Some(ferdie.public_key().to_account_id()));
	assert_eq!(view.status, ContentStatus::Visible);

	let hide = RuntimeCall::Moderation(Moderation::hide {
		hash,
		reason: ReasonCode::Rumour,
		note_hash: hash_of("moderator note: unfounded rumour"),
	});
	let events = ok(submit_call(&client, &hide, &bob).await, "hide");
	let case_id = the_event::<api::moderation::events::ContentHidden>(&events).case_id;
	assert_eq!(
		content(&client, hash).await.status,
		ContentStatus::Hidden { reason: ReasonCode::Rumour, case: case_id }
	);

	// Publishing the hidden hash again fails in dispatch with the pallet's error.
	expect_failed_with(submit_call(&client, &publish, &ferdie).await, "Moderation.AlreadyHidden");

	let restore = RuntimeCall::Moderation(Moderation::restore {
		hash,
		note_hash: hash_of("moderator note: rumour confirmed"),
	});
	let events = ok(submit_call(&client, &restore, &bob).await, "restore");
	the_event::<api::moderation::events::ContentRestored>(&events);
	assert_eq!(content(&client, hash).await.status, ContentStatus::Visible);
}

/// R10: a complaint not answered by its deadline shows as overdue; it is resolved by hiding the
/// content; the author appeals; the appeal is decided by a moderator other than the one who
/// acted.
#[tokio::test(flavor = "multi_thread")]
async fn overdue_report_is_resolved_and_appeal_goes_to_another_moderator() {
	let mut node = TestNode::spawn(&["--dev"]);
	let client = node.client().await;
	let (bob, charlie, dave, ferdie) = (dev::bob(), dev::charlie(), dev::dave(), dev::ferdie());
	let hash = hash_of("scenario: Ferdie's post that Dave complains about");

	// Ferdie publishes; Dave reports the content, at the same time.
	let publish = RuntimeCall::Moderation(Moderation::publish {
		hash,
		kind: ContentKind::Image,
		uri: BoundedVec(b"https://chain.example.cn/posts/2".to_vec()),
	});
	let report_call = RuntimeCall::Moderation(Moderation::report {
		target: ReportTarget::Content(hash),
		category: ReasonCode::Fraud,
		evidence_hash: hash_of("evidence: screenshots of the scam"),
	});
	let (published, reported) = tokio::join!(
		submit_call(&client, &publish, &ferdie),
		submit_call(&client, &report_call, &dave)
	);
	ok(published, "publish");
	let events = ok(reported, "report");
	let filed = the_event::<api::moderation::events::ReportFiled>(&events);
	let report_id = filed.report_id;
	let deadline = u64::from(filed.deadline);

	// The deadline is the chain's response time after filing; wait it out if it is short.
	let now = finalized_number(&client).await;
	assert!(
		deadline.saturating_sub(now) <= MAX_RESPONSE_TIME,
		"the report falls due at block {deadline}, {} blocks away: the development chain's \
		 response time is too long for this test",
		deadline.saturating_sub(now)
	);
	let before = report(&client, report_id).await;
	assert_eq!(u64::from(before.deadline), deadline);
	assert!(matches!(before.state, ReportState::Open), "a fresh report is open: {before:?}");
	assert!(!overdue_report_ids(&client).await.contains(&report_id));

	wait_for_finalized(&client, deadline, BLOCKS_TIMEOUT).await;
	assert!(
		overdue_report_ids(&client).await.contains(&report_id),
		"report {report_id} is listed overdue once block {deadline} is reached"
	);
	assert!(matches!(report(&client, report_id).await.state, ReportState::Overdue));

	// Bob upholds it and hides the content.
	let upheld = ReportOutcome::Upheld { action: ActionTaken::ContentHidden };
	let resolve = RuntimeCall::Moderation(Moderation::resolve {
		report_id,
		outcome: upheld.clone(),
		note_hash: hash_of("moderator note: confirmed scam"),
	});
	let events = ok(submit_call(&client, &resolve, &bob).await, "resolve");
	let resolved = the_event::<api::moderation::events::ReportResolved>(&events);
	assert_eq!(resolved.target, ReportTarget::Content(hash), "the event names what was reported");
	let case_id = resolved.case_id.expect("hiding the content opened a case");
	assert!(matches!(
		content(&client, hash).await.status,
		ContentStatus::Hidden { reason: ReasonCode::Fraud, .. }
	));
	let ReportState::Resolved(resolution) = report(&client, report_id).await.state else {
		panic!("report {report_id} is resolved");
	};
	assert_eq!(resolution.outcome, upheld);
	assert!(!overdue_report_ids(&client).await.contains(&report_id));

	// Ferdie, the author, appeals.
	let appeal = RuntimeCall::Moderation(Moderation::appeal {
		case_id,
		statement_hash: hash_of("appeal: it is satire"),
	});
	ok(submit_call(&client, &appeal, &ferdie).await, "appeal");

	// Bob acted in the case, so he may not decide the appeal; Charlie may.
	let decide = RuntimeCall::Moderation(Moderation::decide_appeal {
		case_id,
		upheld: true,
		note_hash: hash_of("appeal review: satire, restore"),
	});
	expect_failed_with(submit_call(&client, &decide, &bob).await, "Moderation.SameModerator");
	let events = ok(submit_call(&client, &decide, &charlie).await, "decide appeal");
	let decided = the_event::<api::moderation::events::AppealDecided>(&events);
	assert!(decided.measure_undone);
	assert_eq!(decided.subject, CaseSubject::Content(hash), "the event names the case's subject");

	let case = runtime_api(&client, api::runtime_apis().moderation_api().case(case_id))
		.await
		.expect("the case is on record");
	assert_eq!(case.actor, Actor::Moderator(bob.public_key().to_account_id()));
	let appeal = case.appeal.expect("the case was appealed");
	assert_eq!(appeal.appellant, ferdie.public_key().to_account_id());
	let decision = appeal.decision.expect("the appeal was decided");
	assert_eq!(decision.decided_by, Actor::Moderator(charlie.public_key().to_account_id()));
	assert!(decision.upheld);
	assert_eq!(content(&client, hash).await.status, ContentStatus::Visible);
}

/// R3, R10: no moderator sanctions a role holder or himself, appeals undo exactly their measure,
/// and value never reaches a closed account. (A moderator deciding his own appeal is refused in
/// the runtime tests: `a_moderator_cannot_lift_a_measure_on_himself_or_decide_his_own_appeal`.)
#[tokio::test(flavor = "multi_thread")]
async fn no_one_judges_their_own_case_and_appeals_undo_exactly_their_measure() {
	let mut node = TestNode::spawn(&["--dev"]);
	let client = node.client().await;
	let (alice, bob, charlie, ferdie) = (dev::alice(), dev::bob(), dev::charlie(), dev::ferdie());
	let far = u32::try_from(finalized_number(&client).await + 10_000).expect("fits");

	// A moderator takes no measure against a role holder (Bob, a moderator and consortium
	// member), nor against himself: the self-dealing error comes first.
	let restrict_bob = RuntimeCall::Moderation(Moderation::restrict {
		who: bob.public_key().to_account_id(),
		scope: RestrictionScope::Publishing,
		until: far,
		reason: ReasonCode::Rumour,
	});
	expect_failed_with(
		submit_call(&client, &restrict_bob, &charlie).await,
		"Moderation.SubjectHoldsRole",
	);
	expect_failed_with(submit_call(&client, &restrict_bob, &bob).await, "Moderation.OwnAccount");

	// Bob closes Ferdie, then warns him: the warning does not lower the closure.
	let ferdie_id = ferdie.public_key().to_account_id();
	let close = RuntimeCall::Moderation(Moderation::close {
		who: ferdie_id.clone(),
		reason: ReasonCode::Fraud,
	});
	let events = ok(submit_call(&client, &close, &bob).await, "close");
	let closure = the_event::<api::moderation::events::AccountClosed>(&events).case_id;
	let warn =
		RuntimeCall::Moderation(Moderation::warn { who: ferdie_id, reason: ReasonCode::Rumour });
	let events = ok(submit_call(&client, &warn, &bob).await, "warn");
	let warning = the_event::<api::moderation::events::AccountWarned>(&events).case_id;

	// Value never reaches the closed account.
	let transfer_to_ferdie = transfer(&ferdie, UNIT);
	expect_refused_with(
		submit_call(&client, &transfer_to_ferdie, &alice).await,
		RejectCode::DestinationClosed,
	);

	// Appealing the warning, upheld, leaves the closure; appealing the closure undoes it.
	for case_id in [warning, closure] {
		let appeal = RuntimeCall::Moderation(Moderation::appeal {
			case_id,
			statement_hash: hash_of("appeal: Ferdie"),
		});
		ok(submit_call(&client, &appeal, &ferdie).await, "Ferdie's appeal");
		let decide = RuntimeCall::Moderation(Moderation::decide_appeal {
			case_id,
			upheld: true,
			note_hash: hash_of("review"),
		});
		let events = ok(submit_call(&client, &decide, &charlie).await, "decide");
		let decided = the_event::<api::moderation::events::AppealDecided>(&events);
		assert_eq!(decided.measure_undone, case_id == closure, "case {case_id}: {decided:?}");
		if case_id == warning {
			expect_refused_with(
				submit_call(&client, &remark("Ferdie, still closed"), &ferdie).await,
				RejectCode::AccountClosed,
			);
		}
	}
	ok(submit_call(&client, &remark("Ferdie, reopened"), &ferdie).await, "publish");
	ok(submit_call(&client, &transfer_to_ferdie, &alice).await, "transfer to the reopened account");
}

/// R3: a suspended account's transactions are refused at submission until the suspension
/// lapses by itself.
#[tokio::test(flavor = "multi_thread")]
async fn suspension_refuses_transactions_until_it_lapses() {
	let mut node = TestNode::spawn(&["--dev"]);
	let client = node.client().await;
	let (bob, ferdie) = (dev::bob(), dev::ferdie());

	// Long enough that Ferdie's next submission still falls inside it.
	let until = u32::try_from(finalized_number(&client).await + 10).expect("fits");
	let suspend = RuntimeCall::Moderation(Moderation::suspend {
		who: ferdie.public_key().to_account_id(),
		until,
		reason: ReasonCode::Fraud,
	});
	let events = ok(submit_call(&client, &suspend, &bob).await, "suspend");
	let suspended = the_event::<api::moderation::events::AccountSuspended>(&events);
	assert_eq!(suspended.until, until);

	expect_refused_with(
		submit_call(&client, &remark("while suspended"), &ferdie).await,
		RejectCode::AccountSuspended,
	);
	// Free text is refused before the pool for anyone, suspended or not.
	for signer in [&ferdie, &bob] {
		expect_refused_with(
			submit_call(&client, &free_text("unmoderated words"), signer).await,
			RejectCode::CallNotPermitted,
		);
	}

	wait_for_finalized(&client, u64::from(until), BLOCKS_TIMEOUT).await;
	ok(
		submit_call(&client, &remark("after the suspension"), &ferdie).await,
		"remark after the suspension",
	);
}

/// R5: the filing record from genesis is readable through `FilingApi`; a change keeps the
/// previous version in the history; the node labels itself with the filing number.
#[tokio::test(flavor = "multi_thread")]
async fn filing_record_changes_are_kept_and_the_node_shows_the_number() {
	let mut node = TestNode::spawn(&["--dev"]);
	let client = node.client().await;
	let alice = dev::alice();

	let filing_api = || api::runtime_apis().filing_api();
	let filing = runtime_api(&client, filing_api().filing())
		.await
		.expect("the development chain is filed");
	assert_eq!(String::from_utf8_lossy(&filing.number.0), DEV_FILING_NUMBER);
	assert_eq!(filing.status, FilingState::Filed);
	let status = runtime_api(&client, filing_api().filing_status()).await;
	assert_eq!(status, FilingStatusView::Filed);
	let history = runtime_api(&client, filing_api().filing_history()).await;
	assert!(history.is_empty(), "no change yet: {history:?}");

	let new_name = "Compliance Chain Development Service (renamed)";
	let change = RuntimeCall::Filing(Filing::change {
		number: DEV_FILING_NUMBER.as_bytes().to_vec(),
		service_name: new_name.as_bytes().to_vec(),
		provider: b"Compliance Chain Operator".to_vec(),
		service_type: ServiceType::Platform,
		urls: vec![b"https://chain.example.cn".to_vec()],
	});
	let events = ok(submit_call(&client, &change, &alice).await, "change");
	let changed = the_event::<api::filing::events::FilingChanged>(&events);
	assert_eq!(changed.version, filing.version + 1);

	let current = runtime_api(&client, filing_api().filing()).await.expect("still filed");
	assert_eq!(String::from_utf8_lossy(&current.service_name.0), new_name);
	assert_eq!(current.version, filing.version + 1);
	let history = runtime_api(&client, filing_api().filing_history()).await;
	assert_eq!(history.len(), 1, "the superseded version is kept");
	assert_eq!(history[0].version, filing.version);
	assert_eq!(history[0].service_name, filing.service_name);

	// The node printed the label at start-up (long before the change above was finalized), and
	// again at the finalized block that changed the record.
	let log = node.log();
	assert!(
		log.contains(&format!(
			"Filing number: {DEV_FILING_NUMBER} (record version 1, status: Filed, service: active)"
		)),
		"the node log lacks the filing number label:\n{log}"
	);
	// GRANDPA may finalize several blocks at once: the line names the finalized head.
	let changed_label =
		format!("{DEV_FILING_NUMBER} (record version 2, status: Filed, service: active)");
	let labelled = |log: &str| {
		log.lines().any(|line| {
			line.contains("Filing at finalized block #") && line.contains(&changed_label)
		})
	};
	let deadline = std::time::Instant::now() + Duration::from_secs(30);
	while !labelled(&node.log()) {
		assert!(
			std::time::Instant::now() < deadline,
			"the node did not label the change ({changed_label}):\n{}",
			node.log()
		);
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// R6: the runtime code cannot be replaced without an approved security assessment of exactly
/// that code; with one, the upgrade applies and `spec_version` goes up.
#[tokio::test(flavor = "multi_thread")]
async fn runtime_upgrade_needs_an_approved_assessment() {
	let mut node = TestNode::spawn(&["--dev"]);
	let client = node.client().await;
	let (alice, dave) = (dev::alice(), dev::dave());

	// The new runtime: the running one, its embedded version bumped. Taken from the chain's own
	// `:code` (exactly what runs, whatever was rebuilt since), so the upgrade changes nothing
	// but the version.
	let at = client.at_current_block().await.expect("finalized block");
	let code = at.storage().runtime_wasm_code().await.expect("the runtime code can be read");
	let version = at
		.runtime_apis()
		.call(api::runtime_apis().core().version())
		.await
		.expect("the runtime version can be read");
	// What the node runs, by the version embedded in the code (`state_getRuntimeVersion`).
	let rpc = LegacyRpcMethods::<RpcConfigFor<PolkadotConfig>>::new(
		RpcClient::from_url(node.ws_url()).await.expect("the node answers RPC"),
	);
	let old_spec = rpc
		.state_get_runtime_version(Some(at.block_hash()))
		.await
		.expect("the node reports the runtime version")
		.spec_version;
	assert_eq!(old_spec, version.spec_version, "the node runs the code it reports");
	let wasm =
		sp_maybe_compressed_blob::decompress(&code, sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT)
			.expect("the runtime code decompresses");
	// Every field named, so that a field the runtime version gains breaks the build here.
	let bumped = sp_version::RuntimeVersion {
		spec_name: version.spec_name.into(),
		impl_name: version.impl_name.into(),
		authoring_version: version.authoring_version,
		spec_version: old_spec + 1,
		impl_version: version.impl_version,
		apis: version.apis.into(),
		transaction_version: version.transaction_version,
		system_version: version.system_version,
	};
	let new_wasm = sp_version::embed::embed_runtime_version(&wasm, bumped)
		.expect("the version can be embedded");
	let new_code = sp_maybe_compressed_blob::compress_weakly(
		&new_wasm,
		sp_maybe_compressed_blob::CODE_BLOB_BOMB_LIMIT,
	)
	.expect("the runtime compresses");
	// frame-system and the assessment gate hash exactly the bytes `set_code` receives.
	let code_hash = H256(blake2_256(&new_code));

	// No origin sets the code directly: `System.set_code` is filtered for everyone.
	let set_code = RuntimeCall::System(System::set_code { code: new_code.clone() });
	match submit_call(&client, &set_code, &alice).await {
		Err(error @ TxError::Failed(_)) =>
			assert_eq!(failure_name(&error), Some("System.CallFiltered")),
		other => panic!("set_code: expected System.CallFiltered, got {other:?}"),
	}

	// The consortium (Alice and Bob, two of three) authorizes exactly this code by motion.
	let bob = dev::bob();
	let authorized = pass_motion(
		&client,
		Body::Consortium,
		RuntimeCall::Filing(Filing::authorize_upgrade { code_hash }),
		&[&alice, &bob],
	)
	.await
	.expect("the motion's transactions go through");
	assert_eq!(authorized, Ok(()), "the consortium authorized the upgrade");

	// Without an assessment, anyone's `apply_authorized_upgrade` meets the gate.
	let apply = RuntimeCall::System(System::apply_authorized_upgrade { code: new_code });
	match submit_call(&client, &apply, &alice).await {
		Err(error @ TxError::Failed(_)) =>
			assert_eq!(failure_name(&error), Some("Filing.CodeNotAssessed")),
		other => panic!("unassessed upgrade: expected Filing.CodeNotAssessed, got {other:?}"),
	}

	// Dave, the assessor, approves exactly this code.
	let assess = RuntimeCall::Filing(Filing::record_assessment {
		code_hash,
		report_hash: hash_of("security assessment report: spec bump"),
		verdict: Verdict::Approved,
	});
	ok(submit_call(&client, &assess, &dave).await, "assessment");
	let assessment = runtime_api(&client, api::runtime_apis().filing_api().assessment(code_hash))
		.await
		.expect("the assessment is on record");
	assert_eq!(assessment.verdict, Verdict::Approved);
	assert_eq!(assessment.assessor, Some(dave.public_key().to_account_id()));

	// Now the same upgrade is applied, by any verified account (Ferdie here).
	let events = ok(submit_call(&client, &apply, &dev::ferdie()).await, "assessed upgrade");
	let applied = the_event::<api::filing::events::AssessedUpgradeApplied>(&events);
	assert_eq!(applied.code_hash, code_hash);
	the_event::<api::system::events::CodeUpdated>(&events);

	// The block after the upgrade runs the new code: the node reports its embedded version.
	wait_for_finalized(&client, finalized_number(&client).await + 1, BLOCKS_TIMEOUT).await;
	let finalized = client.at_current_block().await.expect("finalized block").block_hash();
	let node_version = rpc
		.state_get_runtime_version(Some(finalized))
		.await
		.expect("the node reports the runtime version");
	assert_eq!(node_version.spec_version, old_spec + 1);

	// The indexer decodes each block with the metadata of the runtime that executed it: the
	// upgrade's own events with the old spec, a publication after it with the new one.
	ok(submit_call(&client, &remark("after the upgrade"), &dev::ferdie()).await, "publish");
	let dir = tempfile::tempdir().expect("a temporary directory");
	let db = dir.path().join("index.sqlite");
	let indexer = |args: &[&str]| {
		let out =
			std::process::Command::new(compliance_tests::workspace_binary("compliance-indexer"))
				.args(["--url", &node.ws_url(), "--db", db.to_str().expect("UTF-8 path")])
				.args(args)
				.output()
				.expect("compliance-indexer runs (scripts/test builds it)");
		assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
		String::from_utf8(out.stdout).expect("UTF-8")
	};
	indexer(&["index", "--once"]);
	let spec_of = |kind: &str| -> Vec<u64> {
		indexer(&["export", "--event", kind])
			.lines()
			.map(|l| {
				serde_json::from_str::<serde_json::Value>(l).expect("JSON")["spec_version"]
					.as_u64()
					.expect("a spec version")
			})
			.collect()
	};
	let old = u64::from(old_spec);
	assert_eq!(spec_of("System.CodeUpdated"), [old]);
	assert_eq!(spec_of("Filing.AssessedUpgradeApplied"), [old]);
	assert_eq!(spec_of("Moderation.ContentPublished").last(), Some(&(old + 1)));
}

/// R7: while the regulator has suspended the service, ordinary user transactions are refused
/// at submission; after it resumes them they go through.
#[tokio::test(flavor = "multi_thread")]
async fn service_suspension_refuses_user_transactions_until_resumed() {
	let mut node = TestNode::spawn(&["--dev"]);
	let client = node.client().await;
	let (eve, ferdie) = (dev::eve(), dev::ferdie());

	let suspend = RuntimeCall::Filing(Filing::suspend_service {
		reason: hash_of("regulator: rectification order, security risk"),
	});
	let events = ok(submit_call(&client, &suspend, &eve).await, "suspend");
	the_event::<api::filing::events::ServiceSuspended>(&events);
	let status = runtime_api(&client, api::runtime_apis().filing_api().service_status()).await;
	assert!(matches!(status, ServiceStatus::Suspended { .. }), "{status:?}");

	expect_refused_with(
		submit_call(&client, &remark("during the suspension"), &ferdie).await,
		RejectCode::ServiceSuspended,
	);
	let transfer_to_eve = transfer(&eve, UNIT);
	expect_refused_with(
		submit_call(&client, &transfer_to_eve, &ferdie).await,
		RejectCode::ServiceSuspended,
	);

	let resume = RuntimeCall::Filing(Filing::resume_service);
	let events = ok(submit_call(&client, &resume, &eve).await, "resume");
	the_event::<api::filing::events::ServiceResumed>(&events);
	let events = ok(submit_call(&client, &transfer_to_eve, &ferdie).await, "transfer after");
	the_event::<api::balances::events::Transfer>(&events);
}

/// Governance: one consortium member's motion changes nothing, two of three execute it; the
/// consortium cannot change the regulators, who change their own set; no motion reaches a
/// `Root`-only call.
#[tokio::test(flavor = "multi_thread")]
async fn two_of_three_pass_a_motion_and_the_consortium_cannot_change_the_regulators() {
	let mut node = TestNode::spawn(&["--dev"]);
	let client = node.client().await;
	let (alice, bob, charlie, eve) = (dev::alice(), dev::bob(), dev::charlie(), dev::eve());
	let newcomer = fresh_account("//Alice//scenarios//governance-registrar");
	let add_registrar = || {
		RuntimeCall::RealName(RealName::add_registrar {
			account: newcomer.public_key().to_address(),
			name: b"Second Registrar".to_vec(),
		})
	};

	// Alice alone (threshold 1) executes as one member of three: refused by the origin.
	let alone = pass_motion(&client, Body::Consortium, add_registrar(), &[&alice])
		.await
		.expect("the proposal goes through the pool");
	let error = alone.expect_err("one of three passed a motion");
	assert!(error.contains("BadOrigin"), "{error}");
	// Alice and Bob: executed.
	let two = pass_motion(&client, Body::Consortium, add_registrar(), &[&alice, &bob])
		.await
		.expect("the motion's transactions go through");
	assert_eq!(two, Ok(()));

	// All three cannot add a regulator or accredit an assessor: those are the regulators'.
	let add_alice = Membership::add_member { who: alice.public_key().to_address() };
	for (set, add) in [
		("Regulators", RuntimeCall::Regulators(add_alice.clone())),
		("Assessors", RuntimeCall::Assessors(add_alice.clone())),
	] {
		let outcome = pass_motion(&client, Body::Consortium, add, &[&alice, &bob, &charlie])
			.await
			.expect("the motion's transactions go through");
		let error = outcome.expect_err("the consortium cannot change the regulators' sets");
		assert!(error.contains("BadOrigin"), "{set}: {error}");
	}
	// Eve, the only regulator, accredits an assessor by her own motion.
	let accredit = RuntimeCall::Assessors(add_alice);
	let outcome = pass_motion(&client, Body::Regulators, accredit, &[&eve])
		.await
		.expect("the regulators' motion goes through");
	assert_eq!(outcome, Ok(()));

	// A motion carrying a `Root`-only call is refused when proposed.
	let raw = RuntimeCall::System(System::set_storage {
		items: vec![(b":code".to_vec(), b"not a runtime".to_vec())],
	});
	match pass_motion(&client, Body::Consortium, raw, &[&alice, &bob]).await {
		Err(error @ TxError::Failed(_)) =>
			assert_eq!(failure_name(&error), Some("System.CallFiltered")),
		other => panic!("a motion for set_storage: expected System.CallFiltered, got {other:?}"),
	}
}
