//! # compliance
//!
//! The command-line tool of Compliance Chain, for every role: the operator's consortium (admin
//! actions by motion), the filing operator (filing record, rules), registrars (real-name
//! verification), moderators (content and disposal measures, reports and appeals), assessors
//! (security assessments), regulators (service suspension, their own motions, read access) and
//! users (publishing, reporting, appealing).
//!
//! It talks to a node over WebSocket RPC with subxt's dynamic, metadata-driven API: calls are
//! encoded and answers decoded from the node's own metadata, reads go through the runtime APIs
//! (`RealNameApi`, `ModerationApi`, `FilingApi`). See `cli/README.md` for a walk-through.
//!
//! Output is human-readable lines on stdout, or JSON with `--json`; transaction progress goes to
//! stderr. Every failure is one line on stderr and a non-zero exit code (see [`CliError`]).
//! The secrets given with `--suri` are never printed.

#![deny(missing_docs)]

mod args;
mod bench;
mod chain;
mod error;
mod export;
mod gov;
mod render;

use args::{
	account, address, commitment, hash, hash_file, hash_or_file, hash_text, num, option,
	parse_account, parse_hash, text, unit, Action, AppealDecisionArgs, ChainEnum, ContentKind,
	Level, NoteArgs, Reason, Revocation, RulesKind, Scope, ServiceType, Until, Verdict,
};
use chain::{api, call, constant_u32, At, Call, Chain};
use clap::{ArgGroup, Args, Parser, Subcommand};
use error::CliError;
use render::Node;
use std::{path::PathBuf, process::ExitCode, str::FromStr};
use subxt::{
	dynamic::Value,
	utils::{to_hex, AccountId32, H256},
};
use subxt_signer::{sr25519::Keypair, SecretUri};

/// Drive Compliance Chain from the command line.
#[derive(Parser, Debug)]
#[command(name = "compliance", version, about, long_about = None)]
struct Cli {
	/// The node's WebSocket RPC address.
	#[arg(long, global = true, env = "COMPLIANCE_URL", default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// The signing key, for commands that submit a transaction: a dev URI (`//Alice`), a
	/// mnemonic (optionally with `//derivation` and `///password`) or a `0x` seed. Prefer the
	/// environment variable, which keeps the secret out of the shell history. Never printed.
	/// `gov propose` takes it repeatedly, one key per member: the first proposes, every one
	/// votes aye, and the motion is closed once their ayes carry it.
	#[arg(long, global = true, env = "COMPLIANCE_SURI", hide_env_values = true)]
	suri: Vec<String>,
	/// Print machine-readable JSON on stdout.
	#[arg(long, global = true)]
	json: bool,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
	/// The filing record (operator: register, change, cancel, review; anyone: status).
	#[command(subcommand)]
	Filing(FilingCmd),
	/// Management rules and the platform convention (operator: publish; users: ack).
	#[command(subcommand)]
	Rules(RulesCmd),
	/// Real-name verification (registrars: verify, renew, revoke; anyone: status).
	#[command(subcommand)]
	Identity(IdentityCmd),
	/// Content by hash (users: publish; moderators: flag, hide, restore; anyone: status).
	#[command(subcommand)]
	Content(ContentCmd),
	/// Complaints and appeals (users: file, appeal; moderators: resolve, decide).
	#[command(subcommand)]
	Report(ReportCmd),
	/// Disposal measures on accounts (moderators), standing (anyone), transfers (users).
	#[command(subcommand)]
	Account(AccountCmd),
	/// Security assessments of runtime code (assessors: record, revoke; anyone: show).
	#[command(subcommand)]
	Assess(AssessCmd),
	/// Service suspension (regulators: suspend, resume; anyone: status).
	#[command(subcommand)]
	Service(ServiceCmd),
	/// Governance by motion: the consortium's admin actions, the regulators' own (propose, vote,
	/// close, list open motions), and applying an authorized runtime upgrade.
	Gov(gov::GovArgs),
	/// Print the blake2-256 hash of a file or text (nothing is sent anywhere).
	Hash(HashCmd),
	/// Write every compliance event touching an account or a content hash, over a block range,
	/// as JSON lines (read from an archive node: `--state-pruning archive`).
	#[command(group(ArgGroup::new("subject").required(true).args(["account", "content"])))]
	Export {
		/// The account (SS58 address or dev URI such as //Ferdie).
		#[arg(long, value_parser = parse_account)]
		account: Option<AccountId32>,
		/// ... or the content hash (64 hex digits).
		#[arg(long, value_parser = parse_hash)]
		content: Option<H256>,
		/// The first block of the range.
		#[arg(long, default_value_t = 0)]
		from: u64,
		/// The last block of the range (default: the latest finalized block).
		#[arg(long)]
		to: Option<u64>,
		/// Write the lines to this file instead of stdout.
		#[arg(long)]
		out: Option<PathBuf>,
	},
	/// Measure the chain's throughput (see `compliance bench transfers --help`).
	#[command(subcommand)]
	Bench(BenchCmd),
}

