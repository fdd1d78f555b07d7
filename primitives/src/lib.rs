//! # Compliance primitives
//!
//! The types, traits and rejection codes through which the Compliance Chain pallets talk to
//! each other. No pallet depends on another pallet: each names the trait it needs here, and the
//! runtime wires the implementation (`type Standing = RealName;`).
//!
//! - [`AccountStanding`]: verification and disposal measures of an account (implemented by the
//!   real-name pallet, used by moderation).
//! - [`OnComplianceChange`]: the filing pallet tells the real-name check that the current platform
//!   convention or the service status changed, so that the check never reads filing storage.
//! - [`ConventionAcknowledgement`]: records that an account acknowledged a convention version.
//! - [`InspectCall`]: what the real-name check needs to know about a call (restriction scope, value
//!   destination).
//! - [`RejectCode`]: the `InvalidTransaction::Custom` codes of the real-name check.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{transaction_validity::InvalidTransaction, DispatchResult};

pub use sp_core::H256;

/// A 32-byte hash of content, evidence, notes, documents or runtime code. Only the hash goes on
/// chain; the data itself stays off chain.
pub type ContentHash = H256;

/// A registrar's salted hash of an account's identity data (name, ID number, phone), computed off
/// chain. It proves which identity record the registrar checked without revealing it.
pub type IdentityCommitment = H256;

/// The chain-assigned identifier of a registrar.
pub type RegistrarId = u32;

/// The version number of a published rules document or platform convention. Version 0 means
/// "none published".
pub type ConventionVersion = u32;

/// The reason the real-name check refuses a transaction: the `u8` inside
/// `InvalidTransaction::Custom`. Clients, tests and the command-line tool decode it with
/// [`RejectCode::from_code`]. The numbers are part of the chain's interface and never change.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, Debug, TypeInfo)]
#[repr(u8)]
pub enum RejectCode {
	/// 1: the signer has no verification (never verified, or revoked).
	NotVerified = 1,
	/// 2: the signer's verification expired at or before the current block.
	VerificationExpired = 2,
	/// 3: the registrar that verified the signer was removed.
	RegistrarRemoved = 3,
	/// 4: the signer is suspended until a later block.
	AccountSuspended = 4,
	/// 5: the signer's account is closed for ever.
	AccountClosed = 5,
	/// 6: the signer has not acknowledged the current platform convention.
	ConventionNotAcknowledged = 6,
	/// 7: the service is suspended by the regulator.
	ServiceSuspended = 7,
	/// 8: the transfer's destination is not a verified account.
	DestinationNotVerified = 8,
	/// 9: the signer is restricted from this kind of call until a later block.
	AccountRestricted = 9,
}

impl RejectCode {
	/// Every code, in numeric order.
	pub const ALL: [RejectCode; 9] = [
		RejectCode::NotVerified,
		RejectCode::VerificationExpired,
		RejectCode::RegistrarRemoved,
		RejectCode::AccountSuspended,
		RejectCode::AccountClosed,
		RejectCode::ConventionNotAcknowledged,
		RejectCode::ServiceSuspended,
		RejectCode::DestinationNotVerified,
		RejectCode::AccountRestricted,
	];

	/// The number carried in `InvalidTransaction::Custom`.
	pub const fn code(self) -> u8 {
		self as u8
	}

	/// The code for a number, if it is one of ours.
	pub fn from_code(code: u8) -> Option<Self> {
		Self::ALL.into_iter().find(|c| c.code() == code)
	}

	/// The `InvalidTransaction::Custom` code in a node's refusal message, however the RPC words
	/// it: "Invalid transaction with custom error: 7", "Custom error: 7" or "Custom(7)". Clients
	/// that only see the message use it to name the rejection.
	pub fn custom_code_in(message: &str) -> Option<u8> {
		["custom error: ", "Custom error: ", "Custom("].iter().find_map(|marker| {
			let start = message.find(marker)? + marker.len();
			let digits = &message[start..];
			let end = digits.find(|c: char| !c.is_ascii_digit()).unwrap_or(digits.len());
			digits[..end].parse().ok()
		})
	}

	/// A one-line explanation for people.
	pub const fn description(self) -> &'static str {
		match self {
			RejectCode::NotVerified => "the signer has no real-name verification",
			RejectCode::VerificationExpired => "the signer's real-name verification expired",
			RejectCode::RegistrarRemoved => "the registrar that verified the signer was removed",
			RejectCode::AccountSuspended => "the signer's account is suspended",
			RejectCode::AccountClosed => "the signer's account is closed",
			RejectCode::ConventionNotAcknowledged =>
				"the signer has not acknowledged the current platform convention",
			RejectCode::ServiceSuspended => "the service is suspended by the regulator",
			RejectCode::DestinationNotVerified =>
				"the destination account has no real-name verification",
			RejectCode::AccountRestricted => "the signer is restricted from this kind of call",
		}
	}
}

impl From<RejectCode> for InvalidTransaction {
	fn from(code: RejectCode) -> Self {
		InvalidTransaction::Custom(code.code())
	}
}

/// The functions a restriction can take away from an account.
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
pub enum RestrictionScope {
	/// Publishing content.
	Publishing,
	/// Sending value (balance transfers).
	Transfers,
	/// Filing complaint reports.
	Reporting,
}

