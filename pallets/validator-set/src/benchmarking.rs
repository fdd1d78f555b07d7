//! Benchmarks of the validator set: each call with the set one short of its bound, and the
//! session-boundary check over `v` validators whose keys all match the plan (the check's
//! longest path).

use super::*;
use crate::Pallet as ValidatorSet;
use alloc::vec;
use frame_benchmarking::v2::*;
use sp_runtime::traits::OpaqueKeys;

fn origin<T: Config>() -> Result<<T as frame_system::Config>::RuntimeOrigin, BenchmarkError> {
	T::ValidatorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Session keys for `who` with every key distinct from other accounts', registered as the
/// session pallet's genesis would (no proof, no deposit).
fn register_keys<T: Config>(who: &T::AccountId, seed: u32) {
	let mut raw = vec![0u8; 256];
	raw[..4].copy_from_slice(&seed.to_le_bytes());
	let keys = <T as pallet_session::Config>::Keys::decode(&mut &raw[..])
		.expect("session keys decode from enough bytes");
	pallet_session::NextKeys::<T>::insert(who, &keys);
	for id in <T as pallet_session::Config>::Keys::key_ids() {
		pallet_session::KeyOwner::<T>::insert((*id, keys.get_raw(*id).to_vec()), who);
	}
}

/// `count` validators with keys, planned with exactly those keys.
fn seed_validators<T: Config>(count: u32) -> Vec<T::AccountId> {
	let validators: Vec<T::AccountId> = (0..count).map(|i| account("validator", i, 0)).collect();
	for (i, who) in validators.iter().enumerate() {
		register_keys::<T>(who, i as u32);
	}
	Validators::<T>::put(BoundedVec::truncate_from(validators.clone()));
	pallet_session::QueuedKeys::<T>::put(
		validators
			.iter()
			.map(|v| (v.clone(), pallet_session::NextKeys::<T>::get(v).expect("registered")))
			.collect::<Vec<_>>(),
	);
	validators
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		seed_validators::<T>(T::MaxValidators::get() - 1);
		let newcomer: T::AccountId = account("newcomer", 0, 0);
		register_keys::<T>(&newcomer, u32::MAX);
		let origin = origin::<T>()?;

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, newcomer.clone());

		assert!(ValidatorSet::<T>::is_validator(&newcomer));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let validators = seed_validators::<T>(T::MaxValidators::get());
		let last = validators.last().expect("at least one validator").clone();
		let origin = origin::<T>()?;

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, last.clone());

		assert!(!ValidatorSet::<T>::is_validator(&last));
		Ok(())
	}

	/// This pallet's part of `purge_keys`: the check that the signer is no validator. The
	/// session pallet's part is charged with its own weight.
	#[benchmark]
	fn purge_keys() {
		seed_validators::<T>(T::MaxValidators::get());
		let former: T::AccountId = account("former", 0, 0);

		#[block]
		{
			assert!(!ValidatorSet::<T>::is_validator(&former));
		}
	}

	#[benchmark]
	fn session_boundary(v: Linear<1, { T::MaxValidators::get() }>) {
		seed_validators::<T>(v);
		SetChanged::<T>::put(false);
		pallet_session::QueuedChanged::<T>::put(false);
		let pending;

		#[block]
		{
			pending = ValidatorSet::<T>::session_change_pending();
		}

		assert!(!pending);
	}

	impl_benchmark_test_suite!(ValidatorSet, crate::mock::new_test_ext(), crate::mock::Test);
}
