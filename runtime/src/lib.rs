//! # Compliance Chain runtime
//!
//! A permissioned Aura + GRANDPA runtime whose transaction pipeline enforces the duties of the
//! Blockchain Information Service Management Regulations. See the repository README for the
//! roles, origins and rejection codes.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` expands to items that cannot carry doc lines.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod migrations;
#[cfg(test)]
mod tests;
pub mod weights;

extern crate alloc;

use alloc::vec::Vec;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types the node uses without knowing the runtime's concrete extrinsic format, so that
/// it keeps syncing across runtime upgrades that change it.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of a validator: one for block authoring, one for finality.
	pub struct SessionKeys {
		/// Aura block-authoring key.
		pub aura: Aura,
		/// GRANDPA finality key.
		pub grandpa: Grandpa,
	}
}

/// Declares [`VERSION`] with the spec name `$spec_name`: the chain's runtime and the throughput
/// baseline share every other field, the spec version first of all. (`runtime_version` reads
/// literals only, hence a macro rather than a constant for the name.)
macro_rules! runtime_version {
	($spec_name:tt) => {
		/// The runtime's version. `spec_version` goes up with every change of runtime behaviour.
		#[sp_version::runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed($spec_name),
			impl_name: alloc::borrow::Cow::Borrowed("compliance-node"),
			authoring_version: 1,
			// 103: the pallets' view functions (the read surface clients find in the metadata).
			spec_version: 104,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 1,
			system_version: 1,
		};
	};
}

#[cfg(not(throughput_baseline))]
runtime_version!("compliance");
// The throughput baseline (`runtime/baseline`, the only build with `--cfg throughput_baseline`)
// names itself apart: frame-system refuses code of another spec name and a node ignores a Wasm
// override of another spec name, so the baseline can never run as this chain's runtime.
#[cfg(throughput_baseline)]
runtime_version!("compliance-baseline");

/// Target block time in milliseconds. Aura's slot duration; fixed for the life of the chain,
/// because changing it after genesis stops block production.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// Aura's slot duration, equal to the block time.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute at the target block time.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour at the target block time.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day at the target block time.
pub const DAYS: BlockNumber = HOURS * 24;

/// How long records must be kept (R8): at least six months, counted as 183 days of blocks.
/// Moderation records cannot be purged earlier, and the node refuses `--blocks-pruning` below it.
pub const RECORD_RETENTION_PERIOD: BlockNumber = 183 * DAYS;

/// The smallest unit count of one token (12 decimals).
pub const UNIT: Balance = 1_000_000_000_000;
/// One thousandth of a token.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// One millionth of a token.
pub const MICRO_UNIT: Balance = 1_000_000;
/// Existential deposit: the smallest balance an account may hold.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;
/// Token symbol shown by wallets.
pub const TOKEN_SYMBOL: &str = "CMP";
/// Token decimals shown by wallets.
pub const TOKEN_DECIMALS: u8 = 12;
/// The SS58 address format of this chain (42: the generic Substrate prefix).
pub const SS58_PREFIX: u16 = 42;

/// Transaction signature: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// An account identifier: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account.
pub type Balance = u128;
/// Transaction counter of an account.
pub type Nonce = u32;
/// Block and state hash.
pub type Hash = sp_core::H256;
/// Block number.
pub type BlockNumber = u32;
/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block with its justifications.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The checks every signed transaction passes, in the pool and again in the block.
///
/// `CheckRealName` refuses signers that are not verified, suspended or closed, transfers to
/// unverified accounts, and user transactions while the service is suspended, with
/// `InvalidTransaction::Custom(code)` ([`compliance_primitives::RejectCode`]). It sits before the
/// nonce, weight and fee checks, so an unverified account learns that it is unverified (not that
/// it cannot pay), a refused transaction never enters the pool and pays nothing, and it does not
/// look at fees: a zero-fee call is checked like any other.
#[cfg(not(throughput_baseline))]
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	pallet_real_name::CheckRealName<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The same extensions without `CheckRealName`: only for the throughput baseline that measures
/// what the check costs (`runtime/baseline`, run by `scripts/bench-throughput`). Never deploy it.
#[cfg(throughput_baseline)]
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The extensions a client attaches to a transaction of a signer whose next nonce is `nonce`,
/// valid for `era`, tipping `tip`. The node's benchmarks, the runtime tests and the fuzzer sign
/// with it, so they all sign exactly what the runtime checks.
#[cfg(not(throughput_baseline))]
pub fn tx_extension(era: generic::Era, nonce: Nonce, tip: Balance) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(era),
		pallet_real_name::CheckRealName::new(),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(tip),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	)
}

