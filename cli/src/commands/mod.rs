//! The commands, one module per group. Each command declares its arguments, builds what it
//! reads or the call it submits from the generated types, and says how its answer renders, in
//! one place. What every command shares lives here: the connection and signing keys
//! ([`Ctx`]), a transaction under way ([`Tx`]) and a few shapes of answers.

pub mod account;
pub mod assess;
pub mod content;
pub mod filing;
pub mod gov;
pub mod hash;
pub mod identity;
pub mod report;
pub mod service;

use crate::{
	args::Until,
	chain::{At, Chain},
	error::CliError,
	output::Output,
	render::Node,
};
use compliance_client::{api, view_function, RuntimeCall};
use std::str::FromStr;
use subxt_signer::{sr25519::Keypair, SecretUri};

/// What every command may need: the node's address and the `--suri` signing keys.
pub struct Ctx<'a> {
	/// The node's WebSocket RPC address.
	pub url: &'a str,
	/// The `--suri` values, in order; their text is never put into a message.
	pub suris: &'a [String],
}

impl Ctx<'_> {
	/// The one signing key from `--suri`.
	pub fn signer(&self) -> Result<Keypair, CliError> {
		match self.signers()?.as_slice() {
			[key] => Ok(key.clone()),
			_ => Err(CliError::Usage(
				"this command signs with one key: give --suri once (only `gov propose` takes \
				 several)"
					.into(),
			)),
		}
	}

	/// Every signing key from `--suri`, in order, at least one.
	pub fn signers(&self) -> Result<Vec<Keypair>, CliError> {
		if self.suris.is_empty() {
			return Err(CliError::Usage(
				"this command submits a transaction: give --suri or set COMPLIANCE_SURI".into(),
			));
		}
		let several = self.suris.len() > 1;
		self.suris
			.iter()
			.enumerate()
			.map(|(i, suri)| {
				let invalid = || {
					let which =
						if several { format!("--suri #{}", i + 1) } else { "--suri".into() };
					CliError::Usage(format!(
						"{which} is not a valid dev URI, mnemonic or 0x seed (the value is not \
						 shown)"
					))
				};
				let uri = SecretUri::from_str(suri).map_err(|_| invalid())?;
				Keypair::from_uri(&uri).map_err(|_| invalid())
			})
			.collect()
	}

	/// Connects to the node.
	pub async fn connect(&self) -> Result<Chain, CliError> {
		Chain::connect(self.url).await
	}

	/// The chain at its latest finalized block, for a read.
	pub async fn read(&self) -> Result<At, CliError> {
		self.connect().await?.at().await
	}

	/// Submits the call of `transaction` and waits for it to be finalized: checks the key
	/// before connecting, so that a bad key fails fast, then builds the call from the latest
	/// finalized state ([`Now`]) and submits it.
	pub async fn submit(&self, transaction: &impl Transaction) -> Result<Output, CliError> {
		let key = self.signer()?;
		let chain = self.connect().await?;
		let now = Now::read(&chain.at().await?).await?;
		let call = transaction.call(&now)?;
		chain.submit(&call, &key).await.map(Output::Receipt)
	}
}

/// A command that submits one transaction: its call is built from its arguments and the chain
/// state in [`Now`] alone, so that the same arguments always give the same call (which the
/// offline tests compare with the generated calls).
pub trait Transaction {
	/// The call the command submits.
	fn call(&self, now: &Now) -> Result<RuntimeCall, CliError>;
}

/// What a transaction's call is built from besides its arguments: the latest finalized block,
/// which relative ends (`--blocks`, `--days`) count from, the chain's blocks per day, and the
/// platform convention in force (what `rules ack` acknowledges when no version is given).
#[derive(Clone, Copy, Debug)]
pub struct Now {
	/// The latest finalized block's number.
	pub block: u64,
	/// `Moderation.BlocksPerDay`.
	pub blocks_per_day: u32,
	/// The current platform convention's version (0: none published).
	pub convention: u32,
}

impl Now {
	/// Reads it at `at`.
	pub async fn read(at: &At) -> Result<Self, CliError> {
		let blocks_per_day = at
			.constants()
			.entry(api::constants().moderation().blocks_per_day())
			.map_err(|e| {
			CliError::Other(format!("cannot read Moderation.BlocksPerDay: {e}"))
		})?;
		let convention = view_function(at, api::view_functions().filing().current_convention())
			.await
			.map_err(|e| CliError::Other(format!("cannot read the current convention: {e}")))?;
		Ok(Self { block: at.block_number(), blocks_per_day, convention })
	}

	/// The end block of `until`, which `what` requires.
	pub fn end_block(&self, until: &Until, what: &str) -> Result<u32, CliError> {
		until.block(self.block, self.blocks_per_day).ok_or_else(|| {
			CliError::Usage(format!("{what} needs --until <block>, --blocks or --days"))
		})
	}
}

/// The `at_block` entry every read ends with: the finalized block it was read at.
pub fn at_block(at: &At) -> (&'static str, Node) {
	("at_block", Node::Uint(at.block_number().into()))
}

/// `found` unless it is nothing, in which case `what` was not found.
pub fn found(node: Node, what: impl FnOnce() -> String) -> Result<Node, CliError> {
	match node {
		Node::Null => Err(CliError::NotFound(what())),
		node => Ok(node),
	}
}

/// A record as a map that starts with `(key, value)` followed by the record's own fields.
pub fn headed(key: &str, value: Node, record: Node) -> Node {
	let mut entries = vec![(key.to_string(), value)];
	match record {
		Node::Map(fields) => entries.extend(fields),
		other => entries.push(("record".into(), other)),
	}
	Node::Map(entries)
}

/// A map with `entry` appended.
pub fn with(mut node: Node, entry: (&str, Node)) -> Node {
	if let Node::Map(entries) = &mut node {
		entries.push((entry.0.into(), entry.1));
	}
	node
}
