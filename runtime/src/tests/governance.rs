//! Governance through real signed extrinsics from the development genesis (consortium: Alice,
//! Bob, Charlie; regulators: Eve): each origin's threshold, motions that pass and motions that
//! do not, the calls no origin reaches, and that no measure, revocation or new convention locks
//! the bodies out.

use super::real_name_check::{
	assert_accepted, assert_failed, assert_refused, dev_chain, remark, start_block, Signer,
};
use crate::{
	configs::{
		compliance::{AdminOrigin, FilingOperatorOrigin},
		governance::{
			BodyMotion, ConsortiumInstance, ConsortiumMotion, OneModerator, OneRegulator,
			RegulatorsInstance, RegulatorsMotion,
		},
	},
	AccountId, Balances, Consortium, Hash, Regulators, RegulatorsCollective, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, System, UNIT,
};
use codec::Encode;
use compliance_primitives::{AccountStanding, ContentHash, Measure, RejectCode};
use frame_support::{
	dispatch::GetDispatchInfo,
	traits::{EnsureOrigin, OnRuntimeUpgrade},
};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};
use sp_runtime::{traits::Hash as _, DispatchError};

/// Which body a motion is of.
#[derive(Clone, Copy)]
enum Body {
	Consortium,
	Regulators,
}

/// The `propose` / `vote` / `close` calls of `body`.
fn motion_call(
	body: Body,
	call: pallet_collective::Call<Runtime, ConsortiumInstance>,
) -> RuntimeCall {
	match body {
		Body::Consortium => RuntimeCall::Consortium(call),
		Body::Regulators => RuntimeCall::RegulatorsCollective(match call {
			pallet_collective::Call::propose { threshold, proposal, length_bound } =>
				pallet_collective::Call::propose { threshold, proposal, length_bound },
			pallet_collective::Call::vote { proposal, index, approve } =>
				pallet_collective::Call::vote { proposal, index, approve },
			pallet_collective::Call::close {
				proposal_hash,
				index,
				proposal_weight_bound,
				length_bound,
			} => pallet_collective::Call::close {
				proposal_hash,
				index,
				proposal_weight_bound,
				length_bound,
			},
			_ => unreachable!("only propose, vote and close are used"),
		}),
	}
}

/// A motion: its proposal's hash and its index in its body.
#[derive(Clone, Copy)]
struct Motion {
	hash: Hash,
	index: u32,
}

/// The motion `Proposed` most recently in `body`.
fn last_proposed(body: Body) -> Motion {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match (body, record.event) {
			(
				Body::Consortium,
				RuntimeEvent::Consortium(pallet_collective::Event::Proposed {
					proposal_hash,
					proposal_index,
					..
				}),
			) |
			(
				Body::Regulators,
				RuntimeEvent::RegulatorsCollective(pallet_collective::Event::Proposed {
					proposal_hash,
					proposal_index,
					..
				}),
			) => Some(Motion { hash: proposal_hash, index: proposal_index }),
			_ => None,
		})
		.expect("a motion was proposed")
}

/// `keys`' accounts, in the order a collective keeps its members.
fn sorted_accounts(keys: &[Sr25519Keyring]) -> Vec<AccountId> {
	let mut accounts: Vec<_> = keys.iter().map(|key| key.to_account_id()).collect();
	accounts.sort();
	accounts
}

/// `key` proposes `call` to `body` with `threshold`. A threshold of one executes at once and
/// opens no motion.
fn propose(body: Body, key: Sr25519Keyring, call: &RuntimeCall, threshold: u32) {
	assert_accepted(Signer::new(key).sign(motion_call(
		body,
		pallet_collective::Call::propose {
			threshold,
			proposal: Box::new(call.clone()),
			length_bound: call.encoded_size() as u32,
		},
	)));
}

/// `key` proposes `call` to `body` with `threshold` (two or more) and returns the open motion.
fn open_motion(body: Body, key: Sr25519Keyring, call: &RuntimeCall, threshold: u32) -> Motion {
	propose(body, key, call, threshold);
	let motion = last_proposed(body);
	assert_eq!(motion.hash, <Runtime as frame_system::Config>::Hashing::hash_of(call));
	motion
}

/// The `vote` call of `body` on `motion`.
fn vote_call(body: Body, motion: Motion, approve: bool) -> RuntimeCall {
	motion_call(
		body,
		pallet_collective::Call::vote { proposal: motion.hash, index: motion.index, approve },
	)
}

/// The `close` call of `body` on `motion`, which carries `call`.
fn close_call(body: Body, motion: Motion, call: &RuntimeCall) -> RuntimeCall {
	motion_call(
		body,
		pallet_collective::Call::close {
			proposal_hash: motion.hash,
			index: motion.index,
			proposal_weight_bound: call.get_dispatch_info().call_weight,
			length_bound: call.encoded_size() as u32,
		},
	)
}

/// `key` votes on `motion` of `body`.
fn vote(body: Body, key: Sr25519Keyring, motion: Motion, approve: bool) {
	assert_accepted(Signer::new(key).sign(vote_call(body, motion, approve)));
}

/// `key` closes `motion` of `body`, which carries `call`.
fn close(body: Body, key: Sr25519Keyring, call: &RuntimeCall, motion: Motion) {
	assert_accepted(Signer::new(key).sign(close_call(body, motion, call)));
}

/// The result of the last executed motion, from its `Executed` event.
fn last_execution() -> Option<Result<(), DispatchError>> {
	System::events().into_iter().rev().find_map(|record| match record.event {
		RuntimeEvent::Consortium(pallet_collective::Event::Executed { result, .. }) |
		RuntimeEvent::RegulatorsCollective(pallet_collective::Event::Executed {
			result, ..
		}) => Some(result),
		_ => None,
	})
}

/// Alice proposes `call` to the consortium, she and Bob vote aye (a proposal records no vote of
/// its own), and Charlie closes it. Asserts that the call executed successfully.
pub(super) fn pass_consortium_motion(call: RuntimeCall) {
	let motion = open_motion(Body::Consortium, Alice, &call, 2);
	vote(Body::Consortium, Alice, motion, true);
	vote(Body::Consortium, Bob, motion, true);
	close(Body::Consortium, Charlie, &call, motion);
	assert_eq!(last_execution(), Some(Ok(())), "the motion executed");
}

/// Eve, the development chain's only regulator, passes `call` as the regulators' motion.
fn pass_regulators_motion(call: RuntimeCall) {
	propose(Body::Regulators, Eve, &call, 1);
	assert_eq!(last_execution(), Some(Ok(())), "the regulators' motion executed");
}

fn account(key: Sr25519Keyring) -> AccountId {
	key.to_account_id()
}

