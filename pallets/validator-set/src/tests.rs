//! Tests of the validator set: who may change it, its bounds, and when a change reaches the
//! authorities through `pallet-session`.

use crate::{mock::*, Error, Event, SessionLength, SetChanged, Validators};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::DispatchError;

/// The validator set pallet's validators.
fn validators() -> Vec<u64> {
	Validators::<Test>::get().into_inner()
}

/// The validators `pallet-session` runs the current session with.
fn session_validators() -> Vec<u64> {
	pallet_session::Validators::<Test>::get()
}

/// The first block of session boundary `k` (counting from genesis).
fn boundary(k: u64) -> u64 {
	k * SESSION_LENGTH
}

/// The events this pallet deposited, oldest first.
fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ValidatorSet(event) => Some(event),
			_ => None,
		})
		.collect()
}

#[test]
fn genesis_sets_the_validators_the_session_and_the_authorities() {
	new_test_ext().execute_with(|| {
		assert_eq!(validators(), GENESIS_VALIDATORS.to_vec());
		assert_eq!(session_validators(), GENESIS_VALIDATORS.to_vec());
		assert_eq!(authorities(), GENESIS_VALIDATORS.to_vec());
		assert_eq!(SessionLength::<Test>::get(), SESSION_LENGTH);
		assert!(!SetChanged::<Test>::get());
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn only_the_validator_origin_changes_the_set() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(1), CANDIDATES[0]),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 3),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::none(), CANDIDATES[0]),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn adding_needs_session_keys_and_room_and_a_new_account() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), KEYLESS),
			Error::<Test>::NoSessionKeys
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::AlreadyValidator
		);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), CANDIDATES[0]));
		assert_eq!(events(), vec![Event::ValidatorAdded { who: CANDIDATES[0] }]);
		assert!(SetChanged::<Test>::get());
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), CANDIDATES[1]),
			Error::<Test>::TooManyValidators
		);
		assert_eq!(validators().len() as u32, MAX_VALIDATORS);
	});
}

#[test]
fn removing_keeps_the_minimum() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), CANDIDATES[0]),
			Error::<Test>::NotValidator
		);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
		assert_eq!(validators(), vec![1, 3]);
		assert_eq!(events(), vec![Event::ValidatorRemoved { who: 2 }]);
		assert_eq!(validators().len() as u32, MIN_VALIDATORS);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::TooFewValidators
		);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn without_a_change_no_session_ends() {
	new_test_ext().execute_with(|| {
		run_to_block(boundary(4) + 1);
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 0, "no session ended");
		assert_eq!(authorities(), GENESIS_VALIDATORS.to_vec());
	});
}

#[test]
fn an_added_validator_authors_from_the_second_boundary() {
	new_test_ext().execute_with(|| {
		let newcomer = CANDIDATES[0];
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), newcomer));
		run_to_block(boundary(1) - 1);
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 0, "nothing before a boundary");

		// First boundary: the set is planned for the next session.
		run_to_block(boundary(1));
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 1);
		assert!(!SetChanged::<Test>::get());
		assert_eq!(authorities(), GENESIS_VALIDATORS.to_vec(), "not active yet");
		assert!(events().contains(&Event::ValidatorsPlanned {
			session: 2,
			validators: vec![1, 2, 3, newcomer].try_into().unwrap(),
		}));

		// Second boundary: it is active.
		run_to_block(boundary(2));
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 2);
		assert_eq!(session_validators(), vec![1, 2, 3, newcomer]);
		assert_eq!(authorities(), vec![1, 2, 3, newcomer]);

		// Then sessions stop ending again.
		run_to_block(boundary(5));
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 2);
	});
}

#[test]
fn a_removed_validator_stops_authoring_at_the_second_boundary() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		run_to_block(boundary(1));
		assert_eq!(authorities(), GENESIS_VALIDATORS.to_vec());
		run_to_block(boundary(2));
		assert_eq!(authorities(), vec![2, 3]);
		assert_eq!(session_validators(), vec![2, 3]);
	});
}

#[test]
fn a_validators_new_keys_take_effect_without_a_change_of_validators() {
	new_test_ext().execute_with(|| {
		let new_keys = keys_of(42);
		let proof = ownership_proof(2, &new_keys);
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(2), new_keys.clone(), proof));
		run_to_block(boundary(1));
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 1, "the new keys are planned");
		assert_eq!(
			pallet_session::QueuedKeys::<Test>::get()
				.into_iter()
				.find(|(v, _)| *v == 2)
				.map(|(_, keys)| keys),
			Some(new_keys)
		);
		run_to_block(boundary(2));
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 2, "and take effect");
		run_to_block(boundary(4));
		assert_eq!(pallet_session::CurrentIndex::<Test>::get(), 2, "then nothing is pending");
	});
}

#[test]
fn a_validator_keeps_its_keys_until_it_is_removed() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::purge_keys(RuntimeOrigin::signed(3)),
			Error::<Test>::StillValidator
		);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
		assert_ok!(ValidatorSet::purge_keys(RuntimeOrigin::signed(3)));
		assert!(pallet_session::NextKeys::<Test>::get(3).is_none());
		// An account with no keys gets the session pallet's error.
		assert_noop!(
			ValidatorSet::purge_keys(RuntimeOrigin::signed(KEYLESS)),
			pallet_session::Error::<Test>::NoKeys
		);
		run_to_block(boundary(2));
		assert_eq!(authorities(), vec![1, 2]);
	});
}

#[test]
fn a_candidate_registers_keys_with_a_deposit_and_gets_it_back() {
	new_test_ext().execute_with(|| {
		let proof = ownership_proof(KEYLESS, &keys_of(77));
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(KEYLESS), keys_of(77), proof));
		let held = || {
			<Balances as InspectHold<u64>>::balance_on_hold(
				&RuntimeHoldReason::Session(pallet_session::HoldReason::Keys),
				&KEYLESS,
			)
		};
		assert_eq!(held(), KEY_DEPOSIT, "registering keys holds the deposit");
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), KEYLESS));
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), KEYLESS));
		assert_ok!(ValidatorSet::purge_keys(RuntimeOrigin::signed(KEYLESS)));
		assert_eq!(held(), 0, "the deposit is released");
	});
}
