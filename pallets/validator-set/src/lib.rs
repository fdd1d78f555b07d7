#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::EstimateNextSessionRotation};
use frame_system::pallet_prelude::*;
use pallet_session::{SessionManager, ShouldEndSession};
use sp_runtime::{
	traits::{One, Saturating, Zero},
	Permill,
};

/// A session's index, as `pallet-session` counts them.
pub type SessionIndex = u32;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The pallet's configuration. The validators are accounts, and `pallet-session` identifies
	/// them by account too.
	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>>
		+ pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
	{
		/// Adds and removes validators: the operator's governance.
		type ValidatorOrigin: EnsureOrigin<<Self as frame_system::Config>::RuntimeOrigin>;
		/// The fewest validators the chain keeps; removing one more is refused.
		#[pallet::constant]
		type MinValidators: Get<u32>;
		/// The most validators the chain may have.
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// Weights of the calls and of the session-boundary check.
		type WeightInfo: WeightInfo;
	}

	/// The validators the chain is to have: the set the next session is planned with. Changes
	/// reach the authorities within two session boundaries.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether [`Validators`] changed since the last session was planned.
	#[pallet::storage]
	pub type SetChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// Blocks between session boundaries, set at genesis. A session ends at a boundary only when
	/// something is waiting for it (a change of validators or of a validator's keys): a session
	/// change takes a whole block, so the chain spends none on sessions that change nothing.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// The pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The genesis validators and session length.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The validators of the first sessions; each needs session keys in `pallet-session`'s
		/// genesis.
		pub validators: Vec<T::AccountId>,
		/// Blocks between session boundaries (see [`SessionLength`]).
		pub session_length: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		/// An empty genesis (the default) leaves the set empty: `pallet-session` then starts with
		/// its genesis keys' accounts, and no session ever ends.
		fn build(&self) {
			if self.validators.is_empty() {
				return;
			}
			assert!(!self.session_length.is_zero(), "the session length must not be zero");
			assert!(
				self.validators.len() as u32 >= T::MinValidators::get(),
				"genesis names fewer validators than the minimum"
			);
			let mut sorted = self.validators.clone();
			sorted.sort();
			sorted.dedup();
			assert_eq!(sorted.len(), self.validators.len(), "a genesis validator is named twice");
			let validators: BoundedVec<_, _> = self
				.validators
				.clone()
				.try_into()
				.expect("genesis names more validators than the maximum");
			Validators::<T>::put(validators);
			SessionLength::<T>::put(self.session_length);
		}
	}

	/// Events of the pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` was added to the validators; it authors from the second session boundary on.
		ValidatorAdded {
			/// The new validator.
			who: T::AccountId,
		},
		/// `who` was removed from the validators; it stops authoring within two session
		/// boundaries.
		ValidatorRemoved {
			/// The removed validator.
			who: T::AccountId,
		},
		/// Session `session` was planned with these validators (those of [`Validators`] that
		/// have session keys); they become the authorities when it starts.
		ValidatorsPlanned {
			/// The planned session.
			session: SessionIndex,
			/// Its validators.
			validators: BoundedVec<T::AccountId, T::MaxValidators>,
		},
	}

	/// Errors of the pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is a validator already.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The change would leave fewer validators than the minimum.
		TooFewValidators,
		/// The change would make more validators than the maximum.
		TooManyValidators,
		/// The account has no session keys: it must register them with `Session::set_keys`
		/// before it can be made a validator.
		NoSessionKeys,
		/// A validator's session keys stay while it is a validator: the authorities would lose
		/// it, and with the last one the chain could author no block again.
		StillValidator,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Charges the session-boundary check that `pallet-session` runs through
		/// [`ShouldEndSession`] in its own `on_initialize`, which charges nothing for it: off a
		/// boundary, the one read of [`SessionLength`].
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			if Self::is_boundary(now) {
				<T as Config>::WeightInfo::session_boundary(
					Validators::<T>::decode_len().unwrap_or(0) as u32,
				)
			} else {
				T::DbWeight::get().reads(1)
			}
		}

		fn integrity_test() {
			assert!(T::MinValidators::get() >= 1, "a chain needs at least one validator");
			assert!(
				T::MinValidators::get() <= T::MaxValidators::get(),
				"the minimum number of validators exceeds the maximum"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds `who` to the validators. It must have registered session keys
		/// (`Session::set_keys`). The new set is planned at the next session boundary and its
		/// authorities take over at the one after.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::ValidatorOrigin::ensure_origin(origin)?;
			let mut validators = Validators::<T>::get();
			ensure!(!validators.contains(&who), Error::<T>::AlreadyValidator);
			ensure!(Self::has_session_keys(&who), Error::<T>::NoSessionKeys);
			validators.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
			Validators::<T>::put(validators);
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Removes `who` from the validators, as long as at least `MinValidators` remain. It
		/// stops authoring within two session boundaries; its session keys stay registered
		/// until it purges them.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::ValidatorOrigin::ensure_origin(origin)?;
			let mut validators = Validators::<T>::get();
			let position =
				validators.iter().position(|v| v == &who).ok_or(Error::<T>::NotValidator)?;
			ensure!(
				validators.len() as u32 > T::MinValidators::get(),
				Error::<T>::TooFewValidators
			);
			validators.remove(position);
			Validators::<T>::put(validators);
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}

		/// Removes the signer's session keys and releases their deposit, once the signer is no
		/// longer a validator (`pallet-session`'s own `purge_keys`, which the runtime keeps out
		/// of reach, has no such check).
		#[pallet::call_index(2)]
		#[pallet::weight(
			<T as Config>::WeightInfo::purge_keys()
				.saturating_add(<<T as pallet_session::Config>::WeightInfo as
					pallet_session::WeightInfo>::purge_keys())
		)]
		pub fn purge_keys(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin.clone())?;
			ensure!(!Self::is_validator(&who), Error::<T>::StillValidator);
			pallet_session::Pallet::<T>::purge_keys(origin)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Whether `who` is one of the validators the chain is to have.
	pub fn is_validator(who: &T::AccountId) -> bool {
		Validators::<T>::get().contains(who)
	}

	/// Whether `who` has session keys registered for the next sessions.
	fn has_session_keys(who: &T::AccountId) -> bool {
		pallet_session::NextKeys::<T>::contains_key(who)
	}

	/// Whether `now` is a session boundary.
	fn is_boundary(now: BlockNumberFor<T>) -> bool {
		let length = SessionLength::<T>::get();
		!length.is_zero() && !now.is_zero() && (now % length).is_zero()
	}

	/// Whether a session change is waiting: the validators changed since the last planning; the
	/// planned session differs from the current one (it has to start); or a validator's keys
	/// changed, or were registered or purged, since the next session was planned.
	fn session_change_pending() -> bool {
		if SetChanged::<T>::get() || pallet_session::QueuedChanged::<T>::get() {
			return true;
		}
		let queued = pallet_session::QueuedKeys::<T>::get();
		let mut queued = queued.iter();
		for validator in Validators::<T>::get() {
			let Some(keys) = pallet_session::NextKeys::<T>::get(&validator) else { continue };
			match queued.next() {
				Some((planned, planned_keys)) if *planned == validator && *planned_keys == keys => {
				},
				_ => return true,
			}
		}
		queued.next().is_some()
	}

	/// The state this pallet keeps consistent: a bounded, duplicate-free set of at least the
	/// minimum size, and a session length.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let validators = Validators::<T>::get();
		ensure!(
			validators.len() as u32 >= T::MinValidators::get(),
			"fewer validators than the minimum"
		);
		let mut sorted = validators.to_vec();
		sorted.sort();
		sorted.dedup();
		ensure!(sorted.len() == validators.len(), "a validator is listed twice");
		ensure!(!SessionLength::<T>::get().is_zero(), "the session length is zero");
		Ok(())
	}
}

