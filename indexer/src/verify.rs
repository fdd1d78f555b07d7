//! `compliance-indexer verify`: reads rows of an export back from the chain and reports every row
//! that differs.

use crate::{error::Fail, export, row::Row, source::Source};
use clap::Args;
use std::{path::PathBuf, str::FromStr};
use subxt::utils::H256;

/// `compliance-indexer verify`.
#[derive(Args, Debug)]
pub struct VerifyCmd {
	/// The export to check (JSON lines or CSV, as `export` wrote it).
	file: PathBuf,
	/// Check this many rows, spread evenly over the file, instead of every row.
	#[arg(long)]
	sample: Option<usize>,
}

impl VerifyCmd {
	/// Checks the export against the node at `url`; a mismatch is an error naming each row.
	pub async fn run(&self, url: &str) -> Result<String, Fail> {
		let text = std::fs::read_to_string(&self.file)
			.map_err(|e| Fail::usage(format!("cannot read {}: {e}", self.file.display())))?;
		let rows = export::read(&text)?;
		if self.sample == Some(0) {
			return Err(Fail::usage("--sample 0 checks nothing: give at least 1"));
		}
		let picked: Vec<&Row> = match self.sample {
			Some(n) if n < rows.len() => (0..n).map(|i| &rows[i * rows.len() / n]).collect(),
			_ => rows.iter().collect(),
		};
		let source = Source::connect(url).await?;
		let mut mismatches = Vec::new();
		for row in &picked {
			if let Some(problem) = check(&source, row).await? {
				mismatches
					.push(format!("block #{} event {}: {problem}", row.block, row.event_index));
			}
		}
		if mismatches.is_empty() {
			return Ok(format!(
				"{} of {} rows checked against the chain: all match",
				picked.len(),
				rows.len()
			));
		}
		for m in &mismatches {
			eprintln!("mismatch: {m}");
		}
		Err(Fail {
			kind: crate::error::Kind::Mismatch,
			message: format!(
				"{} of {} rows checked differ from the chain (listed above)",
				mismatches.len(),
				picked.len()
			),
		})
	}
}

/// What differs between `row` and the event the chain has at its place, if anything.
async fn check(source: &Source, row: &Row) -> Result<Option<String>, Fail> {
	let Ok(hash) = H256::from_str(&row.block_hash) else {
		return Ok(Some(format!("block hash {} is not a hash", row.block_hash)));
	};
	let Some(chain_row) = source.row_at(hash, row.event_index).await? else {
		return Ok(Some("the chain has no such indexed event at this block".into()));
	};
	let ours = serde_json::to_value(row).map_err(|e| Fail::other(e.to_string()))?;
	let theirs = serde_json::to_value(&chain_row).map_err(|e| Fail::other(e.to_string()))?;
	let differing: Vec<String> = export::HEADER
		.iter()
		.filter(|column| ours.get(**column) != theirs.get(**column))
		.map(|column| {
			format!(
				"{column} is {} in the export, {} on the chain",
				ours.get(*column).cloned().unwrap_or_default(),
				theirs.get(*column).cloned().unwrap_or_default()
			)
		})
		.collect();
	Ok((!differing.is_empty()).then(|| differing.join("; ")))
}
