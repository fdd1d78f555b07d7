//! The load generator's connection to a node: the shared typed client (`compliance-client`) for
//! reading the chain and signing, and the node's plain RPC methods for the bulk path, which
//! submits thousands of pre-signed transactions without following each one and reads the nonce
//! that counts the pool.

use crate::error::BenchError;
use compliance_client::{keys::Keypair, refusal, At, ChainConfig, Client};
use std::{
	collections::BTreeMap,
	future::Future,
	time::{Duration, Instant},
};
use subxt::{
	client::OnlineClientAtBlockImpl,
	config::{DefaultExtrinsicParamsBuilder as Params, RpcConfigFor},
	ext::futures::{stream, StreamExt},
	rpcs::{methods::LegacyRpcMethods, RpcClient},
	transactions::{Payload, SubmittableTransaction},
	utils::AccountId32,
};

/// A signed transaction ready to submit.
pub type Tx = SubmittableTransaction<ChainConfig, OnlineClientAtBlockImpl<ChainConfig>>;

/// How many submissions are in flight at once: enough to keep the pool's validation busy on
/// every core without the node refusing connections.
const SUBMIT_CONCURRENCY: usize = 256;

/// How many state reads run at once during setup.
const READ_CONCURRENCY: usize = 64;

/// How long a best block may stay unknown to the client before the benchmark gives up on it.
const BLOCK_VISIBLE_TIMEOUT: Duration = Duration::from_secs(60);

/// How long waiting for setup transactions may take before the benchmark gives up.
const SETUP_TIMEOUT: Duration = Duration::from_secs(600);

/// A node connection for the benchmark.
pub struct Node {
	client: Client,
	rpc: LegacyRpcMethods<RpcConfigFor<ChainConfig>>,
}

impl Node {
	/// Connects to the node at `url`.
	pub async fn connect(url: &str) -> Result<Self, BenchError> {
		let client =
			Client::connect(url).await.map_err(|e| BenchError::Unreachable(e.to_string()))?;
		// The typed client keeps its RPC client to itself; the bulk path gets a connection of its
		// own, which also keeps thousands of submissions out of the typed client's way.
		let rpc = RpcClient::from_insecure_url(url)
			.await
			.map_err(|e| BenchError::Unreachable(format!("cannot reach node at {url}: {e}")))?;
		Ok(Self { client, rpc: LegacyRpcMethods::new(rpc) })
	}

	/// The chain at its best block: the benchmark follows blocks as they are built, not as they
	/// are finalized.
	pub async fn best(&self) -> Result<At, BenchError> {
		let number = self.best_number().await?;
		self.at(number).await
	}

	/// The chain at block `number` of the best chain.
	///
	/// A block the node reports as best can be briefly unknown to the client's view of the chain
	/// on a loaded machine: it is asked again for up to [`BLOCK_VISIBLE_TIMEOUT`].
	pub async fn at(&self, number: u64) -> Result<At, BenchError> {
		let deadline = tokio::time::Instant::now() + BLOCK_VISIBLE_TIMEOUT;
		loop {
			match self.client.subxt().at_block(number).await {
				Ok(at) => return Ok(at),
				Err(e)
					if e.to_string().contains("not found") &&
						tokio::time::Instant::now() < deadline =>
				{
					tokio::time::sleep(Duration::from_millis(250)).await;
				},
				Err(e) =>
					return Err(BenchError::Other(format!("cannot open block #{number}: {e}"))),
			}
		}
	}

	/// The best block's number.
	pub async fn best_number(&self) -> Result<u64, BenchError> {
		let header = self
			.rpc
			.chain_get_header(None)
			.await
			.map_err(|e| BenchError::Other(format!("cannot read the best block: {e}")))?
			.ok_or_else(|| BenchError::Other("the node has no best block".into()))?;
		Ok(header.number)
	}

	/// The next nonce of `who`, counting its transactions in the pool.
	pub async fn next_nonce(&self, who: &AccountId32) -> Result<u64, BenchError> {
		self.rpc
			.system_account_next_index(who)
			.await
			.map_err(|e| BenchError::Other(format!("cannot read the nonce of {who}: {e}")))
	}

	/// The finalized block's number.
	pub async fn finalized_number(&self) -> Result<u64, BenchError> {
		let fail = |e: String| BenchError::Other(format!("cannot read the finalized block: {e}"));
		let hash = self.rpc.chain_get_finalized_head().await.map_err(|e| fail(e.to_string()))?;
		let header = self
			.rpc
			.chain_get_header(Some(hash))
			.await
			.map_err(|e| fail(e.to_string()))?
			.ok_or_else(|| fail(format!("the node does not know block {hash:?}")))?;
		Ok(header.number)
	}

