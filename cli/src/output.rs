//! What a command produced, and how it prints: human-readable lines, or JSON with `--json`.

use crate::render::Node;

/// What a command produced.
pub enum Output {
	/// Something read from the chain or computed here.
	Read(Node),
	/// The receipt of a finalized transaction.
	Receipt(Node),
	/// The receipts of several finalized transactions, in order, and what they came to (a
	/// motion's steps and its state after them).
	Steps {
		/// One receipt per transaction.
		receipts: Vec<Node>,
		/// The outcome, a map.
		summary: Node,
	},
}

impl Output {
	/// Prints the output on stdout. A closed pipe (`| head`) is not an error.
	pub fn print(&self, json: bool) {
		use std::io::Write;
		let _ = std::io::stdout().lock().write_all(self.render(json).as_bytes());
	}

	/// The text the output prints as.
	pub fn render(&self, json: bool) -> String {
		let as_json =
			|node: &Node| serde_json::to_string_pretty(&node.to_json()).unwrap_or_default() + "\n";
		match (self, json) {
			(Output::Read(node) | Output::Receipt(node), true) => as_json(node),
			(Output::Read(node), false) => node.to_human(),
			(Output::Receipt(receipt), false) => receipt_text(receipt),
			(Output::Steps { receipts, summary }, true) => {
				let mut all = summary.clone();
				if let Node::Map(entries) = &mut all {
					entries.push(("transactions".into(), Node::List(receipts.clone())));
				}
				as_json(&all)
			},
			(Output::Steps { receipts, summary }, false) => {
				let mut out: String = receipts.iter().map(receipt_text).collect();
				out.push_str(&summary.to_human());
				out
			},
		}
	}
}

/// A transaction's receipt for people: the call and its block, then each event and its fields.
fn receipt_text(receipt: &Node) -> String {
	let field = |key: &str| receipt.get(key).map(Node::to_human).unwrap_or_default();
	let mut out = format!(
		"{} finalized in block #{} ({})\n",
		field("call").trim(),
		field("block").trim(),
		field("block_hash").trim()
	);
	if let Some(Node::List(events)) = receipt.get("events") {
		for event in events {
			let name = event.get("event").map(Node::to_human).unwrap_or_default();
			out.push_str(&format!("{}\n", name.trim()));
			if let Some(Node::Map(fields)) = event.get("fields") {
				for line in Node::Map(fields.clone()).to_human().lines() {
					out.push_str(&format!("  {line}\n"));
				}
			}
		}
	}
	out
}