/// Unchecked extrinsic type.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Runtime migrations from spec 101: Sudo to governance, in this order (the consortium is seeded
/// from the Sudo key before Sudo's storage goes); the authorities to sessions; the moderators to
/// their membership set; the cases to the layout that records who acted; the cases behind the
/// measures in force; and the counters the nodes' metrics read (verified accounts, unresolved and
/// overdue reports). Each runs once, by its pallet's storage version, from spec 101 or 103 alike.
type Migrations = (
	migrations::SudoToGovernance,
	migrations::RemoveSudo,
	migrations::SeedSessions,
	migrations::ModeratorsToMembership,
	pallet_moderation::migrations::RecordActors<Runtime>,
	pallet_moderation::migrations::SeedMeasuresInForce<Runtime>,
	pallet_moderation::migrations::CountUnresolvedReports<Runtime>,
	pallet_real_name::migrations::CountVerifiedAccounts<Runtime>,
);

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	/// The Compliance Chain runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, blocks, runtime code.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// Block timestamps.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// Block authoring.
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	/// Finality.
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// Balances.
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	/// Transaction fees.
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// The authorised (well-known) nodes of the permissioned network.
	#[runtime::pallet_index(7)]
	pub type NodeAuthorization = pallet_node_authorization;

	/// Real-name verification and account standing; its `CheckRealName` guards every transaction.
	#[runtime::pallet_index(10)]
	pub type RealName = pallet_real_name;

	/// Content moderation by hash, disposal measures, complaints and appeals.
	#[runtime::pallet_index(11)]
	pub type Moderation = pallet_moderation;

	/// Filing record, platform rules, security assessments and service suspension.
	#[runtime::pallet_index(12)]
	pub type Filing = pallet_filing;

	/// The filing operators.
	#[runtime::pallet_index(13)]
	pub type FilingOperators = pallet_membership<Instance1>;

	/// The security assessors.
	#[runtime::pallet_index(14)]
	pub type Assessors = pallet_membership<Instance2>;

	/// The regulators.
	#[runtime::pallet_index(15)]
	pub type Regulators = pallet_membership<Instance3>;

	/// The operator's consortium: its motions are the chain's admin origin.
	#[runtime::pallet_index(16)]
	pub type Consortium = pallet_collective<Instance1>;

	/// The members of the operator's consortium.
	#[runtime::pallet_index(17)]
	pub type ConsortiumMembership = pallet_membership<Instance4>;

	/// The regulators' motions: their own membership and the assessors' accreditation.
	#[runtime::pallet_index(18)]
	pub type RegulatorsCollective = pallet_collective<Instance2>;

	/// The validators, changed by consortium motion.
	#[runtime::pallet_index(19)]
	pub type ValidatorSet = pallet_validator_set;

	/// Sessions: carries the validator set's changes and the validators' keys to Aura and
	/// GRANDPA.
	#[runtime::pallet_index(20)]
	pub type Session = pallet_session;

	/// The moderators, appointed and dismissed by consortium motion.
	#[runtime::pallet_index(21)]
	pub type Moderators = pallet_membership<Instance5>;
}
