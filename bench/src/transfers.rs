//! `compliance-bench transfers`: the transfer throughput of a running chain, in transfers per
//! second of block time (sTPS).
//!
//! The benchmark prepares `--senders` accounts (verified by a registrar and acknowledging the
//! current platform convention where the chain has the real-name pallet; funded by `--funder`),
//! pre-signs `--per-sender` keep-alive transfers from each to the next (so every transfer moves
//! value between accounts that already exist), submits them all, and then reads the blocks that
//! followed: how many of the transfers each block included, against the blocks' timestamps. With
//! `--spam` it runs a second round while unverified accounts submit as many transfers of their
//! own, and reports how many of those the pool refused and how many any block included.
//!
//! Every call and storage read is the generated one of `compliance-client`, so subxt checks its
//! shape against the node's metadata: the benchmark runs on Compliance Chain and on its
//! throughput baseline (the same runtime without `CheckRealName`), and refuses, naming the item,
//! a chain whose calls or storage differ. Where the runtime has no real-name pallet, the
//! verification steps are skipped.

use crate::{
	error::BenchError,
	node::{read_all, sign, Node, SubmitOutcome, Tx},
	report::{fixed, Report, Round, Spam},
};
use compliance_client::{
	api::{self, runtime_types::pallet_real_name::types::VerificationLevel},
	keys::{self, Keypair},
	At,
};
use std::{
	collections::{BTreeMap, HashSet},
	time::{Duration, Instant},
};
use subxt::{
	storage::Address,
	utils::{AccountId32, MultiAddress, H256},
};

/// What `transfers` runs: at least 2 senders (each sends to the next) and 1 transfer each.
pub struct TransferBench {
	/// How many sender accounts.
	pub senders: u32,
	/// How many transfers each sender submits per round.
	pub per_sender: u32,
	/// Whether to run a second round with an unverified spammer.
	pub spam: bool,
	/// The account that funds the senders.
	pub funder: Keypair,
	/// The registrar that verifies the senders (real-name chains only).
	pub registrar: Keypair,
	/// Blocks without a new benchmark transfer after which a round ends.
	pub idle_blocks: u32,
}

/// How long a verification of a sender lasts: a year of six-second blocks.
const VERIFICATION_BLOCKS: u64 = 5_256_000;

/// Senders ready to send keep-alive transfers to each other: verified where the chain has the
/// real-name pallet, funded, acknowledging the current convention.
pub struct Senders {
	/// Their keys, as derived (`//bench-sender//<i>`).
	pub keys: Vec<Keypair>,
	/// Their accounts, in the same order.
	pub ids: Vec<AccountId32>,
	/// `Balances.ExistentialDeposit`: what each transfer moves.
	pub existential_deposit: u128,
	/// The fee of one transfer.
	pub fee: u128,
	/// The spec version of the runtime at the start.
	pub spec_version: u32,
	/// Whether the chain has the real-name pallet.
	pub real_name: bool,
	/// Whether `CheckRealName` is among the transaction extensions.
	pub gated: bool,
	/// How long preparing them took, in seconds.
	pub setup_seconds: f64,
}

/// Prepares `count` senders (reusing those a previous run prepared) for `transfers_each`
/// keep-alive transfers each, funded by `funder` and verified by `registrar`.
pub async fn prepare(
	node: &Node,
	funder: &Keypair,
	registrar: &Keypair,
	count: u32,
	transfers_each: u64,
) -> Result<Senders, BenchError> {
	let at = node.best().await?;
	let metadata = at.metadata_ref();
	let real_name = metadata.pallet_by_name("RealName").is_some();
	let gated = metadata
		.extrinsic()
		.transaction_extensions_to_use_for_encoding()
		.any(|e| e.identifier() == "CheckRealName");
	for pallet in ["Balances", "Timestamp"] {
		if metadata.pallet_by_name(pallet).is_none() {
			return Err(BenchError::Usage(format!("the chain has no {pallet} pallet to benchmark")));
		}
	}
	let existential_deposit = at
		.constants()
		.entry(api::constants().balances().existential_deposit())
		.map_err(|e| BenchError::Other(format!("cannot read Balances.ExistentialDeposit: {e}")))?;

	let keys = dev_keys("bench-sender", count)?;
	let started = Instant::now();
	if real_name {
		verify(node, registrar, &keys).await?;
	}
	// The transfers plus their fees, twice over, on top of the deposit.
	let sample = transfer(&keys::account_of(&keys[1]), existential_deposit);
	let fee = sample_fee(node, &keys[0], &sample).await?;
	let needed =
		u128::from(transfers_each) * (existential_deposit + fee) * 2 + existential_deposit * 10;
	fund(node, funder, &keys, needed).await?;
	if real_name {
		acknowledge_convention(node, &keys).await?;
	}
	Ok(Senders {
		ids: accounts(&keys),
		keys,
		existential_deposit,
		fee,
		spec_version: at.spec_version(),
		real_name,
		gated,
		setup_seconds: started.elapsed().as_secs_f64(),
	})
}

