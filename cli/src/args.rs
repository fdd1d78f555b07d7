//! Command-line values: accounts, hashes, the chain's enums, and how they become call arguments.

use crate::error::CliError;
use clap::{ArgGroup, Args, ValueEnum};
use sp_crypto_hashing::blake2_256;
use std::{path::PathBuf, str::FromStr};
use subxt::{
	dynamic::Value,
	utils::{AccountId32, H256},
};
use subxt_signer::{sr25519::Keypair, SecretUri};

/// Parses an account: an SS58 address, or a development URI such as `//Ferdie` (derived from
/// the well-known development phrase, as `compliance-node key inspect //Ferdie` does).
pub fn parse_account(s: &str) -> Result<AccountId32, String> {
	if s.starts_with("//") && !s.contains("///") {
		return SecretUri::from_str(s)
			.ok()
			.and_then(|uri| Keypair::from_uri(&uri).ok())
			.map(|pair| pair.public_key().to_account_id())
			.ok_or_else(|| "not a development account URI".to_string());
	}
	AccountId32::from_str(s)
		.map_err(|e| format!("not an SS58 address or a dev URI like //Ferdie ({e:?})"))
}

/// Parses a 32-byte hash written as 64 hex digits (with or without `0x`).
pub fn parse_hash(s: &str) -> Result<H256, String> {
	H256::from_str(s).map_err(|e| format!("not a 32-byte hex hash ({e})"))
}

/// The blake2-256 hash of a file's bytes.
pub fn hash_file(path: &PathBuf) -> Result<H256, CliError> {
	let data = std::fs::read(path)
		.map_err(|e| CliError::Usage(format!("cannot read {}: {e}", path.display())))?;
	Ok(H256(blake2_256(&data)))
}

/// The blake2-256 hash of a text.
pub fn hash_text(text: &str) -> H256 {
	H256(blake2_256(text.as_bytes()))
}

/// A registrar's identity commitment: the blake2-256 hash of the salt followed by the identity
/// data. Only the hash leaves the machine.
pub fn commitment(identity_file: &PathBuf, salt: &str) -> Result<H256, CliError> {
	let data = std::fs::read(identity_file)
		.map_err(|e| CliError::Usage(format!("cannot read {}: {e}", identity_file.display())))?;
	let mut salted = salt.as_bytes().to_vec();
	salted.extend_from_slice(&data);
	Ok(H256(blake2_256(&salted)))
}

/// An account as a call argument (`T::AccountId`).
pub fn account(who: &AccountId32) -> Value {
	Value::from_bytes(who.0)
}

/// An account as a call argument of type `MultiAddress` (`AccountIdLookupOf<T>`).
pub fn address(who: &AccountId32) -> Value {
	Value::unnamed_variant("Id", [account(who)])
}

/// A hash as a call argument.
pub fn hash(h: &H256) -> Value {
	Value::from_bytes(h.as_bytes())
}

/// A number as a call argument.
pub fn num(n: impl Into<u128>) -> Value {
	Value::u128(n.into())
}

/// Text as a byte-string call argument.
pub fn text(s: &str) -> Value {
	Value::from_bytes(s.as_bytes())
}

/// An enum variant without fields.
pub fn unit(name: &str) -> Value {
	Value::unnamed_variant(name, [])
}

/// `Option<T>` as an argument.
pub fn option(value: Option<Value>) -> Value {
	match value {
		Some(v) => Value::unnamed_variant("Some", [v]),
		None => unit("None"),
	}
}

/// An enum of the chain whose command-line names map to its variant names.
pub trait ChainEnum: std::fmt::Debug {
	/// The variant name in the runtime's metadata.
	fn variant(&self) -> String {
		format!("{self:?}")
	}

	/// The variant as a call argument.
	fn value(&self) -> Value {
		unit(&self.variant())
	}
}

/// Why a moderator acted or a user complained (`ReasonCode`).
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Reason {
	/// Content or conduct prohibited by law that no other category covers.
	Illegal,
	/// Fraud, scams and deceptive financial schemes.
	Fraud,
	/// Pornography and obscene material.
	Pornography,
	/// Violence, terrorism and extremism.
	ViolenceTerrorism,
	/// Rumours: false information presented as fact.
	Rumour,
	/// Infringement of intellectual property or other rights.
	Infringement,
	/// Disclosure of another person's private information.
	Privacy,
	/// Anything else; the note or evidence says what.
	Other,
}
impl ChainEnum for Reason {}

/// What kind of content a hash stands for (`ContentKind`).
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ContentKind {
	/// A post, an article, a comment.
	Text,
	/// A still image.
	Image,
	/// Audio.
	Audio,
	/// Video.
	Video,
	/// A document or file of another kind.
	Document,
	/// Anything else.
	Other,
}
impl ChainEnum for ContentKind {}

/// The functions a restriction takes away (`RestrictionScope`).
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Scope {
	/// Publishing content.
	Publishing,
	/// Sending value.
	Transfers,
	/// Filing reports.
	Reporting,
}
impl ChainEnum for Scope {}

/// How thoroughly a registrar checked an identity (`VerificationLevel`).
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Level {
	/// Identity document and mobile number checked remotely.
	Basic,
	/// Identity document checked in person or against the issuing authority.
	Enhanced,
}
impl ChainEnum for Level {}

/// Why a verification is revoked (`RevocationReason`).
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Revocation {
	/// The holder asked for it.
	HolderRequest,
	/// The identity data changed or was wrong.
	DataInvalid,
	/// The verification was obtained by fraud.
	Fraud,
	/// A regulator or court ordered it.
	Order,
	/// Any other reason, recorded off chain.
	Other,
}
impl ChainEnum for Revocation {}