#[derive(Subcommand, Debug)]
enum BenchCmd {
	/// Keep-alive transfers between prepared accounts: sTPS, blocks, the largest block; with
	/// `--spam`, a second round while unverified accounts submit transfers too.
	///
	/// Prepares the senders first (verified by `--registrar` where the chain has the real-name
	/// pallet, funded by `--funder`, acknowledging the current convention); reruns reuse them.
	Transfers {
		/// How many sender accounts (derived as //bench-sender//<i>).
		#[arg(long, default_value_t = 2000)]
		senders: u32,
		/// How many transfers each sender submits per round.
		#[arg(long, default_value_t = 4)]
		per_sender: u32,
		/// Run a second round while as many unverified accounts (//bench-spammer//<i>) submit
		/// transfers of their own.
		#[arg(long)]
		spam: bool,
		/// The key that funds the senders (a development chain's //Alice by default).
		#[arg(
			long,
			env = "COMPLIANCE_BENCH_FUNDER",
			default_value = "//Alice",
			hide_default_value = true
		)]
		funder: String,
		/// The registrar key that verifies the senders (real-name chains only).
		#[arg(
			long,
			env = "COMPLIANCE_BENCH_REGISTRAR",
			default_value = "//Alice",
			hide_default_value = true
		)]
		registrar: String,
		/// A round ends after this many blocks without a new benchmark transfer.
		#[arg(long, default_value_t = 3)]
		idle_blocks: u32,
	},
}

#[derive(Subcommand, Debug)]
enum FilingCmd {
	/// The filing status, record, deadlines and service status.
	Status,
	/// Previous versions of the filing record.
	History,
	#[command(flatten)]
	Call(FilingCall),
}

/// The filing operator's calls: signed by a filing operator, or proposed to the consortium
/// (`gov propose filing ...`), whose motion the filing origin accepts too.
#[derive(Subcommand, Debug)]
enum FilingCall {
	/// Register the filing with the number the regulator issued (filing operator).
	Register(FilingFields),
	/// Replace the filing record's fields (filing operator).
	Change(FilingFields),
	/// Cancel the filing, for ever: the service ended (filing operator).
	Cancel,
	/// Confirm the periodic review of the filing (filing operator).
	Review,
	/// Record the block at which the service started (filing operator; once).
	Start {
		/// The block.
		block: u32,
	},
}

impl FilingCall {
	/// The `Filing` call this command makes.
	fn call(&self) -> Call {
		match self {
			FilingCall::Register(f) => call("Filing", "register", filing_fields(f)),
			FilingCall::Change(f) => call("Filing", "change", filing_fields(f)),
			FilingCall::Cancel => call("Filing", "cancel", vec![]),
			FilingCall::Review => call("Filing", "confirm_review", vec![]),
			FilingCall::Start { block } =>
				call("Filing", "record_service_start", vec![num(*block)]),
		}
	}
}

#[derive(Args, Debug)]
struct FilingFields {
	/// The filing number, e.g. 京网信备11010819339401号.
	#[arg(long)]
	number: String,
	/// The service's name.
	#[arg(long)]
	service_name: String,
	/// The provider's (operator's legal entity) name.
	#[arg(long)]
	provider: String,
	/// The kind of service.
	#[arg(long, value_enum, default_value = "platform")]
	service_type: ServiceType,
	/// A platform URL the filing covers (repeat for several).
	#[arg(long = "platform-url", required = true)]
	platform_urls: Vec<String>,
}

#[derive(Subcommand, Debug)]
enum RulesCmd {
	#[command(flatten)]
	Call(RulesCall),
	/// The current rules documents and convention version.
	Show {
		/// Also list previous versions.
		#[arg(long)]
		history: bool,
	},
	/// Acknowledge the platform convention (users; the current version if none given).
	Ack {
		/// The version to acknowledge.
		version: Option<u32>,
	},
}

/// The filing operator's rules calls: signed by a filing operator, or proposed to the
/// consortium (`gov propose rules publish ...`).
#[derive(Subcommand, Debug)]
enum RulesCall {
	/// Publish a new version of a rules document (filing operator).
	#[command(group(ArgGroup::new("doc").required(true).args(["doc_hash", "doc_file"])))]
	Publish {
		/// Which document.
		#[arg(long, value_enum)]
		kind: RulesKind,
		/// Its version, greater than the current one.
		#[arg(long)]
		version: u32,
		/// The hash of the document's text.
		#[arg(long, value_parser = parse_hash)]
		doc_hash: Option<H256>,
		/// ... or the document, to hash here.
		#[arg(long)]
		doc_file: Option<PathBuf>,
		/// Where the document can be read.
		#[arg(long)]
		uri: String,
	},
}

impl RulesCall {
	/// The `Filing` call this command makes.
	fn call(&self) -> Result<Call, CliError> {
		match self {
			RulesCall::Publish { kind, version, doc_hash, doc_file, uri } => {
				let doc = hash_or_file(*doc_hash, doc_file.as_ref(), "--doc-hash or --doc-file")?;
				Ok(call(
					"Filing",
					"publish_rules",
					vec![kind.value(), num(*version), hash(&doc), text(uri)],
				))
			},
		}
	}
}

#[derive(Subcommand, Debug)]
enum IdentityCmd {
	/// Verify an account (registrar). The commitment is a salted hash of the identity data.
	#[command(group(ArgGroup::new("commit").required(true).args(["commitment", "identity_file"])))]
	Verify {
		/// The account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
		/// The commitment, computed elsewhere.
		#[arg(long, value_parser = parse_hash)]
		commitment: Option<H256>,
		/// ... or the identity data file: the commitment is blake2-256(salt ++ file). The file
		/// never leaves this machine.
		#[arg(long, requires = "salt")]
		identity_file: Option<PathBuf>,
		/// The salt for `--identity-file` (keep it with the identity record).
		#[arg(long)]
		salt: Option<String>,
		/// How thoroughly the identity was checked.
		#[arg(long, value_enum, default_value = "basic")]
		level: Level,
		/// When the verification expires.
		#[command(flatten)]
		expires: Until,
	},
	/// Renew a verification this registrar issued, with a new expiry (registrar).
	Renew {
		/// The account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
		/// When the verification expires.
		#[command(flatten)]
		expires: Until,
	},
	/// Revoke a verification this registrar issued (registrar).
	Revoke {
		/// The account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
		/// Why.
		#[arg(long, value_enum)]
		reason: Revocation,
		/// Kept for those used to it: a forced revocation (any registrar's verification) is a
		/// consortium motion now, `gov propose force-revoke`; this flag only says so.
		#[arg(long, hide = true)]
		force: bool,
	},
	/// An account's verification, standing and the rejection its transactions would get.
	Status {
		/// The account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
	},
	/// Every registrar.
	Registrars,
}

