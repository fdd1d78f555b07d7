//! # compliance-indexer
//!
//! Keeps an index of every compliance and governance event of Compliance Chain in a database
//! (SQLite by default, PostgreSQL with `--db postgres://...`) and exports records from it by
//! account, content hash, case, report, registrar, moderator, category, kind and period, for
//! record-keeping and for law enforcement (R8). Every exported row carries the block hash and
//! event index that locate it on the chain, and `verify` reads rows back from a node.
//!
//! Events live in each block's state (`System.Events`), so the node indexed must still have the
//! state of every block not yet indexed: an archive node, or a pruning window longer than the
//! indexer's lag.

mod db;
mod error;
mod export;
mod index;
mod row;
mod source;
mod verify;

use clap::{Parser, Subcommand};
use error::Fail;
use std::{io::Write, path::PathBuf, process::ExitCode};

/// Index Compliance Chain's records in a database and export them.
#[derive(Parser, Debug)]
#[command(name = "compliance-indexer", version, about, long_about = None)]
struct Cli {
	/// The node's WebSocket RPC address (for `index` and `verify`).
	#[arg(long, global = true, env = "COMPLIANCE_URL", default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// The index: a SQLite file path (or sqlite:PATH), or a postgres://user@host:port/db URL.
	#[arg(
		long,
		global = true,
		env = "COMPLIANCE_INDEX_DB",
		default_value = "compliance-index.sqlite"
	)]
	db: String,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
	/// Index finalized blocks: catch up from where the index stopped (or --from on a new one),
	/// then follow new blocks (unless --once).
	Index(index::IndexCmd),
	/// Export the events a query selects, as JSON lines or CSV.
	Export(ExportCmd),
	/// Check an export's rows against the chain, all or a sample; lists each row that differs.
	Verify(verify::VerifyCmd),
	/// How far the index is and how many events of each kind it holds.
	Status,
}

/// `compliance-indexer export`.
#[derive(clap::Args, Debug)]
struct ExportCmd {
	#[command(flatten)]
	query: export::Query,
	/// The format.
	#[arg(long, value_enum, default_value_t = export::Format::Jsonl)]
	format: export::Format,
	/// Write to this file instead of stdout.
	#[arg(long)]
	out: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> ExitCode {
	let cli = match Cli::try_parse() {
		Ok(cli) => cli,
		Err(e) if !e.use_stderr() => e.exit(),
		Err(e) => {
			// One line, as every other failure: the problem, without usage and hints.
			let text = e.render().to_string();
			let words: Vec<&str> = text
				.lines()
				.map(str::trim)
				.take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
				.filter(|l| !l.is_empty())
				.collect();
			eprintln!("{}", words.join(" "));
			return ExitCode::from(2);
		},
	};
	match run(&cli).await {
		Ok(()) => ExitCode::SUCCESS,
		Err(fail) => {
			eprintln!("error: {fail}");
			ExitCode::from(fail.exit_code())
		},
	}
}

async fn run(cli: &Cli) -> Result<(), Fail> {
	match &cli.command {
		Command::Index(cmd) => cmd.run(&cli.url, &cli.db).await,
		Command::Export(cmd) => {
			// Arguments first: a bad query opens nothing.
			cmd.query.check()?;
			let db = db::Db::open(&cli.db, db::Access::Read).await?;
			let started = std::time::Instant::now();
			// A file export is written beside its place and moved there once complete: a failed
			// export leaves no partial file behind (nor replaces an earlier one).
			let partial = cmd.out.as_ref().map(|path| {
				let mut name = path.file_name().unwrap_or_default().to_os_string();
				name.push(".partial");
				path.with_file_name(name)
			});
			let sink: Box<dyn Write> = match &partial {
				Some(path) =>
					Box::new(std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| {
						Fail::usage(format!("cannot create {}: {e}", path.display()))
					})?)),
				None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
			};
			let mut rows = 0u64;
			let written = async {
				let mut writer = export::Writer::new(cmd.format, sink)?;
				cmd.query
					.each_row(&db, |row| {
						rows += 1;
						writer.row(&row)
					})
					.await?;
				writer.finish().map(drop)
			}
			.await;
			if let (Some(partial), Some(out)) = (&partial, &cmd.out) {
				match &written {
					Ok(()) => std::fs::rename(partial, out)
						.map_err(|e| Fail::other(format!("cannot write {}: {e}", out.display())))?,
					Err(_) => {
						let _ = std::fs::remove_file(partial);
					},
				}
			}
			written?;
			eprintln!(
				"exported {} events from the {} index in {:.3} s",
				rows,
				db.kind(),
				started.elapsed().as_secs_f64()
			);
			Ok(())
		},
		Command::Verify(cmd) => {
			println!("{}", cmd.run(&cli.url).await?);
			Ok(())
		},
		Command::Status => {
			let db = db::Db::open(&cli.db, db::Access::Read).await?;
			let (genesis, next) = db.cursor().await?.unwrap_or_default();
			let mut out = serde_json::Map::new();
			out.insert("genesis_hash".into(), genesis.into());
			out.insert("next_block".into(), next.into());
			let counts: serde_json::Map<String, serde_json::Value> = db
				.counts()
				.await?
				.into_iter()
				.map(|(pallet, event, n)| (format!("{pallet}.{event}"), n.into()))
				.collect();
			out.insert("events".into(), counts.into());
			println!("{}", serde_json::Value::Object(out));
			Ok(())
		},
	}
}
