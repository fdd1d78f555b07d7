//! The records this pallet stores and the views it returns.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use compliance_primitives::{ConventionVersion, IdentityCommitment, RegistrarId, Standing};
use frame_support::{
	pallet_prelude::Get, BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound,
	PartialEqNoBound,
};
use scale_info::TypeInfo;

/// How thoroughly a registrar checked an identity.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Debug,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum VerificationLevel {
	/// Identity document and mobile number checked remotely.
	Basic,
	/// Identity document checked in person or against the issuing authority.
	Enhanced,
}

/// Why a verification was revoked.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Debug,
	TypeInfo,
)]
pub enum RevocationReason {
	/// The holder asked for it.
	HolderRequest,
	/// The identity data behind the commitment changed or turned out to be wrong.
	DataInvalid,
	/// The verification was obtained by fraud.
	Fraud,
	/// A regulator or court ordered it.
	Order,
	/// Any other reason, recorded off chain.
	Other,
}

/// A registrar's attestation that an account belongs to a checked real identity.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Debug,
	TypeInfo,
)]
pub struct Verification<BlockNumber> {
	/// The registrar that issued it.
	pub registrar: RegistrarId,
	/// The registrar's salted hash of the identity data it checked.
	pub commitment: IdentityCommitment,
	/// How thoroughly the identity was checked.
	pub level: VerificationLevel,
	/// The block at which it was issued or last renewed.
	pub verified_at: BlockNumber,
	/// The first block at which it is no longer valid.
	pub expires_at: BlockNumber,
}

/// Everything the pallet knows about one account. The part the real-name check reads is
/// copied into the account's [`AccountSummary`].
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Debug,
	TypeInfo,
)]
pub struct AccountRecord<BlockNumber> {
	/// The verification in force, if any (`None` when never verified or revoked).
	pub verification: Option<Verification<BlockNumber>>,
	/// The disposal measure last applied (read it through [`Standing::effective_at`]).
	pub standing: Standing<BlockNumber>,
	/// How many warnings the account has received, ever.
	pub warnings: u32,
	/// The last platform convention version the account acknowledged (0: none).
	pub acknowledged_convention: ConventionVersion,
}

impl<BlockNumber: Copy> Verification<BlockNumber> {
	/// The part of the verification the real-name check reads.
	pub fn summary(&self) -> VerificationSummary<BlockNumber> {
		VerificationSummary { registrar: self.registrar, expires_at: self.expires_at }
	}
}

impl<BlockNumber: Copy> AccountRecord<BlockNumber> {
	/// The part of the record the real-name check reads.
	pub fn summary(&self) -> AccountSummary<BlockNumber> {
		AccountSummary {
			verification: self.verification.as_ref().map(Verification::summary),
			standing: self.standing,
			acknowledged_convention: self.acknowledged_convention,
		}
	}
}

/// The part of a [`Verification`] the real-name check reads.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Debug,
	TypeInfo,
)]
pub struct VerificationSummary<BlockNumber> {
	/// The registrar that issued it.
	pub registrar: RegistrarId,
	/// The first block at which it is no longer valid.
	pub expires_at: BlockNumber,
}

/// The part of an [`AccountRecord`] the real-name check reads, kept in the pallet's
/// `SummaryStore`. The runtime keeps it inside `System::Account`, beside the balance: every
/// signed transaction reads its signer's entry there anyway (nonce, fees) and a transfer reads
/// its destination's, so the check costs no database read of its own. The default is an
/// account the pallet knows nothing about.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Debug,
	TypeInfo,
)]
pub struct AccountSummary<BlockNumber> {
	/// The verification in force, if any.
	pub verification: Option<VerificationSummary<BlockNumber>>,
	/// The disposal measure last applied (read it through [`Standing::effective_at`]).
	pub standing: Standing<BlockNumber>,
	/// The last platform convention version the account acknowledged (0: none).
	pub acknowledged_convention: ConventionVersion,
}

