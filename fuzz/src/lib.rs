//! # compliance-fuzz
//!
//! Fuzzing of the Compliance Chain runtime. An input is a SCALE-encoded sequence of [`Step`]s:
//! who signs (one of [`SIGNERS`]), how many blocks pass first, and any `RuntimeCall`. Each step
//! is signed with the runtime's own transaction extensions and applied to the real runtime in
//! test externalities holding the development genesis, the way a block author applies it
//! (refused transactions are rolled back). After every step the harness checks:
//!
//! - nothing panics;
//! - a signer that is unverified, suspended or closed gets no call applied, except the calls its
//!   standing exempts (an appeal, an acknowledgement) and a body member's governance calls;
//! - no signer changes a measure on its own account or moderates its own content;
//! - the runtime code changes only through an assessed upgrade (no origin reaches `set_code`,
//!   `set_storage` and the other `Root` calls, whether signed or carried by a motion);
//! - a free-text remark is never applied, whoever signs it;
//! - content the chain hid (and did not restore) is never reported visible by the `ModerationApi`
//!   view;
//! - total issuance never rises, and falls only by the fees, burns and dust of the step;
//! - the weight charged before dispatch is at least the actual weight;
//! - with the `try-runtime` feature, every pallet's `try_state`.
//!
//! `cargo fuzz run runtime` (see README, "Fuzzing") drives [`run`] with libFuzzer; the tests
//! replay the committed corpus.

pub mod seeds;

use codec::{Decode, DecodeLimit, Encode};
use compliance_primitives::{ContentHash, Standing};
use compliance_runtime::{
	configs::{
		compliance::{ForbiddenCalls, StandingExemptCalls},
		governance::AccountableCalls,
	},
	Balances, Executive, Header, Moderation, RealName, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeGenesisConfig, SignedPayload, System, UncheckedExtrinsic, SLOT_DURATION,
};
use frame_support::{
	dispatch::{DispatchInfo, GetDispatchInfo, PostDispatchInfo},
	traits::{Contains, ContainsPair, Currency},
};
use pallet_moderation::ContentStatus;
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{Digest, DigestItem, Era},
	traits::{Applyable, Checkable, Header as _, StaticLookup},
};
use std::{collections::BTreeMap, sync::OnceLock};

/// The accounts that sign: the development roles (Alice admin and registrar, Bob and Charlie
/// moderators, Dave assessor, Eve regulator, Ferdie user, all verified) and two funded accounts
/// nobody verified.
pub const SIGNERS: [Sr25519Keyring; 8] = [
	Sr25519Keyring::Alice,
	Sr25519Keyring::Bob,
	Sr25519Keyring::Charlie,
	Sr25519Keyring::Dave,
	Sr25519Keyring::Eve,
	Sr25519Keyring::Ferdie,
	Sr25519Keyring::One,
	Sr25519Keyring::Two,
];

/// The most steps one input runs; longer inputs are cut.
pub const MAX_STEPS: usize = 32;

/// How deeply a call may nest (a motion carrying a motion) in an input.
const MAX_DECODE_DEPTH: u32 = 8;

/// The balance the unverified signers start with.
const UNVERIFIED_FUNDS: u128 = 1_000 * compliance_runtime::UNIT;

/// One step of a fuzz input.
#[derive(Encode, Decode, Debug, Clone, PartialEq, Eq)]
pub struct Step {
	/// Index into [`SIGNERS`] (modulo its length).
	pub signer: u8,
	/// How many blocks pass before the step: see [`blocks_to_wait`].
	pub wait: u8,
	/// The call, signed by the signer.
	pub call: RuntimeCall,
}

/// Blocks that pass before a step: mostly none, sometimes one, now and then up to 100 so that
/// expiries, suspensions and response deadlines come due.
pub fn blocks_to_wait(wait: u8) -> u32 {
	match wait {
		0..=159 => 0,
		160..=239 => 1,
		240..=254 => u32::from(wait - 238) * 4,
		255 => 100,
	}
}

/// Decodes as many steps as `data` holds, up to [`MAX_STEPS`].
pub fn decode_steps(mut data: &[u8]) -> Vec<Step> {
	let mut steps = Vec::new();
	while steps.len() < MAX_STEPS && !data.is_empty() {
		match Step::decode_with_depth_limit(MAX_DECODE_DEPTH, &mut data) {
			Ok(step) => steps.push(step),
			Err(_) => break,
		}
	}
	steps
}

