//! `compliance identity`: real-name verification.

use super::{at_block, headed, with, Ctx, Now, Transaction};
use crate::{
	args::{address, commitment, parse_account, parse_hash, Choice, Until},
	chain::{view, At},
	error::CliError,
	output::Output,
	render::Node,
};
use clap::{ArgGroup, Subcommand};
use compliance_client::{
	api::{
		self,
		real_name::Call as RealName,
		runtime_types::pallet_real_name::types::{RevocationReason, VerificationLevel},
	},
	RuntimeCall,
};
use std::path::PathBuf;
use subxt::utils::{AccountId32, H256};

/// `compliance identity`.
#[derive(Subcommand, Debug)]
pub enum IdentityCmd {
	#[command(flatten)]
	Call(IdentityCall),
	/// An account's verification, standing and the rejection its transactions would get.
	Status {
		/// The account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
	},
	/// Every registrar.
	Registrars,
}

/// A registrar's calls.
#[derive(Subcommand, Debug)]
pub enum IdentityCall {
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
		level: Choice<VerificationLevel>,
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
		reason: Choice<RevocationReason>,
		/// Kept for those used to it: a forced revocation (any registrar's verification) is a
		/// consortium motion now, `gov propose force-revoke`; this flag only says so.
		#[arg(long, hide = true)]
		force: bool,
	},
}

impl IdentityCmd {
	/// Runs the command.
	pub async fn run(&self, ctx: &Ctx<'_>) -> Result<Output, CliError> {
		match self {
			IdentityCmd::Status { who } => {
				let at = ctx.read().await?;
				let status = account_status(&at, who).await?;
				let status = headed("account", Node::text(who.to_string()), status);
				Ok(Output::Read(with(status, at_block(&at))))
			},
			IdentityCmd::Registrars => {
				let at = ctx.read().await?;
				let registrars = view(&at, api::view_functions().real_name().registrars()).await?;
				Ok(Output::Read(Node::map([("registrars", registrars), at_block(&at)])))
			},
			// Said before anything is read: no key or node can make it work.
			IdentityCmd::Call(IdentityCall::Revoke { force: true, .. }) =>
				Err(force_revoke_moved()),
			IdentityCmd::Call(call) => ctx.submit(call).await,
		}
	}
}

impl Transaction for IdentityCall {
	fn call(&self, now: &Now) -> Result<RuntimeCall, CliError> {
		Ok(RuntimeCall::RealName(match self {
			IdentityCall::Revoke { force: true, .. } => return Err(force_revoke_moved()),
			IdentityCall::Revoke { who, reason, force: false } =>
				RealName::revoke { who: address(who), reason: reason.0.clone() },
			IdentityCall::Verify {
				who,
				commitment: given,
				identity_file,
				salt,
				level,
				expires,
			} => RealName::verify {
				who: address(who),
				commitment: match (given, identity_file, salt) {
					(Some(c), _, _) => *c,
					(None, Some(file), Some(salt)) => commitment(file, salt)?,
					_ =>
						return Err(CliError::Usage(
							"give --commitment or --identity-file with --salt".into(),
						)),
				},
				level: level.0.clone(),
				expires_at: now.end_block(expires, "a verification")?,
			},
			IdentityCall::Renew { who, expires } => RealName::renew {
				who: address(who),
				expires_at: now.end_block(expires, "a renewal")?,
			},
		}))
	}
}

/// An account's status as the `RealName.account_status` view function gives it, with the numeric
/// `reject` replaced by the rejection code's name and description.
pub async fn account_status(at: &At, who: &AccountId32) -> Result<Node, CliError> {
	let mut status =
		view(at, api::view_functions().real_name().account_status(who.clone())).await?;
	if let Some(Node::Uint(code)) = status.get("reject").cloned() {
		let described = u8::try_from(code)
			.ok()
			.and_then(compliance_primitives::RejectCode::from_code)
			.map(|c| {
				Node::map([
					("code", Node::Uint(code)),
					("name", Node::text(c.name())),
					("description", Node::text(c.description())),
				])
			})
			.unwrap_or(Node::Uint(code));
		status.set("reject", described);
	}
	Ok(status)
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
