//! The real-name check on real signed extrinsics: pool validation
//! (`TaggedTransactionQueue::validate_transaction`) and block application (`apply_extrinsic`)
//! through the runtime's own `TxExtension`, from the development genesis.

use super::preset_ext;
use crate::{
	Balances, Executive, Header, Moderation, Runtime, RuntimeCall, RuntimeOrigin, SignedPayload,
	System, UncheckedExtrinsic, UNIT,
};
use codec::Encode;
use compliance_primitives::{ContentHash, RejectCode, RestrictionScope};
use pallet_real_name::{RevocationReason, VerificationLevel};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::Era,
	traits::{Header as _, StaticLookup},
	transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidity, TransactionValidityError,
	},
	ApplyExtrinsicResult,
};

/// Signed, fee-paying transactions of one account in a test; tracks its nonce.
pub(super) struct Signer {
	key: Sr25519Keyring,
	nonce: u32,
}

impl Signer {
	pub(super) fn new(key: Sr25519Keyring) -> Self {
		let nonce = System::account_nonce(key.to_account_id());
		Self { key, nonce }
	}

	/// `call` signed by this account, with the runtime's transaction extensions.
	pub(super) fn sign(&mut self, call: RuntimeCall) -> UncheckedExtrinsic {
		let tx_ext = crate::tx_extension(Era::Immortal, self.nonce, 0);
		let payload = SignedPayload::new(call.clone(), tx_ext.clone())
			.expect("the extensions' implicit data is available");
		let signature = payload.using_encoded(|bytes| self.key.sign(bytes));
		self.nonce += 1;
		UncheckedExtrinsic::new_signed(
			call,
			<Runtime as frame_system::Config>::Lookup::unlookup(self.key.to_account_id()),
			signature.into(),
			tx_ext,
		)
	}
}

/// Starts block `number` on top of the current one, running the pallets' `on_initialize`. (The
/// previous block is not finalized: without inherents its timestamp check would fail, and
/// nothing here depends on `on_finalize`.)
pub(super) fn start_block(number: u32) {
	let parent = System::block_hash(System::block_number());
	// Jumping ahead: frame-system wants each block to follow its parent's number.
	System::set_block_number(number - 1);
	let header =
		Header::new(number, Default::default(), Default::default(), parent, Default::default());
	Executive::initialize_block(&header);
}

/// What the transaction pool says about `xt` now, without changing any state.
pub(super) fn validate(xt: &UncheckedExtrinsic) -> TransactionValidity {
	sp_io::storage::start_transaction();
	let validity = Executive::validate_transaction(
		TransactionSource::External,
		xt.clone(),
		System::parent_hash(),
	);
	sp_io::storage::rollback_transaction();
	validity
}

/// The rejection code of a refused validity or application, if it is one of ours.
pub(super) fn reject_code(error: TransactionValidityError) -> Option<RejectCode> {
	match error {
		TransactionValidityError::Invalid(InvalidTransaction::Custom(code)) =>
			RejectCode::from_code(code),
		_ => None,
	}
}

/// Asserts that the pool refuses `xt` with `code`, and that a block author cannot apply it
/// either: the signer pays no fee, its nonce stays, no event is emitted.
pub(super) fn assert_refused(xt: UncheckedExtrinsic, code: RejectCode) {
	let pool = validate(&xt).expect_err("the pool refuses the transaction");
	assert_eq!(reject_code(pool), Some(code), "pool: {pool:?}");
	let signer = signer_of(&xt);
	let (nonce, balance) = (System::account_nonce(&signer), Balances::free_balance(&signer));
	let events = System::events().len();
	let applied: ApplyExtrinsicResult = Executive::apply_extrinsic(xt);
	let block = applied.expect_err("the block refuses the transaction");
	assert_eq!(reject_code(block), Some(code), "block: {block:?}");
	assert_eq!(System::account_nonce(&signer), nonce, "nonce unchanged");
	assert_eq!(Balances::free_balance(&signer), balance, "no fee taken");
	assert_eq!(System::events().len(), events, "no event");
}

/// The account that signed `xt`.
fn signer_of(xt: &UncheckedExtrinsic) -> crate::AccountId {
	match &xt.preamble {
		sp_runtime::generic::Preamble::Signed(address, ..) =>
			<Runtime as frame_system::Config>::Lookup::lookup(address.clone())
				.expect("test signers are plain account ids"),
		_ => panic!("a signed extrinsic"),
	}
}

