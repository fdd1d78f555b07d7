//! Unit tests of the calls, the trait implementations and the real-name check.

use crate::{mock::*, *};
use compliance_primitives::{
	AccountStanding, Measure, RejectCode, RestrictionEnds, RestrictionScope, Standing,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	traits::OriginTrait,
};
use sp_runtime::{
	traits::{
		AsTransactionAuthorizedOrigin, DispatchTransaction, TransactionExtension, TxBaseImplication,
	},
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	BuildStorage, DispatchError,
};

// ---------------------------------------------------------------------------------------------
// Helpers.

fn transfer(dest: u64) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death { dest, value: 5 })
}

fn publish() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: b"content-hash".to_vec() })
}

fn appeal() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark_with_event { remark: b"appeal".to_vec() })
}

fn acknowledge_call() -> RuntimeCall {
	RuntimeCall::RealName(crate::Call::acknowledge { version: 2 })
}

/// The mock's stand-in for a free-text remark.
fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::set_heap_pages { pages: 64 })
}

/// The convention version `who` acknowledged last (0: none).
fn acknowledged(who: u64) -> u32 {
	Accounts::<Test>::get(who)
		.map(|record| record.acknowledged_convention)
		.unwrap_or_default()
}

/// A restriction of one function, as the standing holds it.
fn restricted(scope: RestrictionScope, until: u64) -> Standing<u64> {
	let mut ends = RestrictionEnds::default();
	ends.set(scope, Some(until));
	Standing::RestrictedFrom(ends)
}

/// A call with no scope, no destination and no exemption.
fn plain() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::upgrade_accounts { who: vec![] })
}

/// An operator call (exempt from service suspension only).
fn operator_call() -> RuntimeCall {
	RuntimeCall::RealName(crate::Call::suspend_registrar { id: 0 })
}

fn rejected(code: RejectCode) -> TransactionValidityError {
	InvalidTransaction::Custom(code.code()).into()
}

/// Pool validation of `call` signed by `who`.
fn pool(who: u64, call: &RuntimeCall) -> Result<(), TransactionValidityError> {
	CheckRealName::<Test>::new()
		.validate_only(
			RuntimeOrigin::signed(who),
			call,
			&call.get_dispatch_info(),
			0,
			TransactionSource::External,
			0,
		)
		.map(|_| ())
}

/// Block application of `call` signed by `who` (validate, prepare, a stand-in dispatch,
/// post-dispatch).
fn block(who: u64, call: &RuntimeCall) -> Result<(), TransactionValidityError> {
	CheckRealName::<Test>::new()
		.test_run(RuntimeOrigin::signed(who), call, &call.get_dispatch_info(), 0, 0, |_| {
			Ok(PostDispatchInfo::default())
		})
		.map(|result| assert!(result.is_ok(), "stand-in dispatch failed"))
}

/// Asserts that both pool validation and block application give `expected`.
#[track_caller]
fn assert_check(who: u64, call: &RuntimeCall, expected: Result<(), RejectCode>) {
	let expected = expected.map_err(rejected);
	assert_eq!(pool(who, call), expected, "pool validation");
	assert_eq!(block(who, call), expected, "block application");
}

fn run_to(n: u64) {
	System::set_block_number(n);
}

fn record(who: u64) -> AccountRecordOf<Test> {
	Accounts::<Test>::get(who).expect("record exists")
}

fn registrar_ids() -> Vec<(u32, RegistrarStatus)> {
	ComplianceState::<Test>::get().registrars.into_inner()
}

// ---------------------------------------------------------------------------------------------
// Genesis.

#[test]
fn genesis_builds_registrars_verifications_and_convention() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(
			registrar_ids(),
			vec![(0, RegistrarStatus::Active), (1, RegistrarStatus::Active)]
		);
		assert_eq!(NextRegistrarId::<Test>::get(), 2);
		let alpha = Registrars::<Test>::get(0).unwrap();
		assert_eq!((alpha.account, alpha.name.into_inner()), (ALPHA, b"alpha".to_vec()));
		assert_eq!(RegistrarOf::<Test>::get(BETA), Some(1));
		assert_eq!(ComplianceState::<Test>::get().current_convention, 1);
		assert_eq!(
			record(BOB),
			AccountRecord {
				verification: Some(Verification {
					registrar: 1,
					commitment: commitment(2),
					level: VerificationLevel::Enhanced,
					verified_at: 0,
					expires_at: GENESIS_EXPIRY,
				}),
				standing: Standing::Good,
				warnings: 0,
				acknowledged_convention: 1,
			}
		);
		assert!(RealName::verification_status(&ALICE).is_valid());
		assert_eq!(RealName::verification_status(&CHARLIE), VerificationStatus::Unverified);
		assert!(Accounts::<Test>::get(CHARLIE).is_none());
	});
}

#[test]
#[should_panic(expected = "unknown registrar")]
fn genesis_refuses_unknown_registrar() {
	let _ = crate::GenesisConfig::<Test> {
		registrars: vec![(ALPHA, b"alpha".to_vec())],
		verified: vec![(ALICE, 5, commitment(1), VerificationLevel::Basic, 10, 0)],
		current_convention: 0,
	}
	.build_storage();
}

#[test]
#[should_panic(expected = "is not published")]
fn genesis_refuses_unpublished_acknowledgement() {
	let _ = crate::GenesisConfig::<Test> {
		registrars: vec![(ALPHA, b"alpha".to_vec())],
		verified: vec![(ALICE, 0, commitment(1), VerificationLevel::Basic, 10, 2)],
		current_convention: 1,
	}
	.build_storage();
}

// ---------------------------------------------------------------------------------------------
// Admin calls.

#[test]
fn add_registrar_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RealName::add_registrar(RuntimeOrigin::root(), 12, b"gamma".to_vec()));
		System::assert_last_event(Event::RegistrarAdded { id: 2, account: 12 }.into());
		assert_eq!(RegistrarOf::<Test>::get(12), Some(2));
		assert_eq!(Registrars::<Test>::get(2).unwrap().status, RegistrarStatus::Active);
		assert_eq!(registrar_ids().last(), Some(&(2, RegistrarStatus::Active)));
		assert_eq!(NextRegistrarId::<Test>::get(), 3);
	});
}

#[test]
fn add_registrar_requires_admin() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			RealName::add_registrar(RuntimeOrigin::signed(ALICE), 12, b"gamma".to_vec()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn add_registrar_checks_name_account_and_limit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			RealName::add_registrar(RuntimeOrigin::root(), 12, vec![]),
			Error::<Test>::EmptyName
		);
		assert_noop!(
			RealName::add_registrar(RuntimeOrigin::root(), 12, vec![b'x'; 17]),
			Error::<Test>::NameTooLong
		);
		assert_ok!(RealName::add_registrar(RuntimeOrigin::root(), 12, vec![b'x'; 16]));
		assert_noop!(
			RealName::add_registrar(RuntimeOrigin::root(), ALPHA, b"again".to_vec()),
			Error::<Test>::AlreadyRegistrar
		);
		assert_ok!(RealName::add_registrar(RuntimeOrigin::root(), 13, b"delta".to_vec()));
		assert_noop!(
			RealName::add_registrar(RuntimeOrigin::root(), 14, b"epsilon".to_vec()),
			Error::<Test>::TooManyRegistrars
		);
	});
}

