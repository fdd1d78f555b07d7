//! `compliance-indexer index`: catches up from the first block not yet indexed to the latest
//! finalized block, a batch at a time, then follows new finalized blocks.

use crate::{
	db::{Access, Db},
	error::Fail,
	source::Source,
};
use clap::Args;
use futures::{StreamExt, TryStreamExt};
use std::{
	io::{IsTerminal, Write},
	time::{Duration, Instant},
};

/// `compliance-indexer index`.
#[derive(Args, Debug)]
pub struct IndexCmd {
	/// The first block of a new index (an existing index resumes where it stopped).
	#[arg(long, default_value_t = 1)]
	from: u64,
	/// Stop once the latest finalized block is indexed, instead of following new blocks.
	#[arg(long)]
	once: bool,
	/// Blocks per database transaction.
	#[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..=10_000))]
	batch: u64,
	/// Blocks read from the node at the same time.
	#[arg(long, default_value_t = 32, value_parser = clap::value_parser!(u64).range(1..=256))]
	parallel: u64,
	/// At most this many blocks per second, to spare a node that serves others.
	#[arg(long)]
	max_rate: Option<f64>,
}

impl IndexCmd {
	/// Runs the indexer against the node at `url`, writing to `db`.
	pub async fn run(&self, url: &str, db: &str) -> Result<(), Fail> {
		if self.max_rate.is_some_and(|r| !(r > 0.0)) {
			return Err(Fail::usage("--max-rate must be above zero"));
		}
		// The node first: an unreachable node leaves the database untouched.
		let source = Source::connect(url).await?;
		let db = Db::open(db, Access::Write).await?;
		// Checked before anything is written: the chain, then the state the first block needs.
		let genesis = source.genesis_hash();
		let start = db.resume_point(&genesis).await?.unwrap_or(self.from.max(1));
		source.check_available(start).await?;
		let mut next = db.claim(&genesis, start).await?;
		let mut progress = Progress::new(next);
		loop {
			let head = source.finalized().await?;
			if next <= head {
				next = self.catch_up(&source, &db, next, head, &mut progress).await?;
			}
			progress.caught_up(head);
			if self.once {
				break;
			}
			tokio::time::sleep(Duration::from_secs(1)).await;
		}
		db.close().await;
		Ok(())
	}
}

/// Batches read ahead of the one being committed: the node answers the next batch's requests
/// while the database writes this one.
const BATCHES_AHEAD: usize = 2;

impl IndexCmd {
	/// Indexes blocks `next..=head`, a batch per transaction; returns the next block to index.
	async fn catch_up(
		&self,
		source: &Source,
		db: &Db,
		next: u64,
		head: u64,
		progress: &mut Progress,
	) -> Result<u64, Fail> {
		let (batches, mut read) = tokio::sync::mpsc::channel(BATCHES_AHEAD);
		// Both halves run in this task, each while the other waits: on the node's answers, on
		// the database.
		let reader = async move {
			let mut first = next;
			while first <= head {
				let last = head.min(first + self.batch - 1);
				let rows = self.read_batch(source, first, last).await?;
				if batches.send((first, last, rows)).await.is_err() {
					break;
				}
				first = last + 1;
			}
			Ok::<_, Fail>(())
		};
		let mut next = next;
		let writer = async {
			while let Some((first, last, rows)) = read.recv().await {
				let started = Instant::now();
				db.commit(&rows, last + 1).await?;
				progress.advance(last, head, rows.len() as u64);
				next = last + 1;
				if let Some(rate) = self.max_rate {
					let due = Duration::from_secs_f64((last + 1 - first) as f64 / rate);
					tokio::time::sleep(due.saturating_sub(started.elapsed())).await;
				}
			}
			Ok::<_, Fail>(())
		};
		futures::try_join!(reader, writer)?;
		Ok(next)
	}

	/// The rows of blocks `first..=last`.
	async fn read_batch(
		&self,
		source: &Source,
		first: u64,
		last: u64,
	) -> Result<Vec<crate::row::Row>, Fail> {
		let blocks = source.blocks(first, last).await?;
		let (specs, states) = futures::try_join!(
			source.spec_versions(&blocks),
			source.states(&blocks, self.parallel as usize)
		)?;
		let per_block: Vec<Vec<crate::row::Row>> =
			futures::stream::iter(blocks.iter().zip(specs).zip(states))
				.map(|((block, spec), state)| source.rows(*block, spec, state))
				.buffered(self.parallel as usize)
				.try_collect()
				.await?;
		Ok(per_block.concat())
	}
}

/// What the indexer tells the person running it, on stderr: a progress line while catching up,
/// a summary with the rates when caught up.
struct Progress {
	start: Instant,
	/// When the first batch was committed, and how many blocks it held: the rate after it is
	/// the steady one, without the one-time metadata fetch.
	first_batch: Option<(Instant, u64)>,
	first: u64,
	blocks: u64,
	events: u64,
	shown: Instant,
	terminal: bool,
	reported: Option<u64>,
}

impl Progress {
	fn new(first: u64) -> Self {
		Self {
			start: Instant::now(),
			first_batch: None,
			first,
			blocks: 0,
			events: 0,
			shown: Instant::now(),
			terminal: std::io::stderr().is_terminal(),
			reported: None,
		}
	}

	fn advance(&mut self, last: u64, head: u64, events: u64) {
		self.blocks = last + 1 - self.first;
		self.events += events;
		self.first_batch.get_or_insert((Instant::now(), self.blocks));
		if self.shown.elapsed() >= Duration::from_secs(2) {
			self.shown = Instant::now();
			let secs = self.start.elapsed().as_secs_f64().max(1e-3);
			let done = (last + 1 - self.first) as f64 / (head + 1 - self.first).max(1) as f64;
			let width = 30;
			let filled = ((done * width as f64) as usize).min(width);
			let line = format!(
				"[{}{}] #{last} of #{head}, {:.0} blocks/s, {} events",
				"#".repeat(filled),
				" ".repeat(width - filled),
				self.blocks as f64 / secs,
				self.events
			);
			if self.terminal {
				eprint!("\r{line}");
			} else {
				eprintln!("{line}");
			}
		}
	}

	fn caught_up(&mut self, head: u64) {
		if self.reported == Some(head) {
			return;
		}
		self.reported = Some(head);
		let secs = self.start.elapsed().as_secs_f64().max(1e-3);
		if self.terminal {
			eprintln!();
		}
		eprintln!(
			"indexed up to finalized block #{head}: {} blocks and {} events in {secs:.2} s \
			 ({:.0} blocks/s, {:.0} events/s)",
			self.blocks,
			self.events,
			self.blocks as f64 / secs,
			self.events as f64 / secs
		);
		if let Some((at, blocks)) = self.first_batch {
			let steady = self.blocks - blocks;
			if steady > 0 {
				eprintln!(
					"after the first batch: {steady} blocks in {:.2} s ({:.0} blocks/s)",
					at.elapsed().as_secs_f64(),
					steady as f64 / at.elapsed().as_secs_f64().max(1e-3)
				);
			}
		}
		let _ = std::io::stderr().flush();
	}
}