/// Asserts that the pool accepts `xt` and the block applies and dispatches it successfully.
pub(super) fn assert_accepted(xt: UncheckedExtrinsic) {
	validate(&xt).expect("the pool accepts the transaction");
	Executive::apply_extrinsic(xt)
		.expect("the block includes the transaction")
		.expect("the call succeeds");
}

/// An ordinary user call: publishing a content hash not published before. Refused by every
/// measure but a restriction of another function.
pub(super) fn remark() -> RuntimeCall {
	use core::sync::atomic::{AtomicU64, Ordering};
	static NEXT: AtomicU64 = AtomicU64::new(1);
	let hash = ContentHash::from_low_u64_be(NEXT.fetch_add(1, Ordering::Relaxed));
	RuntimeCall::Moderation(pallet_moderation::Call::publish {
		hash,
		kind: pallet_moderation::ContentKind::Text,
		uri: b"ipfs://post".to_vec().try_into().expect("a short uri"),
	})
}

/// A free-text remark, which no signed user may send.
fn free_text() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: b"hello".to_vec() })
}

fn transfer_to(dest: Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: dest.to_account_id().into(),
		value: UNIT,
	})
}

/// Development genesis at block 1, with the accounts `One` and `Two` funded but unverified.
pub(super) fn dev_chain(test: impl FnOnce()) {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		start_block(1);
		for key in [Sr25519Keyring::One, Sr25519Keyring::Two] {
			Balances::force_set_balance(
				RuntimeOrigin::root(),
				key.to_account_id().into(),
				10 * UNIT,
			)
			.expect("root sets balances");
		}
		test();
		#[cfg(feature = "try-runtime")]
		<crate::AllPalletsWithSystem as frame_support::traits::TryState<u32>>::try_state(
			System::block_number(),
			frame_support::traits::TryStateSelect::All,
		)
		.expect("every pallet's invariants hold");
	});
}

/// Alice, registrar 0, verifies `who` until `expires_at` with a signed extrinsic.
pub(super) fn verify(alice: &mut Signer, who: Sr25519Keyring, expires_at: u32) {
	let commitment = ContentHash::from(sp_io::hashing::blake2_256(who.to_raw_public().as_ref()));
	assert_accepted(alice.sign(RuntimeCall::RealName(pallet_real_name::Call::verify {
		who: who.to_account_id().into(),
		commitment,
		level: VerificationLevel::Basic,
		expires_at,
	})));
}

/// `who` acknowledges the current platform convention (version 1).
pub(super) fn acknowledge(who: Sr25519Keyring) {
	assert_accepted(
		Signer::new(who)
			.sign(RuntimeCall::RealName(pallet_real_name::Call::acknowledge { version: 1 })),
	);
}

#[test]
fn unverified_signer_is_refused_in_pool_and_block() {
	dev_chain(|| {
		assert_refused(Signer::new(Sr25519Keyring::One).sign(remark()), RejectCode::NotVerified);
		// No zero-fee bypass: a call that would pay nothing is checked all the same.
		let free = RuntimeCall::RealName(pallet_real_name::Call::acknowledge { version: 1 });
		assert_refused(Signer::new(Sr25519Keyring::One).sign(free), RejectCode::NotVerified);
		// An account that has never held funds learns why too, not that it cannot pay.
		assert_refused(
			Signer::new(Sr25519Keyring::AliceStash).sign(remark()),
			RejectCode::NotVerified,
		);
	});
}

#[test]
fn verified_signer_is_accepted() {
	dev_chain(|| {
		assert_accepted(Signer::new(Sr25519Keyring::Ferdie).sign(remark()));
		assert_accepted(Signer::new(Sr25519Keyring::Ferdie).sign(transfer_to(Sr25519Keyring::Eve)));
	});
}

#[test]
fn new_account_needs_verification_and_the_convention() {
	dev_chain(|| {
		let mut alice = Signer::new(Sr25519Keyring::Alice);
		verify(&mut alice, Sr25519Keyring::One, 1_000);
		assert_refused(
			Signer::new(Sr25519Keyring::One).sign(remark()),
			RejectCode::ConventionNotAcknowledged,
		);
		acknowledge(Sr25519Keyring::One);
		assert_accepted(Signer::new(Sr25519Keyring::One).sign(remark()));
	});
}

