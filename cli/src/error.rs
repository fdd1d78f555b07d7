//! The one kind of failure the tool reports: one line on stderr and an exit code per kind.

use std::fmt;

/// A failure, already worded for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CliError {
	/// Bad arguments or input files (exit code 2).
	Usage(String),
	/// The node could not be reached (exit code 3).
	Unreachable(String),
	/// The transaction pool refused the transaction (exit code 4).
	Refused(String),
	/// The transaction was included but failed (exit code 5).
	Failed(String),
	/// The record asked for does not exist (exit code 6).
	NotFound(String),
	/// Anything else (exit code 1).
	Other(String),
}

impl CliError {
	/// The process exit code for this failure.
	pub fn exit_code(&self) -> u8 {
		match self {
			CliError::Other(_) => 1,
			CliError::Usage(_) => 2,
			CliError::Unreachable(_) => 3,
			CliError::Refused(_) => 4,
			CliError::Failed(_) => 5,
			CliError::NotFound(_) => 6,
		}
	}

	/// The same failure, with `note` added: what stays true after it, or what to do next.
	pub fn with_note(self, note: &str) -> Self {
		let add = |m: String| format!("{m} ({note})");
		match self {
			CliError::Usage(m) => CliError::Usage(add(m)),
			CliError::Unreachable(m) => CliError::Unreachable(add(m)),
			CliError::Refused(m) => CliError::Refused(add(m)),
			CliError::Failed(m) => CliError::Failed(add(m)),
			CliError::NotFound(m) => CliError::NotFound(add(m)),
			CliError::Other(m) => CliError::Other(add(m)),
		}
	}
}

impl fmt::Display for CliError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		let (CliError::Usage(m) |
		CliError::Unreachable(m) |
		CliError::Refused(m) |
		CliError::Failed(m) |
		CliError::NotFound(m) |
		CliError::Other(m)) = self;
		// One line, whatever the underlying library put in its message.
		let line: Vec<&str> = m.split_whitespace().collect();
		write!(f, "{}", line.join(" "))
	}
}
