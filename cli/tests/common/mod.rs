//! What the CLI test files share: running the built `compliance` binary and reading its result.

#![allow(dead_code)] // Each test file uses its own part.

use tokio::process::Command;

/// What one run of the binary gave.
#[derive(Debug)]
pub struct Run {
	/// The exit code.
	pub code: i32,
	/// Standard output.
	pub stdout: String,
	/// Standard error.
	pub stderr: String,
}

impl Run {
	/// The `error:` lines on stderr.
	pub fn errors(&self) -> Vec<&str> {
		self.stderr.lines().filter(|l| l.starts_with("error:")).collect()
	}

	/// Asserts success and returns stdout.
	pub fn ok(&self) -> &str {
		assert_eq!(self.code, 0, "the command failed: {self:#?}");
		&self.stdout
	}

	/// Asserts one error line and the exit code, and returns the line.
	pub fn failed(&self, code: i32) -> &str {
		assert_eq!(self.code, code, "unexpected exit code: {self:#?}");
		let errors = self.errors();
		assert_eq!(errors.len(), 1, "expected exactly one error line: {self:#?}");
		errors[0]
	}

	/// Asserts that `secret` (or any part of a mnemonic) appears in no output.
	pub fn never_shows(&self, secret: &str) {
		let all = format!("{}{}", self.stdout, self.stderr);
		assert!(!all.contains(secret), "the secret was printed: {self:#?}");
		for word in secret.split(|c: char| c.is_whitespace() || c == '/') {
			if word.len() > 3 {
				assert!(
					!all.contains(word),
					"a word of the secret ({word}) was printed: {self:#?}"
				);
			}
		}
	}
}

/// Runs `compliance --url <url> <args>` with no secret or URL from the environment. The
/// arguments are copied, so that several runs can be awaited together.
pub fn compliance(url: &str, args: &[&str]) -> impl std::future::Future<Output = Run> + 'static {
	let mut command = Command::new(env!("CARGO_BIN_EXE_compliance"));
	command
		.arg("--url")
		.arg(url)
		.args(args)
		.env_remove("COMPLIANCE_SURI")
		.env_remove("COMPLIANCE_URL");
	async move {
		let output = command.output().await.expect("the compliance binary runs");
		Run {
			code: output.status.code().unwrap_or(-1),
			stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
			stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
		}
	}
}
