//! `compliance-bench load`: a constant rate of keep-alive transfers for a set time, every one
//! followed by its hash into the finalized chain.
//!
//! Where `transfers` measures how much a block takes, `load` checks what a network does under a
//! steady load it can carry: each accepted transaction must be in exactly one finalized block
//! (none lost, none included twice) and none may fail in dispatch; finality must keep up (the
//! lag, best block minus finalized block, sampled twice a second while the load runs). The
//! senders are the `transfers` benchmark's (`//bench-sender//<i>`, prepared the same way), each
//! sending to the next in turn, so that a run leaves balances as it found them but for fees.
//!
//! Stopping or restarting nodes while it runs is the caller's (`scripts/bench-network` kills and
//! restarts a validator); the load goes to the node at `--url`, which should stay up.

use crate::{
	error::BenchError,
	node::{sign, Node, SubmitOutcome},
	report::fixed,
	transfers::{self, transfer},
};
use compliance_client::{api, keys::Keypair};
use serde::Serialize;
use std::{
	cell::{Cell, RefCell},
	collections::{BTreeMap, HashMap, HashSet},
	time::{Duration, Instant},
};
use subxt::utils::H256;

/// What `load` runs.
pub struct LoadBench {
	/// Transactions submitted per second.
	pub rate: u32,
	/// For how many seconds.
	pub seconds: u32,
	/// How many sender accounts take turns.
	pub senders: u32,
	/// The node's transaction pool limit (`--pool-limit`): the load must fit in it.
	pub pool_limit: u32,
	/// How long to wait, once the last transaction is submitted, for every accepted one to be
	/// finalized.
	pub settle_seconds: u32,
	/// The account that funds the senders.
	pub funder: Keypair,
	/// The registrar that verifies the senders (real-name chains only).
	pub registrar: Keypair,
}

/// How often the submitter tops the submissions up to the rate.
const SUBMIT_TICK: Duration = Duration::from_millis(100);

/// How often the watcher reads the best and finalized blocks.
const WATCH_TICK: Duration = Duration::from_millis(500);

/// The report of `compliance-bench load`.
#[derive(Serialize, Debug)]
pub struct LoadReport {
	/// The spec version of the runtime at the start.
	pub runtime_spec_version: u32,
	/// How many senders took turns.
	pub senders: u32,
	/// The rate asked for, transactions per second.
	pub rate: u32,
	/// For how many seconds.
	pub seconds: u32,
	/// How many transactions were submitted.
	pub submitted: u64,
	/// The rate they were submitted at, per second of wall time.
	pub submitted_per_second: String,
	/// How many the pool accepted.
	pub accepted_by_pool: u64,
	/// How many it refused, by reason.
	pub refused_by_pool: BTreeMap<String, u64>,
	/// Accepted transactions found in exactly one finalized block.
	pub included_once: u64,
	/// Accepted transactions found in more than one finalized block.
	pub included_more_than_once: u64,
	/// Accepted transactions found in no finalized block by the end of the settling time.
	pub lost: u64,
	/// Included transactions that failed in dispatch.
	pub failed_in_block: u64,
	/// Finalized blocks read, from the first after the start to the last.
	pub finalized_blocks: u64,
	/// Best block number minus finalized block number while the load ran: median.
	pub finality_lag_median: u64,
	/// The same: maximum.
	pub finality_lag_max: u64,
	/// How many lag samples (two a second).
	pub finality_lag_samples: u64,
	/// Seconds from the start until the last accepted transaction was finalized (or the end
	/// of the settling time).
	pub seconds_to_all_finalized: String,
}

impl LoadReport {
	/// Whether every accepted transaction was finalized exactly once and none failed.
	pub fn clean(&self) -> bool {
		self.lost == 0 && self.included_more_than_once == 0 && self.failed_in_block == 0
	}

