//! `compliance bench transfers`: the transfer throughput of a running chain, in transfers per
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
//! It works against any chain with `Balances` and `Timestamp`: where the runtime has no
//! real-name pallet (a plain polkadot-sdk node), the verification steps are skipped.

use crate::{
	args::{account, address, hash_text, num, unit},
	chain::{call, Call},
	error::CliError,
	render::Node,
};
use compliance_primitives::RejectCode;
use std::{
	collections::{BTreeMap, HashSet},
	str::FromStr,
	time::{Duration, Instant},
};
use subxt::{
	client::OnlineClientAtBlockImpl,
	config::{DefaultExtrinsicParamsBuilder as Params, RpcConfigFor},
	dynamic::{self, Value},
	events::Phase,
	ext::{
		futures::{stream, StreamExt},
		scale_value::At as _,
	},
	rpcs::{methods::LegacyRpcMethods, RpcClient},
	transactions::SubmittableTransaction,
	utils::{AccountId32, H256},
	OnlineClient, OnlineClientAtBlock, PolkadotConfig,
};
use subxt_signer::{sr25519::Keypair, SecretUri};

/// A signed transaction ready to submit.
type Tx = SubmittableTransaction<PolkadotConfig, OnlineClientAtBlockImpl<PolkadotConfig>>;

/// How many submissions are in flight at once.
const SUBMIT_CONCURRENCY: usize = 256;

/// How long a setup step may take before the benchmark gives up.
const SETUP_TIMEOUT: Duration = Duration::from_secs(600);

/// What `bench transfers` runs.
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

/// A node connection for the benchmark: subxt's client plus the plain RPC methods, which
/// submit without following each transaction and read the pool-aware nonce.
pub struct BenchClient {
	client: OnlineClient<PolkadotConfig>,
	rpc: LegacyRpcMethods<RpcConfigFor<PolkadotConfig>>,
}

impl BenchClient {
	/// Connects to the node at `url`.
	pub async fn connect(url: &str) -> Result<Self, CliError> {
		let unreachable =
			|e: String| CliError::Unreachable(format!("cannot reach node at {url}: {e}"));
		let rpc_client = RpcClient::from_insecure_url(url)
			.await
			.map_err(|e| unreachable(e.to_string()))?;
		let client = OnlineClient::<PolkadotConfig>::from_rpc_client(rpc_client.clone())
			.await
			.map_err(|e| unreachable(e.to_string()))?;
		Ok(Self { client, rpc: LegacyRpcMethods::new(rpc_client) })
	}

	/// The chain at its best block.
	async fn best(&self) -> Result<OnlineClientAtBlock<PolkadotConfig>, CliError> {
		let number = self.best_number().await?;
		self.at(number).await
	}

	/// The chain at block `number` of the best chain.
	async fn at(&self, number: u64) -> Result<OnlineClientAtBlock<PolkadotConfig>, CliError> {
		self.client
			.at_block(number)
			.await
			.map_err(|e| CliError::Other(format!("cannot open block #{number}: {e}")))
	}

	/// The best block's number.
	async fn best_number(&self) -> Result<u64, CliError> {
		let header = self
			.rpc
			.chain_get_header(None)
			.await
			.map_err(|e| CliError::Other(format!("cannot read the best block: {e}")))?
			.ok_or_else(|| CliError::Other("the node has no best block".into()))?;
		Ok(header.number)
	}

	/// The next nonce of `who`, counting its transactions in the pool.
	async fn next_nonce(&self, who: &AccountId32) -> Result<u64, CliError> {
		self.rpc
			.system_account_next_index(who)
			.await
			.map_err(|e| CliError::Other(format!("cannot read the nonce of {who}: {e}")))
	}
}

/// How many state reads run at once during setup.
const READ_CONCURRENCY: usize = 64;

/// `read` for every item, `READ_CONCURRENCY` at a time, in order.
async fn read_all<I, T, F, Fut>(items: I, read: F) -> Result<Vec<T>, CliError>
where
	I: IntoIterator,
	F: FnMut(I::Item) -> Fut,
	Fut: std::future::Future<Output = Result<T, CliError>>,
{
	stream::iter(items)
		.map(read)
		.buffered(READ_CONCURRENCY)
		.collect::<Vec<_>>()
		.await
		.into_iter()
		.collect()
}

