#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod extension;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use extension::CheckRealName;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use compliance_primitives::{
	AccountStanding, ConventionVersion, Measure, MeasureLevel, OnComplianceChange, RejectCode,
	RestrictionScope, Standing,
};
use frame_support::{
	pallet_prelude::{DispatchError, DispatchResult, Get},
	traits::{Contains, ContainsPair, StoredMap},
};
use frame_system::pallet_prelude::BlockNumberFor;

/// The registrar name type stored on chain.
pub type RegistrarNameOf<T> = frame_support::BoundedVec<u8, <T as Config>::MaxNameLength>;

/// A registrar record as stored in [`Registrars`].
pub type RegistrarInfoOf<T> =
	RegistrarInfo<<T as frame_system::Config>::AccountId, <T as Config>::MaxNameLength>;

/// The global state as stored in [`ComplianceState`].
pub type GlobalStateOf<T> = GlobalState<<T as Config>::MaxRegistrars>;

/// An account record as stored in [`Accounts`].
pub type AccountRecordOf<T> = AccountRecord<BlockNumberFor<T>>;

/// An account summary as kept in [`Config::SummaryStore`].
pub type AccountSummaryOf<T> = AccountSummary<BlockNumberFor<T>>;

/// An account verified at genesis: `(account, registrar id, identity commitment, level, expires
/// at block, acknowledged convention version)`.
pub type GenesisVerificationOf<T> = (
	<T as frame_system::Config>::AccountId,
	compliance_primitives::RegistrarId,
	compliance_primitives::IdentityCommitment,
	VerificationLevel,
	BlockNumberFor<T>,
	ConventionVersion,
);

/// The call type of the runtime.
pub type RuntimeCallOf<T> = <T as frame_system::Config>::RuntimeCall;