#[test]
fn add_registrar_fails_when_ids_are_exhausted() {
	ExtBuilder::default().build_and_execute(|| {
		NextRegistrarId::<Test>::put(u32::MAX);
		assert_noop!(
			RealName::add_registrar(RuntimeOrigin::root(), 12, b"gamma".to_vec()),
			Error::<Test>::RegistrarIdsExhausted
		);
		// Keep the invariant `id < NextRegistrarId` for try_state.
		NextRegistrarId::<Test>::put(2);
	});
}

#[test]
fn registrar_ids_are_never_reused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RealName::remove_registrar(RuntimeOrigin::root(), 1));
		assert_ok!(RealName::add_registrar(RuntimeOrigin::root(), 12, b"gamma".to_vec()));
		System::assert_last_event(Event::RegistrarAdded { id: 2, account: 12 }.into());
		// BOB's verification by the removed registrar 1 stays invalid.
		assert!(matches!(
			RealName::verification_status(&BOB),
			VerificationStatus::RegistrarRemoved(_)
		));
	});
}

#[test]
fn suspend_and_reactivate_registrar_work() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RealName::suspend_registrar(RuntimeOrigin::root(), 0));
		System::assert_last_event(Event::RegistrarSuspended { id: 0 }.into());
		assert_eq!(Registrars::<Test>::get(0).unwrap().status, RegistrarStatus::Suspended);
		assert_eq!(registrar_ids()[0], (0, RegistrarStatus::Suspended));
		assert_ok!(RealName::reactivate_registrar(RuntimeOrigin::root(), 0));
		System::assert_last_event(Event::RegistrarReactivated { id: 0 }.into());
		assert_eq!(Registrars::<Test>::get(0).unwrap().status, RegistrarStatus::Active);
		assert_eq!(registrar_ids()[0], (0, RegistrarStatus::Active));
	});
}

#[test]
fn suspend_registrar_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			RealName::suspend_registrar(RuntimeOrigin::signed(ALPHA), 0),
			DispatchError::BadOrigin
		);
		assert_noop!(
			RealName::suspend_registrar(RuntimeOrigin::root(), 9),
			Error::<Test>::UnknownRegistrar
		);
		assert_ok!(RealName::suspend_registrar(RuntimeOrigin::root(), 0));
		assert_noop!(
			RealName::suspend_registrar(RuntimeOrigin::root(), 0),
			Error::<Test>::AlreadySuspended
		);
	});
}

#[test]
fn reactivate_registrar_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RealName::suspend_registrar(RuntimeOrigin::root(), 0));
		assert_noop!(
			RealName::reactivate_registrar(RuntimeOrigin::signed(ALPHA), 0),
			DispatchError::BadOrigin
		);
		assert_noop!(
			RealName::reactivate_registrar(RuntimeOrigin::root(), 9),
			Error::<Test>::UnknownRegistrar
		);
		assert_noop!(
			RealName::reactivate_registrar(RuntimeOrigin::root(), 1),
			Error::<Test>::NotSuspended
		);
	});
}

#[test]
fn remove_registrar_works_and_invalidates_its_verifications() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RealName::remove_registrar(RuntimeOrigin::root(), 0));
		System::assert_last_event(Event::RegistrarRemoved { id: 0, account: ALPHA }.into());
		assert!(Registrars::<Test>::get(0).is_none());
		assert!(RegistrarOf::<Test>::get(ALPHA).is_none());
		assert_eq!(registrar_ids(), vec![(1, RegistrarStatus::Active)]);
		// No sweep: the record is untouched, but the verification no longer counts.
		assert_eq!(record(ALICE).verification.unwrap().registrar, 0);
		assert!(!<RealName as AccountStanding<_, _>>::is_verified(&ALICE));
		assert!(<RealName as AccountStanding<_, _>>::is_verified(&BOB));
		// The removed registrar can no longer act.
		assert_noop!(
			RealName::verify(
				RuntimeOrigin::signed(ALPHA),
				CHARLIE,
				commitment(3),
				VerificationLevel::Basic,
				100
			),
			Error::<Test>::NotRegistrar
		);
	});
}

#[test]
fn remove_registrar_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			RealName::remove_registrar(RuntimeOrigin::signed(ALPHA), 0),
			DispatchError::BadOrigin
		);
		assert_noop!(
			RealName::remove_registrar(RuntimeOrigin::root(), 9),
			Error::<Test>::UnknownRegistrar
		);
	});
}

#[test]
fn force_revoke_works() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RealName::force_revoke(RuntimeOrigin::root(), BOB, RevocationReason::Order));
		System::assert_last_event(
			Event::VerificationForceRevoked {
				who: BOB,
				registrar: 1,
				reason: RevocationReason::Order,
			}
			.into(),
		);
		assert_eq!(record(BOB).verification, None);
		assert_eq!(record(BOB).acknowledged_convention, 1);
	});
}

#[test]
fn force_revoke_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			RealName::force_revoke(RuntimeOrigin::signed(ALPHA), BOB, RevocationReason::Order),
			DispatchError::BadOrigin
		);
		assert_noop!(
			RealName::force_revoke(RuntimeOrigin::root(), CHARLIE, RevocationReason::Order),
			Error::<Test>::NotVerified
		);
		assert_ok!(RealName::force_revoke(RuntimeOrigin::root(), BOB, RevocationReason::Order));
		assert_noop!(
			RealName::force_revoke(RuntimeOrigin::root(), BOB, RevocationReason::Order),
			Error::<Test>::NotVerified
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Registrar calls.

fn verify(registrar: u64, who: u64, expires_at: u64) -> frame_support::dispatch::DispatchResult {
	RealName::verify(
		RuntimeOrigin::signed(registrar),
		who,
		commitment(who as u8),
		VerificationLevel::Basic,
		expires_at,
	)
}

#[test]
fn verify_works() {
	ExtBuilder::default().build_and_execute(|| {
		run_to(5);
		assert_ok!(verify(ALPHA, CHARLIE, 100));
		System::assert_last_event(
			Event::AccountVerified {
				who: CHARLIE,
				registrar: 0,
				commitment: commitment(CHARLIE as u8),
				level: VerificationLevel::Basic,
				expires_at: 100,
			}
			.into(),
		);
		assert_eq!(
			record(CHARLIE).verification,
			Some(Verification {
				registrar: 0,
				commitment: commitment(CHARLIE as u8),
				level: VerificationLevel::Basic,
				verified_at: 5,
				expires_at: 100,
			})
		);
		assert!(RealName::verification_status(&CHARLIE).is_valid());
	});
}

#[test]
fn verify_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			RealName::verify(
				RuntimeOrigin::none(),
				CHARLIE,
				commitment(3),
				VerificationLevel::Basic,
				100
			),
			DispatchError::BadOrigin
		);
		assert_noop!(verify(ALICE, CHARLIE, 100), Error::<Test>::NotRegistrar);
		assert_noop!(verify(ALPHA, ALPHA, 100), Error::<Test>::CannotVerifySelf);
		assert_noop!(verify(ALPHA, CHARLIE, 1), Error::<Test>::ExpiryInPast);
		assert_noop!(verify(ALPHA, CHARLIE, 0), Error::<Test>::ExpiryInPast);
		// Valid verification by another registrar: renew, don't verify.
		assert_noop!(verify(ALPHA, BOB, 100), Error::<Test>::AlreadyVerified);
		assert_noop!(verify(BETA, BOB, 100), Error::<Test>::AlreadyVerified);
		assert_ok!(RealName::suspend_registrar(RuntimeOrigin::root(), 0));
		assert_noop!(verify(ALPHA, CHARLIE, 100), Error::<Test>::RegistrarSuspended);
	});
}

