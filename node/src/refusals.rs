//! Counts the transactions this node refuses, by reason, on both paths a transaction arrives by:
//! submitted over RPC (`author_submitExtrinsic`, `author_submitAndWatchExtrinsic`, the
//! `transaction` API) and gossiped by peers. The pool does not report why it refused a
//! transaction, so each path gets the same pool behind a [`CountingPool`] that reads the error
//! its submission returns: the rejection code and name of the real-name check, or the SDK's own
//! reason (`Stale`, `Payment`, `BadProof`, a temporary ban, ...).

use async_trait::async_trait;
use compliance_primitives::RejectCode;
use compliance_runtime::opaque::Block;
use sc_transaction_pool_api::{
	error::{Error as PoolError, IntoMetricsLabel, IntoPoolError},
	ChainEvent, ImportNotificationStream, MaintainedTransactionPool, PoolStatus, ReadyTransactions,
	TransactionFor, TransactionPool, TransactionSource, TransactionStatusStreamFor,
	TxInvalidityReportMap,
};
use sp_runtime::transaction_validity::{InvalidTransaction, UnknownTransaction};
use std::{collections::HashMap, pin::Pin, sync::Arc, time::Duration};
use substrate_prometheus_endpoint::{register, CounterVec, Opts, PrometheusError, Registry, U64};

/// The node's transaction pool.
type Pool = sc_transaction_pool::TransactionPoolHandle<Block, crate::service::FullClient>;
type Hash = <Pool as TransactionPool>::Hash;
type InPool = <Pool as TransactionPool>::InPoolTransaction;
type Error = <Pool as TransactionPool>::Error;
type Ready = Box<dyn ReadyTransactions<Item = Arc<InPool>> + Send>;

/// `compliance_refused_transactions_total{path, code, name}`.
#[derive(Clone)]
pub struct RefusalMetrics(CounterVec<U64>);

impl RefusalMetrics {
	/// Registers the counter in `registry`.
	pub fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		let counter = CounterVec::new(
			Opts::new(
				"compliance_refused_transactions_total",
				"Transactions this node refused when they arrived, by path (rpc or network), \
				 rejection code (the real-name check's, empty for the SDK's own reasons) and name",
			),
			&["path", "code", "name"],
		)?;
		Ok(Self(register(counter, registry)?))
	}
}

/// Why a submission was refused: the real-name check's code and name, or the SDK's reason.
/// `None` for a transaction the pool already holds, which is not refused but known.
fn refusal(error: &PoolError) -> Option<(String, String)> {
	let sdk = |name: String| Some((String::new(), name));
	match error {
		PoolError::AlreadyImported(_) => None,
		PoolError::InvalidTransaction(InvalidTransaction::Custom(code)) =>
			match RejectCode::from_code(*code) {
				Some(reject) => Some((code.to_string(), reject.name().to_string())),
				None => Some((code.to_string(), "Custom".into())),
			},
		PoolError::InvalidTransaction(invalid) => sdk(format!("{invalid:?}")),
		PoolError::UnknownTransaction(UnknownTransaction::Custom(code)) =>
			Some((code.to_string(), "UnknownCustom".into())),
		PoolError::UnknownTransaction(unknown) => sdk(format!("{unknown:?}")),
		other => sdk(other.label()),
	}
}

/// The node's pool, as one path sees it: every call goes to the pool; the errors of
/// submissions are counted under the path's name first.
pub struct CountingPool {
	pool: Arc<Pool>,
	metrics: Option<RefusalMetrics>,
	path: &'static str,
}

impl CountingPool {
	/// `pool` as the path `path` (`rpc` or `network`) sees it, counting into `metrics`.
	pub fn new(pool: Arc<Pool>, metrics: Option<RefusalMetrics>, path: &'static str) -> Self {
		Self { pool, metrics, path }
	}

