//! The pallets' view functions, run as a client runs them: found by pallet and name in the
//! metadata the compiled Wasm serves, called through the runtime's dispatcher by their id with
//! SCALE-encoded arguments, their SCALE-encoded answers decoded.

use super::{
	metadata::wasm_metadata,
	real_name_check::{assert_accepted, dev_chain, Signer},
};
use crate::{AccountId, BlockNumber, Filing, Moderation, RealName, Runtime, RuntimeCall};
use codec::{Decode, DecodeAll, Encode};
use compliance_primitives::ContentHash;
// frame-metadata through frame-support's re-export: the runtime does not depend on it directly,
// and a new dependency would change the workspace's lock file for one test.
use frame_support::{
	__private::metadata::{v16::RuntimeMetadataV16, RuntimeMetadata, RuntimeMetadataPrefixed},
	view_functions::ViewFunctionId,
};
use sp_keyring::Sr25519Keyring;

/// The metadata (version 16, the one that lists view functions) the node serves clients.
fn served_metadata() -> RuntimeMetadataV16 {
	let prefixed = RuntimeMetadataPrefixed::decode(&mut &wasm_metadata()[..])
		.expect("the runtime serves decodable metadata");
	match prefixed.1 {
		RuntimeMetadata::V16(metadata) => metadata,
		_ => panic!("the runtime serves metadata version 16"),
	}
}

/// The id the metadata lists for view function `name` of pallet `pallet`.
fn view_function_id(metadata: &RuntimeMetadataV16, pallet: &str, name: &str) -> ViewFunctionId {
	let id = metadata
		.pallets
		.iter()
		.find(|p| p.name == pallet)
		.unwrap_or_else(|| panic!("the metadata lists pallet {pallet}"))
		.view_functions
		.iter()
		.find(|f| f.name == name)
		.unwrap_or_else(|| panic!("the metadata lists view function {pallet}.{name}"))
		.id;
	let (prefix, suffix) = id.split_at(16);
	ViewFunctionId {
		prefix: prefix.try_into().expect("an id is 32 bytes"),
		suffix: suffix.try_into().expect("an id is 32 bytes"),
	}
}

/// Runs view function `id` with the SCALE-encoded `args` and decodes its answer as `R`.
fn run<R: DecodeAll>(id: &ViewFunctionId, args: impl Encode) -> R {
	let answer = Runtime::execute_view_function(id.clone(), args.encode())
		.unwrap_or_else(|e| panic!("the runtime runs view function {id:?}: {e:?}"));
	R::decode_all(&mut &answer[..]).expect("the answer decodes as the return type")
}

#[test]
fn each_pallets_view_functions_run_by_their_metadata_ids() {
	let metadata = served_metadata();
	let account_status = view_function_id(&metadata, "RealName", "account_status");
	let content = view_function_id(&metadata, "Moderation", "content");
	let service_status = view_function_id(&metadata, "Filing", "service_status");
	dev_chain(|| {
		type ContentView = pallet_moderation::ContentView<AccountId, BlockNumber>;
		let ferdie = Sr25519Keyring::Ferdie;
		let hash = ContentHash::repeat_byte(7);
		assert_eq!(run::<Option<ContentView>>(&content, hash), None);
		assert_accepted(Signer::new(ferdie).sign(RuntimeCall::Moderation(
			pallet_moderation::Call::publish {
				hash,
				kind: pallet_moderation::ContentKind::Text,
				uri: b"ipfs://post".to_vec().try_into().expect("a short uri"),
			},
		)));
		let published = run::<Option<ContentView>>(&content, hash);
		assert_eq!(published.as_ref().and_then(|c| c.author.clone()), Some(ferdie.to_account_id()));
		assert_eq!(published, Moderation::content(hash));

		let status = run::<pallet_real_name::AccountStatus<BlockNumber>>(
			&account_status,
			ferdie.to_account_id(),
		);
		assert!(status.verified);
		assert_eq!(status, RealName::account_status(ferdie.to_account_id()));

		type ServiceStatus = pallet_filing::ServiceStatus<BlockNumber>;
		assert_eq!(run::<ServiceStatus>(&service_status, ()), ServiceStatus::Active);
		let reason = ContentHash::repeat_byte(9);
		assert_accepted(
			Signer::new(Sr25519Keyring::Eve)
				.sign(RuntimeCall::Filing(pallet_filing::Call::suspend_service { reason })),
		);
		let suspended = run::<ServiceStatus>(&service_status, ());
		assert_eq!(suspended, ServiceStatus::Suspended { reason, since: 1 });
		assert_eq!(suspended, Filing::service_status());
	});
}