#[test]
fn verify_replaces_expired_or_orphaned_verification_and_keeps_the_record() {
	ExtBuilder::default().build_and_execute(|| {
		<RealName as AccountStanding<_, _>>::apply(&DAVE, Measure::Warning).unwrap();
		run_to(DAVE_EXPIRY);
		assert!(matches!(RealName::verification_status(&DAVE), VerificationStatus::Expired(_)));
		assert_ok!(verify(BETA, DAVE, 500));
		let dave = record(DAVE);
		assert_eq!(dave.verification.unwrap().registrar, 1);
		assert_eq!(
			(dave.standing, dave.warnings, dave.acknowledged_convention),
			(Standing::Warned, 1, 1)
		);

		assert_ok!(RealName::remove_registrar(RuntimeOrigin::root(), 0));
		assert_ok!(verify(BETA, ALICE, 500));
		assert!(RealName::verification_status(&ALICE).is_valid());
	});
}

#[test]
fn renew_works_also_after_expiry() {
	ExtBuilder::default().build_and_execute(|| {
		run_to(3);
		assert_ok!(RealName::renew(RuntimeOrigin::signed(ALPHA), ALICE, 2_000));
		System::assert_last_event(
			Event::VerificationRenewed {
				who: ALICE,
				registrar: 0,
				commitment: commitment(1),
				level: VerificationLevel::Basic,
				expires_at: 2_000,
			}
			.into(),
		);
		let v = record(ALICE).verification.unwrap();
		assert_eq!((v.verified_at, v.expires_at, v.commitment), (3, 2_000, commitment(1)));

		run_to(DAVE_EXPIRY + 1);
		assert!(!RealName::verification_status(&DAVE).is_valid());
		assert_ok!(RealName::renew(RuntimeOrigin::signed(ALPHA), DAVE, 100));
		assert!(RealName::verification_status(&DAVE).is_valid());
	});
}

#[test]
fn renew_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let renew = |registrar, who, expires_at| {
			RealName::renew(RuntimeOrigin::signed(registrar), who, expires_at)
		};
		assert_noop!(RealName::renew(RuntimeOrigin::none(), ALICE, 100), DispatchError::BadOrigin);
		assert_noop!(renew(ALICE, BOB, 100), Error::<Test>::NotRegistrar);
		assert_noop!(renew(BETA, BETA, 100), Error::<Test>::CannotVerifySelf);
		assert_noop!(renew(ALPHA, ALICE, 1), Error::<Test>::ExpiryInPast);
		assert_noop!(renew(ALPHA, CHARLIE, 100), Error::<Test>::NotVerified);
		assert_noop!(renew(ALPHA, BOB, 100), Error::<Test>::NotIssuer);
		assert_ok!(RealName::suspend_registrar(RuntimeOrigin::root(), 0));
		assert_noop!(renew(ALPHA, ALICE, 100), Error::<Test>::RegistrarSuspended);
	});
}

#[test]
fn revoke_works_and_keeps_the_record() {
	ExtBuilder::default().build_and_execute(|| {
		<RealName as AccountStanding<_, _>>::apply(&ALICE, Measure::Suspension { until: 50 })
			.unwrap();
		assert_ok!(RealName::revoke(RuntimeOrigin::signed(ALPHA), ALICE, RevocationReason::Fraud));
		System::assert_last_event(
			Event::VerificationRevoked {
				who: ALICE,
				registrar: 0,
				reason: RevocationReason::Fraud,
			}
			.into(),
		);
		let alice = record(ALICE);
		assert_eq!(alice.verification, None);
		assert_eq!(alice.standing, Standing::Suspended { until: 50 });
		assert_eq!(alice.acknowledged_convention, 1);
		assert_eq!(RealName::verification_status(&ALICE), VerificationStatus::Unverified);
	});
}

#[test]
fn suspended_registrar_may_still_revoke() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RealName::suspend_registrar(RuntimeOrigin::root(), 0));
		assert_ok!(RealName::revoke(
			RuntimeOrigin::signed(ALPHA),
			ALICE,
			RevocationReason::HolderRequest
		));
		assert_eq!(record(ALICE).verification, None);
	});
}

#[test]
fn revoke_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let revoke = |registrar, who| {
			RealName::revoke(RuntimeOrigin::signed(registrar), who, RevocationReason::Other)
		};
		assert_noop!(
			RealName::revoke(RuntimeOrigin::none(), ALICE, RevocationReason::Other),
			DispatchError::BadOrigin
		);
		assert_noop!(revoke(ALICE, BOB), Error::<Test>::NotRegistrar);
		assert_noop!(revoke(ALPHA, CHARLIE), Error::<Test>::NotVerified);
		assert_noop!(revoke(ALPHA, BOB), Error::<Test>::NotIssuer);
		assert_ok!(revoke(ALPHA, ALICE));
		assert_noop!(revoke(ALPHA, ALICE), Error::<Test>::NotVerified);
	});
}

// ---------------------------------------------------------------------------------------------
// Disposal measures (AccountStanding).

type Standings = RealName;

fn standing_of(who: u64) -> Standing<u64> {
	<Standings as AccountStanding<_, _>>::standing(&who)
}

#[test]
fn warn_counts_and_does_not_weaken_harsher_measures() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(&ALICE, Measure::Warning));
		System::assert_last_event(
			Event::AccountWarned { who: ALICE, warnings: 1, standing: Standing::Warned }.into(),
		);
		assert_eq!(standing_of(ALICE), Standing::Warned);

		assert_ok!(<Standings as AccountStanding<_, _>>::apply(
			&ALICE,
			Measure::Suspension { until: 10 }
		));
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(&ALICE, Measure::Warning));
		System::assert_last_event(
			Event::AccountWarned {
				who: ALICE,
				warnings: 2,
				standing: Standing::Suspended { until: 10 },
			}
			.into(),
		);
		assert_eq!(standing_of(ALICE), Standing::Suspended { until: 10 });

		// After the suspension lapsed, a warning sets Warned.
		run_to(10);
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(&ALICE, Measure::Warning));
		assert_eq!(record(ALICE).standing, Standing::Warned);
		assert_eq!(record(ALICE).warnings, 3);
	});
}

#[test]
fn harsher_measures_replace_lighter_ones() {
	ExtBuilder::default().build_and_execute(|| {
		let apply = |measure| <Standings as AccountStanding<_, _>>::apply(&ALICE, measure);
		assert_ok!(apply(Measure::Restriction { scope: RestrictionScope::Publishing, until: 30 }));
		let publishing = restricted(RestrictionScope::Publishing, 30);
		System::assert_last_event(
			Event::StandingChanged { who: ALICE, standing: publishing }.into(),
		);
		assert_eq!(standing_of(ALICE), publishing);

		// A suspension ends the restriction; a closure ends the suspension.
		assert_ok!(apply(Measure::Suspension { until: 20 }));
		assert_eq!(standing_of(ALICE), Standing::Suspended { until: 20 });
		assert_ok!(apply(Measure::Closure));
		System::assert_last_event(
			Event::StandingChanged { who: ALICE, standing: Standing::Closed }.into(),
		);
		assert_eq!(standing_of(ALICE), Standing::Closed);
	});
}

