//! `compliance-node production-chain-spec`: a production chain's raw chain spec from the
//! operator's config file (TOML), with no development account in any role.
//!
//! The file names the chain, its parties (consortium, regulators, assessors, filing operators,
//! moderators, registrars), its validators with their public session keys and their nodes' peer
//! ids, the filing record, the first platform convention and rules, balances and the token's
//! properties. Every mistake is refused with one line that names the field, before anything is
//! built. `node/production-chain.example.toml` is a complete example; the README walks through the
//! key ceremony that produces the validators' part.

use crate::chain_spec::ChainSpec;
use codec::Decode;
use compliance_runtime::{
	genesis_config_presets::{production_genesis, ProductionGenesis},
	AccountId, SessionKeys, SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, UNIT, WASM_BINARY,
};
use pallet_filing::{GenesisFiling, GenesisRules, ServiceType};
use sc_network_types::PeerId;
use sc_service::{ChainType, Properties};
use serde::Deserialize;
use sp_core::{crypto::Ss58Codec, ed25519, sr25519, Get, Pair as _, H256};
use std::{collections::BTreeSet, path::PathBuf, str::FromStr};

/// `compliance-node production-chain-spec`.
#[derive(Debug, clap::Parser)]
pub struct ProductionSpecCmd {
	/// The chain's config file (TOML); see `node/production-chain.example.toml`.
	#[arg(long)]
	pub config: PathBuf,
	/// Where to write the raw chain spec (JSON); standard output if not given.
	#[arg(long)]
	pub output: Option<PathBuf>,
	/// Write the readable (not raw) spec, for review before the raw one is distributed.
	#[arg(long)]
	pub plain: bool,
}

impl ProductionSpecCmd {
	/// Reads and checks the config, builds the spec and writes it.
	pub fn run(&self) -> Result<(), String> {
		let text = std::fs::read_to_string(&self.config)
			.map_err(|e| format!("cannot read {}: {e}", self.config.display()))?;
		let spec = chain_spec(&text)?;
		let json = spec.as_json(!self.plain)?;
		match &self.output {
			Some(path) => std::fs::write(path, json)
				.map_err(|e| format!("cannot write {}: {e}", path.display())),
			None => {
				println!("{json}");
				Ok(())
			},
		}
	}
}

/// The config file, as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
	name: String,
	id: String,
	#[serde(default)]
	token: Token,
	session_length: u32,
	consortium: Vec<String>,
	regulators: Vec<String>,
	assessors: Vec<String>,
	filing_operators: Vec<String>,
	moderators: Vec<String>,
	#[serde(default)]
	registrars: Vec<Registrar>,
	validators: Vec<Validator>,
	#[serde(default)]
	balances: Vec<Balance>,
	filing: Option<Filing>,
	platform_convention: Rules,
	management_rules: Option<Rules>,
}

/// Token properties for wallets: the runtime's own by default.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Token {
	symbol: String,
	decimals: u8,
	ss58_format: u16,
}

impl Default for Token {
	fn default() -> Self {
		Self { symbol: TOKEN_SYMBOL.into(), decimals: TOKEN_DECIMALS, ss58_format: SS58_PREFIX }
	}
}

/// A registrar: its account and name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Registrar {
	account: String,
	name: String,
}

/// A validator: its account, its public session keys, and its node's peer id.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Validator {
	account: String,
	/// The sr25519 authoring key (SS58), when not given as `session_keys`.
	aura: Option<String>,
	/// The ed25519 finality key (SS58), when not given as `session_keys`.
	grandpa: Option<String>,
	/// Both keys as `author_rotateKeys` / `author_rotateKeysWithOwner` returned them (hex).
	session_keys: Option<String>,
	peer_id: String,
}

/// A balance at genesis, in whole tokens (TOML integers stop at 2^63).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Balance {
	account: String,
	tokens: u64,
}

/// The filing record.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Filing {
	number: String,
	service_name: String,
	provider: String,
	service_type: String,
	urls: Vec<String>,
}

/// A rules document.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rules {
	version: u32,
	doc_hash: String,
	uri: String,
}

/// The development accounts, which no role of a production chain may hold: anyone can sign for
/// them.
fn development_accounts() -> Vec<(String, AccountId)> {
	sp_keyring::Sr25519Keyring::iter()
		.flat_map(|key| {
			let stash = format!("//{key:?}//stash");
			let stash_account =
				sr25519::Pair::from_string(&stash, None).map(|pair| pair.public().into());
			[
				(format!("{key:?}"), Ok(key.to_account_id())),
				(format!("{key:?}//stash"), stash_account),
			]
		})
		.filter_map(|(name, account)| Some((name, account.ok()?)))
		.chain(
			sp_keyring::Ed25519Keyring::iter()
				.map(|key| (format!("{key:?} (ed25519)"), AccountId::from(key.public().0))),
		)
		.collect()
}

