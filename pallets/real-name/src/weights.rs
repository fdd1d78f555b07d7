//! Weights for `pallet_real_name`.
//!
//! PLACEHOLDER until generated: these numbers were written by hand from the storage accesses
//! of each call, not measured. Regenerate this file with the node's benchmark command, e.g.
//!
//! ```text
//! compliance-node benchmark pallet --runtime <wasm> --pallet=pallet_real_name \
//!     --extrinsic='*' --steps=50 --repeat=20 --output=pallets/real-name/src/weights.rs
//! ```

// Executed Command:
// (none yet: placeholder)

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(dead_code)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_real_name`.
pub trait WeightInfo {
	fn add_registrar() -> Weight;
	fn suspend_registrar() -> Weight;
	fn reactivate_registrar() -> Weight;
	fn remove_registrar() -> Weight;
	fn verify_account() -> Weight;
	fn renew() -> Weight;
	fn revoke() -> Weight;
	fn force_revoke() -> Weight;
	fn check_real_name() -> Weight;
}

/// Weights for `pallet_real_name` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `RealName::RegistrarOf` (r:1 w:1)
	/// Storage: `RealName::NextRegistrarId` (r:1 w:1)
	/// Storage: `RealName::ComplianceState` (r:1 w:1)
	/// Storage: `RealName::Registrars` (r:0 w:1)
	fn add_registrar() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(9_000_000, 3500)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `RealName::Registrars` (r:1 w:1)
	/// Storage: `RealName::ComplianceState` (r:1 w:1)
	fn suspend_registrar() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(8_000_000, 3500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `RealName::Registrars` (r:1 w:1)
	/// Storage: `RealName::ComplianceState` (r:1 w:1)
	fn reactivate_registrar() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(8_000_000, 3500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `RealName::Registrars` (r:1 w:1)
	/// Storage: `RealName::ComplianceState` (r:1 w:1)
	/// Storage: `RealName::RegistrarOf` (r:0 w:1)
	fn remove_registrar() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(9_000_000, 3500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `RealName::RegistrarOf` (r:1 w:0)
	/// Storage: `RealName::ComplianceState` (r:1 w:0)
	/// Storage: `RealName::Accounts` (r:1 w:1)
	fn verify_account() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(11_000_000, 3600)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `RealName::RegistrarOf` (r:1 w:0)
	/// Storage: `RealName::ComplianceState` (r:1 w:0)
	/// Storage: `RealName::Accounts` (r:1 w:1)
	fn renew() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(10_000_000, 3600)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `RealName::RegistrarOf` (r:1 w:0)
	/// Storage: `RealName::Accounts` (r:1 w:1)
	fn revoke() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(9_000_000, 3600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `RealName::Accounts` (r:1 w:1)
	fn force_revoke() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(8_000_000, 3600)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `RealName::ComplianceState` (r:1 w:0)
	/// Storage: `RealName::Accounts` (r:2 w:0)
	fn check_real_name() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(7_000_000, 6200)
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	/// Storage: `RealName::RegistrarOf` (r:1 w:1)
	/// Storage: `RealName::NextRegistrarId` (r:1 w:1)
	/// Storage: `RealName::ComplianceState` (r:1 w:1)
	/// Storage: `RealName::Registrars` (r:0 w:1)
	fn add_registrar() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(9_000_000, 3500)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	/// Storage: `RealName::Registrars` (r:1 w:1)
	/// Storage: `RealName::ComplianceState` (r:1 w:1)
	fn suspend_registrar() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(8_000_000, 3500)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	/// Storage: `RealName::Registrars` (r:1 w:1)
	/// Storage: `RealName::ComplianceState` (r:1 w:1)
	fn reactivate_registrar() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(8_000_000, 3500)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	/// Storage: `RealName::Registrars` (r:1 w:1)
	/// Storage: `RealName::ComplianceState` (r:1 w:1)
	/// Storage: `RealName::RegistrarOf` (r:0 w:1)
	fn remove_registrar() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(9_000_000, 3500)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	/// Storage: `RealName::RegistrarOf` (r:1 w:0)
	/// Storage: `RealName::ComplianceState` (r:1 w:0)
	/// Storage: `RealName::Accounts` (r:1 w:1)
	fn verify_account() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(11_000_000, 3600)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `RealName::RegistrarOf` (r:1 w:0)
	/// Storage: `RealName::ComplianceState` (r:1 w:0)
	/// Storage: `RealName::Accounts` (r:1 w:1)
	fn renew() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(10_000_000, 3600)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `RealName::RegistrarOf` (r:1 w:0)
	/// Storage: `RealName::Accounts` (r:1 w:1)
	fn revoke() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(9_000_000, 3600)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `RealName::Accounts` (r:1 w:1)
	fn force_revoke() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(8_000_000, 3600)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// Storage: `RealName::ComplianceState` (r:1 w:0)
	/// Storage: `RealName::Accounts` (r:2 w:0)
	fn check_real_name() -> Weight {
		// Placeholder: not measured yet.
		Weight::from_parts(7_000_000, 6200)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
}
