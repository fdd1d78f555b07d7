//! The committed corpus: the seeds are the current ones, and every input in it runs clean
//! (the same checks as the fuzzer; `try_state` too when built with `--features try-runtime`).

use std::path::Path;

fn corpus_dir() -> std::path::PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/runtime")
}

#[test]
fn seeds_decode_to_themselves_and_are_committed() {
	for (name, steps) in compliance_fuzz::seeds::seeds() {
		let encoded = compliance_fuzz::encode_steps(&steps);
		assert_eq!(compliance_fuzz::decode_steps(&encoded), steps, "seed {name} round-trips");
		let committed = std::fs::read(corpus_dir().join(format!("seed-{name}")))
			.unwrap_or_else(|e| panic!("seed {name} is not committed ({e}): run write-seeds"));
		assert_eq!(committed, encoded, "seed {name} is stale: run write-seeds");
	}
}

#[test]
fn every_corpus_input_runs_clean() {
	let mut inputs = 0;
	for entry in std::fs::read_dir(corpus_dir()).expect("the corpus directory exists") {
		let path = entry.expect("a readable corpus entry").path();
		let data = std::fs::read(&path).expect("a readable corpus file");
		compliance_fuzz::run(&data);
		inputs += 1;
	}
	assert!(inputs >= compliance_fuzz::seeds::seeds().len(), "the corpus holds the seeds");
}

#[test]
fn a_refused_step_changes_nothing_and_a_verified_one_applies() {
	use compliance_fuzz::{run_steps_then, Step, SIGNERS};
	use compliance_runtime::{RuntimeCall, System};
	use sp_keyring::Sr25519Keyring::{Ferdie, One};
	let index = |key| SIGNERS.iter().position(|k| *k == key).unwrap() as u8;
	let publish = RuntimeCall::Moderation(pallet_moderation::Call::publish {
		hash: sp_core::H256::repeat_byte(1),
		kind: pallet_moderation::ContentKind::Text,
		uri: b"ipfs://a".to_vec().try_into().unwrap(),
	});
	let (one, ferdie) = run_steps_then(
		&[
			Step { signer: index(One), wait: 0, call: publish.clone() },
			Step { signer: index(Ferdie), wait: 200, call: publish },
		],
		|| {
			(
				System::account_nonce(One.to_account_id()),
				System::account_nonce(Ferdie.to_account_id()),
			)
		},
	);
	assert_eq!(one, 0, "the unverified signer's publication was refused");
	assert_eq!(ferdie, 1, "the verified signer's publication was applied");
}