/// Encodes steps as a fuzz input.
pub fn encode_steps(steps: &[Step]) -> Vec<u8> {
	steps.iter().flat_map(Encode::encode).collect()
}

/// Runs one fuzz input.
pub fn run(data: &[u8]) {
	let steps = decode_steps(data);
	if !steps.is_empty() {
		run_steps(&steps);
	}
}

/// Applies `steps` to the development genesis, checking the invariants after each.
pub fn run_steps(steps: &[Step]) {
	run_steps_then(steps, || ())
}

/// Applies `steps` like [`run_steps`], then runs `inspect` on the resulting state.
pub fn run_steps_then<R>(steps: &[Step], inspect: impl FnOnce() -> R) -> R {
	let (raw, root) = genesis().clone();
	let mut ext =
		sp_io::TestExternalities::from_raw_snapshot(raw, root, sp_runtime::StateVersion::V1);
	ext.execute_with(|| {
		let mut harness = Harness::default();
		harness.next_block();
		for step in steps {
			harness.step(step);
		}
		inspect()
	})
}

/// The development genesis state, built once per process from the runtime's `development`
/// preset the way the node builds it (the preset patched over the default configuration).
fn genesis() -> &'static (Vec<(Vec<u8>, (Vec<u8>, i32))>, H256) {
	static GENESIS: OnceLock<(Vec<(Vec<u8>, (Vec<u8>, i32))>, H256)> = OnceLock::new();
	GENESIS.get_or_init(|| {
		let preset = compliance_runtime::genesis_config_presets::get_preset(
			&sp_genesis_builder::DEV_RUNTIME_PRESET.into(),
		)
		.expect("the runtime has a development preset");
		let mut config = serde_json::to_value(RuntimeGenesisConfig::default())
			.expect("the default genesis config serializes");
		let patch: serde_json::Value =
			serde_json::from_slice(&preset).expect("the development preset is JSON");
		merge(&mut config, patch);
		let config = serde_json::to_vec(&config).expect("the merged config serializes");
		let mut ext = sp_io::TestExternalities::new_empty();
		ext.execute_with(|| {
			frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(config)
				.expect("the development genesis builds");
			// Two funded accounts that nobody verified.
			for key in [Sr25519Keyring::One, Sr25519Keyring::Two] {
				Balances::make_free_balance_be(&key.to_account_id(), UNVERIFIED_FUNDS);
			}
		});
		ext.commit_all().expect("the genesis state commits");
		ext.into_raw_snapshot()
	})
}

/// Applies a genesis preset `patch` to `base` as the node's chain-spec builder does: objects
/// merge key by key, anything else is replaced.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) =>
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			},
		(base, patch) => *base = patch,
	}
}

/// What the harness remembers between steps.
#[derive(Default)]
struct Harness {
	/// Content the chain hid and has not restored, and the case that hid it.
	hidden: BTreeMap<ContentHash, u64>,
}

