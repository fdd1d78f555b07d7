//! `compliance filing` and `compliance rules`: the filing record and the published rules.

use super::{at_block, Ctx, Now, Transaction};
use crate::{
	args::{hash_or_file, parse_hash, Choice},
	chain::view,
	error::CliError,
	output::Output,
	render::Node,
};
use clap::{ArgGroup, Args, Subcommand};
use compliance_client::{
	api::{
		self,
		filing::Call as Filing,
		real_name::Call as RealName,
		runtime_types::pallet_filing::types::{RulesKind, ServiceType},
	},
	RuntimeCall,
};
use std::path::PathBuf;
use subxt::utils::H256;

/// `compliance filing`.
#[derive(Subcommand, Debug)]
pub enum FilingCmd {
	/// The filing status, record, deadlines and service status.
	Status,
	/// Previous versions of the filing record.
	History,
	#[command(flatten)]
	Call(FilingCall),
}

impl FilingCmd {
	/// Runs the command.
	pub async fn run(&self, ctx: &Ctx<'_>) -> Result<Output, CliError> {
		let filing = || api::view_functions().filing();
		match self {
			FilingCmd::Status => {
				let at = ctx.read().await?;
				Ok(Output::Read(Node::map([
					("status", view(&at, filing().filing_status()).await?),
					("filing", view(&at, filing().filing()).await?),
					("filing_deadline", view(&at, filing().filing_deadline()).await?),
					("next_review_due", view(&at, filing().next_review_due()).await?),
					("service", view(&at, filing().service_status()).await?),
					at_block(&at),
				])))
			},
			FilingCmd::History => {
				let at = ctx.read().await?;
				let history = view(&at, filing().filing_history()).await?;
				Ok(Output::Read(Node::map([("history", history), at_block(&at)])))
			},
			FilingCmd::Call(call) => ctx.submit(call).await,
		}
	}
}

/// The filing operator's calls: signed by a filing operator, or proposed to the consortium
/// (`gov propose filing ...`), whose motion the filing origin accepts too.
#[derive(Subcommand, Debug)]
pub enum FilingCall {
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

impl Transaction for FilingCall {
	fn call(&self, _now: &Now) -> Result<RuntimeCall, CliError> {
		Ok(RuntimeCall::Filing(match self {
			FilingCall::Register(f) => Filing::register {
				number: f.number.clone().into_bytes(),
				service_name: f.service_name.clone().into_bytes(),
				provider: f.provider.clone().into_bytes(),
				service_type: f.service_type.0.clone(),
				urls: f.urls(),
			},
			FilingCall::Change(f) => Filing::change {
				number: f.number.clone().into_bytes(),
				service_name: f.service_name.clone().into_bytes(),
				provider: f.provider.clone().into_bytes(),
				service_type: f.service_type.0.clone(),
				urls: f.urls(),
			},
			FilingCall::Cancel => Filing::cancel,
			FilingCall::Review => Filing::confirm_review,
			FilingCall::Start { block } => Filing::record_service_start { at: *block },
		}))
	}
}

/// The fields of a filing record.
#[derive(Args, Debug)]
pub struct FilingFields {
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
	service_type: Choice<ServiceType>,
	/// A platform URL the filing covers (repeat for several).
	#[arg(long = "platform-url", required = true)]
	platform_urls: Vec<String>,
}

impl FilingFields {
	/// The platform URLs as the call takes them.
	fn urls(&self) -> Vec<Vec<u8>> {
		self.platform_urls.iter().map(|u| u.clone().into_bytes()).collect()
	}
}

/// `compliance rules`.
#[derive(Subcommand, Debug)]
pub enum RulesCmd {
	#[command(flatten)]
	Call(RulesCall),
	#[command(flatten)]
	Ack(AckCall),
	/// The current rules documents and convention version.
	Show {
		/// Also list previous versions.
		#[arg(long)]
		history: bool,
	},
}

impl RulesCmd {
	/// Runs the command.
	pub async fn run(&self, ctx: &Ctx<'_>) -> Result<Output, CliError> {
		let filing = || api::view_functions().filing();
		match self {
			RulesCmd::Call(call) => ctx.submit(call).await,
			RulesCmd::Ack(call) => ctx.submit(call).await,
			RulesCmd::Show { history } => {
				let at = ctx.read().await?;
				let management = || RulesKind::ManagementRules;
				let convention = || RulesKind::PlatformConvention;
				let mut entries = vec![
					("current_convention", view(&at, filing().current_convention()).await?),
					("management_rules", view(&at, filing().rules(management())).await?),
					("platform_convention", view(&at, filing().rules(convention())).await?),
				];
				if *history {
					entries.extend([
						(
							"management_rules_history",
							view(&at, filing().rules_history(management())).await?,
						),
						(
							"platform_convention_history",
							view(&at, filing().rules_history(convention())).await?,
						),
					]);
				}
				entries.push(at_block(&at));
				Ok(Output::Read(Node::map(entries)))
			},
		}
	}
}

/// A user's acknowledgement of the platform convention.
#[derive(Subcommand, Debug)]
pub enum AckCall {
	/// Acknowledge the platform convention (users; the current version if none given).
	Ack {
		/// The version to acknowledge.
		version: Option<u32>,
	},
}

impl Transaction for AckCall {
	fn call(&self, now: &Now) -> Result<RuntimeCall, CliError> {
		let AckCall::Ack { version } = self;
		let version = version.unwrap_or(now.convention);
		Ok(RuntimeCall::RealName(RealName::acknowledge { version }))
	}
}

/// The filing operator's rules calls: signed by a filing operator, or proposed to the
/// consortium (`gov propose rules publish ...`).
#[derive(Subcommand, Debug)]
pub enum RulesCall {
	/// Publish a new version of a rules document (filing operator).
	#[command(group(ArgGroup::new("doc").required(true).args(["doc_hash", "doc_file"])))]
	Publish {
		/// Which document.
		#[arg(long, value_enum)]
		kind: Choice<RulesKind>,
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

impl Transaction for RulesCall {
	fn call(&self, _now: &Now) -> Result<RuntimeCall, CliError> {
		match self {
			RulesCall::Publish { kind, version, doc_hash, doc_file, uri } => {
				let doc_hash =
					hash_or_file(*doc_hash, doc_file.as_ref(), "--doc-hash or --doc-file")?;
				Ok(RuntimeCall::Filing(Filing::publish_rules {
					kind: kind.0.clone(),
					version: *version,
					doc_hash,
					uri: uri.clone().into_bytes(),
				}))
			},
		}
	}
}
