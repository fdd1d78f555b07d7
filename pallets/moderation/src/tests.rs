//! Unit tests of the moderation pallet.

use crate::{mock::*, Error, Event, *};
use codec::{Decode, Encode};
use compliance_primitives::{Measure, RestrictionScope, Standing};
use frame_support::{
	assert_noop, assert_ok,
	traits::{Contains, GetStorageVersion, Hooks, OnRuntimeUpgrade, StorageVersion},
};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;
use std::collections::{BTreeMap, BTreeSet};

fn h(n: u8) -> H256 {
	H256::repeat_byte(n)
}

fn uri(bytes: &[u8]) -> BoundedVec<u8, MaxUriLen> {
	BoundedVec::try_from(bytes.to_vec()).expect("short uri")
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn publish(who: AccountId, hash: H256) {
	assert_ok!(Moderation::publish(signed(who), hash, ContentKind::Text, uri(b"ipfs://x")));
}

fn status(hash: H256) -> ContentStatus {
	ContentOf::<Test>::get(hash).expect("recorded").status
}

fn batch(hashes: &[H256]) -> BoundedVec<H256, MaxBatch> {
	BoundedVec::try_from(hashes.to_vec()).expect("within MaxBatch")
}

fn last_case_id() -> CaseId {
	NextCaseId::<Test>::get() - 1
}

fn file_report(reporter: AccountId, target: ReportTarget<AccountId>) -> ReportId {
	assert_ok!(Moderation::report(signed(reporter), target, ReasonCode::Fraud, h(0xEE)));
	NextReportId::<Test>::get() - 1
}

fn upheld(action: ActionTaken<BlockNumber>) -> ReportOutcome<BlockNumber> {
	ReportOutcome::Upheld { action }
}

// ---- admin -------------------------------------------------------------------------------

#[test]
fn integrity_holds() {
	ExtBuilder::default().build_and_execute(|| {
		<Moderation as Hooks<BlockNumber>>::integrity_test();
	});
}

#[test]
fn only_a_member_of_the_moderator_set_moderates() {
	ExtBuilder::default().build_and_execute(|| {
		publish(BOB, h(1));
		assert_noop!(
			Moderation::hide(signed(ALICE), h(1), ReasonCode::Fraud, h(0)),
			Error::<Test>::NotModerator
		);
		// Neither root (the mock's consortium motion) nor an unsigned origin is a moderator.
		assert_noop!(
			Moderation::hide(consortium(), h(1), ReasonCode::Fraud, h(0)),
			Error::<Test>::NotModerator
		);
		assert_noop!(
			Moderation::flag(RuntimeOrigin::none(), h(1), ReasonCode::Fraud),
			Error::<Test>::NotModerator
		);
		ModeratorSet::appoint(ALICE);
		assert_ok!(Moderation::flag(signed(ALICE), h(1), ReasonCode::Fraud));
		// A moderator removed from the set can no longer moderate.
		ModeratorSet::dismiss(MOD2);
		assert_noop!(
			Moderation::hide(signed(MOD2), h(1), ReasonCode::Fraud, h(0)),
			Error::<Test>::NotModerator
		);
	});
}

// ---- publish -------------------------------------------------------------------------------

#[test]
fn publish_records_author_and_block() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(5);
		assert_ok!(Moderation::publish(signed(ALICE), h(1), ContentKind::Image, uri(b"ipfs://a")));
		let record = ContentOf::<Test>::get(h(1)).unwrap();
		assert_eq!(record.author, Some(ALICE));
		assert_eq!(record.kind, Some(ContentKind::Image));
		assert_eq!(record.uri.into_inner(), b"ipfs://a".to_vec());
		assert_eq!(record.published_at, Some(5));
		assert_eq!(record.status, ContentStatus::Visible);
		assert_eq!(record.last_case, None);
		System::assert_last_event(
			Event::ContentPublished { hash: h(1), author: ALICE, kind: ContentKind::Image }.into(),
		);
	});
}

#[test]
fn publish_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Moderation::publish(RuntimeOrigin::none(), h(1), ContentKind::Text, uri(b"")),
			BadOrigin
		);
		assert_noop!(
			Moderation::publish(signed(STRANGER), h(1), ContentKind::Text, uri(b"")),
			Error::<Test>::NotVerified
		);
		publish(ALICE, h(1));
		assert_noop!(
			Moderation::publish(signed(BOB), h(1), ContentKind::Text, uri(b"")),
			Error::<Test>::AlreadyPublished
		);
		assert_ok!(Moderation::hide(signed(MOD1), h(2), ReasonCode::Rumour, h(0)));
		assert_noop!(
			Moderation::publish(signed(BOB), h(2), ContentKind::Text, uri(b"")),
			Error::<Test>::AlreadyHidden
		);
	});
}

#[test]
fn publish_respects_standing() {
	ExtBuilder::default().build_and_execute(|| {
		let refused = |standing| {
			FakeStanding::set(ALICE, standing);
			assert_noop!(
				Moderation::publish(signed(ALICE), h(1), ContentKind::Text, uri(b"")),
				Error::<Test>::PublishingRestricted
			);
		};
		refused(Standing::Restricted { scope: RestrictionScope::Publishing, until: 5 });
		refused(Standing::Suspended { until: 5 });
		refused(Standing::Closed);
		// Another scope, a warning, or a lapsed measure does not stop publishing.
		FakeStanding::set(
			ALICE,
			Standing::Restricted { scope: RestrictionScope::Transfers, until: 5 },
		);
		publish(ALICE, h(1));
		FakeStanding::set(ALICE, Standing::Warned);
		publish(ALICE, h(2));
		FakeStanding::set(ALICE, Standing::Suspended { until: 5 });
		System::set_block_number(5);
		publish(ALICE, h(3));
	});
}

// ---- flag, hide, restore ---------------------------------------------------------------------

#[test]
fn flag_works() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, h(1));
		assert_ok!(Moderation::flag(signed(MOD1), h(1), ReasonCode::Rumour));
		assert_eq!(status(h(1)), ContentStatus::Flagged { reason: ReasonCode::Rumour });
		let case_id = last_case_id();
		let case = Cases::<Test>::get(case_id).unwrap();
		assert_eq!(case.subject, CaseSubject::Content(h(1)));
		assert_eq!(case.action, CaseAction::ContentFlagged);
		assert_eq!(case.actor, Actor::Moderator(MOD1));
		assert_eq!(ContentOf::<Test>::get(h(1)).unwrap().last_case, Some(case_id));
		System::assert_last_event(
			Event::ContentFlagged {
				hash: h(1),
				moderator: MOD1,
				reason: ReasonCode::Rumour,
				case_id,
			}
			.into(),
		);
	});
}

#[test]
fn flag_errors() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, h(1));
		assert_noop!(
			Moderation::flag(signed(ALICE), h(1), ReasonCode::Rumour),
			Error::<Test>::NotModerator
		);
		assert_noop!(
			Moderation::flag(RuntimeOrigin::root(), h(1), ReasonCode::Rumour),
			Error::<Test>::NotModerator
		);
		assert_noop!(
			Moderation::flag(signed(MOD1), h(9), ReasonCode::Rumour),
			Error::<Test>::ContentNotFound
		);
		assert_ok!(Moderation::flag(signed(MOD1), h(1), ReasonCode::Rumour));
		assert_noop!(
			Moderation::flag(signed(MOD1), h(1), ReasonCode::Fraud),
			Error::<Test>::AlreadyFlagged
		);
		assert_ok!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Fraud, h(0)));
		assert_noop!(
			Moderation::flag(signed(MOD1), h(1), ReasonCode::Fraud),
			Error::<Test>::AlreadyHidden
		);
	});
}

#[test]
fn hide_published_content_records_a_case() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, h(1));
		System::set_block_number(3);
		assert_ok!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Pornography, h(0xAA)));
		let case_id = last_case_id();
		assert_eq!(
			status(h(1)),
			ContentStatus::Hidden { reason: ReasonCode::Pornography, case: case_id }
		);
		assert_eq!(
			Cases::<Test>::get(case_id).unwrap(),
			Case {
				subject: CaseSubject::Content(h(1)),
				action: CaseAction::ContentHidden,
				reason: Some(ReasonCode::Pornography),
				actor: Actor::Moderator(MOD1),
				at: 3,
				note_hash: Some(h(0xAA)),
				report: None,
				previous: None,
				appeal: None,
			}
		);
		System::assert_last_event(
			Event::ContentHidden {
				hash: h(1),
				moderator: MOD1,
				reason: ReasonCode::Pornography,
				case_id,
			}
			.into(),
		);
	});
}

#[test]
fn hide_block_lists_unpublished_hash() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::hide(signed(MOD1), h(7), ReasonCode::Illegal, h(0)));
		let record = ContentOf::<Test>::get(h(7)).unwrap();
		assert_eq!(record.author, None);
		assert_eq!(record.published_at, None);
		assert!(matches!(record.status, ContentStatus::Hidden { .. }));
		assert_noop!(
			Moderation::publish(signed(ALICE), h(7), ContentKind::Text, uri(b"")),
			Error::<Test>::AlreadyHidden
		);
		// Once restored, the hash can be published.
		assert_ok!(Moderation::restore(signed(MOD2), h(7), h(0)));
		publish(ALICE, h(7));
		assert_eq!(ContentOf::<Test>::get(h(7)).unwrap().author, Some(ALICE));
	});
}

#[test]
fn hide_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Moderation::hide(signed(ALICE), h(1), ReasonCode::Fraud, h(0)),
			Error::<Test>::NotModerator
		);
		assert_noop!(
			Moderation::hide(RuntimeOrigin::none(), h(1), ReasonCode::Fraud, h(0)),
			Error::<Test>::NotModerator
		);
		assert_ok!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Fraud, h(0)));
		assert_noop!(
			Moderation::hide(signed(MOD2), h(1), ReasonCode::Fraud, h(0)),
			Error::<Test>::AlreadyHidden
		);
	});
}

#[test]
fn hide_batch_hides_all() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, h(1));
		assert_ok!(Moderation::hide_batch(
			signed(MOD1),
			batch(&[h(1), h(2), h(3)]),
			ReasonCode::ViolenceTerrorism,
			h(0)
		));
		for (i, hash) in [h(1), h(2), h(3)].into_iter().enumerate() {
			let case = i as CaseId;
			assert_eq!(
				status(hash),
				ContentStatus::Hidden { reason: ReasonCode::ViolenceTerrorism, case }
			);
			System::assert_has_event(
				Event::ContentHidden {
					hash,
					moderator: MOD1,
					reason: ReasonCode::ViolenceTerrorism,
					case_id: case,
				}
				.into(),
			);
		}
	});
}

#[test]
fn hide_batch_is_all_or_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Moderation::hide_batch(signed(ALICE), batch(&[h(1)]), ReasonCode::Other, h(0)),
			Error::<Test>::NotModerator
		);
		assert_noop!(
			Moderation::hide_batch(signed(MOD1), batch(&[]), ReasonCode::Other, h(0)),
			Error::<Test>::EmptyBatch
		);
		assert_ok!(Moderation::hide(signed(MOD1), h(3), ReasonCode::Other, h(0)));
		// The third hash is already hidden: the first two are not hidden either.
		assert_noop!(
			Moderation::hide_batch(
				signed(MOD1),
				batch(&[h(1), h(2), h(3)]),
				ReasonCode::Other,
				h(0)
			),
			Error::<Test>::AlreadyHidden
		);
		assert_noop!(
			Moderation::hide_batch(signed(MOD1), batch(&[h(4), h(4)]), ReasonCode::Other, h(0)),
			Error::<Test>::AlreadyHidden
		);
		assert!(ContentOf::<Test>::get(h(1)).is_none());
	});
}

#[test]
fn hide_batch_over_the_limit_does_not_decode() {
	ExtBuilder::default().build_and_execute(|| {
		let too_many: Vec<H256> = (0..=MaxBatch::get() as u8).map(h).collect();
		assert!(BoundedVec::<H256, MaxBatch>::try_from(too_many.clone()).is_err());
		// The same call encoded with an unbounded vector is refused by decoding.
		let fits = RuntimeCall::Moderation(crate::Call::hide_batch {
			hashes: batch(&too_many[..MaxBatch::get() as usize]),
			reason: ReasonCode::Other,
			note_hash: h(0),
		});
		assert!(RuntimeCall::decode(&mut &fits.encode()[..]).is_ok());
		// Keep the pallet and call indices, replace the arguments.
		let mut encoded = fits.encode();
		encoded.truncate(2);
		too_many.encode_to(&mut encoded);
		ReasonCode::Other.encode_to(&mut encoded);
		h(0).encode_to(&mut encoded);
		assert!(RuntimeCall::decode(&mut &encoded[..]).is_err());
	});
}

