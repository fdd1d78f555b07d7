//! The chain the index reads: a node's JSON-RPC, with each block's events decoded by the metadata
//! of the runtime that executed the block.
//!
//! `System.Events` and `Timestamp.Now` come for a run of blocks in one `state_queryStorage` (which
//! answers each block's values as changes from the block before), as many blocks per request as
//! keep the answer near [`RANGE_ANSWER_BYTES`], judged by the blocks read so far; a node that
//! refuses range queries (an RPC endpoint serving only safe methods) is asked per block with
//! `state_queryStorageAt`. Blocks with indexed events emitted by extrinsics cost one
//! `chain_getBlock` more, for the signers. Block hashes come a batch at a time
//! (`chain_getBlockHash` takes a list), and the runtime version is asked only where it may have
//! changed: at both ends of a batch, then by bisection (spec versions only grow, so equal ends
//! mean no upgrade in between).
//!
//! The runtime that executed block `n` is the one in the state of block `n - 1`: an upgrade
//! enacted in block `n - 1` (its `System.CodeUpdated` event) executes from block `n` on. Each
//! block is decoded with the metadata of its parent's runtime, fetched once per spec version.

use crate::{
	error::Fail,
	row::{Place, Row},
};
use codec::Decode;
use compliance_client::{At, ChainConfig};
use compliance_render::to_hex;
use futures::{StreamExt, TryStreamExt};
use std::{
	collections::HashMap,
	sync::{
		atomic::{AtomicBool, AtomicU64, Ordering},
		Arc,
	},
};
use subxt::{
	config::RpcConfigFor,
	events::Phase,
	rpcs::{
		client::rpc_params,
		methods::legacy::{LegacyRpcMethods, StorageChangeSet},
		RpcClient,
	},
	utils::{AccountId32, MultiAddress, H256},
	OnlineClient,
};
use tokio::sync::Mutex;

/// Pallets whose events are bookkeeping of every block or transaction, not records: block
/// production, finality, fees, balances and sessions. Every other pallet's events are indexed,
/// and `System`'s runtime-upgrade events.
const BOOKKEEPING: [&str; 7] =
	["Timestamp", "Aura", "Grandpa", "Balances", "TransactionPayment", "Session", "System"];

/// The `System` events that are records: a runtime upgrade authorized and enacted.
const SYSTEM_RECORDS: [&str; 2] = ["UpgradeAuthorized", "CodeUpdated"];

/// Whether the index keeps an event.
pub fn indexed(pallet: &str, event: &str) -> bool {
	if pallet == "System" {
		return SYSTEM_RECORDS.contains(&event);
	}
	!BOOKKEEPING.contains(&pallet)
}

/// A block to index: its number, hash, and the hash of its parent.
#[derive(Clone, Copy, Debug)]
pub struct BlockRef {
	/// The number.
	pub number: u64,
	/// The hash.
	pub hash: H256,
	/// The parent's hash (whose state holds the runtime that executed this block).
	pub parent: H256,
}

/// The size a range query's answer is kept near: far below the node's default response limit
/// (15 MiB), large enough that a run of empty blocks takes one request per batch.
const RANGE_ANSWER_BYTES: u64 = 2 << 20;

/// Blocks per range query at most, and before any block has been read.
const RANGE_BLOCKS: u64 = 64;

/// What the index reads of a block's state.
#[derive(Clone, Debug, Default)]
pub struct BlockState {
	/// `System.Events`, SCALE-encoded (empty if the block has none).
	pub events: Vec<u8>,
	/// `Timestamp.Now`, 0 where the block has none.
	pub timestamp_ms: u64,
}

/// A connection to a node, with the metadata of each runtime version seen so far.
pub struct Source {
	client: OnlineClient<ChainConfig>,
	raw: RpcClient,
	rpc: LegacyRpcMethods<RpcConfigFor<ChainConfig>>,
	events_key: Vec<u8>,
	now_key: Vec<u8>,
	/// A client at some block whose runtime has this spec version: its metadata decodes every
	/// block that runtime executed.
	decoders: Mutex<HashMap<u32, Arc<At>>>,
	/// Whether the node answers `state_queryStorage` (unsafe RPC methods are often refused).
	range_queries: AtomicBool,
	/// The largest `System.Events` seen so far, in bytes: it sizes the range queries.
	largest_events: AtomicU64,
}

