//! The seed corpus: short stories of the chain's duties, each a sequence of [`Step`]s, that the
//! fuzzer mutates. `cargo run -p compliance-fuzz --bin write-seeds` writes them to
//! `fuzz/corpus/runtime/`; the tests check that the committed files are exactly these.

use crate::{Step, SIGNERS};
use codec::Encode;
use compliance_primitives::ContentHash;
use compliance_runtime::{RuntimeCall, UNIT};
use frame_support::dispatch::GetDispatchInfo;
use pallet_moderation::{ContentKind, ReasonCode, ReportTarget};
use pallet_real_name::VerificationLevel;
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::{BlakeTwo256, Hash};

/// The index of `key` in [`SIGNERS`].
fn signer(key: Sr25519Keyring) -> u8 {
	SIGNERS.iter().position(|k| *k == key).expect("a fuzz signer") as u8
}

/// A step by `key`, `wait` as in [`crate::blocks_to_wait`].
fn step(key: Sr25519Keyring, wait: u8, call: RuntimeCall) -> Step {
	Step { signer: signer(key), wait, call }
}

fn content(byte: u8) -> ContentHash {
	ContentHash::repeat_byte(byte)
}

fn transfer(to: Sr25519Keyring, value: u128) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: to.to_account_id().into(),
		value,
	})
}

fn publish(hash: ContentHash) -> RuntimeCall {
	RuntimeCall::Moderation(pallet_moderation::Call::publish {
		hash,
		kind: ContentKind::Text,
		uri: b"https://chain.example.cn/p/1".to_vec().try_into().expect("a short URI"),
	})
}

fn hide(hash: ContentHash) -> RuntimeCall {
	RuntimeCall::Moderation(pallet_moderation::Call::hide {
		hash,
		reason: ReasonCode::Fraud,
		note_hash: content(0xee),
	})
}

fn verify(who: Sr25519Keyring, expires_at: u32) -> RuntimeCall {
	RuntimeCall::RealName(pallet_real_name::Call::verify {
		who: who.to_account_id().into(),
		commitment: content(0x5a),
		level: VerificationLevel::Basic,
		expires_at,
	})
}

/// The consortium motion of the `consortium-motion` seed.
fn add_ferdie_as_moderator() -> RuntimeCall {
	RuntimeCall::Moderators(pallet_membership::Call::add_member {
		who: Sr25519Keyring::Ferdie.to_account_id().into(),
	})
}

/// A consortium motion for `call`, needing two ayes (of the three development members).
fn motion_propose(call: RuntimeCall) -> RuntimeCall {
	let length_bound = call.encoded_size() as u32;
	RuntimeCall::Consortium(pallet_collective::Call::propose {
		threshold: 2,
		proposal: Box::new(call),
		length_bound,
	})
}

/// An aye on the first consortium motion (index 0), which carries `call`.
fn motion_vote(call: &RuntimeCall) -> RuntimeCall {
	RuntimeCall::Consortium(pallet_collective::Call::vote {
		proposal: BlakeTwo256::hash_of(call),
		index: 0,
		approve: true,
	})
}

/// Closes the first consortium motion (index 0), which carries `call`.
fn motion_close(call: &RuntimeCall) -> RuntimeCall {
	RuntimeCall::Consortium(pallet_collective::Call::close {
		proposal_hash: BlakeTwo256::hash_of(call),
		index: 0,
		proposal_weight_bound: call.get_dispatch_info().call_weight,
		length_bound: call.encoded_size() as u32,
	})
}