#[test]
fn restore_works() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, h(1));
		assert_ok!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Fraud, h(0)));
		let hidden_case = last_case_id();
		assert_ok!(Moderation::restore(signed(MOD2), h(1), h(0xBB)));
		let case_id = last_case_id();
		assert_eq!(status(h(1)), ContentStatus::Visible);
		let case = Cases::<Test>::get(case_id).unwrap();
		assert_eq!(case.action, CaseAction::ContentRestored);
		assert_eq!(case.previous, Some(hidden_case));
		assert_eq!(case.reason, None);
		System::assert_last_event(
			Event::ContentRestored { hash: h(1), moderator: MOD2, case_id }.into(),
		);
		// A flag can be cleared too.
		assert_ok!(Moderation::flag(signed(MOD1), h(1), ReasonCode::Rumour));
		assert_ok!(Moderation::restore(signed(MOD1), h(1), h(0)));
		assert_eq!(status(h(1)), ContentStatus::Visible);
	});
}

#[test]
fn restore_errors() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, h(1));
		assert_noop!(Moderation::restore(signed(ALICE), h(1), h(0)), Error::<Test>::NotModerator);
		assert_noop!(Moderation::restore(signed(MOD1), h(9), h(0)), Error::<Test>::ContentNotFound);
		assert_noop!(Moderation::restore(signed(MOD1), h(1), h(0)), Error::<Test>::AlreadyVisible);
	});
}

// ---- disposal measures ---------------------------------------------------------------------

#[test]
fn measures_apply_through_standing_and_record_cases() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::warn(signed(MOD1), ALICE, ReasonCode::Rumour));
		let warned = last_case_id();
		System::assert_last_event(
			Event::AccountWarned {
				who: ALICE,
				actor: Actor::Moderator(MOD1),
				reason: ReasonCode::Rumour,
				case_id: warned,
			}
			.into(),
		);
		assert_ok!(Moderation::restrict(
			signed(MOD1),
			ALICE,
			RestrictionScope::Publishing,
			20,
			ReasonCode::Rumour
		));
		let restricted = last_case_id();
		System::assert_last_event(
			Event::AccountRestricted {
				who: ALICE,
				scope: RestrictionScope::Publishing,
				until: 20,
				actor: Actor::Moderator(MOD1),
				reason: ReasonCode::Rumour,
				case_id: restricted,
			}
			.into(),
		);
		assert_ok!(Moderation::suspend(signed(MOD2), ALICE, 30, ReasonCode::Fraud));
		let suspended = last_case_id();
		System::assert_last_event(
			Event::AccountSuspended {
				who: ALICE,
				until: 30,
				actor: Actor::Moderator(MOD2),
				reason: ReasonCode::Fraud,
				case_id: suspended,
			}
			.into(),
		);
		assert_ok!(Moderation::close(signed(MOD2), ALICE, ReasonCode::Illegal));
		let closed = last_case_id();
		System::assert_last_event(
			Event::AccountClosed {
				who: ALICE,
				actor: Actor::Moderator(MOD2),
				reason: ReasonCode::Illegal,
				case_id: closed,
			}
			.into(),
		);
		assert_eq!(FakeStanding::raw(ALICE), Standing::Closed);
		assert_ok!(Moderation::lift(signed(MOD1), ALICE, ReasonCode::Other));
		let lifted = last_case_id();
		System::assert_last_event(
			Event::MeasureLifted {
				who: ALICE,
				actor: Actor::Moderator(MOD1),
				reason: ReasonCode::Other,
				case_id: lifted,
			}
			.into(),
		);
		assert_eq!(
			FakeStanding::changes(),
			vec![
				Change::Applied(ALICE, Measure::Warning),
				Change::Applied(
					ALICE,
					Measure::Restriction { scope: RestrictionScope::Publishing, until: 20 }
				),
				Change::Applied(ALICE, Measure::Suspension { until: 30 }),
				Change::Applied(ALICE, Measure::Closure),
				Change::Lifted(ALICE),
			]
		);
		assert_eq!(FakeStanding::raw(ALICE), Standing::Good);
		// The account's history is a linked list from its latest case.
		assert_eq!(LatestCaseOf::<Test>::get(ALICE), Some(lifted));
		assert_eq!(Cases::<Test>::get(lifted).unwrap().previous, Some(closed));
		assert_eq!(Cases::<Test>::get(closed).unwrap().previous, Some(suspended));
		assert_eq!(Cases::<Test>::get(suspended).unwrap().previous, Some(restricted));
		assert_eq!(Cases::<Test>::get(restricted).unwrap().previous, Some(warned));
		assert_eq!(Cases::<Test>::get(warned).unwrap().previous, None);
		assert_eq!(
			Cases::<Test>::get(suspended).unwrap().action,
			CaseAction::AccountSuspended { until: 30 }
		);
	});
}

#[test]
fn measures_refuse_non_moderators() {
	ExtBuilder::default().build_and_execute(|| {
		let e = || Error::<Test>::NotModerator;
		assert_noop!(Moderation::warn(signed(ALICE), BOB, ReasonCode::Other), e());
		assert_noop!(
			Moderation::restrict(
				signed(ALICE),
				BOB,
				RestrictionScope::Transfers,
				9,
				ReasonCode::Other
			),
			e()
		);
		assert_noop!(Moderation::suspend(signed(ALICE), BOB, 9, ReasonCode::Other), e());
		assert_noop!(Moderation::close(signed(ALICE), BOB, ReasonCode::Other), e());
		assert_noop!(Moderation::lift(signed(ALICE), BOB, ReasonCode::Other), e());
		assert_noop!(
			Moderation::warn(RuntimeOrigin::none(), BOB, ReasonCode::Other),
			Error::<Test>::NotModerator
		);
		assert!(FakeStanding::changes().is_empty());
	});
}

#[test]
fn measure_errors() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(10);
		assert_noop!(
			Moderation::restrict(
				signed(MOD1),
				BOB,
				RestrictionScope::Transfers,
				10,
				ReasonCode::Other
			),
			Error::<Test>::EndNotInFuture
		);
		assert_noop!(
			Moderation::suspend(signed(MOD1), BOB, 9, ReasonCode::Other),
			Error::<Test>::EndNotInFuture
		);
		assert_noop!(
			Moderation::lift(signed(MOD1), BOB, ReasonCode::Other),
			Error::<Test>::NoMeasureInForce
		);
		// A lapsed suspension is no measure in force.
		assert_ok!(Moderation::suspend(signed(MOD1), BOB, 12, ReasonCode::Other));
		System::set_block_number(12);
		assert_noop!(
			Moderation::lift(signed(MOD1), BOB, ReasonCode::Other),
			Error::<Test>::NoMeasureInForce
		);
	});
}

#[test]
fn the_ladder_refuses_a_measure_no_harsher_than_the_one_in_force() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::suspend(signed(MOD1), BOB, 30, ReasonCode::Fraud));
		let suspended = last_case_id();
		// The real-name side's error reaches the caller unchanged, and nothing is recorded.
		assert_noop!(
			Moderation::restrict(
				signed(MOD2),
				BOB,
				RestrictionScope::Publishing,
				40,
				ReasonCode::Fraud
			),
			AS_HARSH
		);
		assert_noop!(Moderation::suspend(signed(MOD2), BOB, 30, ReasonCode::Fraud), AS_HARSH);
		// A warning is always recorded, and leaves the harsher measure in force.
		assert_ok!(Moderation::warn(signed(MOD2), BOB, ReasonCode::Fraud));
		let warned = last_case_id();
		assert_eq!(FakeStanding::raw(BOB), Standing::Suspended { until: 30 });
		assert_eq!(
			MeasuresInForce::<Test>::get(BOB),
			Some(MeasureCases {
				warning: Some(warned),
				suspension: Some(suspended),
				..Default::default()
			})
		);
		assert_ok!(Moderation::close(signed(MOD2), BOB, ReasonCode::Fraud));
		assert_noop!(Moderation::close(signed(MOD1), BOB, ReasonCode::Fraud), AS_HARSH);
	});
}

#[test]
fn a_suspension_ends_the_restrictions_it_replaces() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::restrict(
			signed(MOD1),
			BOB,
			RestrictionScope::Publishing,
			20,
			ReasonCode::Rumour
		));
		let restricted = last_case_id();
		assert_ok!(Moderation::restrict(
			signed(MOD1),
			BOB,
			RestrictionScope::Reporting,
			20,
			ReasonCode::Rumour
		));
		assert_ok!(Moderation::suspend(signed(MOD1), BOB, 30, ReasonCode::Fraud));
		let suspended = last_case_id();
		assert_eq!(
			MeasuresInForce::<Test>::get(BOB),
			Some(MeasureCases { suspension: Some(suspended), ..Default::default() })
		);
		// The replaced restriction's appeal is recorded only.
		assert_ok!(Moderation::appeal(signed(BOB), restricted, h(1)));
		assert_ok!(Moderation::decide_appeal(signed(MOD2), restricted, true, h(0)));
		assert_eq!(FakeStanding::raw(BOB), Standing::Suspended { until: 30 });
		System::assert_last_event(
			Event::AppealDecided {
				case_id: restricted,
				subject: CaseSubject::Account(BOB),
				decided_by: Actor::Moderator(MOD2),
				upheld: true,
				measure_undone: false,
			}
			.into(),
		);
	});
}

#[test]
fn lift_forgets_the_measures_in_force() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::warn(signed(MOD1), BOB, ReasonCode::Other));
		assert_ok!(Moderation::close(signed(MOD1), BOB, ReasonCode::Other));
		assert!(MeasuresInForce::<Test>::contains_key(BOB));
		assert_ok!(Moderation::lift(signed(MOD2), BOB, ReasonCode::Other));
		assert!(!MeasuresInForce::<Test>::contains_key(BOB));
		assert_eq!(FakeStanding::raw(BOB), Standing::Good);
	});
}

// ---- conflicts of interest -----------------------------------------------------------------

#[test]
fn a_moderator_takes_no_measure_on_his_own_account() {
	ExtBuilder::default().build_and_execute(|| {
		// A measure taken before ALICE became a moderator, so that lifting would have something
		// to lift.
		assert_ok!(Moderation::warn(signed(MOD2), ALICE, ReasonCode::Other));
		ModeratorSet::appoint(ALICE);
		// As a moderator she holds a role: self-dealing is the error named, not the role.
		assert!(<Test as Config>::RoleHolders::contains(&ALICE));
		let e = || Error::<Test>::OwnAccount;
		assert_noop!(Moderation::warn(signed(ALICE), ALICE, ReasonCode::Other), e());
		assert_noop!(
			Moderation::restrict(
				signed(ALICE),
				ALICE,
				RestrictionScope::Transfers,
				9,
				ReasonCode::Other
			),
			e()
		);
		assert_noop!(Moderation::suspend(signed(ALICE), ALICE, 9, ReasonCode::Other), e());
		assert_noop!(Moderation::close(signed(ALICE), ALICE, ReasonCode::Other), e());
		assert_noop!(Moderation::lift(signed(ALICE), ALICE, ReasonCode::Other), e());
		assert_eq!(FakeStanding::changes(), vec![Change::Applied(ALICE, Measure::Warning)]);
		assert_ok!(Moderation::lift(signed(MOD2), ALICE, ReasonCode::Other));
	});
}

#[test]
fn a_moderator_does_not_moderate_his_own_content() {
	ExtBuilder::default().build_and_execute(|| {
		publish(MOD1, h(1));
		let e = || Error::<Test>::OwnContent;
		assert_noop!(Moderation::flag(signed(MOD1), h(1), ReasonCode::Rumour), e());
		assert_noop!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Rumour, h(0)), e());
		// All or nothing: the other hash of the batch is not hidden either.
		assert_noop!(
			Moderation::hide_batch(signed(MOD1), batch(&[h(2), h(1)]), ReasonCode::Rumour, h(0)),
			e()
		);
		assert_ok!(Moderation::hide(signed(MOD2), h(1), ReasonCode::Rumour, h(0)));
		assert_noop!(Moderation::restore(signed(MOD1), h(1), h(0)), e());
		assert_ok!(Moderation::restore(signed(MOD2), h(1), h(0)));
		assert_ok!(Moderation::flag(signed(MOD2), h(1), ReasonCode::Rumour));
	});
}

