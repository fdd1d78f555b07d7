//! Pallet configurations of the runtime.

pub mod account_data;
pub mod compliance;
pub mod governance;

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		ConstantMultiplier, IdentityFee, Weight,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{
	traits::{ConvertInto, One, OpaqueKeys},
	Perbill,
};
use sp_version::RuntimeVersion;

use crate::weights::{
	self, block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight,
};

use super::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin, RuntimeTask,
	SessionKeys, ValidatorSet, EXISTENTIAL_DEPOSIT, SLOT_DURATION, SS58_PREFIX, UNIT, VERSION,
};

/// Share of a block's weight and length that normal (user) transactions may fill.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Compute per block: two of the six seconds, leaving time to propagate and import.
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);

/// Bytes per block: five MiB.
const MAXIMUM_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

/// The fee of one byte of an extrinsic, in planks. Weight costs one plank per picosecond, so a
/// block filled to its weight limit costs about `MAXIMUM_BLOCK_WEIGHT` planks; a byte costs what
/// a block's compute costs per byte of half its length. A block filled to its length limit with
/// the largest extrinsics then costs at least what one filled with transfers costs, their own
/// length fees included (`runtime/src/tests`: a full block of block space is not cheaper than a
/// full block of work), so storing text or data in block bodies is never the cheap way to fill
/// blocks that every node keeps for six months.
pub const LENGTH_FEE_PER_BYTE: Balance =
	(MAXIMUM_BLOCK_WEIGHT.ref_time() / (MAXIMUM_BLOCK_LENGTH as u64 / 2)) as Balance + 1;

parameter_types! {
	/// Number of recent block hashes kept for mortal transactions.
	pub const BlockHashCount: BlockNumber = 2400;
	/// The runtime version, as frame-system reports it.
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute per six-second block, three quarters of it for normal
	/// transactions, with the block and per-transaction overheads measured on this chain
	/// (`benchmark overhead`, see `weights/`).
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			weights.reserved =
				Some(MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
	/// Five MiB per block.
	pub RuntimeBlockLength: BlockLength =
		BlockLength::builder()
			.max_length(MAXIMUM_BLOCK_LENGTH)
			.modify_max_length_for_class(DispatchClass::Normal, |max| {
				*max = NORMAL_DISPATCH_RATIO * *max
			})
			.build();
	/// The SS58 address prefix.
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	/// No origin may write raw state, set code or force balances, and no motion may carry such
	/// a call (see `governance`).
	type BaseCallFilter = governance::CallFilter;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB only. Its read and write costs are polkadot-sdk's,
	/// measured on a Polkadot-size state (8 µs / 50 µs); `benchmark storage` on this chain's
	/// small state measures less (see README, "Performance"), so these are the safe side.
	type DbWeight = ParityDbWeight;
	type SystemWeightInfo = weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	/// The balance and the real-name summary in one entry, so the real-name check reads
	/// nothing a transaction does not read anyway (see `account_data`).
	type AccountData = account_data::AccountData;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	/// Every path that replaces the runtime code needs an approved security assessment (R6).
	type OnSetCode = pallet_filing::AssessedCodeGate<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

parameter_types! {
	/// What registering session keys holds from the account's balance until it purges them.
	pub const SessionKeyDeposit: Balance = 10 * UNIT;
}

/// Sessions exist to carry validator-set changes: the validator set decides when one ends
/// (at a session boundary, only if a change waits) and which accounts validate next.
impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// No validator is disabled by offences: nothing reports them on a permissioned chain,
	/// whose governance removes a misbehaving validator.
	type DisablingStrategy = ();
	/// The SDK's weights: `set_keys` and `purge_keys` are benchmarked only with staking.
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_validator_set::Config for Runtime {
	type ValidatorOrigin = compliance::AdminOrigin;
	type MinValidators = ConstU32<1>;
	/// As many as Aura and GRANDPA take.
	type MaxValidators = ConstU32<32>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = account_data::BalanceStore;
	type WeightInfo = weights::pallet_balances::WeightInfo<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Fees do not float with congestion: a permissioned chain prices by weight and length.
	pub FeeMultiplier: Multiplier = Multiplier::one();
	/// See [`LENGTH_FEE_PER_BYTE`].
	pub const LengthFeePerByte: Balance = LENGTH_FEE_PER_BYTE;
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = ConstantMultiplier<Balance, LengthFeePerByte>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

impl pallet_node_authorization::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type MaxWellKnownNodes = ConstU32<64>;
	type MaxPeerIdLength = ConstU32<128>;
	type AddOrigin = compliance::AdminOrigin;
	type RemoveOrigin = compliance::AdminOrigin;
	type SwapOrigin = compliance::AdminOrigin;
	type ResetOrigin = compliance::AdminOrigin;
	/// Measured here (`pallet-node-authorization-benchmarking`): the SDK's own are placeholders.
	type WeightInfo = weights::pallet_node_authorization::WeightInfo<Runtime>;
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_node_authorization_benchmarking::Config for Runtime {}
