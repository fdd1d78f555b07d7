//! Benchmarks of the moderation pallet.
//!
//! Every call touches a fixed number of storage items, whatever the number of records: the
//! benchmarks of the calls that read or write the record maps first insert [`EXISTING`] contents,
//! reports and cases directly into storage, so the measured weights are those of a full chain.

use super::*;
use crate::Pallet as Moderation;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use sp_runtime::traits::{BlakeTwo256, Bounded, Hash};

/// How many contents, reports and cases exist before the measured call.
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

/// A distinct content hash per index (the hash of the index, so it works in the Wasm runtime).
fn hash(i: u32) -> ContentHash {
	BlakeTwo256::hash_of(&(b"benchmark content", i))
}

fn now<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
}

fn blocks<T: Config>(n: u32) -> BlockNumberFor<T> {
	BlockNumberFor::<T>::from(n)
}

/// Inserts `EXISTING` hidden contents with their cases, and as many resolved reports.
fn seed<T: Config>() {
	let someone: T::AccountId = account("someone", 0, 0);
	for i in 0..EXISTING {
		let id = u64::from(i);
		let case = Case {
			subject: CaseSubject::Content(hash(i)),
			action: CaseAction::ContentHidden,
			reason: Some(ReasonCode::Other),
			actor: Actor::Moderator(someone.clone()),
			at: Zero::zero(),
			note_hash: None,
			report: Some(id),
			previous: None,
			appeal: None,
		};
		Cases::<T>::insert(id, case);
		ContentOf::<T>::insert(
			hash(i),
			ContentRecord {
				author: Some(someone.clone()),
				kind: Some(ContentKind::Text),
				uri: BoundedVec::new(),
				published_at: Some(Zero::zero()),
				status: ContentStatus::Hidden { reason: ReasonCode::Other, case: id },
				last_case: Some(id),
			},
		);
		let report = Report {
			reporter: someone.clone(),
			target: ReportTarget::Content(hash(i)),
			category: ReasonCode::Other,
			evidence_hash: hash(i),
			filed_at: Zero::zero(),
			deadline: Zero::zero(),
			state: ReportState::Resolved(Resolution {
				outcome: ReportOutcome::Dismissed,
				moderator: someone.clone(),
				at: Zero::zero(),
				note_hash: hash(i),
				case: Some(id),
			}),
		};
		Reports::<T>::insert(id, report);
	}
	NextCaseId::<T>::put(u64::from(EXISTING));
	NextReportId::<T>::put(u64::from(EXISTING));
}

fn moderator<T: Config>(index: u32) -> T::AccountId {
	let who: T::AccountId = account("moderator", index, 0);
	T::BenchmarkHelper::make_moderator(&who);
	who
}

fn verified<T: Config>(name: &'static str) -> T::AccountId {
	verified_nth::<T>(name, 0)
}

fn verified_nth<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::BenchmarkHelper::make_verified(&who);
	who
}

/// A verified account that holds no role, so that a moderator may take measures against it.
/// The runtime's role holders include moderators and registrars, which the benchmarks and the
/// benchmark helper create: the first `account(name, i, 0)` that is none of them is taken.
fn sanctionable<T: Config>(name: &'static str) -> Result<T::AccountId, BenchmarkError> {
	for index in 0..100 {
		let who: T::AccountId = account(name, index, 0);
		if T::RoleHolders::contains(&who) {
			continue;
		}
		T::BenchmarkHelper::make_verified(&who);
		if !T::RoleHolders::contains(&who) {
			return Ok(who);
		}
	}
	Err(BenchmarkError::Stop("no candidate subject without a role"))
}

/// Publishes `hash` by `author` directly into storage, with a case already on record.
fn published<T: Config>(hash: ContentHash, author: &T::AccountId, status: ContentStatus) {
	let uri =
		BoundedVec::try_from(alloc::vec![b'u'; T::MaxUriLen::get() as usize]).unwrap_or_default();
	ContentOf::<T>::insert(
		hash,
		ContentRecord {
			author: Some(author.clone()),
			kind: Some(ContentKind::Text),
			uri,
			published_at: Some(now::<T>()),
			status,
			last_case: None,
		},
	);
}

