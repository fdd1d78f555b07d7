//! One indexed event: where it is on the chain, who signed the transaction that emitted it, what
//! it names (account, content hash, case, report, registrar, moderator, category) and its fields.
//!
//! The columns are read from the event's fields by name and type, decoded with the metadata of
//! the runtime that emitted the event, so the same rules hold across runtime upgrades:
//! - `account`: the first account in `who`, `account`, `target`, `subject`, `author` or `appellant`
//!   (through `Account(..)` variants of targets and subjects);
//! - `content_hash`: the hash in `hash`, `target` or `subject` (`Content(..)`);
//! - `case_id`, `report_id`: the fields of those names; `registrar`: `registrar`, or `id` in the
//!   real-name pallet's registrar events; `moderator`: `moderator`, or the account of a
//!   `Moderator(..)` actor in `actor` and `decided_by`; `category`: a report's `category`;
//! - `mentions`: every account and 32-byte hash anywhere in the fields.

use compliance_render::{node, to_hex, Typed};
use scale_info::PortableRegistry;
use serde::{Deserialize, Serialize};
use subxt::ext::scale_value::{Primitive, ValueDef};

/// One event of the index, as stored and as exported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
	/// The block's number.
	pub block: u64,
	/// The block's hash, hex.
	pub block_hash: String,
	/// The event's index among the block's events (`System.Events`).
	pub event_index: u32,
	/// The block's time, RFC 3339 in UTC (from `timestamp_ms`).
	pub time: String,
	/// The block's timestamp (`Timestamp.Now`), milliseconds since the Unix epoch.
	pub timestamp_ms: u64,
	/// The index of the extrinsic that emitted it, none for events of block initialisation and
	/// finalisation.
	pub extrinsic: Option<u32>,
	/// The account that signed that extrinsic (SS58), none for inherents and unsigned ones.
	pub signer: Option<String>,
	/// The spec version of the runtime that emitted the event.
	pub spec_version: u32,
	/// The pallet, by its name in the runtime.
	pub pallet: String,
	/// The event's name.
	pub event: String,
	/// The account the event is about (SS58).
	pub account: Option<String>,
	/// The content hash the event is about (hex).
	pub content_hash: Option<String>,
	/// The moderation case it names.
	pub case_id: Option<u64>,
	/// The report it names.
	pub report_id: Option<u64>,
	/// The registrar it names.
	pub registrar: Option<u32>,
	/// The moderator who acted.
	pub moderator: Option<String>,
	/// A report's category.
	pub category: Option<String>,
	/// Every field, as the chain's types render them (accounts SS58, hashes hex, enums by name).
	pub fields: Fields,
	/// Every account and hash the fields name: kept in the index, not exported.
	#[serde(skip)]
	pub mentions: Vec<String>,
}

/// An event's fields as one JSON object, kept as the text the index stores.
///
/// Exports copy the text as it is: parsing and printing it again for every row was most of an
/// export's time. The text is checked once, when the row is made or read, and written out as it
/// is. Two rows' fields are equal when their texts are; the index writes each with `serde_json`,
/// whose objects keep their keys sorted, so equal fields have equal texts.
#[derive(Clone, Debug)]
pub struct Fields(Box<serde_json::value::RawValue>);

impl Fields {
	/// The fields of `object`.
	pub fn of(object: &serde_json::Value) -> Self {
		Self(serde_json::value::to_raw_value(object).expect("a JSON value prints as JSON; qed"))
	}

	/// Fields stored as `text`, refused unless it is one JSON object.
	pub fn parse(text: &str) -> Result<Self, String> {
		match serde_json::from_str::<Box<serde_json::value::RawValue>>(text) {
			Ok(raw) if raw.get().starts_with('{') => Ok(Self(raw)),
			Ok(_) => Err("the fields are not a JSON object".into()),
			Err(e) => Err(format!("the fields are not JSON: {e}")),
		}
	}

	/// The JSON text.
	pub fn as_str(&self) -> &str {
		self.0.get()
	}
}

impl PartialEq for Fields {
	fn eq(&self, other: &Self) -> bool {
		self.as_str() == other.as_str()
	}
}

impl Eq for Fields {}

impl Serialize for Fields {
	fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
		self.0.serialize(serializer)
	}
}

impl<'de> Deserialize<'de> for Fields {
	fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		let raw = Box::<serde_json::value::RawValue>::deserialize(deserializer)?;
		if raw.get().starts_with('{') {
			Ok(Self(raw))
		} else {
			Err(serde::de::Error::custom("the fields are not a JSON object"))
		}
	}
}

/// Where an event sits and what emitted it; the parts of a [`Row`] that are not in its fields.
pub struct Place {
	/// The block's number.
	pub block: u64,
	/// The block's hash, hex.
	pub block_hash: String,
	/// The block's timestamp in milliseconds.
	pub timestamp_ms: u64,
	/// The spec version of the runtime that executed the block.
	pub spec_version: u32,
}

/// What a field holds, as far as the columns care.
enum Found {
	Account(String),
	Hash(String),
}

impl Found {
	fn account(self) -> Option<String> {
		match self {
			Found::Account(a) => Some(a),
			Found::Hash(_) => None,
		}
	}

	fn hash(self) -> Option<String> {
		match self {
			Found::Hash(h) => Some(h),
			Found::Account(_) => None,
		}
	}
}

