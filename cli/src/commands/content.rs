//! `compliance content`: content by hash.

use super::{at_block, found, headed, with, Ctx, Now, Transaction};
use crate::{
	args::{hash_or_file, parse_hash, Choice, NoteArgs},
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
			bounded_collections::bounded_vec::BoundedVec,
			pallet_moderation::types::{ContentKind, ReasonCode},
		},
	},
	RuntimeCall,
};
use std::path::PathBuf;
use subxt::utils::{to_hex, H256};

/// `compliance content`.
#[derive(Subcommand, Debug)]
pub enum ContentCmd {
	#[command(flatten)]
	Call(ContentCall),
	/// Content status, author, and its latest case.
	Status {
		/// The content's hash.
		#[arg(value_parser = parse_hash)]
		hash: H256,
	},
}

/// Publishing content (users) and moderators' calls on content.
#[derive(Subcommand, Debug)]
pub enum ContentCall {
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
		kind: Choice<ContentKind>,
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
		reason: Choice<ReasonCode>,
	},
	/// Hide content, or block-list a hash never published (moderator).
	Hide {
		/// The content's hash.
		#[arg(value_parser = parse_hash)]
		hash: H256,
		/// Why.
		#[arg(long, value_enum)]
		reason: Choice<ReasonCode>,
		#[command(flatten)]
		note: NoteArgs,
	},
	/// Hide several hashes at once, for one reason and one note, all or none (moderator).
	HideBatch {
		/// The content hashes.
		#[arg(value_parser = parse_hash, required = true)]
		hashes: Vec<H256>,
		/// Why.
		#[arg(long, value_enum)]
		reason: Choice<ReasonCode>,
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
}

impl ContentCmd {
	/// Runs the command.
	pub async fn run(&self, ctx: &Ctx<'_>) -> Result<Output, CliError> {
		match self {
			ContentCmd::Status { hash } => {
				let at = ctx.read().await?;
				let content = view(&at, api::view_functions().moderation().content(*hash)).await?;
				let content = found(content, || format!("no content recorded under {hash:?}"))?;
				let content = headed("hash", Node::text(to_hex(hash)), content);
				Ok(Output::Read(with(content, at_block(&at))))
			},
			ContentCmd::Call(call) => ctx.submit(call).await,
		}
	}
}

impl Transaction for ContentCall {
	fn call(&self, _now: &Now) -> Result<RuntimeCall, CliError> {
		Ok(RuntimeCall::Moderation(match self {
			ContentCall::Publish { hash, file, kind, uri } => Moderation::publish {
				hash: hash_or_file(*hash, file.as_ref(), "a content hash or --file")?,
				kind: kind.0.clone(),
				uri: BoundedVec(uri.clone().into_bytes()),
			},
			ContentCall::Flag { hash, reason } =>
				Moderation::flag { hash: *hash, reason: reason.0.clone() },
			ContentCall::Hide { hash, reason, note } =>
				Moderation::hide { hash: *hash, reason: reason.0.clone(), note_hash: note.hash() },
			ContentCall::HideBatch { hashes, reason, note } => Moderation::hide_batch {
				hashes: BoundedVec(hashes.clone()),
				reason: reason.0.clone(),
				note_hash: note.hash(),
			},
			ContentCall::Restore { hash, note } =>
				Moderation::restore { hash: *hash, note_hash: note.hash() },
		}))
	}
}