fn add_registrar(key: Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::RealName(pallet_real_name::Call::add_registrar {
		account: account(key).into(),
		name: b"Another Registrar".to_vec(),
	})
}

fn is_registrar(key: Sr25519Keyring) -> bool {
	pallet_real_name::RegistrarOf::<Runtime>::contains_key(account(key))
}

/// The origin of a motion of `body` with `ayes` of `seats`.
fn members(body: Body, ayes: u32, seats: u32) -> RuntimeOrigin {
	match body {
		Body::Consortium =>
			pallet_collective::RawOrigin::<AccountId, ConsortiumInstance>::Members(ayes, seats)
				.into(),
		Body::Regulators =>
			pallet_collective::RawOrigin::<AccountId, RegulatorsInstance>::Members(ayes, seats)
				.into(),
	}
}

fn signed(key: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(key))
}

/// Whether `O` lets `origin` through.
fn passes<O: EnsureOrigin<RuntimeOrigin>>(origin: RuntimeOrigin) -> bool {
	O::try_origin(origin).is_ok()
}

/// Asserts that origin `O` is two thirds of `body` and of nothing else: one of three refused,
/// two of three passed, any single signer, the other body and `Root` refused.
fn assert_two_thirds_of<O: EnsureOrigin<RuntimeOrigin>>(body: Body, what: &str) {
	let other = match body {
		Body::Consortium => Body::Regulators,
		Body::Regulators => Body::Consortium,
	};
	assert!(!passes::<O>(members(body, 1, 3)), "{what}: 1 of 3 is refused");
	assert!(passes::<O>(members(body, 2, 3)), "{what}: 2 of 3 pass");
	assert!(passes::<O>(members(body, 3, 3)), "{what}: 3 of 3 pass");
	assert!(!passes::<O>(members(body, 3, 5)), "{what}: 3 of 5 is refused");
	assert!(!passes::<O>(members(other, 3, 3)), "{what}: the other body is refused");
	for key in [Alice, Bob, Eve, Ferdie] {
		assert!(!passes::<O>(signed(key)), "{what}: {key:?} alone is refused");
	}
	assert!(!passes::<O>(RuntimeOrigin::root()), "{what}: Root is refused");
	assert!(!passes::<O>(RuntimeOrigin::none()), "{what}: no origin is refused");
}

#[test]
fn every_origin_has_the_threshold_its_name_says() {
	dev_chain(|| {
		type RealNameAdmin = <Runtime as pallet_real_name::Config>::AdminOrigin;
		type ModerationAdmin = <Runtime as pallet_moderation::Config>::AdminOrigin;
		type Upgrade = <Runtime as pallet_filing::Config>::UpgradeOrigin;
		type NodesAdd = <Runtime as pallet_node_authorization::Config>::AddOrigin;
		type NodesRemove = <Runtime as pallet_node_authorization::Config>::RemoveOrigin;
		type NodesSwap = <Runtime as pallet_node_authorization::Config>::SwapOrigin;
		type NodesReset = <Runtime as pallet_node_authorization::Config>::ResetOrigin;
		type ConsortiumAdd = <Runtime as pallet_membership::Config<
			crate::configs::governance::ConsortiumMembershipInstance,
		>>::AddOrigin;
		type ConsortiumRemove = <Runtime as pallet_membership::Config<
			crate::configs::governance::ConsortiumMembershipInstance,
		>>::RemoveOrigin;
		type OperatorsAdd = <Runtime as pallet_membership::Config<
			crate::configs::governance::FilingOperatorsInstance,
		>>::AddOrigin;
		type RegulatorsAdd = <Runtime as pallet_membership::Config<
			crate::configs::governance::RegulatorsMembershipInstance,
		>>::AddOrigin;
		type RegulatorsRemove = <Runtime as pallet_membership::Config<
			crate::configs::governance::RegulatorsMembershipInstance,
		>>::RemoveOrigin;
		type AssessorsAdd = <Runtime as pallet_membership::Config<
			crate::configs::governance::AssessorsInstance,
		>>::AddOrigin;
		type AssessorsRemove = <Runtime as pallet_membership::Config<
			crate::configs::governance::AssessorsInstance,
		>>::RemoveOrigin;
		type ModeratorsAdd = <Runtime as pallet_membership::Config<
			crate::configs::governance::ModeratorsInstance,
		>>::AddOrigin;
		type ModeratorsRemove = <Runtime as pallet_membership::Config<
			crate::configs::governance::ModeratorsInstance,
		>>::RemoveOrigin;
		type ConsortiumKill =
			<Runtime as pallet_collective::Config<ConsortiumInstance>>::KillOrigin;
		type RegulatorsKill =
			<Runtime as pallet_collective::Config<RegulatorsInstance>>::KillOrigin;

		assert_two_thirds_of::<ConsortiumMotion>(Body::Consortium, "ConsortiumMotion");
		assert_two_thirds_of::<AdminOrigin>(Body::Consortium, "AdminOrigin");
		assert_two_thirds_of::<RealNameAdmin>(Body::Consortium, "RealName admin");
		assert_two_thirds_of::<ModerationAdmin>(Body::Consortium, "Moderation admin");
		assert_two_thirds_of::<Upgrade>(Body::Consortium, "Filing upgrade");
		assert_two_thirds_of::<NodesAdd>(Body::Consortium, "NodeAuthorization add");
		assert_two_thirds_of::<NodesRemove>(Body::Consortium, "NodeAuthorization remove");
		assert_two_thirds_of::<NodesSwap>(Body::Consortium, "NodeAuthorization swap");
		assert_two_thirds_of::<NodesReset>(Body::Consortium, "NodeAuthorization reset");
		assert_two_thirds_of::<ConsortiumAdd>(Body::Consortium, "consortium membership add");
		assert_two_thirds_of::<ConsortiumRemove>(Body::Consortium, "consortium membership remove");
		assert_two_thirds_of::<OperatorsAdd>(Body::Consortium, "filing operators add");
		assert_two_thirds_of::<ModeratorsAdd>(Body::Consortium, "moderators add");
		assert_two_thirds_of::<ModeratorsRemove>(Body::Consortium, "moderators remove");
		assert_two_thirds_of::<ConsortiumKill>(Body::Consortium, "consortium kill");
		assert_two_thirds_of::<RegulatorsMotion>(Body::Regulators, "RegulatorsMotion");
		assert_two_thirds_of::<RegulatorsAdd>(Body::Regulators, "regulators add");
		assert_two_thirds_of::<RegulatorsRemove>(Body::Regulators, "regulators remove");
		assert_two_thirds_of::<AssessorsAdd>(Body::Regulators, "assessors add");
		assert_two_thirds_of::<AssessorsRemove>(Body::Regulators, "assessors remove");
		assert_two_thirds_of::<RegulatorsKill>(Body::Regulators, "regulators kill");

		// Filing operators: a filing operator alone, or the consortium's two thirds.
		assert!(passes::<FilingOperatorOrigin>(signed(Alice)));
		assert!(passes::<FilingOperatorOrigin>(members(Body::Consortium, 2, 3)));
		assert!(!passes::<FilingOperatorOrigin>(members(Body::Consortium, 1, 3)));
		assert!(!passes::<FilingOperatorOrigin>(signed(Bob)));
		assert!(!passes::<FilingOperatorOrigin>(RuntimeOrigin::root()));
		// One regulator: Eve alone; neither body's motion, nor Root.
		assert!(passes::<OneRegulator>(signed(Eve)));
		for origin in [
			signed(Alice),
			members(Body::Consortium, 3, 3),
			members(Body::Regulators, 1, 1),
			RuntimeOrigin::root(),
		] {
			assert!(!passes::<OneRegulator>(origin));
		}
		// Assessors: an assessor alone; never the consortium.
		type Assessor = <Runtime as pallet_filing::Config>::AssessorOrigin;
		assert!(passes::<Assessor>(signed(Dave)));
		assert!(!passes::<Assessor>(members(Body::Consortium, 3, 3)));
		assert!(!passes::<Assessor>(RuntimeOrigin::root()));
		// One moderator: Bob or Charlie alone; no motion, no other signer, not Root.
		assert!(passes::<OneModerator>(signed(Bob)));
		assert!(passes::<OneModerator>(signed(Charlie)));
		for origin in [
			signed(Alice),
			signed(Eve),
			members(Body::Consortium, 3, 3),
			members(Body::Regulators, 1, 1),
			RuntimeOrigin::root(),
		] {
			assert!(!passes::<OneModerator>(origin));
		}
		// A body's motion for measures: two thirds of either body, yielding which.
		use pallet_moderation::Body as Overseer;
		let body_of = |origin| BodyMotion::try_origin(origin).ok();
		assert_eq!(body_of(members(Body::Consortium, 2, 3)), Some(Overseer::Consortium));
		assert_eq!(body_of(members(Body::Regulators, 2, 3)), Some(Overseer::Regulators));
		for origin in [
			members(Body::Consortium, 1, 3),
			members(Body::Regulators, 1, 3),
			signed(Bob),
			signed(Eve),
			RuntimeOrigin::root(),
			RuntimeOrigin::none(),
		] {
			assert_eq!(body_of(origin), None);
		}
	});
}

