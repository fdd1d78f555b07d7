//! `compliance-node`: the Compliance Chain node.

#![warn(missing_docs)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod compliance_rpc;
mod filing_label;
mod metrics;
mod production_spec;
mod refusals;
mod rpc;
mod service;
mod views;

fn main() {
	// One clear line and a non-zero exit for every failure the operator can cause (unknown
	// chain, unwritable base path, port in use), instead of a debug dump.
	if let Err(error) = command::run() {
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
