//! Storage migrations of the real-name pallet, from the previous release (storage version 0):
//!
//! - [`CountVerifiedAccounts`] (storage version 0 to 1): sets the `VerifiedAccounts` counter, new
//!   in version 1, to the number of records that hold a verification.

use crate::{Accounts, Config, Pallet, VerifiedAccounts};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Counts the records of `Accounts` that hold a verification into `VerifiedAccounts`, then sets
/// storage version 1. It reads every record once: a one-off over the accounts the chain has
/// verified (for a chain of 10^6 accounts, a multi-block migration would be the way; this chain's
/// releases so far hold a few thousand at most).
///
/// In the runtime: `pallet_real_name::migrations::CountVerifiedAccounts<Runtime>`.
pub type CountVerifiedAccounts<T> = VersionedMigration<
	0,
	1,
	v1::UncheckedCountVerifiedAccounts<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration from storage version 0 to 1.
pub mod v1 {
	use super::*;

	/// The body of [`CountVerifiedAccounts`], without the storage version check: use that type.
	pub struct UncheckedCountVerifiedAccounts<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedCountVerifiedAccounts<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut records: u64 = 0;
			let mut verified: u32 = 0;
			for record in Accounts::<T>::iter_values() {
				records = records.saturating_add(1);
				if record.verification.is_some() {
					verified = verified.saturating_add(1);
				}
			}
			VerifiedAccounts::<T>::put(verified);
			T::DbWeight::get().reads_writes(records.saturating_add(1), 1)
		}

		/// Checks the counter against the records and that the storage version is 1.
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use frame_support::{ensure, traits::GetStorageVersion};
			let verified =
				Accounts::<T>::iter_values().filter(|r| r.verification.is_some()).count();
			ensure!(
				VerifiedAccounts::<T>::get() as usize == verified,
				"CountVerifiedAccounts: the counter is not the number of verified records"
			);
			ensure!(
				Pallet::<T>::on_chain_storage_version() == 1,
				"CountVerifiedAccounts: the storage version is not 1"
			);
			Ok(())
		}
	}
}
