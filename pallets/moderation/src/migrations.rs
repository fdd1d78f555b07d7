//! Storage migrations of the moderation pallet.
//!
//! - [`SeedMeasuresInForce`] (storage version 0 to 1): records, for the cases of the previous
//!   release whose measures are still in force, the `MeasuresInForce` entries that release did not
//!   keep, so that an upheld appeal of such a case undoes its measure.

use crate::{
	CaseAction, CaseId, CaseSubject, Cases, Config, MeasureCases, MeasureSlot, MeasuresInForce,
	Pallet,
};
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use compliance_primitives::{AccountStanding, Measure, Standing};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// Seeds `MeasuresInForce` from the cases of storage version 0, then sets storage version 1.
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
/// suits a chain with up to some 10^4 cases. Runs only while the on-chain storage version is 0.
///
/// In the runtime: `pallet_moderation::migrations::SeedMeasuresInForce<Runtime>` in the
/// executive's migrations.
pub type SeedMeasuresInForce<T> = VersionedMigration<
	0,
	1,
	v1::UncheckedSeedMeasuresInForce<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration from storage version 0 to 1.
pub mod v1 {
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
		/// that account and imposed that slot's measure; and that the storage version is 1.
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
				Pallet::<T>::on_chain_storage_version() == 1,
				"SeedMeasuresInForce: the storage version is not 1"
			);
			Ok(())
		}
	}
}
