//! `compliance report`: complaints, the cases they lead to, and appeals.

use super::{at_block, found, headed, Ctx, Now, Transaction};
use crate::{
	args::{
		hash_file, hash_or_file, hash_text, parse_account, parse_hash, Action, AppealDecisionArgs,
		Choice, NoteArgs, Until,
	},
	chain::view,
	error::CliError,
	output::Output,
	render::Node,
};
use clap::{ArgGroup, Subcommand};
use compliance_client::{
	api::{
		self,
		moderation::Call as Moderation,
		runtime_types::{
			compliance_primitives::RestrictionScope,
			pallet_moderation::types::{ActionTaken, ReasonCode, ReportOutcome, ReportTarget},
		},
	},
	RuntimeCall,
};
use std::path::PathBuf;
use subxt::utils::{AccountId32, H256};

/// `compliance report`.
#[derive(Subcommand, Debug)]
pub enum ReportCmd {
	#[command(flatten)]
	Call(ReportCall),
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
}

/// Users' complaints and appeals, and moderators' answers to them.
#[derive(Subcommand, Debug)]
pub enum ReportCall {
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
		category: Choice<ReasonCode>,
		/// The hash of the evidence (kept off chain).
		#[arg(long, value_parser = parse_hash)]
		evidence_hash: Option<H256>,
		/// ... or the evidence file, to hash here.
		#[arg(long)]
		evidence_file: Option<PathBuf>,
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
		scope: Option<Choice<RestrictionScope>>,
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

impl ReportCmd {
	/// Runs the command.
	pub async fn run(&self, ctx: &Ctx<'_>) -> Result<Output, CliError> {
		let moderation = || api::view_functions().moderation();
		match self {
			ReportCmd::List { overdue, start_after, limit } => {
				let at = ctx.read().await?;
				let reports = if *overdue {
					view(&at, moderation().overdue_reports(*start_after, *limit)).await?
				} else {
					view(&at, moderation().open_reports(*start_after, *limit)).await?
				};
				Ok(Output::Read(Node::map([("reports", with_ids(reports)), at_block(&at)])))
			},
			ReportCmd::Show { id } => {
				let report = view(&ctx.read().await?, moderation().report_info(*id)).await?;
				let report = found(report, || format!("no report #{id}"))?;
				Ok(Output::Read(headed("id", Node::Uint((*id).into()), report)))
			},
			ReportCmd::Case { id } => {
				let case = view(&ctx.read().await?, moderation().case(*id)).await?;
				let case = found(case, || format!("no case #{id}"))?;
				Ok(Output::Read(headed("id", Node::Uint((*id).into()), case)))
			},
			ReportCmd::Call(call) => ctx.submit(call).await,
		}
	}
}

impl Transaction for ReportCall {
	fn call(&self, now: &Now) -> Result<RuntimeCall, CliError> {
		Ok(RuntimeCall::Moderation(match self {
			ReportCall::File { content, account, category, evidence_hash, evidence_file } =>
				Moderation::report {
					target: match (content, account) {
						(Some(hash), _) => ReportTarget::Content(*hash),
						(None, Some(who)) => ReportTarget::Account(who.clone()),
						_ => return Err(CliError::Usage("give --content or --account".into())),
					},
					category: category.0.clone(),
					evidence_hash: hash_or_file(
						*evidence_hash,
						evidence_file.as_ref(),
						"--evidence-hash or --evidence-file",
					)?,
				},
			ReportCall::Resolve { id, dismiss: _, uphold, scope, until, note } => {
				let outcome = match uphold {
					None => ReportOutcome::Dismissed,
					Some(action) => ReportOutcome::Upheld {
						action: match action {
							Action::None => ActionTaken::None,
							Action::Hide => ActionTaken::ContentHidden,
							Action::Warn => ActionTaken::AccountWarned,
							Action::Close => ActionTaken::AccountClosed,
							Action::Restrict => ActionTaken::AccountRestricted {
								scope: scope
									.as_ref()
									.ok_or_else(|| {
										CliError::Usage("--uphold restrict needs --scope".into())
									})?
									.0
									.clone(),
								until: now.end_block(until, "--uphold restrict")?,
							},
							Action::Suspend => ActionTaken::AccountSuspended {
								until: now.end_block(until, "--uphold suspend")?,
							},
						},
					},
				};
				Moderation::resolve { report_id: *id, outcome, note_hash: note.hash() }
			},
			ReportCall::Appeal { case, statement_hash, statement_file, statement } => {
				let statement_hash = match (statement_hash, statement_file, statement) {
					(Some(h), _, _) => *h,
					(None, Some(file), _) => hash_file(file)?,
					(None, None, Some(t)) => hash_text(t),
					_ =>
						return Err(CliError::Usage(
							"give --statement, --statement-hash or --statement-file".into(),
						)),
				};
				Moderation::appeal { case_id: *case, statement_hash }
			},
			ReportCall::Decide(decision) => decision.call(),
		}))
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
						headed("id", id, record)
					},
					other => other,
				})
				.collect(),
		),
		other => other,
	}
}