#[test]
fn no_measure_silently_replaces_an_as_harsh_one() {
	ExtBuilder::default().build_and_execute(|| {
		let apply = |measure| <Standings as AccountStanding<_, _>>::apply(&ALICE, measure);
		let transfers = |until| Measure::Restriction { scope: RestrictionScope::Transfers, until };
		assert_ok!(apply(transfers(30)));
		assert_noop!(apply(transfers(30)), Error::<Test>::AsHarshMeasureInForce);
		assert_noop!(apply(transfers(29)), Error::<Test>::AsHarshMeasureInForce);
		assert_ok!(apply(transfers(31)));

		assert_ok!(apply(Measure::Suspension { until: 40 }));
		assert_noop!(apply(transfers(50)), Error::<Test>::AsHarshMeasureInForce);
		assert_noop!(
			apply(Measure::Suspension { until: 40 }),
			Error::<Test>::AsHarshMeasureInForce
		);
		assert_noop!(
			apply(Measure::Suspension { until: 39 }),
			Error::<Test>::AsHarshMeasureInForce
		);
		assert_ok!(apply(Measure::Suspension { until: 41 }));

		assert_ok!(apply(Measure::Closure));
		assert_noop!(apply(Measure::Closure), Error::<Test>::AsHarshMeasureInForce);
		assert_noop!(
			apply(Measure::Suspension { until: 90 }),
			Error::<Test>::AsHarshMeasureInForce
		);
		assert_noop!(apply(transfers(90)), Error::<Test>::AsHarshMeasureInForce);
		// A warning is recorded without lowering the standing.
		assert_ok!(apply(Measure::Warning));
		assert_eq!((standing_of(ALICE), record(ALICE).warnings), (Standing::Closed, 1));
		// A lapsed suspension is no obstacle.
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(
			&BOB,
			Measure::Suspension { until: 5 }
		));
		run_to(5);
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(
			&BOB,
			Measure::Suspension { until: 6 }
		));
	});
}

#[test]
fn restrictions_hold_several_functions_each_with_its_own_end() {
	ExtBuilder::default().build_and_execute(|| {
		let apply = |measure| <Standings as AccountStanding<_, _>>::apply(&ALICE, measure);
		assert_ok!(apply(Measure::Restriction { scope: RestrictionScope::Publishing, until: 10 }));
		assert_ok!(apply(Measure::Restriction { scope: RestrictionScope::Transfers, until: 20 }));
		let both = RestrictionEnds { publishing: Some(10), transfers: Some(20), reporting: None };
		assert_eq!(standing_of(ALICE), Standing::RestrictedFrom(both));
		assert_check(ALICE, &publish(), Err(RejectCode::AccountRestricted));
		assert_check(ALICE, &transfer(BOB), Err(RejectCode::AccountRestricted));
		assert_check(ALICE, &plain(), Ok(()));
		run_to(10);
		assert_check(ALICE, &publish(), Ok(()));
		assert_check(ALICE, &transfer(BOB), Err(RejectCode::AccountRestricted));
		run_to(20);
		assert_eq!(standing_of(ALICE), Standing::Good);
		assert_check(ALICE, &transfer(BOB), Ok(()));
	});
}

#[test]
fn undo_undoes_exactly_the_measure_in_force() {
	ExtBuilder::default().build_and_execute(|| {
		let apply = |measure| <Standings as AccountStanding<_, _>>::apply(&ALICE, measure);
		let undo = |measure| <Standings as AccountStanding<_, _>>::undo(&ALICE, measure);
		let publishing = Measure::Restriction { scope: RestrictionScope::Publishing, until: 10 };
		let transfers = Measure::Restriction { scope: RestrictionScope::Transfers, until: 20 };
		assert_ok!(apply(publishing));
		assert_ok!(apply(transfers));
		// Not the measure in force: nothing changes.
		assert_eq!(
			undo(Measure::Restriction { scope: RestrictionScope::Publishing, until: 11 }),
			Ok(false)
		);
		assert_eq!(undo(Measure::Closure), Ok(false));
		assert_eq!(undo(Measure::Warning), Ok(false));
		// The publishing restriction goes; the transfer restriction keeps running.
		assert_eq!(undo(publishing), Ok(true));
		let left = restricted(RestrictionScope::Transfers, 20);
		System::assert_last_event(
			Event::MeasureUndone { who: ALICE, measure: publishing, standing: left }.into(),
		);
		assert_eq!(standing_of(ALICE), left);
		assert_eq!(undo(publishing), Ok(false));
		assert_eq!(undo(transfers), Ok(true));
		assert_eq!(standing_of(ALICE), Standing::Good);

		// Closed, then warned: undoing the warning leaves the closure; undoing the closure works.
		assert_ok!(apply(Measure::Closure));
		assert_ok!(apply(Measure::Warning));
		assert_eq!(undo(Measure::Warning), Ok(false));
		assert_eq!(standing_of(ALICE), Standing::Closed);
		assert_eq!(undo(Measure::Closure), Ok(true));
		assert_eq!(standing_of(ALICE), Standing::Good);

		// A suspension is undone only with its own end, and not once it lapsed.
		assert_ok!(apply(Measure::Suspension { until: 30 }));
		assert_eq!(undo(Measure::Suspension { until: 31 }), Ok(false));
		run_to(30);
		assert_eq!(undo(Measure::Suspension { until: 30 }), Ok(false));
	});
}

#[test]
fn measures_must_end_in_the_future() {
	ExtBuilder::default().build_and_execute(|| {
		run_to(7);
		assert_noop!(
			<Standings as AccountStanding<_, _>>::apply(&ALICE, Measure::Suspension { until: 7 }),
			Error::<Test>::UntilInPast
		);
		assert_noop!(
			<Standings as AccountStanding<_, _>>::apply(
				&ALICE,
				Measure::Restriction { scope: RestrictionScope::Transfers, until: 3 }
			),
			Error::<Test>::UntilInPast
		);
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(
			&ALICE,
			Measure::Suspension { until: 8 }
		));
	});
}

#[test]
fn measures_on_unknown_accounts_create_the_record() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(&CHARLIE, Measure::Closure));
		assert_eq!(
			Accounts::<Test>::get(CHARLIE),
			Some(AccountRecord { standing: Standing::Closed, ..Default::default() })
		);
		// The measure survives a later verification.
		assert_ok!(verify(ALPHA, CHARLIE, 100));
		assert_eq!(standing_of(CHARLIE), Standing::Closed);
		assert_check(CHARLIE, &plain(), Err(RejectCode::AccountClosed));
	});
}

#[test]
fn lift_works_and_needs_a_measure_in_force() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			<Standings as AccountStanding<_, _>>::lift(&ALICE),
			Error::<Test>::NoMeasureInForce
		);
		assert_noop!(
			<Standings as AccountStanding<_, _>>::lift(&CHARLIE),
			Error::<Test>::NoMeasureInForce
		);
		// A lapsed measure is not in force.
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(
			&ALICE,
			Measure::Suspension { until: 5 }
		));
		run_to(5);
		assert_noop!(
			<Standings as AccountStanding<_, _>>::lift(&ALICE),
			Error::<Test>::NoMeasureInForce
		);
		// A warning is lifted, its count stays.
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(&ALICE, Measure::Warning));
		assert_ok!(<Standings as AccountStanding<_, _>>::lift(&ALICE));
		System::assert_last_event(
			Event::StandingChanged { who: ALICE, standing: Standing::Good }.into(),
		);
		assert_eq!((record(ALICE).standing, record(ALICE).warnings), (Standing::Good, 1));
		// Closure is lifted.
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(&ALICE, Measure::Closure));
		assert_ok!(<Standings as AccountStanding<_, _>>::lift(&ALICE));
		assert_eq!(standing_of(ALICE), Standing::Good);
		assert_check(ALICE, &plain(), Ok(()));
	});
}