impl Source {
	/// Connects to the node at `url`.
	pub async fn connect(url: &str) -> Result<Self, Fail> {
		let unreachable = |e: String| Fail::unreachable(format!("cannot reach node at {url}: {e}"));
		let raw = tokio::time::timeout(
			compliance_client::CONNECT_TIMEOUT,
			RpcClient::from_insecure_url(url),
		)
		.await
		.map_err(|_| unreachable("no answer".into()))?
		.map_err(|e| unreachable(e.to_string()))?;
		let client = OnlineClient::<ChainConfig>::from_rpc_client(raw.clone())
			.await
			.map_err(|e| unreachable(e.to_string()))?;
		let at = client
			.at_current_block()
			.await
			.map_err(|e| unreachable(format!("cannot read the finalized block: {e}")))?;
		let key = |pallet: &str, entry: &str| -> Result<Vec<u8>, Fail> {
			at.storage()
				.entry(subxt::dynamic::storage::<(), subxt::ext::scale_value::Value>(pallet, entry))
				.and_then(|e| e.fetch_key(()))
				.map_err(|e| Fail::other(format!("the chain has no {pallet}.{entry}: {e}")))
		};
		let events_key = key("System", "Events")?;
		let now_key = key("Timestamp", "Now")?;
		Ok(Self {
			rpc: LegacyRpcMethods::new(raw.clone()),
			raw,
			client,
			events_key,
			now_key,
			decoders: Mutex::new(HashMap::new()),
			range_queries: AtomicBool::new(true),
			largest_events: AtomicU64::new(0),
		})
	}

	/// The chain's genesis hash, hex.
	pub fn genesis_hash(&self) -> String {
		to_hex(self.client.genesis_hash())
	}

	/// The number of the latest finalized block.
	pub async fn finalized(&self) -> Result<u64, Fail> {
		let hash = self.rpc.chain_get_finalized_head().await.map_err(rpc_error)?;
		let header = self
			.rpc
			.chain_get_header(Some(hash))
			.await
			.map_err(rpc_error)?
			.ok_or_else(|| Fail::other("the node has no header for its finalized block"))?;
		Ok(header.number.into())
	}

	/// The blocks `numbers` (consecutive, the first above genesis), with their parents' hashes.
	pub async fn blocks(&self, first: u64, last: u64) -> Result<Vec<BlockRef>, Fail> {
		let from = first.saturating_sub(1);
		let numbers: Vec<u64> = (from..=last).collect();
		let hashes: Vec<Option<H256>> = self
			.raw
			.request("chain_getBlockHash", rpc_params![numbers])
			.await
			.map_err(rpc_error)?;
		let mut out = Vec::with_capacity(hashes.len());
		for (i, number) in (from..=last).enumerate().skip(usize::from(first > 0)) {
			let hash = hashes[i].ok_or_else(|| {
				Fail::not_found(format!("the node does not know block #{number}"))
			})?;
			// Genesis is its own parent here: it has no events.
			let parent = if i == 0 { hash } else { hashes[i - 1].expect("checked before") };
			out.push(BlockRef { number, hash, parent });
		}
		Ok(out)
	}

	/// The spec version of the runtime in the state of block `number` (hash `hash`).
	async fn spec_version(&self, number: u64, hash: H256) -> Result<u32, Fail> {
		self.rpc
			.state_get_runtime_version(Some(hash))
			.await
			.map(|v| v.spec_version)
			.map_err(|e| pruned_or(number, e))
	}

	/// Refuses to start at block `first` when the node no longer has the state it needs (its
	/// parent's, for the runtime version, and its own, for the events).
	pub async fn check_available(&self, first: u64) -> Result<(), Fail> {
		if first == 0 || first > self.finalized().await? {
			// Nothing to read yet: the indexer waits for the block.
			return Ok(());
		}
		let Some(block) = self.blocks(first, first).await?.into_iter().next() else {
			return Ok(());
		};
		self.spec_version(first.saturating_sub(1), block.parent).await?;
		self.rpc
			.state_get_storage(&self.events_key, Some(block.hash))
			.await
			.map_err(|e| pruned_or(first, e))?;
		Ok(())
	}