/// The kind of filed service (`ServiceType`).
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ServiceType {
	/// A platform on which users publish and exchange information.
	Platform,
	/// An application built on a blockchain.
	Application,
	/// Nodes, infrastructure, blockchain-as-a-service.
	TechnicalSupport,
	/// Another kind of service.
	Other,
}
impl ChainEnum for ServiceType {}

/// The two rules documents (`RulesKind`).
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RulesKind {
	/// The provider's management rules.
	Management,
	/// The platform convention every user acknowledges.
	Convention,
}
impl ChainEnum for RulesKind {
	fn variant(&self) -> String {
		match self {
			RulesKind::Management => "ManagementRules",
			RulesKind::Convention => "PlatformConvention",
		}
		.into()
	}
}

/// A security assessment's outcome (`Verdict`).
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Verdict {
	/// The code may go online.
	Approved,
	/// The code may not go online.
	Rejected,
}
impl ChainEnum for Verdict {}

/// The measure taken when upholding a report (`ActionTaken`).
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Action {
	/// Nothing (more) had to be done.
	None,
	/// Hide the reported content.
	Hide,
	/// Warn the reported account.
	Warn,
	/// Restrict the reported account (`--scope` and an end block).
	Restrict,
	/// Suspend the reported account (an end block).
	Suspend,
	/// Close the reported account.
	Close,
}

/// The end block of a time-boxed measure, absolute or relative to the finalized block.
#[derive(Args, Debug, Clone, Default)]
pub struct Until {
	/// The first block at which the measure no longer applies.
	#[arg(long, conflicts_with_all = ["blocks", "days"])]
	pub until: Option<u32>,
	/// ... or this many blocks from now.
	#[arg(long, conflicts_with = "days")]
	pub blocks: Option<u32>,
	/// ... or this many days from now (the chain's `BlocksPerDay`).
	#[arg(long)]
	pub days: Option<u32>,
}

impl Until {
	/// The end block, with `now` the finalized block number and `per_day` the blocks per day.
	pub fn block(&self, now: u64, per_day: u32) -> Option<u32> {
		let now = u32::try_from(now).unwrap_or(u32::MAX);
		match (self.until, self.blocks, self.days) {
			(Some(at), _, _) => Some(at),
			(_, Some(blocks), _) => Some(now.saturating_add(blocks)),
			(_, _, Some(days)) => Some(now.saturating_add(days.saturating_mul(per_day))),
			_ => None,
		}
	}
}

/// The decision on an appeal: the case, upheld or dismissed, and the decider's note.
#[derive(Args, Debug)]
#[command(group(ArgGroup::new("decision").required(true).args(["uphold", "dismiss"])))]
pub struct AppealDecisionArgs {
	/// The case id.
	pub case: u64,
	/// The appeal succeeds: the measure is undone.
	#[arg(long)]
	pub uphold: bool,
	/// The appeal fails.
	#[arg(long)]
	pub dismiss: bool,
	#[command(flatten)]
	pub note: NoteArgs,
}

/// A hash given directly, or as the hash of a file or a text (which stay on this machine).
#[derive(Args, Debug, Clone, Default)]
pub struct NoteArgs {
	/// The hash of the moderator's off-chain note.
	#[arg(long, value_parser = parse_hash, conflicts_with = "note")]
	pub note_hash: Option<H256>,
	/// The note itself: only its blake2-256 hash goes on chain.
	#[arg(long)]
	pub note: Option<String>,
}

impl NoteArgs {
	/// The note hash; all zeros when no note was given.
	pub fn hash(&self) -> H256 {
		match (&self.note_hash, &self.note) {
			(Some(h), _) => *h,
			(None, Some(text)) => hash_text(text),
			(None, None) => H256::zero(),
		}
	}
}

/// Resolves a hash given either directly or as a file to hash; `what` names the argument.
pub fn hash_or_file(
	hash: Option<H256>,
	file: Option<&PathBuf>,
	what: &str,
) -> Result<H256, CliError> {
	match (hash, file) {
		(Some(h), _) => Ok(h),
		(None, Some(path)) => hash_file(path),
		(None, None) => Err(CliError::Usage(format!("give {what}"))),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn accounts_parse_from_ss58_and_dev_uris() {
		let ferdie = "5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL";
		assert_eq!(parse_account(ferdie).unwrap().to_string(), ferdie);
		assert_eq!(parse_account("//Ferdie").unwrap().to_string(), ferdie);
		assert!(parse_account("5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2Djx").is_err());
		assert!(parse_account("ferdie").is_err());
	}

	#[test]
	fn hashes_parse_with_or_without_prefix() {
		let hex = "11".repeat(32);
		assert_eq!(parse_hash(&hex).unwrap(), H256::repeat_byte(0x11));
		assert_eq!(parse_hash(&format!("0x{hex}")).unwrap(), H256::repeat_byte(0x11));
		assert!(parse_hash("0x1234").is_err());
		assert!(parse_hash(&"zz".repeat(32)).is_err());
	}

	#[test]
	fn enums_map_to_runtime_variant_names() {
		assert_eq!(Reason::ViolenceTerrorism.variant(), "ViolenceTerrorism");
		assert_eq!(RulesKind::Convention.variant(), "PlatformConvention");
		assert_eq!(Revocation::HolderRequest.variant(), "HolderRequest");
	}

	#[test]
	fn until_resolves_relative_ends() {
		let days = Until { days: Some(2), ..Default::default() };
		assert_eq!(days.block(10, 14_400), Some(28_810));
		let blocks = Until { blocks: Some(5), ..Default::default() };
		assert_eq!(blocks.block(10, 14_400), Some(15));
		assert_eq!(Until::default().block(10, 1), None);
	}
}
