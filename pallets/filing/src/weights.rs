//! Weights for `pallet_filing`.
//!
//! PLACEHOLDER: these numbers were not measured on this chain's hardware. They follow the layout
//! `frame-benchmarking-cli` generates and count the storage accesses of each call, so that the
//! runtime compiles and charges something sane. The lead regenerates this file with the node's
//! `benchmark pallet --pallet pallet_filing --extrinsic '*' --output pallets/filing/src/weights.rs`
//! command before any release.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_filing`.
pub trait WeightInfo {
	fn register() -> Weight;
	fn change() -> Weight;
	fn cancel() -> Weight;
	fn record_service_start() -> Weight;
	fn confirm_review() -> Weight;
	fn publish_rules() -> Weight;
	fn acknowledge() -> Weight;
	fn record_assessment() -> Weight;
	fn revoke_assessment() -> Weight;
	fn suspend_service() -> Weight;
	fn resume_service() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn on_initialize_deadline() -> Weight;
}

/// Weights for `pallet_filing` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Filing::Filing` (r:1 w:1)
	/// Storage: `Filing::ServiceStart` (r:1 w:1)
	/// Storage: `Filing::NextDeadline` (r:0 w:1)
	fn register() -> Weight {
		Weight::from_parts(40_000_000, 3_500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Filing::Filing` (r:1 w:1)
	/// Storage: `Filing::FilingHistory` (r:1 w:1)
	fn change() -> Weight {
		Weight::from_parts(80_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Filing::Filing` (r:1 w:1)
	/// Storage: `Filing::FilingHistory` (r:1 w:1)
	/// Storage: `Filing::NextDeadline` (r:0 w:1)
	fn cancel() -> Weight {
		Weight::from_parts(70_000_000, 40_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Filing::ServiceStart` (r:1 w:1)
	/// Storage: `Filing::Filing` (r:1 w:0)
	/// Storage: `Filing::NextDeadline` (r:0 w:1)
	fn record_service_start() -> Weight {
		Weight::from_parts(15_000_000, 3_500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Filing::Filing` (r:1 w:1)
	/// Storage: `Filing::NextDeadline` (r:0 w:1)
	fn confirm_review() -> Weight {
		Weight::from_parts(20_000_000, 3_500)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Filing::CurrentRules` (r:1 w:1)
	/// Storage: `Filing::RulesHistory` (r:1 w:1)
	fn publish_rules() -> Weight {
		Weight::from_parts(40_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Filing::CurrentRules` (r:1 w:0)
	/// Storage: the `Acknowledgements` implementation (r:1 w:1)
	fn acknowledge() -> Weight {
		Weight::from_parts(20_000_000, 3_500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Filing::Assessments` (r:0 w:1)
	fn record_assessment() -> Weight {
		Weight::from_parts(15_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Filing::Assessments` (r:1 w:1)
	fn revoke_assessment() -> Weight {
		Weight::from_parts(15_000_000, 3_500)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Filing::ServiceSuspension` (r:1 w:1)
	/// Storage: the `OnComplianceChange` implementation (r:1 w:1)
	fn suspend_service() -> Weight {
		Weight::from_parts(15_000_000, 3_500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Filing::ServiceSuspension` (r:1 w:1)
	/// Storage: the `OnComplianceChange` implementation (r:1 w:1)
	fn resume_service() -> Weight {
		Weight::from_parts(15_000_000, 3_500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Filing::NextDeadline` (r:1 w:0)
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(3_000_000, 1_500)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	/// Storage: `Filing::NextDeadline` (r:1 w:1)
	/// Storage: `System::Events` (r:0 w:1)
	fn on_initialize_deadline() -> Weight {
		Weight::from_parts(10_000_000, 1_500)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn register() -> Weight {
		Weight::from_parts(40_000_000, 3_500)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn change() -> Weight {
		Weight::from_parts(80_000_000, 40_000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn cancel() -> Weight {
		Weight::from_parts(70_000_000, 40_000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn record_service_start() -> Weight {
		Weight::from_parts(15_000_000, 3_500)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn confirm_review() -> Weight {
		Weight::from_parts(20_000_000, 3_500)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn publish_rules() -> Weight {
		Weight::from_parts(40_000_000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn acknowledge() -> Weight {
		Weight::from_parts(20_000_000, 3_500)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn record_assessment() -> Weight {
		Weight::from_parts(15_000_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn revoke_assessment() -> Weight {
		Weight::from_parts(15_000_000, 3_500)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn suspend_service() -> Weight {
		Weight::from_parts(15_000_000, 3_500)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn resume_service() -> Weight {
		Weight::from_parts(15_000_000, 3_500)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(3_000_000, 1_500)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn on_initialize_deadline() -> Weight {
		Weight::from_parts(10_000_000, 1_500)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
