//! The types the filing pallet stores, takes as call parameters and returns from its runtime API.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use compliance_primitives::{ContentHash, ConventionVersion};
use core::fmt::Debug;
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

/// The kind of blockchain information service a filing covers.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum ServiceType {
	/// A platform on which users publish and exchange information (the chain offered to users).
	Platform,
	/// An application built on a blockchain and offered to the public.
	Application,
	/// Technical support (nodes, infrastructure, blockchain-as-a-service) for other services.
	TechnicalSupport,
	/// Another kind of service, described in the filing documents.
	Other,
}

/// The state of the filing record itself.
///
/// A record exists on chain only once the regulator has issued its filing number, so there is no
/// "pending" state here: before the record exists, [`FilingStatusView::NotFiled`] or
/// [`FilingStatusView::FilingOverdue`] describe the service.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, Debug, TypeInfo)]
pub enum FilingState {
	/// The filing is in force.
	Filed,
	/// The filing was cancelled (the service ended); this is final.
	Cancelled,
}

/// The filing record of the service (R5): what the regulator's filing system holds, mirrored on
/// chain with its dates.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[codec(mel_bound(BlockNumber: MaxEncodedLen))]
#[scale_info(skip_type_params(MaxNumberLen, MaxNameLen, MaxUrls, MaxUrlLen))]
pub struct FilingRecord<
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxNumberLen: Get<u32>,
	MaxNameLen: Get<u32>,
	MaxUrls: Get<u32>,
	MaxUrlLen: Get<u32>,
> {
	/// The filing number the regulator issued, UTF-8 (e.g. `京网信备11010819339401号`).
	pub number: BoundedVec<u8, MaxNumberLen>,
	/// The name of the service, UTF-8.
	pub service_name: BoundedVec<u8, MaxNameLen>,
	/// The name of the provider (the operator's legal entity), UTF-8.
	pub provider: BoundedVec<u8, MaxNameLen>,
	/// The kind of service.
	pub service_type: ServiceType,
	/// The platform URLs (web sites, applications) the filing covers, each UTF-8.
	pub urls: BoundedVec<BoundedVec<u8, MaxUrlLen>, MaxUrls>,
	/// Whether the filing is in force or cancelled.
	pub status: FilingState,
	/// The block at which the service started.
	pub service_start: BlockNumber,
	/// The block at which the filing was registered on chain (the filing date).
	pub filed_at: BlockNumber,
	/// The block at which this version of the record was written.
	pub updated_at: BlockNumber,
	/// The block of the last periodic review, if any.
	pub last_review: Option<BlockNumber>,
	/// The version of the record: 1 when registered, +1 on every change or cancellation.
	pub version: u32,
}

/// The two kinds of rules documents the operator publishes (R4).
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum RulesKind {
	/// The provider's management rules.
	ManagementRules,
	/// The platform convention every user must acknowledge.
	PlatformConvention,
}

/// One published version of a rules document.
#[derive(
	Encode, Decode, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[codec(mel_bound(BlockNumber: MaxEncodedLen))]
#[scale_info(skip_type_params(MaxUriLen))]
pub struct RulesDocument<BlockNumber: Clone + PartialEq + Eq + Debug, MaxUriLen: Get<u32>> {
	/// The version number (strictly increasing per kind, never 0).
	pub version: ConventionVersion,
	/// The hash of the document's text.
	pub doc_hash: ContentHash,
	/// Where the document can be read, UTF-8.
	pub uri: BoundedVec<u8, MaxUriLen>,
	/// The block at which this version was published.
	pub published_at: BlockNumber,
}

/// The outcome of a security assessment (R6).
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
pub enum Verdict {
	/// The code may go online.
	Approved,
	/// The code may not go online.
	Rejected,
}

/// A security assessment of one runtime code blob, keyed by its code hash.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, Debug, TypeInfo)]
pub struct Assessment<AccountId, BlockNumber> {
	/// The hash of the assessment report (kept off chain).
	pub report_hash: ContentHash,
	/// Whether the code was approved.
	pub verdict: Verdict,
	/// The block at which the assessment was recorded.
	pub assessed_at: BlockNumber,
	/// The assessor's account, when the assessor origin was a signed account.
	pub assessor: Option<AccountId>,
}

/// A suspension of the service by the regulator (R7).
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, Debug, TypeInfo)]
pub struct Suspension<BlockNumber> {
	/// The hash of the regulator's reasons (the document stays off chain).
	pub reason: ContentHash,
	/// The block at which the service was suspended.
	pub since: BlockNumber,
}

/// Whether the service is running, as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo)]
pub enum ServiceStatus<BlockNumber> {
	/// Users may transact.
	Active,
	/// Ordinary user transactions are refused until the regulator resumes the service.
	Suspended {
		/// The hash of the regulator's reasons.
		reason: ContentHash,
		/// The block at which the service was suspended.
		since: BlockNumber,
	},
}

/// Which deadline [`crate::NextDeadline`] tracks.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, Debug, TypeInfo)]
pub enum DeadlineKind {
	/// The filing is due (ten working days after the service started).
	Filing,
	/// The periodic review is due.
	Review,
}

/// The filing status derived from the record and the current block, for regulators and the node's
/// start-up label.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, Debug, TypeInfo)]
pub enum FilingStatusView {
	/// No filing yet, and the filing deadline has not passed (or the service has not started).
	NotFiled,
	/// No filing, and the filing deadline has passed.
	FilingOverdue,
	/// Filed, and the periodic review is not yet due.
	Filed,
	/// Filed, and the periodic review is due.
	ReviewDue,
	/// The filing was cancelled.
	Cancelled,
}

/// A filing record as given in the genesis configuration. Fields are checked like
/// [`crate::Pallet::register`]'s parameters; the genesis build panics on invalid values.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisFiling {
	/// The filing number, UTF-8.
	pub number: alloc::vec::Vec<u8>,
	/// The service name, UTF-8.
	pub service_name: alloc::vec::Vec<u8>,
	/// The provider's name, UTF-8.
	pub provider: alloc::vec::Vec<u8>,
	/// The kind of service.
	pub service_type: ServiceType,
	/// The platform URLs, each UTF-8.
	pub urls: alloc::vec::Vec<alloc::vec::Vec<u8>>,
}

/// A rules document as given in the genesis configuration.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisRules {
	/// The version number (at least 1).
	pub version: ConventionVersion,
	/// The hash of the document's text (not zero).
	pub doc_hash: ContentHash,
	/// Where the document can be read, UTF-8.
	pub uri: alloc::vec::Vec<u8>,
}
