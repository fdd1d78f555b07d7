//! What a benchmark run reports, as JSON (`--json`, the fields `scripts/bench-throughput` reads)
//! or as lines for people. Rates and durations are decimal strings with a fixed number of
//! digits, as they are printed.

use serde::Serialize;
use std::{collections::BTreeMap, fmt::Write as _};

/// The report of `compliance-bench transfers`.
#[derive(Serialize, Debug)]
pub struct Report {
	/// The spec version of the runtime that was measured.
	pub runtime_spec_version: u32,
	/// Whether the chain has the real-name pallet (then the senders were verified).
	pub real_name_pallet: bool,
	/// Whether the runtime's transaction extensions include `CheckRealName`: false for the
	/// throughput baseline.
	pub real_name_check_in_extensions: bool,
	/// How many sender accounts.
	pub senders: u32,
	/// How many transfers each sender submitted per round.
	pub per_sender: u32,
	/// The fee of one transfer, in the chain's smallest unit.
	pub fee_per_transfer: u128,
	/// How long preparing the senders took, in seconds.
	pub setup_seconds: String,
	/// The round without spam.
	pub round: Round,
	/// The round during which unverified accounts submitted transfers too (`--spam`).
	#[serde(skip_serializing_if = "Option::is_none")]
	pub round_with_spam: Option<Round>,
	/// The spam round's sTPS over the clean round's (`--spam`).
	#[serde(skip_serializing_if = "Option::is_none")]
	pub spam_to_clean_stps_ratio: Option<String>,
}

/// What one round measured.
#[derive(Serialize, Debug)]
pub struct Round {
	/// How many benchmark transfers were submitted.
	pub transfers_submitted: u64,
	/// How many of them the pool accepted.
	pub accepted_by_pool: u64,
	/// How many it refused, by reason.
	pub refused_by_pool: BTreeMap<String, u64>,
	/// How many any block included.
	pub included: u64,
	/// How many of those failed in dispatch.
	pub failed_in_block: u64,
	/// How many blocks included benchmark transfers.
	pub blocks: u64,
	/// The most benchmark transfers one block included.
	pub largest_block_transfers: u64,
	/// The most normal-class ref-time weight one of those blocks used, in milliseconds.
	pub largest_block_normal_weight_ms: String,
	/// Block time from the parent of the first block with a benchmark transfer to the last one.
	pub block_seconds: String,
	/// Included transfers per second of that block time.
	pub stps: String,
	/// sTPS over the blocks between the first and the last (which the submission's start and
	/// end cut short), when there are any.
	pub steady_stps: Option<String>,
	/// `#<block>: <transfers>` for each of those blocks.
	pub per_block: Vec<String>,
	/// What happened to the unverified accounts' transfers, in a spam round.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub spam: Option<Spam>,
}

/// What happened to the unverified accounts' transfers in a spam round.
#[derive(Serialize, Debug)]
pub struct Spam {
	/// How many were submitted.
	pub submitted: u64,
	/// How many the pool accepted (none, where the real-name check is in force).
	pub accepted_by_pool: u64,
	/// How many it refused.
	pub refused_by_pool: u64,
	/// How many it refused, by reason (`NotVerified`).
	pub refused_by_reason: BTreeMap<String, u64>,
	/// How many any block included.
	pub included: u64,
}

/// `value` with `digits` decimal digits, as the report prints rates and durations.
pub fn fixed(value: f64, digits: usize) -> String {
	format!("{value:.digits$}")
}

impl Report {
	/// The report as pretty-printed JSON.
	pub fn to_json(&self) -> String {
		serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
	}

	/// The report as lines for people.
	pub fn to_text(&self) -> String {
		let yes_no = |b: bool| if b { "yes" } else { "no" };
		let mut out = format!(
			"runtime spec version {}: real-name pallet {}, CheckRealName in the extensions {}\n\
			 {} senders x {} transfers per round, fee {} per transfer, setup {} s\n",
			self.runtime_spec_version,
			yes_no(self.real_name_pallet),
			yes_no(self.real_name_check_in_extensions),
			self.senders,
			self.per_sender,
			self.fee_per_transfer,
			self.setup_seconds,
		);
		self.round.write_text("round", &mut out);
		if let Some(spammed) = &self.round_with_spam {
			spammed.write_text("round with spam", &mut out);
		}
		if let Some(ratio) = &self.spam_to_clean_stps_ratio {
			let _ = writeln!(out, "sTPS with spam / without: {ratio}");
		}
		out
	}
}