impl Harness {
	/// Finalizes the current block (if any) and starts the next one with its timestamp.
	fn next_block(&mut self) {
		let number = System::block_number();
		let parent = if number == 0 {
			System::block_hash(0)
		} else {
			let header = Executive::finalize_block();
			header.hash()
		};
		let next = number + 1;
		let slot = sp_consensus_aura::Slot::from(u64::from(next));
		let digest = Digest {
			logs: vec![DigestItem::PreRuntime(sp_consensus_aura::AURA_ENGINE_ID, slot.encode())],
		};
		let header = Header::new(next, Default::default(), Default::default(), parent, digest);
		Executive::initialize_block(&header);
		let now = u64::from(next) * SLOT_DURATION;
		let inherent =
			UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
				now,
			}));
		Executive::apply_extrinsic(inherent)
			.expect("the timestamp inherent is valid")
			.expect("the timestamp inherent succeeds");
	}

	/// Applies one step and checks the invariants.
	fn step(&mut self, step: &Step) {
		for _ in 0..blocks_to_wait(step.wait) {
			self.next_block();
		}
		let key = SIGNERS[usize::from(step.signer) % SIGNERS.len()];
		let who = key.to_account_id();
		let xt = sign(key, step.call.clone());
		let info = xt.get_dispatch_info();

		let status = RealName::account_status(who.clone());
		let standing_blocks =
			matches!(status.standing, Standing::Suspended { .. } | Standing::Closed);
		// A body's member answers for its governance calls through the role (checked before the
		// step, as the pool and the block check it).
		let accountable = AccountableCalls::contains(&who, &step.call);
		let blocked = !accountable &&
			(!status.verified ||
				(standing_blocks && !StandingExemptCalls::contains(&step.call)));

		let issuance = Balances::total_issuance();
		let code_before = sp_io::storage::get(sp_core::storage::well_known_keys::CODE);
		let events_before = System::event_count() as usize;

		// A dry run that shows the call's own post-dispatch weight, which the block path only
		// reports clamped to the pre-dispatch weight.
		let post_info = dry_run(&xt, &info);

		// As a block author does: a transaction the runtime refuses leaves nothing behind.
		sp_io::storage::start_transaction();
		let applied = Executive::apply_extrinsic(xt);
		match &applied {
			Ok(_) => sp_io::storage::commit_transaction(),
			Err(_) => sp_io::storage::rollback_transaction(),
		}

		if ForbiddenCalls::contains(&step.call) {
			assert!(applied.is_err(), "{key:?} got free text {:?} applied", step.call);
		}
		if applied.is_ok() {
			assert!(!blocked, "{key:?} ({status:?}) got {:?} applied", step.call);
			let post = post_info.expect("what the block applied, the dry run applied too");
			// Call plus extensions, as charged before dispatch and as reported after it.
			let charged = info.total_weight();
			let actual = post.actual_weight.unwrap_or(charged);
			assert!(
				actual.all_lte(charged),
				"the actual weight {actual:?} exceeds the pre-dispatch weight {charged:?}: {:?}",
				step.call
			);
		}

		let events: Vec<RuntimeEvent> = System::read_events_no_consensus()
			.skip(events_before)
			.map(|record| record.event)
			.collect();
		self.check_issuance(issuance, &events, &step.call);
		check_no_self_dealing(&who, &events, &step.call);
		check_code_unchanged_unless_assessed(code_before.as_deref(), &events, &step.call);
		check_authorities_remain(&step.call);
		self.track_hidden(&events);
		self.check_hidden();
		#[cfg(feature = "try-runtime")]
		<compliance_runtime::AllPalletsWithSystem as frame_support::traits::TryState<u32>>::try_state(
			System::block_number(),
			frame_support::traits::TryStateSelect::All,
		)
		.unwrap_or_else(|e| panic!("try_state fails after {:?}: {e:?}", step.call));
	}

	/// Total issuance never rises and falls only by what the step's events account for.
	fn check_issuance(&self, before: u128, events: &[RuntimeEvent], call: &RuntimeCall) {
		let after = Balances::total_issuance();
		assert!(after <= before, "total issuance rose from {before} to {after} after {call:?}");
		let mut accounted = 0u128;
		for event in events {
			accounted += match event {
				RuntimeEvent::TransactionPayment(
					pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, .. },
				) => *actual_fee,
				RuntimeEvent::Balances(
					pallet_balances::Event::Burned { amount, .. } |
					pallet_balances::Event::DustLost { amount, .. },
				) => *amount,
				_ => 0,
			};
		}
		assert!(
			before - after <= accounted,
			"total issuance fell by {} but fees, burns and dust account for {accounted} after {call:?}",
			before - after
		);
	}

	/// Follows hides, restores and upheld appeals in the step's events.
	fn track_hidden(&mut self, events: &[RuntimeEvent]) {
		for event in events {
			match event {
				RuntimeEvent::Moderation(pallet_moderation::Event::ContentHidden {
					hash,
					case_id,
					..
				}) => {
					self.hidden.insert(*hash, *case_id);
				},
				RuntimeEvent::Moderation(pallet_moderation::Event::ContentRestored {
					hash,
					..
				}) => {
					self.hidden.remove(hash);
				},
				RuntimeEvent::Moderation(pallet_moderation::Event::AppealDecided {
					case_id,
					measure_undone: true,
					..
				}) => self.hidden.retain(|_, case| case != case_id),
				_ => {},
			}
		}
	}

	/// Hidden content is reported hidden by the runtime API's view, by the case that hid it.
	fn check_hidden(&self) {
		for (hash, case_id) in &self.hidden {
			let view = Moderation::content(*hash);
			match view.map(|v| v.status) {
				Some(ContentStatus::Hidden { case, .. }) => assert_eq!(
					case, *case_id,
					"content {hash:?} is reported hidden by case {case}, not {case_id}"
				),
				other => panic!("hidden content {hash:?} is reported as {other:?}"),
			}
		}
	}
}

