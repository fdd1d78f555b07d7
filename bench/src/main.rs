//! # compliance-bench
//!
//! The load generator of Compliance Chain: `transfers` measures a running node's transfer
//! throughput, in transfers per second of block time (sTPS), and with `--spam` what the real-name
//! check refuses under load; `load` keeps a constant rate for a set time and checks that every
//! accepted transaction is finalized exactly once, with the finality lag meanwhile.
//!
//! ```sh
//! compliance-bench transfers --senders 2000 --per-sender 6 --spam --url ws://127.0.0.1:9944
//! compliance-bench load --rate 300 --seconds 600 --url ws://127.0.0.1:9944
//! ```
//!
//! It sees the chain the way the `compliance` tool does, through the typed client
//! `compliance-client` (connection, keys, generated calls and storage, refusal names); what it
//! adds is the bulk path: thousands of transactions signed offline and in flight at once
//! ([`node`]). `scripts/bench-throughput` runs it against the chain's runtime and its throughput
//! baseline and compares the two.
//!
//! The report goes to stdout (JSON with `--json`), progress to stderr. Every failure is one line
//! on stderr and the `compliance` tool's exit codes (see [`error::BenchError`]).

#![deny(missing_docs)]

mod error;
mod load;
mod node;
mod report;
mod transfers;

use clap::{Args, Parser, Subcommand};
use compliance_client::keys::{self, Keypair};
use error::BenchError;
use std::process::ExitCode;

/// Measure the throughput of a Compliance Chain node.
#[derive(Parser, Debug)]
#[command(name = "compliance-bench", version, about, long_about = None)]
struct Cli {
	/// The node's WebSocket RPC address.
	#[arg(long, global = true, env = "COMPLIANCE_URL", default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// Print the report as JSON on stdout.
	#[arg(long, global = true)]
	json: bool,
	#[command(subcommand)]
	command: Command,
}

/// The measurements.
#[derive(Subcommand, Debug)]
enum Command {
	/// Keep-alive transfers between prepared accounts: sTPS, blocks, the largest block; with
	/// `--spam`, a second round while unverified accounts submit transfers too.
	///
	/// Prepares the senders first (verified by `--registrar` where the chain has the real-name
	/// pallet, funded by `--funder`, acknowledging the current convention); reruns reuse them.
	Transfers(TransferArgs),
	/// A constant rate of keep-alive transfers for a set time, each followed by its hash into
	/// the finalized chain: how many were finalized exactly once, lost, included twice or
	/// failed, and how far finality lagged behind the best block meanwhile.
	///
	/// Uses the senders of `transfers` (prepared the same way). Exits with code 5 when the run
	/// was not clean (anything lost, duplicated or failed), after the report.
	Load(LoadArgs),
}

/// The keys that prepare the senders, for both commands.
#[derive(Args, Debug)]
struct SetupKeys {
	/// The key that funds the senders (a development chain's //Alice by default). Never
	/// printed.
	#[arg(
		long,
		env = "COMPLIANCE_BENCH_FUNDER",
		default_value = "//Alice",
		hide_default_value = true,
		hide_env_values = true
	)]
	funder: String,
	/// The registrar key that verifies the senders (real-name chains only). Never printed.
	#[arg(
		long,
		env = "COMPLIANCE_BENCH_REGISTRAR",
		default_value = "//Alice",
		hide_default_value = true,
		hide_env_values = true
	)]
	registrar: String,
}

impl SetupKeys {
	/// The funder's and the registrar's keys; a malformed one is a usage error naming its option.
	fn parse(&self) -> Result<(Keypair, Keypair), BenchError> {
		let key = |suri: &str, option: &str| {
			keys::from_suri(suri)
				.map_err(|invalid| BenchError::Usage(format!("--{option} is {invalid}")))
		};
		Ok((key(&self.funder, "funder")?, key(&self.registrar, "registrar")?))
	}
}