#[test]
fn a_moderator_does_not_decide_the_appeal_of_his_own_case() {
	ExtBuilder::default().build_and_execute(|| {
		// About his account: warned while the consortium had taken his role away.
		ModeratorSet::dismiss(MOD1);
		assert_ok!(Moderation::warn(signed(MOD2), MOD1, ReasonCode::Other));
		let warned = last_case_id();
		ModeratorSet::appoint(MOD1);
		assert_ok!(Moderation::appeal(signed(MOD1), warned, h(1)));
		assert_noop!(
			Moderation::decide_appeal(signed(MOD1), warned, true, h(0)),
			Error::<Test>::OwnCase
		);
		// About content he authored.
		publish(MOD1, h(1));
		assert_ok!(Moderation::hide(signed(MOD2), h(1), ReasonCode::Rumour, h(0)));
		let hidden = last_case_id();
		assert_ok!(Moderation::appeal(signed(MOD1), hidden, h(1)));
		assert_noop!(
			Moderation::decide_appeal(signed(MOD1), hidden, true, h(0)),
			Error::<Test>::OwnCase
		);
		// A case its subject recorded himself (before the conflict rules) names the conflict of
		// interest, not merely the same moderator.
		Cases::<Test>::mutate(warned, |case| case.as_mut().unwrap().actor = Actor::Moderator(MOD1));
		assert_noop!(
			Moderation::decide_appeal(signed(MOD1), warned, true, h(0)),
			Error::<Test>::OwnCase
		);
		ModeratorSet::appoint(ALICE);
		assert_ok!(Moderation::decide_appeal(signed(ALICE), warned, false, h(0)));
		assert_noop!(
			Moderation::decide_appeal(signed(MOD2), hidden, true, h(0)),
			Error::<Test>::SameModerator
		);
		assert_ok!(Moderation::decide_appeal(signed(ALICE), hidden, true, h(0)));
	});
}

#[test]
fn a_moderator_does_not_resolve_a_report_that_concerns_him() {
	ExtBuilder::default().build_and_execute(|| {
		publish(MOD1, h(1));
		let filed = file_report(MOD1, ReportTarget::Account(ALICE));
		let about_him = file_report(ALICE, ReportTarget::Account(MOD1));
		let about_his_content = file_report(BOB, ReportTarget::Content(h(1)));
		for id in [filed, about_him, about_his_content] {
			assert_noop!(
				Moderation::resolve(signed(MOD1), id, ReportOutcome::Dismissed, h(0)),
				Error::<Test>::OwnReport
			);
		}
		assert_noop!(
			Moderation::resolve(
				signed(MOD1),
				about_his_content,
				upheld(ActionTaken::ContentHidden),
				h(0)
			),
			Error::<Test>::OwnReport
		);
		assert_ok!(Moderation::resolve(signed(MOD2), filed, ReportOutcome::Dismissed, h(0)));
		assert_ok!(Moderation::resolve(
			signed(MOD2),
			about_his_content,
			upheld(ActionTaken::ContentHidden),
			h(0)
		));
	});
}

// ---- role holders --------------------------------------------------------------------------

/// A role holder outside this pallet (a consortium member, say), with a published content.
const MEMBER: AccountId = CHARLIE;

#[test]
fn no_measure_is_taken_against_a_role_holder() {
	ExtBuilder::default().build_and_execute(|| {
		RoleHolders::grant(MEMBER);
		let e = || Error::<Test>::SubjectHoldsRole;
		// Against a holder of a role outside this pallet, and against another moderator.
		for who in [MEMBER, MOD2] {
			assert_noop!(Moderation::warn(signed(MOD1), who, ReasonCode::Fraud), e());
			assert_noop!(
				Moderation::restrict(
					signed(MOD1),
					who,
					RestrictionScope::Publishing,
					20,
					ReasonCode::Fraud
				),
				e()
			);
			assert_noop!(Moderation::suspend(signed(MOD1), who, 20, ReasonCode::Fraud), e());
			assert_noop!(Moderation::close(signed(MOD1), who, ReasonCode::Fraud), e());
		}
		// The role is named before the measure's own faults (an end in the past).
		assert_noop!(
			Moderation::restrict(
				signed(MOD1),
				MEMBER,
				RestrictionScope::Transfers,
				1,
				ReasonCode::Fraud
			),
			e()
		);
		assert_noop!(Moderation::suspend(signed(MOD1), MEMBER, 1, ReasonCode::Fraud), e());
		assert!(FakeStanding::changes().is_empty());
		assert_eq!(MeasuresInForce::<Test>::get(MEMBER), None);
	});
}

#[test]
fn resolving_a_report_takes_no_measure_against_a_role_holder() {
	ExtBuilder::default().build_and_execute(|| {
		RoleHolders::grant(MEMBER);
		let report = file_report(ALICE, ReportTarget::Account(MEMBER));
		for action in [
			ActionTaken::AccountWarned,
			ActionTaken::AccountRestricted { scope: RestrictionScope::Transfers, until: 20 },
			ActionTaken::AccountSuspended { until: 20 },
			ActionTaken::AccountClosed,
		] {
			assert_noop!(
				Moderation::resolve(signed(MOD1), report, upheld(action), h(0)),
				Error::<Test>::SubjectHoldsRole
			);
		}
		assert!(FakeStanding::changes().is_empty());
		// The report itself can still be answered without a measure.
		assert_ok!(Moderation::resolve(signed(MOD1), report, upheld(ActionTaken::None), h(0)));
		assert!(!OpenReports::<Test>::contains_key(report));
	});
}

#[test]
fn self_dealing_is_named_before_the_role() {
	ExtBuilder::default().build_and_execute(|| {
		// MOD1 holds a role twice over: as a moderator and elsewhere.
		RoleHolders::grant(MOD1);
		let e = || Error::<Test>::OwnAccount;
		assert_noop!(Moderation::warn(signed(MOD1), MOD1, ReasonCode::Other), e());
		assert_noop!(
			Moderation::restrict(
				signed(MOD1),
				MOD1,
				RestrictionScope::Reporting,
				20,
				ReasonCode::Other
			),
			e()
		);
		assert_noop!(Moderation::suspend(signed(MOD1), MOD1, 20, ReasonCode::Other), e());
		assert_noop!(Moderation::close(signed(MOD1), MOD1, ReasonCode::Other), e());
		// Through a report about himself, the report's own conflict rule comes first.
		let report = file_report(ALICE, ReportTarget::Account(MOD1));
		assert_noop!(
			Moderation::resolve(signed(MOD1), report, upheld(ActionTaken::AccountClosed), h(0)),
			Error::<Test>::OwnReport
		);
		// Another moderator is refused by the role.
		assert_noop!(
			Moderation::resolve(signed(MOD2), report, upheld(ActionTaken::AccountClosed), h(0)),
			Error::<Test>::SubjectHoldsRole
		);
	});
}

#[test]
fn measures_are_lifted_and_undone_from_a_role_holder() {
	ExtBuilder::default().build_and_execute(|| {
		// Measures taken before the account got its role.
		assert_ok!(Moderation::suspend(signed(MOD1), MEMBER, 30, ReasonCode::Fraud));
		let suspended = last_case_id();
		assert_ok!(Moderation::appeal(signed(MEMBER), suspended, h(1)));
		RoleHolders::grant(MEMBER);
		assert_ok!(Moderation::decide_appeal(signed(MOD2), suspended, true, h(0)));
		System::assert_last_event(
			Event::AppealDecided {
				case_id: suspended,
				subject: CaseSubject::Account(MEMBER),
				decided_by: Actor::Moderator(MOD2),
				upheld: true,
				measure_undone: true,
			}
			.into(),
		);
		assert_eq!(FakeStanding::raw(MEMBER), Standing::Good);

		RoleHolders::revoke(MEMBER);
		assert_ok!(Moderation::close(signed(MOD1), MEMBER, ReasonCode::Fraud));
		RoleHolders::grant(MEMBER);
		assert_ok!(Moderation::lift(signed(MOD2), MEMBER, ReasonCode::Other));
		assert_eq!(FakeStanding::raw(MEMBER), Standing::Good);
		assert_eq!(FakeStanding::changes().last(), Some(&Change::Lifted(MEMBER)));
	});
}

#[test]
fn the_consortium_removes_the_role_then_a_moderator_acts() {
	ExtBuilder::default().build_and_execute(|| {
		RoleHolders::grant(MEMBER);
		assert_noop!(
			Moderation::close(signed(MOD1), MEMBER, ReasonCode::Fraud),
			Error::<Test>::SubjectHoldsRole
		);
		RoleHolders::revoke(MEMBER);
		assert_ok!(Moderation::close(signed(MOD1), MEMBER, ReasonCode::Fraud));
		assert_eq!(FakeStanding::raw(MEMBER), Standing::Closed);
		// A moderator removed by the admin can be sanctioned too.
		ModeratorSet::dismiss(MOD2);
		assert_ok!(Moderation::warn(signed(MOD1), MOD2, ReasonCode::Other));
	});
}

#[test]
fn content_of_a_role_holder_is_still_moderated() {
	ExtBuilder::default().build_and_execute(|| {
		RoleHolders::grant(MEMBER);
		for n in 1..=4 {
			publish(MEMBER, h(n));
		}
		assert_ok!(Moderation::flag(signed(MOD1), h(1), ReasonCode::Rumour));
		assert_ok!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Rumour, h(0)));
		assert_ok!(Moderation::hide_batch(
			signed(MOD1),
			batch(&[h(2), h(3)]),
			ReasonCode::Rumour,
			h(0)
		));
		let report = file_report(ALICE, ReportTarget::Content(h(4)));
		assert_ok!(Moderation::resolve(
			signed(MOD2),
			report,
			upheld(ActionTaken::ContentHidden),
			h(0)
		));
		for n in 1..=4 {
			assert!(matches!(status(h(n)), ContentStatus::Hidden { .. }));
		}
		// A content measure only: the account's standing is untouched.
		assert!(FakeStanding::changes().is_empty());
		assert_ok!(Moderation::restore(signed(MOD2), h(1), h(0)));
	});
}

// ---- measures by motion --------------------------------------------------------------------

const REGULATOR: AccountId = 7;

#[test]
fn the_consortium_takes_a_measure_on_a_role_holder_by_motion() {
	ExtBuilder::default().build_and_execute(|| {
		// MOD2 is a moderator: no single moderator may close him, the consortium may.
		assert_noop!(
			Moderation::close(signed(MOD1), MOD2, ReasonCode::Fraud),
			Error::<Test>::SubjectHoldsRole
		);
		assert_ok!(Moderation::close(consortium(), MOD2, ReasonCode::Fraud));
		let case = Cases::<Test>::get(last_case_id()).unwrap();
		assert_eq!(case.actor, Actor::Body(Body::Consortium));
		assert_eq!(case.subject, CaseSubject::Account(MOD2));
		assert_eq!(FakeStanding::raw(MOD2), Standing::Closed);
		System::assert_last_event(
			Event::AccountClosed {
				who: MOD2,
				actor: Actor::Body(Body::Consortium),
				reason: ReasonCode::Fraud,
				case_id: last_case_id(),
			}
			.into(),
		);
		// An ordinary account too, with every measure.
		assert_ok!(Moderation::warn(consortium(), ALICE, ReasonCode::Other));
		assert_ok!(Moderation::restrict(
			consortium(),
			ALICE,
			RestrictionScope::Publishing,
			9,
			ReasonCode::Other
		));
		assert_ok!(Moderation::suspend(consortium(), ALICE, 9, ReasonCode::Other));
		assert_ok!(Moderation::lift(consortium(), ALICE, ReasonCode::Other));
		assert_eq!(FakeStanding::raw(ALICE), Standing::Good);
	});
}