#[test]
fn verification_expires_at_its_block() {
	dev_chain(|| {
		let mut alice = Signer::new(Sr25519Keyring::Alice);
		verify(&mut alice, Sr25519Keyring::One, 5);
		acknowledge(Sr25519Keyring::One);
		start_block(3);
		assert_accepted(Signer::new(Sr25519Keyring::One).sign(remark()));
		// At block 4 the verification still holds, but the pool validates for block 5.
		start_block(4);
		let xt = Signer::new(Sr25519Keyring::One).sign(remark());
		let pool = validate(&xt).expect_err("the pool looks one block ahead");
		assert_eq!(reject_code(pool), Some(RejectCode::VerificationExpired));
		Executive::apply_extrinsic(xt).expect("valid in block 4").expect("succeeds");
		// From block 5 on, both refuse.
		start_block(5);
		assert_refused(
			Signer::new(Sr25519Keyring::One).sign(remark()),
			RejectCode::VerificationExpired,
		);
	});
}

#[test]
fn revoked_verification_is_refused() {
	dev_chain(|| {
		let mut alice = Signer::new(Sr25519Keyring::Alice);
		assert_accepted(alice.sign(RuntimeCall::RealName(pallet_real_name::Call::revoke {
			who: Sr25519Keyring::Ferdie.to_account_id().into(),
			reason: RevocationReason::HolderRequest,
		})));
		assert_refused(Signer::new(Sr25519Keyring::Ferdie).sign(remark()), RejectCode::NotVerified);
	});
}

#[test]
fn removing_a_registrar_invalidates_its_verifications_at_once() {
	dev_chain(|| {
		// Bob becomes registrar 1 (by consortium motion) and verifies One.
		super::governance::pass_consortium_motion(RuntimeCall::RealName(
			pallet_real_name::Call::add_registrar {
				account: Sr25519Keyring::Bob.to_account_id().into(),
				name: b"Second Registrar".to_vec(),
			},
		));
		let mut bob = Signer::new(Sr25519Keyring::Bob);
		verify(&mut bob, Sr25519Keyring::One, 1_000);
		acknowledge(Sr25519Keyring::One);
		assert_accepted(Signer::new(Sr25519Keyring::One).sign(remark()));
		super::governance::pass_consortium_motion(RuntimeCall::RealName(
			pallet_real_name::Call::remove_registrar { id: 1 },
		));
		assert_refused(
			Signer::new(Sr25519Keyring::One).sign(remark()),
			RejectCode::RegistrarRemoved,
		);
	});
}

#[test]
fn suspension_refuses_until_its_block_but_not_the_appeal() {
	dev_chain(|| {
		let mut bob = Signer::new(Sr25519Keyring::Bob);
		assert_accepted(bob.sign(RuntimeCall::Moderation(pallet_moderation::Call::suspend {
			who: Sr25519Keyring::Ferdie.to_account_id(),
			until: 4,
			reason: pallet_moderation::ReasonCode::Fraud,
		})));
		assert_refused(
			Signer::new(Sr25519Keyring::Ferdie).sign(remark()),
			RejectCode::AccountSuspended,
		);
		// The appeal passes the check (exempt from standing, not from verification).
		let case_id = pallet_moderation::NextCaseId::<Runtime>::get() - 1;
		let appeal = Signer::new(Sr25519Keyring::Ferdie).sign(RuntimeCall::Moderation(
			pallet_moderation::Call::appeal {
				case_id,
				statement_hash: ContentHash::repeat_byte(7),
			},
		));
		assert_accepted(appeal);
		// Validation looks at the next block: at block 3 it validates for 4, when the suspension
		// has lapsed; block 3 itself still refuses.
		start_block(3);
		let xt = Signer::new(Sr25519Keyring::Ferdie).sign(remark());
		assert!(validate(&xt).is_ok());
		let refused = Executive::apply_extrinsic(xt).expect_err("suspended at block 3");
		assert_eq!(reject_code(refused), Some(RejectCode::AccountSuspended));
		start_block(4);
		assert_accepted(Signer::new(Sr25519Keyring::Ferdie).sign(remark()));
	});
}

#[test]
fn closed_account_is_refused_for_ever() {
	dev_chain(|| {
		let mut bob = Signer::new(Sr25519Keyring::Bob);
		assert_accepted(bob.sign(RuntimeCall::Moderation(pallet_moderation::Call::close {
			who: Sr25519Keyring::Ferdie.to_account_id(),
			reason: pallet_moderation::ReasonCode::Illegal,
		})));
		start_block(1_000_000);
		assert_refused(
			Signer::new(Sr25519Keyring::Ferdie).sign(remark()),
			RejectCode::AccountClosed,
		);
	});
}