#[derive(Subcommand, Debug)]
enum ContentCmd {
	/// Publish content by hash (verified users).
	#[command(group(ArgGroup::new("content").required(true).args(["hash", "file"])))]
	Publish {
		/// The content's hash.
		#[arg(value_parser = parse_hash)]
		hash: Option<H256>,
		/// ... or the content file, to hash here.
		#[arg(long)]
		file: Option<PathBuf>,
		/// What kind of content it is.
		#[arg(long, value_enum, default_value = "text")]
		kind: ContentKind,
		/// Where it can be fetched.
		#[arg(long, default_value = "")]
		uri: String,
	},
	/// Flag content for attention; it stays visible (moderator).
	Flag {
		/// The content's hash.
		#[arg(value_parser = parse_hash)]
		hash: H256,
		/// Why.
		#[arg(long, value_enum)]
		reason: Reason,
	},
	/// Hide content, or block-list a hash never published (moderator).
	Hide {
		/// The content's hash.
		#[arg(value_parser = parse_hash)]
		hash: H256,
		/// Why.
		#[arg(long, value_enum)]
		reason: Reason,
		#[command(flatten)]
		note: NoteArgs,
	},
	/// Make hidden or flagged content visible again (moderator).
	Restore {
		/// The content's hash.
		#[arg(value_parser = parse_hash)]
		hash: H256,
		#[command(flatten)]
		note: NoteArgs,
	},
	/// Content status, author, and its latest case.
	Status {
		/// The content's hash.
		#[arg(value_parser = parse_hash)]
		hash: H256,
	},
}

#[derive(Subcommand, Debug)]
enum ReportCmd {
	/// File a complaint about content or an account (verified users).
	#[command(group(ArgGroup::new("target").required(true).args(["content", "account"])))]
	#[command(group(ArgGroup::new("evidence").required(true).args(["evidence_hash", "evidence_file"])))]
	File {
		/// The content hash complained about.
		#[arg(long, value_parser = parse_hash)]
		content: Option<H256>,
		/// ... or the account complained about.
		#[arg(long, value_parser = parse_account)]
		account: Option<AccountId32>,
		/// The category of the complaint.
		#[arg(long, value_enum)]
		category: Reason,
		/// The hash of the evidence (kept off chain).
		#[arg(long, value_parser = parse_hash)]
		evidence_hash: Option<H256>,
		/// ... or the evidence file, to hash here.
		#[arg(long)]
		evidence_file: Option<PathBuf>,
	},
	/// Unresolved reports (or only the overdue ones).
	List {
		/// Only reports past their response deadline.
		#[arg(long)]
		overdue: bool,
		/// Start after this report id (paging).
		#[arg(long)]
		start_after: Option<u64>,
		/// At most this many.
		#[arg(long, default_value_t = 50)]
		limit: u32,
	},
	/// One report.
	Show {
		/// The report id.
		id: u64,
	},
	/// One moderation case (an action on record).
	Case {
		/// The case id.
		id: u64,
	},
	/// Resolve a report: dismiss it, or uphold it with a measure (moderator).
	#[command(group(ArgGroup::new("outcome").required(true).args(["dismiss", "uphold"])))]
	Resolve {
		/// The report id.
		id: u64,
		/// The complaint was not justified.
		#[arg(long)]
		dismiss: bool,
		/// The complaint was justified; take this measure.
		#[arg(long, value_enum)]
		uphold: Option<Action>,
		/// For `--uphold restrict`: what the account may no longer do.
		#[arg(long, value_enum)]
		scope: Option<Scope>,
		/// For `--uphold restrict|suspend`: the end of the measure.
		#[command(flatten)]
		until: Until,
		#[command(flatten)]
		note: NoteArgs,
	},
	/// Appeal a case against one's content or account (once per case).
	#[command(group(ArgGroup::new("statement_src").required(true).args(["statement_hash", "statement_file", "statement"])))]
	Appeal {
		/// The case id.
		case: u64,
		/// The hash of the appellant's statement.
		#[arg(long, value_parser = parse_hash)]
		statement_hash: Option<H256>,
		/// ... or the statement file, to hash here.
		#[arg(long)]
		statement_file: Option<PathBuf>,
		/// ... or the statement text: only its hash goes on chain.
		#[arg(long)]
		statement: Option<String>,
	},
	/// Decide the appeal of a case (a moderator other than the one who acted).
	Decide(AppealDecisionArgs),
}

#[derive(Subcommand, Debug)]
enum AccountCmd {
	/// Warn an account (moderator).
	Warn(Measure),
	/// Restrict an account from publishing, transfers or reporting until a block (moderator).
	Restrict {
		#[command(flatten)]
		measure: Measure,
		/// What the account may no longer do.
		#[arg(long, value_enum)]
		scope: Scope,
		#[command(flatten)]
		until: Until,
	},
	/// Suspend an account until a block: no transactions but appeals (moderator).
	Suspend {
		#[command(flatten)]
		measure: Measure,
		#[command(flatten)]
		until: Until,
	},
	/// Close an account; only `lift` reopens it (moderator).
	Close(Measure),
	/// Lift the measure in force on an account (moderator).
	Lift(Measure),
	/// An account's standing, warnings and verification.
	Standing {
		/// The account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
	},
	/// Transfer balance to a verified account (users).
	Transfer {
		/// The recipient.
		#[arg(value_parser = parse_account)]
		to: AccountId32,
		/// The amount, in the smallest unit (1 CMP = 10^12).
		amount: u128,
	},
}