#[test]
fn a_body_acts_only_on_the_accounts_it_oversees() {
	ExtBuilder::default().build_and_execute(|| {
		RegulatorSet::appoint(REGULATOR);
		FakeStanding::verify(REGULATOR);
		let e = || Error::<Test>::NotOverseer;
		// The consortium does not sanction a regulator, nor the regulators anyone else.
		assert_noop!(Moderation::warn(consortium(), REGULATOR, ReasonCode::Other), e());
		assert_noop!(Moderation::close(consortium(), REGULATOR, ReasonCode::Other), e());
		assert_noop!(Moderation::warn(regulators(), ALICE, ReasonCode::Other), e());
		assert_noop!(Moderation::suspend(regulators(), MOD2, 9, ReasonCode::Other), e());
		// Nor does a single moderator sanction a regulator: a role holder.
		assert_noop!(
			Moderation::warn(signed(MOD1), REGULATOR, ReasonCode::Other),
			Error::<Test>::SubjectHoldsRole
		);
		assert_ok!(Moderation::suspend(regulators(), REGULATOR, 9, ReasonCode::Other));
		assert_eq!(
			Cases::<Test>::get(last_case_id()).unwrap().actor,
			Actor::Body(Body::Regulators)
		);
		assert_noop!(Moderation::lift(consortium(), REGULATOR, ReasonCode::Other), e());
		assert_ok!(Moderation::lift(regulators(), REGULATOR, ReasonCode::Other));
		assert_eq!(FakeStanding::raw(REGULATOR), Standing::Good);
	});
}

#[test]
fn a_body_moderates_no_content_and_resolves_no_report() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, h(1));
		let e = || Error::<Test>::NotModerator;
		assert_noop!(Moderation::flag(consortium(), h(1), ReasonCode::Rumour), e());
		assert_noop!(Moderation::hide(regulators(), h(1), ReasonCode::Rumour, h(0)), e());
		let id = file_report(BOB, ReportTarget::Content(h(1)));
		assert_noop!(Moderation::resolve(consortium(), id, ReportOutcome::Dismissed, h(0)), e());
	});
}

#[test]
fn a_moderator_does_not_lift_a_measure_taken_by_motion() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::suspend(consortium(), ALICE, 5, ReasonCode::Fraud));
		assert_noop!(
			Moderation::lift(signed(MOD1), ALICE, ReasonCode::Other),
			Error::<Test>::TakenByMotion
		);
		// Once the body's measure lapsed, a moderator's later measure is his to lift.
		run_to_block(5);
		assert_ok!(Moderation::warn(signed(MOD1), ALICE, ReasonCode::Other));
		assert_ok!(Moderation::lift(signed(MOD2), ALICE, ReasonCode::Other));
		// And the body lifts its own measure in force.
		assert_ok!(Moderation::close(consortium(), BOB, ReasonCode::Fraud));
		assert_ok!(Moderation::lift(consortium(), BOB, ReasonCode::Other));
		assert_eq!(
			Cases::<Test>::get(last_case_id()).unwrap().actor,
			Actor::Body(Body::Consortium)
		);
		assert_eq!(FakeStanding::raw(BOB), Standing::Good);
	});
}

#[test]
fn while_a_body_measure_runs_no_moderator_takes_or_lifts_a_measure() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::suspend(consortium(), ALICE, 50, ReasonCode::Fraud));
		// A harsher measure would replace the body's suspension, to be lifted next.
		let e = || Error::<Test>::TakenByMotion;
		assert_noop!(Moderation::close(signed(MOD1), ALICE, ReasonCode::Fraud), e());
		assert_noop!(Moderation::suspend(signed(MOD1), ALICE, 90, ReasonCode::Fraud), e());
		assert_noop!(Moderation::warn(signed(MOD2), ALICE, ReasonCode::Other), e());
		assert_noop!(
			Moderation::restrict(
				signed(MOD2),
				ALICE,
				RestrictionScope::Transfers,
				90,
				ReasonCode::Other
			),
			e()
		);
		// Also by resolving a report against the account.
		let report = file_report(BOB, ReportTarget::Account(ALICE));
		assert_noop!(
			Moderation::resolve(signed(MOD1), report, upheld(ActionTaken::AccountClosed), h(0)),
			e()
		);
		// Once the suspension ran out, moderators act again.
		run_to_block(50);
		assert_ok!(Moderation::warn(signed(MOD2), ALICE, ReasonCode::Other));
		// A body's warning runs until the body lifts it.
		assert_ok!(Moderation::warn(consortium(), CHARLIE, ReasonCode::Other));
		assert_noop!(
			Moderation::restrict(
				signed(MOD1),
				CHARLIE,
				RestrictionScope::Publishing,
				90,
				ReasonCode::Other
			),
			e()
		);
		assert_noop!(Moderation::lift(signed(MOD1), CHARLIE, ReasonCode::Other), e());
		assert_ok!(Moderation::lift(consortium(), CHARLIE, ReasonCode::Other));
		assert_ok!(Moderation::warn(signed(MOD1), CHARLIE, ReasonCode::Other));
	});
}

#[test]
fn the_appeal_of_a_measure_taken_by_motion_is_decided_by_that_body() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::close(consortium(), ALICE, ReasonCode::Fraud));
		let case_id = last_case_id();
		assert_ok!(Moderation::appeal(signed(ALICE), case_id, h(1)));
		let e = || Error::<Test>::AppealGoesToBody;
		assert_noop!(Moderation::decide_appeal(signed(MOD1), case_id, true, h(0)), e());
		assert_noop!(Moderation::decide_appeal(regulators(), case_id, true, h(0)), e());
		assert_ok!(Moderation::decide_appeal(consortium(), case_id, true, h(0)));
		assert_eq!(FakeStanding::raw(ALICE), Standing::Good);
		System::assert_last_event(
			Event::AppealDecided {
				case_id,
				subject: CaseSubject::Account(ALICE),
				decided_by: Actor::Body(Body::Consortium),
				upheld: true,
				measure_undone: true,
			}
			.into(),
		);
		// A moderator's case is decided by another moderator, not by a body.
		assert_ok!(Moderation::warn(signed(MOD1), BOB, ReasonCode::Other));
		let warned = last_case_id();
		assert_ok!(Moderation::appeal(signed(BOB), warned, h(1)));
		assert_noop!(
			Moderation::decide_appeal(consortium(), warned, true, h(0)),
			Error::<Test>::AppealGoesToModerator
		);
		assert_ok!(Moderation::decide_appeal(signed(MOD2), warned, false, h(0)));
	});
}

// ---- reports -------------------------------------------------------------------------------

#[test]
fn report_files_and_queues_the_deadline() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(4);
		assert_ok!(Moderation::report(
			signed(ALICE),
			ReportTarget::Content(h(1)),
			ReasonCode::Privacy,
			h(0xEE)
		));
		let report = Reports::<Test>::get(0).unwrap();
		assert_eq!(report.reporter, ALICE);
		assert_eq!(report.target, ReportTarget::Content(h(1)));
		assert_eq!(report.filed_at, 4);
		assert_eq!(report.deadline, 14);
		assert_eq!(report.state, ReportState::Open);
		assert_eq!(NextReportId::<Test>::get(), 1);
		assert_eq!(OpenReportsOf::<Test>::get(ALICE), 1);
		assert_eq!(DeadlineQueue::<Test>::get(14).into_inner(), vec![0]);
		System::assert_last_event(
			Event::ReportFiled {
				report_id: 0,
				reporter: ALICE,
				target: ReportTarget::Content(h(1)),
				category: ReasonCode::Privacy,
				deadline: 14,
			}
			.into(),
		);
	});
}

#[test]
fn report_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let target = ReportTarget::Account(BOB);
		assert_noop!(
			Moderation::report(RuntimeOrigin::root(), target.clone(), ReasonCode::Fraud, h(0)),
			BadOrigin
		);
		assert_noop!(
			Moderation::report(signed(STRANGER), target.clone(), ReasonCode::Fraud, h(0)),
			Error::<Test>::NotVerified
		);
		FakeStanding::set(
			CHARLIE,
			Standing::Restricted { scope: RestrictionScope::Reporting, until: 50 },
		);
		assert_noop!(
			Moderation::report(signed(CHARLIE), target.clone(), ReasonCode::Fraud, h(0)),
			Error::<Test>::ReportingRestricted
		);
		FakeStanding::set(CHARLIE, Standing::Suspended { until: 50 });
		assert_noop!(
			Moderation::report(signed(CHARLIE), target.clone(), ReasonCode::Fraud, h(0)),
			Error::<Test>::ReportingRestricted
		);
		file_report(ALICE, target.clone());
		file_report(ALICE, target.clone());
		assert_noop!(
			Moderation::report(signed(ALICE), target.clone(), ReasonCode::Fraud, h(0)),
			Error::<Test>::TooManyOpenReports
		);
		// The third report of the block fills the queue of its deadline block.
		file_report(BOB, target.clone());
		assert_noop!(
			Moderation::report(signed(MOD1), target.clone(), ReasonCode::Fraud, h(0)),
			Error::<Test>::TooManyReportsThisBlock
		);
		System::set_block_number(2);
		file_report(MOD1, target);
	});
}

#[test]
fn resolve_dismissed_frees_the_slot() {
	ExtBuilder::default().build_and_execute(|| {
		let id = file_report(ALICE, ReportTarget::Account(BOB));
		file_report(ALICE, ReportTarget::Account(BOB));
		System::set_block_number(3);
		assert_ok!(Moderation::resolve(signed(MOD1), id, ReportOutcome::Dismissed, h(0xCC)));
		let report = Reports::<Test>::get(id).unwrap();
		assert_eq!(
			report.state,
			ReportState::Resolved(Resolution {
				outcome: ReportOutcome::Dismissed,
				moderator: MOD1,
				at: 3,
				note_hash: h(0xCC),
				case: None,
			})
		);
		assert!(!OpenReports::<Test>::contains_key(id));
		assert_eq!(OpenReportsOf::<Test>::get(ALICE), 1);
		assert!(FakeStanding::changes().is_empty());
		System::assert_last_event(
			Event::ReportResolved {
				report_id: id,
				target: ReportTarget::Account(BOB),
				moderator: MOD1,
				outcome: ReportOutcome::Dismissed,
				case_id: None,
			}
			.into(),
		);
		file_report(ALICE, ReportTarget::Account(BOB));
	});
}

#[test]
fn resolve_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let content = file_report(ALICE, ReportTarget::Content(h(1)));
		let account = file_report(BOB, ReportTarget::Account(CHARLIE));
		assert_noop!(
			Moderation::resolve(signed(ALICE), content, ReportOutcome::Dismissed, h(0)),
			Error::<Test>::NotModerator
		);
		assert_noop!(
			Moderation::resolve(RuntimeOrigin::root(), content, ReportOutcome::Dismissed, h(0)),
			Error::<Test>::NotModerator
		);
		assert_noop!(
			Moderation::resolve(signed(MOD1), 42, ReportOutcome::Dismissed, h(0)),
			Error::<Test>::ReportNotFound
		);
		assert_noop!(
			Moderation::resolve(signed(MOD1), content, upheld(ActionTaken::AccountWarned), h(0)),
			Error::<Test>::ActionMismatch
		);
		assert_noop!(
			Moderation::resolve(signed(MOD1), account, upheld(ActionTaken::ContentHidden), h(0)),
			Error::<Test>::ActionMismatch
		);
		assert_noop!(
			Moderation::resolve(
				signed(MOD1),
				account,
				upheld(ActionTaken::AccountSuspended { until: 1 }),
				h(0)
			),
			Error::<Test>::EndNotInFuture
		);
		assert_ok!(Moderation::resolve(signed(MOD1), content, ReportOutcome::Dismissed, h(0)));
		assert_noop!(
			Moderation::resolve(signed(MOD2), content, ReportOutcome::Dismissed, h(0)),
			Error::<Test>::AlreadyResolved
		);
	});
}

