//! Every transaction subcommand, encoded offline and compared with the call written out by hand
//! from the generated types with named fields: a flag that reaches the wrong field, a default
//! that changed or a relative end counted from the wrong block fails here, with no node. A
//! subcommand added without a case here fails [`every_subcommand_is_covered`].

use crate::{
	commands::{
		account::AccountCmd,
		assess::AssessCmd,
		content::ContentCmd,
		filing::{FilingCmd, RulesCmd},
		identity::IdentityCmd,
		report::ReportCmd,
		service::ServiceCmd,
		Now, Transaction,
	},
	error::CliError,
	Cli, Command,
};
use clap::{CommandFactory, Parser};
use compliance_client::{
	api::{
		balances::Call as Balances,
		consortium::Call as Collective,
		filing::Call as Filing,
		moderation::Call as Moderation,
		moderators::Call as Membership,
		node_authorization::Call as NodeAuthorization,
		real_name::Call as RealName,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			compliance_primitives::RestrictionScope,
			pallet_filing::types::{RulesKind, ServiceType, Verdict},
			pallet_moderation::types::{
				ActionTaken, ContentKind, ReasonCode, ReportOutcome, ReportTarget,
			},
			pallet_real_name::types::{RevocationReason, VerificationLevel},
			sp_core::OpaquePeerId,
		},
		system::Call as System,
		validator_set::Call as ValidatorSet,
	},
	encode_call, RuntimeCall, METADATA,
};
use sp_crypto_hashing::blake2_256;
use std::{cell::RefCell, collections::BTreeSet, path::PathBuf, str::FromStr};
use subxt::{
	utils::{AccountId32, MultiAddress, H256},
	Metadata,
};

/// The chain state the calls are built from: block 1,000 of a chain with 14,400 blocks a day
/// and convention version 3 in force.
const NOW: Now = Now { block: 1_000, blocks_per_day: 14_400, convention: 3 };

