//! Benchmarks of the calls and of the real-name check, in their worst cases: `MaxRegistrars`
//! registrars exist (the acting registrar last in the list) and names are `MaxNameLength` long.
//! The benchmarks that read or write account records first verify [`EXISTING`] other accounts,
//! so the measured weights are those of a full chain: every call touches a fixed number of
//! storage items, whatever the number of accounts.

use super::*;
use alloc::vec;
use compliance_primitives::{IdentityCommitment, RegistrarId};
use frame_benchmarking::v2::*;
use frame_support::{
	dispatch::{DispatchInfo, PostDispatchInfo},
	traits::{EnsureOrigin, Get},
};
use frame_system::RawOrigin;
use sp_runtime::traits::{
	AsTransactionAuthorizedOrigin, DispatchTransaction, Dispatchable, One, Saturating,
	StaticLookup, TransactionExtension,
};

const SEED: u32 = 0;

/// How many verified accounts exist before a measured call that reads or writes account
/// records, so that the weights are those of a full chain.
#[cfg(not(test))]
const EXISTING: u32 = 100_000;
/// Fewer in the unit-test run of the benchmarks, which only checks that they work.
#[cfg(test)]
const EXISTING: u32 = 1_000;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(<T as frame_system::Config>::RuntimeEvent::from(
		event,
	));
}

fn lookup_of<T: Config>(who: &T::AccountId) -> AccountIdLookupOf<T> {
	T::Lookup::unlookup(who.clone())
}

fn max_name<T: Config>() -> Vec<u8> {
	vec![b'r'; T::MaxNameLength::get() as usize]
}

/// Adds registrars until `count` exist; returns the account and id of the last one.
fn registrars_up_to<T: Config>(count: u32) -> Option<(T::AccountId, RegistrarId)> {
	let mut index = 0;
	while (ComplianceState::<T>::get().registrars.len() as u32) < count {
		let account: T::AccountId = account("registrar", index, SEED);
		index += 1;
		if RegistrarOf::<T>::contains_key(&account) {
			continue;
		}
		Pallet::<T>::do_add_registrar(account, max_name::<T>()).ok()?;
	}
	let (id, _) = ComplianceState::<T>::get().registrars.last().copied()?;
	Registrars::<T>::get(id).map(|info| (info.account, id))
}

/// The last registrar of a full list, or an error when the runtime allows no registrar.
fn last_of_full_list<T: Config>() -> Result<(T::AccountId, RegistrarId), BenchmarkError> {
	registrars_up_to::<T>(T::MaxRegistrars::get()).ok_or(BenchmarkError::Stop("no registrar"))
}

fn in_blocks<T: Config>(n: u32) -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number().saturating_add(n.into())
}

/// Gives `who` a valid verification by `registrar`, acknowledging the current convention.
fn verified<T: Config>(who: &T::AccountId, registrar: RegistrarId) {
	let record = AccountRecord {
		verification: Some(Verification {
			registrar,
			commitment: IdentityCommitment::repeat_byte(1),
			level: VerificationLevel::Enhanced,
			verified_at: frame_system::Pallet::<T>::block_number(),
			expires_at: in_blocks::<T>(1_000),
		}),
		standing: Standing::Good,
		warnings: 0,
		acknowledged_convention: ComplianceState::<T>::get().current_convention,
	};
	Pallet::<T>::try_mutate_record(who, |maybe_record| -> DispatchResult {
		*maybe_record = Some(record);
		Ok(())
	})
	.expect("the summary store accepts a record");
}

/// Verifies `EXISTING` accounts by `registrar`, through the same path as every record change
/// (record, summary, provider reference).
fn seed<T: Config>(registrar: RegistrarId) {
	for i in 0..EXISTING {
		verified::<T>(&account("existing", i, SEED), registrar);
	}
	// Each new account deposited a `NewAccount` event; a real block never holds that many,
	// and appending the measured call's event to them would weigh the event list, not the call.
	frame_system::Pallet::<T>::reset_events();
}