#[test]
fn resolve_upheld_hides_content_and_links_the_case() {
	ExtBuilder::default().build_and_execute(|| {
		publish(BOB, h(1));
		let first = file_report(ALICE, ReportTarget::Content(h(1)));
		let second = file_report(CHARLIE, ReportTarget::Content(h(1)));
		assert_ok!(Moderation::resolve(
			signed(MOD1),
			first,
			upheld(ActionTaken::ContentHidden),
			h(0xCC)
		));
		let case_id = last_case_id();
		assert_eq!(
			status(h(1)),
			ContentStatus::Hidden { reason: ReasonCode::Fraud, case: case_id }
		);
		let case = Cases::<Test>::get(case_id).unwrap();
		assert_eq!(case.report, Some(first));
		assert_eq!(case.reason, Some(ReasonCode::Fraud));
		System::assert_has_event(
			Event::ContentHidden {
				hash: h(1),
				moderator: MOD1,
				reason: ReasonCode::Fraud,
				case_id,
			}
			.into(),
		);
		System::assert_last_event(
			Event::ReportResolved {
				report_id: first,
				target: ReportTarget::Content(h(1)),
				moderator: MOD1,
				outcome: upheld(ActionTaken::ContentHidden),
				case_id: Some(case_id),
			}
			.into(),
		);
		// The second report on the same (now hidden) content links the same case.
		assert_ok!(Moderation::resolve(
			signed(MOD2),
			second,
			upheld(ActionTaken::ContentHidden),
			h(0)
		));
		assert_eq!(NextCaseId::<Test>::get(), case_id + 1);
		let ReportState::Resolved(resolution) = Reports::<Test>::get(second).unwrap().state else {
			panic!("resolved")
		};
		assert_eq!(resolution.case, Some(case_id));
	});
}

#[test]
fn resolve_upheld_applies_account_measures() {
	ExtBuilder::default().build_and_execute(|| {
		let id = file_report(ALICE, ReportTarget::Account(CHARLIE));
		let action =
			ActionTaken::AccountRestricted { scope: RestrictionScope::Transfers, until: 9 };
		assert_ok!(Moderation::resolve(signed(MOD1), id, upheld(action), h(0)));
		assert_eq!(
			FakeStanding::changes(),
			vec![Change::Applied(
				CHARLIE,
				Measure::Restriction { scope: RestrictionScope::Transfers, until: 9 }
			)]
		);
		let case_id = last_case_id();
		assert_eq!(LatestCaseOf::<Test>::get(CHARLIE), Some(case_id));
		assert_eq!(Cases::<Test>::get(case_id).unwrap().report, Some(id));
		for action in [
			ActionTaken::AccountWarned,
			ActionTaken::AccountSuspended { until: 9 },
			ActionTaken::AccountClosed,
		] {
			System::set_block_number(System::block_number() + 1);
			let id = file_report(BOB, ReportTarget::Account(CHARLIE));
			assert_ok!(Moderation::resolve(signed(MOD1), id, upheld(action), h(0)));
		}
		assert_eq!(FakeStanding::raw(CHARLIE), Standing::Closed);
		// `None` links the target's latest case without a new measure.
		System::set_block_number(System::block_number() + 1);
		let latest = last_case_id();
		let id = file_report(ALICE, ReportTarget::Account(CHARLIE));
		assert_ok!(Moderation::resolve(signed(MOD2), id, upheld(ActionTaken::None), h(0)));
		let ReportState::Resolved(resolution) = Reports::<Test>::get(id).unwrap().state else {
			panic!("resolved")
		};
		assert_eq!(resolution.case, Some(latest));
		assert_eq!(NextCaseId::<Test>::get(), latest + 1);
		// ... and nothing when the target has no case.
		let id = file_report(ALICE, ReportTarget::Content(h(5)));
		assert_ok!(Moderation::resolve(signed(MOD2), id, upheld(ActionTaken::None), h(0)));
		System::assert_last_event(
			Event::ReportResolved {
				report_id: id,
				target: ReportTarget::Content(h(5)),
				moderator: MOD2,
				outcome: upheld(ActionTaken::None),
				case_id: None,
			}
			.into(),
		);
	});
}

#[test]
fn report_counts_follow_filing_deadlines_and_resolution() {
	ExtBuilder::default().build_and_execute(|| {
		let counts = |open, overdue| ReportCounts { open, overdue };
		assert_eq!(Moderation::report_counts(), counts(0, 0));
		let late = file_report(ALICE, ReportTarget::Account(CHARLIE));
		let handled = file_report(BOB, ReportTarget::Account(CHARLIE));
		assert_eq!(Moderation::report_counts(), counts(2, 0));
		// A refused report changes nothing.
		assert_noop!(
			Moderation::report(
				signed(STRANGER),
				ReportTarget::Account(ALICE),
				ReasonCode::Fraud,
				h(1)
			),
			Error::<Test>::NotVerified
		);
		assert_ok!(Moderation::resolve(signed(MOD1), handled, ReportOutcome::Dismissed, h(0)));
		assert_eq!(Moderation::report_counts(), counts(1, 0));
		run_to_block(11);
		assert_eq!(Moderation::report_counts(), counts(1, 1));
		assert_ok!(Moderation::resolve(signed(MOD1), late, ReportOutcome::Dismissed, h(0)));
		assert_eq!(Moderation::report_counts(), counts(0, 0));
		assert_eq!(view(ReportCountsViewFunction::<Test>::new()), counts(0, 0));
	});
}

// ---- deadlines -----------------------------------------------------------------------------

fn overdue_events() -> Vec<ReportId> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Moderation(Event::ReportOverdue { report_id, .. }) => Some(report_id),
			_ => None,
		})
		.collect()
}

#[test]
fn reports_become_overdue_once_at_their_deadline() {
	ExtBuilder::default().build_and_execute(|| {
		let late = file_report(ALICE, ReportTarget::Account(CHARLIE));
		let handled = file_report(BOB, ReportTarget::Account(CHARLIE));
		run_to_block(2);
		let later = file_report(ALICE, ReportTarget::Content(h(1)));
		assert_ok!(Moderation::resolve(signed(MOD1), handled, ReportOutcome::Dismissed, h(0)));
		run_to_block(10);
		assert!(overdue_events().is_empty());
		assert_eq!(Reports::<Test>::get(late).unwrap().state, ReportState::Open);
		run_to_block(11);
		assert_eq!(overdue_events(), vec![late]);
		assert_eq!(Reports::<Test>::get(late).unwrap().state, ReportState::Overdue);
		assert!(!DeadlineQueue::<Test>::contains_key(11));
		assert_eq!(Moderation::overdue_reports(None, 10).len(), 1);
		run_to_block(12);
		assert_eq!(overdue_events(), vec![late, later]);
		System::assert_has_event(
			Event::ReportOverdue { report_id: later, target: ReportTarget::Content(h(1)) }.into(),
		);
		run_to_block(30);
		assert_eq!(overdue_events(), vec![late, later]);
		// Overdue reports still count as open, and can be resolved.
		assert_eq!(OpenReportsOf::<Test>::get(ALICE), 2);
		assert_eq!(Moderation::open_reports(None, 10).len(), 2);
		assert_ok!(Moderation::resolve(signed(MOD1), late, ReportOutcome::Dismissed, h(0)));
		assert_eq!(
			Moderation::overdue_reports(None, 10),
			vec![(later, Moderation::report_info(later).unwrap())]
		);
		assert_ok!(Moderation::resolve(signed(MOD1), later, ReportOutcome::Dismissed, h(0)));
		assert!(Moderation::overdue_reports(None, 10).is_empty());
		assert_eq!(OpenReportsOf::<Test>::get(ALICE), 0);
	});
}

#[test]
fn on_initialize_weight_counts_due_reports() {
	ExtBuilder::default().build_and_execute(|| {
		file_report(ALICE, ReportTarget::Account(CHARLIE));
		file_report(BOB, ReportTarget::Account(CHARLIE));
		let idle = <Moderation as Hooks<BlockNumber>>::on_initialize(5);
		assert_eq!(idle, <() as WeightInfo>::on_initialize_overdue(0));
		System::set_block_number(11);
		let busy = <Moderation as Hooks<BlockNumber>>::on_initialize(11);
		// Each overdue report also updates the `OverdueReports` counter.
		assert_eq!(
			busy,
			<() as WeightInfo>::on_initialize_overdue(2)
				.saturating_add(Moderation::counted_map_update().saturating_mul(2))
		);
		assert!(busy.all_gt(idle));
	});
}

#[test]
fn open_reports_are_paged() {
	ExtBuilder::default().build_and_execute(|| {
		// Each account files a report that is resolved and one that stays open.
		for (block, who) in [(1, ALICE), (2, BOB), (3, CHARLIE)] {
			System::set_block_number(block);
			let done = file_report(who, ReportTarget::Account(MOD2));
			assert_ok!(Moderation::resolve(signed(MOD1), done, ReportOutcome::Dismissed, h(0)));
			file_report(who, ReportTarget::Account(MOD2));
		}
		let all = Moderation::open_reports(None, 100);
		assert_eq!(all.len(), 3);
		assert!(all.iter().all(|(_, report)| report.is_open()));
		let first = Moderation::open_reports(None, 2);
		assert_eq!(first[..], all[..2]);
		let rest = Moderation::open_reports(Some(first[1].0), 2);
		assert_eq!(rest[..], all[2..]);
		assert!(Moderation::open_reports(Some(all[2].0), 2).is_empty());
		assert!(Moderation::open_reports(None, 0).is_empty());
	});
}

// ---- appeals -------------------------------------------------------------------------------

#[test]
fn content_appeal_flow() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, h(1));
		assert_ok!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Rumour, h(0)));
		let case_id = last_case_id();
		System::set_block_number(2);
		assert_ok!(Moderation::appeal(signed(ALICE), case_id, h(0x5A)));
		System::assert_last_event(
			Event::AppealFiled { case_id, subject: CaseSubject::Content(h(1)), appellant: ALICE }
				.into(),
		);
		assert_eq!(
			Cases::<Test>::get(case_id).unwrap().appeal,
			Some(Appeal { appellant: ALICE, statement_hash: h(0x5A), filed_at: 2, decision: None })
		);
		assert_noop!(
			Moderation::appeal(signed(ALICE), case_id, h(0x5B)),
			Error::<Test>::AlreadyAppealed
		);
		assert_noop!(
			Moderation::decide_appeal(signed(MOD1), case_id, true, h(0)),
			Error::<Test>::SameModerator
		);
		assert_ok!(Moderation::decide_appeal(signed(MOD2), case_id, true, h(0x77)));
		assert_eq!(status(h(1)), ContentStatus::Visible);
		System::assert_last_event(
			Event::AppealDecided {
				case_id,
				subject: CaseSubject::Content(h(1)),
				decided_by: Actor::Moderator(MOD2),
				upheld: true,
				measure_undone: true,
			}
			.into(),
		);
		assert_eq!(
			Cases::<Test>::get(case_id).unwrap().appeal.unwrap().decision,
			Some(AppealDecision {
				decided_by: Actor::Moderator(MOD2),
				upheld: true,
				at: 2,
				note_hash: h(0x77)
			})
		);
		assert_noop!(
			Moderation::decide_appeal(signed(MOD2), case_id, false, h(0)),
			Error::<Test>::AppealAlreadyDecided
		);
		assert_noop!(
			Moderation::appeal(signed(ALICE), case_id, h(0x5B)),
			Error::<Test>::AlreadyAppealed
		);
	});
}

#[test]
fn sanctioned_account_appeals_and_the_measure_is_undone() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::suspend(signed(MOD1), BOB, 100, ReasonCode::Fraud));
		let case_id = last_case_id();
		// Suspended (and unverified) accounts may still appeal.
		assert_eq!(FakeStanding::raw(BOB), Standing::Suspended { until: 100 });
		assert_ok!(Moderation::appeal(signed(BOB), case_id, h(1)));
		assert_ok!(Moderation::decide_appeal(signed(MOD2), case_id, true, h(0)));
		assert_eq!(FakeStanding::raw(BOB), Standing::Good);
		assert_eq!(
			FakeStanding::changes().last(),
			Some(&Change::Undone(BOB, Measure::Suspension { until: 100 }))
		);
		assert_eq!(MeasuresInForce::<Test>::get(BOB), None);
		System::assert_last_event(
			Event::AppealDecided {
				case_id,
				subject: CaseSubject::Account(BOB),
				decided_by: Actor::Moderator(MOD2),
				upheld: true,
				measure_undone: true,
			}
			.into(),
		);
	});
}

#[test]
fn closed_account_appeal_rejected_keeps_the_measure() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::close(signed(MOD1), STRANGER, ReasonCode::Illegal));
		let case_id = last_case_id();
		assert_ok!(Moderation::appeal(signed(STRANGER), case_id, h(1)));
		assert_ok!(Moderation::decide_appeal(signed(MOD2), case_id, false, h(0)));
		assert_eq!(FakeStanding::raw(STRANGER), Standing::Closed);
		System::assert_last_event(
			Event::AppealDecided {
				case_id,
				subject: CaseSubject::Account(STRANGER),
				decided_by: Actor::Moderator(MOD2),
				upheld: false,
				measure_undone: false,
			}
			.into(),
		);
	});
}

