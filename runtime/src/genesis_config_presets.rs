//! Genesis presets: `development` (one validator, Alice) and `local_testnet` (Alice, Bob and
//! Charlie validate; sessions of 10 blocks on both). Both put a development account in each role:
//!
//! | account | role                                                        |
//! |---------|-------------------------------------------------------------|
//! | Alice   | consortium member, registrar, filing operator, validator    |
//! | Bob     | consortium member, moderator                                |
//! | Charlie | consortium member, moderator                                |
//! | Dave    | security assessor                                           |
//! | Eve     | regulator                                                   |
//! | Ferdie  | ordinary user                                               |
//!
//! A consortium motion passes with two of its three members' ayes; Eve alone is two thirds of
//! the regulators.
//!
//! Alice to Ferdie are verified by Alice's registrar (registrar 0) and have acknowledged
//! platform convention version 1, which is current at genesis. A sample filing record is filed.
//! On the development chain complaints fall due after 10 blocks (one minute), elsewhere after the
//! runtime's 24 hours.

use crate::{
	AccountId, AssessorsConfig, BalancesConfig, BlockNumber, ConsortiumMembershipConfig,
	FilingConfig, FilingOperatorsConfig, ModerationConfig, ModeratorsConfig, RealNameConfig,
	RegulatorsConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys, ValidatorSetConfig, DAYS,
	UNIT,
};
use alloc::{string::String, vec, vec::Vec};
use compliance_primitives::{ContentHash, ConventionVersion};
use frame_support::build_struct_json_patch;
use pallet_filing::{GenesisFiling, GenesisRules, ServiceType};
use pallet_real_name::VerificationLevel;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_io::hashing::blake2_256;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Balance given to every endowed account at genesis.
const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// The platform convention version current at genesis.
const GENESIS_CONVENTION: ConventionVersion = 1;

/// How long the genesis verifications last: ten years of blocks.
const GENESIS_VERIFICATION_PERIOD: BlockNumber = 3650 * DAYS;

/// The sample filing number of the development chain.
pub const DEV_FILING_NUMBER: &str = "京网信备11010819339401号";

/// The development keys Alice to Ferdie, which the presets endow and verify.
fn dev_keys() -> [Sr25519Keyring; 6] {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
}

/// A development validator: its account and its session keys (authoring and finality).
fn authority_keys(validator: Sr25519Keyring) -> (AccountId, SessionKeys) {
	let finality = match validator {
		Sr25519Keyring::Alice => Ed25519Keyring::Alice,
		Sr25519Keyring::Bob => Ed25519Keyring::Bob,
		Sr25519Keyring::Charlie => Ed25519Keyring::Charlie,
		Sr25519Keyring::Dave => Ed25519Keyring::Dave,
		Sr25519Keyring::Eve => Ed25519Keyring::Eve,
		_ => Ed25519Keyring::Ferdie,
	};
	let aura: AuraId = validator.public().into();
	let grandpa: GrandpaId = finality.public().into();
	(validator.to_account_id(), SessionKeys { aura, grandpa })
}

/// A stand-in for a registrar's salted identity commitment of a development account: the
/// hash of a label, since development accounts have no real identity behind them.
fn dev_commitment(key: Sr25519Keyring) -> ContentHash {
	ContentHash::from(blake2_256(alloc::format!("development identity of {key:?}").as_bytes()))
}

/// The hash of a development rules document's text.
fn dev_document_hash(text: &str) -> ContentHash {
	ContentHash::from(blake2_256(text.as_bytes()))
}

/// How long moderators have to answer a complaint on the development chain: one minute, so
/// that overdue reports can be watched (and tested) without waiting a day.
const DEV_RESPONSE_TIME: BlockNumber = 10;

/// Blocks between session boundaries on the development chains: one minute, so that a change of
/// validators is watched (and tested) within two minutes.
const DEV_SESSION_LENGTH: BlockNumber = 10;

/// A genesis patch with the given validators and complaint response time (`None`: the
/// runtime's default of 24 hours); the roles are those of the module docs. Aura's and GRANDPA's
/// authorities come from the validators' session keys.
fn compliance_genesis(
	validators: Vec<(AccountId, SessionKeys)>,
	response_time: Option<BlockNumber>,
) -> Value {
	let account = |key: Sr25519Keyring| -> AccountId { key.to_account_id() };
	let alice = account(Sr25519Keyring::Alice);
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: dev_keys().into_iter().map(|k| (account(k), ENDOWMENT)).collect::<Vec<_>>(),
		},
		validator_set: ValidatorSetConfig {
			validators: validators.iter().map(|(account, _)| account.clone()).collect::<Vec<_>>(),
			session_length: DEV_SESSION_LENGTH,
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|(account, keys)| (account.clone(), account, keys))
				.collect::<Vec<_>>(),
		},
		consortium_membership: ConsortiumMembershipConfig {
			members: [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
				.into_iter()
				.map(account)
				.collect::<Vec<_>>()
				.try_into()
				.expect("three members fit"),
		},
		real_name: RealNameConfig {
			registrars: vec![(alice.clone(), b"Development Registrar".to_vec())],
			verified: dev_keys()
				.into_iter()
				.map(|k| {
					(
						account(k),
						0,
						dev_commitment(k),
						VerificationLevel::Enhanced,
						GENESIS_VERIFICATION_PERIOD,
						GENESIS_CONVENTION,
					)
				})
				.collect::<Vec<_>>(),
			current_convention: GENESIS_CONVENTION,
		},
		moderation: ModerationConfig { response_time },
		moderators: ModeratorsConfig {
			members: vec![account(Sr25519Keyring::Bob), account(Sr25519Keyring::Charlie)]
				.try_into()
				.expect("two members fit"),
		},
		filing: FilingConfig {
			service_start: Some(0),
			filing: Some(GenesisFiling {
				number: DEV_FILING_NUMBER.as_bytes().to_vec(),
				service_name: b"Compliance Chain Development Service".to_vec(),
				provider: b"Compliance Chain Operator".to_vec(),
				service_type: ServiceType::Platform,
				urls: vec![b"https://chain.example.cn".to_vec()],
			}),
			platform_convention: Some(GenesisRules {
				version: GENESIS_CONVENTION,
				doc_hash: dev_document_hash("Compliance Chain platform convention, version 1"),
				uri: b"https://chain.example.cn/rules/convention-v1".to_vec(),
			}),
			management_rules: Some(GenesisRules {
				version: 1,
				doc_hash: dev_document_hash("Compliance Chain management rules, version 1"),
				uri: b"https://chain.example.cn/rules/management-v1".to_vec(),
			}),
		},
		filing_operators: FilingOperatorsConfig {
			members: vec![alice].try_into().expect("one member fits"),
		},
		assessors: AssessorsConfig {
			members: vec![account(Sr25519Keyring::Dave)].try_into().expect("one member fits"),
		},
		regulators: RegulatorsConfig {
			members: vec![account(Sr25519Keyring::Eve)].try_into().expect("one member fits"),
		},
	})
}