/// Runs the benchmark and returns its report.
pub async fn transfers(node: &Node, bench: &TransferBench) -> Result<Report, BenchError> {
	let rounds = if bench.spam { 2 } else { 1 };
	let senders = prepare(
		node,
		&bench.funder,
		&bench.registrar,
		bench.senders,
		u64::from(bench.per_sender * rounds),
	)
	.await?;
	let value = senders.existential_deposit;
	let clean = round(node, bench, &senders.keys, &[], value).await?;
	let mut report = Report {
		runtime_spec_version: senders.spec_version,
		real_name_pallet: senders.real_name,
		real_name_check_in_extensions: senders.gated,
		senders: bench.senders,
		per_sender: bench.per_sender,
		fee_per_transfer: senders.fee,
		setup_seconds: fixed(senders.setup_seconds, 1),
		round: clean.report(),
		round_with_spam: None,
		spam_to_clean_stps_ratio: None,
	};
	if bench.spam {
		let spammers = dev_keys("bench-spammer", bench.senders)?;
		let spammed = round(node, bench, &senders.keys, &spammers, value).await?;
		let ratio = if clean.stps > 0.0 { spammed.stps / clean.stps } else { 0.0 };
		report.round_with_spam = Some(spammed.report());
		report.spam_to_clean_stps_ratio = Some(fixed(ratio, 3));
	}
	Ok(report)
}

/// `count` sr25519 keys derived from the development phrase as `//<prefix>//<i>`.
fn dev_keys(prefix: &str, count: u32) -> Result<Vec<Keypair>, BenchError> {
	(0..count)
		.map(|i| {
			keys::from_suri(&format!("//{prefix}//{i}"))
				.map_err(|_| BenchError::Other(format!("cannot derive key //{prefix}//{i}")))
		})
		.collect()
}

/// The accounts of `keys`, in order.
fn accounts(keys: &[Keypair]) -> Vec<AccountId32> {
	keys.iter().map(keys::account_of).collect()
}

/// A keep-alive transfer of `value` to `dest`: the transaction the benchmark measures.
pub fn transfer(
	dest: &AccountId32,
	value: u128,
) -> subxt::transactions::StaticPayload<api::balances::calls::TransferKeepAlive> {
	api::tx().balances().transfer_keep_alive(MultiAddress::Id(dest.clone()), value)
}

/// The fee the chain charges for `sample` signed by `signer`.
async fn sample_fee<P: subxt::transactions::Payload>(
	node: &Node,
	signer: &Keypair,
	sample: &P,
) -> Result<u128, BenchError> {
	let at = node.best().await?;
	sign(&at, sample, signer, 0)?
		.partial_fee_estimate()
		.await
		.map_err(|e| BenchError::Other(format!("cannot estimate the fee of a transfer: {e}")))
}