#[test]
fn two_of_three_members_pass_a_motion_and_one_does_not() {
	dev_chain(|| {
		let call = add_registrar(Dave);
		let motion = open_motion(Body::Consortium, Alice, &call, 2);
		assert!(!is_registrar(Dave), "a proposal alone changes nothing");
		// Closing below the threshold before the end is refused by name.
		assert_failed(
			Signer::new(Charlie).sign(close_call(Body::Consortium, motion, &call)),
			pallet_collective::Error::<Runtime, ConsortiumInstance>::TooEarly.into(),
		);
		// One aye is not two thirds; a second vote of the same member is refused by name.
		vote(Body::Consortium, Alice, motion, true);
		assert_failed(
			Signer::new(Charlie).sign(close_call(Body::Consortium, motion, &call)),
			pallet_collective::Error::<Runtime, ConsortiumInstance>::TooEarly.into(),
		);
		assert_failed(
			Signer::new(Alice).sign(vote_call(Body::Consortium, motion, true)),
			pallet_collective::Error::<Runtime, ConsortiumInstance>::DuplicateVote.into(),
		);
		vote(Body::Consortium, Bob, motion, true);
		close(Body::Consortium, Charlie, &call, motion);
		assert_eq!(last_execution(), Some(Ok(())));
		assert!(is_registrar(Dave));
	});
}

#[test]
fn absent_members_never_count_as_ayes() {
	dev_chain(|| {
		let call = add_registrar(Dave);
		let motion = open_motion(Body::Consortium, Alice, &call, 2);
		vote(Body::Consortium, Alice, motion, true);
		let end = System::block_number() + crate::configs::governance::MotionDuration::get();
		start_block(end + 1);
		close(Body::Consortium, Charlie, &call, motion);
		assert!(System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::Consortium(pallet_collective::Event::Disapproved { .. })
		)));
		assert!(!is_registrar(Dave), "one aye and two absent members: not passed");
		assert!(pallet_collective::ProposalOf::<Runtime, ConsortiumInstance>::get(motion.hash)
			.is_none());
	});
}

#[test]
fn a_threshold_of_one_does_not_make_one_member_the_consortium() {
	dev_chain(|| {
		// Proposed with threshold 1, the call executes at once as one member of three: the
		// two-thirds origin refuses it.
		propose(Body::Consortium, Alice, &add_registrar(Dave), 1);
		assert_eq!(last_execution(), Some(Err(DispatchError::BadOrigin)));
		assert!(!is_registrar(Dave));
	});
}

#[test]
fn non_members_cannot_propose_or_vote() {
	dev_chain(|| {
		let call = add_registrar(Dave);
		let propose_call = RuntimeCall::Consortium(pallet_collective::Call::propose {
			threshold: 2,
			proposal: Box::new(call.clone()),
			length_bound: call.encoded_size() as u32,
		});
		let not_member = || pallet_collective::Error::<Runtime, ConsortiumInstance>::NotMember;
		assert_failed(Signer::new(Ferdie).sign(propose_call), not_member().into());
		let motion = open_motion(Body::Consortium, Alice, &call, 2);
		assert_failed(
			Signer::new(Ferdie).sign(vote_call(Body::Consortium, motion, true)),
			not_member().into(),
		);
		// An unverified non-member does not even reach the pool.
		assert_refused(
			Signer::new(Sr25519Keyring::One).sign(vote_call(Body::Consortium, motion, true)),
			RejectCode::NotVerified,
		);
		assert!(!is_registrar(Dave));
	});
}

