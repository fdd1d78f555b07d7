//! # compliance-render
//!
//! What the chain returns, for people and programs: a value decoded with the runtime's type
//! registry becomes a [`Node`], which prints either as JSON or as indented `key: value` lines.
//! The node's JSON-RPC and the command-line tool render through here, so one value reads the same
//! from both.
//!
//! The conversion looks at each value's type in the registry, so that accounts print as SS58
//! addresses, hashes as hex, byte strings as text, `Option` as the value or nothing, and enum
//! variants by name. [`render`] does the same for a Rust value of the runtime's own types, by its
//! `TypeInfo`.

#![deny(missing_docs)]

use scale_info::{form::PortableForm, PortableRegistry, TypeDef, TypeDefPrimitive};
use scale_value::{Composite, Primitive, Value as ScaleValue, ValueDef};
use subxt_utils_accountid32::AccountId32;

/// `bytes` as `0x`-prefixed hex.
pub fn to_hex(bytes: impl AsRef<[u8]>) -> String {
	format!("0x{}", hex::encode(bytes.as_ref()))
}

/// A Rust value rendered by its type: encoded, then decoded with the type registry its
/// `TypeInfo` builds, so it prints exactly as the same value read through metadata.
pub fn render<T: codec::Encode + scale_info::TypeInfo + 'static>(value: &T) -> Node {
	let mut registry = scale_info::Registry::new();
	let id = registry.register_type(&scale_info::meta_type::<T>()).id;
	let types: PortableRegistry = registry.into();
	let bytes = value.encode();
	match scale_value::scale::decode_as_type(&mut &bytes[..], id, &types) {
		Ok(value) => node(&value, &types),
		// A type's own encoding always decodes with its own registry.
		Err(e) => Node::Text(format!("undecodable value: {e}")),
	}
}

/// A value decoded with its type ids.
pub type Typed = ScaleValue<u32>;

/// A printable value, with map entries in the order the chain's types declare them.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
	/// Nothing (`None`).
	Null,
	/// A boolean.
	Bool(bool),
	/// An unsigned integer.
	Uint(u128),
	/// A signed integer.
	Int(i128),
	/// Text: UTF-8 byte strings, addresses, hashes, unit enum variants.
	Text(String),
	/// A sequence or tuple.
	List(Vec<Node>),
	/// A struct, or an enum variant with fields (one entry named after the variant).
	Map(Vec<(String, Node)>),
}