impl<T: Config> SessionManager<T::AccountId> for Pallet<T> {
	/// Plans session `new_index` with the validators that have session keys (`pallet-session`
	/// leaves out the others anyway; [`Event::ValidatorsPlanned`] names those it keeps), if the
	/// set changed. Otherwise `None`: the session keeps its validators, and `pallet-session`
	/// reports a change only if their keys changed, so sessions stop ending once all is done.
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		if !SetChanged::<T>::get() {
			return None;
		}
		let validators: Vec<_> =
			Validators::<T>::get().into_iter().filter(Self::has_session_keys).collect();
		SetChanged::<T>::put(false);
		let planned: BoundedVec<_, T::MaxValidators> =
			BoundedVec::truncate_from(validators.clone());
		Self::deposit_event(Event::ValidatorsPlanned { session: new_index, validators: planned });
		Some(validators)
	}

	fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		let validators = Validators::<T>::get();
		(!validators.is_empty()).then(|| validators.into_inner())
	}

	fn end_session(_end_index: SessionIndex) {}

	fn start_session(_start_index: SessionIndex) {}
}

impl<T: Config> ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
	fn should_end_session(now: BlockNumberFor<T>) -> bool {
		Self::is_boundary(now) && Self::session_change_pending()
	}
}

impl<T: Config> EstimateNextSessionRotation<BlockNumberFor<T>> for Pallet<T> {
	fn average_session_length() -> BlockNumberFor<T> {
		SessionLength::<T>::get()
	}

	/// The progress towards the next boundary (a session may last several boundaries when
	/// nothing changes). One read.
	fn estimate_current_session_progress(now: BlockNumberFor<T>) -> (Option<Permill>, Weight) {
		let length = SessionLength::<T>::get();
		let weight = T::DbWeight::get().reads(1);
		if length.is_zero() {
			return (None, weight);
		}
		let into = (now % length).saturating_add(One::one());
		(Some(Permill::from_rational(into, length)), weight)
	}

	/// The next boundary, where the session ends if a change is waiting. One read.
	fn estimate_next_session_rotation(
		now: BlockNumberFor<T>,
	) -> (Option<BlockNumberFor<T>>, Weight) {
		let length = SessionLength::<T>::get();
		let weight = T::DbWeight::get().reads(1);
		if length.is_zero() {
			return (None, weight);
		}
		let remaining = length.saturating_sub(now % length);
		(Some(now.saturating_add(remaining)), weight)
	}
}