/// No event of the step changes a measure on the signer's own account or moderates content the
/// signer authored.
fn check_no_self_dealing(
	signer: &compliance_runtime::AccountId,
	events: &[RuntimeEvent],
	call: &RuntimeCall,
) {
	use pallet_moderation::Event as M;
	use pallet_real_name::Event as R;
	// A motion executes as its body, whichever member's vote or close carried it.
	if matches!(call, RuntimeCall::Consortium(_) | RuntimeCall::RegulatorsCollective(_)) {
		return;
	}
	for event in events {
		let subject = match event {
			RuntimeEvent::RealName(
				R::AccountWarned { who, .. } |
				R::StandingChanged { who, .. } |
				R::MeasureUndone { who, .. },
			) => Some(who.clone()),
			RuntimeEvent::Moderation(
				M::ContentFlagged { hash, .. } |
				M::ContentHidden { hash, .. } |
				M::ContentRestored { hash, .. },
			) => Moderation::content(*hash).and_then(|content| content.author),
			_ => None,
		};
		assert!(
			subject.as_ref() != Some(signer),
			"{signer:?} changed a measure on its own account or content: {event:?} after {call:?}"
		);
	}
}

/// Aura and GRANDPA always keep an authority, and every validator the set plans keeps its
/// session keys: no call leaves the chain unable to author or finalize.
fn check_authorities_remain(call: &RuntimeCall) {
	assert!(
		!pallet_aura::Authorities::<compliance_runtime::Runtime>::get().is_empty(),
		"Aura has no authority after {call:?}"
	);
	assert!(
		!compliance_runtime::Grandpa::grandpa_authorities().is_empty(),
		"GRANDPA has no authority after {call:?}"
	);
	for validator in pallet_validator_set::Validators::<compliance_runtime::Runtime>::get() {
		assert!(
			pallet_session::NextKeys::<compliance_runtime::Runtime>::contains_key(&validator),
			"validator {validator:?} lost its session keys after {call:?}"
		);
	}
}

/// The runtime code (`:code`) changes only by an upgrade the assessment gate let through.
fn check_code_unchanged_unless_assessed(
	before: Option<&[u8]>,
	events: &[RuntimeEvent],
	call: &RuntimeCall,
) {
	let after = sp_io::storage::get(sp_core::storage::well_known_keys::CODE);
	let assessed = events.iter().any(|event| {
		matches!(event, RuntimeEvent::Filing(pallet_filing::Event::AssessedUpgradeApplied { .. }))
	});
	assert!(
		after.as_deref() == before || assessed,
		"the runtime code changed without an assessed upgrade after {call:?}"
	);
}

/// Applies `xt` the way `Executive::apply_extrinsic` does (signature check, then the
/// extensions and the call), returns its post-dispatch info, and rolls every change back.
fn dry_run(xt: &UncheckedExtrinsic, info: &DispatchInfo) -> Option<PostDispatchInfo> {
	sp_io::storage::start_transaction();
	let post = xt
		.clone()
		.check(&frame_system::ChainContext::<Runtime>::default())
		.ok()
		.and_then(|checked| checked.apply::<Runtime>(info, xt.encoded_size()).ok())
		.map(|outcome| match outcome {
			Ok(post) => post,
			Err(error) => error.post_info,
		});
	sp_io::storage::rollback_transaction();
	post
}

/// `call` signed by `key` with its next nonce and the runtime's transaction extensions.
fn sign(key: Sr25519Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
	let who = key.to_account_id();
	let nonce = System::account_nonce(&who);
	let extension = compliance_runtime::tx_extension(Era::Immortal, nonce, 0);
	let payload = SignedPayload::new(call.clone(), extension.clone())
		.expect("the extensions' implicit data is available");
	let signature = payload.using_encoded(|bytes| key.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		<Runtime as frame_system::Config>::Lookup::unlookup(who),
		signature.into(),
		extension,
	)
}