#[test]
fn the_consortium_cannot_change_the_regulators_or_the_assessors() {
	dev_chain(|| {
		let add_regulator = RuntimeCall::Regulators(pallet_membership::Call::add_member {
			who: account(Alice).into(),
		});
		let add_assessor = RuntimeCall::Assessors(pallet_membership::Call::add_member {
			who: account(Alice).into(),
		});
		for call in [add_regulator.clone(), add_assessor.clone()] {
			let motion = open_motion(Body::Consortium, Alice, &call, 2);
			for member in [Alice, Bob, Charlie] {
				vote(Body::Consortium, member, motion, true);
			}
			close(Body::Consortium, Charlie, &call, motion);
			assert_eq!(last_execution(), Some(Err(DispatchError::BadOrigin)));
		}
		assert!(!Regulators::members().contains(&account(Alice)));
		assert!(!crate::Assessors::members().contains(&account(Alice)));
		// The regulators can.
		pass_regulators_motion(add_assessor);
		assert!(crate::Assessors::members().contains(&account(Alice)));
		pass_regulators_motion(RuntimeCall::Regulators(pallet_membership::Call::add_member {
			who: account(Ferdie).into(),
		}));
		assert_eq!(
			pallet_collective::Members::<Runtime, RegulatorsInstance>::get(),
			Regulators::members().to_vec(),
			"the regulators' collective follows the set"
		);
	});
}

/// The calls only `Root` could make, each with harmless arguments.
fn root_only_calls() -> Vec<RuntimeCall> {
	let ferdie = || account(Ferdie).into();
	vec![
		RuntimeCall::System(frame_system::Call::set_storage {
			items: vec![(b":code".to_vec(), b"not a runtime".to_vec())],
		}),
		RuntimeCall::System(frame_system::Call::kill_storage { keys: vec![b":code".to_vec()] }),
		RuntimeCall::System(frame_system::Call::kill_prefix {
			prefix: b"Moderation".to_vec(),
			subkeys: 1,
		}),
		RuntimeCall::System(frame_system::Call::set_code { code: b"not a runtime".to_vec() }),
		RuntimeCall::System(frame_system::Call::set_code_without_checks {
			code: b"not a runtime".to_vec(),
		}),
		RuntimeCall::System(frame_system::Call::authorize_upgrade {
			code_hash: Hash::repeat_byte(1),
		}),
		RuntimeCall::System(frame_system::Call::authorize_upgrade_without_checks {
			code_hash: Hash::repeat_byte(1),
		}),
		RuntimeCall::System(frame_system::Call::set_heap_pages { pages: 1 }),
		RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
			who: account(Sr25519Keyring::One).into(),
			new_free: UNIT,
		}),
		RuntimeCall::Balances(pallet_balances::Call::force_transfer {
			source: ferdie(),
			dest: account(Sr25519Keyring::Two).into(),
			value: UNIT,
		}),
		RuntimeCall::Balances(pallet_balances::Call::force_unreserve { who: ferdie(), amount: 1 }),
	]
}

#[test]
fn no_signed_extrinsic_motion_or_regulators_decision_reaches_a_root_only_call() {
	dev_chain(|| {
		let code_before = sp_io::storage::get(sp_core::storage::well_known_keys::CODE);
		let one_before = Balances::free_balance(account(Sr25519Keyring::One));
		let filtered: DispatchError = frame_system::Error::<Runtime>::CallFiltered.into();
		for call in root_only_calls() {
			// Signed by anyone: refused (the filter comes before the origin check).
			assert_failed(Signer::new(Alice).sign(call.clone()), filtered);
			// Carried by a motion of either body: refused when proposed.
			for (body, key) in [(Body::Consortium, Alice), (Body::Regulators, Eve)] {
				let propose = motion_call(
					body,
					pallet_collective::Call::propose {
						threshold: 2,
						proposal: Box::new(call.clone()),
						length_bound: call.encoded_size() as u32,
					},
				);
				assert_failed(Signer::new(key).sign(propose), filtered);
			}
		}
		assert_eq!(sp_io::storage::get(sp_core::storage::well_known_keys::CODE), code_before);
		assert_eq!(Balances::free_balance(account(Sr25519Keyring::One)), one_before);
		assert!(pallet_collective::Proposals::<Runtime, ConsortiumInstance>::get().is_empty());
		assert_eq!(
			System::apply_authorized_upgrade(RuntimeOrigin::none(), b"code".to_vec())
				.map_err(|e| e.error),
			Err(frame_system::Error::<Runtime>::NothingAuthorized.into()),
			"no upgrade was authorized"
		);
	});
}

#[test]
fn a_motion_carrying_free_text_never_enters_the_pool() {
	dev_chain(|| {
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: b"text".to_vec() });
		for (body, key) in
			[(Body::Consortium, Alice), (Body::Consortium, Ferdie), (Body::Regulators, Eve)]
		{
			let propose = motion_call(
				body,
				pallet_collective::Call::propose {
					threshold: 2,
					proposal: Box::new(remark.clone()),
					length_bound: remark.encoded_size() as u32,
				},
			);
			assert_refused(Signer::new(key).sign(propose), RejectCode::CallNotPermitted);
		}
	});
}

#[test]
fn value_never_reaches_an_unverified_account_by_any_path() {
	dev_chain(|| {
		let one = account(Sr25519Keyring::One);
		let before = Balances::free_balance(&one);
		// A transfer: refused by the real-name check.
		for call in [
			pallet_balances::Call::transfer_keep_alive { dest: one.clone().into(), value: UNIT },
			pallet_balances::Call::transfer_allow_death { dest: one.clone().into(), value: UNIT },
			pallet_balances::Call::transfer_all { dest: one.clone().into(), keep_alive: true },
		] {
			assert_refused(
				Signer::new(Ferdie).sign(RuntimeCall::Balances(call)),
				RejectCode::DestinationNotVerified,
			);
		}
		// By motion: a force call is filtered when proposed (see above), and a transfer carried
		// by a motion has no account to pay from.
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: one.clone().into(),
			value: UNIT,
		});
		let motion = open_motion(Body::Consortium, Alice, &transfer, 2);
		vote(Body::Consortium, Alice, motion, true);
		vote(Body::Consortium, Bob, motion, true);
		close(Body::Consortium, Charlie, &transfer, motion);
		assert_eq!(last_execution(), Some(Err(DispatchError::BadOrigin)));
		assert_eq!(Balances::free_balance(&one), before);
	});
}

