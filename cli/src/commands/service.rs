//! `compliance service`: suspending and resuming the whole service.

use super::{at_block, Ctx, Now, Transaction};
use crate::{
	args::{hash_file, hash_text, parse_hash},
	chain::view,
	error::CliError,
	output::Output,
	render::Node,
};
use clap::{ArgGroup, Subcommand};
use compliance_client::{
	api::{self, filing::Call as Filing},
	RuntimeCall,
};
use std::path::PathBuf;
use subxt::utils::H256;

/// `compliance service`.
#[derive(Subcommand, Debug)]
pub enum ServiceCmd {
	#[command(flatten)]
	Call(ServiceCall),
	/// Whether the service is running or suspended.
	Status,
}

/// A regulator's calls on the service.
#[derive(Subcommand, Debug)]
pub enum ServiceCall {
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
}

impl ServiceCmd {
	/// Runs the command.
	pub async fn run(&self, ctx: &Ctx<'_>) -> Result<Output, CliError> {
		match self {
			ServiceCmd::Status => {
				let at = ctx.read().await?;
				let views = api::view_functions();
				Ok(Output::Read(Node::map([
					("service", view(&at, views.filing().service_status()).await?),
					("real_name", view(&at, views.real_name().service_status()).await?),
					at_block(&at),
				])))
			},
			ServiceCmd::Call(call) => ctx.submit(call).await,
		}
	}
}

impl Transaction for ServiceCall {
	fn call(&self, _now: &Now) -> Result<RuntimeCall, CliError> {
		Ok(RuntimeCall::Filing(match self {
			ServiceCall::Suspend { reason_hash, reason_file, reason } => Filing::suspend_service {
				reason: match (reason_hash, reason_file, reason) {
					(Some(h), _, _) => *h,
					(None, Some(file), _) => hash_file(file)?,
					(None, None, Some(t)) => hash_text(t),
					_ =>
						return Err(CliError::Usage(
							"give --reason, --reason-hash or --reason-file".into(),
						)),
				},
			},
			ServiceCall::Resume => Filing::resume_service,
		}))
	}
}
