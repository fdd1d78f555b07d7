//! Benchmarks of the filing pallet: every call at its worst case, and both paths of the block
//! hook. The filing and rules are single values with bounded histories, benchmarked full; the
//! one map that grows, `Assessments` (one entry per assessed runtime), holds [`EXISTING`]
//! entries before the assessment calls.

use super::*;
use crate::Pallet as Filing;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::Hooks;
use sp_runtime::traits::One;

/// How many assessments exist before a measured assessment call.
#[cfg(not(test))]
const EXISTING: u32 = 100_000;
/// Fewer in the unit-test run of the benchmarks, which only checks that they work.
#[cfg(test)]
const EXISTING: u32 = 1_000;

/// Records `EXISTING` approved assessments of other code.
fn seed_assessments<T: Config>() {
	let now = frame_system::Pallet::<T>::block_number();
	for i in 0..EXISTING {
		Assessments::<T>::insert(
			T::Hashing::hash_of(&(b"existing code", i)),
			Assessment {
				report_hash: ContentHash::repeat_byte(3),
				verdict: Verdict::Approved,
				assessed_at: now,
				assessor: None,
			},
		);
	}
}

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(<T as frame_system::Config>::RuntimeEvent::from(
		event,
	));
}

/// `len` bytes of valid UTF-8 text.
fn text(len: u32) -> Vec<u8> {
	vec![b'a'; len as usize]
}

/// The longest valid filing fields the runtime allows.
fn max_fields<T: Config>() -> (Vec<u8>, Vec<u8>, Vec<u8>, Vec<Vec<u8>>) {
	(
		text(T::MaxFilingNumberLen::get()),
		text(T::MaxNameLen::get()),
		text(T::MaxNameLen::get()),
		vec![text(T::MaxUrlLen::get()); T::MaxUrls::get() as usize],
	)
}