#[test]
fn the_last_member_of_a_body_cannot_be_removed() {
	dev_chain(|| {
		let filtered: DispatchError = frame_system::Error::<Runtime>::CallFiltered.into();
		// Eve is the only regulator: her own motion to remove herself is refused when proposed.
		let remove_eve = RuntimeCall::Regulators(pallet_membership::Call::remove_member {
			who: account(Eve).into(),
		});
		let propose_call = RuntimeCall::RegulatorsCollective(pallet_collective::Call::propose {
			threshold: 1,
			proposal: Box::new(remove_eve.clone()),
			length_bound: remove_eve.encoded_size() as u32,
		});
		assert_failed(Signer::new(Eve).sign(propose_call), filtered);
		assert_eq!(Regulators::members().to_vec(), vec![account(Eve)]);
		// Emptying the consortium at once is refused too; removing one of three is not.
		let reset = RuntimeCall::ConsortiumMembership(pallet_membership::Call::reset_members {
			members: vec![],
		});
		assert_failed(
			Signer::new(Alice).sign(RuntimeCall::Consortium(pallet_collective::Call::propose {
				threshold: 2,
				proposal: Box::new(reset.clone()),
				length_bound: reset.encoded_size() as u32,
			})),
			filtered,
		);
		pass_consortium_motion(RuntimeCall::ConsortiumMembership(
			pallet_membership::Call::remove_member { who: account(Charlie).into() },
		));
		assert_eq!(
			pallet_collective::Members::<Runtime, ConsortiumInstance>::get(),
			sorted_accounts(&[Alice, Bob])
		);
		// A role holder cannot hand the role to another account.
		assert_failed(
			Signer::new(Dave).sign(RuntimeCall::Assessors(pallet_membership::Call::change_key {
				new: account(Ferdie).into(),
			})),
			filtered,
		);
	});
}

#[test]
fn a_single_moderator_cannot_take_a_measure_against_a_role_holder() {
	dev_chain(|| {
		for holder in [Alice, Charlie, Dave, Eve] {
			assert_failed(
				Signer::new(Bob).sign(RuntimeCall::Moderation(pallet_moderation::Call::close {
					who: account(holder),
					reason: pallet_moderation::ReasonCode::Other,
				})),
				pallet_moderation::Error::<Runtime>::SubjectHoldsRole.into(),
			);
		}
		// Bob on himself: the self-dealing error comes first.
		assert_failed(
			Signer::new(Bob).sign(RuntimeCall::Moderation(pallet_moderation::Call::close {
				who: account(Bob),
				reason: pallet_moderation::ReasonCode::Other,
			})),
			pallet_moderation::Error::<Runtime>::OwnAccount.into(),
		);
		assert_eq!(
			pallet_real_name::Pallet::<Runtime>::standing_of(&account(Alice)),
			compliance_primitives::Standing::Good
		);
	});
}

/// Asserts that the consortium still passes a motion, `repair`, and that the regulator still
/// suspends and resumes the service.
fn assert_governance_still_works(repair: RuntimeCall) {
	pass_consortium_motion(repair);
	let reason = ContentHash::repeat_byte(7);
	assert_accepted(
		Signer::new(Eve).sign(RuntimeCall::Filing(pallet_filing::Call::suspend_service { reason })),
	);
	assert_accepted(
		Signer::new(Eve).sign(RuntimeCall::Filing(pallet_filing::Call::resume_service {})),
	);
}

/// Every member of both bodies and every moderator under `measure`, written as a moderator's
/// measure would be (before they held their roles, say).
fn sanction_all_staff(measure: Measure<u32>) {
	for key in [Alice, Bob, Charlie, Dave, Eve] {
		<crate::RealName as AccountStanding<AccountId, u32>>::apply(&account(key), measure)
			.expect("the measure applies");
	}
}

#[test]
fn every_moderator_and_member_closed_does_not_lock_governance_out() {
	dev_chain(|| {
		sanction_all_staff(Measure::Closure);
		assert_refused(Signer::new(Alice).sign(remark()), RejectCode::AccountClosed);
		// Repair: a new moderator, who can then lift the closures.
		assert_governance_still_works(RuntimeCall::Moderators(
			pallet_membership::Call::add_member { who: account(Ferdie).into() },
		));
		assert_accepted(Signer::new(Ferdie).sign(RuntimeCall::Moderation(
			pallet_moderation::Call::lift {
				who: account(Alice),
				reason: pallet_moderation::ReasonCode::Other,
			},
		)));
	});
}

#[test]
fn every_moderator_and_member_suspended_does_not_lock_governance_out() {
	dev_chain(|| {
		sanction_all_staff(Measure::Suspension { until: 1_000_000 });
		assert_governance_still_works(RuntimeCall::Moderators(
			pallet_membership::Call::add_member { who: account(Ferdie).into() },
		));
	});
}

#[test]
fn the_only_registrar_removed_does_not_lock_governance_out() {
	dev_chain(|| {
		pass_consortium_motion(RuntimeCall::RealName(pallet_real_name::Call::remove_registrar {
			id: 0,
		}));
		// Every genesis verification went with registrar 0.
		assert_refused(Signer::new(Ferdie).sign(remark()), RejectCode::RegistrarRemoved);
		assert_governance_still_works(add_registrar(Ferdie));
		assert!(is_registrar(Ferdie));
	});
}

#[test]
fn an_unacknowledged_convention_does_not_lock_governance_out() {
	dev_chain(|| {
		assert_accepted(Signer::new(Alice).sign(RuntimeCall::Filing(
			pallet_filing::Call::publish_rules {
				kind: pallet_filing::RulesKind::PlatformConvention,
				version: 2,
				doc_hash: ContentHash::repeat_byte(8),
				uri: b"https://chain.example.cn/rules/convention-v2".to_vec(),
			},
		)));
		assert_refused(Signer::new(Alice).sign(remark()), RejectCode::ConventionNotAcknowledged);
		assert_governance_still_works(add_registrar(Dave));
	});
}

#[test]
fn every_staff_verification_revoked_does_not_lock_governance_out() {
	dev_chain(|| {
		let mut alice = Signer::new(Alice);
		for key in [Bob, Charlie, Dave, Eve, Alice] {
			assert_accepted(alice.sign(RuntimeCall::RealName(pallet_real_name::Call::revoke {
				who: account(key).into(),
				reason: pallet_real_name::RevocationReason::HolderRequest,
			})));
		}
		assert_refused(Signer::new(Bob).sign(remark()), RejectCode::NotVerified);
		assert_governance_still_works(add_registrar(Ferdie));
	});
}

#[test]
fn an_upgrade_needs_the_consortium_and_an_assessor_and_anyone_applies_it() {
	dev_chain(|| {
		let code_hash = Hash::repeat_byte(0x42);
		// The consortium authorizes the hash by motion; nothing else can.
		pass_consortium_motion(RuntimeCall::Filing(pallet_filing::Call::authorize_upgrade {
			code_hash,
		}));
		System::assert_has_event(
			frame_system::Event::UpgradeAuthorized { code_hash, check_version: true }.into(),
		);
		// Another code is not the authorized one.
		assert_eq!(
			System::apply_authorized_upgrade(RuntimeOrigin::none(), b"other code".to_vec())
				.map_err(|e| e.error),
			Err(frame_system::Error::<Runtime>::Unauthorized.into())
		);
		// The real blob goes through `upgrade_gate`'s tests: there the assessor's approval is
		// what lets `apply_authorized_upgrade` set the code.
	});
}