#[derive(Args, Debug)]
struct Measure {
	/// The account.
	#[arg(value_parser = parse_account)]
	who: AccountId32,
	/// Why.
	#[arg(long, value_enum, default_value = "other")]
	reason: Reason,
}

#[derive(Args, Debug)]
#[group(required = true, multiple = false)]
struct CodeArg {
	/// The runtime code hash (blake2-256 of the Wasm blob).
	#[arg(value_parser = parse_hash)]
	code_hash: Option<H256>,
	/// ... or the Wasm blob, to hash here.
	#[arg(long)]
	wasm: Option<PathBuf>,
}

impl CodeArg {
	fn hash(&self) -> Result<H256, CliError> {
		hash_or_file(self.code_hash, self.wasm.as_ref(), "a code hash or --wasm")
	}
}

#[derive(Subcommand, Debug)]
enum AssessCmd {
	/// Record the security assessment of runtime code (assessor).
	#[command(group(ArgGroup::new("report").required(true).args(["report_hash", "report_file"])))]
	Record {
		#[command(flatten)]
		code: CodeArg,
		/// The hash of the assessment report.
		#[arg(long, value_parser = parse_hash)]
		report_hash: Option<H256>,
		/// ... or the report file, to hash here.
		#[arg(long)]
		report_file: Option<PathBuf>,
		/// The outcome.
		#[arg(long, value_enum)]
		verdict: Verdict,
	},
	/// The assessment recorded for runtime code.
	Show {
		#[command(flatten)]
		code: CodeArg,
	},
	/// Revoke the assessment of runtime code (assessor).
	Revoke {
		#[command(flatten)]
		code: CodeArg,
	},
}

#[derive(Subcommand, Debug)]
enum ServiceCmd {
	/// Suspend the service: users' transactions are refused until resumed (regulator).
	#[command(group(ArgGroup::new("why").required(true).args(["reason_hash", "reason_file", "reason"])))]
	Suspend {
		/// The hash of the reasons document.
		#[arg(long, value_parser = parse_hash)]
		reason_hash: Option<H256>,
		/// ... or the reasons document, to hash here.
		#[arg(long)]
		reason_file: Option<PathBuf>,
		/// ... or the reasons as text: only the hash goes on chain.
		#[arg(long)]
		reason: Option<String>,
	},
	/// Resume the suspended service (regulator).
	Resume,
	/// Whether the service is running or suspended.
	Status,
}

#[derive(Args, Debug)]
#[command(group(ArgGroup::new("input").required(true).args(["file", "text"])))]
struct HashCmd {
	/// The file to hash.
	file: Option<PathBuf>,
	/// ... or a text to hash.
	#[arg(long)]
	text: Option<String>,
}

/// What a command produced.
enum Output {
	/// Something read from the chain or computed here.
	Read(Node),
	/// The receipt of a finalized transaction.
	Receipt(Node),
	/// The receipts of several finalized transactions, in order, and what they came to (a
	/// motion's steps and its state after them).
	Steps {
		/// One receipt per transaction.
		receipts: Vec<Node>,
		/// The outcome, a map.
		summary: Node,
	},
	/// The command wrote its own output (an export).
	Written,
}

#[tokio::main]
async fn main() -> ExitCode {
	let cli = match Cli::try_parse() {
		Ok(cli) => cli,
		Err(e) => return usage_error(e),
	};
	match run(&cli).await {
		Ok(output) => {
			print(&output, cli.json);
			ExitCode::SUCCESS
		},
		Err(e) => {
			eprintln!("error: {e}");
			ExitCode::from(e.exit_code())
		},
	}
}

/// Reports a command-line error in one line. If a `--suri` was given, argument values are not
/// repeated: an unquoted mnemonic would otherwise show up as "unexpected argument 'word'".
fn usage_error(e: clap::Error) -> ExitCode {
	use clap::error::ErrorKind;
	if matches!(
		e.kind(),
		ErrorKind::DisplayHelp |
			ErrorKind::DisplayVersion |
			ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
	) {
		let _ = e.print();
		return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
	}
	let rendered = e.render().to_string();
	let mut line = rendered
		.lines()
		.find(|l| !l.trim().is_empty())
		.unwrap_or("invalid arguments")
		.to_string();
	let argv: Vec<String> = std::env::args().skip(1).collect();
	if argv.iter().any(|a| a == "--suri" || a.starts_with("--suri=")) {
		for arg in argv.iter().filter(|a| !a.starts_with('-') || a.starts_with("--suri=")) {
			line = line.replace(&format!("'{arg}'"), "'…'");
		}
	}
	let line = line.strip_prefix("error: ").unwrap_or(&line);
	eprintln!("error: {line}");
	ExitCode::from(2)
}