/// The development preset: Alice validates alone.
pub fn development_config_genesis() -> Value {
	compliance_genesis(vec![authority_keys(Sr25519Keyring::Alice)], Some(DEV_RESPONSE_TIME))
}

/// The local testnet preset: Alice, Bob and Charlie validate.
pub fn local_config_genesis() -> Value {
	compliance_genesis(
		vec![
			authority_keys(Sr25519Keyring::Alice),
			authority_keys(Sr25519Keyring::Bob),
			authority_keys(Sr25519Keyring::Charlie),
		],
		None,
	)
}

/// Everything a production chain's genesis names: its parties, validators and filing, with no
/// development account in any role (the node's `production-chain-spec` command reads it from the
/// operator's config file and checks it before calling [`production_genesis`]).
pub struct ProductionGenesis {
	/// The validators: account and session keys (authoring and finality).
	pub validators: Vec<(AccountId, SessionKeys)>,
	/// The authorised nodes of node authorization: peer id bytes and the account owning each.
	pub nodes: Vec<(Vec<u8>, AccountId)>,
	/// Blocks between session boundaries (when validator changes take effect).
	pub session_length: BlockNumber,
	/// The operator's consortium.
	pub consortium: Vec<AccountId>,
	/// The regulators.
	pub regulators: Vec<AccountId>,
	/// The security assessors.
	pub assessors: Vec<AccountId>,
	/// The filing operators.
	pub filing_operators: Vec<AccountId>,
	/// The moderators.
	pub moderators: Vec<AccountId>,
	/// The registrars, as `(account, name)`: ids 0, 1, ... in this order.
	pub registrars: Vec<(AccountId, Vec<u8>)>,
	/// Balances at genesis.
	pub balances: Vec<(AccountId, u128)>,
	/// The filing record, when the service is filed before it starts.
	pub filing: Option<GenesisFiling>,
	/// The first platform convention, which every user acknowledges.
	pub platform_convention: GenesisRules,
	/// The first management rules, if published at genesis.
	pub management_rules: Option<GenesisRules>,
}

/// The genesis patch of a production chain, or the first set that does not fit the runtime's
/// bounds (named by its genesis field). Aura's and GRANDPA's authorities come from the
/// validators' session keys; the service starts at genesis; complaints fall due after the
/// runtime's 24 hours.
pub fn production_genesis(genesis: ProductionGenesis) -> Result<Value, String> {
	fn bounded<T, B: TryFrom<Vec<T>>>(items: Vec<T>, what: &str) -> Result<B, String> {
		let count = items.len();
		B::try_from(items)
			.map_err(|_| alloc::format!("{what}: {count} is more than the runtime allows"))
	}
	let ProductionGenesis {
		validators,
		nodes,
		session_length,
		consortium,
		regulators,
		assessors,
		filing_operators,
		moderators,
		registrars,
		balances,
		filing,
		platform_convention,
		management_rules,
	} = genesis;
	let convention = platform_convention.version;
	let nodes: Vec<(sp_core::OpaquePeerId, AccountId)> = nodes
		.into_iter()
		.map(|(peer, owner)| (sp_core::OpaquePeerId::new(peer), owner))
		.collect();
	Ok(build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances },
		validator_set: ValidatorSetConfig {
			validators: validators.iter().map(|(account, _)| account.clone()).collect::<Vec<_>>(),
			session_length,
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|(account, keys)| (account.clone(), account, keys))
				.collect::<Vec<_>>(),
		},
		node_authorization: crate::NodeAuthorizationConfig { nodes },
		consortium_membership: ConsortiumMembershipConfig {
			members: bounded(consortium, "consortium")?,
		},
		real_name: RealNameConfig { registrars, current_convention: convention },
		moderators: ModeratorsConfig { members: bounded(moderators, "moderators")? },
		filing: FilingConfig {
			service_start: Some(0),
			filing,
			platform_convention: Some(platform_convention),
			management_rules,
		},
		filing_operators: FilingOperatorsConfig {
			members: bounded(filing_operators, "filing_operators")?,
		},
		assessors: AssessorsConfig { members: bounded(assessors, "assessors")? },
		regulators: RegulatorsConfig { members: bounded(regulators, "regulators")? },
	}))
}

/// The JSON genesis patch of the preset `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