#[test]
fn upheld_appeal_on_a_superseded_case_only_records() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::warn(signed(MOD1), BOB, ReasonCode::Fraud));
		let warned = last_case_id();
		assert_ok!(Moderation::suspend(signed(MOD1), BOB, 100, ReasonCode::Fraud));
		assert_ok!(Moderation::appeal(signed(BOB), warned, h(1)));
		assert_ok!(Moderation::decide_appeal(signed(MOD2), warned, true, h(0)));
		assert_eq!(FakeStanding::raw(BOB), Standing::Suspended { until: 100 });
		System::assert_last_event(
			Event::AppealDecided {
				case_id: warned,
				subject: CaseSubject::Account(BOB),
				decided_by: Actor::Moderator(MOD2),
				upheld: true,
				measure_undone: false,
			}
			.into(),
		);
		// Content restored in the meantime stays as it is.
		publish(ALICE, h(1));
		assert_ok!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Rumour, h(0)));
		let hidden = last_case_id();
		assert_ok!(Moderation::restore(signed(MOD1), h(1), h(0)));
		assert_ok!(Moderation::appeal(signed(ALICE), hidden, h(1)));
		assert_ok!(Moderation::decide_appeal(signed(MOD2), hidden, true, h(0)));
		assert_eq!(status(h(1)), ContentStatus::Visible);
	});
}

#[test]
fn appeal_errors() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, h(1));
		assert_ok!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Rumour, h(0)));
		let hidden = last_case_id();
		assert_ok!(Moderation::hide(signed(MOD1), h(2), ReasonCode::Rumour, h(0)));
		let block_listed = last_case_id();
		assert_ok!(Moderation::warn(signed(MOD1), BOB, ReasonCode::Other));
		let warned = last_case_id();
		publish(ALICE, h(3));
		assert_ok!(Moderation::flag(signed(MOD1), h(3), ReasonCode::Other));
		let flagged = last_case_id();

		assert_noop!(Moderation::appeal(RuntimeOrigin::root(), hidden, h(0)), BadOrigin);
		assert_noop!(Moderation::appeal(signed(ALICE), 99, h(0)), Error::<Test>::CaseNotFound);
		assert_noop!(Moderation::appeal(signed(BOB), hidden, h(0)), Error::<Test>::NotCaseSubject);
		assert_noop!(
			Moderation::appeal(signed(ALICE), block_listed, h(0)),
			Error::<Test>::NotCaseSubject
		);
		assert_noop!(
			Moderation::appeal(signed(ALICE), warned, h(0)),
			Error::<Test>::NotCaseSubject
		);
		assert_noop!(
			Moderation::appeal(signed(ALICE), flagged, h(0)),
			Error::<Test>::NotAppealable
		);

		assert_noop!(
			Moderation::decide_appeal(signed(MOD2), hidden, true, h(0)),
			Error::<Test>::NoAppeal
		);
		assert_noop!(
			Moderation::decide_appeal(signed(MOD2), 99, true, h(0)),
			Error::<Test>::CaseNotFound
		);
		assert_ok!(Moderation::appeal(signed(ALICE), hidden, h(0)));
		assert_noop!(
			Moderation::decide_appeal(signed(ALICE), hidden, true, h(0)),
			Error::<Test>::NotModerator
		);
		assert_noop!(
			Moderation::decide_appeal(RuntimeOrigin::root(), hidden, true, h(0)),
			Error::<Test>::AppealGoesToModerator
		);
	});
}

fn decided(case_id: CaseId, measure_undone: bool) -> RuntimeEvent {
	Event::AppealDecided {
		case_id,
		subject: Cases::<Test>::get(case_id).expect("the case is kept").subject,
		decided_by: Actor::Moderator(MOD2),
		upheld: true,
		measure_undone,
	}
	.into()
}

#[test]
fn upheld_appeal_of_a_warning_leaves_the_closure() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::close(signed(MOD1), BOB, ReasonCode::Fraud));
		let closed = last_case_id();
		assert_ok!(Moderation::warn(signed(MOD1), BOB, ReasonCode::Rumour));
		let warned = last_case_id();
		assert_eq!(FakeStanding::raw(BOB), Standing::Closed);
		assert_ok!(Moderation::appeal(signed(BOB), warned, h(1)));
		assert_ok!(Moderation::decide_appeal(signed(MOD2), warned, true, h(0)));
		assert_eq!(FakeStanding::raw(BOB), Standing::Closed);
		System::assert_last_event(decided(warned, false));
		assert_eq!(
			MeasuresInForce::<Test>::get(BOB),
			Some(MeasureCases {
				warning: Some(warned),
				closure: Some(closed),
				..Default::default()
			})
		);
	});
}

#[test]
fn upheld_appeal_of_a_closure_undoes_it_despite_a_later_warning() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::close(signed(MOD1), BOB, ReasonCode::Fraud));
		let closed = last_case_id();
		assert_ok!(Moderation::warn(signed(MOD1), BOB, ReasonCode::Rumour));
		let warned = last_case_id();
		assert_ok!(Moderation::appeal(signed(BOB), closed, h(1)));
		assert_ok!(Moderation::decide_appeal(signed(MOD2), closed, true, h(0)));
		assert_ne!(FakeStanding::raw(BOB), Standing::Closed);
		assert_eq!(FakeStanding::changes().last(), Some(&Change::Undone(BOB, Measure::Closure)));
		System::assert_last_event(decided(closed, true));
		assert_eq!(
			MeasuresInForce::<Test>::get(BOB),
			Some(MeasureCases { warning: Some(warned), ..Default::default() })
		);
	});
}

#[test]
fn upheld_appeal_of_a_lifted_closure_leaves_a_later_closure() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::close(signed(MOD1), BOB, ReasonCode::Fraud));
		let first = last_case_id();
		assert_ok!(Moderation::lift(signed(MOD1), BOB, ReasonCode::Other));
		assert_ok!(Moderation::close(signed(MOD1), BOB, ReasonCode::Fraud));
		let second = last_case_id();
		assert_ok!(Moderation::appeal(signed(BOB), first, h(1)));
		assert_ok!(Moderation::decide_appeal(signed(MOD2), first, true, h(0)));
		assert_eq!(FakeStanding::raw(BOB), Standing::Closed);
		System::assert_last_event(decided(first, false));
		assert_eq!(
			MeasuresInForce::<Test>::get(BOB),
			Some(MeasureCases { closure: Some(second), ..Default::default() })
		);
	});
}

#[test]
fn upheld_appeal_of_one_restriction_leaves_the_other() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::restrict(
			signed(MOD1),
			ALICE,
			RestrictionScope::Publishing,
			20,
			ReasonCode::Rumour
		));
		let publishing = last_case_id();
		assert_ok!(Moderation::restrict(
			signed(MOD1),
			ALICE,
			RestrictionScope::Transfers,
			30,
			ReasonCode::Fraud
		));
		let transfers = last_case_id();
		assert_noop!(
			Moderation::publish(signed(ALICE), h(1), ContentKind::Text, uri(b"")),
			Error::<Test>::PublishingRestricted
		);
		assert_ok!(Moderation::appeal(signed(ALICE), publishing, h(1)));
		assert_ok!(Moderation::decide_appeal(signed(MOD2), publishing, true, h(0)));
		System::assert_last_event(decided(publishing, true));
		publish(ALICE, h(1));
		let standing = FakeStanding::raw(ALICE);
		assert!(!standing.forbids_at(RestrictionScope::Publishing, 1));
		assert!(standing.forbids_at(RestrictionScope::Transfers, 1));
		assert_eq!(standing.restrictions().end(RestrictionScope::Transfers), Some(30));
		assert_eq!(
			MeasuresInForce::<Test>::get(ALICE),
			Some(MeasureCases { transfers: Some(transfers), ..Default::default() })
		);
	});
}

#[test]
fn upheld_appeal_of_a_replaced_restriction_leaves_the_longer_one() {
	ExtBuilder::default().build_and_execute(|| {
		let restrict = |until| {
			assert_ok!(Moderation::restrict(
				signed(MOD1),
				ALICE,
				RestrictionScope::Publishing,
				until,
				ReasonCode::Rumour
			));
			last_case_id()
		};
		let short = restrict(20);
		let long = restrict(40);
		assert_ok!(Moderation::appeal(signed(ALICE), short, h(1)));
		assert_ok!(Moderation::decide_appeal(signed(MOD2), short, true, h(0)));
		System::assert_last_event(decided(short, false));
		assert_eq!(
			FakeStanding::raw(ALICE).restrictions().end(RestrictionScope::Publishing),
			Some(40)
		);
		assert_ok!(Moderation::appeal(signed(ALICE), long, h(1)));
		assert_ok!(Moderation::decide_appeal(signed(MOD2), long, true, h(0)));
		System::assert_last_event(decided(long, true));
		assert_eq!(FakeStanding::effective(ALICE), Standing::Good);
		assert!(!MeasuresInForce::<Test>::contains_key(ALICE));
	});
}

#[test]
fn upheld_appeal_of_a_lapsed_suspension_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::suspend(signed(MOD1), BOB, 5, ReasonCode::Fraud));
		let suspended = last_case_id();
		assert_ok!(Moderation::appeal(signed(BOB), suspended, h(1)));
		System::set_block_number(5);
		assert_ok!(Moderation::decide_appeal(signed(MOD2), suspended, true, h(0)));
		System::assert_last_event(decided(suspended, false));
		assert_eq!(
			MeasuresInForce::<Test>::get(BOB),
			Some(MeasureCases { suspension: Some(suspended), ..Default::default() })
		);
	});
}

#[test]
fn a_resolved_report_records_its_measure_and_its_appeal_undoes_it() {
	ExtBuilder::default().build_and_execute(|| {
		let id = file_report(ALICE, ReportTarget::Account(CHARLIE));
		let action =
			ActionTaken::AccountRestricted { scope: RestrictionScope::Reporting, until: 9 };
		assert_ok!(Moderation::resolve(signed(MOD1), id, upheld(action), h(0)));
		let case_id = last_case_id();
		assert_eq!(
			MeasuresInForce::<Test>::get(CHARLIE),
			Some(MeasureCases { reporting: Some(case_id), ..Default::default() })
		);
		assert_ok!(Moderation::appeal(signed(CHARLIE), case_id, h(1)));
		assert_ok!(Moderation::decide_appeal(signed(MOD2), case_id, true, h(0)));
		System::assert_last_event(decided(case_id, true));
		assert_eq!(FakeStanding::effective(CHARLIE), Standing::Good);
		assert!(!MeasuresInForce::<Test>::contains_key(CHARLIE));
	});
}

// ---- retention -----------------------------------------------------------------------------

#[test]
fn purge_case_enforces_the_retention_period() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, h(1));
		assert_ok!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Rumour, h(0)));
		let hidden = last_case_id();
		assert_ok!(Moderation::restore(signed(MOD2), h(1), h(0)));
		let restored = last_case_id();
		assert_ok!(Moderation::warn(signed(MOD1), BOB, ReasonCode::Other));
		let warned = last_case_id();
		assert_ok!(Moderation::appeal(signed(BOB), warned, h(0)));
		assert_ok!(Moderation::warn(signed(MOD1), BOB, ReasonCode::Other));

		assert_noop!(Moderation::purge_case(signed(MOD1), hidden), BadOrigin);
		assert_noop!(
			Moderation::purge_case(RuntimeOrigin::root(), 99),
			Error::<Test>::CaseNotFound
		);
		// One block short of the retention period.
		System::set_block_number(1 + RetentionPeriod::get() - 1);
		assert_noop!(
			Moderation::purge_case(RuntimeOrigin::root(), hidden),
			Error::<Test>::RetentionNotElapsed
		);
		System::set_block_number(1 + RetentionPeriod::get());
		assert_noop!(
			Moderation::purge_case(RuntimeOrigin::root(), restored),
			Error::<Test>::CaseInForce
		);
		assert_noop!(
			Moderation::purge_case(RuntimeOrigin::root(), warned),
			Error::<Test>::AppealPending
		);
		assert_ok!(Moderation::purge_case(RuntimeOrigin::root(), hidden));
		assert!(Cases::<Test>::get(hidden).is_none());
		System::assert_last_event(
			Event::CasePurged { case_id: hidden, subject: CaseSubject::Content(h(1)) }.into(),
		);
		assert_ok!(Moderation::decide_appeal(signed(MOD2), warned, false, h(0)));
		assert_ok!(Moderation::purge_case(RuntimeOrigin::root(), warned));
	});
}