/// Spec 101's state: a Sudo key, no consortium, no regulators' collective, the new pallets at
/// storage version 0.
fn make_spec_101_state() {
	use frame_support::traits::StorageVersion;
	pallet_collective::Members::<Runtime, ConsortiumInstance>::kill();
	pallet_collective::Members::<Runtime, RegulatorsInstance>::kill();
	pallet_membership::Members::<Runtime, crate::configs::governance::ConsortiumMembershipInstance>::kill();
	// Spec 101 had no sessions: Aura and GRANDPA kept the authorities the genesis gave them.
	pallet_validator_set::Validators::<Runtime>::kill();
	pallet_validator_set::SessionLength::<Runtime>::kill();
	pallet_session::Validators::<Runtime>::kill();
	pallet_session::QueuedKeys::<Runtime>::kill();
	let _ = pallet_session::NextKeys::<Runtime>::clear(u32::MAX, None);
	let _ = pallet_session::KeyOwner::<Runtime>::clear(u32::MAX, None);
	System::dec_consumers(&account(Alice));
	StorageVersion::new(0).put::<crate::ValidatorSet>();
	StorageVersion::new(0).put::<crate::Session>();
	StorageVersion::new(0).put::<Consortium>();
	StorageVersion::new(0).put::<RegulatorsCollective>();
	StorageVersion::new(0).put::<crate::ConsortiumMembership>();
	crate::migrations::old::Key::put(account(Alice));
	// Spec 101's moderation pallet kept its moderators itself, at storage version 0.
	pallet_membership::Members::<Runtime, crate::configs::governance::ModeratorsInstance>::kill();
	StorageVersion::new(0).put::<crate::Moderators>();
	StorageVersion::new(0).put::<crate::Moderation>();
	for key in [Charlie, Bob] {
		crate::migrations::old::Moderators::insert(account(key), ());
	}
	// Nor did it count verified accounts or unresolved reports.
	pallet_real_name::VerifiedAccounts::<Runtime>::kill();
	StorageVersion::new(0).put::<crate::RealName>();
	for counter in [
		pallet_moderation::OpenReports::<Runtime>::counter_storage_final_key(),
		pallet_moderation::OverdueReports::<Runtime>::counter_storage_final_key(),
	] {
		frame_support::storage::unhashed::kill(&counter);
	}
}

#[test]
fn the_migration_from_spec_101_counts_verified_accounts_and_unresolved_reports() {
	dev_chain(|| {
		use frame_support::traits::GetStorageVersion;
		let verified = pallet_real_name::VerifiedAccounts::<Runtime>::get();
		assert_eq!(verified, 6, "the dev chain verifies its six accounts");
		crate::Moderation::report(
			signed(Ferdie),
			pallet_moderation::ReportTarget::Account(account(Dave)),
			pallet_moderation::ReasonCode::Fraud,
			Default::default(),
		)
		.expect("Ferdie reports Dave");
		make_spec_101_state();
		assert_eq!(pallet_real_name::VerifiedAccounts::<Runtime>::get(), 0);
		assert_eq!(crate::Moderation::report_counts().open, 0);
		<crate::Migrations as OnRuntimeUpgrade>::on_runtime_upgrade();
		assert_eq!(pallet_real_name::VerifiedAccounts::<Runtime>::get(), verified);
		assert_eq!(
			crate::Moderation::report_counts(),
			pallet_moderation::ReportCounts { open: 1, overdue: 0 }
		);
		assert_eq!(crate::RealName::on_chain_storage_version(), 1);
		assert_eq!(crate::Moderation::on_chain_storage_version(), 3);
	});
}

#[test]
fn the_migration_from_spec_101_moves_the_moderators_into_their_set() {
	dev_chain(|| {
		use frame_support::traits::GetStorageVersion;
		make_spec_101_state();
		assert!(!passes::<OneModerator>(signed(Bob)), "spec 101's moderators are not in the set");
		<crate::Migrations as OnRuntimeUpgrade>::on_runtime_upgrade();
		assert_eq!(crate::Moderators::members().to_vec(), sorted_accounts(&[Bob, Charlie]));
		assert_eq!(crate::migrations::old::Moderators::count(), 0, "the old list is gone");
		assert_eq!(crate::migrations::old::Moderators::iter_keys().count(), 0);
		assert_eq!(
			crate::Moderators::on_chain_storage_version(),
			crate::Moderators::in_code_storage_version()
		);
		assert_eq!(
			crate::Moderation::on_chain_storage_version(),
			crate::Moderation::in_code_storage_version()
		);
		assert!(passes::<OneModerator>(signed(Bob)));
		// A second run changes nothing.
		<crate::Migrations as OnRuntimeUpgrade>::on_runtime_upgrade();
		assert_eq!(crate::Moderators::members().len(), 2);
	});
}

#[test]
fn the_migration_from_spec_101_hands_sudo_to_a_consortium_of_its_key() {
	dev_chain(|| {
		make_spec_101_state();
		<crate::Migrations as OnRuntimeUpgrade>::on_runtime_upgrade();
		assert!(crate::migrations::old::Key::get().is_none(), "Sudo's storage is gone");
		assert_eq!(
			pallet_collective::Members::<Runtime, ConsortiumInstance>::get(),
			vec![account(Alice)]
		);
		assert_eq!(crate::ConsortiumMembership::members().to_vec(), vec![account(Alice)]);
		assert_eq!(
			pallet_collective::Members::<Runtime, RegulatorsInstance>::get(),
			vec![account(Eve)]
		);
		use frame_support::traits::GetStorageVersion;
		assert_eq!(Consortium::on_chain_storage_version(), Consortium::in_code_storage_version());
		// The former Sudo key alone is the whole consortium: its motion passes, and its first
		// motions add the other parties.
		propose(
			Body::Consortium,
			Alice,
			&RuntimeCall::ConsortiumMembership(pallet_membership::Call::add_member {
				who: account(Bob).into(),
			}),
			1,
		);
		assert_eq!(last_execution(), Some(Ok(())));
		assert_eq!(
			pallet_collective::Members::<Runtime, ConsortiumInstance>::get(),
			sorted_accounts(&[Alice, Bob])
		);
		// A second run changes nothing.
		<crate::Migrations as OnRuntimeUpgrade>::on_runtime_upgrade();
		assert_eq!(pallet_collective::Members::<Runtime, ConsortiumInstance>::get().len(), 2);
	});
}