/// Runs the benchmark and returns its report.
pub async fn transfers(node: &BenchClient, bench: &TransferBench) -> Result<Node, CliError> {
	if bench.senders < 2 || bench.per_sender == 0 {
		return Err(CliError::Usage("give at least 2 --senders and 1 --per-sender".into()));
	}
	let at = node.best().await?;
	let metadata = at.metadata();
	let real_name = metadata.pallet_by_name("RealName").is_some();
	let gated = metadata
		.extrinsic()
		.transaction_extensions_to_use_for_encoding()
		.any(|e| e.identifier() == "CheckRealName");
	for pallet in ["Balances", "Timestamp"] {
		if metadata.pallet_by_name(pallet).is_none() {
			return Err(CliError::Usage(format!("the chain has no {pallet} pallet to benchmark")));
		}
	}
	let existential_deposit: u128 = at
		.constants()
		.entry(dynamic::constant::<u128>("Balances", "ExistentialDeposit"))
		.map_err(|e| CliError::Other(format!("cannot read Balances.ExistentialDeposit: {e}")))?;
	let rounds = if bench.spam { 2 } else { 1 };

	let senders = dev_keys("bench-sender", bench.senders)?;
	let started = Instant::now();
	if real_name {
		verify(node, bench, &senders).await?;
	}
	// Every round's transfers plus their fees, twice over, on top of the deposit.
	let sample = transfer(&senders[1].public_key().to_account_id(), existential_deposit);
	let fee = sample_fee(node, &senders[0], &sample).await?;
	let needed = u128::from(bench.per_sender * rounds) * (existential_deposit + fee) * 2 +
		existential_deposit * 10;
	fund(node, bench, &senders, needed).await?;
	if real_name {
		acknowledge_convention(node, &senders).await?;
	}
	let setup_seconds = started.elapsed().as_secs_f64();

	let clean = round(node, bench, &senders, &[], existential_deposit).await?;
	let mut report = vec![
		("runtime_spec_version", Node::Uint(at.spec_version().into())),
		("real_name_pallet", Node::Bool(real_name)),
		("real_name_check_in_extensions", Node::Bool(gated)),
		("senders", Node::Uint(bench.senders.into())),
		("per_sender", Node::Uint(bench.per_sender.into())),
		("fee_per_transfer", Node::Uint(fee)),
		("setup_seconds", Node::text(format!("{setup_seconds:.1}"))),
	];
	let clean_stps = clean.stps;
	report.push(("round", clean.to_node()));
	if bench.spam {
		let spammers = dev_keys("bench-spammer", bench.senders)?;
		let spammed = round(node, bench, &senders, &spammers, existential_deposit).await?;
		let ratio = if clean_stps > 0.0 { spammed.stps / clean_stps } else { 0.0 };
		report.push(("round_with_spam", spammed.to_node()));
		report.push(("spam_to_clean_stps_ratio", Node::text(format!("{ratio:.3}"))));
	}
	Ok(Node::map(report))
}

/// `count` sr25519 keys derived from the development phrase as `//<prefix>//<i>`.
fn dev_keys(prefix: &str, count: u32) -> Result<Vec<Keypair>, CliError> {
	(0..count)
		.map(|i| {
			SecretUri::from_str(&format!("//{prefix}//{i}"))
				.ok()
				.and_then(|uri| Keypair::from_uri(&uri).ok())
				.ok_or_else(|| CliError::Other(format!("cannot derive key //{prefix}//{i}")))
		})
		.collect()
}

/// A keep-alive transfer of `value` to `dest`.
fn transfer(dest: &AccountId32, value: u128) -> Call {
	call("Balances", "transfer_keep_alive", vec![address(dest), num(value)])
}

/// The fee the chain charges for `sample` signed by `signer`.
async fn sample_fee(node: &BenchClient, signer: &Keypair, sample: &Call) -> Result<u128, CliError> {
	let at = node.best().await?;
	let tx = sign(&at, sample, signer, 0)?;
	tx.partial_fee_estimate()
		.await
		.map_err(|e| CliError::Other(format!("cannot estimate the fee of a transfer: {e}")))
}

