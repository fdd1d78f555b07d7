//! `compliance assess`: security assessments of runtime code, the gate on upgrades.

use super::{at_block, found, Ctx, Now, Transaction};
use crate::{
	args::{hash_or_file, parse_hash, Choice},
	chain::view,
	error::CliError,
	output::Output,
	render::Node,
};
use clap::{ArgGroup, Args, Subcommand};
use compliance_client::{
	api::{self, filing::Call as Filing, runtime_types::pallet_filing::types::Verdict},
	RuntimeCall,
};
use std::path::PathBuf;
use subxt::utils::{to_hex, H256};

/// Runtime code, by its hash or its Wasm blob.
#[derive(Args, Debug)]
#[group(required = true, multiple = false)]
pub struct CodeArg {
	/// The runtime code hash (blake2-256 of the Wasm blob).
	#[arg(value_parser = parse_hash)]
	code_hash: Option<H256>,
	/// ... or the Wasm blob, to hash here.
	#[arg(long)]
	wasm: Option<PathBuf>,
}

impl CodeArg {
	/// The code hash.
	fn hash(&self) -> Result<H256, CliError> {
		hash_or_file(self.code_hash, self.wasm.as_ref(), "a code hash or --wasm")
	}
}

/// `compliance assess`.
#[derive(Subcommand, Debug)]
pub enum AssessCmd {
	#[command(flatten)]
	Call(AssessCall),
	/// The assessment recorded for runtime code.
	Show {
		#[command(flatten)]
		code: CodeArg,
	},
}

/// An assessor's calls.
#[derive(Subcommand, Debug)]
pub enum AssessCall {
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
		verdict: Choice<Verdict>,
	},
	/// Revoke the assessment of runtime code (assessor).
	Revoke {
		#[command(flatten)]
		code: CodeArg,
	},
}

impl AssessCmd {
	/// Runs the command.
	pub async fn run(&self, ctx: &Ctx<'_>) -> Result<Output, CliError> {
		match self {
			AssessCmd::Show { code } => {
				let code_hash = code.hash()?;
				let at = ctx.read().await?;
				let assessment =
					view(&at, api::view_functions().filing().assessment(code_hash)).await?;
				let assessment =
					found(assessment, || format!("no assessment recorded for {code_hash:?}"))?;
				Ok(Output::Read(Node::map([
					("code_hash", Node::text(to_hex(code_hash))),
					("assessment", assessment),
					at_block(&at),
				])))
			},
			AssessCmd::Call(call) => ctx.submit(call).await,
		}
	}
}

impl Transaction for AssessCall {
	fn call(&self, _now: &Now) -> Result<RuntimeCall, CliError> {
		Ok(RuntimeCall::Filing(match self {
			AssessCall::Record { code, report_hash, report_file, verdict } =>
				Filing::record_assessment {
					code_hash: code.hash()?,
					report_hash: hash_or_file(
						*report_hash,
						report_file.as_ref(),
						"--report-hash or --report-file",
					)?,
					verdict: verdict.0.clone(),
				},
			AssessCall::Revoke { code } => Filing::revoke_assessment { code_hash: code.hash()? },
		}))
	}
}