/// Files a report from verified account `reporter` number `index`; returns its id.
fn file_report<T: Config>(
	index: u32,
	target: ReportTarget<T::AccountId>,
) -> Result<ReportId, BenchmarkError> {
	let reporter = verified_nth::<T>("reporter", index);
	Moderation::<T>::report(
		RawOrigin::Signed(reporter).into(),
		target,
		ReasonCode::Fraud,
		hash(u32::MAX),
	)
	.map_err(|_| BenchmarkError::Stop("report failed"))?;
	Ok(NextReportId::<T>::get().saturating_sub(1))
}

/// Restricts `who` from `scope` by moderator `by`; returns the case id.
fn restricted<T: Config>(
	who: &T::AccountId,
	by: &T::AccountId,
	scope: RestrictionScope,
) -> Result<CaseId, BenchmarkError> {
	let until = now::<T>().saturating_add(blocks::<T>(1_000));
	Moderation::<T>::restrict(
		RawOrigin::Signed(by.clone()).into(),
		who.clone(),
		scope,
		until,
		ReasonCode::Fraud,
	)
	.map_err(|_| BenchmarkError::Stop("restrict failed"))?;
	Ok(NextCaseId::<T>::get().saturating_sub(1))
}

/// Suspends `who` by moderator `by`; returns the case id.
fn suspended<T: Config>(who: &T::AccountId, by: &T::AccountId) -> Result<CaseId, BenchmarkError> {
	let until = now::<T>().saturating_add(blocks::<T>(1_000));
	Moderation::<T>::suspend(
		RawOrigin::Signed(by.clone()).into(),
		who.clone(),
		until,
		ReasonCode::Fraud,
	)
	.map_err(|_| BenchmarkError::Stop("suspend failed"))?;
	Ok(NextCaseId::<T>::get().saturating_sub(1))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn publish() {
		seed::<T>();
		let author = verified::<T>("author");
		let uri = BoundedVec::try_from(alloc::vec![b'u'; T::MaxUriLen::get() as usize])
			.unwrap_or_default();
		#[extrinsic_call]
		_(RawOrigin::Signed(author.clone()), hash(EXISTING), ContentKind::Text, uri);
		assert_last_event::<T>(Event::ContentPublished {
			hash: hash(EXISTING),
			author,
			kind: ContentKind::Text,
		});
	}

	#[benchmark]
	fn flag() {
		seed::<T>();
		let moderator = moderator::<T>(0);
		published::<T>(hash(EXISTING), &verified::<T>("author"), ContentStatus::Visible);
		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), hash(EXISTING), ReasonCode::Rumour);
		assert!(matches!(
			ContentOf::<T>::get(hash(EXISTING)).map(|r| r.status),
			Some(ContentStatus::Flagged { .. })
		));
	}

	#[benchmark]
	fn hide() {
		seed::<T>();
		let moderator = moderator::<T>(0);
		published::<T>(
			hash(EXISTING),
			&verified::<T>("author"),
			ContentStatus::Flagged { reason: ReasonCode::Rumour },
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), hash(EXISTING), ReasonCode::Rumour, hash(0));
		assert!(matches!(
			ContentOf::<T>::get(hash(EXISTING)).map(|r| r.status),
			Some(ContentStatus::Hidden { .. })
		));
	}

	#[benchmark]
	fn hide_batch(n: Linear<1, { T::MaxBatch::get() }>) {
		let moderator = moderator::<T>(0);
		let author = verified::<T>("author");
		let mut hashes = Vec::new();
		for i in 0..n {
			published::<T>(hash(EXISTING + i), &author, ContentStatus::Visible);
			hashes.push(hash(EXISTING + i));
		}
		let hashes = BoundedVec::try_from(hashes).unwrap_or_default();
		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), hashes, ReasonCode::Fraud, hash(0));
		assert_eq!(NextCaseId::<T>::get(), u64::from(n));
	}

	#[benchmark]
	fn restore() {
		seed::<T>();
		let moderator = moderator::<T>(0);
		// A seeded content, hidden by a seeded case.
		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), hash(0), hash(0));
		assert_eq!(ContentOf::<T>::get(hash(0)).map(|r| r.status), Some(ContentStatus::Visible));
	}

	#[benchmark]
	fn warn() -> Result<(), BenchmarkError> {
		let moderator = moderator::<T>(0);
		let who = sanctionable::<T>("target")?;
		suspended::<T>(&who, &moderator)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), who.clone(), ReasonCode::Fraud);
		assert_eq!(LatestCaseOf::<T>::get(&who), Some(1));
		Ok(())
	}

	#[benchmark]
	fn restrict() -> Result<(), BenchmarkError> {
		let moderator = moderator::<T>(0);
		let who = sanctionable::<T>("target")?;
		// A suspension would refuse it; a restriction of another function runs beside it.
		restricted::<T>(&who, &moderator, RestrictionScope::Transfers)?;
		let until = BlockNumberFor::<T>::max_value();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(moderator),
			who.clone(),
			RestrictionScope::Publishing,
			until,
			ReasonCode::Fraud,
		);
		assert_eq!(LatestCaseOf::<T>::get(&who), Some(1));
		Ok(())
	}

	#[benchmark]
	fn suspend() -> Result<(), BenchmarkError> {
		let moderator = moderator::<T>(0);
		let who = sanctionable::<T>("target")?;
		suspended::<T>(&who, &moderator)?;
		let until = BlockNumberFor::<T>::max_value();
		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), who.clone(), until, ReasonCode::Fraud);
		assert_eq!(LatestCaseOf::<T>::get(&who), Some(1));
		Ok(())
	}

	#[benchmark]
	fn close() -> Result<(), BenchmarkError> {
		let moderator = moderator::<T>(0);
		let who = sanctionable::<T>("target")?;
		suspended::<T>(&who, &moderator)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), who.clone(), ReasonCode::Fraud);
		assert_eq!(LatestCaseOf::<T>::get(&who), Some(1));
		Ok(())
	}

	#[benchmark]
	fn lift() -> Result<(), BenchmarkError> {
		seed::<T>();
		let moderator = moderator::<T>(0);
		let who = sanctionable::<T>("target")?;
		let suspension = suspended::<T>(&who, &moderator)?;
		// A moderator's lift reads the case of every slot to find a measure taken by motion:
		// fill the other slots with (seeded, lapsed) cases.
		let mut cases = MeasureCases::default();
		for (slot, case_id) in MeasureSlot::ALL.into_iter().zip(0..) {
			cases.set(slot, Some(case_id));
		}
		cases.set(MeasureSlot::Suspension, Some(suspension));
		MeasuresInForce::<T>::insert(&who, cases);
		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), who.clone(), ReasonCode::Other);
		assert_eq!(LatestCaseOf::<T>::get(&who), Some(u64::from(EXISTING) + 1));
		assert!(!MeasuresInForce::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn report() {
		seed::<T>();
		let reporter = verified::<T>("reporter");
		// The reporter's last free slot, and the fullest queue the deadline block can have.
		OpenReportsOf::<T>::insert(&reporter, T::MaxOpenReportsPerAccount::get().saturating_sub(1));
		let deadline = now::<T>().saturating_add(ResponseTime::<T>::get());
		let queued: Vec<ReportId> =
			(0..u64::from(T::MaxReportsPerBlock::get().saturating_sub(1))).collect();
		DeadlineQueue::<T>::insert(deadline, BoundedVec::try_from(queued).unwrap_or_default());
		#[extrinsic_call]
		_(RawOrigin::Signed(reporter), ReportTarget::Content(hash(0)), ReasonCode::Fraud, hash(1));
		assert!(OpenReports::<T>::contains_key(u64::from(EXISTING)));
	}

	#[benchmark]
	fn resolve() -> Result<(), BenchmarkError> {
		seed::<T>();
		let moderator = moderator::<T>(0);
		let target = sanctionable::<T>("target")?;
		let report_id = file_report::<T>(0, ReportTarget::Account(target.clone()))?;
		// Overdue and the target already has a case: the most storage to update.
		suspended::<T>(&target, &moderator)?;
		let deadline = Reports::<T>::get(report_id).map(|r| r.deadline).unwrap_or_default();
		frame_system::Pallet::<T>::set_block_number(deadline);
		Moderation::<T>::on_initialize(deadline);
		let until = deadline.saturating_add(blocks::<T>(1_000));
		let outcome = ReportOutcome::Upheld { action: ActionTaken::AccountSuspended { until } };
		#[extrinsic_call]
		_(RawOrigin::Signed(moderator), report_id, outcome, hash(2));
		assert!(!OverdueReports::<T>::contains_key(report_id));
		Ok(())
	}

	#[benchmark]
	fn appeal() {
		seed::<T>();
		let author = verified::<T>("author");
		// A seeded content hidden by a seeded case, authored by the appellant.
		ContentOf::<T>::mutate(hash(0), |r| {
			if let Some(r) = r {
				r.author = Some(author.clone())
			}
		});
		#[extrinsic_call]
		_(RawOrigin::Signed(author), 0, hash(3));
		assert!(Cases::<T>::get(0).is_some_and(|c| c.appeal.is_some()));
	}

	#[benchmark]
	fn decide_appeal() -> Result<(), BenchmarkError> {
		seed::<T>();
		let acting = moderator::<T>(0);
		let deciding = moderator::<T>(1);
		let who = sanctionable::<T>("target")?;
		let case_id = suspended::<T>(&who, &acting)?;
		Moderation::<T>::appeal(RawOrigin::Signed(who.clone()).into(), case_id, hash(3))
			.map_err(|_| BenchmarkError::Stop("appeal failed"))?;
		#[extrinsic_call]
		_(RawOrigin::Signed(deciding), case_id, true, hash(4));
		assert_last_event::<T>(Event::AppealDecided {
			case_id,
			subject: CaseSubject::Account(who),
			decided_by: Actor::Moderator(account("moderator", 1, 0)),
			upheld: true,
			measure_undone: true,
		});
		Ok(())
	}

	#[benchmark]
	fn purge_case() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		seed::<T>();
		let moderator = moderator::<T>(0);
		// Hide and restore a content: the hiding case is no longer the latest.
		Moderation::<T>::hide(
			RawOrigin::Signed(moderator.clone()).into(),
			hash(EXISTING),
			ReasonCode::Other,
			hash(0),
		)
		.map_err(|_| BenchmarkError::Stop("hide failed"))?;
		let case_id = NextCaseId::<T>::get().saturating_sub(1);
		Moderation::<T>::restore(RawOrigin::Signed(moderator).into(), hash(EXISTING), hash(0))
			.map_err(|_| BenchmarkError::Stop("restore failed"))?;
		frame_system::Pallet::<T>::set_block_number(
			now::<T>().saturating_add(T::RetentionPeriod::get()),
		);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, case_id);
		assert!(!Cases::<T>::contains_key(case_id));
		Ok(())
	}

	#[benchmark]
	fn set_response_time() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let blocks = BlockNumberFor::<T>::from(100u32);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, blocks);
		assert_eq!(ResponseTime::<T>::get(), blocks);
		Ok(())
	}

	#[benchmark]
	fn on_initialize_overdue(
		n: Linear<0, { T::MaxReportsPerBlock::get() }>,
	) -> Result<(), BenchmarkError> {
		let mut deadline = now::<T>();
		for i in 0..n {
			let target: T::AccountId = account("target", 0, 0);
			file_report::<T>(i, ReportTarget::Account(target))?;
			deadline = now::<T>().saturating_add(ResponseTime::<T>::get());
		}
		frame_system::Pallet::<T>::set_block_number(deadline);
		#[block]
		{
			Moderation::<T>::on_initialize(deadline);
		}
		assert_eq!(OverdueReports::<T>::iter_keys().count(), n as usize);
		Ok(())
	}

	impl_benchmark_test_suite!(Moderation, crate::mock::new_bench_ext(), crate::mock::Test);
}
