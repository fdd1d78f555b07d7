//! Storage migrations of the moderation pallet, from the previous release (storage version 0)
//! in order:
//!
//! - [`RecordActors`] (storage version 0 to 1): rewrites every case in the layout that records who
//!   acted as an [`Actor`](crate::Actor) (version 0 could only name a moderator).
//! - [`SeedMeasuresInForce`] (storage version 1 to 2): records, for the cases of the previous
//!   release whose measures are still in force, the `MeasuresInForce` entries that release did not
//!   keep, so that an upheld appeal of such a case undoes its measure.
//! - [`CountUnresolvedReports`] (storage version 2 to 3): counts the entries of `OpenReports` and
//!   `OverdueReports`, which version 3 keeps as counted maps, into their new counters.

use crate::{
	Actor, CaseAction, CaseId, CaseSubject, Cases, Config, MeasureCases, MeasureSlot,
	MeasuresInForce, Pallet,
};
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use compliance_primitives::{AccountStanding, Measure, Standing};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// Rewrites the cases of storage version 0 in the layout of version 1, then sets storage
/// version 1: the moderator who acted becomes `Actor::Moderator`, and so does the moderator who
/// decided an appeal. Every other field keeps its value. A case that does not decode is removed
/// and logged by `translate` (none should exist: version 0 wrote them all).
///
/// In the runtime: `pallet_moderation::migrations::RecordActors<Runtime>`, before
/// [`SeedMeasuresInForce`].
pub type RecordActors<T> = VersionedMigration<
	0,
	1,
	v1::UncheckedRecordActors<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration from storage version 0 to 1.
pub mod v1 {
	use super::*;
	use crate::{Appeal, AppealDecision, Case, ReasonCode, ReportId};
	use codec::Decode;
	use compliance_primitives::ContentHash;

	/// The body of [`RecordActors`], without the storage version check: use that type.
	pub struct UncheckedRecordActors<T>(core::marker::PhantomData<T>);

	/// A case as version 0 stored it.
	#[derive(Decode)]
	pub struct OldCase<AccountId, BlockNumber> {
		subject: CaseSubject<AccountId>,
		action: CaseAction<BlockNumber>,
		reason: Option<ReasonCode>,
		moderator: AccountId,
		at: BlockNumber,
		note_hash: Option<ContentHash>,
		report: Option<ReportId>,
		previous: Option<CaseId>,
		appeal: Option<OldAppeal<AccountId, BlockNumber>>,
	}

	/// An appeal as version 0 stored it.
	#[derive(Decode)]
	pub struct OldAppeal<AccountId, BlockNumber> {
		appellant: AccountId,
		statement_hash: ContentHash,
		filed_at: BlockNumber,
		decision: Option<OldAppealDecision<AccountId, BlockNumber>>,
	}

	/// An appeal's decision as version 0 stored it.
	#[derive(Decode)]
	pub struct OldAppealDecision<AccountId, BlockNumber> {
		moderator: AccountId,
		upheld: bool,
		at: BlockNumber,
		note_hash: ContentHash,
	}

	impl<AccountId, BlockNumber> OldCase<AccountId, BlockNumber> {
		/// The same case in the layout of version 1.
		pub fn upgraded(self) -> Case<AccountId, BlockNumber> {
			Case {
				subject: self.subject,
				action: self.action,
				reason: self.reason,
				actor: Actor::Moderator(self.moderator),
				at: self.at,
				note_hash: self.note_hash,
				report: self.report,
				previous: self.previous,
				appeal: self.appeal.map(|appeal| Appeal {
					appellant: appeal.appellant,
					statement_hash: appeal.statement_hash,
					filed_at: appeal.filed_at,
					decision: appeal.decision.map(|decision| AppealDecision {
						decided_by: Actor::Moderator(decision.moderator),
						upheld: decision.upheld,
						at: decision.at,
						note_hash: decision.note_hash,
					}),
				}),
			}
		}
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedRecordActors<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut count: u64 = 0;
			// `translate` removes (and logs) a value that does not decode in the old layout.
			Cases::<T>::translate::<OldCase<T::AccountId, BlockNumberFor<T>>, _>(|_, old| {
				count = count.saturating_add(1);
				Some(old.upgraded())
			});
			T::DbWeight::get().reads_writes(count, count)
		}