/// Verifies the senders that have no real-name record yet, signed by the registrar.
async fn verify(node: &Node, registrar: &Keypair, senders: &[Keypair]) -> Result<(), BenchError> {
	let at = node.best().await?;
	let ids = accounts(senders);
	let records = read_all(&ids, |who| has_record(&at, who)).await?;
	let missing: Vec<AccountId32> = ids
		.iter()
		.zip(records)
		.filter(|(_, known)| !known)
		.map(|(who, _)| who.clone())
		.collect();
	if missing.is_empty() {
		return Ok(());
	}
	eprintln!("verifying {} senders…", missing.len());
	let expires_at = u32::try_from(at.block_number() + VERIFICATION_BLOCKS)
		.map_err(|_| BenchError::Other("the chain is too far along to verify until".into()))?;
	let calls: Vec<_> = missing
		.iter()
		.map(|who| {
			let commitment = H256(sp_crypto_hashing::blake2_256(
				format!("throughput benchmark sender {who}").as_bytes(),
			));
			api::tx().real_name().verify(
				MultiAddress::Id(who.clone()),
				commitment,
				VerificationLevel::Basic,
				expires_at,
			)
		})
		.collect();
	node.submit_in_order(registrar, &calls).await?;
	let at = node.best().await?;
	let records = read_all(&missing, |who| has_record(&at, who)).await?;
	if let Some((who, _)) = missing.iter().zip(records).find(|(_, known)| !known) {
		return Err(BenchError::Failed(format!(
			"the registrar's verification of {who} did not take effect (is the registrar key a registrar?)"
		)));
	}
	Ok(())
}

/// Tops up every sender whose free balance is below `needed`.
async fn fund(
	node: &Node,
	funder: &Keypair,
	senders: &[Keypair],
	needed: u128,
) -> Result<(), BenchError> {
	let at = node.best().await?;
	let ids = accounts(senders);
	let balances = read_all(&ids, |who| free_balance(&at, who)).await?;
	let calls: Vec<_> = ids
		.iter()
		.zip(balances)
		.filter(|(_, free)| *free < needed)
		.map(|(who, free)| {
			api::tx()
				.balances()
				.transfer_allow_death(MultiAddress::Id(who.clone()), needed - free)
		})
		.collect();
	if calls.is_empty() {
		return Ok(());
	}
	eprintln!("funding {} senders…", calls.len());
	node.submit_in_order(funder, &calls).await?;
	let at = node.best().await?;
	let balances = read_all(&ids, |who| free_balance(&at, who)).await?;
	if let Some((who, _)) = ids.iter().zip(balances).find(|(_, free)| *free < needed) {
		return Err(BenchError::Failed(format!(
			"funding {who} did not take effect (does the funder hold enough?)"
		)));
	}
	Ok(())
}

/// Each sender acknowledges the current platform convention, if it has not yet.
async fn acknowledge_convention(node: &Node, senders: &[Keypair]) -> Result<(), BenchError> {
	let at = node.best().await?;
	let current = read(&at, api::storage().real_name().compliance_state(), ())
		.await?
		.map_or(0, |state| state.current_convention);
	if current == 0 {
		return Ok(());
	}
	let ids = accounts(senders);
	let acknowledged = read_all(&ids, |who| {
		let at = &at;
		async move {
			let record = read(at, api::storage().real_name().accounts(), (who.clone(),)).await?;
			Ok(record.map_or(0, |r| r.acknowledged_convention))
		}
	})
	.await?;
	let nonces = read_all(&ids, |who| node.next_nonce(who)).await?;
	let ack = api::tx().real_name().acknowledge(current);
	let mut pending = Vec::new();
	for (((key, who), acknowledged), nonce) in senders.iter().zip(ids).zip(acknowledged).zip(nonces)
	{
		if acknowledged < current {
			pending.push((who, nonce + 1, sign(&at, &ack, key, nonce)?));
		}
	}
	if pending.is_empty() {
		return Ok(());
	}
	eprintln!("{} senders acknowledge convention v{current}…", pending.len());
	let outcome = node.submit_all(pending.iter().map(|(_, _, tx)| tx)).await;
	if let Some((reason, n)) = outcome.refused.iter().next() {
		return Err(BenchError::Refused(format!("{n} acknowledgements refused: {reason}")));
	}
	let expected: Vec<(AccountId32, u64)> =
		pending.into_iter().map(|(who, nonce, _)| (who, nonce)).collect();
	node.wait_for_nonces(&expected).await
}

/// Reads the storage entry at `address` under `keys` at `at`: its value as the generated type,
/// or `None` where the entry is absent.
async fn read<A: Address>(
	at: &At,
	address: A,
	keys: A::KeyParts,
) -> Result<Option<A::Value>, BenchError> {
	let what = format!("{}.{}", address.pallet_name(), address.entry_name());
	let fail = |e: String| BenchError::Other(format!("cannot read {what}: {e}"));
	let Some(value) =
		at.storage().try_fetch(address, keys).await.map_err(|e| fail(e.to_string()))?
	else {
		return Ok(None);
	};
	value.decode().map(Some).map_err(|e| fail(e.to_string()))
}

