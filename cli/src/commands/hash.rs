//! `compliance hash`: the blake2-256 hash the chain records of a file or a text, computed here.

use crate::{
	args::{hash_file, hash_text},
	error::CliError,
	output::Output,
	render::Node,
};
use clap::{ArgGroup, Args};
use std::path::PathBuf;
use subxt::utils::to_hex;

/// `compliance hash`.
#[derive(Args, Debug)]
#[command(group(ArgGroup::new("input").required(true).args(["file", "text"])))]
pub struct HashCmd {
	/// The file to hash.
	file: Option<PathBuf>,
	/// ... or a text to hash.
	#[arg(long)]
	text: Option<String>,
}

impl HashCmd {
	/// Runs the command; nothing is sent anywhere.
	pub fn run(&self) -> Result<Output, CliError> {
		let hash = match (&self.file, &self.text) {
			(Some(file), _) => hash_file(file)?,
			(None, Some(text)) => hash_text(text),
			(None, None) => return Err(CliError::Usage("give a file or --text".into())),
		};
		Ok(Output::Read(Node::map([("blake2_256", Node::text(to_hex(hash)))])))
	}
}
