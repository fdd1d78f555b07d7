//! Queries of the index and the files they export: JSON lines or CSV, one row per event, each
//! carrying the block hash and event index that locate it on the chain.
//!
//! A query selects events by what they name (account, content hash, case, report, registrar,
//! moderator, category: all given must hold), then adds the events linked to them: those naming a
//! case or report that a selected event names, transitively, so that a report's resolution, the
//! case it opened, the appeal and its decision follow the account or content they are about. Last,
//! the kind (`--event`) and the block and time ranges restrict the result.

use crate::{
	db::{Db, Param},
	error::Fail,
	row::{Fields, Row},
};
use clap::{Args, ValueEnum};
use std::{
	borrow::Cow,
	collections::{BTreeMap, BTreeSet},
	io::Write,
	str::FromStr,
};
use subxt::utils::{AccountId32, H256};

/// What to export.
#[derive(Args, Debug, Clone, Default)]
pub struct Query {
	/// Events naming this account (SS58), in any field, and the events linked to them.
	#[arg(long, value_parser = parse_account)]
	pub account: Option<String>,
	/// Events naming this content hash (0x and 64 hex digits), and the events linked to them.
	#[arg(long, value_parser = parse_hash)]
	pub content: Option<String>,
	/// Events of this moderation case.
	#[arg(long = "case")]
	pub case_id: Option<u64>,
	/// Events of this report (and of the case its resolution opened).
	#[arg(long = "report")]
	pub report_id: Option<u64>,
	/// Events naming this registrar id.
	#[arg(long)]
	pub registrar: Option<u32>,
	/// Events of measures this moderator (SS58) took, and the events linked to them.
	#[arg(long, value_parser = parse_account)]
	pub moderator: Option<String>,
	/// Reports of this category (`Fraud`, `Illegal`, ...), and the events linked to them.
	#[arg(long)]
	pub category: Option<String>,
	/// Only events of this kind: `Pallet` or `Pallet.Event` (e.g. `Moderation.AccountSuspended`).
	#[arg(long = "event")]
	pub kind: Option<String>,
	/// From this block on.
	#[arg(long)]
	pub from_block: Option<u64>,
	/// Up to this block, included.
	#[arg(long)]
	pub to_block: Option<u64>,
	/// From this time on: a date (`2026-03-01`, UTC midnight) or an RFC 3339 time.
	#[arg(long, value_parser = parse_time)]
	pub since: Option<i64>,
	/// Before this time (excluded): a date or an RFC 3339 time.
	#[arg(long, value_parser = parse_time)]
	pub until: Option<i64>,
}

/// The export's format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
	/// One JSON object per line.
	#[default]
	Jsonl,
	/// Comma-separated values with a header line; `fields` is a JSON column.
	Csv,
}

/// The columns of an export, in order.
pub const HEADER: [&str; 18] = [
	"block",
	"block_hash",
	"event_index",
	"time",
	"timestamp_ms",
	"extrinsic",
	"signer",
	"spec_version",
	"pallet",
	"event",
	"account",
	"content_hash",
	"case_id",
	"report_id",
	"registrar",
	"moderator",
	"category",
	"fields",
];