impl Round {
	/// Appends the round's lines, headed `name`, to `out`.
	fn write_text(&self, name: &str, out: &mut String) {
		let _ = writeln!(
			out,
			"{name}: {} sTPS (steady {}), {} of {} transfers included in {} blocks over {} s",
			self.stps,
			self.steady_stps.as_deref().unwrap_or("-"),
			self.included,
			self.transfers_submitted,
			self.blocks,
			self.block_seconds,
		);
		let _ = writeln!(
			out,
			"  pool: {} accepted, refused {}; {} failed in their block",
			self.accepted_by_pool,
			by_reason(&self.refused_by_pool),
			self.failed_in_block,
		);
		let _ = writeln!(
			out,
			"  largest block: {} transfers, {} ms of normal-class weight",
			self.largest_block_transfers, self.largest_block_normal_weight_ms,
		);
		let _ = writeln!(out, "  per block: {}", self.per_block.join(", "));
		if let Some(spam) = &self.spam {
			let _ = writeln!(
				out,
				"  spam: {} submitted, {} accepted, refused {}, {} included",
				spam.submitted,
				spam.accepted_by_pool,
				by_reason(&spam.refused_by_reason),
				spam.included,
			);
		}
	}
}

/// Refusal counts as `none` or `12 (NotVerified: 12)`.
fn by_reason(refused: &BTreeMap<String, u64>) -> String {
	let total: u64 = refused.values().sum();
	if total == 0 {
		return "none".into();
	}
	let reasons: Vec<String> = refused.iter().map(|(reason, n)| format!("{reason}: {n}")).collect();
	format!("{total} ({})", reasons.join(", "))
}

#[cfg(test)]
mod tests {
	use super::*;

	fn round(spam: Option<Spam>) -> Round {
		Round {
			transfers_submitted: 12,
			accepted_by_pool: 12,
			refused_by_pool: BTreeMap::new(),
			included: 12,
			failed_in_block: 0,
			blocks: 1,
			largest_block_transfers: 12,
			largest_block_normal_weight_ms: fixed(4.5, 1),
			block_seconds: fixed(6.0, 1),
			stps: fixed(2.0, 1),
			steady_stps: None,
			per_block: vec!["#3: 12".into()],
			spam,
		}
	}

	#[test]
	fn the_json_report_has_the_fields_the_throughput_script_reads() {
		let spam = Spam {
			submitted: 12,
			accepted_by_pool: 0,
			refused_by_pool: 12,
			refused_by_reason: BTreeMap::from([("NotVerified".to_string(), 12)]),
			included: 0,
		};
		let report = Report {
			runtime_spec_version: 102,
			real_name_pallet: true,
			real_name_check_in_extensions: false,
			senders: 6,
			per_sender: 2,
			fee_per_transfer: 1_000,
			setup_seconds: fixed(12.34, 1),
			round: round(None),
			round_with_spam: Some(round(Some(spam))),
			spam_to_clean_stps_ratio: Some(fixed(1.0, 3)),
		};
		let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
		assert_eq!(json["setup_seconds"], "12.3");
		assert_eq!(json["real_name_check_in_extensions"], false);
		assert_eq!(json["round"]["steady_stps"], serde_json::Value::Null);
		assert!(json["round"].get("spam").is_none(), "{json:#}");
		assert_eq!(json["round_with_spam"]["spam"]["refused_by_reason"]["NotVerified"], 12);
		assert_eq!(json["spam_to_clean_stps_ratio"], "1.000");
		assert!(report.to_text().contains("refused 12 (NotVerified: 12)"), "{}", report.to_text());
	}
}