impl Node {
	/// A map from `(key, node)` pairs.
	pub fn map<K: Into<String>>(entries: impl IntoIterator<Item = (K, Node)>) -> Self {
		Node::Map(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
	}

	/// Text.
	pub fn text(s: impl Into<String>) -> Self {
		Node::Text(s.into())
	}

	/// The entry `key` of a map.
	pub fn get(&self, key: &str) -> Option<&Node> {
		match self {
			Node::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
			_ => None,
		}
	}

	/// Replaces the entry `key` of a map, if there is one.
	pub fn set(&mut self, key: &str, value: Node) {
		if let Node::Map(entries) = self {
			if let Some(entry) = entries.iter_mut().find(|(k, _)| k == key) {
				entry.1 = value;
			}
		}
	}

	/// The node as JSON. Integers that do not fit JSON's safe range become strings.
	pub fn to_json(&self) -> serde_json::Value {
		use serde_json::Value as J;
		match self {
			Node::Null => J::Null,
			Node::Bool(b) => J::Bool(*b),
			Node::Uint(n) => match u64::try_from(*n) {
				Ok(n) => J::from(n),
				Err(_) => J::String(n.to_string()),
			},
			Node::Int(n) => match i64::try_from(*n) {
				Ok(n) => J::from(n),
				Err(_) => J::String(n.to_string()),
			},
			Node::Text(s) => J::String(s.clone()),
			Node::List(items) => J::Array(items.iter().map(Node::to_json).collect()),
			Node::Map(entries) =>
				J::Object(entries.iter().map(|(k, v)| (k.clone(), v.to_json())).collect()),
		}
	}

	/// The node as indented lines for people.
	pub fn to_human(&self) -> String {
		let mut out = String::new();
		match self {
			Node::Map(_) | Node::List(_) if self.inline().is_none() =>
				self.write_block(0, &mut out),
			_ => {
				out.push_str(&self.scalar());
				out.push('\n');
			},
		}
		out
	}

	/// A one-line rendering of scalars and small enum-like maps (`Suspended { until: 90 }`).
	fn inline(&self) -> Option<String> {
		match self {
			Node::Null | Node::Bool(_) | Node::Uint(_) | Node::Int(_) | Node::Text(_) =>
				Some(self.scalar()),
			Node::List(items) if items.is_empty() => Some("[]".into()),
			Node::Map(entries) if entries.len() == 1 => {
				let (name, inner) = &entries[0];
				// A variant with fields: `Name { a: 1 }`, `Name(x)`.
				let starts_upper = name.chars().next().is_some_and(char::is_uppercase);
				if !starts_upper {
					return None;
				}
				match inner {
					Node::Map(fields) if fields.iter().all(|(_, v)| v.is_scalar()) => {
						let fields: Vec<String> =
							fields.iter().map(|(k, v)| format!("{k}: {}", v.scalar())).collect();
						Some(format!("{name} {{ {} }}", fields.join(", ")))
					},
					other => other.inline().map(|s| format!("{name}({s})")),
				}
			},
			_ => None,
		}
	}

	fn is_scalar(&self) -> bool {
		matches!(self, Node::Null | Node::Bool(_) | Node::Uint(_) | Node::Int(_) | Node::Text(_))
	}

	fn scalar(&self) -> String {
		match self {
			Node::Null => "none".into(),
			Node::Bool(b) => if *b { "yes" } else { "no" }.into(),
			Node::Uint(n) => n.to_string(),
			Node::Int(n) => n.to_string(),
			Node::Text(s) => s.clone(),
			other => other.inline().unwrap_or_default(),
		}
	}

	fn write_block(&self, indent: usize, out: &mut String) {
		let pad = " ".repeat(indent);
		match self {
			Node::Map(entries) =>
				for (key, value) in entries {
					match value.inline() {
						Some(line) => out.push_str(&format!("{pad}{key}: {line}\n")),
						None => {
							out.push_str(&format!("{pad}{key}:\n"));
							value.write_block(indent + 2, out);
						},
					}
				},
			Node::List(items) =>
				for item in items {
					match item.inline() {
						Some(line) => out.push_str(&format!("{pad}- {line}\n")),
						None => {
							out.push_str(&format!("{pad}-\n"));
							item.write_block(indent + 2, out);
						},
					}
				},
			other => out.push_str(&format!("{pad}{}\n", other.scalar())),
		}
	}
}

/// Converts a value decoded with type ids into a [`Node`], using the type registry to recognise
/// accounts, hashes, byte strings and options.
pub fn node(value: &Typed, types: &PortableRegistry) -> Node {
	let ty = types.resolve(value.context);
	let name = ty.and_then(|t| t.path.segments.last()).map(String::as_str);
	match name {
		Some("AccountId32") =>
			if let Some(bytes) = bytes_of(value).and_then(|b| <[u8; 32]>::try_from(b).ok()) {
				return Node::Text(AccountId32(bytes).to_string());
			},
		Some("H256") =>
			if let Some(bytes) = bytes_of(value) {
				return Node::Text(to_hex(bytes));
			},
		_ => {},
	}
	if let Some(kind) = ty.and_then(|t| byte_string(&t.type_def, types)) {
		if let Some(bytes) = bytes_of(value) {
			return match (kind, String::from_utf8(bytes.clone())) {
				// Fixed-size byte arrays are hashes and keys, even when their bytes spell text.
				(Bytes::Array, _) => Node::Text(to_hex(bytes)),
				(Bytes::Sequence, Ok(text)) if !text.chars().any(char::is_control) =>
					Node::Text(text),
				_ => Node::Text(to_hex(bytes)),
			};
		}
	}
	match &value.value {
		ValueDef::Primitive(p) => primitive(p),
		ValueDef::BitSequence(bits) => Node::Text(format!("{bits:?}")),
		ValueDef::Composite(composite) => {
			// Newtypes (`BoundedVec`, wrappers) print as what they wrap.
			if let (Composite::Unnamed(items), Some(TypeDef::Composite(_))) =
				(composite, ty.map(|t| &t.type_def))
			{
				if items.len() == 1 {
					return node(&items[0], types);
				}
			}
			fields(composite, types)
		},
		ValueDef::Variant(variant) => {
			if name == Some("Option") {
				return match (variant.name.as_str(), variant.values.values().next()) {
					("Some", Some(inner)) => node(inner, types),
					_ => Node::Null,
				};
			}
			if variant.values.is_empty() {
				return Node::Text(variant.name.clone());
			}
			let inner = match &variant.values {
				// `Ok(())` and the like read as their name.
				Composite::Unnamed(items) if items.len() == 1 && is_unit(&items[0]) =>
					return Node::Text(variant.name.clone()),
				Composite::Unnamed(items) if items.len() == 1 => node(&items[0], types),
				other => fields(other, types),
			};
			Node::Map(vec![(variant.name.clone(), inner)])
		},
	}
}

/// Whether a value is `()`.
fn is_unit<T>(value: &ScaleValue<T>) -> bool {
	matches!(&value.value, ValueDef::Composite(c) if c.is_empty())
}

fn fields(composite: &Composite<u32>, types: &PortableRegistry) -> Node {
	match composite {
		Composite::Named(entries) =>
			Node::Map(entries.iter().map(|(k, v)| (k.clone(), node(v, types))).collect()),
		Composite::Unnamed(items) => Node::List(items.iter().map(|v| node(v, types)).collect()),
	}
}

fn primitive(p: &Primitive) -> Node {
	match p {
		Primitive::Bool(b) => Node::Bool(*b),
		Primitive::Char(c) => Node::Text(c.to_string()),
		Primitive::String(s) => Node::Text(s.clone()),
		Primitive::U128(n) => Node::Uint(*n),
		Primitive::I128(n) => Node::Int(*n),
		Primitive::U256(n) => Node::Text(to_hex(n)),
		Primitive::I256(n) => Node::Text(to_hex(n)),
	}
}

/// The two shapes of byte strings.
#[derive(Clone, Copy)]
enum Bytes {
	/// `Vec<u8>`, `BoundedVec<u8, _>`: text where it is UTF-8.
	Sequence,
	/// `[u8; N]`: always hex.
	Array,
}

/// Whether a type is a sequence or array of `u8`, and which.
fn byte_string(def: &TypeDef<PortableForm>, types: &PortableRegistry) -> Option<Bytes> {
	let (element, kind) = match def {
		TypeDef::Sequence(s) => (s.type_param.id, Bytes::Sequence),
		TypeDef::Array(a) => (a.type_param.id, Bytes::Array),
		_ => return None,
	};
	types
		.resolve(element)
		.is_some_and(|t| matches!(t.type_def, TypeDef::Primitive(TypeDefPrimitive::U8)))
		.then_some(kind)
}

/// The bytes of a value made only of `u8`s (however nested), if it is one.
fn bytes_of<T>(value: &ScaleValue<T>) -> Option<Vec<u8>> {
	fn collect<T>(value: &ScaleValue<T>, out: &mut Vec<u8>) -> Option<()> {
		match &value.value {
			ValueDef::Primitive(Primitive::U128(n)) => out.push(u8::try_from(*n).ok()?),
			ValueDef::Composite(c) =>
				for v in c.values() {
					collect(v, out)?;
				},
			_ => return None,
		}
		Some(())
	}
	let mut out = Vec::new();
	collect(value, &mut out).map(|()| out)
}

/// The `u8` bytes and numbers inside a value, for reading fields of decoded errors.
pub fn value_bytes<T>(value: &ScaleValue<T>) -> Option<Vec<u8>> {
	bytes_of(value)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn human_output_nests_and_inlines_variants() {
		let node = Node::map([
			("status", Node::text("Filed")),
			("standing", Node::map([("Suspended", Node::map([("until", Node::Uint(90))]))])),
			("urls", Node::List(vec![Node::text("https://a.example")])),
			("review", Node::Null),
		]);
		assert_eq!(
			node.to_human(),
			"status: Filed\nstanding: Suspended { until: 90 }\nurls:\n  - https://a.example\n\
			 review: none\n"
		);
		assert_eq!(node.to_json()["standing"]["Suspended"]["until"], 90);
	}

	#[derive(codec::Encode, scale_info::TypeInfo)]
	enum Standing {
		Good,
		Suspended { until: u32 },
	}

	#[derive(codec::Encode, scale_info::TypeInfo)]
	struct Record {
		number: Vec<u8>,
		hash: [u8; 32],
		note: Vec<u8>,
		review: Option<u32>,
		expiry: Option<u32>,
		standing: Standing,
		previous: Standing,
	}

	#[test]
	fn rust_values_render_by_their_type_info() {
		let record = Record {
			number: "京网信备11010819339401号".as_bytes().to_vec(),
			hash: [b'A'; 32],
			note: vec![0, 159, 146, 150],
			review: None,
			expiry: Some(90),
			standing: Standing::Suspended { until: 90 },
			previous: Standing::Good,
		};
		let json = render(&record).to_json();
		assert_eq!(json["number"], "京网信备11010819339401号");
		// A byte array stays hex even when its bytes spell text.
		assert_eq!(json["hash"], format!("0x{}", "41".repeat(32)));
		assert_eq!(json["note"], "0x009f9296");
		assert_eq!(json["review"], serde_json::Value::Null);
		assert_eq!(json["expiry"], 90);
		assert_eq!(json["standing"]["Suspended"]["until"], 90);
		assert_eq!(json["previous"], "Good");
	}

	#[test]
	fn big_numbers_become_strings_in_json() {
		assert_eq!(Node::Uint(u128::MAX).to_json(), serde_json::json!(u128::MAX.to_string()));
		assert_eq!(Node::Uint(7).to_json(), serde_json::json!(7));
	}
}