/// Checks the config and turns it into the runtime's genesis, one field at a time.
struct Checker {
	development: Vec<(String, AccountId)>,
}

impl Checker {
	/// An account: SS58, and not a development account.
	fn account(&self, field: &str, text: &str) -> Result<AccountId, String> {
		let account = AccountId::from_ss58check(text)
			.map_err(|e| format!("{field}: `{text}` is not an SS58 address ({e:?})"))?;
		self.not_development(field, &account)?;
		Ok(account)
	}

	/// An account (as [`Self::account`]) that is not already in `seen`, which it joins.
	fn unique_account(
		&self,
		seen: &mut BTreeSet<AccountId>,
		field: &str,
		text: &str,
	) -> Result<AccountId, String> {
		let account = self.account(field, text)?;
		if !seen.insert(account.clone()) {
			return Err(format!("{field}: {account} is listed twice"));
		}
		Ok(account)
	}

	/// Fails, naming `field`, if `account` is a development account.
	fn not_development(&self, field: &str, account: &AccountId) -> Result<(), String> {
		match self.development.iter().find(|(_, dev)| dev == account) {
			Some((name, _)) => Err(format!(
				"{field}: {account} is the development account {name}, whose secret everyone knows"
			)),
			None => Ok(()),
		}
	}

	/// A set of accounts: each valid, none twice, at least `min`.
	fn set(&self, field: &str, texts: &[String], min: usize) -> Result<Vec<AccountId>, String> {
		if texts.len() < min {
			return Err(format!("{field}: at least {min} needed, {} given", texts.len()));
		}
		let mut seen = BTreeSet::new();
		texts
			.iter()
			.enumerate()
			.map(|(i, text)| self.unique_account(&mut seen, &format!("{field}[{i}]"), text))
			.collect()
	}

	/// A validator's session keys: `session_keys`, or `aura` and `grandpa`.
	fn session_keys(&self, field: &str, validator: &Validator) -> Result<SessionKeys, String> {
		match (&validator.session_keys, &validator.aura, &validator.grandpa) {
			(Some(hex_keys), None, None) => {
				let bytes = hex::decode(hex_keys.trim_start_matches("0x"))
					.map_err(|e| format!("{field}.session_keys: not hex ({e})"))?;
				SessionKeys::decode(&mut &bytes[..]).map_err(|e| {
					format!("{field}.session_keys: not this runtime's session keys ({e})")
				})
			},
			(None, Some(aura), Some(grandpa)) => {
				let aura = sr25519::Public::from_ss58check(aura).map_err(|e| {
					format!("{field}.aura: `{aura}` is not an SS58 sr25519 public key ({e:?})")
				})?;
				let grandpa =
					ed25519::Public::from_ss58check(grandpa).map_err(|e| {
						format!("{field}.grandpa: `{grandpa}` is not an SS58 ed25519 public key ({e:?})")
					})?;
				self.not_development(&format!("{field}.aura"), &AccountId::from(aura.0))?;
				self.not_development(&format!("{field}.grandpa"), &AccountId::from(grandpa.0))?;
				Ok(SessionKeys { aura: aura.into(), grandpa: grandpa.into() })
			},
			_ => Err(format!("{field}: give either `session_keys` or both `aura` and `grandpa`")),
		}
	}

	/// A 32-byte hash written in hex.
	fn hash(field: &str, text: &str) -> Result<H256, String> {
		H256::from_str(text)
			.map_err(|e| format!("{field}: `{text}` is not a 32-byte hex hash ({e})"))
	}

	/// A rules document.
	fn rules(field: &str, rules: &Rules) -> Result<GenesisRules, String> {
		if rules.version == 0 {
			return Err(format!("{field}.version: versions start at 1"));
		}
		Ok(GenesisRules {
			version: rules.version,
			doc_hash: Self::hash(&format!("{field}.doc_hash"), &rules.doc_hash)?,
			uri: rules.uri.clone().into_bytes(),
		})
	}
}