#[test]
fn is_verified_follows_expiry_revocation_and_registrar_removal() {
	ExtBuilder::default().build_and_execute(|| {
		let is_verified = |who| <Standings as AccountStanding<_, _>>::is_verified(&who);
		assert!(is_verified(ALICE) && is_verified(DAVE) && !is_verified(CHARLIE));
		run_to(DAVE_EXPIRY - 1);
		assert!(is_verified(DAVE));
		run_to(DAVE_EXPIRY);
		assert!(!is_verified(DAVE));
		assert_ok!(RealName::force_revoke(RuntimeOrigin::root(), ALICE, RevocationReason::Other));
		assert!(!is_verified(ALICE));
		assert_ok!(RealName::remove_registrar(RuntimeOrigin::root(), 1));
		assert!(!is_verified(BOB));
	});
}

// ---------------------------------------------------------------------------------------------
// OnComplianceChange, the mirror of the owner's facts, and acknowledgements.

#[test]
fn convention_published_only_moves_forward_and_emits_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		// The owner (the filing pallet) emits the one event of a publication.
		publish_convention(3);
		assert_eq!(ComplianceState::<Test>::get().current_convention, 3);
		publish_convention(2);
		publish_convention(3);
		assert_eq!(ComplianceState::<Test>::get().current_convention, 3);
		assert!(System::events().is_empty());
	});
}

#[test]
fn service_suspension_is_mirrored_and_emits_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		set_service_suspended(true);
		assert!(ComplianceState::<Test>::get().service_suspended);
		set_service_suspended(false);
		assert!(!ComplianceState::<Test>::get().service_suspended);
		assert!(System::events().is_empty());
	});
}

#[test]
fn try_state_proves_the_mirror_equal_to_its_owner() {
	ExtBuilder::default().build().execute_with(|| {
		<RealName as compliance_primitives::OnComplianceChange>::convention_published(5);
		assert_eq!(
			RealName::do_try_state(),
			Err("current convention mirror differs from its owner".into())
		);
		OwnedFacts::mutate(|facts| facts.0 = 5);
		<RealName as compliance_primitives::OnComplianceChange>::service_suspended(true);
		assert_eq!(
			RealName::do_try_state(),
			Err("service suspension mirror differs from its owner".into())
		);
		OwnedFacts::mutate(|facts| facts.1 = true);
		assert_ok!(RealName::do_try_state());
	});
}

#[test]
fn acknowledge_passes_the_check_under_any_measure() {
	ExtBuilder::default().build_and_execute(|| {
		publish_convention(2);
		for measure in [
			Measure::Restriction { scope: RestrictionScope::Publishing, until: 50 },
			Measure::Suspension { until: 50 },
			Measure::Closure,
		] {
			assert_ok!(<Standings as AccountStanding<_, _>>::apply(&ALICE, measure));
			assert_check(ALICE, &acknowledge_call(), Ok(()));
			assert_check(ALICE, &appeal(), Ok(()));
		}
		assert_ok!(RealName::acknowledge(RuntimeOrigin::signed(ALICE), 2));
		assert_eq!(acknowledged(ALICE), 2);
	});
}

#[test]
fn acknowledge_works() {
	ExtBuilder::default().build_and_execute(|| {
		publish_convention(2);
		assert_eq!(acknowledged(ALICE), 1);
		assert_ok!(RealName::acknowledge(RuntimeOrigin::signed(ALICE), 2));
		System::assert_last_event(Event::ConventionAcknowledged { who: ALICE, version: 2 }.into());
		assert_eq!(acknowledged(ALICE), 2);
		assert_eq!(acknowledged(CHARLIE), 0);
	});
}

#[test]
fn acknowledge_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let ack = |who, version| RealName::acknowledge(RuntimeOrigin::signed(who), version);
		publish_convention(2);
		assert_noop!(ack(ALICE, 1), Error::<Test>::NotCurrentConvention);
		assert_noop!(ack(ALICE, 3), Error::<Test>::NotCurrentConvention);
		assert_noop!(ack(CHARLIE, 2), Error::<Test>::NotVerified);
		assert_ok!(RealName::force_revoke(RuntimeOrigin::root(), BOB, RevocationReason::Other));
		assert_noop!(ack(BOB, 2), Error::<Test>::NotVerified);
	});
	ExtBuilder::default().current_convention(0).build_and_execute(|| {
		assert_noop!(
			RealName::acknowledge(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::NotCurrentConvention
		);
	});
}

// ---------------------------------------------------------------------------------------------
// The real-name check.

#[test]
fn unverified_signer_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_check(CHARLIE, &plain(), Err(RejectCode::NotVerified));
		assert_check(CHARLIE, &transfer(ALICE), Err(RejectCode::NotVerified));
		assert_eq!(pool(CHARLIE, &plain()), Err(InvalidTransaction::Custom(1).into()));
	});
}

#[test]
fn verified_signer_is_accepted_and_the_call_dispatches() {
	ExtBuilder::default().build_and_execute(|| {
		assert_check(ALICE, &plain(), Ok(()));
		assert_check(ALICE, &publish(), Ok(()));
		assert_check(ALICE, &transfer(BOB), Ok(()));
		let call = transfer(BOB);
		let info = call.get_dispatch_info();
		assert_ok!(CheckRealName::<Test>::new()
			.dispatch_transaction(RuntimeOrigin::signed(ALICE), call, &info, 0, 0)
			.unwrap());
		assert_eq!(Balances::free_balance(BOB), 1_005);
		assert_eq!(Balances::free_balance(ALICE), 995);
	});
}

#[test]
fn refused_transaction_never_dispatches() {
	ExtBuilder::default().build_and_execute(|| {
		let call = transfer(ALICE);
		let info = call.get_dispatch_info();
		assert_eq!(
			CheckRealName::<Test>::new()
				.dispatch_transaction(RuntimeOrigin::signed(CHARLIE), call, &info, 0, 0)
				.unwrap_err(),
			rejected(RejectCode::NotVerified)
		);
		assert_eq!(Balances::free_balance(CHARLIE), 1_000);
		assert_eq!(Balances::free_balance(ALICE), 1_000);
	});
}

#[test]
fn expiry_is_exclusive() {
	ExtBuilder::default().build_and_execute(|| {
		run_to(DAVE_EXPIRY - 1);
		assert_check(DAVE, &plain(), Ok(()));
		run_to(DAVE_EXPIRY);
		assert_check(DAVE, &plain(), Err(RejectCode::VerificationExpired));
		// Renewal makes it valid again.
		assert_ok!(RealName::renew(RuntimeOrigin::signed(ALPHA), DAVE, DAVE_EXPIRY + 1));
		assert_check(DAVE, &plain(), Ok(()));
	});
}