		/// Notes how many cases exist before: the rewrite keeps every one.
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((Cases::<T>::iter_keys().count() as u64).encode())
		}

		/// Checks that every case decodes in the new layout and none was lost.
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut &state[..])
				.map_err(|_| "RecordActors: the pre-upgrade state does not decode")?;
			let after = Cases::<T>::iter_values().count() as u64;
			frame_support::ensure!(after == before, "RecordActors: cases were lost");
			Ok(())
		}
	}
}

/// Seeds `MeasuresInForce` from the cases of storage version 1, then sets storage version 2.
///
/// For every case that applied a measure to an account (warning, restriction, suspension,
/// closure), not followed by a case lifting that account's measures, and whose exact measure the
/// account's standing (`T::Standing::standing`, as in force now) still holds, the case is
/// recorded in the account's slot for that measure; of several such cases, the latest (highest
/// id). A slot an entry already names keeps the later of the two cases. Measures that lapsed,
/// were replaced by a harsher one, were lifted or were undone get no slot: an appeal of their
/// case has nothing left to undo.
///
/// A one-off for the upgrade from the previous release: it reads `Cases` once and every
/// sanctioned account's standing and entry once, and holds the account cases in memory, which
/// suits a chain with up to some 10^4 cases. Runs only while the on-chain storage version is 1.
///
/// In the runtime: `pallet_moderation::migrations::SeedMeasuresInForce<Runtime>` in the
/// executive's migrations, after [`RecordActors`].
pub type SeedMeasuresInForce<T> = VersionedMigration<
	1,
	2,
	v2::UncheckedSeedMeasuresInForce<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration from storage version 1 to 2.
pub mod v2 {
	use super::*;

	/// The body of [`SeedMeasuresInForce`], without the storage version check: use that type.
	pub struct UncheckedSeedMeasuresInForce<T>(core::marker::PhantomData<T>);

	/// A case of version 0 that imposed `measure` on an account.
	struct MeasureCase<BlockNumber> {
		case_id: CaseId,
		measure: Measure<BlockNumber>,
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedSeedMeasuresInForce<T> {
		fn on_runtime_upgrade() -> Weight {
			let now = frame_system::Pallet::<T>::block_number();
			let mut reads: u64 = 0;
			let mut writes: u64 = 0;

			// `Cases` iterates in hash order, not by id: collect each account's measure cases
			// and its latest lift first, then judge them.
			let mut measure_cases: BTreeMap<T::AccountId, Vec<MeasureCase<BlockNumberFor<T>>>> =
				BTreeMap::new();
			let mut last_lift: BTreeMap<T::AccountId, CaseId> = BTreeMap::new();
			for (case_id, case) in Cases::<T>::iter() {
				reads = reads.saturating_add(1);
				let CaseSubject::Account(who) = case.subject else { continue };
				if case.action == CaseAction::MeasureLifted {
					let lift = last_lift.entry(who).or_insert(case_id);
					*lift = (*lift).max(case_id);
				} else if let Some(measure) = case.action.measure() {
					measure_cases.entry(who).or_default().push(MeasureCase { case_id, measure });
				}
			}

			for (who, cases) in measure_cases {
				// A lift ended every measure imposed before it, whatever the standing says now
				// (a measure of the same kind may have been imposed since by another path).
				let lifted_at = last_lift.get(&who).copied();
				let standing: Standing<BlockNumberFor<T>> =
					T::Standing::standing(&who).effective_at(now);
				reads = reads.saturating_add(1);
				let mut seeded = MeasureCases::default();
				for MeasureCase { case_id, measure } in cases {
					if lifted_at.is_some_and(|lift| lift > case_id) || !standing.holds(measure) {
						continue;
					}
					let slot = MeasureSlot::of_measure(&measure);
					if seeded.get(slot).is_none_or(|recorded| recorded < case_id) {
						seeded.set(slot, Some(case_id));
					}
				}
				if seeded.is_empty() {
					continue;
				}
				MeasuresInForce::<T>::mutate(&who, |entry| {
					let cases = entry.get_or_insert_with(Default::default);
					for slot in MeasureSlot::ALL {
						if let Some(case_id) = seeded.get(slot) {
							if cases.get(slot).is_none_or(|recorded| recorded < case_id) {
								cases.set(slot, Some(case_id));
							}
						}
					}
				});
				reads = reads.saturating_add(1);
				writes = writes.saturating_add(1);
			}
			T::DbWeight::get().reads_writes(reads, writes)
		}

		/// Notes how many `MeasuresInForce` entries exist before: seeding adds entries and
		/// never removes one.
		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			let entries = MeasuresInForce::<T>::iter_keys().count() as u64;
			Ok(entries.encode())
		}