/// Whether `who` has a real-name record (verified now or before).
async fn has_record(at: &At, who: &AccountId32) -> Result<bool, BenchError> {
	Ok(read(at, api::storage().real_name().accounts(), (who.clone(),)).await?.is_some())
}

/// The free balance of `who`.
async fn free_balance(at: &At, who: &AccountId32) -> Result<u128, BenchError> {
	Ok(read(at, api::storage().system().account(), (who.clone(),))
		.await?
		.map_or(0, |info| info.data.free))
}

/// What one round measured, before it is rendered.
struct Measured {
	transfers: u64,
	outcome: SubmitOutcome,
	/// The spam round's: submitted, the pool's answers, included.
	spam: Option<(u64, SubmitOutcome, u64)>,
	included: u64,
	failed: u64,
	/// Per block with benchmark transfers: number, transfers, normal-class weight used (ps).
	blocks: Vec<(u64, u64, u64)>,
	seconds: f64,
	stps: f64,
	steady_stps: Option<f64>,
}

impl Measured {
	/// The round as the report shows it.
	fn report(&self) -> Round {
		let largest = self.blocks.iter().map(|b| b.1).max().unwrap_or(0);
		let most_weight = self.blocks.iter().map(|b| b.2).max().unwrap_or(0);
		Round {
			transfers_submitted: self.transfers,
			accepted_by_pool: self.outcome.accepted,
			refused_by_pool: self.outcome.refused.clone(),
			included: self.included,
			failed_in_block: self.failed,
			blocks: self.blocks.len() as u64,
			largest_block_transfers: largest,
			largest_block_normal_weight_ms: fixed(most_weight as f64 / 1e9, 1),
			block_seconds: fixed(self.seconds, 1),
			stps: fixed(self.stps, 1),
			steady_stps: self.steady_stps.map(|v| fixed(v, 1)),
			per_block: self.blocks.iter().map(|(n, count, _)| format!("#{n}: {count}")).collect(),
			spam: self.spam.as_ref().map(|(submitted, outcome, included)| Spam {
				submitted: *submitted,
				accepted_by_pool: outcome.accepted,
				refused_by_pool: outcome.refused_total(),
				refused_by_reason: outcome.refused.clone(),
				included: *included,
			}),
		}
	}
}