#[test]
fn revoked_signer_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RealName::revoke(RuntimeOrigin::signed(ALPHA), ALICE, RevocationReason::Fraud));
		assert_check(ALICE, &plain(), Err(RejectCode::NotVerified));
	});
}

#[test]
fn removed_registrar_invalidates_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		assert_check(ALICE, &plain(), Ok(()));
		assert_ok!(RealName::remove_registrar(RuntimeOrigin::root(), 0));
		assert_check(ALICE, &plain(), Err(RejectCode::RegistrarRemoved));
		assert_check(DAVE, &plain(), Err(RejectCode::RegistrarRemoved));
		assert_check(BOB, &plain(), Ok(()));
	});
}

#[test]
fn suspended_registrar_keeps_old_verifications_but_issues_no_new_ones() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RealName::suspend_registrar(RuntimeOrigin::root(), 0));
		assert_check(ALICE, &plain(), Ok(()));
		assert_noop!(verify(ALPHA, CHARLIE, 100), Error::<Test>::RegistrarSuspended);
		assert_check(CHARLIE, &plain(), Err(RejectCode::NotVerified));
	});
}

#[test]
fn suspension_lapses_at_its_block() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(
			&ALICE,
			Measure::Suspension { until: 10 }
		));
		run_to(9);
		assert_check(ALICE, &plain(), Err(RejectCode::AccountSuspended));
		assert_check(ALICE, &transfer(BOB), Err(RejectCode::AccountSuspended));
		run_to(10);
		assert_check(ALICE, &plain(), Ok(()));
	});
}

#[test]
fn closure_is_for_ever() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RealName::renew(RuntimeOrigin::signed(ALPHA), ALICE, u64::MAX));
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(&ALICE, Measure::Closure));
		assert_check(ALICE, &plain(), Err(RejectCode::AccountClosed));
		run_to(1_000_000_000_000);
		assert_check(ALICE, &plain(), Err(RejectCode::AccountClosed));
		run_to(u64::MAX - 1);
		assert_check(ALICE, &plain(), Err(RejectCode::AccountClosed));
	});
}

#[test]
fn value_to_a_closed_account_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(&BOB, Measure::Closure));
		assert_check(ALICE, &transfer(BOB), Err(RejectCode::DestinationClosed));
		assert_eq!(pool(ALICE, &transfer(BOB)), Err(InvalidTransaction::Custom(10).into()));
		// A suspended destination still receives: only closure ends an account.
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(
			&DAVE,
			Measure::Suspension { until: 9 }
		));
		assert_check(ALICE, &transfer(DAVE), Ok(()));
		assert_ok!(<Standings as AccountStanding<_, _>>::lift(&BOB));
		assert_check(ALICE, &transfer(BOB), Ok(()));
	});
}

#[test]
fn free_text_is_refused_for_every_signer() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [ALICE, ALPHA, CHARLIE] {
			assert_check(who, &remark(), Err(RejectCode::CallNotPermitted));
		}
		assert_eq!(pool(ALICE, &remark()), Err(InvalidTransaction::Custom(11).into()));
	});
}

/// What a member's governance call stands for in the mock.
fn governance_call() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::kill_storage { keys: vec![] })
}

#[test]
fn a_members_governance_call_passes_whatever_the_members_verification_and_the_service() {
	ExtBuilder::default().build_and_execute(|| {
		// MEMBER was never verified; the service is suspended and a new convention waits.
		set_service_suspended(true);
		publish_convention(2);
		assert_check(MEMBER, &governance_call(), Ok(()));
		// Closed as well: the role, not the verification, answers for the call.
		crate::mock::Summaries::mutate(MEMBER, |summary| summary.standing = Standing::Closed);
		assert_check(MEMBER, &governance_call(), Ok(()));
		// Only that call, and only for the member; free text stays forbidden for everyone.
		assert_check(MEMBER, &transfer(ALICE), Err(RejectCode::ServiceSuspended));
		assert_check(CHARLIE, &governance_call(), Err(RejectCode::ServiceSuspended));
		set_service_suspended(false);
		assert_check(MEMBER, &transfer(ALICE), Err(RejectCode::NotVerified));
		assert_check(CHARLIE, &governance_call(), Err(RejectCode::NotVerified));
		assert_check(MEMBER, &remark(), Err(RejectCode::CallNotPermitted));
	});
}

#[test]
fn a_restriction_written_by_an_earlier_runtime_is_still_enforced() {
	ExtBuilder::default().build_and_execute(|| {
		let legacy = Standing::Restricted { scope: RestrictionScope::Publishing, until: 10 };
		assert_ok!(RealName::try_mutate_record(
			&ALICE,
			|record| -> frame_support::dispatch::DispatchResult {
				record.as_mut().unwrap().standing = legacy;
				Ok(())
			}
		));
		assert_check(ALICE, &publish(), Err(RejectCode::AccountRestricted));
		assert_check(ALICE, &transfer(BOB), Ok(()));
		// A new restriction joins it in the set form.
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(
			&ALICE,
			Measure::Restriction { scope: RestrictionScope::Transfers, until: 20 }
		));
		let both = RestrictionEnds { publishing: Some(10), transfers: Some(20), reporting: None };
		assert_eq!(record(ALICE).standing, Standing::RestrictedFrom(both));
		assert_eq!(
			<Standings as AccountStanding<_, _>>::undo(
				&ALICE,
				Measure::Restriction { scope: RestrictionScope::Publishing, until: 10 }
			),
			Ok(true)
		);
		assert_check(ALICE, &publish(), Ok(()));
	});
}

#[test]
fn restriction_refuses_only_its_scope_until_it_lapses() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(
			&ALICE,
			Measure::Restriction { scope: RestrictionScope::Publishing, until: 10 }
		));
		assert_check(ALICE, &publish(), Err(RejectCode::AccountRestricted));
		assert_check(ALICE, &transfer(BOB), Ok(()));
		assert_check(ALICE, &plain(), Ok(()));
		run_to(10);
		assert_check(ALICE, &publish(), Ok(()));

		assert_ok!(<Standings as AccountStanding<_, _>>::apply(
			&BOB,
			Measure::Restriction { scope: RestrictionScope::Transfers, until: 20 }
		));
		assert_check(BOB, &transfer(ALICE), Err(RejectCode::AccountRestricted));
		assert_check(BOB, &publish(), Ok(()));
	});
}

#[test]
fn warned_account_may_transact() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(&ALICE, Measure::Warning));
		assert_check(ALICE, &transfer(BOB), Ok(()));
	});
}

#[test]
fn appeal_is_exempt_from_standing_but_not_from_verification() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(
			&ALICE,
			Measure::Suspension { until: 50 }
		));
		assert_check(ALICE, &appeal(), Ok(()));
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(&BOB, Measure::Closure));
		assert_check(BOB, &appeal(), Ok(()));
		assert_check(BOB, &plain(), Err(RejectCode::AccountClosed));
		// Not for an unverified or expired signer.
		assert_check(CHARLIE, &appeal(), Err(RejectCode::NotVerified));
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(&DAVE, Measure::Closure));
		run_to(DAVE_EXPIRY);
		assert_check(DAVE, &appeal(), Err(RejectCode::VerificationExpired));
	});
}