/// The arguments of `load`.
#[derive(Args, Debug)]
struct LoadArgs {
	/// Transfers submitted per second.
	#[arg(long)]
	rate: u32,
	/// For how many seconds.
	#[arg(long)]
	seconds: u32,
	/// How many sender accounts take turns (derived as //bench-sender//<i>).
	#[arg(long, default_value_t = 2000)]
	senders: u32,
	/// The node's transaction pool limit (its `--pool-limit`, 8192 by default): a rate whose
	/// transactions would not fit is refused.
	#[arg(long, default_value_t = 8192)]
	pool_limit: u32,
	/// Seconds to wait after the last submission for every accepted transfer to be finalized.
	#[arg(long, default_value_t = 120)]
	settle_seconds: u32,
	#[command(flatten)]
	keys: SetupKeys,
}

/// The arguments of `transfers`.
#[derive(Args, Debug)]
struct TransferArgs {
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
	#[command(flatten)]
	keys: SetupKeys,
	/// A round ends after this many blocks without a new benchmark transfer.
	#[arg(long, default_value_t = 3)]
	idle_blocks: u32,
}

/// The options whose values are secrets: a command-line error never repeats their words.
const SECRET_OPTIONS: [&str; 2] = ["--funder", "--registrar"];

#[tokio::main]
async fn main() -> ExitCode {
	let cli = match Cli::try_parse() {
		Ok(cli) => cli,
		Err(e) => return usage_error(e),
	};
	match run(&cli).await {
		Ok(Output::Transfers(report)) => {
			print(&if cli.json { report.to_json() } else { report.to_text() });
			ExitCode::SUCCESS
		},
		Ok(Output::Load(report)) => {
			print(&if cli.json {
				serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
			} else {
				report.to_text()
			});
			if report.clean() {
				ExitCode::SUCCESS
			} else {
				let failure = BenchError::Failed("the load was not clean (see the report)".into());
				eprintln!("error: {failure}");
				ExitCode::from(failure.exit_code())
			}
		},
		Err(e) => {
			eprintln!("error: {e}");
			ExitCode::from(e.exit_code())
		},
	}
}

/// What a command reports.
enum Output {
	/// `transfers`.
	Transfers(report::Report),
	/// `load`.
	Load(load::LoadReport),
}

/// Runs the command `cli` names.
async fn run(cli: &Cli) -> Result<Output, BenchError> {
	match &cli.command {
		Command::Transfers(args) => {
			if args.senders < 2 || args.per_sender == 0 {
				return Err(BenchError::Usage(
					"give at least 2 --senders and 1 --per-sender".into(),
				));
			}
			let (funder, registrar) = args.keys.parse()?;
			let bench = transfers::TransferBench {
				senders: args.senders,
				per_sender: args.per_sender,
				spam: args.spam,
				funder,
				registrar,
				idle_blocks: args.idle_blocks,
			};
			let node = node::Node::connect(&cli.url).await?;
			transfers::transfers(&node, &bench).await.map(Output::Transfers)
		},
		Command::Load(args) => {
			let (funder, registrar) = args.keys.parse()?;
			let bench = load::LoadBench {
				rate: args.rate,
				seconds: args.seconds,
				senders: args.senders,
				pool_limit: args.pool_limit,
				settle_seconds: args.settle_seconds,
				funder,
				registrar,
			};
			// Nonsense is refused before the node is asked anything (the slot length, which
			// the pool check needs, comes from the chain: checked again there).
			load::check(&bench, 1)?;
			let node = node::Node::connect(&cli.url).await?;
			load::load(&node, &bench).await.map(Output::Load)
		},
	}
}

/// Reports a command-line error in one line (exit code 2). If a key option was given, argument
/// values are not repeated: an unquoted mnemonic would otherwise show up as "unexpected argument
/// 'word'".
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
	let secret =
		|arg: &str| SECRET_OPTIONS.iter().any(|o| arg == *o || arg.starts_with(&format!("{o}=")));
	if argv.iter().any(|a| secret(a)) {
		for arg in argv.iter().filter(|a| !a.starts_with('-') || secret(a)) {
			line = line.replace(&format!("'{arg}'"), "'…'");
		}
	}
	let line = line.strip_prefix("error: ").unwrap_or(&line);
	eprintln!("error: {line}");
	ExitCode::from(2)
}

/// Prints `text` on stdout. A closed pipe (`| head`) is not an error.
fn print(text: &str) {
	use std::io::Write;
	let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