#[test]
fn purge_case_keeps_a_case_whose_measure_is_in_force_and_forgets_a_lapsed_one() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Moderation::close(signed(MOD1), BOB, ReasonCode::Other));
		let closed = last_case_id();
		assert_ok!(Moderation::suspend(signed(MOD1), CHARLIE, 10, ReasonCode::Other));
		let suspended = last_case_id();
		// Later warnings make neither case the latest of its subject.
		assert_ok!(Moderation::warn(signed(MOD1), BOB, ReasonCode::Other));
		assert_ok!(Moderation::warn(signed(MOD1), CHARLIE, ReasonCode::Other));
		System::set_block_number(1 + RetentionPeriod::get());
		// The closure is still in force: its case is kept.
		assert_noop!(
			Moderation::purge_case(RuntimeOrigin::root(), closed),
			Error::<Test>::CaseInForce
		);
		// The suspension lapsed long ago: its case goes, and is forgotten as a measure.
		assert_ok!(Moderation::purge_case(RuntimeOrigin::root(), suspended));
		assert_eq!(MeasuresInForce::<Test>::get(CHARLIE).and_then(|cases| cases.suspension), None);
		// Once the closure is lifted, its case goes too.
		assert_ok!(Moderation::lift(signed(MOD2), BOB, ReasonCode::Other));
		assert_ok!(Moderation::purge_case(RuntimeOrigin::root(), closed));
	});
}

// ---- queries and invariants ----------------------------------------------------------------

#[test]
fn query_helpers_return_records() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, h(1));
		let view = Moderation::content(h(1)).unwrap();
		assert_eq!(view.uri, b"ipfs://x".to_vec());
		assert_eq!(view.author, Some(ALICE));
		// The view encodes exactly like the stored record.
		assert_eq!(view.encode(), ContentOf::<Test>::get(h(1)).unwrap().encode());
		assert!(Moderation::content(h(2)).is_none());
		let id = file_report(BOB, ReportTarget::Content(h(1)));
		assert_eq!(Moderation::report_info(id).unwrap().reporter, BOB);
		assert!(Moderation::report_info(id + 1).is_none());
		assert_ok!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Rumour, h(0)));
		assert_eq!(Moderation::case(last_case_id()).unwrap().actor, Actor::Moderator(MOD1));
		assert!(Moderation::case(last_case_id() + 1).is_none());
	});
}

#[test]
fn view_functions_answer_by_id_what_the_state_holds() {
	ExtBuilder::default().build_and_execute(|| {
		let content = |hash| view(ContentViewFunction::<Test>::new(hash));
		let report = |id| view(ReportInfoViewFunction::<Test>::new(id));
		let case = |id| view(CaseViewFunction::<Test>::new(id));
		let open = |after, limit| view(OpenReportsViewFunction::<Test>::new(after, limit));
		let overdue = |after, limit| view(OverdueReportsViewFunction::<Test>::new(after, limit));
		let ids = |page: Vec<(ReportId, _)>| page.into_iter().map(|(id, _)| id).collect::<Vec<_>>();

		assert_eq!(content(h(1)), None);
		publish(ALICE, h(1));
		assert_eq!(content(h(1)).map(|c| c.uri), Some(b"ipfs://x".to_vec()));
		let first = file_report(BOB, ReportTarget::Content(h(1)));
		let second = file_report(CHARLIE, ReportTarget::Account(ALICE));
		assert_eq!(report(first).map(|r| (r.reporter, r.state)), Some((BOB, ReportState::Open)));
		assert_eq!(report(second + 1), None);
		// The paging arguments reach the pallet: one report a page, the second page after the
		// first's id, then nothing.
		let page = ids(open(None, 1));
		assert_eq!(page.len(), 1);
		let rest = ids(open(Some(page[0]), 1));
		assert_eq!(rest.len(), 1);
		assert_eq!(BTreeSet::from([page[0], rest[0]]), BTreeSet::from([first, second]));
		assert!(open(Some(rest[0]), 1).is_empty());

		assert!(overdue(None, 10).is_empty());
		run_to_block(11);
		assert_eq!(ids(overdue(None, 10)).len(), 2);
		assert_ok!(Moderation::resolve(signed(MOD1), first, ReportOutcome::Dismissed, h(0)));
		assert!(matches!(report(first).map(|r| r.state), Some(ReportState::Resolved(_))));
		assert_eq!(ids(open(None, 10)), vec![second]);
		assert_eq!(ids(overdue(None, 10)), vec![second]);

		assert_eq!(case(NextCaseId::<Test>::get()), None);
		assert_ok!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Rumour, h(0)));
		assert_eq!(case(last_case_id()).map(|c| c.actor), Some(Actor::Moderator(MOD1)));
		assert_eq!(content(h(1)).map(|c| c.uri), Some(Vec::new()), "a hidden URI reads empty");
		assert_eq!(content(h(1)), Moderation::content(h(1)));

		let latest_case_of = |who| view(LatestCaseOfViewFunction::<Test>::new(who));
		assert_eq!(latest_case_of(ALICE), None);
		assert_ok!(Moderation::warn(signed(MOD1), ALICE, ReasonCode::Rumour));
		let warned = last_case_id();
		assert_eq!(latest_case_of(ALICE), Some(warned));
		assert_ok!(Moderation::warn(signed(MOD2), ALICE, ReasonCode::Other));
		assert_eq!(latest_case_of(ALICE), Some(warned + 1));
		assert_eq!(case(warned + 1).and_then(|c| c.previous), Some(warned));
		assert_eq!(latest_case_of(BOB), None);
	});
}

#[test]
fn the_read_api_leaves_out_the_uri_of_hidden_content() {
	ExtBuilder::default().build_and_execute(|| {
		publish(ALICE, h(1));
		assert_ok!(Moderation::flag(signed(MOD1), h(1), ReasonCode::Rumour));
		assert_eq!(Moderation::content(h(1)).unwrap().uri, b"ipfs://x".to_vec());
		assert_ok!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Rumour, h(0)));
		let view = Moderation::content(h(1)).unwrap();
		assert!(view.uri.is_empty());
		assert_eq!(view.author, Some(ALICE));
		// Storage keeps it, and a restore shows it again.
		assert_eq!(ContentOf::<Test>::get(h(1)).unwrap().uri.into_inner(), b"ipfs://x".to_vec());
		assert_ok!(Moderation::restore(signed(MOD2), h(1), h(0)));
		assert_eq!(Moderation::content(h(1)).unwrap().uri, b"ipfs://x".to_vec());
	});
}

#[test]
fn try_state_checks_the_measures_in_force() {
	ExtBuilder::default().build().execute_with(|| {
		assert_ok!(Moderation::warn(signed(MOD1), ALICE, ReasonCode::Other));
		let warned = last_case_id();
		assert_ok!(Moderation::do_try_state());
		let corrupt = |who, cases: MeasureCases, message: &'static str| {
			let kept = MeasuresInForce::<Test>::get(who);
			MeasuresInForce::<Test>::insert(who, cases);
			assert_eq!(Moderation::do_try_state(), Err(message.into()));
			MeasuresInForce::<Test>::set(who, kept);
			assert_ok!(Moderation::do_try_state());
		};
		corrupt(BOB, MeasureCases::default(), "an empty MeasuresInForce entry");
		corrupt(
			BOB,
			MeasureCases { warning: Some(warned), ..Default::default() },
			"a MeasuresInForce slot names a case about another subject",
		);
		corrupt(
			ALICE,
			MeasureCases { closure: Some(warned), ..Default::default() },
			"a MeasuresInForce slot names a case of another measure",
		);
		corrupt(
			ALICE,
			MeasureCases { warning: Some(warned + 1), ..Default::default() },
			"a MeasuresInForce slot names a case id not below NextCaseId",
		);
		// A purged case is tolerated.
		assert_ok!(Moderation::restrict(
			signed(MOD1),
			ALICE,
			RestrictionScope::Transfers,
			9,
			ReasonCode::Other
		));
		Cases::<Test>::remove(warned);
		assert_ok!(Moderation::do_try_state());
	});
}

#[test]
fn try_state_detects_corruption() {
	ExtBuilder::default().build().execute_with(|| {
		file_report(ALICE, ReportTarget::Account(BOB));
		assert_ok!(Moderation::do_try_state());
		OpenReportsOf::<Test>::insert(ALICE, 2);
		assert_eq!(Moderation::do_try_state(), Err("OpenReportsOf count is wrong".into()));
		OpenReportsOf::<Test>::insert(ALICE, 1);
		assert_ok!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Rumour, h(0)));
		assert_ok!(Moderation::do_try_state());
		Cases::<Test>::remove(last_case_id());
		assert_eq!(Moderation::do_try_state(), Err("hidden content names a missing case".into()));
	});
}

#[test]
#[should_panic(expected = "RetentionPeriod must be at least")]
fn integrity_test_refuses_retention_under_six_months() {
	ExtBuilder::default().build().execute_with(|| {
		RetentionPeriod::set(&(BlocksPerDay::get() * MIN_RETENTION_DAYS as BlockNumber - 1));
		<Moderation as Hooks<BlockNumber>>::integrity_test();
	});
}

// ---- response time ---------------------------------------------------------------------------

#[test]
fn response_time_defaults_to_the_config_and_genesis_can_set_it() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(ResponseTime::<Test>::get(), ResponseDeadline::get());
	});
	ExtBuilder { response_time: Some(3), ..Default::default() }.build_and_execute(|| {
		let report = file_report(ALICE, ReportTarget::Account(CHARLIE));
		run_to_block(3);
		assert!(overdue_events().is_empty());
		run_to_block(4);
		assert_eq!(overdue_events(), vec![report]);
	});
}

#[test]
fn admin_sets_the_response_time_for_new_reports() {
	ExtBuilder::default().build_and_execute(|| {
		let early = file_report(ALICE, ReportTarget::Account(CHARLIE));
		assert_ok!(Moderation::set_response_time(RuntimeOrigin::root(), 2));
		System::assert_last_event(Event::ResponseTimeSet { blocks: 2 }.into());
		let late = file_report(BOB, ReportTarget::Account(CHARLIE));
		// The new report is due at 1 + 2; the earlier one keeps its deadline at 1 + 10.
		run_to_block(3);
		assert_eq!(overdue_events(), vec![late]);
		run_to_block(11);
		assert_eq!(overdue_events(), vec![late, early]);
	});
}

#[test]
fn set_response_time_refuses_zero_and_non_admins() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Moderation::set_response_time(RuntimeOrigin::root(), 0),
			Error::<Test>::ZeroResponseTime
		);
		assert_noop!(Moderation::set_response_time(signed(MOD1), 5), BadOrigin);
		assert_eq!(ResponseTime::<Test>::get(), ResponseDeadline::get());
	});
}

// ---- migrations ----------------------------------------------------------------------------

const DAVE: AccountId = 4;
const EVE: AccountId = 5;

fn measures_in_force() -> BTreeMap<AccountId, MeasureCases> {
	MeasuresInForce::<Test>::iter().collect()
}

