//! # compliance
//!
//! The command-line tool of Compliance Chain, for every role: the operator's consortium (admin
//! actions by motion), the filing operator (filing record, rules), registrars (real-name
//! verification), moderators (content and disposal measures, reports and appeals), assessors
//! (security assessments), regulators (service suspension, their own motions, read access) and
//! users (publishing, reporting, appealing).
//!
//! It talks to a node over WebSocket RPC through `compliance-client`, whose types are generated
//! from the runtime's metadata: every call is built from a generated call with named fields, every
//! read from a generated runtime-API payload or storage address. Each command lives in one module
//! of [`commands`], with its arguments, what it reads or submits, and how it renders; this file
//! only dispatches. See `cli/README.md` for a walk-through.
//!
//! Output is human-readable lines on stdout, or JSON with `--json`; transaction progress goes to
//! stderr. Every failure is one line on stderr and a non-zero exit code (see [`CliError`]).
//! The secrets given with `--suri` are never printed.

#![deny(missing_docs)]

mod args;
mod chain;
mod commands;
mod error;
#[cfg(test)]
mod offline_calls;
mod output;
/// The renderer the node's JSON-RPC shares, so one value reads the same from both.
use compliance_render as render;

use clap::{Parser, Subcommand};
use commands::{
	account::AccountCmd,
	assess::AssessCmd,
	content::ContentCmd,
	filing::{FilingCmd, RulesCmd},
	gov::GovArgs,
	hash::HashCmd,
	identity::IdentityCmd,
	report::ReportCmd,
	service::ServiceCmd,
	Ctx,
};
use error::CliError;
use output::Output;
use std::process::ExitCode;

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
	Gov(GovArgs),
	/// Print the blake2-256 hash of a file or text (nothing is sent anywhere).
	Hash(HashCmd),
}

#[tokio::main]
async fn main() -> ExitCode {
	let cli = match Cli::try_parse() {
		Ok(cli) => cli,
		Err(e) => return usage_error(e),
	};
	let ctx = Ctx { url: &cli.url, suris: &cli.suri };
	match run(&cli.command, &ctx).await {
		Ok(output) => {
			output.print(cli.json);
			ExitCode::SUCCESS
		},
		Err(e) => {
			eprintln!("error: {e}");
			ExitCode::from(e.exit_code())
		},
	}
}

/// Runs `command`.
async fn run(command: &Command, ctx: &Ctx<'_>) -> Result<Output, CliError> {
	match command {
		Command::Filing(cmd) => cmd.run(ctx).await,
		Command::Rules(cmd) => cmd.run(ctx).await,
		Command::Identity(cmd) => cmd.run(ctx).await,
		Command::Content(cmd) => cmd.run(ctx).await,
		Command::Report(cmd) => cmd.run(ctx).await,
		Command::Account(cmd) => cmd.run(ctx).await,
		Command::Assess(cmd) => cmd.run(ctx).await,
		Command::Service(cmd) => cmd.run(ctx).await,
		Command::Gov(cmd) => cmd.run(ctx).await,
		Command::Hash(cmd) => cmd.run(),
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
