//! The commands, one module per group. Each command declares its arguments, builds what it
//! reads or the call it submits from the generated types, and says how its answer renders, in
//! one place. What every command shares lives here: the connection and signing keys
//! ([`Ctx`]), a transaction under way ([`Tx`]) and a few shapes of answers.

pub mod account;
pub mod assess;
pub mod content;
pub mod export;
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
use compliance_client::{api, RuntimeCall};
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

	/// Starts a transaction: checks the key before connecting, so that a bad key fails fast,
	/// then connects and takes the finalized state the call is built from.
	pub async fn transaction(&self) -> Result<Tx, CliError> {
		let key = self.signer()?;
		let chain = self.connect().await?;
		let at = chain.at().await?;
		Ok(Tx { key, chain, at })
	}
}

/// A transaction under way: its key, the connection and the state its call is built from.
pub struct Tx {
	key: Keypair,
	chain: Chain,
	/// The latest finalized state when the transaction started.
	pub at: At,
}

impl Tx {
	/// Submits `call` and waits for it to be finalized: its receipt.
	pub async fn submit(self, call: RuntimeCall) -> Result<Output, CliError> {
		self.chain.submit(&call, &self.key).await.map(Output::Receipt)
	}

	/// The end block of `until`, which `what` requires.
	pub fn end_block(&self, until: &Until, what: &str) -> Result<u32, CliError> {
		end_block(&self.at, until, what)
	}
}

/// The end block of `until` as of `at`, which `what` requires.
pub fn end_block(at: &At, until: &Until, what: &str) -> Result<u32, CliError> {
	let per_day = if until.days.is_some() {
		at.constants()
			.entry(api::constants().moderation().blocks_per_day())
			.map_err(|e| CliError::Other(format!("cannot read Moderation.BlocksPerDay: {e}")))?
	} else {
		0
	};
	until
		.block(at.block_number(), per_day)
		.ok_or_else(|| CliError::Usage(format!("{what} needs --until <block>, --blocks or --days")))
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