/// Prints `output` on stdout. A closed pipe (`| head`) is not an error.
fn print(output: &Output, json: bool) {
	use std::io::Write;
	let text = render(output, json);
	let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// The text `output` prints as.
fn render(output: &Output, json: bool) -> String {
	let as_json =
		|node: &Node| serde_json::to_string_pretty(&node.to_json()).unwrap_or_default() + "\n";
	match (output, json) {
		(Output::Written, _) => String::new(),
		(Output::Read(node) | Output::Receipt(node), true) => as_json(node),
		(Output::Read(node), false) => node.to_human(),
		(Output::Receipt(receipt), false) => receipt_text(receipt),
		(Output::Steps { receipts, summary }, true) => {
			let mut all = summary.clone();
			if let Node::Map(entries) = &mut all {
				entries.push(("transactions".into(), Node::List(receipts.clone())));
			}
			as_json(&all)
		},
		(Output::Steps { receipts, summary }, false) => {
			let mut out: String = receipts.iter().map(receipt_text).collect();
			out.push_str(&summary.to_human());
			out
		},
	}
}

/// A transaction's receipt for people: the call and its block, then each event and its fields.
fn receipt_text(receipt: &Node) -> String {
	let field = |key: &str| receipt.get(key).map(Node::to_human).unwrap_or_default();
	let mut out = format!(
		"{} finalized in block #{} ({})\n",
		field("call").trim(),
		field("block").trim(),
		field("block_hash").trim()
	);
	if let Some(Node::List(events)) = receipt.get("events") {
		for event in events {
			let name = event.get("event").map(Node::to_human).unwrap_or_default();
			out.push_str(&format!("{}\n", name.trim()));
			if let Some(Node::Map(fields)) = event.get("fields") {
				for line in Node::Map(fields.clone()).to_human().lines() {
					out.push_str(&format!("  {line}\n"));
				}
			}
		}
	}
	out
}

/// The one signing key from `--suri`. Its text is never put into a message.
fn signer(suris: &[String]) -> Result<Keypair, CliError> {
	match signers(suris)?.as_slice() {
		[key] => Ok(key.clone()),
		_ => Err(CliError::Usage(
			"this command signs with one key: give --suri once (only `gov propose` takes several)"
				.into(),
		)),
	}
}

/// Every signing key from `--suri`, in order, at least one. Their text is never put into a
/// message.
fn signers(suris: &[String]) -> Result<Vec<Keypair>, CliError> {
	if suris.is_empty() {
		return Err(CliError::Usage(
			"this command submits a transaction: give --suri or set COMPLIANCE_SURI".into(),
		));
	}
	suris
		.iter()
		.enumerate()
		.map(|(i, suri)| {
			let invalid = || {
				let which =
					if suris.len() > 1 { format!("--suri #{}", i + 1) } else { "--suri".into() };
				CliError::Usage(format!(
					"{which} is not a valid dev URI, mnemonic or 0x seed (the value is not shown)"
				))
			};
			let uri = SecretUri::from_str(suri).map_err(|_| invalid())?;
			Keypair::from_uri(&uri).map_err(|_| invalid())
		})
		.collect()
}

async fn run(cli: &Cli) -> Result<Output, CliError> {
	// Offline commands first; everything else needs the node.
	if let Command::Hash(cmd) = &cli.command {
		let h = match (&cmd.file, &cmd.text) {
			(Some(file), _) => hash_file(file)?,
			(None, Some(t)) => hash_text(t),
			(None, None) => return Err(CliError::Usage("give a file or --text".into())),
		};
		return Ok(Output::Read(Node::map([("blake2_256", Node::text(to_hex(h)))])));
	}
	if let Command::Bench(BenchCmd::Transfers {
		senders,
		per_sender,
		spam,
		funder,
		registrar,
		idle_blocks,
	}) = &cli.command
	{
		let key = |suri: &String, what: &str| {
			signer(std::slice::from_ref(suri)).map_err(|_| {
				CliError::Usage(format!("--{what} is not a valid key URI (the value is not shown)"))
			})
		};
		let bench = bench::TransferBench {
			senders: *senders,
			per_sender: *per_sender,
			spam: *spam,
			funder: key(funder, "funder")?,
			registrar: key(registrar, "registrar")?,
			idle_blocks: *idle_blocks,
		};
		let node = bench::BenchClient::connect(&cli.url).await?;
		return bench::transfers(&node, &bench).await.map(Output::Read);
	}
	if let Command::Export { account, content, from, to, out } = &cli.command {
		let subject = match (account, content) {
			(Some(who), _) => who.0,
			(None, Some(h)) => h.0,
			(None, None) => return Err(CliError::Usage("give --account or --content".into())),
		};
		let request = export::ExportRequest { subject, from: *from, to: *to };
		let mut sink: Box<dyn std::io::Write> = match out {
			Some(path) =>
				Box::new(std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| {
					CliError::Usage(format!("cannot create {}: {e}", path.display()))
				})?)),
			None => Box::new(std::io::stdout().lock()),
		};
		let chain = Chain::connect(&cli.url).await?;
		let (count, first, last) = export::export(chain.client(), &request, &mut sink).await?;
		sink.flush()
			.map_err(|e| CliError::Other(format!("cannot write the export: {e}")))?;
		eprintln!("exported {count} events from blocks #{first}..=#{last}");
		return Ok(Output::Written);
	}
	if let Command::Gov(gov) = &cli.command {
		// Check the keys before connecting, so that a bad key fails fast.
		let keys = if gov.signs() { signers(&cli.suri)? } else { Vec::new() };
		gov.check_keys(&keys)?;
		let chain = Chain::connect(&cli.url).await?;
		return gov::run(&chain, gov, &keys).await;
	}
	if let Command::Identity(IdentityCmd::Revoke { force: true, .. }) = &cli.command {
		return Err(force_revoke_moved());
	}
	// Check the key before connecting, so that a bad key fails fast.
	let key = if is_transaction(&cli.command) { Some(signer(&cli.suri)?) } else { None };
	let chain = Chain::connect(&cli.url).await?;
	let at = chain.at().await?;
	match (&cli.command, key) {
		(command, Some(key)) => {
			let tx = build_call(command, &at).await?;
			chain.submit(&tx, &key).await.map(Output::Receipt)
		},
		(command, None) => read(command, &at).await.map(Output::Read),
	}
}