	/// The report as lines for people.
	pub fn to_text(&self) -> String {
		let refused: Vec<String> =
			self.refused_by_pool.iter().map(|(why, n)| format!("{n} {why}")).collect();
		format!(
			"runtime spec version {}: {} senders, {} transfers/s asked for {} s\n\
			 submitted {} ({} /s), accepted {}, refused {}\n\
			 finalized: {} exactly once, {} more than once, {} lost, {} failed in dispatch \
			 ({} finalized blocks; all in after {} s)\n\
			 finality lag (best - finalized): median {}, max {} blocks ({} samples)\n{}\n",
			self.runtime_spec_version,
			self.senders,
			self.rate,
			self.seconds,
			self.submitted,
			self.submitted_per_second,
			self.accepted_by_pool,
			if refused.is_empty() { "none".into() } else { refused.join(", ") },
			self.included_once,
			self.included_more_than_once,
			self.lost,
			self.failed_in_block,
			self.finalized_blocks,
			self.seconds_to_all_finalized,
			self.finality_lag_median,
			self.finality_lag_max,
			self.finality_lag_samples,
			if self.clean() {
				"every accepted transaction was finalized exactly once"
			} else {
				"NOT CLEAN: transactions were lost, duplicated or failed"
			}
		)
	}
}

/// What the finalized blocks held: for each extrinsic hash, how many blocks included it and
/// whether it failed in any of them.
#[derive(Default)]
struct Seen {
	included: HashMap<H256, (u32, bool)>,
	blocks: u64,
	lag: Vec<u64>,
}

/// Refuses a load that cannot work before anything is prepared.
pub fn check(bench: &LoadBench, slot_seconds: u64) -> Result<(), BenchError> {
	if bench.rate == 0 || bench.seconds == 0 || bench.senders < 2 {
		return Err(BenchError::Usage(
			"give a --rate and --seconds above zero and at least 2 --senders".into(),
		));
	}
	// At a steady rate the pool holds about a block's worth waiting and one being built.
	let in_flight = u64::from(bench.rate) * slot_seconds * 2;
	if in_flight > u64::from(bench.pool_limit) {
		return Err(BenchError::Usage(format!(
			"--rate {} keeps about {in_flight} transactions in the pool (two {slot_seconds}-second \
			 blocks' worth), more than --pool-limit {}: lower the rate, or start the node with a \
			 larger --pool-limit and give it here",
			bench.rate, bench.pool_limit
		)));
	}
	Ok(())
}