impl Query {
	/// Refuses a query that can select nothing: an empty block or time range.
	pub fn check(&self) -> Result<(), Fail> {
		if let (Some(from), Some(to)) = (self.from_block, self.to_block) {
			if from > to {
				return Err(Fail::usage(format!(
					"--from-block {from} is after --to-block {to}: the range is empty"
				)));
			}
		}
		if let (Some(since), Some(until)) = (self.since, self.until) {
			if since >= until {
				return Err(Fail::usage("--since is not before --until: the time range is empty"));
			}
		}
		if let Some(kind) = &self.kind {
			let ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric());
			let valid = match kind.split_once('.') {
				Some((pallet, event)) => ok(pallet) && ok(event),
				None => ok(kind),
			};
			if !valid {
				return Err(Fail::usage(format!(
					"--event {kind}: give a pallet or Pallet.Event, e.g. Moderation.AccountSuspended"
				)));
			}
		}
		Ok(())
	}

	/// Whether the query selects by what events name (and so follows links).
	fn has_subject(&self) -> bool {
		self.account.is_some() ||
			self.content.is_some() ||
			self.case_id.is_some() ||
			self.report_id.is_some() ||
			self.registrar.is_some() ||
			self.moderator.is_some() ||
			self.category.is_some()
	}

	/// Hands each row the query selects to `each`, in chain order. A query by kind and range
	/// alone streams from the database; one that follows subjects gathers its rows first.
	pub async fn each_row(
		&self,
		db: &Db,
		each: impl FnMut(Row) -> Result<(), Fail>,
	) -> Result<(), Fail> {
		self.check()?;
		let mut sql = Sql::default();
		if let Some(account) = &self.account {
			sql.mentions(account);
		}
		if let Some(content) = &self.content {
			sql.mentions(content);
		}
		if let Some(case) = self.case_id {
			sql.int("case_id", case);
		}
		if let Some(report) = self.report_id {
			sql.int("report_id", report);
		}
		if let Some(registrar) = self.registrar {
			sql.int("registrar", registrar.into());
		}
		if let Some(moderator) = &self.moderator {
			sql.text("moderator", moderator);
		}
		if let Some(category) = &self.category {
			sql.text("category", category);
		}
		if !self.has_subject() {
			// Nothing to follow: the restrictions go straight into the query.
			self.restrict(&mut sql);
			return db.each_row(&sql.condition(), &sql.params, each).await;
		}
		let seeds = db.rows(&sql.condition(), &sql.params).await?;
		let mut rows: BTreeMap<(u64, u32), Row> =
			seeds.into_iter().map(|r| ((r.block, r.event_index), r)).collect();
		let mut cases = BTreeSet::new();
		let mut reports = BTreeSet::new();
		loop {
			let new_cases: Vec<u64> =
				rows.values().filter_map(|r| r.case_id).filter(|c| !cases.contains(c)).collect();
			let new_reports: Vec<u64> = rows
				.values()
				.filter_map(|r| r.report_id)
				.filter(|r| !reports.contains(r))
				.collect();
			if new_cases.is_empty() && new_reports.is_empty() {
				break;
			}
			cases.extend(new_cases.iter().copied());
			reports.extend(new_reports.iter().copied());
			// Bounded lists per query: databases cap the number of parameters.
			let lists = new_cases
				.chunks(500)
				.map(|chunk| in_list("case_id", chunk))
				.chain(new_reports.chunks(500).map(|chunk| in_list("report_id", chunk)));
			for (condition, params) in lists {
				for row in db.rows(&condition, &params).await? {
					rows.entry((row.block, row.event_index)).or_insert(row);
				}
			}
		}
		rows.into_values().filter(|r| self.keeps(r)).try_for_each(each)
	}

	/// The kind and range restrictions, as SQL.
	fn restrict(&self, sql: &mut Sql) {
		if let Some(kind) = &self.kind {
			match kind.split_once('.') {
				Some((pallet, event)) => {
					sql.text("pallet", pallet);
					sql.text("event", event);
				},
				None => sql.text("pallet", kind),
			}
		}
		if let Some(from) = self.from_block {
			sql.compare("block_number", ">=", clamp(from));
		}
		if let Some(to) = self.to_block {
			sql.compare("block_number", "<=", clamp(to));
		}
		if let Some(since) = self.since {
			sql.compare("timestamp_ms", ">=", since);
		}
		if let Some(until) = self.until {
			sql.compare("timestamp_ms", "<", until);
		}
	}

	/// Whether `row` passes the kind and range restrictions.
	fn keeps(&self, row: &Row) -> bool {
		let kind = match self.kind.as_deref().map(|k| k.split_once('.')) {
			None => true,
			Some(Some((pallet, event))) => row.pallet == pallet && row.event == event,
			Some(None) => Some(row.pallet.as_str()) == self.kind.as_deref(),
		};
		let ms = i64::try_from(row.timestamp_ms).unwrap_or(i64::MAX);
		kind && self.from_block.is_none_or(|b| row.block >= b) &&
			self.to_block.is_none_or(|b| row.block <= b) &&
			self.since.is_none_or(|t| ms >= t) &&
			self.until.is_none_or(|t| ms < t)
	}
}

/// A `WHERE` clause being built, with its parameters.
#[derive(Default)]
struct Sql {
	terms: Vec<String>,
	params: Vec<Param>,
}

impl Sql {
	fn next(&self) -> usize {
		self.params.len() + 1
	}

	fn mentions(&mut self, subject: &str) {
		self.terms.push(format!(
			"(block_hash, event_index) IN (SELECT block_hash, event_index FROM mentions WHERE \
			 subject = ${})",
			self.next()
		));
		self.params.push(Param::Text(subject.to_string()));
	}

	fn int(&mut self, column: &str, value: u64) {
		self.compare(column, "=", clamp(value));
	}

	fn compare(&mut self, column: &str, op: &str, value: i64) {
		self.terms.push(format!("{column} {op} ${}", self.next()));
		self.params.push(Param::Int(value));
	}

	fn text(&mut self, column: &str, value: &str) {
		self.terms.push(format!("{column} = ${}", self.next()));
		self.params.push(Param::Text(value.to_string()));
	}

	fn condition(&self) -> String {
		if self.terms.is_empty() {
			"1 = 1".into()
		} else {
			self.terms.join(" AND ")
		}
	}
}