/// An account's standing: the disposal measure currently applied to it (R3).
///
/// Time-boxed measures lapse by themselves: [`Standing::effective_at`] compares `until` with the
/// current block, so no sweep over accounts is ever needed.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Standing<BlockNumber> {
	/// No measure applies.
	#[default]
	Good,
	/// A warning is on record; the account may still do everything.
	Warned,
	/// The account may not use `scope` before block `until`.
	Restricted {
		/// What the account may not do.
		scope: RestrictionScope,
		/// The first block at which the restriction no longer applies.
		until: BlockNumber,
	},
	/// The account may not transact before block `until`, except to appeal.
	Suspended {
		/// The first block at which the suspension no longer applies.
		until: BlockNumber,
	},
	/// The account is closed for ever; it may still appeal.
	Closed,
}

impl<BlockNumber: PartialOrd + Copy> Standing<BlockNumber> {
	/// The standing as it applies at block `now`: a time-boxed measure whose `until` has been
	/// reached reads as [`Standing::Good`].
	pub fn effective_at(self, now: BlockNumber) -> Self {
		match self {
			Standing::Restricted { until, .. } | Standing::Suspended { until } if now >= until =>
				Standing::Good,
			other => other,
		}
	}

	/// Whether a measure other than a plain warning is in force at `now`.
	pub fn is_sanctioned_at(self, now: BlockNumber) -> bool {
		!matches!(self.effective_at(now), Standing::Good | Standing::Warned)
	}
}

/// Verification and disposal measures of accounts. The real-name pallet implements it; the
/// moderation pallet applies measures through it, under its own origins.
pub trait AccountStanding<AccountId, BlockNumber> {
	/// Whether `who` holds a verification that is valid now (issued by a registrar that still
	/// exists, not expired, not revoked).
	fn is_verified(who: &AccountId) -> bool;

	/// The standing of `who` as it applies now (lapsed measures read as `Good`).
	fn standing(who: &AccountId) -> Standing<BlockNumber>;

	/// Records a warning. Does not weaken a harsher measure in force.
	fn warn(who: &AccountId) -> DispatchResult;

	/// Restricts `who` from `scope` until block `until` (exclusive), replacing the measure in
	/// force.
	fn restrict(who: &AccountId, scope: RestrictionScope, until: BlockNumber) -> DispatchResult;

	/// Suspends `who` until block `until` (exclusive), replacing the measure in force.
	fn suspend(who: &AccountId, until: BlockNumber) -> DispatchResult;

	/// Closes the account of `who` for ever (only `lift` reopens it, e.g. after an appeal).
	fn close(who: &AccountId) -> DispatchResult;

	/// Lifts the measure in force. Errors when there is none.
	fn lift(who: &AccountId) -> DispatchResult;
}

/// Changes in global compliance state that the real-name check must see. The filing pallet
/// calls it; the real-name pallet keeps the values in the one storage item the check reads.
pub trait OnComplianceChange {
	/// A new platform convention `version` is now current: every account must acknowledge it.
	fn convention_published(version: ConventionVersion);
	/// The service was suspended (`true`) or resumed (`false`) by the regulator.
	fn service_suspended(suspended: bool);
}

impl OnComplianceChange for () {
	fn convention_published(_: ConventionVersion) {}
	fn service_suspended(_: bool) {}
}

/// Records an account's acknowledgement of a platform convention version. Implemented by the
/// real-name pallet, so that the check reads it from the account's own record.
pub trait ConventionAcknowledgement<AccountId> {
	/// Records that `who` acknowledged `version`.
	fn acknowledge(who: &AccountId, version: ConventionVersion) -> DispatchResult;
	/// The last version `who` acknowledged (0 when none).
	fn acknowledged(who: &AccountId) -> ConventionVersion;
}

/// What the real-name check needs to know about a call. The runtime implements it over its
/// `RuntimeCall`.
pub trait InspectCall<Call, AccountId> {
	/// The restriction scope the call falls under, if a restriction can forbid it.
	fn scope(call: &Call) -> Option<RestrictionScope>;
	/// The account the call sends value to, if it sends value.
	fn value_destination(call: &Call) -> Option<AccountId>;
}

impl<Call, AccountId> InspectCall<Call, AccountId> for () {
	fn scope(_: &Call) -> Option<RestrictionScope> {
		None
	}
	fn value_destination(_: &Call) -> Option<AccountId> {
		None
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn custom_codes_are_found_in_every_wording() {
		assert_eq!(RejectCode::custom_code_in("Invalid transaction with custom error: 7"), Some(7));
		assert_eq!(RejectCode::custom_code_in("Invalid Transaction: Custom error: 1"), Some(1));
		assert_eq!(RejectCode::custom_code_in("Invalid(Custom(12))"), Some(12));
		assert_eq!(RejectCode::custom_code_in("Invalid Transaction (1010): Payment"), None);
	}

	#[test]
	fn reject_codes_round_trip_and_are_unique() {
		for (i, code) in RejectCode::ALL.into_iter().enumerate() {
			assert_eq!(code.code() as usize, i + 1);
			assert_eq!(RejectCode::from_code(code.code()), Some(code));
		}
		assert_eq!(RejectCode::from_code(0), None);
		assert_eq!(RejectCode::from_code(10), None);
	}

	#[test]
	fn time_boxed_measures_lapse_at_their_block() {
		let suspended = Standing::Suspended { until: 10u32 };
		assert_eq!(suspended.effective_at(9), suspended);
		assert_eq!(suspended.effective_at(10), Standing::Good);
		let restricted = Standing::Restricted { scope: RestrictionScope::Publishing, until: 5u32 };
		assert!(restricted.is_sanctioned_at(4));
		assert!(!restricted.is_sanctioned_at(5));
		assert_eq!(Standing::<u32>::Closed.effective_at(u32::MAX), Standing::Closed);
		assert!(!Standing::<u32>::Warned.is_sanctioned_at(0));
	}
}