	/// The spec version that executed each of `blocks` (consecutive).
	pub async fn spec_versions(&self, blocks: &[BlockRef]) -> Result<Vec<u32>, Fail> {
		let mut out = vec![0; blocks.len()];
		if blocks.is_empty() {
			return Ok(out);
		}
		let last = blocks.len() - 1;
		let (first_spec, last_spec) = futures::try_join!(
			self.spec_version(blocks[0].number.saturating_sub(1), blocks[0].parent),
			self.spec_version(blocks[last].number.saturating_sub(1), blocks[last].parent)
		)?;
		self.fill_specs(blocks, &mut out, 0, first_spec, last, last_spec).await?;
		Ok(out)
	}

	/// Fills `out[lo..=hi]` knowing the spec versions at both ends.
	async fn fill_specs(
		&self,
		blocks: &[BlockRef],
		out: &mut [u32],
		lo: usize,
		lo_spec: u32,
		hi: usize,
		hi_spec: u32,
	) -> Result<(), Fail> {
		let mut stack = vec![(lo, lo_spec, hi, hi_spec)];
		while let Some((lo, lo_spec, hi, hi_spec)) = stack.pop() {
			if lo_spec == hi_spec {
				out[lo..=hi].fill(lo_spec);
				continue;
			}
			if hi - lo <= 1 {
				out[lo] = lo_spec;
				out[hi] = hi_spec;
				continue;
			}
			let mid = lo + (hi - lo) / 2;
			let mid_spec = self
				.spec_version(blocks[mid].number.saturating_sub(1), blocks[mid].parent)
				.await?;
			stack.push((lo, lo_spec, mid, mid_spec));
			stack.push((mid, mid_spec, hi, hi_spec));
		}
		Ok(())
	}

	/// A client whose metadata is that of spec version `spec`, as found in the state of `parent`.
	async fn decoder(&self, spec: u32, parent: H256) -> Result<Arc<At>, Fail> {
		let mut decoders = self.decoders.lock().await;
		if let Some(at) = decoders.get(&spec) {
			return Ok(at.clone());
		}
		let at =
			Arc::new(self.client.at_block(parent).await.map_err(|e| {
				Fail::other(format!("cannot read the metadata of spec {spec}: {e}"))
			})?);
		decoders.insert(spec, at.clone());
		Ok(at)
	}

	/// What the index reads of each of `blocks` (consecutive), a range of blocks per request,
	/// `parallel` requests at a time.
	pub async fn states(
		&self,
		blocks: &[BlockRef],
		parallel: usize,
	) -> Result<Vec<BlockState>, Fail> {
		let largest = self.largest_events.load(Ordering::Relaxed).max(1);
		let per_request = (RANGE_ANSWER_BYTES / largest).clamp(1, RANGE_BLOCKS) as usize;
		let runs: Vec<Vec<BlockState>> = futures::stream::iter(blocks.chunks(per_request))
			.map(|run| self.run_states(run))
			.buffered(parallel.max(1))
			.try_collect()
			.await?;
		let states = runs.concat();
		let largest = states.iter().map(|s| s.events.len() as u64).max().unwrap_or(0);
		self.largest_events.fetch_max(largest, Ordering::Relaxed);
		Ok(states)
	}

	/// The states of `run` (consecutive blocks): one range query, or one query per block where
	/// the node refuses range queries or the run is one block.
	async fn run_states(&self, run: &[BlockRef]) -> Result<Vec<BlockState>, Fail> {
		let (Some(first), Some(last)) = (run.first(), run.last()) else { return Ok(Vec::new()) };
		if run.len() > 1 && self.range_queries.load(Ordering::Relaxed) {
			let keys = [&self.events_key[..], &self.now_key[..]];
			match self.rpc.state_query_storage(keys, first.hash, Some(last.hash)).await {
				Ok(sets) => return states_of(run, sets, &self.events_key, &self.now_key),
				Err(e) if refused(&e) =>
					if self.range_queries.swap(false, Ordering::Relaxed) {
						eprintln!(
							"the node refuses state_queryStorage ({e}): reading block by block, \
							 which is slower"
						);
					},
				// A range the node cannot answer in one go (its response limit): block by block.
				Err(e) =>
					log::debug!("state_queryStorage #{}..#{}: {e}", first.number, last.number),
			}
		}
		futures::stream::iter(run).then(|block| self.state(*block)).try_collect().await
	}