fn in_list(column: &str, values: &[u64]) -> (String, Vec<Param>) {
	let placeholders: Vec<String> = (1..=values.len()).map(|i| format!("${i}")).collect();
	(
		format!("{column} IN ({})", placeholders.join(", ")),
		values.iter().map(|v| Param::Int(clamp(*v))).collect(),
	)
}

fn clamp(n: u64) -> i64 {
	i64::try_from(n).unwrap_or(i64::MAX)
}

/// An export being written, a row at a time.
pub enum Writer<W: Write> {
	/// JSON lines.
	Jsonl(W),
	/// CSV, its header written.
	Csv(csv::Writer<W>),
}

fn write_failed(e: impl std::fmt::Display) -> Fail {
	Fail::other(format!("cannot write the export: {e}"))
}

impl<W: Write> Writer<W> {
	/// Starts an export in `format` on `out`.
	pub fn new(format: Format, out: W) -> Result<Self, Fail> {
		Ok(match format {
			Format::Jsonl => Self::Jsonl(out),
			Format::Csv => {
				let mut csv = csv::Writer::from_writer(out);
				csv.write_record(HEADER).map_err(write_failed)?;
				Self::Csv(csv)
			},
		})
	}

	/// Writes `row`.
	pub fn row(&mut self, row: &Row) -> Result<(), Fail> {
		match self {
			Self::Jsonl(out) => {
				serde_json::to_writer(&mut *out, row).map_err(write_failed)?;
				out.write_all(b"\n").map_err(write_failed)
			},
			Self::Csv(csv) => csv
				.write_record(csv_record(row).iter().map(|field| field.as_bytes()))
				.map_err(write_failed),
		}
	}

	/// Flushes the export and hands `out` back.
	pub fn finish(self) -> Result<W, Fail> {
		let mut out = match self {
			Self::Jsonl(out) => out,
			Self::Csv(csv) => csv.into_inner().map_err(|e| write_failed(e.error()))?,
		};
		out.flush().map_err(write_failed)?;
		Ok(out)
	}
}

/// Writes `rows` to `out` in `format`.
#[cfg(test)]
pub fn write(rows: &[Row], format: Format, out: impl Write) -> Result<(), Fail> {
	let mut writer = Writer::new(format, out)?;
	rows.iter().try_for_each(|row| writer.row(row))?;
	writer.finish().map(drop)
}

/// A row's CSV fields: the columns that are text as they are, numbers printed.
fn csv_record(row: &Row) -> [Cow<'_, str>; 18] {
	let number = |n: u64| Cow::Owned(n.to_string());
	let opt_number = |n: Option<u64>| n.map_or(Cow::Borrowed(""), number);
	fn opt_text(text: &Option<String>) -> Cow<'_, str> {
		Cow::Borrowed(text.as_deref().unwrap_or_default())
	}
	[
		number(row.block),
		Cow::Borrowed(&row.block_hash),
		number(row.event_index.into()),
		Cow::Borrowed(&row.time),
		number(row.timestamp_ms),
		opt_number(row.extrinsic.map(u64::from)),
		opt_text(&row.signer),
		number(row.spec_version.into()),
		Cow::Borrowed(&row.pallet),
		Cow::Borrowed(&row.event),
		opt_text(&row.account),
		opt_text(&row.content_hash),
		opt_number(row.case_id),
		opt_number(row.report_id),
		opt_number(row.registrar.map(u64::from)),
		opt_text(&row.moderator),
		opt_text(&row.category),
		Cow::Borrowed(row.fields.as_str()),
	]
}

/// Reads an export back: JSON lines, or CSV with [`HEADER`] (told apart by the first byte).
pub fn read(text: &str) -> Result<Vec<Row>, Fail> {
	let bad = |line: usize, e: String| Fail::usage(format!("line {line} of the export: {e}"));
	if text.trim_start().starts_with('{') {
		return text
			.lines()
			.enumerate()
			.filter(|(_, l)| !l.trim().is_empty())
			.map(|(i, l)| serde_json::from_str(l).map_err(|e| bad(i + 1, e.to_string())))
			.collect();
	}
	let mut reader = csv::Reader::from_reader(text.as_bytes());
	let header = reader.headers().map_err(|e| bad(1, e.to_string()))?.clone();
	if header.iter().collect::<Vec<_>>() != HEADER {
		return Err(bad(1, "not an export: the header differs".into()));
	}
	let mut rows = Vec::new();
	for (i, record) in reader.records().enumerate() {
		let record = record.map_err(|e| bad(i + 2, e.to_string()))?;
		rows.push(csv_row(&record).map_err(|e| bad(i + 2, e))?);
	}
	Ok(rows)
}