/// Every seed, by file name.
pub fn seeds() -> Vec<(&'static str, Vec<Step>)> {
	use Sr25519Keyring::{Alice, Bob, Charlie, Ferdie, One, Two};
	vec![
		(
			"transfers",
			vec![
				step(Ferdie, 0, transfer(Alice, UNIT)),
				step(One, 0, transfer(Alice, UNIT)),
				step(Alice, 200, transfer(Two, UNIT)),
			],
		),
		(
			"verify-then-transfer",
			vec![
				step(Alice, 0, verify(One, 20)),
				step(
					One,
					0,
					RuntimeCall::RealName(pallet_real_name::Call::acknowledge { version: 1 }),
				),
				step(One, 200, transfer(Ferdie, UNIT)),
				step(One, 255, transfer(Ferdie, UNIT)),
			],
		),
		(
			"hide-appeal-restore",
			vec![
				step(Ferdie, 0, publish(content(1))),
				step(Bob, 200, hide(content(1))),
				step(Ferdie, 0, publish(content(1))),
				step(
					Ferdie,
					0,
					RuntimeCall::Moderation(pallet_moderation::Call::appeal {
						case_id: 0,
						statement_hash: content(2),
					}),
				),
				step(
					Bob,
					0,
					RuntimeCall::Moderation(pallet_moderation::Call::decide_appeal {
						case_id: 0,
						upheld: true,
						note_hash: content(3),
					}),
				),
				step(
					Charlie,
					0,
					RuntimeCall::Moderation(pallet_moderation::Call::decide_appeal {
						case_id: 0,
						upheld: true,
						note_hash: content(3),
					}),
				),
			],
		),
		(
			"suspend-then-act",
			vec![
				step(
					Bob,
					0,
					RuntimeCall::Moderation(pallet_moderation::Call::suspend {
						who: Ferdie.to_account_id(),
						until: 30,
						reason: ReasonCode::Fraud,
					}),
				),
				step(Ferdie, 200, transfer(Alice, UNIT)),
				step(
					Ferdie,
					0,
					RuntimeCall::Moderation(pallet_moderation::Call::appeal {
						case_id: 0,
						statement_hash: content(4),
					}),
				),
				step(Ferdie, 255, transfer(Alice, UNIT)),
				step(
					Bob,
					0,
					RuntimeCall::Moderation(pallet_moderation::Call::close {
						who: Ferdie.to_account_id(),
						reason: ReasonCode::Illegal,
					}),
				),
				step(Ferdie, 200, publish(content(5))),
			],
		),
		(
			"report-deadline",
			vec![
				step(
					Ferdie,
					0,
					RuntimeCall::Moderation(pallet_moderation::Call::report {
						target: ReportTarget::Content(content(6)),
						category: ReasonCode::Rumour,
						evidence_hash: content(7),
					}),
				),
				step(
					Ferdie,
					0,
					RuntimeCall::Moderation(pallet_moderation::Call::report {
						target: ReportTarget::Account(Alice.to_account_id()),
						category: ReasonCode::Fraud,
						evidence_hash: content(8),
					}),
				),
				step(
					Charlie,
					255,
					RuntimeCall::Moderation(pallet_moderation::Call::resolve {
						report_id: 0,
						outcome: pallet_moderation::ReportOutcome::Dismissed,
						note_hash: content(9),
					}),
				),
			],
		),
		(
			"consortium-motion",
			vec![
				step(Alice, 0, motion_propose(add_ferdie_as_moderator())),
				step(Alice, 0, motion_vote(&add_ferdie_as_moderator())),
				step(Bob, 0, motion_vote(&add_ferdie_as_moderator())),
				step(Charlie, 0, motion_close(&add_ferdie_as_moderator())),
				step(Ferdie, 200, hide(content(10))),
				step(One, 0, hide(content(11))),
			],
		),
		(
			"self-dealing",
			vec![
				step(
					Charlie,
					0,
					RuntimeCall::Moderation(pallet_moderation::Call::restrict {
						who: Bob.to_account_id(),
						scope: compliance_primitives::RestrictionScope::Publishing,
						until: 50,
						reason: ReasonCode::Fraud,
					}),
				),
				step(
					Bob,
					0,
					RuntimeCall::Moderation(pallet_moderation::Call::lift {
						who: Bob.to_account_id(),
						reason: ReasonCode::Other,
					}),
				),
				step(
					Bob,
					0,
					RuntimeCall::Moderation(pallet_moderation::Call::appeal {
						case_id: 0,
						statement_hash: content(12),
					}),
				),
				step(
					Bob,
					0,
					RuntimeCall::Moderation(pallet_moderation::Call::decide_appeal {
						case_id: 0,
						upheld: true,
						note_hash: content(13),
					}),
				),
				step(Bob, 0, publish(content(14))),
				step(Bob, 0, hide(content(14))),
			],
		),
		(
			"free-text",
			vec![
				step(
					Ferdie,
					0,
					RuntimeCall::System(frame_system::Call::remark { remark: b"hello".to_vec() }),
				),
				step(
					Alice,
					0,
					RuntimeCall::System(frame_system::Call::remark_with_event {
						remark: vec![0; 1024],
					}),
				),
			],
		),
	]
}