	/// The state of one block.
	async fn state(&self, block: BlockRef) -> Result<BlockState, Fail> {
		let keys = [&self.events_key[..], &self.now_key[..]];
		let sets = self
			.rpc
			.state_query_storage_at(keys, Some(block.hash))
			.await
			.map_err(|e| pruned_or(block.number, e))?;
		let value = |key: &[u8]| {
			sets.iter()
				.flat_map(|set| set.changes.iter())
				.find(|(k, _)| k.0 == key)
				.and_then(|(_, v)| v.as_ref())
				.map(|v| v.0.clone())
		};
		Ok(BlockState {
			events: value(&self.events_key).unwrap_or_default(),
			timestamp_ms: timestamp(block.number, value(&self.now_key))?,
		})
	}

	/// The indexed events of `block`, executed by spec version `spec`, from its `state`.
	pub async fn rows(
		&self,
		block: BlockRef,
		spec: u32,
		state: BlockState,
	) -> Result<Vec<Row>, Fail> {
		let BlockState { events: events_bytes, timestamp_ms } = state;
		if events_bytes.is_empty() {
			return Ok(Vec::new());
		}
		let at = self.decoder(spec, block.parent).await?;
		let events = at.events().from_bytes(events_bytes);
		let place = Place {
			block: block.number,
			block_hash: to_hex(block.hash),
			timestamp_ms,
			spec_version: spec,
		};
		let metadata = at.metadata_ref();
		let mut kept = Vec::new();
		for event in events.iter() {
			let event = event.map_err(|e| {
				Fail::other(format!("block #{}: cannot decode an event: {e}", block.number))
			})?;
			if !indexed(event.pallet_name(), event.event_name()) {
				continue;
			}
			let extrinsic = match event.phase() {
				Phase::ApplyExtrinsic(i) => Some(i),
				_ => None,
			};
			let fields = compliance_client::event_fields(
				metadata,
				event.pallet_index(),
				event.event_index(),
				event.field_bytes(),
			)
			.map_err(|e| Fail::other(format!("block #{}: {e}", block.number)))?;
			kept.push((
				event.index(),
				extrinsic,
				event.pallet_name().to_string(),
				event.event_name().to_string(),
				fields,
			));
		}
		if kept.is_empty() {
			return Ok(Vec::new());
		}
		let signers = if kept.iter().any(|(_, extrinsic, ..)| extrinsic.is_some()) {
			self.signers(&at, block).await?
		} else {
			Vec::new()
		};
		Ok(kept
			.into_iter()
			.map(|(index, extrinsic, pallet, event, fields)| {
				let signer = extrinsic.and_then(|i| signers.get(i as usize).cloned()).flatten();
				Row::new(
					&place,
					index,
					extrinsic,
					signer,
					&pallet,
					&event,
					&fields,
					metadata.types(),
				)
			})
			.collect())
	}

	/// The indexed event `event_index` of the block with `hash`, read from the chain as the
	/// indexer reads it; `None` when the block has no such indexed event.
	pub async fn row_at(&self, hash: H256, event_index: u32) -> Result<Option<Row>, Fail> {
		let header =
			self.rpc.chain_get_header(Some(hash)).await.map_err(rpc_error)?.ok_or_else(|| {
				Fail::not_found(format!("the node does not know block {}", to_hex(hash)))
			})?;
		let block = BlockRef { number: header.number.into(), hash, parent: header.parent_hash };
		let spec = self.spec_version(block.number.saturating_sub(1), block.parent).await?;
		let state = self.state(block).await?;
		Ok(self
			.rows(block, spec, state)
			.await?
			.into_iter()
			.find(|r| r.event_index == event_index))
	}

	/// The signer of each extrinsic of `block` (none for inherents and unsigned ones), decoded
	/// with `at`'s metadata.
	async fn signers(&self, at: &At, block: BlockRef) -> Result<Vec<Option<String>>, Fail> {
		let details = self
			.rpc
			.chain_get_block(Some(block.hash))
			.await
			.map_err(rpc_error)?
			.ok_or_else(|| {
				Fail::not_found(format!("the node has no body for block #{}", block.number))
			})?;
		let bodies: Vec<Vec<u8>> = details.block.extrinsics.into_iter().map(|b| b.0).collect();
		let extrinsics = at.extrinsics().from_bytes(bodies).await;
		let mut out = Vec::new();
		for extrinsic in extrinsics.iter() {
			let extrinsic = extrinsic.map_err(|e| {
				Fail::other(format!("block #{}: cannot decode an extrinsic: {e}", block.number))
			})?;
			let signer = extrinsic.address_bytes().and_then(|mut bytes| {
				match MultiAddress::<AccountId32, ()>::decode(&mut bytes).ok()? {
					MultiAddress::Id(account) => Some(account.to_string()),
					_ => None,
				}
			});
			out.push(signer);
		}
		Ok(out)
	}
}

