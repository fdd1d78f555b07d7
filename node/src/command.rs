//! Dispatch of the command line to the node service and the subcommands.

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use compliance_runtime::Block;
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Compliance Chain Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://example.invalid/compliance-chain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			path => {
				let path = std::path::PathBuf::from(path);
				if !path.exists() {
					return Err(format!(
						"unknown chain `{}`: use `dev`, `local`, or the path of a chain-spec JSON file",
						path.display()
					));
				}
				Box::new(chain_spec::ChainSpec::from_json_file(path)?)
			},
		})
	}
}

/// Parse and run command line arguments
pub fn run() -> sc_cli::Result<()> {
	let mut cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let spec = cli.load_spec(&cmd.chain)?;
			cmd.run(spec)
		},
		Some(Subcommand::ProductionChainSpec(cmd)) => cmd.run().map_err(sc_cli::Error::Input),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => {
			use crate::benchmarking::{
				inherent_benchmark_data, RemarkBuilder, TransferKeepAliveBuilder,
			};
			use compliance_runtime::EXISTENTIAL_DEPOSIT;
			use frame_benchmarking_cli::{
				BenchmarkCmd, ExtrinsicFactory, SUBSTRATE_REFERENCE_HARDWARE,
			};
			use sp_keyring::Sr25519Keyring;

			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				BenchmarkCmd::Pallet(cmd) => cmd
					.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(
						config.chain_spec,
					)),
				BenchmarkCmd::Block(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					cmd.run(client)
				},
				BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let shared_trie_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, shared_trie_cache)
				},
				BenchmarkCmd::Overhead(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					let ext_builder = RemarkBuilder::new(client.clone());
					cmd.run(
						config.chain_spec.name().into(),
						client,
						inherent_benchmark_data()?,
						Vec::new(),
						&ext_builder,
						false,
					)
				},
				BenchmarkCmd::Extrinsic(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					let ext_factory = ExtrinsicFactory(vec![
						Box::new(RemarkBuilder::new(client.clone())),
						Box::new(TransferKeepAliveBuilder::new(
							client.clone(),
							Sr25519Keyring::Alice.to_account_id(),
							EXISTENTIAL_DEPOSIT,
						)),
					]);
					cmd.run(client, inherent_benchmark_data()?, Vec::new(), &ext_factory)
				},
				BenchmarkCmd::Machine(cmd) =>
					cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()),
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		None => {
			ensure_retention_floor(&cli.run.import_params.pruning_params.blocks_pruning)?;
			default_local_node_key(&mut cli)?;
			run_offchain_workers_on_every_node(&mut cli.run);
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|config| async move {
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<
							compliance_runtime::opaque::Block,
							<compliance_runtime::opaque::Block as sp_runtime::traits::Block>::Hash,
						>,
					>(config)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p =>
						service::new_full::<sc_network::Litep2pNetworkBackend>(config)
							.map_err(sc_cli::Error::Service),
				}
			})
		},
	}
}

/// Refuses a `--blocks-pruning` setting that would keep blocks for less than the records
/// retention period (R8: at least six months).
fn ensure_retention_floor(blocks_pruning: &sc_cli::DatabasePruningMode) -> sc_cli::Result<()> {
	let minimum = compliance_runtime::RECORD_RETENTION_PERIOD;
	match blocks_pruning {
		sc_cli::DatabasePruningMode::Custom(kept) if *kept < minimum => Err(format!(
			"--blocks-pruning {kept} keeps less than six months of blocks; records must be kept \
			 at least {minimum} blocks (183 days at {} s per block), or use `archive` / \
			 `archive-canonical`",
			compliance_runtime::MILLI_SECS_PER_BLOCK / 1000
		)
		.into()),
		_ => Ok(()),
	}
}

/// On a local testnet (chain type `Local`, e.g. `--chain local`), a validator started with
/// `--alice`, `--bob` or `--charlie` and neither `--node-key` nor `--node-key-file` uses the node
/// key derived from its development key: the one whose peer id the chain spec names as a
/// well-known node. Other chains and keys are left alone.
fn default_local_node_key(cli: &mut Cli) -> sc_cli::Result<()> {
	let node_key = &cli.run.network_params.node_key_params;
	if node_key.node_key.is_some() || node_key.node_key_file.is_some() {
		return Ok(());
	}
	let Some(secret) = cli.run.get_keyring().and_then(chain_spec::local_validator_node_key) else {
		return Ok(());
	};
	let shared = &cli.run.shared_params;
	if cli.load_spec(&shared.chain_id(shared.is_dev()))?.chain_type() !=
		sc_service::ChainType::Local
	{
		return Ok(());
	}
	cli.run.network_params.node_key_params.node_key =
		Some(sp_core::hexdisplay::HexDisplay::from(&secret.to_bytes()).to_string());
	Ok(())
}

/// Runs offchain workers on every node unless `--offchain-worker never` is given: node
/// authorization's offchain worker is what makes a node accept only authorised peers (R11), and
/// a node that does not validate must enforce that too. sc-cli's default, `when-authority`, would
/// leave it off there.
fn run_offchain_workers_on_every_node(run: &mut sc_cli::RunCmd) {
	if matches!(run.offchain_worker_params.enabled, sc_cli::OffchainWorkerEnabled::WhenAuthority) {
		run.offchain_worker_params.enabled = sc_cli::OffchainWorkerEnabled::Always;
	}
}