/// Verifies the senders that have no real-name record yet, signed by the registrar.
async fn verify(
	node: &BenchClient,
	bench: &TransferBench,
	senders: &[Keypair],
) -> Result<(), CliError> {
	let at = node.best().await?;
	let ids: Vec<AccountId32> = senders.iter().map(|k| k.public_key().to_account_id()).collect();
	let records = read_all(&ids, |who| record(&at, who)).await?;
	let missing: Vec<AccountId32> = ids
		.iter()
		.zip(records)
		.filter(|(_, record)| record.is_none())
		.map(|(who, _)| who.clone())
		.collect();
	if missing.is_empty() {
		return Ok(());
	}
	eprintln!("verifying {} senders…", missing.len());
	// The verification lasts a year of six-second blocks past the current block.
	let expires_at = at.block_number() + 5_256_000;
	let calls = missing
		.iter()
		.map(|who| {
			call(
				"RealName",
				"verify",
				vec![
					address(who),
					crate::args::hash(&hash_text(&format!("throughput benchmark sender {who}"))),
					unit("Basic"),
					num(expires_at),
				],
			)
		})
		.collect();
	submit_in_order(node, &bench.registrar, calls).await?;
	let at = node.best().await?;
	let records = read_all(&missing, |who| record(&at, who)).await?;
	if let Some((who, _)) = missing.iter().zip(records).find(|(_, record)| record.is_none()) {
		return Err(CliError::Failed(format!(
			"the registrar's verification of {who} did not take effect (is the registrar key a registrar?)"
		)));
	}
	Ok(())
}

/// Tops up every sender whose free balance is below `needed`.
async fn fund(
	node: &BenchClient,
	bench: &TransferBench,
	senders: &[Keypair],
	needed: u128,
) -> Result<(), CliError> {
	let at = node.best().await?;
	let ids: Vec<AccountId32> = senders.iter().map(|k| k.public_key().to_account_id()).collect();
	let balances = read_all(&ids, |who| free_balance(&at, who)).await?;
	let calls: Vec<Call> = ids
		.iter()
		.zip(balances)
		.filter(|(_, free)| *free < needed)
		.map(|(who, free)| {
			call("Balances", "transfer_allow_death", vec![address(who), num(needed - free)])
		})
		.collect();
	if calls.is_empty() {
		return Ok(());
	}
	eprintln!("funding {} senders…", calls.len());
	submit_in_order(node, &bench.funder, calls).await?;
	let at = node.best().await?;
	let balances = read_all(&ids, |who| free_balance(&at, who)).await?;
	if let Some((who, _)) = ids.iter().zip(balances).find(|(_, free)| *free < needed) {
		return Err(CliError::Failed(format!(
			"funding {who} did not take effect (does the funder hold enough?)"
		)));
	}
	Ok(())
}

/// Each sender acknowledges the current platform convention, if it has not yet.
async fn acknowledge_convention(node: &BenchClient, senders: &[Keypair]) -> Result<(), CliError> {
	let at = node.best().await?;
	let current = storage_value::<Value>(&at, "RealName", "ComplianceState")
		.await?
		.at("current_convention")
		.and_then(|v| v.as_u128())
		.unwrap_or(0);
	if current == 0 {
		return Ok(());
	}
	let ids: Vec<AccountId32> = senders.iter().map(|k| k.public_key().to_account_id()).collect();
	let records = read_all(&ids, |who| record(&at, who)).await?;
	let nonces = read_all(&ids, |who| node.next_nonce(who)).await?;
	let ack = call("RealName", "acknowledge", vec![num(current)]);
	let mut pending = Vec::new();
	for ((key, record), nonce) in senders.iter().zip(records).zip(nonces) {
		let acknowledged = record
			.and_then(|r| r.at("acknowledged_convention").and_then(|v| v.as_u128()))
			.unwrap_or(0);
		if acknowledged < current {
			pending.push((
				key.public_key().to_account_id(),
				nonce + 1,
				sign(&at, &ack, key, nonce)?,
			));
		}
	}
	if pending.is_empty() {
		return Ok(());
	}
	eprintln!("{} senders acknowledge convention v{current}…", pending.len());
	let txs: Vec<_> = pending.iter().map(|(_, _, tx)| tx).collect();
	let outcome = submit_all(node, txs).await;
	if let Some((reason, n)) = outcome.rejected.iter().next() {
		return Err(CliError::Refused(format!("{n} acknowledgements refused: {reason}")));
	}
	let expected: Vec<(AccountId32, u64)> =
		pending.into_iter().map(|(who, nonce, _)| (who, nonce)).collect();
	wait_for_nonces(node, &expected).await
}