#[test]
fn the_migration_from_spec_101_keeps_the_authorities_when_validators_change() {
	dev_chain(|| {
		make_spec_101_state();
		let authorities = pallet_aura::Authorities::<Runtime>::get();
		let finality = crate::Grandpa::grandpa_authorities();
		assert_eq!(authorities.len(), 1);
		<crate::Migrations as OnRuntimeUpgrade>::on_runtime_upgrade();
		assert_eq!(
			pallet_validator_set::Validators::<Runtime>::get().to_vec(),
			vec![account(Alice)]
		);
		assert_eq!(
			pallet_validator_set::SessionLength::<Runtime>::get(),
			crate::migrations::MIGRATED_SESSION_LENGTH
		);
		assert_eq!(pallet_session::Validators::<Runtime>::get(), vec![account(Alice)]);
		let keys = pallet_session::NextKeys::<Runtime>::get(account(Alice)).expect("keys seeded");
		assert_eq!(keys.aura, authorities[0]);
		assert_eq!(keys.grandpa, finality[0].0);
		assert_eq!(
			pallet_session::Pallet::<Runtime>::key_owner(
				sp_core::crypto::key_types::AURA,
				keys.aura.as_ref()
			),
			Some(account(Alice))
		);
		// The consortium (Alice alone after the migration) adds Ferdie: after two session
		// changes both validate. Without the seeding the validator set would not know Alice,
		// and Ferdie would replace her.
		let ferdie_keys = register_ferdies_session_keys();
		propose(Body::Consortium, Alice, &add_validator(Ferdie), 1);
		assert_eq!(last_execution(), Some(Ok(())));
		pallet_session::Pallet::<Runtime>::rotate_session();
		pallet_session::Pallet::<Runtime>::rotate_session();
		assert_eq!(
			pallet_aura::Authorities::<Runtime>::get().to_vec(),
			vec![authorities[0].clone(), ferdie_keys.aura]
		);
		assert_eq!(
			pallet_session::Validators::<Runtime>::get(),
			vec![account(Alice), account(Ferdie)]
		);
		// A second run changes nothing.
		<crate::Migrations as OnRuntimeUpgrade>::on_runtime_upgrade();
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), 2);
	});
}

/// The development session keys of `key` (its sr25519 key for Aura, `finality` for GRANDPA)
/// and the proof that `key`'s account holds them, as `author_rotateKeysWithOwner` returns them.
fn session_keys_of(
	key: Sr25519Keyring,
	finality: sp_keyring::Ed25519Keyring,
) -> (crate::SessionKeys, Vec<u8>) {
	use sp_core::proof_of_possession::ProofOfPossessionGenerator;
	let owner = account(key).encode();
	let proof = (
		key.pair().generate_proof_of_possession(&owner),
		finality.pair().generate_proof_of_possession(&owner),
	)
		.encode();
	(crate::SessionKeys { aura: key.public().into(), grandpa: finality.public().into() }, proof)
}

/// Ferdie registers his development session keys with a signed extrinsic.
fn register_ferdies_session_keys() -> crate::SessionKeys {
	let key = Ferdie;
	let (keys, proof) = session_keys_of(key, sp_keyring::Ed25519Keyring::Ferdie);
	assert_accepted(
		Signer::new(key).sign(RuntimeCall::Session(pallet_session::Call::set_keys {
			keys: keys.clone(),
			proof,
		})),
	);
	keys
}

fn add_validator(key: Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator { who: account(key) })
}

fn remove_validator(key: Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator { who: account(key) })
}

/// Opens, votes (Alice and Bob) and closes a consortium motion for `call`, whatever its result.
fn consortium_motion(call: RuntimeCall) -> Option<Result<(), DispatchError>> {
	let motion = open_motion(Body::Consortium, Alice, &call, 2);
	vote(Body::Consortium, Alice, motion, true);
	vote(Body::Consortium, Bob, motion, true);
	close(Body::Consortium, Charlie, &call, motion);
	last_execution()
}

#[test]
fn validators_change_by_motion_and_reach_aura_and_grandpa_at_the_second_boundary() {
	dev_chain(|| {
		let keys = register_ferdies_session_keys();
		// No signer, not even a consortium member alone, changes the validators.
		assert_failed(Signer::new(Alice).sign(add_validator(Ferdie)), DispatchError::BadOrigin);
		// One member's motion alone passes nothing.
		let call = add_validator(Ferdie);
		let motion = open_motion(Body::Consortium, Alice, &call, 2);
		vote(Body::Consortium, Alice, motion, true);
		assert_failed(
			Signer::new(Bob).sign(close_call(Body::Consortium, motion, &call)),
			pallet_collective::Error::<Runtime, ConsortiumInstance>::TooEarly.into(),
		);
		vote(Body::Consortium, Bob, motion, true);
		close(Body::Consortium, Charlie, &call, motion);
		assert_eq!(last_execution(), Some(Ok(())));
		assert!(crate::ValidatorSet::is_validator(&account(Ferdie)));

		// The first boundary (block 10 on the development chain) plans the new set; the second
		// makes it the authorities, and GRANDPA schedules the change of its voters.
		start_block(10);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1, "planned, not active");
		start_block(20);
		assert_eq!(
			pallet_aura::Authorities::<Runtime>::get().to_vec(),
			vec![Alice.public().into(), keys.aura.clone()]
		);
		let change =
			pallet_grandpa::PendingChange::<Runtime>::get().expect("GRANDPA's voters change");
		assert!(change.next_authorities.iter().any(|(id, _)| *id == keys.grandpa));
		// The session pallet charges a whole block for a session change: nothing else fits.
		assert_eq!(
			crate::Executive::apply_extrinsic(Signer::new(Bob).sign(remark())),
			Err(sp_runtime::transaction_validity::InvalidTransaction::ExhaustsResources.into())
		);
		start_block(21);

		// A validator is a role holder: no single moderator takes a measure against it.
		assert_failed(
			Signer::new(Bob).sign(RuntimeCall::Moderation(pallet_moderation::Call::warn {
				who: account(Ferdie),
				reason: pallet_moderation::ReasonCode::Other,
			})),
			pallet_moderation::Error::<Runtime>::SubjectHoldsRole.into(),
		);

		// Removed by motion, it leaves the authorities two boundaries later.
		assert_eq!(consortium_motion(remove_validator(Ferdie)), Some(Ok(())));
		start_block(30);
		start_block(40);
		assert_eq!(
			pallet_aura::Authorities::<Runtime>::get().to_vec(),
			vec![sp_consensus_aura::sr25519::AuthorityId::from(Alice.public())]
		);
	});
}