/// An RPC error as one line.
fn rpc_error(error: subxt::rpcs::Error) -> Fail {
	Fail::other(format!("the node answered with an error: {error}"))
}

/// The states of `run` from the changes a range query answered (`sets`): each block holds the
/// value of the last change at or before it.
fn states_of(
	run: &[BlockRef],
	sets: Vec<StorageChangeSet<H256>>,
	events_key: &[u8],
	now_key: &[u8],
) -> Result<Vec<BlockState>, Fail> {
	let mut changes: HashMap<H256, Vec<(Vec<u8>, Option<Vec<u8>>)>> = sets
		.into_iter()
		.map(|set| {
			let changes = set.changes.into_iter().map(|(k, v)| (k.0, v.map(|v| v.0))).collect();
			(set.block, changes)
		})
		.collect();
	let mut current = BlockState::default();
	let mut out = Vec::with_capacity(run.len());
	for block in run {
		for (key, value) in changes.remove(&block.hash).unwrap_or_default() {
			if key == events_key {
				current.events = value.unwrap_or_default();
			} else if key == now_key {
				current.timestamp_ms = timestamp(block.number, value)?;
			}
		}
		out.push(current.clone());
	}
	Ok(out)
}

/// `Timestamp.Now` of block `number` as stored, 0 where it is not.
fn timestamp(number: u64, value: Option<Vec<u8>>) -> Result<u64, Fail> {
	match value {
		Some(bytes) => u64::decode(&mut &bytes[..])
			.map_err(|e| Fail::other(format!("block #{number}: Timestamp.Now: {e}"))),
		None => Ok(0),
	}
}

/// Whether the node refused a method outright (not offered, or unsafe on this endpoint), rather
/// than failing one request.
fn refused(error: &subxt::rpcs::Error) -> bool {
	let message = error.to_string().to_lowercase();
	message.contains("method not found") || message.contains("unsafe")
}

/// The error for a block whose state the node may have pruned.
fn pruned_or(number: u64, error: subxt::rpcs::Error) -> Fail {
	let message = error.to_string();
	let lower = message.to_lowercase();
	if lower.contains("discarded") || lower.contains("pruned") || lower.contains("unknown block") {
		Fail::not_found(format!(
			"the node no longer has the state of block #{number} (pruned): index from an archive \
			 node (compliance-node --state-pruning archive) or one whose pruning window is longer \
			 than the indexer's lag"
		))
	} else {
		Fail::other(format!("cannot read the state of block #{number}: {message}"))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Encode;
	use subxt::rpcs::methods::legacy::Bytes;

	#[test]
	fn a_range_answer_gives_every_block_the_last_value_at_or_before_it() {
		let block = |n: u8| BlockRef {
			number: n.into(),
			hash: H256::repeat_byte(n),
			parent: H256::repeat_byte(n - 1),
		};
		let run = [block(1), block(2), block(3)];
		let (events, now) = (b"events".to_vec(), b"now".to_vec());
		let change = |key: &[u8], value: Vec<u8>| (Bytes(key.to_vec()), Some(Bytes(value)));
		// The node answers the first block's values, then only what changed: block 2 had the
		// same events as block 1 (two empty blocks do), block 3 new ones.
		let sets = vec![
			StorageChangeSet {
				block: run[0].hash,
				changes: vec![change(&events, vec![1]), change(&now, 6_000u64.encode())],
			},
			StorageChangeSet {
				block: run[1].hash,
				changes: vec![change(&now, 12_000u64.encode())],
			},
			StorageChangeSet {
				block: run[2].hash,
				changes: vec![change(&events, vec![2]), change(&now, 18_000u64.encode())],
			},
		];
		let states = states_of(&run, sets, &events, &now).unwrap();
		let seen: Vec<(Vec<u8>, u64)> =
			states.into_iter().map(|s| (s.events, s.timestamp_ms)).collect();
		assert_eq!(seen, [(vec![1], 6_000), (vec![1], 12_000), (vec![2], 18_000)]);
	}
}