/// Signs `calls` with consecutive nonces of `signer`, submits them and waits until all are in
/// the best chain.
async fn submit_in_order(
	node: &BenchClient,
	signer: &Keypair,
	calls: Vec<Call>,
) -> Result<(), CliError> {
	let who = signer.public_key().to_account_id();
	let first = node.next_nonce(&who).await?;
	let at = node.best().await?;
	let txs = calls
		.iter()
		.enumerate()
		.map(|(i, c)| sign(&at, c, signer, first + i as u64))
		.collect::<Result<Vec<_>, _>>()?;
	// One signer's transactions must reach the pool in nonce order, so one at a time.
	for (i, tx) in txs.iter().enumerate() {
		node.rpc.author_submit_extrinsic(tx.encoded()).await.map_err(|e| {
			CliError::Refused(format!(
				"setup transaction {i} of {who} refused by the pool: {}",
				reason_of(&rpc_error_text(&e))
			))
		})?;
	}
	wait_for_nonce(node, &who, first + txs.len() as u64).await
}

/// Waits until `who`'s nonce in the best block reaches `nonce`.
async fn wait_for_nonce(node: &BenchClient, who: &AccountId32, nonce: u64) -> Result<(), CliError> {
	wait_for_nonces(node, &[(who.clone(), nonce)]).await
}

