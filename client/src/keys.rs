//! Signing keys: from a secret URI (a dev URI such as `//Alice`, a mnemonic with optional
//! `//derivation` and `///password`, or a `0x` seed), from an environment variable, and the
//! development accounts. A secret never appears in an error message.

use std::str::FromStr;
use subxt::utils::AccountId32;
pub use subxt_signer::sr25519::{dev, Keypair};
use subxt_signer::SecretUri;

/// The environment variable the tools read a signing key from.
pub const SURI_VAR: &str = "COMPLIANCE_SURI";

/// A secret URI that does not make a key. Holds no part of the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidSecret;

impl std::fmt::Display for InvalidSecret {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str("not a valid dev URI, mnemonic or 0x seed (the value is not shown)")
	}
}

impl std::error::Error for InvalidSecret {}

/// The sr25519 key a secret URI describes.
pub fn from_suri(suri: &str) -> Result<Keypair, InvalidSecret> {
	let uri = SecretUri::from_str(suri).map_err(|_| InvalidSecret)?;
	Keypair::from_uri(&uri).map_err(|_| InvalidSecret)
}

/// The key in [`SURI_VAR`], if the variable is set.
pub fn from_env() -> Option<Result<Keypair, InvalidSecret>> {
	std::env::var(SURI_VAR).ok().map(|suri| from_suri(&suri))
}

/// The account of a development URI such as `//Ferdie` (derived from the well-known
/// development phrase), or `None` for anything else: only these are safe to take from a
/// command line, since they are public.
pub fn dev_account(uri: &str) -> Option<AccountId32> {
	if !uri.starts_with("//") || uri.contains("///") {
		return None;
	}
	from_suri(uri).ok().map(|pair| pair.public_key().to_account_id())
}

/// The account a key signs for.
pub fn account_of(key: &Keypair) -> AccountId32 {
	key.public_key().to_account_id()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn dev_uris_name_the_well_known_accounts() {
		assert_eq!(dev_account("//Alice"), Some(account_of(&dev::alice())));
		assert_eq!(dev_account("//Ferdie"), Some(account_of(&dev::ferdie())));
		assert_eq!(dev_account("Alice"), None);
		assert_eq!(dev_account("//Alice///password"), None);
	}

	#[test]
	fn an_invalid_secret_is_refused_without_showing_it() {
		let error = from_suri("0xnot-a-seed-at-all").unwrap_err();
		assert!(!error.to_string().contains("not-a-seed"));
		assert!(from_suri("//Bob").is_ok());
	}
}
