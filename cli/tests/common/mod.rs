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

/// How long one run of the binary may take. A transaction waits for a finalized block, a few
/// six-second blocks on a busy machine; past this the command is stuck, and the test says which.
const RUN_LIMIT: std::time::Duration = std::time::Duration::from_secs(240);

/// Runs `compliance --url <url> <args>` with no secret or URL from the environment. The
/// arguments are copied, so that several runs can be awaited together. A run that outlives
/// [`RUN_LIMIT`] is killed and fails the test with what it printed so far.
pub fn compliance(url: &str, args: &[&str]) -> impl std::future::Future<Output = Run> + 'static {
	use std::process::Stdio;
	use tokio::io::AsyncReadExt;

	let mut command = Command::new(env!("CARGO_BIN_EXE_compliance"));
	command
		.arg("--url")
		.arg(url)
		.args(args)
		.env_remove("COMPLIANCE_SURI")
		.env_remove("COMPLIANCE_URL")
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.kill_on_drop(true);
	let described = args.join(" ");
	async move {
		let mut child = command.spawn().expect("the compliance binary runs");
		let read = |pipe: Option<_>| {
			let mut pipe: Box<dyn tokio::io::AsyncRead + Unpin + Send> =
				pipe.expect("the pipe was requested");
			tokio::spawn(async move {
				let mut text = Vec::new();
				let _ = pipe.read_to_end(&mut text).await;
				String::from_utf8_lossy(&text).into_owned()
			})
		};
		let stdout = read(child.stdout.take().map(|p| Box::new(p) as _));
		let stderr = read(child.stderr.take().map(|p| Box::new(p) as _));
		let status = tokio::time::timeout(RUN_LIMIT, child.wait()).await;
		if status.is_err() {
			let _ = child.kill().await;
		}
		let stdout = stdout.await.unwrap_or_default();
		let stderr = stderr.await.unwrap_or_default();
		match status {
			Ok(status) => Run {
				code: status.expect("the compliance binary ran").code().unwrap_or(-1),
				stdout,
				stderr,
			},
			Err(_) => panic!(
				"`compliance {described}` was still running after {}s; it printed:\n{stdout}{stderr}",
				RUN_LIMIT.as_secs()
			),
		}
	}
}