	/// Counts `error` and gives it back unchanged.
	fn counted(&self, error: Error) -> Error {
		let Some(metrics) = &self.metrics else { return error };
		// The pool's error type is private to its crate: take the pool error out of it to read
		// it, then wrap it again.
		let (reason, error) = match error.into_pool_error() {
			Ok(pool_error) => (refusal(&pool_error), Error::from(pool_error)),
			Err(other) => (Some((String::new(), other.label())), other),
		};
		if let Some((code, name)) = reason {
			metrics.0.with_label_values(&[self.path, &code, &name]).inc();
		}
		error
	}
}

#[async_trait]
impl TransactionPool for CountingPool {
	type Block = Block;
	type Hash = Hash;
	type InPoolTransaction = InPool;
	type Error = Error;

	async fn submit_at(
		&self,
		at: Hash,
		source: TransactionSource,
		xts: Vec<TransactionFor<Self>>,
	) -> Result<Vec<Result<Hash, Error>>, Error> {
		match self.pool.submit_at(at, source, xts).await {
			Ok(results) =>
				Ok(results.into_iter().map(|r| r.map_err(|e| self.counted(e))).collect()),
			Err(e) => Err(self.counted(e)),
		}
	}

	async fn submit_one(
		&self,
		at: Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<Hash, Error> {
		self.pool.submit_one(at, source, xt).await.map_err(|e| self.counted(e))
	}

	async fn submit_and_watch(
		&self,
		at: Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<Pin<Box<TransactionStatusStreamFor<Self>>>, Error> {
		self.pool.submit_and_watch(at, source, xt).await.map_err(|e| self.counted(e))
	}

	async fn ready_at(&self, at: Hash) -> Ready {
		self.pool.ready_at(at).await
	}

	fn ready(&self) -> Ready {
		self.pool.ready()
	}

	async fn report_invalid(
		&self,
		at: Option<Hash>,
		invalid_tx_errors: TxInvalidityReportMap<Hash>,
	) -> Vec<Arc<InPool>> {
		self.pool.report_invalid(at, invalid_tx_errors).await
	}

	fn futures(&self) -> Vec<InPool> {
		self.pool.futures()
	}

	fn status(&self) -> PoolStatus {
		self.pool.status()
	}

	fn import_notification_stream(&self) -> ImportNotificationStream<Hash> {
		self.pool.import_notification_stream()
	}

	fn on_broadcasted(&self, propagations: HashMap<Hash, Vec<String>>) {
		self.pool.on_broadcasted(propagations)
	}

	fn hash_of(&self, xt: &TransactionFor<Self>) -> Hash {
		self.pool.hash_of(xt)
	}

	fn ready_transaction(&self, hash: &Hash) -> Option<Arc<InPool>> {
		self.pool.ready_transaction(hash)
	}

	async fn ready_at_with_timeout(&self, at: Hash, timeout: Duration) -> Ready {
		self.pool.ready_at_with_timeout(at, timeout).await
	}
}

#[async_trait]
impl MaintainedTransactionPool for CountingPool {
	async fn maintain(&self, event: ChainEvent<Block>) {
		self.pool.maintain(event).await
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn refusals_are_named_by_the_chains_rejection_code_or_the_sdks_reason() {
		let custom = PoolError::InvalidTransaction(InvalidTransaction::Custom(1));
		assert_eq!(refusal(&custom), Some(("1".into(), "NotVerified".into())));
		let custom = PoolError::InvalidTransaction(InvalidTransaction::Custom(7));
		assert_eq!(refusal(&custom), Some(("7".into(), "ServiceSuspended".into())));
		let unknown_code = PoolError::InvalidTransaction(InvalidTransaction::Custom(200));
		assert_eq!(refusal(&unknown_code), Some(("200".into(), "Custom".into())));
		let stale = PoolError::InvalidTransaction(InvalidTransaction::Stale);
		assert_eq!(refusal(&stale), Some((String::new(), "Stale".into())));
		let banned = PoolError::TemporarilyBanned;
		assert_eq!(refusal(&banned), Some((String::new(), banned.label())));
		assert_eq!(refusal(&PoolError::AlreadyImported(Box::new(()))), None);
	}
}
