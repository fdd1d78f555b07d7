//! Migrations from the runtime a chain runs today (spec 101, with `pallet-sudo`) to this one.
//!
//! [`SudoToGovernance`] hands the admin powers of spec 101's Sudo key to a consortium whose
//! only member is that key's account: the same party keeps the same powers, now exercised by
//! motion, and its first motions add the other consortium parties. The regulators' collective
//! is seeded from the regulators of spec 101. Sudo's storage is then removed.

use frame_support::{
	traits::{GetStorageVersion, InitializeMembers, OnRuntimeUpgrade},
	weights::Weight,
};
#[cfg(feature = "try-runtime")]
use sp_runtime::TryRuntimeError;

use crate::{
	configs::governance::{ConsortiumInstance, ConsortiumMembershipInstance, RegulatorsInstance},
	AccountId, Consortium, ConsortiumMembership, Regulators, RegulatorsCollective, Runtime,
};

/// The name of spec 101's Sudo pallet, whose storage [`RemoveSudo`] deletes.
pub struct SudoPalletName;
impl frame_support::traits::Get<&'static str> for SudoPalletName {
	fn get() -> &'static str {
		"Sudo"
	}
}

/// The storage of spec 101's Sudo pallet.
pub mod old {
	use super::*;

	/// The Sudo key of spec 101.
	#[frame_support::storage_alias]
	pub type Key = StorageValue<Sudo, AccountId, frame_support::pallet_prelude::OptionQuery>;
}

/// Deletes every key of spec 101's Sudo pallet.
pub type RemoveSudo = frame_support::migrations::RemovePallet<
	SudoPalletName,
	<Runtime as frame_system::Config>::DbWeight,
>;

/// Seeds the consortium with spec 101's Sudo key and the regulators' collective with the
/// regulators, and records the new governance pallets' storage versions. Does nothing on a
/// chain whose consortium already has members (a chain built from this runtime's genesis, or a
/// second run).
pub struct SudoToGovernance;

impl OnRuntimeUpgrade for SudoToGovernance {
	fn on_runtime_upgrade() -> Weight {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		if !pallet_collective::Members::<Runtime, ConsortiumInstance>::get().is_empty() {
			return db.reads(1);
		}
		let mut weight = db.reads(3);
		match old::Key::get() {
			Some(key) => {
				let members: frame_support::BoundedVec<_, _> =
					alloc::vec![key.clone()].try_into().expect("one member fits");
				pallet_membership::Members::<Runtime, ConsortiumMembershipInstance>::put(members);
				<Consortium as InitializeMembers<AccountId>>::initialize_members(&[key]);
				weight = weight.saturating_add(db.writes(2));
			},
			None => log::error!(
				target: "runtime::governance",
				"no Sudo key to seed the consortium with: the chain has no admin until a genesis \
				 or another migration gives it consortium members"
			),
		}
		if pallet_collective::Members::<Runtime, RegulatorsInstance>::get().is_empty() {
			let regulators = Regulators::members();
			<RegulatorsCollective as InitializeMembers<AccountId>>::initialize_members(&regulators);
			weight = weight.saturating_add(db.writes(1));
		}
		// The new pallets start at their current storage layout.
		Consortium::in_code_storage_version().put::<Consortium>();
		RegulatorsCollective::in_code_storage_version().put::<RegulatorsCollective>();
		ConsortiumMembership::in_code_storage_version().put::<ConsortiumMembership>();
		log::info!(
			target: "runtime::governance",
			"governance seeded: {} consortium member(s), {} regulator(s)",
			pallet_collective::Members::<Runtime, ConsortiumInstance>::get().len(),
			pallet_collective::Members::<Runtime, RegulatorsInstance>::get().len(),
		);
		weight.saturating_add(db.writes(3))
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, TryRuntimeError> {
		use codec::Encode;
		Ok(old::Key::get().encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), TryRuntimeError> {
		use codec::Decode;
		let old_key = Option::<AccountId>::decode(&mut &state[..])
			.map_err(|_| TryRuntimeError::Other("pre-upgrade state does not decode"))?;
		let consortium = pallet_collective::Members::<Runtime, ConsortiumInstance>::get();
		if consortium.is_empty() {
			return Err(TryRuntimeError::Other("the consortium has no members"));
		}
		if let Some(key) = old_key {
			if !consortium.contains(&key) && ConsortiumMembership::members().len() == 1 {
				return Err(TryRuntimeError::Other("the Sudo key is not the consortium member"));
			}
		}
		if ConsortiumMembership::members().to_vec() != consortium {
			return Err(TryRuntimeError::Other("consortium membership and collective differ"));
		}
		if Regulators::members().to_vec() !=
			pallet_collective::Members::<Runtime, RegulatorsInstance>::get()
		{
			return Err(TryRuntimeError::Other("regulators and their collective differ"));
		}
		Ok(())
	}
}
