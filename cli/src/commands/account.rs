//! `compliance account`: disposal measures on accounts, standing, transfers.

use super::{at_block, identity::account_status, Ctx, Now, Transaction};
use crate::{
	args::{address, parse_account, Choice, Until},
	error::CliError,
	output::Output,
	render::Node,
};
use clap::{Args, Subcommand};
use compliance_client::{
	api::{
		balances::Call as Balances,
		moderation::Call as Moderation,
		runtime_types::{
			compliance_primitives::RestrictionScope, pallet_moderation::types::ReasonCode,
		},
	},
	RuntimeCall,
};
use subxt::utils::AccountId32;

/// `compliance account`.
#[derive(Subcommand, Debug)]
pub enum AccountCmd {
	#[command(flatten)]
	Measure(MeasureCall),
	/// An account's standing, warnings and verification.
	Standing {
		/// The account.
		#[arg(value_parser = parse_account)]
		who: AccountId32,
	},
	#[command(flatten)]
	Transfer(TransferCall),
}

/// A user's transfer.
#[derive(Subcommand, Debug)]
pub enum TransferCall {
	/// Transfer balance to a verified account (users).
	Transfer {
		/// The recipient.
		#[arg(value_parser = parse_account)]
		to: AccountId32,
		/// The amount, in the smallest unit (1 CMP = 10^12).
		amount: u128,
	},
}

/// A moderator's disposal measures on an account.
#[derive(Subcommand, Debug)]
pub enum MeasureCall {
	/// Warn an account (moderator).
	Warn(Measure),
	/// Restrict an account from publishing, transfers or reporting until a block (moderator).
	Restrict {
		#[command(flatten)]
		measure: Measure,
		/// What the account may no longer do.
		#[arg(long, value_enum)]
		scope: Choice<RestrictionScope>,
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
}

/// The account a measure applies to, and why.
#[derive(Args, Debug)]
pub struct Measure {
	/// The account.
	#[arg(value_parser = parse_account)]
	who: AccountId32,
	/// Why.
	#[arg(long, value_enum, default_value = "other")]
	reason: Choice<ReasonCode>,
}

impl AccountCmd {
	/// Runs the command.
	pub async fn run(&self, ctx: &Ctx<'_>) -> Result<Output, CliError> {
		match self {
			AccountCmd::Standing { who } => {
				let at = ctx.read().await?;
				let status = account_status(&at, who).await?;
				let field = |key: &str| status.get(key).cloned().unwrap_or(Node::Null);
				let warnings = field("record").get("warnings").cloned().unwrap_or(Node::Uint(0));
				Ok(Output::Read(Node::map([
					("account", Node::text(who.to_string())),
					("standing", field("standing")),
					("warnings", warnings),
					("verified", field("verified")),
					("reject", field("reject")),
					at_block(&at),
				])))
			},
			AccountCmd::Transfer(call) => ctx.submit(call).await,
			AccountCmd::Measure(call) => ctx.submit(call).await,
		}
	}
}

impl Transaction for TransferCall {
	fn call(&self, _now: &Now) -> Result<RuntimeCall, CliError> {
		let TransferCall::Transfer { to, amount } = self;
		Ok(RuntimeCall::Balances(Balances::transfer_keep_alive {
			dest: address(to),
			value: *amount,
		}))
	}
}

impl Transaction for MeasureCall {
	fn call(&self, now: &Now) -> Result<RuntimeCall, CliError> {
		let reason = |m: &Measure| m.reason.0.clone();
		Ok(RuntimeCall::Moderation(match self {
			MeasureCall::Warn(m) => Moderation::warn { who: m.who.clone(), reason: reason(m) },
			MeasureCall::Restrict { measure: m, scope, until } => Moderation::restrict {
				who: m.who.clone(),
				scope: scope.0.clone(),
				until: now.end_block(until, "a restriction")?,
				reason: reason(m),
			},
			MeasureCall::Suspend { measure: m, until } => Moderation::suspend {
				who: m.who.clone(),
				until: now.end_block(until, "a suspension")?,
				reason: reason(m),
			},
			MeasureCall::Close(m) => Moderation::close { who: m.who.clone(), reason: reason(m) },
			MeasureCall::Lift(m) => Moderation::lift { who: m.who.clone(), reason: reason(m) },
		}))
	}
}