		/// Checks that no entry was lost and that every slot names a case that exists, is about
		/// that account and imposed that slot's measure; and that the storage version is 2.
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			use frame_support::{ensure, traits::GetStorageVersion};
			let before = u64::decode(&mut &state[..])
				.map_err(|_| "SeedMeasuresInForce: the pre-upgrade state does not decode")?;
			let mut after: u64 = 0;
			for (who, cases) in MeasuresInForce::<T>::iter() {
				after = after.saturating_add(1);
				ensure!(!cases.is_empty(), "SeedMeasuresInForce: an empty entry");
				for slot in MeasureSlot::ALL {
					let Some(case_id) = cases.get(slot) else { continue };
					let case = Cases::<T>::get(case_id)
						.ok_or("SeedMeasuresInForce: a slot names a missing case")?;
					ensure!(
						case.subject == CaseSubject::Account(who.clone()),
						"SeedMeasuresInForce: a slot names a case about another subject"
					);
					ensure!(
						MeasureSlot::of(&case.action) == Some(slot),
						"SeedMeasuresInForce: a slot names a case of another measure"
					);
				}
			}
			ensure!(after >= before, "SeedMeasuresInForce: entries were lost");
			ensure!(
				Pallet::<T>::on_chain_storage_version() == 2,
				"SeedMeasuresInForce: the storage version is not 2"
			);
			Ok(())
		}
	}
}

/// Initialises the counters of `OpenReports` and `OverdueReports`, counted maps from storage
/// version 3 on (same keys and values as before, plus a counter each), from their entries, then
/// sets storage version 3. It reads every unresolved report's id once: as many as moderators
/// left unresolved, a few thousand at most on a chain whose deadlines are days.
///
/// In the runtime: `pallet_moderation::migrations::CountUnresolvedReports<Runtime>`, after
/// [`SeedMeasuresInForce`].
pub type CountUnresolvedReports<T> = VersionedMigration<
	2,
	3,
	v3::UncheckedCountUnresolvedReports<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration from storage version 2 to 3.
pub mod v3 {
	use super::*;
	use crate::{OpenReports, OverdueReports};

	/// The body of [`CountUnresolvedReports`], without the storage version check: use that type.
	pub struct UncheckedCountUnresolvedReports<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedCountUnresolvedReports<T> {
		fn on_runtime_upgrade() -> Weight {
			let open = OpenReports::<T>::initialize_counter();
			let overdue = OverdueReports::<T>::initialize_counter();
			T::DbWeight::get().reads_writes(u64::from(open) + u64::from(overdue) + 2, 2)
		}

		/// Checks that each counter equals its map's entries and that the storage version is 3.
		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use frame_support::{ensure, traits::GetStorageVersion};
			ensure!(
				OpenReports::<T>::count() as usize == OpenReports::<T>::iter_keys().count(),
				"CountUnresolvedReports: the open reports' counter is wrong"
			);
			ensure!(
				OverdueReports::<T>::count() as usize == OverdueReports::<T>::iter_keys().count(),
				"CountUnresolvedReports: the overdue reports' counter is wrong"
			);
			ensure!(
				Pallet::<T>::on_chain_storage_version() == 3,
				"CountUnresolvedReports: the storage version is not 3"
			);
			Ok(())
		}
	}
}