impl Row {
	/// The row of event `event_index` of the block at `place`, named `pallet.event`, emitted by
	/// extrinsic `extrinsic` signed by `signer`, with its fields decoded as `(name, value)`.
	#[allow(clippy::too_many_arguments)]
	pub fn new(
		place: &Place,
		event_index: u32,
		extrinsic: Option<u32>,
		signer: Option<String>,
		pallet: &str,
		event: &str,
		fields: &[(String, Typed)],
		types: &PortableRegistry,
	) -> Self {
		let named = |names: &[&str]| {
			names
				.iter()
				.find_map(|n| fields.iter().find(|(name, _)| name == n).map(|(_, v)| v))
		};
		// The first account (or hash) found in the fields `names`, in that order.
		let first_found = |names: &[&str], pick: fn(Found) -> Option<String>| {
			names
				.iter()
				.filter_map(|n| fields.iter().find(|(name, _)| name == n))
				.flat_map(|(_, v)| found_in(v, types))
				.find_map(pick)
		};
		let account = first_found(
			&["who", "account", "target", "subject", "author", "appellant"],
			Found::account,
		);
		let content_hash = first_found(&["hash", "target", "subject"], Found::hash);
		let moderator = match named(&["moderator"]) {
			Some(v) => account_of(v, types),
			None => ["actor", "decided_by"]
				.iter()
				.filter_map(|n| fields.iter().find(|(name, _)| name == n))
				.find_map(|(_, v)| moderator_of(v, types)),
		};
		let registrar_field: &[&str] = if pallet == "RealName" && event.starts_with("Registrar") {
			&["registrar", "id"]
		} else {
			&["registrar"]
		};
		let mut mentions: Vec<String> = fields
			.iter()
			.flat_map(|(_, v)| found_in(v, types))
			.map(|f| match f {
				Found::Account(a) | Found::Hash(a) => a,
			})
			.collect();
		mentions.sort();
		mentions.dedup();
		Row {
			block: place.block,
			block_hash: place.block_hash.clone(),
			event_index,
			time: time_of(place.timestamp_ms),
			timestamp_ms: place.timestamp_ms,
			extrinsic,
			signer,
			spec_version: place.spec_version,
			pallet: pallet.to_string(),
			event: event.to_string(),
			account,
			content_hash,
			case_id: named(&["case_id"]).and_then(number_of).and_then(|n| u64::try_from(n).ok()),
			report_id: named(&["report_id"])
				.and_then(number_of)
				.and_then(|n| u64::try_from(n).ok()),
			registrar: named(registrar_field)
				.and_then(number_of)
				.and_then(|n| u32::try_from(n).ok()),
			moderator,
			category: named(&["category"]).and_then(variant_name),
			fields: Fields::of(&serde_json::Value::Object(
				fields
					.iter()
					.map(|(name, value)| (name.clone(), node(value, types).to_json()))
					.collect(),
			)),
			mentions,
		}
	}
}

/// A timestamp in milliseconds as RFC 3339 in UTC.
pub fn time_of(timestamp_ms: u64) -> String {
	i64::try_from(timestamp_ms)
		.ok()
		.and_then(|ms| jiff::Timestamp::from_millisecond(ms).ok())
		.map(|t| t.to_string())
		.unwrap_or_default()
}

/// The name of a type's last path segment.
fn type_name(value: &Typed, types: &PortableRegistry) -> Option<String> {
	types.resolve(value.context).and_then(|t| t.path.segments.last().cloned())
}

/// Every account and 32-byte hash inside `value`, outermost first.
fn found_in(value: &Typed, types: &PortableRegistry) -> Vec<Found> {
	let mut out = Vec::new();
	collect(value, types, &mut out);
	out
}

fn collect(value: &Typed, types: &PortableRegistry, out: &mut Vec<Found>) {
	match type_name(value, types).as_deref() {
		Some("AccountId32") =>
			if let Some(a) = account_of(value, types) {
				out.push(Found::Account(a));
				return;
			},
		Some("H256") => {
			if let Some(bytes) = compliance_render::value_bytes(value) {
				out.push(Found::Hash(to_hex(bytes)));
			}
			return;
		},
		_ => {},
	}
	let composite = match &value.value {
		ValueDef::Composite(c) => c,
		ValueDef::Variant(v) => &v.values,
		_ => return,
	};
	for v in composite.values() {
		collect(v, types, out);
	}
}

/// An account's SS58 address, if `value` is an account.
fn account_of(value: &Typed, types: &PortableRegistry) -> Option<String> {
	match node(value, types) {
		compliance_render::Node::Text(text)
			if type_name(value, types).as_deref() == Some("AccountId32") =>
			Some(text),
		_ => None,
	}
}

/// The account of a `Moderator(account)` actor.
fn moderator_of(value: &Typed, types: &PortableRegistry) -> Option<String> {
	match &value.value {
		ValueDef::Variant(v) if v.name == "Moderator" =>
			v.values.values().next().and_then(|a| account_of(a, types)),
		_ => None,
	}
}

/// A number, or the number in `Some(number)`.
fn number_of(value: &Typed) -> Option<u128> {
	match &value.value {
		ValueDef::Primitive(Primitive::U128(n)) => Some(*n),
		ValueDef::Variant(v) if v.name == "Some" => v.values.values().next().and_then(number_of),
		_ => None,
	}
}

/// A field-less enum variant's name.
fn variant_name(value: &Typed) -> Option<String> {
	match &value.value {
		ValueDef::Variant(v) => Some(v.name.clone()),
		_ => None,
	}
}