#[test]
fn restriction_refuses_only_its_scope() {
	dev_chain(|| {
		let mut bob = Signer::new(Sr25519Keyring::Bob);
		assert_accepted(bob.sign(RuntimeCall::Moderation(pallet_moderation::Call::restrict {
			who: Sr25519Keyring::Ferdie.to_account_id(),
			scope: RestrictionScope::Transfers,
			until: 1_000,
			reason: pallet_moderation::ReasonCode::Fraud,
		})));
		assert_refused(
			Signer::new(Sr25519Keyring::Ferdie).sign(transfer_to(Sr25519Keyring::Eve)),
			RejectCode::AccountRestricted,
		);
		// What the restriction allows still goes through.
		assert_accepted(Signer::new(Sr25519Keyring::Ferdie).sign(remark()));
	});
}

#[test]
fn value_never_reaches_an_unverified_account() {
	dev_chain(|| {
		let before = Balances::free_balance(Sr25519Keyring::One.to_account_id());
		assert_refused(
			Signer::new(Sr25519Keyring::Ferdie).sign(transfer_to(Sr25519Keyring::One)),
			RejectCode::DestinationNotVerified,
		);
		assert_eq!(Balances::free_balance(Sr25519Keyring::One.to_account_id()), before);
	});
}

#[test]
fn service_suspension_refuses_users_but_not_the_regulator_or_admin() {
	dev_chain(|| {
		let mut eve = Signer::new(Sr25519Keyring::Eve);
		assert_accepted(eve.sign(RuntimeCall::Filing(pallet_filing::Call::suspend_service {
			reason: ContentHash::repeat_byte(9),
		})));
		assert_refused(
			Signer::new(Sr25519Keyring::Ferdie).sign(remark()),
			RejectCode::ServiceSuspended,
		);
		// The moderators still rectify the service, the admin still administers it.
		let mut bob = Signer::new(Sr25519Keyring::Bob);
		assert_accepted(bob.sign(RuntimeCall::Moderation(pallet_moderation::Call::hide {
			hash: ContentHash::repeat_byte(1),
			reason: pallet_moderation::ReasonCode::Rumour,
			note_hash: ContentHash::repeat_byte(2),
		})));
		assert_accepted(eve.sign(RuntimeCall::Filing(pallet_filing::Call::resume_service {})));
		assert_accepted(Signer::new(Sr25519Keyring::Ferdie).sign(remark()));
		assert!(Moderation::content(ContentHash::repeat_byte(1)).is_some());
	});
}

#[test]
fn a_verified_account_emptied_to_zero_stays_verified_and_keeps_its_nonce() {
	dev_chain(|| {
		let ferdie = Sr25519Keyring::Ferdie.to_account_id();
		let mut signer = Signer::new(Sr25519Keyring::Ferdie);
		assert_eq!(System::providers(&ferdie), 2, "balances' and real-name's");
		assert_accepted(signer.sign(RuntimeCall::Balances(pallet_balances::Call::transfer_all {
			dest: Sr25519Keyring::Eve.to_account_id().into(),
			keep_alive: false,
		})));

		// The balance is gone, the entry (nonce, summary) is not: real-name still provides it.
		let entry = frame_system::Account::<Runtime>::get(&ferdie);
		assert_eq!(entry.data.balance(), Default::default());
		assert_eq!(entry.providers, 1);
		assert_eq!(entry.nonce, signer.nonce);
		let record = pallet_real_name::Accounts::<Runtime>::get(&ferdie).expect("a record");
		assert_eq!(entry.data.compliance(), record.summary());
		assert!(entry.data.compliance().verification.is_some());

		// Funded again, it transacts without a new verification, and its old transactions
		// cannot be replayed: the nonce went on.
		Balances::force_set_balance(RuntimeOrigin::root(), ferdie.clone().into(), 10 * UNIT)
			.expect("root sets balances");
		assert_accepted(signer.sign(remark()));
	});
}

#[test]
fn an_account_without_a_record_is_removed_when_emptied() {
	dev_chain(|| {
		let one = Sr25519Keyring::One.to_account_id();
		assert!(frame_system::Account::<Runtime>::contains_key(&one));
		Balances::force_set_balance(RuntimeOrigin::root(), one.clone().into(), 0)
			.expect("root sets balances");
		assert!(!frame_system::Account::<Runtime>::contains_key(&one));
	});
}