fn csv_row(r: &csv::StringRecord) -> Result<Row, String> {
	let get = |i: usize| r.get(i).unwrap_or_default();
	fn num<T: FromStr>(s: &str, name: &str) -> Result<T, String> {
		s.parse().map_err(|_| format!("{name} is not a number: {s}"))
	}
	let opt_num = |i: usize| -> Result<Option<u64>, String> {
		let s = get(i);
		if s.is_empty() {
			Ok(None)
		} else {
			num(s, HEADER[i]).map(Some)
		}
	};
	let opt_text = |i: usize| Some(get(i).to_string()).filter(|s| !s.is_empty());
	let small = |v: Option<u64>| v.map(|n| u32::try_from(n).map_err(|e| e.to_string())).transpose();
	Ok(Row {
		block: num(get(0), "block")?,
		block_hash: get(1).to_string(),
		event_index: num(get(2), "event_index")?,
		time: get(3).to_string(),
		timestamp_ms: num(get(4), "timestamp_ms")?,
		extrinsic: small(opt_num(5)?)?,
		signer: opt_text(6),
		spec_version: num(get(7), "spec_version")?,
		pallet: get(8).to_string(),
		event: get(9).to_string(),
		account: opt_text(10),
		content_hash: opt_text(11),
		case_id: opt_num(12)?,
		report_id: opt_num(13)?,
		registrar: small(opt_num(14)?)?,
		moderator: opt_text(15),
		category: opt_text(16),
		fields: Fields::parse(get(17)).map_err(|e| format!("fields: {e}"))?,
		mentions: Vec::new(),
	})
}

/// An account argument: an SS58 address, normalised to the chain's format.
fn parse_account(s: &str) -> Result<String, String> {
	AccountId32::from_str(s)
		.map(|a| a.to_string())
		.map_err(|_| format!("{s} is not an SS58 account address"))
}

/// A content hash argument: 0x and 64 hex digits, normalised to lower case.
fn parse_hash(s: &str) -> Result<String, String> {
	H256::from_str(s)
		.ok()
		.filter(|_| s.len() == 66 && s.starts_with("0x"))
		.map(|h| compliance_render::to_hex(h))
		.ok_or_else(|| format!("{s} is not a content hash (0x and 64 hex digits)"))
}

/// A time argument: a date (UTC midnight) or an RFC 3339 time, as milliseconds.
fn parse_time(s: &str) -> Result<i64, String> {
	if let Ok(t) = s.parse::<jiff::Timestamp>() {
		return Ok(t.as_millisecond());
	}
	let date: jiff::civil::Date = s
		.parse()
		.map_err(|_| format!("{s} is neither a date (2026-03-01) nor an RFC 3339 time"))?;
	date.to_zoned(jiff::tz::TimeZone::UTC)
		.map(|z| z.timestamp().as_millisecond())
		.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn arguments_are_checked_and_normalised() {
		assert_eq!(parse_time("2026-03-01"), Ok(1_772_323_200_000));
		assert_eq!(parse_time("2026-03-01T00:00:01Z"), Ok(1_772_323_201_000));
		assert!(parse_time("March").is_err());
		assert!(parse_hash("0x12").is_err());
		assert_eq!(
			parse_hash(&format!("0x{}", "AB".repeat(32))),
			Ok(format!("0x{}", "ab".repeat(32)))
		);
		assert!(parse_account("5Grw").is_err());
		let empty = Query { from_block: Some(5), to_block: Some(2), ..Default::default() };
		assert!(empty.check().unwrap_err().message.contains("empty"));
		let kind = Query { kind: Some("Moderation.".into()), ..Default::default() };
		assert!(kind.check().is_err());
	}

	#[test]
	fn csv_reads_back_as_it_was_written() {
		let row = Row {
			block: 7,
			block_hash: format!("0x{}", "11".repeat(32)),
			event_index: 3,
			time: crate::row::time_of(1_772_323_200_000),
			timestamp_ms: 1_772_323_200_000,
			extrinsic: Some(1),
			signer: Some("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY".into()),
			spec_version: 104,
			pallet: "Moderation".into(),
			event: "ReportFiled".into(),
			account: None,
			content_hash: None,
			case_id: None,
			report_id: Some(0),
			registrar: None,
			moderator: None,
			category: Some("Fraud".into()),
			fields: Fields::of(
				&serde_json::json!({"category": "Fraud", "note": "a, \"quoted\" text"}),
			),
			mentions: Vec::new(),
		};
		for format in [Format::Csv, Format::Jsonl] {
			let mut out = Vec::new();
			write(std::slice::from_ref(&row), format, &mut out).unwrap();
			assert_eq!(read(std::str::from_utf8(&out).unwrap()).unwrap(), vec![row.clone()]);
		}
	}
}