/// Runs the load and returns its report.
pub async fn load(node: &Node, bench: &LoadBench) -> Result<LoadReport, BenchError> {
	let at = node.best().await?;
	let minimum_period = at
		.constants()
		.entry(api::constants().timestamp().minimum_period())
		.map_err(|e| BenchError::Other(format!("cannot read Timestamp.MinimumPeriod: {e}")))?;
	check(bench, (minimum_period * 2).div_ceil(1000))?;
	let total = u64::from(bench.rate) * u64::from(bench.seconds);
	let per_sender = total.div_ceil(u64::from(bench.senders));
	let senders =
		transfers::prepare(node, &bench.funder, &bench.registrar, bench.senders, per_sender)
			.await?;
	let nonces = crate::node::read_all(&senders.ids, |who| node.next_nonce(who)).await?;
	let first_block = node.finalized_number().await? + 1;
	eprintln!(
		"submitting {} transfers/s for {} s from {} senders…",
		bench.rate, bench.seconds, bench.senders
	);

	let started = Instant::now();
	let accepted = RefCell::new(HashSet::<H256>::new());
	let submitted_at = Cell::new(None::<Instant>);
	let submitter = async {
		let mut outcome = SubmitOutcome::default();
		let (mut sent, mut turn) = (0u64, 0usize);
		let mut tick = tokio::time::interval(SUBMIT_TICK);
		let at = node.best().await?;
		while sent < total {
			tick.tick().await;
			let due = ((started.elapsed().as_secs_f64() * f64::from(bench.rate)) as u64).min(total);
			let mut txs = Vec::new();
			while sent < due {
				let sender = turn % senders.keys.len();
				let nonce = nonces[sender] + (turn / senders.keys.len()) as u64;
				let dest = &senders.ids[(sender + 1) % senders.ids.len()];
				txs.push(sign(
					&at,
					&transfer(dest, senders.existential_deposit),
					&senders.keys[sender],
					nonce,
				)?);
				turn += 1;
				sent += 1;
			}
			let answers = node.submit_each(&txs).await;
			let mut accepted_now = accepted.borrow_mut();
			for (tx, answer) in txs.iter().zip(answers) {
				match answer {
					Ok(()) => {
						outcome.accepted += 1;
						accepted_now.insert(tx.hash());
					},
					Err(reason) => *outcome.refused.entry(reason).or_default() += 1,
				}
			}
		}
		submitted_at.set(Some(Instant::now()));
		Ok::<_, BenchError>((sent, outcome))
	};
	let settle = Duration::from_secs(bench.settle_seconds.into());
	let watcher = async {
		let mut seen = Seen::default();
		let mut next = first_block;
		loop {
			let finalized = node.finalized_number().await?;
			let best = node.best_number().await?;
			if submitted_at.get().is_none() {
				seen.lag.push(best.saturating_sub(finalized));
			}
			while next <= finalized {
				read_block(node, next, &mut seen).await?;
				next += 1;
			}
			if let Some(done) = submitted_at.get() {
				let all_in = accepted.borrow().iter().all(|h| seen.included.contains_key(h));
				if all_in || done.elapsed() > settle {
					return Ok::<_, BenchError>(seen);
				}
			}
			tokio::time::sleep(WATCH_TICK).await;
		}
	};
	let ((sent, outcome), mut seen) = tokio::try_join!(submitter, watcher)?;
	let elapsed = started.elapsed().as_secs_f64();
	let submit_seconds = submitted_at
		.get()
		.map_or(elapsed, |t| t.duration_since(started).as_secs_f64())
		.max(1e-3);

	let accepted = accepted.into_inner();
	let (mut once, mut more, mut lost, mut failed) = (0, 0, 0, 0);
	for hash in &accepted {
		match seen.included.get(hash) {
			None => lost += 1,
			Some((count, failed_any)) => {
				if *count == 1 {
					once += 1
				} else {
					more += 1
				}
				failed += u64::from(*failed_any);
			},
		}
	}
	seen.lag.sort_unstable();
	Ok(LoadReport {
		runtime_spec_version: senders.spec_version,
		senders: bench.senders,
		rate: bench.rate,
		seconds: bench.seconds,
		submitted: sent,
		submitted_per_second: fixed(sent as f64 / submit_seconds, 1),
		accepted_by_pool: outcome.accepted,
		refused_by_pool: outcome.refused,
		included_once: once,
		included_more_than_once: more,
		lost,
		failed_in_block: failed,
		finalized_blocks: seen.blocks,
		finality_lag_median: seen.lag.get(seen.lag.len() / 2).copied().unwrap_or(0),
		finality_lag_max: seen.lag.last().copied().unwrap_or(0),
		finality_lag_samples: seen.lag.len() as u64,
		seconds_to_all_finalized: fixed(elapsed, 1),
	})
}

/// Notes every extrinsic of finalized block `number` in `seen`, and which failed in dispatch.
async fn read_block(node: &Node, number: u64, seen: &mut Seen) -> Result<(), BenchError> {
	let block = node.at(number).await?;
	let extrinsics = block
		.extrinsics()
		.fetch()
		.await
		.map_err(|e| BenchError::Other(format!("cannot read block #{number}: {e}")))?;
	let mut hashes = Vec::new();
	for ext in extrinsics.iter() {
		let ext =
			ext.map_err(|e| BenchError::Other(format!("cannot decode block #{number}: {e}")))?;
		hashes.push(ext.hash());
	}
	let all: HashSet<u32> = (0..hashes.len() as u32).collect();
	let failed = transfers::failed_indexes(&block, &all).await?;
	for (i, hash) in hashes.into_iter().enumerate() {
		let entry = seen.included.entry(hash).or_default();
		entry.0 += 1;
		entry.1 |= failed.contains(&(i as u32));
	}
	seen.blocks += 1;
	Ok(())
}