#[test]
fn account_data_starts_with_the_balances_encoding() {
	use crate::configs::account_data::AccountData;
	dev_chain(|| {
		let data =
			frame_system::Account::<Runtime>::get(Sr25519Keyring::Ferdie.to_account_id()).data;
		assert!(data.free > 0);
		let encoded = data.encode();
		assert!(encoded.starts_with(&data.balance().encode()));
		assert_eq!(AccountData::default().balance(), pallet_balances::AccountData::default());
	});
}

#[test]
fn free_text_is_refused_for_users_and_staff_alike() {
	dev_chain(|| {
		for key in [Sr25519Keyring::Ferdie, Sr25519Keyring::Bob, Sr25519Keyring::Alice] {
			assert_refused(Signer::new(key).sign(free_text()), RejectCode::CallNotPermitted);
			let with_event =
				RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![7; 64] });
			assert_refused(Signer::new(key).sign(with_event), RejectCode::CallNotPermitted);
		}
	});
}

#[test]
fn value_never_reaches_a_closed_account() {
	dev_chain(|| {
		let mut bob = Signer::new(Sr25519Keyring::Bob);
		assert_accepted(bob.sign(RuntimeCall::Moderation(pallet_moderation::Call::close {
			who: Sr25519Keyring::Ferdie.to_account_id(),
			reason: pallet_moderation::ReasonCode::Fraud,
		})));
		let before = Balances::free_balance(Sr25519Keyring::Ferdie.to_account_id());
		assert_refused(
			Signer::new(Sr25519Keyring::Eve).sign(transfer_to(Sr25519Keyring::Ferdie)),
			RejectCode::DestinationClosed,
		);
		assert_eq!(Balances::free_balance(Sr25519Keyring::Ferdie.to_account_id()), before);
	});
}

#[test]
fn a_sanctioned_user_can_always_appeal_and_accept_new_rules() {
	dev_chain(|| {
		let mut bob = Signer::new(Sr25519Keyring::Bob);
		assert_accepted(bob.sign(RuntimeCall::Moderation(pallet_moderation::Call::suspend {
			who: Sr25519Keyring::Ferdie.to_account_id(),
			until: 1_000,
			reason: pallet_moderation::ReasonCode::Fraud,
		})));
		let case_id = pallet_moderation::NextCaseId::<Runtime>::get() - 1;
		// A new convention is published while Ferdie is suspended and has not acknowledged it.
		let mut alice = Signer::new(Sr25519Keyring::Alice);
		assert_accepted(alice.sign(RuntimeCall::Filing(pallet_filing::Call::publish_rules {
			kind: pallet_filing::RulesKind::PlatformConvention,
			version: 2,
			doc_hash: ContentHash::repeat_byte(2),
			uri: b"https://example.org/convention-2".to_vec(),
		})));
		let ferdie = Sr25519Keyring::Ferdie;
		assert_refused(Signer::new(ferdie).sign(remark()), RejectCode::AccountSuspended);
		// The appeal passes both the standing and the convention check...
		assert_accepted(Signer::new(ferdie).sign(RuntimeCall::Moderation(
			pallet_moderation::Call::appeal {
				case_id,
				statement_hash: ContentHash::repeat_byte(3),
			},
		)));
		// ...and so does the acknowledgement of the new rules, which one event records.
		System::reset_events();
		assert_accepted(
			Signer::new(ferdie)
				.sign(RuntimeCall::RealName(pallet_real_name::Call::acknowledge { version: 2 })),
		);
		let acknowledged = System::events()
			.iter()
			.filter(|record| {
				matches!(
					record.event,
					crate::RuntimeEvent::RealName(
						pallet_real_name::Event::ConventionAcknowledged { .. }
					)
				)
			})
			.count();
		assert_eq!(acknowledged, 1);
		assert_eq!(
			pallet_real_name::Accounts::<Runtime>::get(ferdie.to_account_id())
				.map(|record| record.acknowledged_convention),
			Some(2)
		);
	});
}

#[test]
fn the_acknowledgement_waits_while_the_service_is_suspended() {
	dev_chain(|| {
		let mut eve = Signer::new(Sr25519Keyring::Eve);
		assert_accepted(eve.sign(RuntimeCall::Filing(pallet_filing::Call::suspend_service {
			reason: ContentHash::repeat_byte(9),
		})));
		assert_refused(
			Signer::new(Sr25519Keyring::Ferdie)
				.sign(RuntimeCall::RealName(pallet_real_name::Call::acknowledge { version: 1 })),
			RejectCode::ServiceSuspended,
		);
	});
}

