//! Submitting a signed transaction and naming its outcome: refused by the pool (with the
//! real-name check's rejection code), failed in its block (the pallet error and its
//! documentation, from metadata), or included, possibly executing a motion whose call failed.

use crate::{api, ChainConfig, Client};
use compliance_primitives::RejectCode;
use subxt::{
	error::{
		DispatchError, ExtrinsicError, TransactionEventsError, TransactionProgressError,
		TransactionStatusError,
	},
	extrinsics::ExtrinsicEvents,
	transactions::{DefaultParams, Payload, TransactionStatus},
	utils::{AccountId32, H256},
	Metadata,
};
use subxt_signer::sr25519::Keypair;

/// A transaction in a finalized block whose dispatch succeeded.
pub struct Included {
	/// The block's number.
	pub block_number: u64,
	/// The block's hash.
	pub block_hash: H256,
	/// The transaction's hash.
	pub extrinsic_hash: H256,
	/// The events it emitted, decodable with [`api`]'s event types.
	pub events: ExtrinsicEvents<ChainConfig>,
}

/// How far a submitted transaction has got, for callers that show progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
	/// The pool accepted the transaction.
	Submitted {
		/// The transaction's hash.
		extrinsic_hash: H256,
		/// Who signed it.
		signer: AccountId32,
	},
	/// In the best block, not yet finalized.
	InBestBlock {
		/// That block's number, when it could be read.
		number: Option<u64>,
	},
	/// The block that held it is no longer the best one; it waits for another.
	Retracted,
	/// In a finalized block.
	Finalized {
		/// That block's number.
		number: u64,
	},
}

/// Why the pool refused a transaction: it never reached a block, and nothing changed (not even
/// the nonce or the balance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
	/// The real-name check's rejection, when that is the reason.
	pub code: Option<RejectCode>,
	/// The reason in words: the rejection's name, code and description, or the node's message.
	pub reason: String,
}

/// A dispatch error, named from metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
	/// `Pallet.Error` for a pallet's error, else the error's own name (`BadOrigin`, ...).
	pub name: String,
	/// The error's documentation from metadata (empty where it has none).
	pub docs: String,
}

impl std::fmt::Display for Failure {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		if self.docs.is_empty() {
			f.write_str(&self.name)
		} else {
			write!(f, "{}: {}", self.name, self.docs)
		}
	}
}

/// Why a transaction did not do what it was sent for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TxError {
	/// It could not be built: an argument the metadata does not accept, or no nonce to read.
	Build(String),
	/// The pool refused it (see [`Refusal`]).
	Refused(Refusal),
	/// It was included in a finalized block, but its dispatch failed: the fee is paid and the
	/// nonce used, nothing else changed.
	Failed(Failure),
	/// It was included and succeeded, and it executed a body's motion whose call failed (the
	/// body's `Executed` event carries the error).
	MotionFailed(Failure),
	/// It was included and succeeded, but the chain did not set the code it applied: the
	/// authorized code's spec name or version does not follow the running runtime's. The
	/// authorization is cleared; a new one is needed.
	UpgradeRejected(Failure),
	/// Anything else: the connection, the node dropping it after validation, lost progress.
	Other(String),
}

impl TxError {
	/// The named dispatch error, when the transaction or the motion it executed failed.
	pub fn failure(&self) -> Option<&Failure> {
		match self {
			TxError::Failed(failure) |
			TxError::MotionFailed(failure) |
			TxError::UpgradeRejected(failure) => Some(failure),
			_ => None,
		}
	}

	/// The real-name check's rejection, when that is why the pool refused it.
	pub fn rejection(&self) -> Option<RejectCode> {
		match self {
			TxError::Refused(refusal) => refusal.code,
			_ => None,
		}
	}
}

impl std::fmt::Display for TxError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			TxError::Build(message) => write!(f, "cannot be built: {message}"),
			TxError::Refused(refusal) =>
				write!(f, "refused by the transaction pool: {}", refusal.reason),
			TxError::Failed(failure) => write!(f, "failed: {failure}"),
			TxError::MotionFailed(failure) =>
				write!(f, "executed the motion, whose call failed: {failure}"),
			TxError::UpgradeRejected(failure) => write!(
				f,
				"the chain rejected the authorized code: {failure} (the authorization is cleared)"
			),
			TxError::Other(message) => f.write_str(message),
		}
	}
}