/// Builds calls for the benchmarks that only the runtime can build.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<T: Config> {
	/// A call that sends value to `dest`, so that the real-name check benchmark reads the
	/// destination's record (the worst case). The runtime returns a balance transfer.
	fn value_transfer_call(dest: T::AccountId) -> RuntimeCallOf<T>;
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> BenchmarkHelper<T> for () {
	fn value_transfer_call(_dest: T::AccountId) -> RuntimeCallOf<T> {
		frame_system::Call::<T>::remark { remark: Vec::new() }.into()
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use compliance_primitives::{IdentityCommitment, RegistrarId};
	use frame_support::{pallet_prelude::*, traits::StoredMap};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::StaticLookup;

	/// The account-lookup source type of the runtime.
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

	/// The pallet's configuration trait.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The operator's origin: manages registrars and may revoke any verification.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Tells the real-name check the restriction scope and value destination of a call.
		type Inspector: compliance_primitives::InspectCall<RuntimeCallOf<Self>, Self::AccountId>;

		/// Calls a sanctioned (suspended, closed or restricted) account may still make: at least
		/// its appeal and the acknowledgement of a new convention. They still need a valid
		/// verification.
		type StandingExemptCalls: Contains<RuntimeCallOf<Self>>;

		/// Calls an account may make before it acknowledged the current platform convention:
		/// at least the acknowledgement itself and an appeal.
		type ConventionExemptCalls: Contains<RuntimeCallOf<Self>>;

		/// Calls no signed transaction may make at all, refused with `CallNotPermitted` before
		/// they reach the pool: free text such as `System::remark`, which would put content on
		/// chain that no moderator can hide.
		type ForbiddenCalls: Contains<RuntimeCallOf<Self>>;

		/// Calls whose signer answers for them through a role rather than through a real-name
		/// verification: `(signer, call)` pairs that pass the check whatever the signer's
		/// verification, standing or acknowledged convention, and while the service is suspended.
		/// The runtime lists the governance calls of its bodies' members (propose, vote, close)
		/// and the regulators' suspension and resumption, each only while the signer holds the
		/// role, so that no measure, revocation or new convention can lock governance out. It is
		/// asked only after `ForbiddenCalls`.
		type AccountableCalls: ContainsPair<Self::AccountId, RuntimeCallOf<Self>>;

		/// The owner of the current platform convention and the service suspension (the filing
		/// pallet). `ComplianceState` mirrors both for the check; `try_state` proves the mirror
		/// equal to the owner's values.
		type Facts: compliance_primitives::ComplianceFacts;

		/// Calls that pass while the service is suspended, such as the regulator's and the
		/// operator's calls that resume it.
		type ServiceSuspensionExemptCalls: Contains<RuntimeCallOf<Self>>;

		/// Where each account's [`AccountSummary`] (the part of its record the real-name check
		/// reads) is kept. The runtime keeps it inside `System::Account`, beside the balance,
		/// which a signed transaction reads anyway, so the check adds no database read. The
		/// pallet holds a provider reference on every account it has a record of, so the entry
		/// outlives a zero balance.
		type SummaryStore: StoredMap<Self::AccountId, AccountSummaryOf<Self>>;

		/// The most registrars that can exist at once.
		#[pallet::constant]
		type MaxRegistrars: Get<u32>;

		/// The longest registrar name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Builds the calls the benchmarks need.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self>;

		/// Weights of the calls and of the real-name check, from the benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The in-code storage version. Version 1 added `VerifiedAccounts`, which
	/// [`crate::migrations::CountVerifiedAccounts`] initialises.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// The pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Everything the pallet knows about one account: verification, standing, warnings and the
	/// convention version it acknowledged. The check reads its summary (`Config::SummaryStore`).
	#[pallet::storage]
	pub type Accounts<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, AccountRecordOf<T>, OptionQuery>;

	/// Everything global the real-name check needs: the registrars that exist and their status,
	/// and mirrors of whether the service is suspended and of the current convention version
	/// (owned by `Config::Facts`; `try_state` checks the mirror).
	// Whitelisted: `on_initialize` reads it once per block, so every transaction's check after
	// that reads it from the block's storage cache, not from the database.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type ComplianceState<T: Config> = StorageValue<_, GlobalStateOf<T>, ValueQuery>;

	/// The registrars, by id.
	// Twox64Concat: the key is a chain-assigned counter.
	#[pallet::storage]
	pub type Registrars<T: Config> =
		StorageMap<_, Twox64Concat, RegistrarId, RegistrarInfoOf<T>, OptionQuery>;

	/// The registrar id of a registrar's account.
	#[pallet::storage]
	pub type RegistrarOf<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, RegistrarId, OptionQuery>;

	/// How many accounts hold a verification (in `Accounts`), whichever registrar issued it and
	/// whether or not it has expired: a verification counts until it is revoked. Kept by every
	/// change of a record, so that the nodes' metrics read one value per block, not the accounts.
	#[pallet::storage]
	pub type VerifiedAccounts<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The id the next registrar gets. Ids are never reused, so a removed registrar's
	/// verifications stay invalid for ever.
	#[pallet::storage]
	pub type NextRegistrarId<T: Config> = StorageValue<_, RegistrarId, ValueQuery>;

	/// The pallet's genesis state.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Registrars as `(account, name)`. They get ids 0, 1, 2, … in this order and start
		/// active.
		pub registrars: Vec<(T::AccountId, Vec<u8>)>,
		/// Accounts verified at genesis, as `(account, registrar id, identity commitment, level,
		/// expires at block, acknowledged convention version)`. The registrar id is the index
		/// of the registrar in `registrars`.
		pub verified: Vec<GenesisVerificationOf<T>>,
		/// The platform convention version that is current at genesis (0: none).
		pub current_convention: ConventionVersion,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (account, name) in &self.registrars {
				if let Err(e) = Pallet::<T>::do_add_registrar(account.clone(), name.clone()) {
					panic!("real-name genesis: registrar {name:?} refused: {e:?}");
				}
			}
			ComplianceState::<T>::mutate(|state| {
				state.current_convention = self.current_convention
			});
			for (who, registrar, commitment, level, expires_at, acknowledged) in &self.verified {
				assert!(
					Registrars::<T>::contains_key(registrar),
					"real-name genesis: unknown registrar {registrar}"
				);
				assert!(
					*acknowledged <= self.current_convention,
					"real-name genesis: acknowledged convention {acknowledged} is not published"
				);
				assert!(
					!Accounts::<T>::contains_key(who),
					"real-name genesis: account verified twice"
				);
				let record = AccountRecord {
					verification: Some(Verification {
						registrar: *registrar,
						commitment: *commitment,
						level: *level,
						verified_at: Zero::zero(),
						expires_at: *expires_at,
					}),
					standing: Standing::Good,
					warnings: 0,
					acknowledged_convention: *acknowledged,
				};
				let stored =
					Pallet::<T>::try_mutate_record(who, |maybe_record| -> DispatchResult {
						*maybe_record = Some(record);
						Ok(())
					});
				if let Err(e) = stored {
					panic!("real-name genesis: record of {who:?} not stored: {e:?}");
				}
			}
		}
	}

	/// The pallet's events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A registrar was added.
		RegistrarAdded {
			/// Its id.
			id: RegistrarId,
			/// Its account.
			account: T::AccountId,
		},
		/// A registrar was suspended: it can no longer verify or renew.
		RegistrarSuspended {
			/// Its id.
			id: RegistrarId,
		},
		/// A suspended registrar was reactivated.
		RegistrarReactivated {
			/// Its id.
			id: RegistrarId,
		},
		/// A registrar was removed; every verification it issued is invalid.
		RegistrarRemoved {
			/// Its id.
			id: RegistrarId,
			/// Its account.
			account: T::AccountId,
		},
		/// An account was verified.
		AccountVerified {
			/// The account.
			who: T::AccountId,
			/// The registrar that verified it.
			registrar: RegistrarId,
			/// The registrar's salted hash of the identity data it checked: the event keeps it,
			/// so the record of who verified whom survives a later revocation or re-verification.
			commitment: IdentityCommitment,
			/// How thoroughly.
			level: VerificationLevel,
			/// The first block at which the verification is no longer valid.
			expires_at: BlockNumberFor<T>,
		},
		/// A verification was renewed.
		VerificationRenewed {
			/// The account.
			who: T::AccountId,
			/// The registrar that renewed it.
			registrar: RegistrarId,
			/// The commitment of the verification renewed.
			commitment: IdentityCommitment,
			/// Its level.
			level: VerificationLevel,
			/// The new first block at which it is no longer valid.
			expires_at: BlockNumberFor<T>,
		},
		/// A registrar revoked a verification it had issued.
		VerificationRevoked {
			/// The account.
			who: T::AccountId,
			/// The registrar.
			registrar: RegistrarId,
			/// Why.
			reason: RevocationReason,
		},
		/// The operator revoked a verification.
		VerificationForceRevoked {
			/// The account.
			who: T::AccountId,
			/// The registrar that had issued it.
			registrar: RegistrarId,
			/// Why.
			reason: RevocationReason,
		},
		/// An account received a warning.
		AccountWarned {
			/// The account.
			who: T::AccountId,
			/// How many warnings it has received, ever.
			warnings: u32,
			/// Its standing after the warning.
			standing: Standing<BlockNumberFor<T>>,
		},
		/// A disposal measure was applied to an account or lifted.
		StandingChanged {
			/// The account.
			who: T::AccountId,
			/// Its new standing.
			standing: Standing<BlockNumberFor<T>>,
		},
		/// An account acknowledged the current platform convention.
		ConventionAcknowledged {
			/// The account.
			who: T::AccountId,
			/// The version it acknowledged.
			version: ConventionVersion,
		},
		/// An upheld appeal undid one measure on an account.
		MeasureUndone {
			/// The account.
			who: T::AccountId,
			/// The measure undone.
			measure: Measure<BlockNumberFor<T>>,
			/// Its standing afterwards.
			standing: Standing<BlockNumberFor<T>>,
		},
	}

	/// The pallet's errors.
	#[pallet::error]
	pub enum Error<T> {
		/// No registrar has this id.
		UnknownRegistrar,
		/// The registrar is suspended: it cannot verify or renew.
		RegistrarSuspended,
		/// The signer is not a registrar.
		NotRegistrar,
		/// The account already is a registrar.
		AlreadyRegistrar,
		/// The registrar is already suspended.
		AlreadySuspended,
		/// The registrar is not suspended.
		NotSuspended,
		/// There are already `MaxRegistrars` registrars.
		TooManyRegistrars,
		/// The registrar name is longer than `MaxNameLength`.
		NameTooLong,
		/// The registrar name is empty.
		EmptyName,
		/// Every registrar id has been used.
		RegistrarIdsExhausted,
		/// The expiry is not after the current block.
		ExpiryInPast,
		/// The account already holds a valid verification: renew it instead.
		AlreadyVerified,
		/// The account holds no verification.
		NotVerified,
		/// The verification was issued by another registrar.
		NotIssuer,
		/// A registrar may not verify or renew its own account.
		CannotVerifySelf,
		/// The end of the measure is not after the current block.
		UntilInPast,
		/// No disposal measure is in force on the account.
		NoMeasureInForce,
		/// The version is not the current platform convention.
		NotCurrentConvention,
		/// A measure at least as harsh is in force on the account (a closure; a suspension
		/// that ends later; a restriction of the same function that ends later). Lift it first.
		AsHarshMeasureInForce,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Loads `ComplianceState` into the block's storage cache before any transaction, so the
		/// block pays one database read for it instead of one per signed transaction.
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			let _ = ComplianceState::<T>::get();
			T::DbWeight::get().reads(1)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds a registrar. It starts active and gets the next free id.
		///
		/// - Origin: `AdminOrigin`.
		/// - `account`: the account that will sign its verifications.
		/// - `name`: its name, 1 to `MaxNameLength` bytes.
		///
		/// Emits `RegistrarAdded`. Errors: `EmptyName`, `NameTooLong`, `AlreadyRegistrar`,
		/// `TooManyRegistrars`, `RegistrarIdsExhausted`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_registrar().saturating_add(Pallet::<T>::state_write()))]
		pub fn add_registrar(
			origin: OriginFor<T>,
			account: AccountIdLookupOf<T>,
			name: Vec<u8>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let account = T::Lookup::lookup(account)?;
			let id = Self::do_add_registrar(account.clone(), name)?;
			Self::deposit_event(Event::RegistrarAdded { id, account });
			Ok(())
		}

		/// Suspends a registrar: it can no longer verify or renew, but the verifications it
		/// issued stay valid and it may still revoke them.
		///
		/// - Origin: `AdminOrigin`.
		/// - `id`: the registrar.
		///
		/// Emits `RegistrarSuspended`. Errors: `UnknownRegistrar`, `AlreadySuspended`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::suspend_registrar().saturating_add(Pallet::<T>::state_write()))]
		pub fn suspend_registrar(origin: OriginFor<T>, id: RegistrarId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::set_registrar_status(id, RegistrarStatus::Suspended)?;
			Self::deposit_event(Event::RegistrarSuspended { id });
			Ok(())
		}

		/// Reactivates a suspended registrar.
		///
		/// - Origin: `AdminOrigin`.
		/// - `id`: the registrar.
		///
		/// Emits `RegistrarReactivated`. Errors: `UnknownRegistrar`, `NotSuspended`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reactivate_registrar().saturating_add(Pallet::<T>::state_write()))]
		pub fn reactivate_registrar(origin: OriginFor<T>, id: RegistrarId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::set_registrar_status(id, RegistrarStatus::Active)?;
			Self::deposit_event(Event::RegistrarReactivated { id });
			Ok(())
		}

		/// Removes a registrar. Every verification it issued becomes invalid at once (the check
		/// sees that the registrar is gone); its id is never reused.
		///
		/// - Origin: `AdminOrigin`.
		/// - `id`: the registrar.
		///
		/// Emits `RegistrarRemoved`. Errors: `UnknownRegistrar`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_registrar().saturating_add(Pallet::<T>::state_write()))]
		pub fn remove_registrar(origin: OriginFor<T>, id: RegistrarId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let info = Registrars::<T>::take(id).ok_or(Error::<T>::UnknownRegistrar)?;
			RegistrarOf::<T>::remove(&info.account);
			ComplianceState::<T>::mutate(|state| {
				state.registrars.retain(|(known, _)| *known != id)
			});
			Self::deposit_event(Event::RegistrarRemoved { id, account: info.account });
			Ok(())
		}

		/// Verifies an account: records the registrar's commitment to the identity it checked.
		/// The account's standing, warnings and acknowledged convention are kept. An account
		/// whose verification is still valid cannot be verified again (use `renew`); one whose
		/// verification expired or whose registrar was removed can.
		///
		/// - Origin: signed by an active registrar's account.
		/// - `who`: the account; not the registrar's own.
		/// - `commitment`: the salted hash of the identity data, computed off chain.
		/// - `level`: how thoroughly the identity was checked.
		/// - `expires_at`: the first block at which the verification is no longer valid.
		///
		/// Emits `AccountVerified`. Errors: `NotRegistrar`, `RegistrarSuspended`,
		/// `CannotVerifySelf`, `ExpiryInPast`, `AlreadyVerified`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::verify_account().saturating_add(Pallet::<T>::counter_update()))]
		pub fn verify(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			commitment: IdentityCommitment,
			level: VerificationLevel,
			expires_at: BlockNumberFor<T>,
		) -> DispatchResult {
			let signer = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			let (registrar, state) = Self::ensure_active_registrar(&signer)?;
			ensure!(who != signer, Error::<T>::CannotVerifySelf);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(expires_at > now, Error::<T>::ExpiryInPast);
			Self::try_mutate_record(&who, |maybe_record| -> DispatchResult {
				let record = maybe_record.get_or_insert_with(Default::default);
				ensure!(
					!Self::status_in(&state, record.verification, now).is_valid(),
					Error::<T>::AlreadyVerified
				);
				record.verification = Some(Verification {
					registrar,
					commitment,
					level,
					verified_at: now,
					expires_at,
				});
				Ok(())
			})?;
			Self::deposit_event(Event::AccountVerified {
				who,
				registrar,
				commitment,
				level,
				expires_at,
			});
			Ok(())
		}

		/// Renews a verification the signing registrar issued, expired or not, with a new
		/// expiry (which may also be earlier than the old one).
		///
		/// - Origin: signed by an active registrar's account.
		/// - `who`: the account; not the registrar's own.
		/// - `expires_at`: the new first block at which the verification is no longer valid.
		///
		/// Emits `VerificationRenewed`. Errors: `NotRegistrar`, `RegistrarSuspended`,
		/// `CannotVerifySelf`, `ExpiryInPast`, `NotVerified`, `NotIssuer`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::renew())]
		pub fn renew(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			expires_at: BlockNumberFor<T>,
		) -> DispatchResult {
			let signer = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			let (registrar, _) = Self::ensure_active_registrar(&signer)?;
			ensure!(who != signer, Error::<T>::CannotVerifySelf);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(expires_at > now, Error::<T>::ExpiryInPast);
			let (commitment, level) =
				Self::try_mutate_record(&who, |maybe_record| -> Result<_, DispatchError> {
					let verification = maybe_record
						.as_mut()
						.and_then(|record| record.verification.as_mut())
						.ok_or(Error::<T>::NotVerified)?;
					ensure!(verification.registrar == registrar, Error::<T>::NotIssuer);
					verification.verified_at = now;
					verification.expires_at = expires_at;
					Ok((verification.commitment, verification.level))
				})?;
			Self::deposit_event(Event::VerificationRenewed {
				who,
				registrar,
				commitment,
				level,
				expires_at,
			});
			Ok(())
		}

		/// Revokes a verification the signing registrar issued. A suspended registrar may still
		/// revoke. The account record (standing, warnings, acknowledged convention) is kept.
		///
		/// - Origin: signed by a registrar's account (active or suspended).
		/// - `who`: the account.
		/// - `reason`: why.
		///
		/// Emits `VerificationRevoked`. Errors: `NotRegistrar`, `NotVerified`, `NotIssuer`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::revoke().saturating_add(Pallet::<T>::counter_update()))]
		pub fn revoke(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			reason: RevocationReason,
		) -> DispatchResult {
			let signer = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			let registrar = RegistrarOf::<T>::get(&signer).ok_or(Error::<T>::NotRegistrar)?;
			Self::take_verification(&who, Some(registrar))?;
			Self::deposit_event(Event::VerificationRevoked { who, registrar, reason });
			Ok(())
		}

		/// Revokes any verification. The account record (standing, warnings, acknowledged
		/// convention) is kept.
		///
		/// - Origin: `AdminOrigin`.
		/// - `who`: the account.
		/// - `reason`: why.
		///
		/// Emits `VerificationForceRevoked`. Errors: `NotVerified`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::force_revoke().saturating_add(Pallet::<T>::counter_update()))]
		pub fn force_revoke(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			reason: RevocationReason,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			let registrar = Self::take_verification(&who, None)?;
			Self::deposit_event(Event::VerificationForceRevoked { who, registrar, reason });
			Ok(())
		}

		/// Acknowledges the current platform convention (R4). An account under a disposal
		/// measure may acknowledge too (the runtime exempts this call from the standing check):
		/// accepting new rules is never taken away. Acknowledging again is allowed.
		///
		/// - Origin: signed by an account that holds a verification (an expired one counts: the
		///   check reports expiry itself).
		/// - `version`: the current convention version (not 0).
		///
		/// Emits `ConventionAcknowledged`. Errors: `NotCurrentConvention`, `NotVerified`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::acknowledge())]
		pub fn acknowledge(origin: OriginFor<T>, version: ConventionVersion) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let current = ComplianceState::<T>::get().current_convention;
			ensure!(version == current && version > 0, Error::<T>::NotCurrentConvention);
			Self::try_mutate_record(&who, |maybe_record| -> DispatchResult {
				let record = maybe_record
					.as_mut()
					.filter(|record| record.verification.is_some())
					.ok_or(Error::<T>::NotVerified)?;
				record.acknowledged_convention = version;
				Ok(())
			})?;
			Self::deposit_event(Event::ConventionAcknowledged { who, version });
			Ok(())
		}
	}

	// The read surface clients find by name in the metadata, with no runtime-API types to spell
	// out. `runtime_api::RealNameApi` answers from these same functions for the node.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// What holds for `who` now: whether it is verified, its standing (lapsed measures read
		/// as `Good`), its stored record (`None` for an account never verified nor sanctioned),
		/// and the rejection code an ordinary call signed by `who` would get (`None` when such a
		/// call would pass).
		pub fn account_status(who: T::AccountId) -> AccountStatus<BlockNumberFor<T>> {
			let state = ComplianceState::<T>::get();
			let record = Accounts::<T>::get(&who);
			let now = frame_system::Pallet::<T>::block_number();
			let summary = T::SummaryStore::get(&who);
			let reject = Self::check_in(&state, &summary, now, None, false, false, false)
				.err()
				.map(RejectCode::code);
			AccountStatus {
				verified: Self::status_in(&state, record.and_then(|r| r.verification), now)
					.is_valid(),
				standing: record.map(|r| r.standing.effective_at(now)).unwrap_or_default(),
				reject,
				record,
			}
		}

		/// How many accounts hold a verification, expired ones included until revoked (the
		/// `VerifiedAccounts` counter).
		pub fn verified_accounts() -> u32 {
			VerifiedAccounts::<T>::get()
		}

		/// Every registrar that exists, in id order: its id, account, name and whether it may
		/// issue verifications. Empty when there is none.
		pub fn registrars() -> Vec<RegistrarSummary<T::AccountId>> {
			ComplianceState::<T>::get()
				.registrars
				.iter()
				.filter_map(|(id, _)| {
					Registrars::<T>::get(id).map(|info| RegistrarSummary {
						id: *id,
						account: info.account,
						name: info.name.into_inner(),
						status: info.status,
					})
				})
				.collect()
		}

		/// Whether the regulator suspended the service, the platform convention version every
		/// account must have acknowledged (0 when none) and how many registrars exist.
		pub fn service_status() -> ServiceStatus {
			let state = ComplianceState::<T>::get();
			ServiceStatus {
				service_suspended: state.service_suspended,
				current_convention: state.current_convention,
				registrars: u32::try_from(state.registrars.len()).unwrap_or(u32::MAX),
			}
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Where the verification of `who` stands now.
	pub fn verification_status(who: &T::AccountId) -> VerificationStatus<BlockNumberFor<T>> {
		let verification = Accounts::<T>::get(who).and_then(|record| record.verification);
		Self::status_in(
			&ComplianceState::<T>::get(),
			verification,
			frame_system::Pallet::<T>::block_number(),
		)
	}

	/// The standing of `who` as it applies now (lapsed measures and unknown accounts read as
	/// `Good`).
	pub fn standing_of(who: &T::AccountId) -> Standing<BlockNumberFor<T>> {
		Accounts::<T>::get(who)
			.map(|record| record.standing.effective_at(frame_system::Pallet::<T>::block_number()))
			.unwrap_or_default()
	}

	/// The real-name check of a call signed by `who`: `Ok` when it may pass, else the reason
	/// it is refused. Reads `ComplianceState` and the summary of `who`, and the summary of
	/// `dest` when the call sends value to `dest`.
	pub fn check(who: &T::AccountId, call: &RuntimeCallOf<T>) -> Result<(), RejectCode> {
		use compliance_primitives::InspectCall;
		if T::ForbiddenCalls::contains(call) {
			return Err(RejectCode::CallNotPermitted);
		}
		if T::AccountableCalls::contains(who, call) {
			return Ok(());
		}
		let state = ComplianceState::<T>::get();
		let summary = T::SummaryStore::get(who);
		let now = frame_system::Pallet::<T>::block_number();
		Self::check_in(
			&state,
			&summary,
			now,
			T::Inspector::scope(call),
			T::ServiceSuspensionExemptCalls::contains(call),
			T::StandingExemptCalls::contains(call),
			T::ConventionExemptCalls::contains(call),
		)?;
		if let Some(dest) = T::Inspector::value_destination(call) {
			let dest = T::SummaryStore::get(&dest);
			if Self::validity_in(&state, dest.verification, now).is_err() {
				return Err(RejectCode::DestinationNotVerified);
			}
			if dest.standing == Standing::Closed {
				return Err(RejectCode::DestinationClosed);
			}
		}
		Ok(())
	}

	/// The signer part of the check, on values already read.
	fn check_in(
		state: &GlobalStateOf<T>,
		summary: &AccountSummaryOf<T>,
		now: BlockNumberFor<T>,
		scope: Option<RestrictionScope>,
		suspension_exempt: bool,
		standing_exempt: bool,
		convention_exempt: bool,
	) -> Result<(), RejectCode> {
		if state.service_suspended && !suspension_exempt {
			return Err(RejectCode::ServiceSuspended);
		}
		Self::validity_in(state, summary.verification, now)?;
		if !standing_exempt {
			let standing = summary.standing.effective_at(now);
			match standing.level() {
				MeasureLevel::Closure => return Err(RejectCode::AccountClosed),
				MeasureLevel::Suspension => return Err(RejectCode::AccountSuspended),
				MeasureLevel::Restriction
					if scope.is_some_and(|scope| standing.restrictions().end(scope).is_some()) =>
					return Err(RejectCode::AccountRestricted),
				_ => {},
			}
		}
		if state.current_convention > summary.acknowledged_convention && !convention_exempt {
			return Err(RejectCode::ConventionNotAcknowledged);
		}
		Ok(())
	}

	/// `Ok` when `verification` is valid given the global state and the block `now`, else
	/// why not: `NotVerified`, `RegistrarRemoved` or `VerificationExpired`.
	fn validity_in(
		state: &GlobalStateOf<T>,
		verification: Option<VerificationSummary<BlockNumberFor<T>>>,
		now: BlockNumberFor<T>,
	) -> Result<(), RejectCode> {
		match verification {
			None => Err(RejectCode::NotVerified),
			Some(v) if state.registrar_status(v.registrar).is_none() =>
				Err(RejectCode::RegistrarRemoved),
			Some(v) if v.expires_at <= now => Err(RejectCode::VerificationExpired),
			Some(_) => Ok(()),
		}
	}

	/// The status of `verification` given the global state and the block `now`.
	fn status_in(
		state: &GlobalStateOf<T>,
		verification: Option<Verification<BlockNumberFor<T>>>,
		now: BlockNumberFor<T>,
	) -> VerificationStatus<BlockNumberFor<T>> {
		let Some(v) = verification else { return VerificationStatus::Unverified };
		match Self::validity_in(state, Some(v.summary()), now) {
			Ok(()) => VerificationStatus::Valid(v),
			Err(RejectCode::RegistrarRemoved) => VerificationStatus::RegistrarRemoved(v),
			Err(_) => VerificationStatus::Expired(v),
		}
	}

	/// Adds a registrar and returns its id (no event).
	pub(crate) fn do_add_registrar(
		account: T::AccountId,
		name: Vec<u8>,
	) -> Result<compliance_primitives::RegistrarId, DispatchError> {
		frame_support::ensure!(!name.is_empty(), Error::<T>::EmptyName);
		let name: RegistrarNameOf<T> = name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
		frame_support::ensure!(
			!RegistrarOf::<T>::contains_key(&account),
			Error::<T>::AlreadyRegistrar
		);
		let id = NextRegistrarId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::RegistrarIdsExhausted)?;
		ComplianceState::<T>::try_mutate(|state| {
			// Ids grow, so pushing keeps the list sorted.
			state
				.registrars
				.try_push((id, RegistrarStatus::Active))
				.map_err(|_| Error::<T>::TooManyRegistrars)
		})?;
		NextRegistrarId::<T>::put(next);
		RegistrarOf::<T>::insert(&account, id);
		Registrars::<T>::insert(
			id,
			RegistrarInfo { account, name, status: RegistrarStatus::Active },
		);
		Ok(id)
	}

	/// Sets the status of registrar `id` to `status`, which it must not have yet.
	fn set_registrar_status(
		id: compliance_primitives::RegistrarId,
		status: RegistrarStatus,
	) -> DispatchResult {
		Registrars::<T>::try_mutate(id, |maybe_info| -> DispatchResult {
			let info = maybe_info.as_mut().ok_or(Error::<T>::UnknownRegistrar)?;
			if info.status == status {
				return Err(match status {
					RegistrarStatus::Suspended => Error::<T>::AlreadySuspended,
					RegistrarStatus::Active => Error::<T>::NotSuspended,
				}
				.into());
			}
			info.status = status;
			ComplianceState::<T>::try_mutate(|state| -> DispatchResult {
				let entry = state
					.registrars
					.iter_mut()
					.find(|(known, _)| *known == id)
					.ok_or(Error::<T>::UnknownRegistrar)?;
				entry.1 = status;
				Ok(())
			})
		})
	}

	/// The id of the registrar signed by `signer`, which must be active, and the global state.
	fn ensure_active_registrar(
		signer: &T::AccountId,
	) -> Result<(compliance_primitives::RegistrarId, GlobalStateOf<T>), DispatchError> {
		let id = RegistrarOf::<T>::get(signer).ok_or(Error::<T>::NotRegistrar)?;
		let state = ComplianceState::<T>::get();
		match state.registrar_status(id) {
			Some(RegistrarStatus::Active) => Ok((id, state)),
			Some(RegistrarStatus::Suspended) => Err(Error::<T>::RegistrarSuspended.into()),
			None => Err(Error::<T>::NotRegistrar.into()),
		}
	}

	/// Removes the verification of `who`, which `issuer` (when given) must have issued, and
	/// returns the registrar that issued it.
	fn take_verification(
		who: &T::AccountId,
		issuer: Option<compliance_primitives::RegistrarId>,
	) -> Result<compliance_primitives::RegistrarId, DispatchError> {
		Self::try_mutate_record(who, |maybe_record| {
			let record = maybe_record.as_mut().ok_or(Error::<T>::NotVerified)?;
			let verification = record.verification.ok_or(Error::<T>::NotVerified)?;
			if let Some(issuer) = issuer {
				frame_support::ensure!(verification.registrar == issuer, Error::<T>::NotIssuer);
			}
			record.verification = None;
			Ok(verification.registrar)
		})
	}

	/// The weight of one write of `ComplianceState` beyond a call's measured weight: the
	/// benchmarks cannot see it, because the value is whitelisted for its per-block read.
	fn state_write() -> frame_support::weights::Weight {
		T::DbWeight::get().writes(1)
	}

	/// Changes the record of `who` with `f` (given `None` when there is none) and, when `f`
	/// succeeds, copies the record's summary into `T::SummaryStore`. The first record of an
	/// account takes a provider reference on it, so that its `System::Account` entry (and the
	/// summary in it) survives a zero balance. Records are kept for good (R8): `f` must not
	/// remove one.
	pub(crate) fn try_mutate_record<R, E: From<DispatchError>>(
		who: &T::AccountId,
		f: impl FnOnce(&mut Option<AccountRecordOf<T>>) -> Result<R, E>,
	) -> Result<R, E> {
		Accounts::<T>::try_mutate(who, |maybe_record| {
			let existed = maybe_record.is_some();
			let was_verified = Self::holds_verification(maybe_record);
			let result = f(maybe_record)?;
			debug_assert!(!existed || maybe_record.is_some(), "a record was removed");
			match (was_verified, Self::holds_verification(maybe_record)) {
				(false, true) => VerifiedAccounts::<T>::mutate(|n| *n = n.saturating_add(1)),
				(true, false) => VerifiedAccounts::<T>::mutate(|n| *n = n.saturating_sub(1)),
				_ => {},
			}
			if let Some(record) = maybe_record {
				if !existed {
					frame_system::Pallet::<T>::inc_providers(who);
				}
				T::SummaryStore::insert(who, record.summary())?;
			}
			Ok(result)
		})
	}

	/// What keeping `VerifiedAccounts` costs a call that verifies or revokes: one read and one
	/// write. Added to the benchmarked weights, measured before the counter existed, until the
	/// next `scripts/bench-weights` run measures it.
	pub(crate) fn counter_update() -> frame_support::weights::Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	/// Whether `record` holds a verification (what `VerifiedAccounts` counts).
	fn holds_verification(record: &Option<AccountRecordOf<T>>) -> bool {
		record.as_ref().is_some_and(|r| r.verification.is_some())
	}

	/// Fails with `UntilInPast` unless `until` is after the current block.
	fn ensure_future(until: BlockNumberFor<T>) -> DispatchResult {
		frame_support::ensure!(
			until > frame_system::Pallet::<T>::block_number(),
			Error::<T>::UntilInPast
		);
		Ok(())
	}

	/// The pallet's invariants:
	/// - every registrar in `ComplianceState` exists in `Registrars` with the same status, and vice
	///   versa; the list is sorted by id without duplicates; every id is below `NextRegistrarId`;
	/// - `RegistrarOf` is the inverse of `Registrars`;
	/// - there are at most `MaxRegistrars` registrars;
	/// - the current convention and the service suspension equal their owner's (`Config::Facts`);
	/// - no account acknowledged a convention version above the current one;
	/// - every record's summary in `T::SummaryStore` equals the record's, and its account has a
	///   provider reference (the pallet's);
	/// - `VerifiedAccounts` is the number of records holding a verification.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::ensure;
		let state = ComplianceState::<T>::get();
		let next_id = NextRegistrarId::<T>::get();
		ensure!(
			state.registrars.windows(2).all(|pair| matches!(pair, [a, b] if a.0 < b.0)),
			"registrar list not sorted or has duplicates"
		);
		for (id, status) in state.registrars.iter() {
			let info = Registrars::<T>::get(id).ok_or("registrar in state but not stored")?;
			ensure!(info.status == *status, "registrar status differs");
			ensure!(RegistrarOf::<T>::get(&info.account) == Some(*id), "RegistrarOf not inverse");
			ensure!(*id < next_id, "registrar id not below NextRegistrarId");
		}
		let stored = Registrars::<T>::iter_keys().count();
		ensure!(stored == state.registrars.len(), "stored registrar missing from state");
		ensure!(RegistrarOf::<T>::iter().count() == stored, "RegistrarOf has extra entries");
		for (account, id) in RegistrarOf::<T>::iter() {
			let info = Registrars::<T>::get(id).ok_or("RegistrarOf names unknown registrar")?;
			ensure!(info.account == account, "RegistrarOf not inverse of Registrars");
		}
		ensure!(stored <= T::MaxRegistrars::get() as usize, "more registrars than MaxRegistrars");
		{
			use compliance_primitives::ComplianceFacts;
			ensure!(
				state.current_convention == T::Facts::current_convention(),
				"current convention mirror differs from its owner"
			);
			ensure!(
				state.service_suspended == T::Facts::service_suspended(),
				"service suspension mirror differs from its owner"
			);
		}
		ensure!(
			Accounts::<T>::iter_values()
				.all(|record| record.acknowledged_convention <= state.current_convention),
			"an account acknowledged an unpublished convention"
		);
		let verified = Accounts::<T>::iter_values().filter(|r| r.verification.is_some()).count();
		ensure!(
			VerifiedAccounts::<T>::get() as usize == verified,
			"VerifiedAccounts is not the number of accounts holding a verification"
		);
		for (who, record) in Accounts::<T>::iter() {
			ensure!(T::SummaryStore::get(&who) == record.summary(), "summary differs from record");
			ensure!(
				frame_system::Pallet::<T>::providers(&who) > 0,
				"account with a record has no provider"
			);
		}
		Ok(())
	}
}