/// Whether a command submits a transaction.
fn is_transaction(command: &Command) -> bool {
	!matches!(
		command,
		Command::Filing(FilingCmd::Status | FilingCmd::History) |
			Command::Rules(RulesCmd::Show { .. }) |
			Command::Identity(IdentityCmd::Status { .. } | IdentityCmd::Registrars) |
			Command::Content(ContentCmd::Status { .. }) |
			Command::Report(
				ReportCmd::List { .. } | ReportCmd::Show { .. } | ReportCmd::Case { .. }
			) | Command::Account(AccountCmd::Standing { .. }) |
			Command::Assess(AssessCmd::Show { .. }) |
			Command::Service(ServiceCmd::Status) |
			Command::Hash(_) |
			Command::Bench(_) |
			Command::Export { .. } |
			Command::Gov(_)
	)
}

/// The end block of `until`, which `what` requires.
fn end_block(until: &Until, at: &At, what: &str) -> Result<u32, CliError> {
	let per_day =
		if until.days.is_some() { constant_u32(at, "Moderation", "BlocksPerDay")? } else { 0 };
	until
		.block(at.block_number(), per_day)
		.ok_or_else(|| CliError::Usage(format!("{what} needs --until <block>, --blocks or --days")))
}

/// The call a transaction command submits.
async fn build_call(command: &Command, at: &At) -> Result<Call, CliError> {
	Ok(match command {
		Command::Filing(cmd) => match cmd {
			FilingCmd::Call(filing) => filing.call(),
			FilingCmd::Status | FilingCmd::History => unreachable_read()?,
		},
		Command::Rules(cmd) => match cmd {
			RulesCmd::Call(rules) => rules.call()?,
			RulesCmd::Ack { version } => {
				let version = match version {
					Some(v) => *v,
					None => match api(at, "FilingApi", "current_convention", vec![]).await? {
						Node::Uint(v) => u32::try_from(v).unwrap_or(0),
						_ => 0,
					},
				};
				call("RealName", "acknowledge", vec![num(version)])
			},
			RulesCmd::Show { .. } => unreachable_read()?,
		},
		Command::Identity(cmd) => match cmd {
			IdentityCmd::Verify { who, commitment: given, identity_file, salt, level, expires } => {
				let commitment = match (given, identity_file, salt) {
					(Some(c), _, _) => *c,
					(None, Some(file), Some(salt)) => commitment(file, salt)?,
					_ =>
						return Err(CliError::Usage(
							"give --commitment or --identity-file with --salt".into(),
						)),
				};
				let expires_at = end_block(expires, at, "a verification")?;
				call(
					"RealName",
					"verify",
					vec![address(who), hash(&commitment), level.value(), num(expires_at)],
				)
			},
			IdentityCmd::Renew { who, expires } => {
				let expires_at = end_block(expires, at, "a renewal")?;
				call("RealName", "renew", vec![address(who), num(expires_at)])
			},
			IdentityCmd::Revoke { who, reason, force: false } =>
				call("RealName", "revoke", vec![address(who), reason.value()]),
			IdentityCmd::Revoke { force: true, .. } => return Err(force_revoke_moved()),
			IdentityCmd::Status { .. } | IdentityCmd::Registrars => unreachable_read()?,
		},
		Command::Content(cmd) => match cmd {
			ContentCmd::Publish { hash: h, file, kind, uri } => {
				let h = hash_or_file(*h, file.as_ref(), "a content hash or --file")?;
				call("Moderation", "publish", vec![hash(&h), kind.value(), text(uri)])
			},
			ContentCmd::Flag { hash: h, reason } =>
				call("Moderation", "flag", vec![hash(h), reason.value()]),
			ContentCmd::Hide { hash: h, reason, note } =>
				call("Moderation", "hide", vec![hash(h), reason.value(), hash(&note.hash())]),
			ContentCmd::Restore { hash: h, note } =>
				call("Moderation", "restore", vec![hash(h), hash(&note.hash())]),
			ContentCmd::Status { .. } => unreachable_read()?,
		},
		Command::Report(cmd) => match cmd {
			ReportCmd::File { content, account: who, category, evidence_hash, evidence_file } => {
				let target = match (content, who) {
					(Some(h), _) => Value::unnamed_variant("Content", [hash(h)]),
					(None, Some(who)) => Value::unnamed_variant("Account", [account(who)]),
					_ => return Err(CliError::Usage("give --content or --account".into())),
				};
				let evidence = hash_or_file(
					*evidence_hash,
					evidence_file.as_ref(),
					"--evidence-hash or --evidence-file",
				)?;
				call("Moderation", "report", vec![target, category.value(), hash(&evidence)])
			},
			ReportCmd::Resolve { id, dismiss: _, uphold, scope, until, note } => {
				let outcome = match uphold {
					None => unit("Dismissed"),
					Some(action) => {
						let action = match action {
							Action::None => unit("None"),
							Action::Hide => unit("ContentHidden"),
							Action::Warn => unit("AccountWarned"),
							Action::Close => unit("AccountClosed"),
							Action::Restrict => {
								let scope = scope.ok_or_else(|| {
									CliError::Usage("--uphold restrict needs --scope".into())
								})?;
								let until = end_block(until, at, "--uphold restrict")?;
								Value::named_variant(
									"AccountRestricted",
									[("scope", scope.value()), ("until", num(until))],
								)
							},
							Action::Suspend => {
								let until = end_block(until, at, "--uphold suspend")?;
								Value::named_variant("AccountSuspended", [("until", num(until))])
							},
						};
						Value::named_variant("Upheld", [("action", action)])
					},
				};
				call("Moderation", "resolve", vec![num(*id), outcome, hash(&note.hash())])
			},
			ReportCmd::Appeal { case, statement_hash, statement_file, statement } => {
				let statement = match (statement_hash, statement_file, statement) {
					(Some(h), _, _) => *h,
					(None, Some(file), _) => hash_file(file)?,
					(None, None, Some(t)) => hash_text(t),
					_ =>
						return Err(CliError::Usage(
							"give --statement, --statement-hash or --statement-file".into(),
						)),
				};
				call("Moderation", "appeal", vec![num(*case), hash(&statement)])
			},
			ReportCmd::Decide(AppealDecisionArgs { case, uphold, note, .. }) => call(
				"Moderation",
				"decide_appeal",
				vec![num(*case), Value::bool(*uphold), hash(&note.hash())],
			),
			ReportCmd::List { .. } | ReportCmd::Show { .. } | ReportCmd::Case { .. } =>
				unreachable_read()?,
		},
		Command::Account(cmd) => match cmd {
			AccountCmd::Warn(m) =>
				call("Moderation", "warn", vec![account(&m.who), m.reason.value()]),
			AccountCmd::Restrict { measure: m, scope, until } => {
				let until = end_block(until, at, "a restriction")?;
				call(
					"Moderation",
					"restrict",
					vec![account(&m.who), scope.value(), num(until), m.reason.value()],
				)
			},
			AccountCmd::Suspend { measure: m, until } => {
				let until = end_block(until, at, "a suspension")?;
				call("Moderation", "suspend", vec![account(&m.who), num(until), m.reason.value()])
			},
			AccountCmd::Close(m) =>
				call("Moderation", "close", vec![account(&m.who), m.reason.value()]),
			AccountCmd::Lift(m) =>
				call("Moderation", "lift", vec![account(&m.who), m.reason.value()]),
			AccountCmd::Transfer { to, amount } =>
				call("Balances", "transfer_keep_alive", vec![address(to), num(*amount)]),
			AccountCmd::Standing { .. } => unreachable_read()?,
		},
		Command::Assess(cmd) => match cmd {
			AssessCmd::Record { code, report_hash, report_file, verdict } => {
				let report = hash_or_file(
					*report_hash,
					report_file.as_ref(),
					"--report-hash or --report-file",
				)?;
				call(
					"Filing",
					"record_assessment",
					vec![hash(&code.hash()?), hash(&report), verdict.value()],
				)
			},
			AssessCmd::Revoke { code } =>
				call("Filing", "revoke_assessment", vec![hash(&code.hash()?)]),
			AssessCmd::Show { .. } => unreachable_read()?,
		},
		Command::Service(cmd) => match cmd {
			ServiceCmd::Suspend { reason_hash, reason_file, reason } => {
				let why = match (reason_hash, reason_file, reason) {
					(Some(h), _, _) => *h,
					(None, Some(file), _) => hash_file(file)?,
					(None, None, Some(t)) => hash_text(t),
					_ =>
						return Err(CliError::Usage(
							"give --reason, --reason-hash or --reason-file".into(),
						)),
				};
				call("Filing", "suspend_service", vec![hash(&why)])
			},
			ServiceCmd::Resume => call("Filing", "resume_service", vec![]),
			ServiceCmd::Status => unreachable_read()?,
		},
		Command::Hash(_) | Command::Bench(_) | Command::Export { .. } | Command::Gov(_) =>
			unreachable_read()?,
	})
}