#[test]
fn service_suspension_refuses_all_but_exempt_calls() {
	ExtBuilder::default().build_and_execute(|| {
		set_service_suspended(true);
		assert_check(ALICE, &plain(), Err(RejectCode::ServiceSuspended));
		assert_check(ALICE, &appeal(), Err(RejectCode::ServiceSuspended));
		assert_check(CHARLIE, &plain(), Err(RejectCode::ServiceSuspended));
		assert_check(ALPHA, &operator_call(), Ok(()));
		// Exempt from suspension, not from verification.
		assert_check(CHARLIE, &operator_call(), Err(RejectCode::NotVerified));
		set_service_suspended(false);
		assert_check(ALICE, &plain(), Ok(()));
	});
}

#[test]
fn unacknowledged_convention_refuses_all_but_the_acknowledgement() {
	ExtBuilder::default().build_and_execute(|| {
		publish_convention(2);
		assert_check(ALICE, &plain(), Err(RejectCode::ConventionNotAcknowledged));
		assert_check(ALICE, &transfer(BOB), Err(RejectCode::ConventionNotAcknowledged));
		assert_check(ALICE, &acknowledge_call(), Ok(()));
		assert_ok!(RealName::acknowledge(RuntimeOrigin::signed(ALICE), 2));
		assert_check(ALICE, &plain(), Ok(()));
		// A destination need not have acknowledged.
		assert_check(ALICE, &transfer(BOB), Ok(()));
	});
}

#[test]
fn standing_is_checked_before_the_convention() {
	ExtBuilder::default().build_and_execute(|| {
		publish_convention(2);
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(&ALICE, Measure::Closure));
		assert_check(ALICE, &plain(), Err(RejectCode::AccountClosed));
		// Accepting new rules is never taken away by a measure.
		assert_check(ALICE, &acknowledge_call(), Ok(()));
	});
}

#[test]
fn transfer_needs_a_verified_destination() {
	ExtBuilder::default().build_and_execute(|| {
		assert_check(ALICE, &transfer(CHARLIE), Err(RejectCode::DestinationNotVerified));
		assert_ok!(RealName::force_revoke(RuntimeOrigin::root(), BOB, RevocationReason::Other));
		assert_check(ALICE, &transfer(BOB), Err(RejectCode::DestinationNotVerified));
		run_to(DAVE_EXPIRY);
		assert_check(ALICE, &transfer(DAVE), Err(RejectCode::DestinationNotVerified));
		assert_check(ALICE, &transfer(ALPHA), Ok(()));
		assert_ok!(RealName::remove_registrar(RuntimeOrigin::root(), 1));
		assert_check(ALICE, &transfer(ALPHA), Err(RejectCode::DestinationNotVerified));

		let call = transfer(CHARLIE);
		let info = call.get_dispatch_info();
		assert_eq!(
			CheckRealName::<Test>::new()
				.dispatch_transaction(RuntimeOrigin::signed(ALICE), call, &info, 0, 0)
				.unwrap_err(),
			rejected(RejectCode::DestinationNotVerified)
		);
		assert_eq!(Balances::free_balance(CHARLIE), 1_000);
	});
}

#[test]
fn unsigned_origin_passes_untouched() {
	ExtBuilder::default().build_and_execute(|| {
		set_service_suspended(true);
		let call = transfer(CHARLIE);
		let info = call.get_dispatch_info();
		let (valid, (), origin) = CheckRealName::<Test>::new()
			.validate(
				RuntimeOrigin::none(),
				&call,
				&info,
				0,
				(),
				&TxBaseImplication((0u8, &call)),
				TransactionSource::External,
			)
			.unwrap();
		assert_eq!(valid, Default::default());
		assert!(!origin.is_transaction_authorized());
		assert_eq!(origin.as_signer(), None);
	});
}

#[test]
fn extension_declares_its_weight_and_identity() {
	ExtBuilder::default().build_and_execute(|| {
		let ext = CheckRealName::<Test>::new();
		assert_eq!(ext.weight(&plain()), <() as crate::WeightInfo>::check_real_name());
		assert!(ext.weight(&plain()).ref_time() > 0);
		assert_eq!(
			<CheckRealName<Test> as TransactionExtension<RuntimeCall>>::IDENTIFIER,
			"CheckRealName"
		);
		assert_eq!(format!("{ext:?}"), "CheckRealName");
	});
}

#[test]
fn check_leaves_storage_untouched() {
	ExtBuilder::default().build_and_execute(|| {
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		assert_check(ALICE, &transfer(BOB), Ok(()));
		assert_check(CHARLIE, &plain(), Err(RejectCode::NotVerified));
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
	});
}

// ---------------------------------------------------------------------------------------------
// Queries and invariants.

#[test]
fn account_status_reports_what_the_check_would_say() {
	ExtBuilder::default().build_and_execute(|| {
		let alice = RealName::account_status(ALICE);
		assert!(alice.verified);
		assert_eq!(alice.reject, None);
		assert_eq!(alice.record, Accounts::<Test>::get(ALICE));
		let charlie = RealName::account_status(CHARLIE);
		assert_eq!(
			(charlie.verified, charlie.reject, charlie.record),
			(false, Some(RejectCode::NotVerified.code()), None)
		);
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(
			&ALICE,
			Measure::Suspension { until: 10 }
		));
		let alice = RealName::account_status(ALICE);
		assert_eq!(alice.standing, Standing::Suspended { until: 10 });
		assert_eq!(alice.reject, Some(RejectCode::AccountSuspended.code()));
		assert_eq!(RealName::standing_of(&CHARLIE), Standing::Good);
	});
}

#[test]
fn registrars_and_service_status() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(RealName::suspend_registrar(RuntimeOrigin::root(), 1));
		assert_eq!(
			RealName::registrars(),
			vec![
				RegistrarSummary {
					id: 0,
					account: ALPHA,
					name: b"alpha".to_vec(),
					status: RegistrarStatus::Active
				},
				RegistrarSummary {
					id: 1,
					account: BETA,
					name: b"beta".to_vec(),
					status: RegistrarStatus::Suspended
				},
			]
		);
		set_service_suspended(true);
		assert_eq!(
			RealName::service_status(),
			ServiceStatus { service_suspended: true, current_convention: 1, registrars: 2 }
		);
	});
}

#[test]
fn view_functions_answer_by_id_what_the_state_holds() {
	ExtBuilder::default().build_and_execute(|| {
		let alice = view(AccountStatusViewFunction::<Test>::new(ALICE));
		assert_eq!((alice.verified, alice.standing, alice.reject), (true, Standing::Good, None));
		assert_ok!(<Standings as AccountStanding<_, _>>::apply(
			&ALICE,
			Measure::Suspension { until: 10 }
		));
		let alice = view(AccountStatusViewFunction::<Test>::new(ALICE));
		assert_eq!(alice.standing, Standing::Suspended { until: 10 });
		assert_eq!(alice.reject, Some(RejectCode::AccountSuspended.code()));
		assert_eq!(alice, RealName::account_status(ALICE));

		let statuses = || -> Vec<_> {
			view(RegistrarsViewFunction::<Test>::new())
				.into_iter()
				.map(|r| r.status)
				.collect()
		};
		assert_eq!(statuses(), vec![RegistrarStatus::Active, RegistrarStatus::Active]);
		assert_ok!(RealName::suspend_registrar(RuntimeOrigin::root(), 1));
		assert_eq!(statuses(), vec![RegistrarStatus::Active, RegistrarStatus::Suspended]);

		assert!(!view(ServiceStatusViewFunction::<Test>::new()).service_suspended);
		set_service_suspended(true);
		assert!(view(ServiceStatusViewFunction::<Test>::new()).service_suspended);
	});
}

