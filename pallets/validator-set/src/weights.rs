//! Weights for `pallet_validator_set`. PROVISIONAL: the storage reads and writes of each call
//! with a fixed compute estimate, until `scripts/bench-weights pallet_validator_set` measures
//! them on the chain's machine and overwrites this file.

#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// Weight functions of `pallet_validator_set`.
pub trait WeightInfo {
	fn add_validator() -> Weight;
	fn remove_validator() -> Weight;
	fn purge_keys() -> Weight;
	fn session_boundary(v: u32) -> Weight;
}

/// Weights with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_validator() -> Weight {
		Weight::from_parts(20_000_000, 1_600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(20_000_000, 1_600)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn purge_keys() -> Weight {
		Weight::from_parts(5_000_000, 1_600).saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn session_boundary(v: u32) -> Weight {
		Weight::from_parts(10_000_000, 1_600)
			.saturating_add(Weight::from_parts(2_000_000, 2_600).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(v.into())))
	}
}

/// The same with ParityDB's database weights, for mocks and tests.
impl WeightInfo for () {
	fn add_validator() -> Weight {
		Weight::from_parts(20_000_000, 1_600)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(20_000_000, 1_600)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn purge_keys() -> Weight {
		Weight::from_parts(5_000_000, 1_600).saturating_add(ParityDbWeight::get().reads(1_u64))
	}
	fn session_boundary(v: u32) -> Weight {
		Weight::from_parts(10_000_000, 1_600)
			.saturating_add(Weight::from_parts(2_000_000, 2_600).saturating_mul(v.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(v.into())))
	}
}