fn unreachable_read() -> Result<Call, CliError> {
	Err(CliError::Other("internal: a read command was taken for a transaction".into()))
}

/// What `identity revoke --force` says: the admin's forced revocation is a consortium motion,
/// which one key cannot make alone.
fn force_revoke_moved() -> CliError {
	CliError::Usage(
		"a forced revocation is a consortium motion: run `compliance gov propose force-revoke \
		 <WHO> --reason <REASON>` with the members' keys (--suri once per member)"
			.into(),
	)
}

fn filing_fields(f: &FilingFields) -> Vec<Value> {
	vec![
		text(&f.number),
		text(&f.service_name),
		text(&f.provider),
		f.service_type.value(),
		Value::unnamed_composite(f.platform_urls.iter().map(|u| text(u))),
	]
}

/// `found` unless it is nothing, in which case `what` was not found.
fn found(node: Node, what: impl FnOnce() -> String) -> Result<Node, CliError> {
	match node {
		Node::Null => Err(CliError::NotFound(what())),
		node => Ok(node),
	}
}

/// Replaces the numeric `reject` of an account status with the code's name and description.
fn describe_reject(status: &mut Node) {
	if let Some(Node::Uint(code)) = status.get("reject").cloned() {
		let described = u8::try_from(code)
			.ok()
			.and_then(compliance_primitives::RejectCode::from_code)
			.map(|c| {
				Node::map([
					("code", Node::Uint(code)),
					("name", Node::text(format!("{c:?}"))),
					("description", Node::text(c.description())),
				])
			})
			.unwrap_or(Node::Uint(code));
		status.set("reject", described);
	}
}

