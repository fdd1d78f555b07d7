//! The one kind of failure the load generator reports: one line on stderr and an exit code per
//! kind, the same codes as the `compliance` tool's.

use std::fmt;

/// A failure, already worded for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BenchError {
	/// Bad arguments, or a chain the benchmark cannot run on (exit code 2).
	Usage(String),
	/// The node could not be reached (exit code 3).
	Unreachable(String),
	/// The transaction pool refused a setup transaction (exit code 4).
	Refused(String),
	/// A setup transaction was included but did not take effect (exit code 5).
	Failed(String),
	/// Anything else: reading the chain, signing, timeouts (exit code 1).
	Other(String),
}

impl BenchError {
	/// The process exit code for this failure.
	pub fn exit_code(&self) -> u8 {
		match self {
			BenchError::Other(_) => 1,
			BenchError::Usage(_) => 2,
			BenchError::Unreachable(_) => 3,
			BenchError::Refused(_) => 4,
			BenchError::Failed(_) => 5,
		}
	}
}

impl fmt::Display for BenchError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		let (BenchError::Usage(m) |
		BenchError::Unreachable(m) |
		BenchError::Refused(m) |
		BenchError::Failed(m) |
		BenchError::Other(m)) = self;
		// One line, whatever the underlying library put in its message.
		let line: Vec<&str> = m.split_whitespace().collect();
		write!(f, "{}", line.join(" "))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_failure_is_one_line_with_the_clis_exit_codes() {
		let failure = BenchError::Failed("funding did not\n  take effect".into());
		assert_eq!(failure.to_string(), "funding did not take effect");
		assert_eq!(failure.exit_code(), 5);
		assert_eq!(BenchError::Usage(String::new()).exit_code(), 2);
		assert_eq!(BenchError::Unreachable(String::new()).exit_code(), 3);
		assert_eq!(BenchError::Refused(String::new()).exit_code(), 4);
		assert_eq!(BenchError::Other(String::new()).exit_code(), 1);
	}
}