fn origin<O: EnsureOrigin<T::RuntimeOrigin>, T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError>
{
	O::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Registers a filing with the longest fields and fills its history, so that the next change
/// drops the oldest version.
fn filed_with_full_history<T: Config>() -> Result<(), BenchmarkError> {
	let (number, name, provider, urls) = max_fields::<T>();
	let now = frame_system::Pallet::<T>::block_number();
	let record =
		Filing::<T>::new_record(number, name, provider, ServiceType::Platform, urls, now, now)
			.map_err(|_| BenchmarkError::Stop("invalid benchmark filing"))?;
	let mut history = BoundedVec::<FilingRecordOf<T>, T::MaxHistory>::default();
	let mut version = 1u32;
	for _ in 0..T::MaxHistory::get() {
		let mut old = record.clone();
		old.version = version;
		history.try_push(old).map_err(|_| BenchmarkError::Stop("history bound"))?;
		version = version.saturating_add(1);
	}
	let mut current = record;
	current.version = version;
	FilingHistory::<T>::put(history);
	Filing::<T>::store_registration(current, now, now);
	Ok(())
}

/// Publishes `kind` with a full history on top of whatever genesis published, returning the
/// current version.
fn rules_with_full_history<T: Config>(kind: RulesKind) -> Result<u32, BenchmarkError> {
	let now = frame_system::Pallet::<T>::block_number();
	let genesis = Filing::<T>::rules(kind).map_or(0, |doc| doc.version);
	let versions = genesis.saturating_add(T::MaxRulesHistory::get()).saturating_add(1);
	for version in genesis.saturating_add(1)..=versions {
		Filing::<T>::do_publish_rules(
			kind,
			version,
			ContentHash::repeat_byte(1),
			text(T::MaxUriLen::get()),
			now,
		)
		.map_err(|_| BenchmarkError::Stop("invalid benchmark rules"))?;
	}
	Ok(versions)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register() -> Result<(), BenchmarkError> {
		let origin = origin::<T::FilingOrigin, T>()?;
		let (number, name, provider, urls) = max_fields::<T>();
		// A chain whose genesis already filed (e.g. the development chain) starts unfiled here.
		crate::Filing::<T>::kill();
		FilingHistory::<T>::kill();
		NextDeadline::<T>::kill();
		ServiceStart::<T>::kill();
		Filing::<T>::start_service_at(BlockNumberFor::<T>::one());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, number, name, provider, ServiceType::Platform, urls);

		assert_eq!(Filing::<T>::filing().map(|r| r.version), Some(1));
		Ok(())
	}

	#[benchmark]
	fn change() -> Result<(), BenchmarkError> {
		let origin = origin::<T::FilingOrigin, T>()?;
		filed_with_full_history::<T>()?;
		let (number, name, provider, urls) = max_fields::<T>();
		let version = Filing::<T>::filing().map_or(0, |r| r.version);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, number, name, provider, ServiceType::Application, urls);

		assert_eq!(Filing::<T>::filing().map(|r| r.version), Some(version.saturating_add(1)));
		Ok(())
	}

	#[benchmark]
	fn cancel() -> Result<(), BenchmarkError> {
		let origin = origin::<T::FilingOrigin, T>()?;
		filed_with_full_history::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);

		assert_eq!(Filing::<T>::filing_status(), FilingStatusView::Cancelled);
		Ok(())
	}

	#[benchmark]
	fn record_service_start() -> Result<(), BenchmarkError> {
		let origin = origin::<T::FilingOrigin, T>()?;
		let at = BlockNumberFor::<T>::one();
		ServiceStart::<T>::kill();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, at);

		assert_eq!(ServiceStart::<T>::get(), Some(at));
		Ok(())
	}

	#[benchmark]
	fn confirm_review() -> Result<(), BenchmarkError> {
		let origin = origin::<T::FilingOrigin, T>()?;
		filed_with_full_history::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);

		assert!(Filing::<T>::filing().is_some_and(|r| r.last_review.is_some()));
		Ok(())
	}

	#[benchmark]
	fn publish_rules() -> Result<(), BenchmarkError> {
		let origin = origin::<T::RulesOrigin, T>()?;
		let current = rules_with_full_history::<T>(RulesKind::PlatformConvention)?;
		let version = current.saturating_add(1);
		let doc_hash = ContentHash::repeat_byte(2);

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			RulesKind::PlatformConvention,
			version,
			doc_hash,
			text(T::MaxUriLen::get()),
		);

		assert_last_event::<T>(Event::RulesPublished {
			kind: RulesKind::PlatformConvention,
			version,
			doc_hash,
		});
		Ok(())
	}

	#[benchmark]
	fn record_assessment() -> Result<(), BenchmarkError> {
		let origin = origin::<T::AssessorOrigin, T>()?;
		seed_assessments::<T>();
		let code_hash = T::Hashing::hash(b"code");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code_hash, ContentHash::repeat_byte(3), Verdict::Approved);

		assert!(Assessments::<T>::contains_key(code_hash));
		Ok(())
	}

	#[benchmark]
	fn revoke_assessment() -> Result<(), BenchmarkError> {
		let origin = origin::<T::AssessorOrigin, T>()?;
		seed_assessments::<T>();
		let code_hash = T::Hashing::hash(b"code");
		Assessments::<T>::insert(
			code_hash,
			Assessment {
				report_hash: ContentHash::repeat_byte(3),
				verdict: Verdict::Approved,
				assessed_at: frame_system::Pallet::<T>::block_number(),
				assessor: None,
			},
		);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, code_hash);

		assert!(!Assessments::<T>::contains_key(code_hash));
		Ok(())
	}

	#[benchmark]
	fn suspend_service() -> Result<(), BenchmarkError> {
		let origin = origin::<T::RegulatorOrigin, T>()?;
		let reason = ContentHash::repeat_byte(4);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, reason);

		assert_last_event::<T>(Event::ServiceSuspended { reason });
		Ok(())
	}

	#[benchmark]
	fn resume_service() -> Result<(), BenchmarkError> {
		let origin = origin::<T::RegulatorOrigin, T>()?;
		let since = frame_system::Pallet::<T>::block_number();
		ServiceSuspension::<T>::put(Suspension { reason: ContentHash::repeat_byte(4), since });
		T::OnComplianceChange::service_suspended(true);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);

		assert_last_event::<T>(Event::ServiceResumed { suspended_since: since });
		Ok(())
	}

	#[benchmark]
	fn on_initialize_idle() {
		let now = BlockNumberFor::<T>::one();
		NextDeadline::<T>::put((now.saturating_add(One::one()), DeadlineKind::Review));

		#[block]
		{
			Filing::<T>::on_initialize(now);
		}

		assert!(NextDeadline::<T>::exists());
	}

	#[benchmark]
	fn on_initialize_deadline() {
		let now = BlockNumberFor::<T>::one();
		frame_system::Pallet::<T>::set_block_number(now);
		NextDeadline::<T>::put((now, DeadlineKind::Filing));

		#[block]
		{
			Filing::<T>::on_initialize(now);
		}

		assert!(!NextDeadline::<T>::exists());
		assert_last_event::<T>(Event::FilingOverdue { deadline: now });
	}

	impl_benchmark_test_suite!(
		Filing,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