/// Whether a registrar may issue new verifications.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Debug,
	TypeInfo,
)]
pub enum RegistrarStatus {
	/// It may verify, renew and revoke.
	Active,
	/// It may only revoke; the verifications it issued stay valid.
	Suspended,
}

/// A registrar as stored in [`crate::Registrars`].
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, DebugNoBound, TypeInfo,
)]
#[scale_info(skip_type_params(MaxNameLength))]
#[codec(mel_bound(AccountId: MaxEncodedLen))]
pub struct RegistrarInfo<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxNameLength: Get<u32>,
> {
	/// The account that signs its verifications.
	pub account: AccountId,
	/// Its name, for people.
	pub name: BoundedVec<u8, MaxNameLength>,
	/// Whether it may issue new verifications.
	pub status: RegistrarStatus,
}

/// The global state the real-name check needs, kept in one storage value
/// ([`crate::ComplianceState`]) so that the check reads it once.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DefaultNoBound,
	Encode,
	Decode,
	MaxEncodedLen,
	DebugNoBound,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxRegistrars))]
#[codec(mel_bound())]
pub struct GlobalState<MaxRegistrars: Get<u32>> {
	/// Every registrar that exists, in ascending id order, with its status.
	pub registrars: BoundedVec<(RegistrarId, RegistrarStatus), MaxRegistrars>,
	/// Whether the regulator suspended the service.
	pub service_suspended: bool,
	/// The platform convention version every account must have acknowledged (0: none).
	pub current_convention: ConventionVersion,
}

impl<MaxRegistrars: Get<u32>> GlobalState<MaxRegistrars> {
	/// The status of registrar `id`, or `None` when it does not exist.
	pub fn registrar_status(&self, id: RegistrarId) -> Option<RegistrarStatus> {
		self.registrars
			.binary_search_by_key(&id, |(known, _)| *known)
			.ok()
			.and_then(|index| self.registrars.get(index))
			.map(|(_, status)| *status)
	}
}

/// Where an account's verification stands at a given block.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, Debug, TypeInfo)]
pub enum VerificationStatus<BlockNumber> {
	/// The account has no verification (never verified, or revoked).
	Unverified,
	/// The verification is valid.
	Valid(Verification<BlockNumber>),
	/// The registrar that issued the verification was removed.
	RegistrarRemoved(Verification<BlockNumber>),
	/// The verification expired.
	Expired(Verification<BlockNumber>),
}

impl<BlockNumber> VerificationStatus<BlockNumber> {
	/// Whether the status is [`VerificationStatus::Valid`].
	pub fn is_valid(&self) -> bool {
		matches!(self, VerificationStatus::Valid(_))
	}
}

/// What the `account_status` view function and runtime API tell about one account.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo)]
pub struct AccountStatus<BlockNumber> {
	/// Whether the account holds a valid verification now.
	pub verified: bool,
	/// The standing as it applies now (lapsed measures read as `Good`).
	pub standing: Standing<BlockNumber>,
	/// The [`compliance_primitives::RejectCode`] the real-name check would give an ordinary call
	/// (not exempt from anything, no restriction scope, no value destination) signed by the
	/// account now, or `None` when such a call would pass.
	pub reject: Option<u8>,
	/// The stored record, if any.
	pub record: Option<AccountRecord<BlockNumber>>,
}

/// A registrar as the `registrars` view function and runtime API show it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo)]
pub struct RegistrarSummary<AccountId> {
	/// Its id.
	pub id: RegistrarId,
	/// The account that signs its verifications.
	pub account: AccountId,
	/// Its name, for people.
	pub name: Vec<u8>,
	/// Whether it may issue new verifications.
	pub status: RegistrarStatus,
}

/// The global compliance state as the `service_status` view function and runtime API show it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo)]
pub struct ServiceStatus {
	/// Whether the regulator suspended the service.
	pub service_suspended: bool,
	/// The platform convention version every account must have acknowledged (0: none).
	pub current_convention: ConventionVersion,
	/// How many registrars exist.
	pub registrars: u32,
}
