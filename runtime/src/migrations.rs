//! Migrations from the runtime a chain runs today (spec 101, with `pallet-sudo`) to this one.
//!
//! [`SudoToGovernance`] hands the admin powers of spec 101's Sudo key to a consortium whose
//! only member is that key's account: the same party keeps the same powers, now exercised by
//! motion, and its first motions add the other consortium parties. The regulators' collective
//! is seeded from the regulators of spec 101. Sudo's storage is then removed.
//!
//! [`SeedSessions`] gives spec 101's authorities, which Aura and GRANDPA kept without sessions,
//! to the validator set and to `pallet-session`, so that the first session change keeps them.
//!
//! [`ModeratorsToMembership`] moves spec 101's moderators, which the moderation pallet kept
//! itself, into the `Moderators` membership set that the consortium now changes by motion.

use frame_support::{
	traits::{GetStorageVersion, InitializeMembers, OnRuntimeUpgrade},
	weights::Weight,
};
#[cfg(feature = "try-runtime")]
use sp_runtime::TryRuntimeError;

use crate::{
	configs::governance::{
		ConsortiumInstance, ConsortiumMembershipInstance, ModeratorsInstance, RegulatorsInstance,
	},
	AccountId, BlockNumber, Consortium, ConsortiumMembership, Moderators, Regulators,
	RegulatorsCollective, Runtime, Session, SessionKeys, ValidatorSet, HOURS,
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

	/// The moderators of spec 101, kept by the moderation pallet.
	#[frame_support::storage_alias]
	pub type Moderators = CountedStorageMap<
		Moderation,
		frame_support::Blake2_128Concat,
		AccountId,
		(),
		frame_support::pallet_prelude::OptionQuery,
	>;
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

/// The session length of a chain that moves from spec 101: an hour between session boundaries.
/// (A session change takes a block, and a boundary ends a session only when a change waits.)
pub const MIGRATED_SESSION_LENGTH: BlockNumber = HOURS;

/// Gives spec 101's authorities to the validator set and to `pallet-session`: `Validators`,
/// `QueuedKeys`, `NextKeys` and `KeyOwner`, as `pallet-session`'s genesis would have written
/// them, so the first session change plans the same authorities instead of none. A validator's
/// account is the account of its Aura key, paired with the GRANDPA key at the same position: spec
/// 101 knew validators only by their keys. Their keys hold no deposit (as at genesis). Does
/// nothing on a chain whose validator set has members already.
pub struct SeedSessions;

impl OnRuntimeUpgrade for SeedSessions {
	fn on_runtime_upgrade() -> Weight {
		use sp_runtime::traits::OpaqueKeys;
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		if !pallet_validator_set::Validators::<Runtime>::get().is_empty() {
			return db.reads(1);
		}
		let aura = pallet_aura::Authorities::<Runtime>::get();
		let grandpa = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities();
		let mut weight = db.reads(3);
		if aura.is_empty() || aura.len() != grandpa.len() {
			log::error!(
				target: "runtime::validator-set",
				"{} Aura and {} GRANDPA authorities: cannot pair them into validators; sessions \
				 not seeded",
				aura.len(),
				grandpa.len(),
			);
			return weight;
		}
		let mut validators = alloc::vec::Vec::with_capacity(aura.len());
		let mut queued = alloc::vec::Vec::with_capacity(aura.len());
		for (aura_key, (grandpa_key, _)) in aura.into_iter().zip(grandpa) {
			let account = AccountId::from(sp_core::sr25519::Public::from(aura_key.clone()));
			let keys = SessionKeys { aura: aura_key, grandpa: grandpa_key };
			pallet_session::NextKeys::<Runtime>::insert(&account, &keys);
			for id in SessionKeys::key_ids() {
				pallet_session::KeyOwner::<Runtime>::insert(
					(*id, keys.get_raw(*id).to_vec()),
					&account,
				);
			}
			// Registered keys count as a consumer of the account, as `pallet-session`'s genesis
			// counts them (its `inner_set_keys`, which writes the two maps above, is private).
			if frame_system::Pallet::<Runtime>::inc_consumers_without_limit(&account).is_err() {
				let _ = frame_system::Pallet::<Runtime>::inc_providers(&account);
			}
			validators.push(account.clone());
			queued.push((account, keys));
			weight = weight.saturating_add(db.reads_writes(1, 4));
		}
		let count = validators.len();
		pallet_validator_set::Validators::<Runtime>::put(frame_support::BoundedVec::truncate_from(
			validators.clone(),
		));
		pallet_validator_set::SessionLength::<Runtime>::put(MIGRATED_SESSION_LENGTH);
		pallet_session::Validators::<Runtime>::put(validators);
		pallet_session::QueuedKeys::<Runtime>::put(queued);
		ValidatorSet::in_code_storage_version().put::<ValidatorSet>();
		Session::in_code_storage_version().put::<Session>();
		log::info!(target: "runtime::validator-set", "sessions seeded with {count} validator(s)");
		weight.saturating_add(db.writes(6))
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, TryRuntimeError> {
		use codec::Encode;
		Ok(pallet_aura::Authorities::<Runtime>::get().into_inner().encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), TryRuntimeError> {
		use codec::Decode;
		let before =
			alloc::vec::Vec::<sp_consensus_aura::sr25519::AuthorityId>::decode(&mut &state[..])
				.map_err(|_| TryRuntimeError::Other("pre-upgrade state does not decode"))?;
		let queued: alloc::vec::Vec<_> = pallet_session::QueuedKeys::<Runtime>::get()
			.into_iter()
			.map(|(_, keys)| keys.aura)
			.collect();
		if queued != before {
			return Err(TryRuntimeError::Other(
				"the planned session's keys are not the authorities",
			));
		}
		if pallet_session::Validators::<Runtime>::get() !=
			pallet_validator_set::Validators::<Runtime>::get().into_inner()
		{
			return Err(TryRuntimeError::Other("the session's and the set's validators differ"));
		}
		Ok(())
	}
}

/// Moves spec 101's moderators into the `Moderators` membership set (sorted, as the set keeps
/// them), removes the moderation pallet's own list and its counter, and records the set's
/// storage version. Does nothing but clear the old list on a chain whose set already has
/// members. Moderators beyond the set's bound (64; spec 101 had no bound) are logged and left
/// out: the consortium appoints them again by motion.
pub struct ModeratorsToMembership;

impl OnRuntimeUpgrade for ModeratorsToMembership {
	fn on_runtime_upgrade() -> Weight {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		let mut moderators: alloc::vec::Vec<AccountId> = old::Moderators::iter_keys().collect();
		let found = moderators.len() as u64;
		let mut weight = db.reads(found.saturating_add(2));
		if Moderators::members().is_empty() && !moderators.is_empty() {
			moderators.sort();
			let bound =
				<Runtime as pallet_membership::Config<ModeratorsInstance>>::MaxMembers::get();
			if moderators.len() > bound as usize {
				log::error!(
					target: "runtime::moderation",
					"{} moderators, the set holds {bound}: the last {} by account are left out",
					moderators.len(),
					moderators.len() - bound as usize,
				);
			}
			let members = frame_support::BoundedVec::truncate_from(moderators);
			log::info!(target: "runtime::moderation", "{} moderator(s) moved", members.len());
			pallet_membership::Members::<Runtime, ModeratorsInstance>::put(members);
			weight = weight.saturating_add(db.writes(1));
		}
		// Clears the map and its counter.
		let _ = old::Moderators::clear(u32::MAX, None);
		Moderators::in_code_storage_version().put::<Moderators>();
		weight.saturating_add(db.writes(found.saturating_add(2)))
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, TryRuntimeError> {
		use codec::Encode;
		let mut moderators: alloc::vec::Vec<AccountId> = old::Moderators::iter_keys().collect();
		moderators.sort();
		// Moved only into an empty set.
		let moved = if Moderators::members().is_empty() { moderators } else { Default::default() };
		Ok(moved.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), TryRuntimeError> {
		use codec::Decode;
		let moved = alloc::vec::Vec::<AccountId>::decode(&mut &state[..])
			.map_err(|_| TryRuntimeError::Other("pre-upgrade state does not decode"))?;
		if old::Moderators::count() != 0 || old::Moderators::iter_keys().next().is_some() {
			return Err(TryRuntimeError::Other("the old moderator list is still there"));
		}
		let bound = <Runtime as pallet_membership::Config<ModeratorsInstance>>::MaxMembers::get();
		if !moved.is_empty() &&
			Moderators::members().into_inner() != moved[..moved.len().min(bound as usize)]
		{
			return Err(TryRuntimeError::Other("the moderator set is not spec 101's moderators"));
		}
		Ok(())
	}
}