/// Asserts that the pool accepts `xt` and the block includes it, and that its call fails with
/// `error`: the signer pays the fee and its nonce moves on, nothing else changes.
pub(super) fn assert_failed(xt: UncheckedExtrinsic, error: sp_runtime::DispatchError) {
	validate(&xt).expect("the pool accepts the transaction");
	let outcome = Executive::apply_extrinsic(xt).expect("the block includes the transaction");
	assert_eq!(outcome, Err(error));
}

#[test]
fn a_moderator_cannot_lift_a_measure_on_himself_or_decide_his_own_appeal() {
	dev_chain(|| {
		// Ferdie, restricted by Charlie, then becomes a moderator by consortium motion (a
		// moderator cannot take a measure against another role holder).
		let ferdie_id = Sr25519Keyring::Ferdie.to_account_id();
		let mut charlie = Signer::new(Sr25519Keyring::Charlie);
		assert_accepted(charlie.sign(RuntimeCall::Moderation(pallet_moderation::Call::restrict {
			who: ferdie_id.clone(),
			scope: RestrictionScope::Publishing,
			until: 1_000,
			reason: pallet_moderation::ReasonCode::Rumour,
		})));
		let case_id = pallet_moderation::NextCaseId::<Runtime>::get() - 1;
		super::governance::pass_consortium_motion(RuntimeCall::Moderators(
			pallet_membership::Call::add_member { who: ferdie_id.clone().into() },
		));
		let standing = pallet_real_name::Pallet::<Runtime>::standing_of(&ferdie_id);
		let mut ferdie = Signer::new(Sr25519Keyring::Ferdie);
		assert_refused(ferdie.sign(remark()), RejectCode::AccountRestricted);
		let mut ferdie = Signer::new(Sr25519Keyring::Ferdie);
		assert_failed(
			ferdie.sign(RuntimeCall::Moderation(pallet_moderation::Call::lift {
				who: ferdie_id.clone(),
				reason: pallet_moderation::ReasonCode::Other,
			})),
			pallet_moderation::Error::<Runtime>::OwnAccount.into(),
		);
		assert_accepted(ferdie.sign(RuntimeCall::Moderation(pallet_moderation::Call::appeal {
			case_id,
			statement_hash: ContentHash::repeat_byte(5),
		})));
		assert_failed(
			ferdie.sign(RuntimeCall::Moderation(pallet_moderation::Call::decide_appeal {
				case_id,
				upheld: true,
				note_hash: ContentHash::repeat_byte(6),
			})),
			pallet_moderation::Error::<Runtime>::OwnCase.into(),
		);
		assert_eq!(pallet_real_name::Pallet::<Runtime>::standing_of(&ferdie_id), standing);
		// Charlie acted in the case; Bob, a moderator who did not, decides it: the restriction,
		// still in force, is undone.
		let mut bob = Signer::new(Sr25519Keyring::Bob);
		assert_accepted(bob.sign(RuntimeCall::Moderation(
			pallet_moderation::Call::decide_appeal {
				case_id,
				upheld: true,
				note_hash: ContentHash::repeat_byte(6),
			},
		)));
		assert_eq!(
			pallet_real_name::Pallet::<Runtime>::standing_of(&ferdie_id),
			compliance_primitives::Standing::Good
		);
	});
}

#[test]
fn no_signed_user_claims_a_node_or_attaches_peers() {
	use pallet_node_authorization::Call as Nodes;
	dev_chain(|| {
		let peer =
			sp_core::OpaquePeerId(b"12D3KooWBmAwcd4PJNJvfV89HwE48nwkRmAgo8Vy3uQEyNNHBox2".to_vec());
		let calls = [
			Nodes::claim_node { node: peer.clone() },
			Nodes::remove_claim { node: peer.clone() },
			Nodes::transfer_node {
				node: peer.clone(),
				owner: Sr25519Keyring::Ferdie.to_account_id().into(),
			},
			Nodes::add_connections { node: peer.clone(), connections: vec![peer.clone()] },
			Nodes::remove_connections { node: peer.clone(), connections: vec![peer.clone()] },
		];
		for call in calls {
			for key in [Sr25519Keyring::Ferdie, Sr25519Keyring::Alice] {
				assert_refused(
					Signer::new(key).sign(RuntimeCall::NodeAuthorization(call.clone())),
					RejectCode::CallNotPermitted,
				);
			}
		}
		assert!(pallet_node_authorization::Owners::<Runtime>::get(peer).is_none());
	});
}