#[test]
fn the_last_validator_stays_and_keeps_its_keys() {
	dev_chain(|| {
		assert_eq!(
			consortium_motion(remove_validator(Alice)),
			Some(Err(pallet_validator_set::Error::<Runtime>::TooFewValidators.into()))
		);
		assert!(crate::ValidatorSet::is_validator(&account(Alice)));
		// The session pallet's own purge is out of reach; the validator set's refuses a
		// validator.
		assert_refused(
			Signer::new(Alice).sign(RuntimeCall::Session(pallet_session::Call::purge_keys {})),
			RejectCode::CallNotPermitted,
		);
		assert_failed(
			Signer::new(Alice)
				.sign(RuntimeCall::ValidatorSet(pallet_validator_set::Call::purge_keys {})),
			pallet_validator_set::Error::<Runtime>::StillValidator.into(),
		);
		// A validator again, and a candidate without keys, are refused by name.
		assert_eq!(
			consortium_motion(add_validator(Alice)),
			Some(Err(pallet_validator_set::Error::<Runtime>::AlreadyValidator.into()))
		);
		assert_eq!(
			consortium_motion(add_validator(Dave)),
			Some(Err(pallet_validator_set::Error::<Runtime>::NoSessionKeys.into()))
		);
	});
}

#[test]
fn a_former_validator_gets_its_key_deposit_back() {
	dev_chain(|| {
		use frame_support::traits::fungible::InspectHold;
		let held = || {
			Balances::balance_on_hold(
				&crate::RuntimeHoldReason::Session(pallet_session::HoldReason::Keys),
				&account(Ferdie),
			)
		};
		register_ferdies_session_keys();
		assert_eq!(held(), crate::configs::SessionKeyDeposit::get());
		assert_eq!(consortium_motion(add_validator(Ferdie)), Some(Ok(())));
		assert_eq!(consortium_motion(remove_validator(Ferdie)), Some(Ok(())));
		assert_accepted(
			Signer::new(Ferdie)
				.sign(RuntimeCall::ValidatorSet(pallet_validator_set::Call::purge_keys {})),
		);
		assert!(pallet_session::NextKeys::<Runtime>::get(account(Ferdie)).is_none());
		assert_eq!(held(), 0, "the deposit is released");
	});
}

fn moderation(call: pallet_moderation::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::Moderation(call)
}

fn close_account(key: Sr25519Keyring) -> RuntimeCall {
	moderation(pallet_moderation::Call::close {
		who: account(key),
		reason: pallet_moderation::ReasonCode::Other,
	})
}

fn lift_measure(key: Sr25519Keyring) -> RuntimeCall {
	moderation(pallet_moderation::Call::lift {
		who: account(key),
		reason: pallet_moderation::ReasonCode::Other,
	})
}

fn standing(key: Sr25519Keyring) -> compliance_primitives::Standing<u32> {
	pallet_real_name::Pallet::<Runtime>::standing_of(&account(key))
}

/// The case of the last account closure.
fn last_closure_case() -> pallet_moderation::CaseId {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Moderation(pallet_moderation::Event::AccountClosed {
				case_id, ..
			}) => Some(case_id),
			_ => None,
		})
		.expect("an account was closed")
}

#[test]
fn the_consortium_closes_a_moderator_by_motion_and_only_its_motion_undoes_it() {
	dev_chain(|| {
		pass_consortium_motion(RuntimeCall::Moderators(pallet_membership::Call::add_member {
			who: account(Ferdie).into(),
		}));
		assert!(passes::<OneModerator>(signed(Ferdie)));
		// Bob alone cannot sanction a fellow moderator; the consortium's motion can.
		assert_failed(
			Signer::new(Bob).sign(close_account(Ferdie)),
			pallet_moderation::Error::<Runtime>::SubjectHoldsRole.into(),
		);
		assert_eq!(consortium_motion(close_account(Ferdie)), Some(Ok(())));
		assert_eq!(standing(Ferdie), compliance_primitives::Standing::Closed);
		let case_id = last_closure_case();
		let case = pallet_moderation::Cases::<Runtime>::get(case_id).expect("the case is kept");
		assert_eq!(case.actor, pallet_moderation::Actor::Body(pallet_moderation::Body::Consortium));
		// A single moderator neither lifts the body's measure nor decides the appeal of it.
		assert_failed(
			Signer::new(Bob).sign(lift_measure(Ferdie)),
			pallet_moderation::Error::<Runtime>::TakenByMotion.into(),
		);
		assert_accepted(Signer::new(Ferdie).sign(moderation(pallet_moderation::Call::appeal {
			case_id,
			statement_hash: ContentHash::repeat_byte(3),
		})));
		let decide = moderation(pallet_moderation::Call::decide_appeal {
			case_id,
			upheld: true,
			note_hash: ContentHash::repeat_byte(4),
		});
		assert_failed(
			Signer::new(Charlie).sign(decide.clone()),
			pallet_moderation::Error::<Runtime>::AppealGoesToBody.into(),
		);
		// The regulators did not take the measure: their motion cannot decide its appeal.
		propose(Body::Regulators, Eve, &decide, 1);
		assert_eq!(
			last_execution(),
			Some(Err(pallet_moderation::Error::<Runtime>::AppealGoesToBody.into()))
		);
		// The consortium reconsiders: upheld, the closure is undone.
		assert_eq!(consortium_motion(decide), Some(Ok(())));
		assert_eq!(standing(Ferdie), compliance_primitives::Standing::Good);
	});
}

#[test]
fn the_regulators_alone_sanction_an_assessor_or_a_regulator() {
	dev_chain(|| {
		// Dave is an assessor, Eve a regulator: the regulators oversee both.
		for key in [Dave, Eve] {
			assert_eq!(
				consortium_motion(close_account(key)),
				Some(Err(pallet_moderation::Error::<Runtime>::NotOverseer.into()))
			);
		}
		assert_eq!(standing(Dave), compliance_primitives::Standing::Good);
		pass_regulators_motion(close_account(Dave));
		assert_eq!(standing(Dave), compliance_primitives::Standing::Closed);
		// The consortium cannot lift it either; the regulators can.
		assert_eq!(
			consortium_motion(lift_measure(Dave)),
			Some(Err(pallet_moderation::Error::<Runtime>::NotOverseer.into()))
		);
		pass_regulators_motion(lift_measure(Dave));
		assert_eq!(standing(Dave), compliance_primitives::Standing::Good);
		// And the regulators cannot sanction an account the consortium oversees.
		propose(Body::Regulators, Eve, &close_account(Ferdie), 1);
		assert_eq!(
			last_execution(),
			Some(Err(pallet_moderation::Error::<Runtime>::NotOverseer.into()))
		);
	});
}
