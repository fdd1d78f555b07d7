//! Command-line interface of the node.

use sc_cli::RunCmd;

/// The node's command line: run the node, or one of the subcommands.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A subcommand; without one, the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// The standard node flags.
	#[clap(flatten)]
	pub run: RunCmd,
}

/// The node's subcommands.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management utilities.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Export a chain specification as JSON.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Build a production chain's raw chain spec from a config file (TOML): no development
	/// account in any role. See `node/production-chain.example.toml`.
	ProductionChainSpec(crate::production_spec::ProductionSpecCmd),

	/// Build a chain specification (deprecated: use `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmarks of the runtime and the node (built with `--features runtime-benchmarks`).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}