#[test]
fn try_state_detects_broken_invariants() {
	ExtBuilder::default().build().execute_with(|| {
		assert_ok!(RealName::do_try_state());

		ComplianceState::<Test>::mutate(|s| s.registrars.retain(|(id, _)| *id != 1));
		assert_eq!(RealName::do_try_state(), Err("stored registrar missing from state".into()));
	});
	ExtBuilder::default().build().execute_with(|| {
		RegistrarOf::<Test>::insert(99, 0);
		assert_eq!(RealName::do_try_state(), Err("RegistrarOf has extra entries".into()));
	});
	ExtBuilder::default().build().execute_with(|| {
		Registrars::<Test>::mutate(0, |info| {
			if let Some(info) = info {
				info.status = RegistrarStatus::Suspended;
			}
		});
		assert_eq!(RealName::do_try_state(), Err("registrar status differs".into()));
	});
	ExtBuilder::default().build().execute_with(|| {
		Accounts::<Test>::mutate(ALICE, |r| {
			if let Some(r) = r {
				r.acknowledged_convention = 2;
			}
		});
		assert_eq!(
			RealName::do_try_state(),
			Err("an account acknowledged an unpublished convention".into())
		);
	});
}

#[test]
fn try_state_catches_a_summary_that_differs_from_its_record() {
	ExtBuilder::default().build().execute_with(|| {
		crate::mock::Summaries::mutate(ALICE, |summary| summary.standing = Standing::Closed);
		assert_eq!(RealName::do_try_state(), Err("summary differs from record".into()));
	});
}

#[test]
fn every_record_change_reaches_the_summary_and_the_first_takes_one_provider() {
	// An account without balance, so that its only provider can be the pallet's.
	const NOBODY: u64 = 42;
	ExtBuilder::default().build().execute_with(|| {
		let summary = || crate::mock::Summaries::get(NOBODY);
		let record = || Accounts::<Test>::get(NOBODY).expect("record").summary();
		assert_eq!(System::providers(&NOBODY), 0);
		assert_eq!(summary(), AccountSummary::default());

		// A measure on an unknown account creates its record, and with it the provider.
		assert_ok!(<RealName as AccountStanding<_, _>>::apply(&NOBODY, Measure::Warning));
		assert_eq!(System::providers(&NOBODY), 1);
		assert_eq!(summary().standing, Standing::Warned);
		assert_eq!(summary(), record());

		assert_ok!(RealName::verify(
			RuntimeOrigin::signed(ALPHA),
			NOBODY,
			commitment(3),
			VerificationLevel::Basic,
			500
		));
		assert_eq!(
			summary().verification,
			Some(VerificationSummary { registrar: 0, expires_at: 500 })
		);
		assert_ok!(RealName::renew(RuntimeOrigin::signed(ALPHA), NOBODY, 600));
		assert_eq!(summary().verification.map(|v| v.expires_at), Some(600));
		assert_ok!(RealName::acknowledge(RuntimeOrigin::signed(NOBODY), 1));
		assert_eq!(summary().acknowledged_convention, 1);
		assert_ok!(<RealName as AccountStanding<_, _>>::apply(
			&NOBODY,
			Measure::Suspension { until: 50 }
		));
		assert_eq!(summary().standing, Standing::Suspended { until: 50 });
		assert_ok!(RealName::revoke(
			RuntimeOrigin::signed(ALPHA),
			NOBODY,
			RevocationReason::HolderRequest
		));
		assert_eq!(summary().verification, None);
		assert_eq!(summary(), record());
		assert_eq!(System::providers(&NOBODY), 1, "one provider, however many changes");

		// A refused change leaves both as they were.
		assert_noop!(
			RealName::renew(RuntimeOrigin::signed(ALPHA), NOBODY, 700),
			Error::<Test>::NotVerified
		);
		assert_eq!(summary(), record());
		assert_ok!(RealName::do_try_state());
	});
}

#[test]
fn on_initialize_charges_one_read_of_the_global_state_per_block() {
	use frame_support::traits::{Get, Hooks};
	ExtBuilder::default().build().execute_with(|| {
		let weight = <RealName as Hooks<u64>>::on_initialize(2);
		assert_eq!(
			weight,
			<<Test as frame_system::Config>::DbWeight as Get<
				frame_support::weights::RuntimeDbWeight,
			>>::get()
			.reads(1)
		);
	});
}

// ---------------------------------------------------------------------------------------------
// The verified-accounts counter and its migration.

#[test]
fn verified_accounts_counts_records_holding_a_verification() {
	ExtBuilder::default().build_and_execute(|| {
		// ALICE, BOB, DAVE, ALPHA and BETA are verified at genesis.
		assert_eq!(Pallet::<Test>::verified_accounts(), 5);
		// A measure on a never-verified account creates a record without a verification.
		<RealName as AccountStanding<_, _>>::apply(&CHARLIE, Measure::Warning).unwrap();
		assert!(Accounts::<Test>::contains_key(CHARLIE));
		assert_eq!(VerifiedAccounts::<Test>::get(), 5);
		assert_ok!(verify(ALPHA, CHARLIE, 100));
		assert_eq!(VerifiedAccounts::<Test>::get(), 6);
		// Renewing or re-verifying an account that holds one does not count it twice.
		assert_ok!(RealName::renew(RuntimeOrigin::signed(ALPHA), CHARLIE, 200));
		assert_eq!(VerifiedAccounts::<Test>::get(), 6);
		assert_ok!(RealName::revoke(
			RuntimeOrigin::signed(ALPHA),
			CHARLIE,
			RevocationReason::HolderRequest
		));
		assert_eq!(VerifiedAccounts::<Test>::get(), 5);
		assert_ok!(RealName::force_revoke(RuntimeOrigin::root(), BOB, RevocationReason::Order));
		assert_eq!(VerifiedAccounts::<Test>::get(), 4);
		// A failed call changes nothing, the counter included.
		assert_noop!(
			RealName::force_revoke(RuntimeOrigin::root(), BOB, RevocationReason::Order),
			Error::<Test>::NotVerified
		);
		// An expired verification still counts until it is revoked or renewed.
		run_to(DAVE_EXPIRY + 1);
		assert_eq!(VerifiedAccounts::<Test>::get(), 4);
	});
}

#[test]
fn count_verified_accounts_migration_counts_once_and_sets_version_1() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(verify(ALPHA, CHARLIE, 100));
		<RealName as AccountStanding<_, _>>::apply(&12, Measure::Warning).unwrap();
		// As the previous release left it: no counter, storage version 0.
		VerifiedAccounts::<Test>::kill();
		StorageVersion::new(0).put::<Pallet<Test>>();
		migrations::CountVerifiedAccounts::<Test>::on_runtime_upgrade();
		assert_eq!(VerifiedAccounts::<Test>::get(), 6);
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
		// Once at version 1 it does nothing, even if the counter were wrong.
		VerifiedAccounts::<Test>::put(99);
		migrations::CountVerifiedAccounts::<Test>::on_runtime_upgrade();
		assert_eq!(VerifiedAccounts::<Test>::get(), 99);
		VerifiedAccounts::<Test>::put(6);
	});
}