/// `(id, record)` pairs as records that start with their id.
fn with_ids(list: Node) -> Node {
	match list {
		Node::List(items) => Node::List(
			items
				.into_iter()
				.map(|item| match item {
					Node::List(mut pair) if pair.len() == 2 => {
						let record = pair.pop().unwrap_or(Node::Null);
						let id = pair.pop().unwrap_or(Node::Null);
						let mut entries = vec![("id".to_string(), id)];
						match record {
							Node::Map(fields) => entries.extend(fields),
							other => entries.push(("record".into(), other)),
						}
						Node::Map(entries)
					},
					other => other,
				})
				.collect(),
		),
		other => other,
	}
}

/// The first item of a list.
fn first(list: Node) -> Node {
	match list {
		Node::List(items) => items.into_iter().next().unwrap_or(Node::Null),
		other => other,
	}
}

/// What a read command prints.
async fn read(command: &Command, at: &At) -> Result<Node, CliError> {
	let block = ("at_block", Node::Uint(at.block_number().into()));
	Ok(match command {
		Command::Filing(FilingCmd::Status) => Node::map([
			("status", api(at, "FilingApi", "filing_status", vec![]).await?),
			("filing", api(at, "FilingApi", "filing", vec![]).await?),
			("filing_deadline", api(at, "FilingApi", "filing_deadline", vec![]).await?),
			("next_review_due", api(at, "FilingApi", "next_review_due", vec![]).await?),
			("service", api(at, "FilingApi", "service_status", vec![]).await?),
			block,
		]),
		Command::Filing(FilingCmd::History) =>
			Node::map([("history", api(at, "FilingApi", "filing_history", vec![]).await?), block]),
		Command::Rules(RulesCmd::Show { history }) => {
			let mut entries = vec![
				("current_convention", api(at, "FilingApi", "current_convention", vec![]).await?),
				(
					"management_rules",
					api(at, "FilingApi", "rules", vec![RulesKind::Management.value()]).await?,
				),
				(
					"platform_convention",
					api(at, "FilingApi", "rules", vec![RulesKind::Convention.value()]).await?,
				),
			];
			if *history {
				entries.push((
					"management_rules_history",
					api(at, "FilingApi", "rules_history", vec![RulesKind::Management.value()])
						.await?,
				));
				entries.push((
					"platform_convention_history",
					api(at, "FilingApi", "rules_history", vec![RulesKind::Convention.value()])
						.await?,
				));
			}
			entries.push(block);
			Node::map(entries)
		},
		Command::Identity(IdentityCmd::Status { who }) => {
			let mut status = api(at, "RealNameApi", "account_status", vec![account(who)]).await?;
			describe_reject(&mut status);
			let mut entries = vec![("account".to_string(), Node::text(who.to_string()))];
			if let Node::Map(fields) = status {
				entries.extend(fields);
			}
			entries.push((block.0.into(), block.1));
			Node::Map(entries)
		},
		Command::Identity(IdentityCmd::Registrars) =>
			Node::map([("registrars", api(at, "RealNameApi", "registrars", vec![]).await?), block]),
		Command::Account(AccountCmd::Standing { who }) => {
			let mut status = api(at, "RealNameApi", "account_status", vec![account(who)]).await?;
			describe_reject(&mut status);
			let record = status.get("record").cloned().unwrap_or(Node::Null);
			Node::map([
				("account", Node::text(who.to_string())),
				("standing", status.get("standing").cloned().unwrap_or(Node::Null)),
				("warnings", record.get("warnings").cloned().unwrap_or(Node::Uint(0))),
				("verified", status.get("verified").cloned().unwrap_or(Node::Null)),
				("reject", status.get("reject").cloned().unwrap_or(Node::Null)),
				block,
			])
		},
		Command::Content(ContentCmd::Status { hash: h }) => {
			let content = api(at, "ModerationApi", "content", vec![hash(h)]).await?;
			let content = found(content, || format!("no content recorded under {h:?}"))?;
			let mut entries = vec![("hash".to_string(), Node::text(to_hex(h)))];
			if let Node::Map(fields) = content {
				entries.extend(fields);
			}
			entries.push((block.0.into(), block.1));
			Node::Map(entries)
		},
		Command::Report(ReportCmd::List { overdue, start_after, limit }) => {
			let method = if *overdue { "overdue_reports" } else { "open_reports" };
			let args = vec![option(start_after.map(num)), num(*limit)];
			Node::map([("reports", with_ids(api(at, "ModerationApi", method, args).await?)), block])
		},
		Command::Report(ReportCmd::Show { id }) => {
			let report = api(at, "ModerationApi", "report", vec![num(*id)]).await?;
			let report = found(report, || format!("no report #{id}"))?;
			first(with_ids(Node::List(vec![Node::List(vec![Node::Uint((*id).into()), report])])))
		},
		Command::Report(ReportCmd::Case { id }) => {
			let case = api(at, "ModerationApi", "case", vec![num(*id)]).await?;
			let case = found(case, || format!("no case #{id}"))?;
			first(with_ids(Node::List(vec![Node::List(vec![Node::Uint((*id).into()), case])])))
		},
		Command::Assess(AssessCmd::Show { code }) => {
			let code_hash = code.hash()?;
			let assessment = api(at, "FilingApi", "assessment", vec![hash(&code_hash)]).await?;
			let assessment =
				found(assessment, || format!("no assessment recorded for {code_hash:?}"))?;
			Node::map([
				("code_hash", Node::text(to_hex(code_hash))),
				("assessment", assessment),
				block,
			])
		},
		Command::Service(ServiceCmd::Status) => Node::map([
			("service", api(at, "FilingApi", "service_status", vec![]).await?),
			("real_name", api(at, "RealNameApi", "service_status", vec![]).await?),
			block,
		]),
		_ => return Err(CliError::Other("internal: a transaction was taken for a read".into())),
	})
}
