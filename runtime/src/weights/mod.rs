//! Weights measured on the machine type the chain runs on, by `scripts/bench-weights`: the
//! polkadot-sdk pallets' calls and transaction extensions (`benchmark pallet`), the block and
//! per-transaction overheads with this runtime's `TxExtension` (`benchmark overhead`); node
//! authorization's through `pallet-node-authorization-benchmarking`, since the SDK ships none. The
//! compliance pallets keep theirs in `pallets/*/src/weights.rs`. Do not edit these files by hand.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_node_authorization;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