/// One round: pre-sign every sender's transfers (and the spammers'), submit them together,
/// then count what the blocks included.
async fn round(
	node: &Node,
	bench: &TransferBench,
	senders: &[Keypair],
	spammers: &[Keypair],
	value: u128,
) -> Result<Measured, BenchError> {
	let at = node.best().await?;
	let ids = accounts(senders);
	let nonces = read_all(&ids, |who| node.next_nonce(who)).await?;
	// Nonce layer by layer, so each sender's transactions reach the pool in order.
	let mut txs = Vec::new();
	for k in 0..u64::from(bench.per_sender) {
		for (i, key) in senders.iter().enumerate() {
			let dest = &ids[(i + 1) % ids.len()];
			txs.push(sign(&at, &transfer(dest, value), key, nonces[i] + k)?);
		}
	}
	let spammer_ids = accounts(spammers);
	let spammer_nonces = read_all(&spammer_ids, |who| node.next_nonce(who)).await?;
	let mut spam_txs = Vec::new();
	for k in 0..u64::from(bench.per_sender) {
		for (key, nonce) in spammers.iter().zip(&spammer_nonces) {
			spam_txs.push(sign(&at, &transfer(&ids[0], value), key, nonce + k)?);
		}
	}
	let ours: HashSet<H256> = txs.iter().map(Tx::hash).collect();
	let spam: HashSet<H256> = spam_txs.iter().map(Tx::hash).collect();
	eprintln!(
		"submitting {} transfers{}…",
		txs.len(),
		if spam_txs.is_empty() {
			String::new()
		} else {
			format!(" and {} spam transfers", spam_txs.len())
		}
	);

	let first_block = node.best_number().await? + 1;
	let (outcome, spam_outcome) = tokio::join!(node.submit_all(&txs), node.submit_all(&spam_txs));

	// Follow the best chain until every accepted transfer is in, or nothing new arrives.
	let mut blocks = Vec::new();
	let (mut included, mut failed, mut spam_included) = (0u64, 0u64, 0u64);
	let (mut next, mut idle) = (first_block, 0u32);
	let mut timestamps = BTreeMap::new();
	while included < outcome.accepted && idle < bench.idle_blocks {
		if node.best_number().await? < next {
			tokio::time::sleep(Duration::from_millis(250)).await;
			continue;
		}
		let block = node.at(next).await?;
		let extrinsics = block
			.extrinsics()
			.fetch()
			.await
			.map_err(|e| BenchError::Other(format!("cannot read block #{next}: {e}")))?;
		let mut mine = HashSet::new();
		for ext in extrinsics.iter() {
			let ext =
				ext.map_err(|e| BenchError::Other(format!("cannot decode block #{next}: {e}")))?;
			let hash = ext.hash();
			if ours.contains(&hash) {
				mine.insert(ext.index() as u32);
			} else if spam.contains(&hash) {
				spam_included += 1;
			}
		}
		timestamps.insert(next, timestamp(&block).await?);
		if mine.is_empty() {
			idle += 1;
		} else {
			idle = 0;
			failed += failed_among(&block, &mine).await?;
			included += mine.len() as u64;
			blocks.push((next, mine.len() as u64, normal_weight(&block).await?));
		}
		next += 1;
	}
	// Block time from the parent of the first block with a benchmark transfer to the last one.
	let seconds = match (blocks.first(), blocks.last()) {
		(Some(first), Some(last)) => {
			let start = match timestamps.get(&(first.0 - 1)) {
				Some(t) => *t,
				None => timestamp(&node.at(first.0 - 1).await?).await?,
			};
			(timestamps[&last.0].saturating_sub(start)) as f64 / 1000.0
		},
		_ => 0.0,
	};
	let stps = if seconds > 0.0 { included as f64 / seconds } else { 0.0 };
	let steady_stps = (blocks.len() >= 3).then(|| {
		let inner = &blocks[1..blocks.len() - 1];
		let count: u64 = inner.iter().map(|b| b.1).sum();
		let span = timestamps[&inner[inner.len() - 1].0].saturating_sub(timestamps[&blocks[0].0]);
		if span > 0 {
			count as f64 / (span as f64 / 1000.0)
		} else {
			0.0
		}
	});
	let spam = (!spammers.is_empty()).then(|| (spam_txs.len() as u64, spam_outcome, spam_included));
	Ok(Measured {
		transfers: txs.len() as u64,
		outcome,
		spam,
		included,
		failed,
		blocks,
		seconds,
		stps,
		steady_stps,
	})
}

/// `Timestamp.Now` at `block`, in milliseconds.
async fn timestamp(block: &At) -> Result<u64, BenchError> {
	Ok(read(block, api::storage().timestamp().now(), ()).await?.unwrap_or(0))
}

/// The normal-class ref-time weight `block` used, in picoseconds.
async fn normal_weight(block: &At) -> Result<u64, BenchError> {
	Ok(read(block, api::storage().system().block_weight(), ())
		.await?
		.map_or(0, |weight| weight.normal.ref_time))
}

/// How many of the extrinsics at `indexes` of `block` failed in dispatch.
async fn failed_among(block: &At, indexes: &HashSet<u32>) -> Result<u64, BenchError> {
	Ok(failed_indexes(block, indexes).await?.len() as u64)
}

/// Which of the extrinsics at `indexes` of `block` failed in dispatch.
pub async fn failed_indexes(
	block: &At,
	indexes: &HashSet<u32>,
) -> Result<HashSet<u32>, BenchError> {
	let events = block
		.events()
		.fetch()
		.await
		.map_err(|e| BenchError::Other(format!("cannot read the block's events: {e}")))?;
	let mut failed = HashSet::new();
	for event in events.iter() {
		let event = event.map_err(|e| BenchError::Other(format!("cannot decode an event: {e}")))?;
		if event.is::<api::system::events::ExtrinsicFailed>() {
			if let subxt::events::Phase::ApplyExtrinsic(i) = event.phase() {
				if indexes.contains(&i) {
					failed.insert(i);
				}
			}
		}
	}
	Ok(failed)
}
