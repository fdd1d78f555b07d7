//! The indexer's failures: one line on stderr and an exit code per kind, as the `compliance`
//! tool reports them.

use std::fmt;

/// A failure, already worded for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fail {
	/// What kind of failure, for the exit code.
	pub kind: Kind,
	/// What went wrong and what to do about it.
	pub message: String,
}

/// The kinds of failure and their exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
	/// Anything else (exit code 1).
	Other = 1,
	/// Bad arguments, or a database this indexer must not touch (exit code 2).
	Usage = 2,
	/// The node or the database server could not be reached (exit code 3).
	Unreachable = 3,
	/// The node does not have what is asked: a pruned state, an unknown block (exit code 6).
	NotFound = 6,
	/// `verify` found rows that differ from the chain (exit code 7).
	Mismatch = 7,
}

impl Fail {
	/// A bad argument or input.
	pub fn usage(message: impl Into<String>) -> Self {
		Self { kind: Kind::Usage, message: message.into() }
	}

	/// A node or server that cannot be reached.
	pub fn unreachable(message: impl Into<String>) -> Self {
		Self { kind: Kind::Unreachable, message: message.into() }
	}

	/// Something the node does not have.
	pub fn not_found(message: impl Into<String>) -> Self {
		Self { kind: Kind::NotFound, message: message.into() }
	}

	/// Anything else.
	pub fn other(message: impl Into<String>) -> Self {
		Self { kind: Kind::Other, message: message.into() }
	}

	/// The process exit code.
	pub fn exit_code(&self) -> u8 {
		self.kind as u8
	}
}

impl fmt::Display for Fail {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		// One line, whatever the underlying library put in its message.
		let words: Vec<&str> = self.message.split_whitespace().collect();
		write!(f, "{}", words.join(" "))
	}
}