impl std::error::Error for TxError {}

impl Client {
	/// Signs `call` with `signer` at the latest finalized block, submits it and waits until it
	/// is in a finalized block.
	///
	/// Waiting for finality lets the signer's next transaction take its nonce from the
	/// finalized state, which is where it is read.
	pub async fn submit<P: Payload>(
		&self,
		call: &P,
		signer: &Keypair,
	) -> Result<Included, TxError> {
		self.submit_with_progress(call, signer, |_| {}).await
	}

	/// [`Client::submit`], reporting each step to `on_progress`.
	pub async fn submit_with_progress<P: Payload>(
		&self,
		call: &P,
		signer: &Keypair,
		mut on_progress: impl FnMut(Progress),
	) -> Result<Included, TxError> {
		let other = |e: &dyn std::fmt::Display| TxError::Other(e.to_string());
		let at = self.at_finalized().await.map_err(|e| other(&e))?;
		let metadata = at.metadata();
		let tx = at
			.transactions()
			.create_signed(call, signer, DefaultParams::default_params())
			.await
			.map_err(|e| TxError::Build(e.to_string()))?;

		// Submitted for real, so that a refusal is the pool's own (which runs the runtime's
		// transaction validation, the real-name check included).
		let mut progress = match tx.submit_and_watch().await {
			Ok(progress) => progress,
			// The legacy RPC answers a submission that fails validation with an error.
			Err(ExtrinsicError::ErrorSubmittingTransaction(e)) =>
				return Err(TxError::Refused(refusal(&e.to_string()))),
			Err(e) => return Err(other(&e)),
		};
		on_progress(Progress::Submitted {
			extrinsic_hash: progress.extrinsic_hash(),
			signer: signer.public_key().to_account_id(),
		});
		let mut validated = false;
		while let Some(status) = progress.next().await {
			let status = match status {
				Ok(status) => status,
				Err(TransactionProgressError::TransactionStatusError(
					TransactionStatusError::Invalid(message),
				)) if !validated => return Err(TxError::Refused(refusal(&message))),
				Err(e) => return Err(other(&e)),
			};
			match status {
				TransactionStatus::Validated => validated = true,
				TransactionStatus::Broadcasted => {},
				// The new RPC reports a submission that fails validation as its first event.
				TransactionStatus::Invalid { message } if !validated =>
					return Err(TxError::Refused(refusal(&message))),
				TransactionStatus::NoLongerInBestBlock => on_progress(Progress::Retracted),
				TransactionStatus::InBestBlock(block) => {
					let number = block.at().await.ok().map(|b| b.block_number());
					on_progress(Progress::InBestBlock { number });
				},
				TransactionStatus::InFinalizedBlock(block) => {
					let block_number = block.at().await.map_err(|e| other(&e))?.block_number();
					on_progress(Progress::Finalized { number: block_number });
					let events = block.wait_for_success().await.map_err(|e| match e {
						TransactionEventsError::ExtrinsicFailed(error) =>
							TxError::Failed(failure(&metadata, &error)),
						e => other(&e),
					})?;
					let included = Included {
						block_number,
						block_hash: block.block_hash(),
						extrinsic_hash: block.extrinsic_hash(),
						events,
					};
					if let Some(Err(failure)) = included.motion_outcome(&metadata) {
						return Err(TxError::MotionFailed(failure));
					}
					if let Some(failure) = included.rejected_upgrade(&metadata) {
						return Err(TxError::UpgradeRejected(failure));
					}
					return Ok(included);
				},
				TransactionStatus::Error { message } |
				TransactionStatus::Invalid { message } |
				TransactionStatus::Dropped { message } =>
					return Err(TxError::Other(format!("dropped after validation: {message}"))),
			}
		}
		Err(TxError::Other("the node stopped reporting the transaction's progress".into()))
	}
}