/// Waits until every account's nonce in the best block reaches its expected value.
async fn wait_for_nonces(
	node: &BenchClient,
	expected: &[(AccountId32, u64)],
) -> Result<(), CliError> {
	let started = Instant::now();
	let mut waiting: Vec<&(AccountId32, u64)> = expected.iter().collect();
	loop {
		let at = node.best().await?;
		let current = read_all(&waiting, |(who, _)| {
			let at = &at;
			async move {
				at.transactions()
					.account_nonce(who)
					.await
					.map_err(|e| CliError::Other(format!("cannot read the nonce of {who}: {e}")))
			}
		})
		.await?;
		waiting = waiting
			.into_iter()
			.zip(current)
			.filter(|((_, n), c)| c < n)
			.map(|(w, _)| w)
			.collect();
		let Some((who, nonce)) = waiting.first() else { return Ok(()) };
		if started.elapsed() > SETUP_TIMEOUT {
			return Err(CliError::Other(format!(
				"{} accounts' transactions (e.g. {who}'s, up to nonce {nonce}) were not included within {}s",
				waiting.len(),
				SETUP_TIMEOUT.as_secs()
			)));
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// Signs `call` offline as an immortal transaction of `signer` with `nonce`.
fn sign(
	at: &OnlineClientAtBlock<PolkadotConfig>,
	call: &Call,
	signer: &Keypair,
	nonce: u64,
) -> Result<Tx, CliError> {
	let what = || format!("{}.{}", call.pallet_name(), call.call_name());
	at.transactions()
		.create_signable_offline(call, Params::new().nonce(nonce).immortal().build())
		.map_err(|e| CliError::Other(format!("cannot build {}: {e}", what())))?
		.sign(signer)
		.map_err(|e| CliError::Other(format!("cannot sign {}: {e}", what())))
}

/// Reads the plain storage value `pallet.entry` at `at`.
async fn storage_value<V: subxt::ext::scale_decode::DecodeAsType>(
	at: &OnlineClientAtBlock<PolkadotConfig>,
	pallet: &str,
	entry: &str,
) -> Result<V, CliError> {
	let fail = |e: String| CliError::Other(format!("cannot read {pallet}.{entry}: {e}"));
	at.storage()
		.fetch(dynamic::storage::<(), V>(pallet, entry), ())
		.await
		.map_err(|e| fail(e.to_string()))?
		.decode()
		.map_err(|e| fail(e.to_string()))
}

/// Reads the map entry `pallet.entry[who]` at `at`, if it exists.
async fn account_entry(
	at: &OnlineClientAtBlock<PolkadotConfig>,
	pallet: &str,
	entry: &str,
	who: &AccountId32,
) -> Result<Option<Value>, CliError> {
	let fail = |e: String| CliError::Other(format!("cannot read {pallet}.{entry} of {who}: {e}"));
	let Some(value) = at
		.storage()
		.try_fetch(dynamic::storage::<(Value,), Value>(pallet, entry), (account(who),))
		.await
		.map_err(|e| fail(e.to_string()))?
	else {
		return Ok(None);
	};
	value.decode().map(Some).map_err(|e| fail(e.to_string()))
}

/// The real-name record of `who`, if any.
async fn record(
	at: &OnlineClientAtBlock<PolkadotConfig>,
	who: &AccountId32,
) -> Result<Option<Value>, CliError> {
	account_entry(at, "RealName", "Accounts", who).await
}

/// The free balance of `who`.
async fn free_balance(
	at: &OnlineClientAtBlock<PolkadotConfig>,
	who: &AccountId32,
) -> Result<u128, CliError> {
	Ok(account_entry(at, "System", "Account", who)
		.await?
		.and_then(|info| info.at("data").and_then(|d| d.at("free")).and_then(|v| v.as_u128()))
		.unwrap_or(0))
}

/// What the pool said to a batch of submissions.
#[derive(Default)]
struct SubmitOutcome {
	accepted: u64,
	/// Refusals by reason.
	rejected: BTreeMap<String, u64>,
}

impl SubmitOutcome {
	fn rejected_total(&self) -> u64 {
		self.rejected.values().sum()
	}

	fn rejected_node(&self) -> Node {
		Node::Map(
			self.rejected
				.iter()
				.map(|(k, v)| (k.clone(), Node::Uint((*v).into())))
				.collect(),
		)
	}
}

/// Submits every transaction, `SUBMIT_CONCURRENCY` at a time, and counts the pool's answers.
async fn submit_all<'a>(
	node: &BenchClient,
	txs: impl IntoIterator<Item = &'a Tx>,
) -> SubmitOutcome {
	let answers: Vec<Result<(), String>> = stream::iter(txs)
		.map(|tx| async move {
			node.rpc
				.author_submit_extrinsic(tx.encoded())
				.await
				.map(|_| ())
				.map_err(|e| reason_of(&rpc_error_text(&e)))
		})
		.buffer_unordered(SUBMIT_CONCURRENCY)
		.collect()
		.await;
	let mut outcome = SubmitOutcome::default();
	for answer in answers {
		match answer {
			Ok(()) => outcome.accepted += 1,
			Err(reason) => *outcome.rejected.entry(reason).or_default() += 1,
		}
	}
	outcome
}

/// An RPC error's message with its data: the pool puts the reason (e.g. "Custom error: 1")
/// in the data.
fn rpc_error_text(error: &subxt::rpcs::Error) -> String {
	match error {
		subxt::rpcs::Error::User(user) => match &user.data {
			Some(data) => format!("{}: {}", user.message, data.get().trim_matches('"')),
			None => user.message.clone(),
		},
		other => other.to_string(),
	}
}

/// A pool refusal in a few words: the real-name rejection's name, or the node's message.
fn reason_of(message: &str) -> String {
	match RejectCode::custom_code_in(message).and_then(RejectCode::from_code) {
		Some(reject) => format!("{reject:?}"),
		None => message.split_whitespace().collect::<Vec<_>>().join(" "),
	}
}

/// What one round measured.
struct RoundResult {
	transfers: u64,
	outcome: SubmitOutcome,
	spam: Option<(u64, SubmitOutcome, u64)>,
	included: u64,
	failed: u64,
	/// Per block with benchmark transfers: number, transfers, normal-class weight used (ps).
	blocks: Vec<(u64, u64, u64)>,
	seconds: f64,
	stps: f64,
	/// sTPS over the blocks between the first and the last (which the submission's start and
	/// end cut short), when there are any.
	steady_stps: Option<f64>,
}

impl RoundResult {
	fn to_node(&self) -> Node {
		let largest = self.blocks.iter().map(|b| b.1).max().unwrap_or(0);
		let most_weight = self.blocks.iter().map(|b| b.2).max().unwrap_or(0);
		let mut entries = vec![
			("transfers_submitted", Node::Uint(self.transfers.into())),
			("accepted_by_pool", Node::Uint(self.outcome.accepted.into())),
			("refused_by_pool", self.outcome.rejected_node()),
			("included", Node::Uint(self.included.into())),
			("failed_in_block", Node::Uint(self.failed.into())),
			("blocks", Node::Uint((self.blocks.len() as u64).into())),
			("largest_block_transfers", Node::Uint(largest.into())),
			(
				"largest_block_normal_weight_ms",
				Node::text(format!("{:.1}", most_weight as f64 / 1e9)),
			),
			("block_seconds", Node::text(format!("{:.1}", self.seconds))),
			("stps", Node::text(format!("{:.1}", self.stps))),
			("steady_stps", self.steady_stps.map_or(Node::Null, |v| Node::text(format!("{v:.1}")))),
			(
				"per_block",
				Node::List(
					self.blocks
						.iter()
						.map(|(n, count, _)| Node::text(format!("#{n}: {count}")))
						.collect(),
				),
			),
		];
		if let Some((submitted, outcome, included)) = &self.spam {
			entries.push((
				"spam",
				Node::map([
					("submitted", Node::Uint((*submitted).into())),
					("accepted_by_pool", Node::Uint(outcome.accepted.into())),
					("refused_by_pool", Node::Uint(outcome.rejected_total().into())),
					("refused_by_reason", outcome.rejected_node()),
					("included", Node::Uint((*included).into())),
				]),
			));
		}
		Node::map(entries)
	}
}

/// One round: pre-sign every sender's transfers (and the spammers'), submit them together,
/// then count what the blocks included.
async fn round(
	node: &BenchClient,
	bench: &TransferBench,
	senders: &[Keypair],
	spammers: &[Keypair],
	value: u128,
) -> Result<RoundResult, CliError> {
	let at = node.best().await?;
	let ids: Vec<AccountId32> = senders.iter().map(|k| k.public_key().to_account_id()).collect();
	let nonces = read_all(&ids, |who| node.next_nonce(who)).await?;
	// Nonce layer by layer, so each sender's transactions reach the pool in order.
	let mut txs = Vec::new();
	for k in 0..u64::from(bench.per_sender) {
		for (i, key) in senders.iter().enumerate() {
			let dest = &ids[(i + 1) % ids.len()];
			txs.push(sign(&at, &transfer(dest, value), key, nonces[i] + k)?);
		}
	}
	let spammer_ids: Vec<AccountId32> =
		spammers.iter().map(|k| k.public_key().to_account_id()).collect();
	let spammer_nonces = read_all(&spammer_ids, |who| node.next_nonce(who)).await?;
	let mut spam_txs = Vec::new();
	for k in 0..u64::from(bench.per_sender) {
		for (key, nonce) in spammers.iter().zip(&spammer_nonces) {
			spam_txs.push(sign(&at, &transfer(&ids[0], value), key, nonce + k)?);
		}
	}
	let ours: HashSet<H256> = txs.iter().map(|tx| tx.hash()).collect();
	let spam: HashSet<H256> = spam_txs.iter().map(|tx| tx.hash()).collect();
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
	let (outcome, spam_outcome) = tokio::join!(submit_all(node, &txs), submit_all(node, &spam_txs));

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
			.map_err(|e| CliError::Other(format!("cannot read block #{next}: {e}")))?;
		let mut mine = HashSet::new();
		for ext in extrinsics.iter() {
			let ext =
				ext.map_err(|e| CliError::Other(format!("cannot decode block #{next}: {e}")))?;
			let h = ext.hash();
			if ours.contains(&h) {
				mine.insert(ext.index() as u32);
			} else if spam.contains(&h) {
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
	Ok(RoundResult {
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
async fn timestamp(block: &OnlineClientAtBlock<PolkadotConfig>) -> Result<u64, CliError> {
	storage_value::<u64>(block, "Timestamp", "Now").await
}

/// The normal-class ref-time weight `block` used, in picoseconds.
async fn normal_weight(block: &OnlineClientAtBlock<PolkadotConfig>) -> Result<u64, CliError> {
	let weight = storage_value::<Value>(block, "System", "BlockWeight").await?;
	Ok(weight
		.at("normal")
		.and_then(|w| w.at("ref_time"))
		.and_then(|v| v.as_u128())
		.unwrap_or(0) as u64)
}

/// How many of the extrinsics at `indexes` of `block` failed in dispatch.
async fn failed_among(
	block: &OnlineClientAtBlock<PolkadotConfig>,
	indexes: &HashSet<u32>,
) -> Result<u64, CliError> {
	let events = block
		.events()
		.fetch()
		.await
		.map_err(|e| CliError::Other(format!("cannot read the block's events: {e}")))?;
	let mut failed = 0;
	for event in events.iter() {
		let event = event.map_err(|e| CliError::Other(format!("cannot decode an event: {e}")))?;
		if event.pallet_name() == "System" && event.event_name() == "ExtrinsicFailed" {
			if let Phase::ApplyExtrinsic(i) = event.phase() {
				failed += u64::from(indexes.contains(&i));
			}
		}
	}
	Ok(failed)
}
