//! Prints the development chain specification of the throughput baseline (JSON, on stdout):
//! `compliance-node --dev --chain <file>` then runs the baseline runtime from genesis.

use std::{io::Write, process::ExitCode};

fn main() -> ExitCode {
	match compliance_runtime_baseline::development_chain_spec() {
		Ok(json) => {
			// A closed pipe (`| head`) is not an error.
			let _ = writeln!(std::io::stdout().lock(), "{json}");
			ExitCode::SUCCESS
		},
		Err(e) => {
			eprintln!("error: {e}");
			ExitCode::FAILURE
		},
	}
}