/// Disposal measures (R3), applied by the moderation pallet under its own origins, on the
/// ladder of [`MeasureLevel`] (see [`AccountStanding`] for the rules).
///
/// - A measure on an account without a record creates the record (unverified, so it still cannot
///   transact): a measure must survive a later verification.
/// - `apply(Warning)` counts the warning and sets `Warned` when nothing harsher is in force: a
///   warning is recorded, never refused. Any other measure fails with `AsHarshMeasureInForce` when
///   one at least as harsh is in force, and with `UntilInPast` unless its end is after the current
///   block. A suspension or closure ends the restrictions in force.
/// - `undo(measure)` restores `Good` when exactly that measure is in force (for a restriction: only
///   that function's, the others keep running), else changes nothing and returns `false`.
/// - `lift` sets `Good`. It also lifts a plain warning (the warning count stays as history); it
///   fails with `NoMeasureInForce` when the effective standing is already `Good`.
///
/// Each change emits one event: `AccountWarned`, `StandingChanged` or `MeasureUndone`.
impl<T: Config> AccountStanding<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn is_verified(who: &T::AccountId) -> bool {
		Self::verification_status(who).is_valid()
	}

	fn standing(who: &T::AccountId) -> Standing<BlockNumberFor<T>> {
		Self::standing_of(who)
	}

	fn apply(who: &T::AccountId, measure: Measure<BlockNumberFor<T>>) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		if let Measure::Restriction { until, .. } | Measure::Suspension { until } = measure {
			Self::ensure_future(until)?;
		}
		let record = Self::try_mutate_record(who, |maybe_record| -> Result<_, DispatchError> {
			let record = maybe_record.get_or_insert_with(Default::default);
			let current = record.standing.effective_at(now);
			record.standing = match measure {
				Measure::Warning => {
					record.warnings = record.warnings.saturating_add(1);
					if current.level() < MeasureLevel::Warning {
						Standing::Warned
					} else {
						current
					}
				},
				Measure::Restriction { scope, until } => {
					let as_harsh = current.level() > MeasureLevel::Restriction ||
						current.restrictions().end(scope).is_some_and(|end| end >= until);
					frame_support::ensure!(!as_harsh, Error::<T>::AsHarshMeasureInForce);
					let mut ends = current.restrictions();
					ends.set(scope, Some(until));
					Standing::RestrictedFrom(ends)
				},
				Measure::Suspension { until } => {
					let as_harsh = match current {
						Standing::Closed => true,
						Standing::Suspended { until: end } => end >= until,
						_ => false,
					};
					frame_support::ensure!(!as_harsh, Error::<T>::AsHarshMeasureInForce);
					Standing::Suspended { until }
				},
				Measure::Closure => {
					frame_support::ensure!(
						current != Standing::Closed,
						Error::<T>::AsHarshMeasureInForce
					);
					Standing::Closed
				},
			};
			Ok(*record)
		})?;
		let who = who.clone();
		Self::deposit_event(match measure {
			Measure::Warning =>
				Event::AccountWarned { who, warnings: record.warnings, standing: record.standing },
			_ => Event::StandingChanged { who, standing: record.standing },
		});
		Ok(())
	}

	fn undo(
		who: &T::AccountId,
		measure: Measure<BlockNumberFor<T>>,
	) -> Result<bool, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let current = Self::standing_of(who);
		if !current.holds(measure) {
			return Ok(false);
		}
		let standing = match measure {
			Measure::Restriction { scope, .. } => {
				let mut ends = current.restrictions();
				ends.set(scope, None);
				Standing::RestrictedFrom(ends).effective_at(now)
			},
			Measure::Warning | Measure::Suspension { .. } | Measure::Closure => Standing::Good,
		};
		Self::try_mutate_record(who, |maybe_record| -> DispatchResult {
			maybe_record.get_or_insert_with(Default::default).standing = standing;
			Ok(())
		})?;
		Self::deposit_event(Event::MeasureUndone { who: who.clone(), measure, standing });
		Ok(true)
	}

	fn lift(who: &T::AccountId) -> DispatchResult {
		frame_support::ensure!(
			Self::standing_of(who) != Standing::Good,
			Error::<T>::NoMeasureInForce
		);
		Self::try_mutate_record(who, |maybe_record| -> DispatchResult {
			maybe_record.get_or_insert_with(Default::default).standing = Standing::Good;
			Ok(())
		})?;
		Self::deposit_event(Event::StandingChanged { who: who.clone(), standing: Standing::Good });
		Ok(())
	}
}

/// Global changes from the filing pallet, which owns both facts and emits the events for them;
/// mirrored in `ComplianceState` for the check.
///
/// - `convention_published(version)`: `version` becomes current and every account must acknowledge
///   it; a version not above the current one is ignored (versions only grow).
/// - `service_suspended(suspended)`: sets the flag.
/// - `weight()`: one read and one write of `ComplianceState`.
impl<T: Config> OnComplianceChange for Pallet<T> {
	fn convention_published(version: ConventionVersion) {
		ComplianceState::<T>::mutate(|state| {
			if version > state.current_convention {
				state.current_convention = version;
			}
		});
	}

	fn service_suspended(suspended: bool) {
		ComplianceState::<T>::mutate(|state| state.service_suspended = suspended);
	}

	fn weight() -> frame_support::weights::Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}
}
