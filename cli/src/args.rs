//! Command-line values: accounts, hashes, the chain's enums, and how they become call arguments.

use crate::error::CliError;
use clap::{builder::PossibleValue, ArgGroup, Args, ValueEnum};
use compliance_client::api::runtime_types::{
	compliance_primitives::RestrictionScope,
	pallet_filing::types::{RulesKind, ServiceType, Verdict},
	pallet_moderation::types::{ContentKind, ReasonCode},
	pallet_real_name::types::{RevocationReason, VerificationLevel},
};
use sp_crypto_hashing::blake2_256;
use std::{path::PathBuf, str::FromStr};
use subxt::utils::{AccountId32, MultiAddress, H256};
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

/// A node's peer id, as the chain stores it: its bytes (the multihash of its public key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeerIdBytes(pub Vec<u8>);

/// Parses a peer id written as the node prints it (`12D3KooW...`).
pub fn parse_peer_id(s: &str) -> Result<PeerIdBytes, String> {
	sc_network_types::PeerId::from_str(s)
		.map(|peer| PeerIdBytes(peer.to_bytes()))
		.map_err(|_| "not a peer id (12D3KooW..., as the node prints it)".to_string())
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

/// An account as a call argument of type `MultiAddress` (`AccountIdLookupOf<T>`).
pub fn address(who: &AccountId32) -> MultiAddress<AccountId32, ()> {
	MultiAddress::Id(who.clone())
}

/// A value of one of the runtime's enums chosen on the command line: the generated type, with
/// the name and help it has as an option value.
#[derive(Clone, Debug)]
pub struct Choice<T>(pub T);

/// Makes the generated enum `$ty` a command-line choice: each variant with its option name and
/// help. The match is exhaustive, so a variant the runtime adds or renames breaks the build
/// until it is named here; the names on the chain come from the generated type, never from here.
macro_rules! choices {
	($ty:ty { $($variant:ident = $name:literal : $help:literal),+ $(,)? }) => {
		impl ValueEnum for Choice<$ty> {
			fn value_variants<'a>() -> &'a [Self] {
				const VARIANTS: &[Choice<$ty>] = &[$(Choice(<$ty>::$variant)),+];
				VARIANTS
			}

			fn to_possible_value(&self) -> Option<PossibleValue> {
				Some(match self.0 {
					$(<$ty>::$variant => PossibleValue::new($name).help($help)),+
				})
			}
		}
	};
}

choices!(ReasonCode {
	Illegal = "illegal": "Content or conduct prohibited by law that no other category covers",
	Fraud = "fraud": "Fraud, scams and deceptive financial schemes",
	Pornography = "pornography": "Pornography and obscene material",
	ViolenceTerrorism = "violence-terrorism": "Violence, terrorism and extremism",
	Rumour = "rumour": "Rumours: false information presented as fact",
	Infringement = "infringement": "Infringement of intellectual property or other rights",
	Privacy = "privacy": "Disclosure of another person's private information",
	Other = "other": "Anything else; the note or evidence says what",
});

choices!(ContentKind {
	Text = "text": "A post, an article, a comment",
	Image = "image": "A still image",
	Audio = "audio": "Audio",
	Video = "video": "Video",
	Document = "document": "A document or file of another kind",
	Other = "other": "Anything else",
});

choices!(RestrictionScope {
	Publishing = "publishing": "Publishing content",
	Transfers = "transfers": "Sending value",
	Reporting = "reporting": "Filing reports",
});

choices!(VerificationLevel {
	Basic = "basic": "Identity document and mobile number checked remotely",
	Enhanced = "enhanced": "Identity document checked in person or against the issuing authority",
});

choices!(RevocationReason {
	HolderRequest = "holder-request": "The holder asked for it",
	DataInvalid = "data-invalid": "The identity data changed or was wrong",
	Fraud = "fraud": "The verification was obtained by fraud",
	Order = "order": "A regulator or court ordered it",
	Other = "other": "Any other reason, recorded off chain",
});

choices!(ServiceType {
	Platform = "platform": "A platform on which users publish and exchange information",
	Application = "application": "An application built on a blockchain",
	TechnicalSupport = "technical-support": "Nodes, infrastructure, blockchain-as-a-service",
	Other = "other": "Another kind of service",
});

choices!(RulesKind {
	ManagementRules = "management": "The provider's management rules",
	PlatformConvention = "convention": "The platform convention every user acknowledges",
});

choices!(Verdict {
	Approved = "approved": "The code may go online",
	Rejected = "rejected": "The code may not go online",
});

/// The measure taken when upholding a report: which `ActionTaken` to build, with the scope and
/// end block the command line gives separately.
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

impl AppealDecisionArgs {
	/// The `Moderation.decide_appeal` call of this decision, for a moderator or a body's motion.
	pub fn call(&self) -> compliance_client::api::moderation::Call {
		compliance_client::api::moderation::Call::decide_appeal {
			case_id: self.case,
			upheld: self.uphold,
			note_hash: self.note.hash(),
		}
	}
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
	fn peer_ids_parse_as_nodes_print_them() {
		let peer = "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";
		let bytes = parse_peer_id(peer).unwrap().0;
		// An ed25519 key's peer id: the identity multihash (0x00, 36 bytes) of its protobuf.
		assert_eq!(bytes.len(), 38);
		assert_eq!(sc_network_types::PeerId::from_bytes(&bytes).unwrap().to_string(), peer);
		assert!(parse_peer_id("12D3KooW").is_err());
		assert!(parse_peer_id("alice").is_err());
		assert!(parse_peer_id("").is_err());
	}

	#[test]
	fn choices_parse_to_the_generated_variants() {
		let parse = |s: &str| Choice::<RulesKind>::from_str(s, false).map(|c| c.0);
		assert_eq!(parse("convention"), Ok(RulesKind::PlatformConvention));
		assert_eq!(parse("management"), Ok(RulesKind::ManagementRules));
		assert!(parse("PlatformConvention").is_err());
		let reason = Choice::<ReasonCode>::from_str("violence-terrorism", false).map(|c| c.0);
		assert_eq!(reason, Ok(ReasonCode::ViolenceTerrorism));
		assert_eq!(Choice::<ReasonCode>::value_variants().len(), 8);
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