/// The production chain spec that `text` (the config file) describes.
pub fn chain_spec(text: &str) -> Result<ChainSpec, String> {
	let config: Config = toml::from_str(text).map_err(|e| {
		// TOML's message spans lines (with the offending line quoted): keep its first.
		let message = e.message().lines().next().unwrap_or("invalid").to_string();
		match e.span() {
			Some(span) => {
				let line = text[..span.start.min(text.len())].lines().count().max(1);
				format!("config line {line}: {message}")
			},
			None => format!("config: {message}"),
		}
	})?;
	let check = Checker { development: development_accounts() };
	let min_validators: u32 =
		<compliance_runtime::Runtime as pallet_validator_set::Config>::MinValidators::get();
	if config.name.trim().is_empty() {
		return Err("name: empty".into());
	}
	if config.id.trim().is_empty() || config.id.contains(char::is_whitespace) {
		return Err("id: empty or with spaces".into());
	}
	if config.session_length == 0 {
		return Err("session_length: must be at least 1 block".into());
	}
	let consortium = check.set("consortium", &config.consortium, 1)?;
	let regulators = check.set("regulators", &config.regulators, 1)?;
	let assessors = check.set("assessors", &config.assessors, 0)?;
	let filing_operators = check.set("filing_operators", &config.filing_operators, 0)?;
	let moderators = check.set("moderators", &config.moderators, 0)?;

	let mut registrar_accounts = BTreeSet::new();
	let registrars = config
		.registrars
		.iter()
		.enumerate()
		.map(|(i, registrar)| {
			let field = format!("registrars[{i}]");
			let account = check.unique_account(
				&mut registrar_accounts,
				&format!("{field}.account"),
				&registrar.account,
			)?;
			if registrar.name.trim().is_empty() {
				return Err(format!("{field}.name: empty"));
			}
			Ok((account, registrar.name.clone().into_bytes()))
		})
		.collect::<Result<Vec<_>, String>>()?;

	if config.validators.len() < min_validators as usize {
		return Err(format!(
			"validators: at least {min_validators} needed, {} given",
			config.validators.len()
		));
	}
	let (mut validator_accounts, mut peers, mut keys_seen) =
		(BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
	let mut validators = Vec::new();
	let mut nodes = Vec::new();
	for (i, validator) in config.validators.iter().enumerate() {
		let field = format!("validators[{i}]");
		let account = check.unique_account(
			&mut validator_accounts,
			&format!("{field}.account"),
			&validator.account,
		)?;
		let keys = check.session_keys(&field, validator)?;
		if !keys_seen.insert((keys.aura.clone(), keys.grandpa.clone())) {
			return Err(format!("{field}: the same session keys as another validator"));
		}
		// A node's identity is an ed25519 key: a peer id of any other kind is not one a node
		// can run with.
		let peer = PeerId::from_str(&validator.peer_id)
			.ok()
			.filter(|peer| peer.into_ed25519().is_some())
			.ok_or_else(|| {
				format!(
					"{field}.peer_id: `{}` is not a node's peer id (as `key generate-node-key` \
					 prints it)",
					validator.peer_id
				)
			})?;
		if !peers.insert(peer) {
			return Err(format!("{field}.peer_id: {peer} is listed twice"));
		}
		validators.push((account.clone(), keys));
		nodes.push((peer.to_bytes(), account));
	}

	let mut funded = BTreeSet::new();
	let balances = config
		.balances
		.iter()
		.enumerate()
		.map(|(i, balance)| {
			let field = format!("balances[{i}]");
			let account =
				check.unique_account(&mut funded, &format!("{field}.account"), &balance.account)?;
			Ok((account, u128::from(balance.tokens).saturating_mul(UNIT)))
		})
		.collect::<Result<Vec<_>, String>>()?;

	let filing = config
		.filing
		.as_ref()
		.map(|filing| {
			let service_type = match filing.service_type.as_str() {
				"platform" => ServiceType::Platform,
				"application" => ServiceType::Application,
				"technical-support" => ServiceType::TechnicalSupport,
				"other" => ServiceType::Other,
				other =>
					return Err(format!(
						"filing.service_type: `{other}` is not one of platform, application, \
						 technical-support, other"
					)),
			};
			if filing.number.trim().is_empty() {
				return Err("filing.number: empty".to_string());
			}
			Ok(GenesisFiling {
				number: filing.number.clone().into_bytes(),
				service_name: filing.service_name.clone().into_bytes(),
				provider: filing.provider.clone().into_bytes(),
				service_type,
				urls: filing.urls.iter().map(|u| u.clone().into_bytes()).collect(),
			})
		})
		.transpose()?;
	let platform_convention = Checker::rules("platform_convention", &config.platform_convention)?;
	let management_rules = config
		.management_rules
		.as_ref()
		.map(|rules| Checker::rules("management_rules", rules))
		.transpose()?;

	let patch = production_genesis(ProductionGenesis {
		validators,
		nodes,
		session_length: config.session_length,
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
	})?;

	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), config.token.symbol.into());
	properties.insert("tokenDecimals".into(), config.token.decimals.into());
	properties.insert("ss58Format".into(), config.token.ss58_format.into());
	let wasm = WASM_BINARY.ok_or("the runtime's Wasm blob was not built (SKIP_WASM_BUILD)")?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(&config.name)
		.with_id(&config.id)
		.with_chain_type(ChainType::Live)
		.with_genesis_config_patch(patch)
		.with_properties(properties)
		.build())
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Encode;

	/// The example config shipped with the node.
	const EXAMPLE: &str = include_str!("../production-chain.example.toml");

	/// The genesis patch of `config`, read back from its spec.
	fn patch(config: &str) -> Result<serde_json::Value, String> {
		let spec = chain_spec(config)?;
		let json: serde_json::Value =
			serde_json::from_str(&spec.as_json(false)?).map_err(|e| e.to_string())?;
		Ok(json["genesis"]["runtimeGenesis"]["patch"].clone())
	}

	#[test]
	fn the_example_builds_a_live_spec_with_its_parties() {
		let patch = patch(EXAMPLE).expect("the example builds");
		let session = &patch["session"]["keys"];
		assert_eq!(session.as_array().map(Vec::len), Some(3));
		assert_eq!(
			patch["regulators"]["members"][0],
			"5CB6Mbjnrm78uqpFJB7Fvb98yfGk6a9TWcLMQasYniwQBowq"
		);
		assert_eq!(patch["nodeAuthorization"]["nodes"].as_array().map(Vec::len), Some(3));
		assert_eq!(patch["validatorSet"]["sessionLength"], 600);
		let spec = chain_spec(EXAMPLE).expect("the example builds");
		assert_eq!(sc_service::ChainSpec::chain_type(&spec), ChainType::Live);
	}

	#[test]
	fn session_keys_from_rotate_keys_stand_for_aura_and_grandpa() {
		// The first validator's keys, as `author_rotateKeys` returns them: the SCALE encoding of
		// the runtime's `SessionKeys`.
		let aura =
			sr25519::Public::from_ss58check("5DS87oRREQgSgbKE8JMJECzEXmpBXLtSkWxznubQbasKsYrN")
				.expect("the example's aura key");
		let grandpa =
			ed25519::Public::from_ss58check("5GxekxBJ3AZ2cJGzdo3ctFKMYW2iCcdR3AA1R846TLbR95t1")
				.expect("the example's grandpa key");
		let keys = SessionKeys { aura: aura.into(), grandpa: grandpa.into() };
		let hex_keys = format!("0x{}", hex::encode(keys.encode()));
		let separate = "aura = \"5DS87oRREQgSgbKE8JMJECzEXmpBXLtSkWxznubQbasKsYrN\"\n\
		                grandpa = \"5GxekxBJ3AZ2cJGzdo3ctFKMYW2iCcdR3AA1R846TLbR95t1\"\n";
		assert!(EXAMPLE.contains(separate));
		let combined = EXAMPLE.replacen(separate, &format!("session_keys = \"{hex_keys}\"\n"), 1);
		assert_eq!(patch(&combined), patch(EXAMPLE), "the same genesis either way");

		let truncated = EXAMPLE.replacen(separate, "session_keys = \"0x1234\"\n", 1);
		let error = chain_spec(&truncated).map(|_| ()).expect_err("too short");
		assert!(error.starts_with("validators[0].session_keys: not this runtime's"), "{error}");
		let both =
			EXAMPLE.replacen(separate, &format!("{separate}session_keys = \"{hex_keys}\"\n"), 1);
		let error = chain_spec(&both).map(|_| ()).expect_err("both forms");
		assert!(error.starts_with("validators[0]: give either"), "{error}");
	}

	#[test]
	fn development_keys_are_refused_as_session_keys_too() {
		let alice_grandpa = sp_keyring::Ed25519Keyring::Alice.public().to_ss58check();
		let config =
			EXAMPLE.replacen("5GxekxBJ3AZ2cJGzdo3ctFKMYW2iCcdR3AA1R846TLbR95t1", &alice_grandpa, 1);
		let error = chain_spec(&config).map(|_| ()).expect_err("a dev session key");
		assert!(error.starts_with("validators[0].grandpa:"), "{error}");
		assert!(error.contains("development account Alice (ed25519)"), "{error}");
	}
}