/// Takes measures as the previous release did: cases and standings, but no `MeasuresInForce`,
/// with the cases already rewritten by `RecordActors` (storage version 1). Returns the entries
/// `SeedMeasuresInForce` should seed.
fn old_release_state() -> BTreeMap<AccountId, MeasureCases> {
	let warn = |who| {
		assert_ok!(Moderation::warn(signed(MOD1), who, ReasonCode::Other));
		last_case_id()
	};
	let restrict = |who, scope, until| {
		assert_ok!(Moderation::restrict(signed(MOD1), who, scope, until, ReasonCode::Other));
		last_case_id()
	};
	// A warning replaced by a suspension: only the suspension is in force.
	warn(ALICE);
	assert_ok!(Moderation::suspend(signed(MOD1), ALICE, 50, ReasonCode::Fraud));
	let alice_suspended = last_case_id();
	// Two restrictions side by side, one of them extended by a later case, and a warning under
	// them, which they leave out of force.
	restrict(BOB, RestrictionScope::Publishing, 40);
	let bob_publishing = restrict(BOB, RestrictionScope::Publishing, 60);
	let bob_transfers = restrict(BOB, RestrictionScope::Transfers, 40);
	warn(BOB);
	// Closed and lifted, then closed again by another path (no case): the old case is over.
	assert_ok!(Moderation::close(signed(MOD1), CHARLIE, ReasonCode::Fraud));
	assert_ok!(Moderation::lift(signed(MOD2), CHARLIE, ReasonCode::Other));
	FakeStanding::set(CHARLIE, Standing::Closed);
	// Warned twice: the later case is recorded.
	warn(DAVE);
	let dave_warned = warn(DAVE);
	// A suspension that lapses.
	assert_ok!(Moderation::suspend(signed(MOD1), EVE, 5, ReasonCode::Fraud));
	// Content cases are not account measures.
	assert_ok!(Moderation::hide(signed(MOD1), h(1), ReasonCode::Rumour, h(0)));
	System::set_block_number(6);

	let _ = MeasuresInForce::<Test>::clear(u32::MAX, None);
	// The cases are already in the layout `RecordActors` writes.
	StorageVersion::new(1).put::<Moderation>();
	BTreeMap::from([
		(ALICE, MeasureCases { suspension: Some(alice_suspended), ..Default::default() }),
		(
			BOB,
			MeasureCases {
				publishing: Some(bob_publishing),
				transfers: Some(bob_transfers),
				..Default::default()
			},
		),
		(DAVE, MeasureCases { warning: Some(dave_warned), ..Default::default() }),
	])
}

#[test]
fn genesis_starts_at_the_current_storage_version() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Moderation::in_code_storage_version(), StorageVersion::new(3));
		assert_eq!(Moderation::on_chain_storage_version(), StorageVersion::new(3));
	});
}

#[test]
fn the_migration_seeds_the_measures_still_in_force() {
	ExtBuilder::default().build_and_execute(|| {
		let expected = old_release_state();
		assert!(measures_in_force().is_empty());
		let cases = Cases::<Test>::iter().count() as u64;

		let weight = migrations::SeedMeasuresInForce::<Test>::on_runtime_upgrade();

		assert_eq!(measures_in_force(), expected);
		assert_eq!(Moderation::on_chain_storage_version(), StorageVersion::new(2));
		// Each case, the standing of the five sanctioned accounts, and the entries of the three
		// seeded ones; plus the storage version.
		let db = <Test as frame_system::Config>::DbWeight::get();
		assert_eq!(weight, db.reads_writes(cases + 5 + 3 + 1, 3 + 1));
	});
}

#[test]
fn a_second_run_of_the_migration_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		old_release_state();
		migrations::SeedMeasuresInForce::<Test>::on_runtime_upgrade();
		let seeded = measures_in_force();
		// An entry the migration must not touch again.
		MeasuresInForce::<Test>::remove(DAVE);

		let weight = migrations::SeedMeasuresInForce::<Test>::on_runtime_upgrade();

		let db = <Test as frame_system::Config>::DbWeight::get();
		assert_eq!(weight, db.reads(1));
		assert_eq!(MeasuresInForce::<Test>::get(DAVE), None);
		MeasuresInForce::<Test>::insert(DAVE, seeded[&DAVE]);
		assert_eq!(measures_in_force(), seeded);
	});
}

#[test]
fn the_migration_keeps_the_entries_already_recorded() {
	ExtBuilder::default().build_and_execute(|| {
		let mut expected = old_release_state();
		// ALICE's warning case, recorded as this release would have.
		let alice_warned = Cases::<Test>::iter()
			.filter(|(_, case)| {
				case.subject == CaseSubject::Account(ALICE) &&
					case.action == CaseAction::AccountWarned
			})
			.map(|(id, _)| id)
			.next()
			.expect("ALICE was warned");
		MeasuresInForce::<Test>::insert(
			ALICE,
			MeasureCases { warning: Some(alice_warned), ..Default::default() },
		);
		migrations::SeedMeasuresInForce::<Test>::on_runtime_upgrade();
		expected.get_mut(&ALICE).expect("seeded").warning = Some(alice_warned);
		assert_eq!(measures_in_force(), expected);
	});
}

#[test]
fn after_the_migration_an_appeal_undoes_exactly_a_measure_in_force() {
	ExtBuilder::default().build_and_execute(|| {
		let expected = old_release_state();
		migrations::SeedMeasuresInForce::<Test>::on_runtime_upgrade();
		// ALICE's suspension was seeded: its appeal undoes it.
		let suspended = expected[&ALICE].suspension.expect("seeded");
		assert_ok!(Moderation::appeal(signed(ALICE), suspended, h(1)));
		assert_ok!(Moderation::decide_appeal(signed(MOD2), suspended, true, h(0)));
		System::assert_last_event(decided(suspended, true));
		assert_eq!(FakeStanding::raw(ALICE), Standing::Good);
		// CHARLIE's closure was lifted before the closure in force now: its appeal leaves it.
		let closed = Cases::<Test>::iter()
			.find(|(_, case)| {
				case.subject == CaseSubject::Account(CHARLIE) &&
					case.action == CaseAction::AccountClosed
			})
			.map(|(id, _)| id)
			.expect("CHARLIE was closed");
		assert_ok!(Moderation::appeal(signed(CHARLIE), closed, h(1)));
		assert_ok!(Moderation::decide_appeal(signed(MOD2), closed, true, h(0)));
		System::assert_last_event(decided(closed, false));
		assert_eq!(FakeStanding::raw(CHARLIE), Standing::Closed);
	});
}

#[cfg(feature = "try-runtime")]
#[test]
fn the_migration_passes_its_try_runtime_checks() {
	use frame_support::traits::UncheckedOnRuntimeUpgrade;
	type Unchecked = migrations::v2::UncheckedSeedMeasuresInForce<Test>;
	ExtBuilder::default().build_and_execute(|| {
		old_release_state();
		assert_ok!(migrations::SeedMeasuresInForce::<Test>::try_on_runtime_upgrade(true));
		// A second run skips its checks with the migration.
		assert_ok!(migrations::SeedMeasuresInForce::<Test>::try_on_runtime_upgrade(true));

		let entries = (MeasuresInForce::<Test>::iter().count() as u64).encode();
		let kept = MeasuresInForce::<Test>::get(DAVE);
		MeasuresInForce::<Test>::insert(
			DAVE,
			MeasureCases { warning: Some(NextCaseId::<Test>::get()), ..Default::default() },
		);
		assert_eq!(
			Unchecked::post_upgrade(entries.clone()),
			Err("SeedMeasuresInForce: a slot names a missing case".into())
		);
		MeasuresInForce::<Test>::insert(
			DAVE,
			MeasureCases { closure: kept.and_then(|cases| cases.warning), ..Default::default() },
		);
		assert_eq!(
			Unchecked::post_upgrade(entries.clone()),
			Err("SeedMeasuresInForce: a slot names a case of another measure".into())
		);
		MeasuresInForce::<Test>::insert(EVE, kept.expect("seeded"));
		assert_eq!(
			Unchecked::post_upgrade(entries.clone()),
			Err("SeedMeasuresInForce: a slot names a case about another subject".into())
		);
		MeasuresInForce::<Test>::remove(EVE);
		MeasuresInForce::<Test>::set(DAVE, kept);
		assert_ok!(Unchecked::post_upgrade(entries));
		assert_eq!(
			Unchecked::post_upgrade((u64::MAX).encode()),
			Err("SeedMeasuresInForce: entries were lost".into())
		);
		StorageVersion::new(1).put::<Moderation>();
		assert_eq!(
			Unchecked::post_upgrade(0u64.encode()),
			Err("SeedMeasuresInForce: the storage version is not 2".into())
		);
		StorageVersion::new(2).put::<Moderation>();
	});
}

/// Writes case `case_id` as version 0 stored it: the moderator who acted, and the moderator who
/// decided its appeal, as plain accounts.
fn put_version_0_case(
	case_id: CaseId,
	subject: AccountId,
	moderator: AccountId,
	decider: AccountId,
) {
	let appeal = Some((subject, h(0xA1), 2u64, Some((decider, true, 3u64, h(0xA2)))));
	let old = (
		CaseSubject::Account(subject),
		CaseAction::<BlockNumber>::AccountWarned,
		Some(ReasonCode::Fraud),
		moderator,
		1u64,
		Some(h(0xA0)),
		Some(7u64),
		None::<CaseId>,
		appeal,
	);
	frame_support::storage::unhashed::put_raw(
		&Cases::<Test>::hashed_key_for(case_id),
		&old.encode(),
	);
}

#[test]
fn record_actors_rewrites_the_cases_of_version_0() {
	ExtBuilder::default().build_and_execute(|| {
		put_version_0_case(0, ALICE, MOD1, MOD2);
		put_version_0_case(1, BOB, MOD2, MOD1);
		NextCaseId::<Test>::put(2);
		StorageVersion::new(0).put::<Moderation>();

		let weight = migrations::RecordActors::<Test>::on_runtime_upgrade();

		assert_eq!(Moderation::on_chain_storage_version(), StorageVersion::new(1));
		let case = Cases::<Test>::get(0).expect("decodes in the new layout");
		assert_eq!(case.subject, CaseSubject::Account(ALICE));
		assert_eq!(case.action, CaseAction::AccountWarned);
		assert_eq!(case.reason, Some(ReasonCode::Fraud));
		assert_eq!(case.actor, Actor::Moderator(MOD1));
		assert_eq!(
			(case.at, case.note_hash, case.report, case.previous),
			(1, Some(h(0xA0)), Some(7), None)
		);
		assert_eq!(
			case.appeal,
			Some(Appeal {
				appellant: ALICE,
				statement_hash: h(0xA1),
				filed_at: 2,
				decision: Some(AppealDecision {
					decided_by: Actor::Moderator(MOD2),
					upheld: true,
					at: 3,
					note_hash: h(0xA2),
				}),
			})
		);
		assert_eq!(Cases::<Test>::get(1).unwrap().actor, Actor::Moderator(MOD2));
		// Two cases read and written, plus the storage version.
		let db = <Test as frame_system::Config>::DbWeight::get();
		assert_eq!(weight, db.reads_writes(2 + 1, 2 + 1));

		// A second run changes nothing; then the next step seeds what is in force.
		assert_eq!(migrations::RecordActors::<Test>::on_runtime_upgrade(), db.reads(1));
		FakeStanding::set(ALICE, Standing::Warned);
		migrations::SeedMeasuresInForce::<Test>::on_runtime_upgrade();
		assert_eq!(Moderation::on_chain_storage_version(), StorageVersion::new(2));
		assert_eq!(
			measures_in_force(),
			BTreeMap::from([(ALICE, MeasureCases { warning: Some(0), ..Default::default() })])
		);
	});
}

#[test]
fn count_unresolved_reports_initialises_the_counters_once() {
	ExtBuilder::default().build_and_execute(|| {
		file_report(ALICE, ReportTarget::Account(CHARLIE));
		file_report(BOB, ReportTarget::Account(CHARLIE));
		run_to_block(2);
		file_report(ALICE, ReportTarget::Content(h(1)));
		run_to_block(11);
		assert_eq!(Moderation::report_counts(), ReportCounts { open: 3, overdue: 2 });
		// As the previous release left it: the same entries, no counters, storage version 2.
		frame_support::storage::unhashed::kill(&OpenReports::<Test>::counter_storage_final_key());
		frame_support::storage::unhashed::kill(&OverdueReports::<Test>::counter_storage_final_key());
		StorageVersion::new(2).put::<Moderation>();
		assert_eq!(Moderation::report_counts(), ReportCounts { open: 0, overdue: 0 });
		migrations::CountUnresolvedReports::<Test>::on_runtime_upgrade();
		assert_eq!(Moderation::report_counts(), ReportCounts { open: 3, overdue: 2 });
		assert_eq!(Moderation::on_chain_storage_version(), 3);
		// At version 3 it does nothing.
		frame_support::storage::unhashed::kill(&OpenReports::<Test>::counter_storage_final_key());
		migrations::CountUnresolvedReports::<Test>::on_runtime_upgrade();
		assert_eq!(Moderation::report_counts().open, 0);
		OpenReports::<Test>::initialize_counter();
	});
}