	/// Submits every transaction, [`SUBMIT_CONCURRENCY`] at a time, and counts the pool's
	/// answers.
	pub async fn submit_all<'a>(&self, txs: impl IntoIterator<Item = &'a Tx>) -> SubmitOutcome {
		let mut outcome = SubmitOutcome::default();
		for answer in self.submit_each(txs).await {
			match answer {
				Ok(()) => outcome.accepted += 1,
				Err(reason) => *outcome.refused.entry(reason).or_default() += 1,
			}
		}
		outcome
	}

	/// Submits every transaction, [`SUBMIT_CONCURRENCY`] at a time: the pool's answer to each,
	/// in order, a refusal by its reason ([`refusal_key`]).
	pub async fn submit_each<'a>(
		&self,
		txs: impl IntoIterator<Item = &'a Tx>,
	) -> Vec<Result<(), String>> {
		stream::iter(txs)
			.map(|tx| async move {
				self.rpc
					.author_submit_extrinsic(tx.encoded())
					.await
					.map(|_| ())
					.map_err(|e| refusal_key(&rpc_error_text(&e)))
			})
			.buffered(SUBMIT_CONCURRENCY)
			.collect()
			.await
	}

	/// Signs `calls` with consecutive nonces of `signer`, submits them and waits until all are
	/// in the best chain.
	pub async fn submit_in_order<P: Payload>(
		&self,
		signer: &Keypair,
		calls: &[P],
	) -> Result<(), BenchError> {
		let who = signer.public_key().to_account_id();
		let first = self.next_nonce(&who).await?;
		let at = self.best().await?;
		let txs = calls
			.iter()
			.enumerate()
			.map(|(i, call)| sign(&at, call, signer, first + i as u64))
			.collect::<Result<Vec<_>, _>>()?;
		// One signer's transactions must reach the pool in nonce order, so one at a time.
		for (i, tx) in txs.iter().enumerate() {
			self.rpc.author_submit_extrinsic(tx.encoded()).await.map_err(|e| {
				BenchError::Refused(format!(
					"setup transaction {i} of {who} refused by the pool: {}",
					refusal(&rpc_error_text(&e)).reason
				))
			})?;
		}
		self.wait_for_nonces(&[(who, first + txs.len() as u64)]).await
	}

	/// Waits until every account's nonce in the best block reaches its expected value.
	pub async fn wait_for_nonces(&self, expected: &[(AccountId32, u64)]) -> Result<(), BenchError> {
		let started = Instant::now();
		let mut waiting: Vec<&(AccountId32, u64)> = expected.iter().collect();
		loop {
			let at = self.best().await?;
			let current = read_all(&waiting, |(who, _)| {
				let at = &at;
				async move {
					at.transactions().account_nonce(who).await.map_err(|e| {
						BenchError::Other(format!("cannot read the nonce of {who}: {e}"))
					})
				}
			})
			.await?;
			waiting = waiting
				.into_iter()
				.zip(current)
				.filter(|((_, expected), current)| current < expected)
				.map(|(entry, _)| entry)
				.collect();
			let Some((who, nonce)) = waiting.first() else { return Ok(()) };
			if started.elapsed() > SETUP_TIMEOUT {
				return Err(BenchError::Other(format!(
					"{} accounts' transactions (e.g. {who}'s, up to nonce {nonce}) were not included within {}s",
					waiting.len(),
					SETUP_TIMEOUT.as_secs()
				)));
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}
}

/// What the pool said to a batch of submissions.
#[derive(Default)]
pub struct SubmitOutcome {
	/// How many transactions it accepted.
	pub accepted: u64,
	/// How many it refused, by reason ([`refusal_key`]).
	pub refused: BTreeMap<String, u64>,
}

impl SubmitOutcome {
	/// How many it refused, whatever the reason.
	pub fn refused_total(&self) -> u64 {
		self.refused.values().sum()
	}
}

/// Signs `call` offline as an immortal transaction of `signer` with `nonce`: thousands of
/// transactions are signed before the first is submitted, so nothing is read per transaction.
/// The generated call's shape is checked against the node's metadata here.
pub fn sign<P: Payload>(at: &At, call: &P, signer: &Keypair, nonce: u64) -> Result<Tx, BenchError> {
	let what = || format!("{}.{}", call.pallet_name(), call.call_name());
	at.transactions()
		.create_signable_offline(call, Params::new().nonce(nonce).immortal().build())
		.map_err(|e| BenchError::Other(format!("cannot build {}: {e}", what())))?
		.sign(signer)
		.map_err(|e| BenchError::Other(format!("cannot sign {}: {e}", what())))
}

/// `read` for every item, [`READ_CONCURRENCY`] at a time, in order.
pub async fn read_all<I, T, F, Fut>(items: I, read: F) -> Result<Vec<T>, BenchError>
where
	I: IntoIterator,
	F: FnMut(I::Item) -> Fut,
	Fut: Future<Output = Result<T, BenchError>>,
{
	stream::iter(items)
		.map(read)
		.buffered(READ_CONCURRENCY)
		.collect::<Vec<_>>()
		.await
		.into_iter()
		.collect()
}

/// An RPC error's message with its data: the pool puts the reason (e.g. "Custom error: 1") in
/// the data.
fn rpc_error_text(error: &subxt::rpcs::Error) -> String {
	match error {
		subxt::rpcs::Error::User(user) => match &user.data {
			Some(data) => format!("{}: {}", user.message, data.get().trim_matches('"')),
			None => user.message.clone(),
		},
		other => other.to_string(),
	}
}

/// A pool refusal in a few words, to count refusals by: the real-name rejection's name
/// (`NotVerified`), else the node's message on one line.
fn refusal_key(message: &str) -> String {
	let refused = refusal(message);
	match refused.code {
		Some(code) => code.name().to_string(),
		None => refused.reason.split_whitespace().collect::<Vec<_>>().join(" "),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use compliance_primitives::RejectCode;

	#[test]
	fn refusals_are_counted_by_the_rejection_name_or_the_message() {
		let not_verified =
			format!("Invalid Transaction: Custom error: {}", RejectCode::NotVerified.code());
		assert_eq!(refusal_key(&not_verified), "NotVerified");
		assert_eq!(
			refusal_key("Invalid Transaction:\n  Inability to pay some fees"),
			"Invalid Transaction: Inability to pay some fees"
		);
	}
}
