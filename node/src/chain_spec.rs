//! The chain specifications the node knows by name.

use compliance_runtime::{
	genesis_config_presets, SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY,
};
use sc_network_types::{ed25519, PeerId};
use sc_service::{ChainType, Properties};
use sp_core::OpaquePeerId;
use sp_genesis_builder::PresetId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// The chain specification type of this node.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token symbol, decimals and address format, for wallets.
fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

/// The runtime's Wasm blob, or why it is missing.
fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the runtime's Wasm blob was not built (SKIP_WASM_BUILD was set); rebuild without it"
			.to_string()
	})
}

/// A single-validator development chain (`--dev`, `--chain dev`).
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Compliance Development")
		.with_id("compliance_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// The validators of the local testnet: the development keys of their authoring (sr25519) and
/// finality (ed25519) keys. Each is also a well-known node of node authorization, owned by its
/// sr25519 account.
const LOCAL_VALIDATORS: [(Sr25519Keyring, Ed25519Keyring); 3] = [
	(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
	(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
	(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
];

/// The libp2p node key of a local testnet validator (`--alice`, `--bob` or `--charlie`), or
/// `None` for any other development key. It is the secret seed of the validator's ed25519
/// development key (`compliance-node key inspect --scheme ed25519 //Alice` prints it), so the
/// node's identity follows from the key it validates with: no key file to hand around.
pub fn local_validator_node_key(validator: Sr25519Keyring) -> Option<ed25519::SecretKey> {
	let (_, finality) =
		LOCAL_VALIDATORS.into_iter().find(|(authoring, _)| *authoring == validator)?;
	ed25519::SecretKey::try_from_bytes(finality.pair().seed()).ok()
}

/// The peer id of the node that runs with [`local_validator_node_key`].
fn local_validator_peer_id(validator: Sr25519Keyring) -> Result<PeerId, String> {
	let secret = local_validator_node_key(validator)
		.ok_or_else(|| format!("{validator:?} is not a local testnet validator"))?;
	Ok(ed25519::Keypair::from(secret).public().to_peer_id())
}

/// The `local_testnet` preset of the runtime, with the three validators' nodes as the well-known
/// nodes of node authorization. The runtime has no libp2p to compute peer ids with, so the node
/// adds them.
fn local_genesis_patch() -> Result<serde_json::Value, String> {
	let preset = genesis_config_presets::get_preset(&PresetId::from(
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	))
	.ok_or("the runtime has no `local_testnet` preset")?;
	let mut patch: serde_json::Value = serde_json::from_slice(&preset)
		.map_err(|e| format!("the `local_testnet` preset is not JSON: {e}"))?;
	let nodes = LOCAL_VALIDATORS
		.into_iter()
		.map(|(validator, _)| {
			let peer_id = local_validator_peer_id(validator)?;
			Ok((OpaquePeerId::new(peer_id.to_bytes()), validator.to_account_id()))
		})
		.collect::<Result<Vec<_>, String>>()?;
	sc_chain_spec::json_patch::merge(
		&mut patch,
		serde_json::json!({ "nodeAuthorization": { "nodes": nodes } }),
	);
	Ok(patch)
}

/// A three-validator local network (`--chain local`): Alice, Bob and Charlie validate, and their
/// nodes (with the node keys of [`local_validator_node_key`]) are the authorised ones.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Compliance Local Testnet")
		.with_id("compliance_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_patch(local_genesis_patch()?)
		.with_properties(properties())
		.build())
}