thread_local! {
	/// The subcommands [`encodes`] and [`refused`] saw build a call, by path.
	static ENCODED: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// The call `argv` submits, built at [`NOW`]; `None` for a command that does not submit one
/// decided by its arguments.
fn built(argv: &[&str]) -> Option<Result<RuntimeCall, CliError>> {
	let words = || std::iter::once("compliance").chain(argv.iter().copied());
	let cli =
		Cli::try_parse_from(words()).unwrap_or_else(|e| panic!("{argv:?} does not parse: {e}"));
	let matches = Cli::command().get_matches_from(words());
	let mut path = Vec::new();
	let mut at = &matches;
	while let Some((name, sub)) = at.subcommand() {
		path.push(name);
		at = sub;
	}
	let path = path.join(" ");
	match &cli.command {
		Command::Filing(FilingCmd::Call(call)) => Some(call.call(&NOW)),
		Command::Rules(RulesCmd::Call(call)) => Some(call.call(&NOW)),
		Command::Rules(RulesCmd::Ack(call)) => Some(call.call(&NOW)),
		Command::Identity(IdentityCmd::Call(call)) => Some(call.call(&NOW)),
		Command::Content(ContentCmd::Call(call)) => Some(call.call(&NOW)),
		Command::Report(ReportCmd::Call(call)) => Some(call.call(&NOW)),
		Command::Account(AccountCmd::Measure(call)) => Some(call.call(&NOW)),
		Command::Account(AccountCmd::Transfer(call)) => Some(call.call(&NOW)),
		Command::Assess(AssessCmd::Call(call)) => Some(call.call(&NOW)),
		Command::Service(ServiceCmd::Call(call)) => Some(call.call(&NOW)),
		Command::Gov(gov) => gov.call(&NOW),
		_ => None,
	}
	.inspect(|_| {
		ENCODED.with(|seen| seen.borrow_mut().insert(path));
	})
}

/// Checks that `argv` builds exactly `expected`, and that both encode to the same bytes for the
/// runtime of the checked-in metadata (the bytes a node would be sent).
#[track_caller]
fn encodes(argv: &[&str], expected: RuntimeCall) {
	let call = built(argv)
		.unwrap_or_else(|| panic!("{argv:?} builds no call"))
		.unwrap_or_else(|e| panic!("{argv:?} fails: {e}"));
	assert_eq!(call, expected, "{argv:?}");
	let metadata = Metadata::decode_from(METADATA).expect("the checked-in metadata decodes");
	let encoded = |c: &RuntimeCall| encode_call(&metadata, c).unwrap_or_else(|e| panic!("{e:?}"));
	assert_eq!(encoded(&call), encoded(&expected), "{argv:?}");
}

/// Checks that `argv` parses but is refused with a usage error saying `says`.
#[track_caller]
fn refused(argv: &[&str], says: &str) {
	match built(argv) {
		Some(Err(e @ CliError::Usage(_))) => assert!(e.to_string().contains(says), "{argv:?}: {e}"),
		other => panic!("{argv:?} should be refused, got {other:?}"),
	}
}

/// A dev account by name, as the chain knows it.
fn account(name: &str) -> AccountId32 {
	let pair = match name {
		"Bob" => subxt_signer::sr25519::dev::bob(),
		"Dave" => subxt_signer::sr25519::dev::dave(),
		"Eve" => subxt_signer::sr25519::dev::eve(),
		_ => subxt_signer::sr25519::dev::ferdie(),
	};
	pair.public_key().to_account_id()
}

/// An account as a `MultiAddress` argument.
fn address(name: &str) -> MultiAddress<AccountId32, ()> {
	MultiAddress::Id(account(name))
}

/// A file with `content`, for the commands that hash one.
fn file(name: &str, content: &[u8]) -> (PathBuf, H256) {
	let dir = std::env::temp_dir().join(format!("compliance-offline-calls-{}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("temp dir");
	let path = dir.join(name);
	std::fs::write(&path, content).expect("temp file");
	(path, H256(blake2_256(content)))
}

fn hash(byte: u8) -> H256 {
	H256::repeat_byte(byte)
}

fn hex(byte: u8) -> String {
	format!("{:?}", hash(byte))
}

fn text_hash(text: &str) -> H256 {
	H256(blake2_256(text.as_bytes()))
}

fn moderation(call: Moderation) -> RuntimeCall {
	RuntimeCall::Moderation(call)
}

fn filing(call: Filing) -> RuntimeCall {
	RuntimeCall::Filing(call)
}

fn real_name(call: RealName) -> RuntimeCall {
	RuntimeCall::RealName(call)
}

/// The filing record's fields as `filing register|change` and the same under `gov propose`
/// take them, and the call's arguments they become.
const FILING_FIELDS: &[&str] = &[
	"--number",
	"京网信备11010819339401号",
	"--service-name",
	"Chain Square",
	"--provider",
	"Example Ltd",
	"--service-type",
	"application",
	"--platform-url",
	"https://a.example",
	"--platform-url",
	"https://b.example",
];

fn register() -> Filing {
	Filing::register {
		number: "京网信备11010819339401号".as_bytes().to_vec(),
		service_name: b"Chain Square".to_vec(),
		provider: b"Example Ltd".to_vec(),
		service_type: ServiceType::Application,
		urls: vec![b"https://a.example".to_vec(), b"https://b.example".to_vec()],
	}
}

fn with(head: &[&str], tail: &[&str]) -> Vec<String> {
	head.iter().chain(tail).map(|s| s.to_string()).collect()
}

fn strs(v: &[String]) -> Vec<&str> {
	v.iter().map(String::as_str).collect()
}

#[test]
fn filing_and_rules_commands_encode_their_calls() {
	encodes(&strs(&with(&["filing", "register"], FILING_FIELDS)), filing(register()));
	let change = with(&["filing", "change"], &FILING_FIELDS[..6]);
	let change = with(&strs(&change), &["--platform-url", "https://a.example"]);
	encodes(
		&strs(&change),
		filing(Filing::change {
			number: "京网信备11010819339401号".as_bytes().to_vec(),
			service_name: b"Chain Square".to_vec(),
			provider: b"Example Ltd".to_vec(),
			service_type: ServiceType::Platform,
			urls: vec![b"https://a.example".to_vec()],
		}),
	);
	encodes(&["filing", "cancel"], filing(Filing::cancel));
	encodes(&["filing", "review"], filing(Filing::confirm_review));
	encodes(&["filing", "start", "42"], filing(Filing::record_service_start { at: 42 }));

	let h = hex(0x11);
	let publish = ["rules", "publish", "--kind", "convention", "--version", "4"];
	encodes(
		&strs(&with(&publish, &["--doc-hash", &h, "--uri", "https://rules.example/4"])),
		filing(Filing::publish_rules {
			kind: RulesKind::PlatformConvention,
			version: 4,
			doc_hash: hash(0x11),
			uri: b"https://rules.example/4".to_vec(),
		}),
	);
	let (doc, doc_hash) = file("rules.md", b"Management rules, version 2");
	let publish = ["rules", "publish", "--kind", "management", "--version", "2", "--uri", ""];
	encodes(
		&strs(&with(&publish, &["--doc-file", doc.to_str().unwrap()])),
		filing(Filing::publish_rules {
			kind: RulesKind::ManagementRules,
			version: 2,
			doc_hash,
			uri: Vec::new(),
		}),
	);
	// Without a version, the convention in force.
	encodes(&["rules", "ack"], real_name(RealName::acknowledge { version: 3 }));
	encodes(&["rules", "ack", "5"], real_name(RealName::acknowledge { version: 5 }));
}

#[test]
fn identity_commands_encode_their_calls() {
	let c = hex(0xc0);
	encodes(
		&[
			"identity",
			"verify",
			"//Ferdie",
			"--commitment",
			&c,
			"--level",
			"enhanced",
			"--days",
			"2",
		],
		real_name(RealName::verify {
			who: address("Ferdie"),
			commitment: hash(0xc0),
			level: VerificationLevel::Enhanced,
			expires_at: 1_000 + 2 * 14_400,
		}),
	);
	// The commitment is blake2-256(salt ++ identity data), computed here.
	let (identity, _) = file("identity.json", br#"{"name":"Zhang San"}"#);
	let mut salted = b"pepper".to_vec();
	salted.extend_from_slice(br#"{"name":"Zhang San"}"#);
	encodes(
		&[
			"identity",
			"verify",
			"//Ferdie",
			"--identity-file",
			identity.to_str().unwrap(),
			"--salt",
			"pepper",
			"--blocks",
			"10",
		],
		real_name(RealName::verify {
			who: address("Ferdie"),
			commitment: H256(blake2_256(&salted)),
			level: VerificationLevel::Basic,
			expires_at: 1_010,
		}),
	);
	refused(&["identity", "verify", "//Ferdie", "--commitment", &c], "needs --until");
	encodes(
		&["identity", "renew", "//Ferdie", "--until", "5000"],
		real_name(RealName::renew { who: address("Ferdie"), expires_at: 5_000 }),
	);
	encodes(
		&["identity", "revoke", "//Ferdie", "--reason", "data-invalid"],
		real_name(RealName::revoke {
			who: address("Ferdie"),
			reason: RevocationReason::DataInvalid,
		}),
	);
	refused(
		&["identity", "revoke", "//Ferdie", "--reason", "order", "--force"],
		"gov propose force-revoke",
	);
}

#[test]
fn content_commands_encode_their_calls() {
	let (h, h2) = (hex(0x01), hex(0x02));
	encodes(
		&["content", "publish", &h, "--kind", "image", "--uri", "ipfs://bafy"],
		moderation(Moderation::publish {
			hash: hash(0x01),
			kind: ContentKind::Image,
			uri: BoundedVec(b"ipfs://bafy".to_vec()),
		}),
	);
	let (post, post_hash) = file("post.txt", b"a post");
	encodes(
		&["content", "publish", "--file", post.to_str().unwrap()],
		moderation(Moderation::publish {
			hash: post_hash,
			kind: ContentKind::Text,
			uri: BoundedVec(Vec::new()),
		}),
	);
	encodes(
		&["content", "flag", &h, "--reason", "rumour"],
		moderation(Moderation::flag { hash: hash(0x01), reason: ReasonCode::Rumour }),
	);
	encodes(
		&["content", "hide", &h, "--reason", "fraud", "--note", "case file 7"],
		moderation(Moderation::hide {
			hash: hash(0x01),
			reason: ReasonCode::Fraud,
			note_hash: text_hash("case file 7"),
		}),
	);
	let note = hex(0xee);
	encodes(
		&["content", "hide-batch", &h, &h2, "--reason", "pornography", "--note-hash", &note],
		moderation(Moderation::hide_batch {
			hashes: BoundedVec(vec![hash(0x01), hash(0x02)]),
			reason: ReasonCode::Pornography,
			note_hash: hash(0xee),
		}),
	);
	encodes(
		&["content", "restore", &h],
		moderation(Moderation::restore { hash: hash(0x01), note_hash: H256::zero() }),
	);
}

#[test]
fn report_commands_encode_their_calls() {
	let (h, e) = (hex(0x01), hex(0xe0));
	encodes(
		&["report", "file", "--content", &h, "--category", "fraud", "--evidence-hash", &e],
		moderation(Moderation::report {
			target: ReportTarget::Content(hash(0x01)),
			category: ReasonCode::Fraud,
			evidence_hash: hash(0xe0),
		}),
	);
	let (evidence, evidence_hash) = file("evidence.png", b"\x89PNG evidence");
	encodes(
		&[
			"report",
			"file",
			"--account",
			"//Eve",
			"--category",
			"privacy",
			"--evidence-file",
			evidence.to_str().unwrap(),
		],
		moderation(Moderation::report {
			target: ReportTarget::Account(account("Eve")),
			category: ReasonCode::Privacy,
			evidence_hash,
		}),
	);
	let resolve = |id: u64, outcome: ReportOutcome<u32>, note_hash: H256| {
		moderation(Moderation::resolve { report_id: id, outcome, note_hash })
	};
	let upheld = |action| ReportOutcome::Upheld { action };
	encodes(
		&["report", "resolve", "7", "--dismiss"],
		resolve(7, ReportOutcome::Dismissed, H256::zero()),
	);
	encodes(
		&[
			"report",
			"resolve",
			"7",
			"--uphold",
			"restrict",
			"--scope",
			"transfers",
			"--blocks",
			"100",
			"--note",
			"n",
		],
		resolve(
			7,
			upheld(ActionTaken::AccountRestricted {
				scope: RestrictionScope::Transfers,
				until: 1_100,
			}),
			text_hash("n"),
		),
	);
	encodes(
		&["report", "resolve", "8", "--uphold", "suspend", "--days", "1"],
		resolve(8, upheld(ActionTaken::AccountSuspended { until: 15_400 }), H256::zero()),
	);
	for (action, taken) in [
		("none", ActionTaken::None),
		("hide", ActionTaken::ContentHidden),
		("warn", ActionTaken::AccountWarned),
		("close", ActionTaken::AccountClosed),
	] {
		encodes(
			&["report", "resolve", "9", "--uphold", action],
			resolve(9, upheld(taken), H256::zero()),
		);
	}
	refused(&["report", "resolve", "9", "--uphold", "restrict", "--blocks", "5"], "--scope");
	refused(&["report", "resolve", "9", "--uphold", "suspend"], "needs --until");

	encodes(
		&["report", "appeal", "4", "--statement", "I did not post it"],
		moderation(Moderation::appeal {
			case_id: 4,
			statement_hash: text_hash("I did not post it"),
		}),
	);
	encodes(
		&["report", "appeal", "4", "--statement-hash", &e],
		moderation(Moderation::appeal { case_id: 4, statement_hash: hash(0xe0) }),
	);
	let (statement, statement_hash) = file("statement.txt", b"my statement");
	encodes(
		&["report", "appeal", "5", "--statement-file", statement.to_str().unwrap()],
		moderation(Moderation::appeal { case_id: 5, statement_hash }),
	);
	encodes(
		&["report", "decide", "4", "--uphold", "--note", "reviewed"],
		moderation(Moderation::decide_appeal {
			case_id: 4,
			upheld: true,
			note_hash: text_hash("reviewed"),
		}),
	);
	encodes(
		&["report", "decide", "4", "--dismiss"],
		moderation(Moderation::decide_appeal {
			case_id: 4,
			upheld: false,
			note_hash: H256::zero(),
		}),
	);
}

#[test]
fn account_assess_and_service_commands_encode_their_calls() {
	encodes(
		&["account", "warn", "//Ferdie", "--reason", "fraud"],
		moderation(Moderation::warn { who: account("Ferdie"), reason: ReasonCode::Fraud }),
	);
	encodes(
		&["account", "restrict", "//Ferdie", "--scope", "publishing", "--until", "2000"],
		moderation(Moderation::restrict {
			who: account("Ferdie"),
			scope: RestrictionScope::Publishing,
			until: 2_000,
			reason: ReasonCode::Other,
		}),
	);
	encodes(
		&["account", "suspend", "//Ferdie", "--days", "3", "--reason", "illegal"],
		moderation(Moderation::suspend {
			who: account("Ferdie"),
			until: 1_000 + 3 * 14_400,
			reason: ReasonCode::Illegal,
		}),
	);
	refused(&["account", "suspend", "//Ferdie"], "a suspension needs --until");
	encodes(
		&["account", "close", "//Ferdie", "--reason", "infringement"],
		moderation(Moderation::close { who: account("Ferdie"), reason: ReasonCode::Infringement }),
	);
	encodes(
		&["account", "lift", "//Ferdie"],
		moderation(Moderation::lift { who: account("Ferdie"), reason: ReasonCode::Other }),
	);
	encodes(
		&["account", "transfer", "//Dave", "1500000000000"],
		RuntimeCall::Balances(Balances::transfer_keep_alive {
			dest: address("Dave"),
			value: 1_500_000_000_000,
		}),
	);

	let (code, report) = (hex(0xc0), hex(0x4e));
	encodes(
		&["assess", "record", &code, "--report-hash", &report, "--verdict", "approved"],
		filing(Filing::record_assessment {
			code_hash: hash(0xc0),
			report_hash: hash(0x4e),
			verdict: Verdict::Approved,
		}),
	);
	let (wasm, wasm_hash) = file("runtime.wasm", b"\0asm runtime");
	let (assessment, assessment_hash) = file("assessment.pdf", b"%PDF assessment");
	encodes(
		&[
			"assess",
			"record",
			"--wasm",
			wasm.to_str().unwrap(),
			"--report-file",
			assessment.to_str().unwrap(),
			"--verdict",
			"rejected",
		],
		filing(Filing::record_assessment {
			code_hash: wasm_hash,
			report_hash: assessment_hash,
			verdict: Verdict::Rejected,
		}),
	);
	encodes(
		&["assess", "revoke", &code],
		filing(Filing::revoke_assessment { code_hash: hash(0xc0) }),
	);

	encodes(
		&["service", "suspend", "--reason", "ordered by the regulator"],
		filing(Filing::suspend_service { reason: text_hash("ordered by the regulator") }),
	);
	encodes(
		&["service", "suspend", "--reason-hash", &report],
		filing(Filing::suspend_service { reason: hash(0x4e) }),
	);
	let (reasons, reasons_hash) = file("reasons.txt", b"the reasons");
	encodes(
		&["service", "suspend", "--reason-file", reasons.to_str().unwrap()],
		filing(Filing::suspend_service { reason: reasons_hash }),
	);
	encodes(&["service", "resume"], filing(Filing::resume_service));
}

#[test]
fn gov_commands_encode_their_calls() {
	let propose = |tail: &[&str]| with(&["gov", "propose"], tail);
	let case = |tail: &[&str], expected: RuntimeCall| encodes(&strs(&propose(tail)), expected);
	case(
		&["add-registrar", "//Dave", "Registrar Two"],
		real_name(RealName::add_registrar {
			account: address("Dave"),
			name: b"Registrar Two".to_vec(),
		}),
	);
	case(&["suspend-registrar", "1"], real_name(RealName::suspend_registrar { id: 1 }));
	case(&["reactivate-registrar", "1"], real_name(RealName::reactivate_registrar { id: 1 }));
	case(&["remove-registrar", "2"], real_name(RealName::remove_registrar { id: 2 }));
	case(
		&["force-revoke", "//Ferdie", "--reason", "order"],
		real_name(RealName::force_revoke {
			who: address("Ferdie"),
			reason: RevocationReason::Order,
		}),
	);
	case(
		&["add-moderator", "//Dave"],
		RuntimeCall::Moderators(Membership::add_member { who: address("Dave") }),
	);
	case(
		&["remove-moderator", "//Bob"],
		RuntimeCall::Moderators(Membership::remove_member { who: address("Bob") }),
	);
	case(
		&["close-account", "//Eve", "--reason", "fraud"],
		moderation(Moderation::close { who: account("Eve"), reason: ReasonCode::Fraud }),
	);
	case(
		&["lift-measure", "//Eve"],
		moderation(Moderation::lift { who: account("Eve"), reason: ReasonCode::Other }),
	);
	case(
		&["decide-appeal", "3", "--dismiss", "--note", "by motion"],
		moderation(Moderation::decide_appeal {
			case_id: 3,
			upheld: false,
			note_hash: text_hash("by motion"),
		}),
	);
	case(&["purge-case", "3"], moderation(Moderation::purge_case { case_id: 3 }));
	case(&["set-response-time", "600"], moderation(Moderation::set_response_time { blocks: 600 }));
	case(
		&["add-validator", "//Dave"],
		RuntimeCall::ValidatorSet(ValidatorSet::add_validator { who: account("Dave") }),
	);
	case(
		&["remove-validator", "//Dave"],
		RuntimeCall::ValidatorSet(ValidatorSet::remove_validator { who: account("Dave") }),
	);
	// Alice's node on the local testnet (its node key is her ed25519 seed).
	let peer = "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";
	let peer_bytes = || {
		OpaquePeerId(sc_network_types::PeerId::from_str(peer).expect("a valid peer id").to_bytes())
	};
	case(
		&["authorize-node", peer, "//Dave"],
		RuntimeCall::NodeAuthorization(NodeAuthorization::add_well_known_node {
			node: peer_bytes(),
			owner: address("Dave"),
		}),
	);
	case(
		&["remove-node", peer],
		RuntimeCall::NodeAuthorization(NodeAuthorization::remove_well_known_node {
			node: peer_bytes(),
		}),
	);
	case(
		&["add-member", "//Dave", "--set", "assessors"],
		RuntimeCall::Assessors(Membership::add_member { who: address("Dave") }),
	);
	case(
		&["remove-member", "//Dave", "--set", "filing-operators"],
		RuntimeCall::FilingOperators(Membership::remove_member { who: address("Dave") }),
	);
	case(
		&["swap-member", "//Bob", "//Dave", "--set", "regulators"],
		RuntimeCall::Regulators(Membership::swap_member {
			remove: address("Bob"),
			add: address("Dave"),
		}),
	);
	case(
		&["add-member", "//Dave", "--set", "consortium"],
		RuntimeCall::ConsortiumMembership(Membership::add_member { who: address("Dave") }),
	);
	case(
		&["add-member", "//Dave", "--set", "moderators"],
		RuntimeCall::Moderators(Membership::add_member { who: address("Dave") }),
	);
	let code = hex(0xc0);
	case(
		&["authorize-upgrade", "--hash", &code],
		filing(Filing::authorize_upgrade { code_hash: hash(0xc0) }),
	);
	let (wasm, wasm_hash) = file("upgrade.wasm", b"\0asm upgrade");
	case(
		&["authorize-upgrade", wasm.to_str().unwrap()],
		filing(Filing::authorize_upgrade { code_hash: wasm_hash }),
	);
	case(&strs(&with(&["filing", "register"], FILING_FIELDS)), filing(register()));
	case(&strs(&with(&["filing", "change"], FILING_FIELDS)), {
		let Filing::register { number, service_name, provider, service_type, urls } = register()
		else {
			unreachable!()
		};
		filing(Filing::change { number, service_name, provider, service_type, urls })
	});
	case(&["filing", "cancel"], filing(Filing::cancel));
	case(&["filing", "review"], filing(Filing::confirm_review));
	case(&["filing", "start", "7"], filing(Filing::record_service_start { at: 7 }));
	let doc = hex(0xd0);
	case(
		&[
			"rules",
			"publish",
			"--kind",
			"management",
			"--version",
			"3",
			"--doc-hash",
			&doc,
			"--uri",
			"u",
		],
		filing(Filing::publish_rules {
			kind: RulesKind::ManagementRules,
			version: 3,
			doc_hash: hash(0xd0),
			uri: b"u".to_vec(),
		}),
	);

	let motion = hex(0x3a);
	encodes(
		&["gov", "vote", &motion, "--index", "2", "--aye"],
		RuntimeCall::Consortium(Collective::vote { proposal: hash(0x3a), index: 2, approve: true }),
	);
	encodes(
		&["gov", "vote", &motion, "--index", "0", "--nay", "--body", "regulators"],
		RuntimeCall::RegulatorsCollective(Collective::vote {
			proposal: hash(0x3a),
			index: 0,
			approve: false,
		}),
	);
	encodes(
		&["gov", "apply-upgrade", wasm.to_str().unwrap()],
		RuntimeCall::System(System::apply_authorized_upgrade { code: b"\0asm upgrade".to_vec() }),
	);
}

/// The subcommands that read, or whose call depends on the chain beyond [`Now`]: `gov close`
/// (the motion's weight and length) and `gov propose`'s wrapping of its proposal (the body's
/// size); the black-box tests in `cli/tests` run each of them against a node.
const NOT_ENCODED_OFFLINE: &[&str] = &[
	"filing status",
	"filing history",
	"rules show",
	"identity status",
	"identity registrars",
	"content status",
	"report list",
	"report show",
	"report case",
	"account standing",
	"assess show",
	"service status",
	"gov close",
	"gov motions",
	"hash",
];

/// The paths of every leaf subcommand of `command`, below `prefix`.
fn leaves(command: &clap::Command, prefix: &str, out: &mut BTreeSet<String>) {
	for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
		let path = format!("{prefix}{}", sub.get_name());
		if sub.has_subcommands() {
			leaves(sub, &format!("{path} "), out);
		} else {
			out.insert(path);
		}
	}
}

/// Runs every case above and checks that together they built a call for every subcommand but
/// the reads, and that no read builds one.
#[test]
fn every_subcommand_is_covered() {
	filing_and_rules_commands_encode_their_calls();
	identity_commands_encode_their_calls();
	content_commands_encode_their_calls();
	report_commands_encode_their_calls();
	account_assess_and_service_commands_encode_their_calls();
	gov_commands_encode_their_calls();
	let encoded = ENCODED.with(|seen| seen.borrow().clone());

	let mut all = BTreeSet::new();
	leaves(&Cli::command(), "", &mut all);
	let reads: BTreeSet<String> = NOT_ENCODED_OFFLINE.iter().map(|s| s.to_string()).collect();
	let missing: Vec<_> = all.difference(&encoded).filter(|p| !reads.contains(*p)).collect();
	assert!(
		missing.is_empty(),
		"subcommands with no offline case, not listed as reads: {missing:?}"
	);
	let stale: Vec<_> = reads.difference(&all).collect();
	assert!(stale.is_empty(), "listed as reads but no such subcommand: {stale:?}");
	// The reads really build no call, so that none of them is a transaction left untested.
	for read in NOT_ENCODED_OFFLINE.iter().filter(|p| !["hash", "gov close"].contains(p)) {
		let mut argv: Vec<&str> = read.split(' ').collect();
		argv.extend(match *read {
			"identity status" | "account standing" => &["//Ferdie"][..],
			"content status" =>
				&["0x0101010101010101010101010101010101010101010101010101010101010101"][..],
			"report show" | "report case" => &["1"][..],
			"assess show" =>
				&["0x0101010101010101010101010101010101010101010101010101010101010101"][..],
			_ => &[][..],
		});
		assert!(built(&argv).is_none(), "{read} builds a call");
	}
}