#[benchmarks(where
	T: Send + Sync,
	RuntimeCallOf<T>: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
	<T as frame_system::Config>::RuntimeOrigin: AsTransactionAuthorizedOrigin,
)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_registrar() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		registrars_up_to::<T>(T::MaxRegistrars::get().saturating_sub(1));
		let new: T::AccountId = account("new-registrar", 0, SEED);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, lookup_of::<T>(&new), max_name::<T>());

		let id = RegistrarOf::<T>::get(&new).ok_or(BenchmarkError::Stop("not added"))?;
		assert_last_event::<T>(Event::RegistrarAdded { id, account: new });
		Ok(())
	}

	#[benchmark]
	fn suspend_registrar() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (_, id) = last_of_full_list::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert_last_event::<T>(Event::RegistrarSuspended { id });
		Ok(())
	}

	#[benchmark]
	fn reactivate_registrar() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (_, id) = last_of_full_list::<T>()?;
		Pallet::<T>::set_registrar_status(id, RegistrarStatus::Suspended)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert_last_event::<T>(Event::RegistrarReactivated { id });
		Ok(())
	}

	#[benchmark]
	fn remove_registrar() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (account, id) = last_of_full_list::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert_last_event::<T>(Event::RegistrarRemoved { id, account });
		Ok(())
	}

	// Named after the call would clash with the benchmark macro's own `verify` flag.
	#[benchmark]
	fn verify_account() -> Result<(), BenchmarkError> {
		let (registrar, id) = last_of_full_list::<T>()?;
		// The account holds an expired verification: the record is read and rewritten.
		seed::<T>(id);
		let who: T::AccountId = account("user", 0, SEED);
		verified::<T>(&who, id);
		Pallet::<T>::try_mutate_record(&who, |record| -> DispatchResult {
			if let Some(v) = record.as_mut().and_then(|r| r.verification.as_mut()) {
				v.expires_at = frame_system::Pallet::<T>::block_number();
			}
			Ok(())
		})?;
		let expires_at = in_blocks::<T>(1_000);

		#[extrinsic_call]
		verify(
			RawOrigin::Signed(registrar),
			lookup_of::<T>(&who),
			IdentityCommitment::repeat_byte(2),
			VerificationLevel::Enhanced,
			expires_at,
		);

		assert_last_event::<T>(Event::AccountVerified {
			who,
			registrar: id,
			commitment: IdentityCommitment::repeat_byte(2),
			level: VerificationLevel::Enhanced,
			expires_at,
		});
		Ok(())
	}

	#[benchmark]
	fn renew() -> Result<(), BenchmarkError> {
		let (registrar, id) = last_of_full_list::<T>()?;
		seed::<T>(id);
		let who: T::AccountId = account("user", 0, SEED);
		verified::<T>(&who, id);
		let expires_at = in_blocks::<T>(2_000);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), lookup_of::<T>(&who), expires_at);

		// As `verified` issued it.
		assert_last_event::<T>(Event::VerificationRenewed {
			who,
			registrar: id,
			commitment: IdentityCommitment::repeat_byte(1),
			level: VerificationLevel::Enhanced,
			expires_at,
		});
		Ok(())
	}

	#[benchmark]
	fn revoke() -> Result<(), BenchmarkError> {
		let (registrar, id) = last_of_full_list::<T>()?;
		seed::<T>(id);
		let who: T::AccountId = account("user", 0, SEED);
		verified::<T>(&who, id);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), lookup_of::<T>(&who), RevocationReason::Fraud);

		assert_last_event::<T>(Event::VerificationRevoked {
			who,
			registrar: id,
			reason: RevocationReason::Fraud,
		});
		Ok(())
	}

	#[benchmark]
	fn force_revoke() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (_, id) = last_of_full_list::<T>()?;
		seed::<T>(id);
		let who: T::AccountId = account("user", 0, SEED);
		verified::<T>(&who, id);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, lookup_of::<T>(&who), RevocationReason::Order);

		assert_last_event::<T>(Event::VerificationForceRevoked {
			who,
			registrar: id,
			reason: RevocationReason::Order,
		});
		Ok(())
	}

	/// The real-name check of a value transfer to a verified destination, every check passed:
	/// the signer's and the destination's summaries, `ComplianceState` from the block's cache
	/// (it is whitelisted: `on_initialize` reads it once per block).
	///
	/// Not seeded with `EXISTING` accounts: the check reads no key the transaction does not read
	/// anyway (0 database reads, whatever is stored), and its compute is compared with the
	/// weights of the transfer and the other extensions, which polkadot-sdk's benchmarks
	/// measure on the same development genesis. Seeded, the benchmark's uncached in-memory trie
	/// makes each of its reads deeper, as it would every other benchmark's.
	#[benchmark]
	fn check_real_name() -> Result<(), BenchmarkError> {
		let (_, id) = last_of_full_list::<T>()?;
		// A convention is current and acknowledged, so that comparison is made too.
		ComplianceState::<T>::mutate(|state| {
			state.current_convention = state.current_convention.saturating_add(One::one())
		});
		// The signer's and the destination's summaries live in their `System::Account`
		// entries in the runtime. Those entries are not charged here because the transaction
		// reads them anyway and is charged for it there: the signer's by `CheckNonce` and the
		// fee payment (the benchmarks' whitelisted caller, as for every call), the
		// destination's by the value transfer itself (`Inspector::value_destination` names
		// only transfers of the balances pallet).
		let caller: T::AccountId = whitelisted_caller();
		let dest: T::AccountId = account("dest", 0, SEED);
		whitelist_account!(dest);
		verified::<T>(&caller, id);
		verified::<T>(&dest, id);
		let call = <T as Config>::BenchmarkHelper::value_transfer_call(dest);
		let ext = CheckRealName::<T>::new();
		let info = DispatchInfo { extension_weight: ext.weight(&call), ..Default::default() };

		#[block]
		{
			let result = ext.test_run(RawOrigin::Signed(caller).into(), &call, &info, 0, 0, |_| {
				Ok(PostDispatchInfo::default())
			});
			assert!(matches!(result, Ok(Ok(_))), "the check refused the transaction");
		}

		Ok(())
	}

	/// An acknowledgement by one of `EXISTING` verified accounts of a convention published after
	/// it acknowledged the previous one.
	#[benchmark]
	fn acknowledge() -> Result<(), BenchmarkError> {
		let (_, id) = last_of_full_list::<T>()?;
		seed::<T>(id);
		let caller: T::AccountId = whitelisted_caller();
		verified::<T>(&caller, id);
		let version = ComplianceState::<T>::get().current_convention.saturating_add(1);
		<Pallet<T> as OnComplianceChange>::convention_published(version);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), version);

		assert_last_event::<T>(Event::ConventionAcknowledged { who: caller, version });
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