impl Included {
	/// The outcome of the motion this transaction executed, if it executed one (a `close`, or a
	/// `propose` that one member's threshold carries): `Ok`, or the call's error.
	pub fn motion_outcome(&self, metadata: &Metadata) -> Option<Result<(), Failure>> {
		use api::runtime_types::sp_runtime::DispatchError as RuntimeDispatchError;
		let outcome = |result: Result<(), RuntimeDispatchError>| {
			result.map_err(|error| runtime_failure(metadata, &error))
		};
		let consortium = self
			.events
			.find_first::<api::consortium::events::Executed>()
			.and_then(Result::ok);
		if let Some(executed) = consortium {
			return Some(outcome(executed.result));
		}
		self.events
			.find_first::<api::regulators_collective::events::Executed>()
			.and_then(Result::ok)
			.map(|executed| outcome(executed.result))
	}
}

impl Included {
	/// Why the chain refused to set the code that this `System.apply_authorized_upgrade`
	/// applied, if it refused: the call succeeds (the caller is not at fault) and says so only
	/// in its `RejectedInvalidAuthorizedUpgrade` event.
	pub fn rejected_upgrade(&self, metadata: &Metadata) -> Option<Failure> {
		self.events
			.find_first::<api::system::events::RejectedInvalidAuthorizedUpgrade>()
			.and_then(Result::ok)
			.map(|rejected| runtime_failure(metadata, &rejected.error))
	}
}

/// The chain's `DispatchError` as generated from metadata, named the same way as
/// [`failure`] names subxt's.
pub fn runtime_failure(
	metadata: &Metadata,
	error: &api::runtime_types::sp_runtime::DispatchError,
) -> Failure {
	use api::runtime_types::sp_runtime::DispatchError as E;
	match error {
		E::Module(module) => module_failure(metadata, module.index, module.error[0]),
		other => Failure { name: variant_name(&format!("{other:?}")), docs: String::new() },
	}
}

/// A dispatch error as subxt decodes it, named from metadata.
pub fn failure(metadata: &Metadata, error: &DispatchError) -> Failure {
	match error {
		DispatchError::Module(module) =>
			module_failure(metadata, module.pallet_index(), module.error_index()),
		other => Failure { name: variant_name(&format!("{other:?}")), docs: other.to_string() },
	}
}

/// Error `error_index` of the pallet at `pallet_index`, named `Pallet.Error` with its docs.
fn module_failure(metadata: &Metadata, pallet_index: u8, error_index: u8) -> Failure {
	let pallet = metadata.pallet_by_error_index(pallet_index);
	match pallet.and_then(|p| Some((p.name(), p.error_variant_by_index(error_index)?))) {
		Some((pallet, variant)) =>
			Failure { name: format!("{pallet}.{}", variant.name), docs: variant.docs.join(" ") },
		None =>
			Failure { name: format!("Module({pallet_index}, {error_index})"), docs: String::new() },
	}
}

/// The variant name at the start of a `Debug` rendering (`Token(FundsUnavailable)` -> `Token`).
fn variant_name(debug: &str) -> String {
	debug
		.split(|c: char| !c.is_alphanumeric() && c != '_')
		.next()
		.unwrap_or(debug)
		.to_string()
}

/// A pool refusal from the node's message; the real-name check's named by its [`RejectCode`].
pub fn refusal(message: &str) -> Refusal {
	let code = RejectCode::custom_code_in(message).and_then(RejectCode::from_code);
	let reason = match code {
		Some(reject) =>
			format!("{} (code {}): {}", reject.name(), reject.code(), reject.description()),
		None => message.to_string(),
	};
	Refusal { code, reason }
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_custom_refusal_is_named_by_its_rejection_code() {
		let message =
			format!("Invalid transaction with custom error: {}", RejectCode::NotVerified.code());
		let refused = refusal(&message);
		assert_eq!(refused.code, Some(RejectCode::NotVerified));
		assert!(refused.reason.starts_with("NotVerified (code "), "{}", refused.reason);
		let unknown = refusal("Invalid Transaction: Inability to pay some fees");
		assert_eq!(unknown.code, None);
		assert_eq!(unknown.reason, "Invalid Transaction: Inability to pay some fees");
	}

	#[test]
	fn variant_names_come_from_debug_renderings() {
		assert_eq!(variant_name("Token(FundsUnavailable)"), "Token");
		assert_eq!(variant_name("BadOrigin"), "BadOrigin");
	}
}
