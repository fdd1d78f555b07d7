//! # Compliance primitives
//!
//! The types, traits and rejection codes through which the Compliance Chain pallets talk to
//! each other. No pallet depends on another pallet: each names the trait it needs here, and the
//! runtime wires the implementation (`type Standing = RealName;`).
//!
//! - [`AccountStanding`]: verification and disposal measures of an account (implemented by the
//!   real-name pallet, used by moderation), on the ladder [`MeasureLevel`] defines once.
//! - [`OnComplianceChange`]: the filing pallet, which owns the current platform convention and the
//!   service suspension, tells the real-name check of a change, so that the check never reads
//!   filing storage; [`ComplianceFacts`] reads the owner's values back, so the check's mirror can
//!   be proven equal to them.
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
	/// 10: the transfer's destination account is closed.
	DestinationClosed = 10,
	/// 11: the call is not open to signed users at all (in the runtime: free-text remarks, since
	/// text on chain is publishing and only `publish` is moderated; and node authorization's
	/// own-node calls, since which nodes join is the operator's decision).
	CallNotPermitted = 11,
}

impl RejectCode {
	/// Every code, in numeric order.
	pub const ALL: [RejectCode; 11] = [
		RejectCode::NotVerified,
		RejectCode::VerificationExpired,
		RejectCode::RegistrarRemoved,
		RejectCode::AccountSuspended,
		RejectCode::AccountClosed,
		RejectCode::ConventionNotAcknowledged,
		RejectCode::ServiceSuspended,
		RejectCode::DestinationNotVerified,
		RejectCode::AccountRestricted,
		RejectCode::DestinationClosed,
		RejectCode::CallNotPermitted,
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
			RejectCode::DestinationClosed => "the destination account is closed",
			RejectCode::CallNotPermitted => "the call is not open to signed users",
		}
	}

	/// The variant's name, as the README's table and clients show it.
	pub const fn name(self) -> &'static str {
		match self {
			RejectCode::NotVerified => "NotVerified",
			RejectCode::VerificationExpired => "VerificationExpired",
			RejectCode::RegistrarRemoved => "RegistrarRemoved",
			RejectCode::AccountSuspended => "AccountSuspended",
			RejectCode::AccountClosed => "AccountClosed",
			RejectCode::ConventionNotAcknowledged => "ConventionNotAcknowledged",
			RejectCode::ServiceSuspended => "ServiceSuspended",
			RejectCode::DestinationNotVerified => "DestinationNotVerified",
			RejectCode::AccountRestricted => "AccountRestricted",
			RejectCode::DestinationClosed => "DestinationClosed",
			RejectCode::CallNotPermitted => "CallNotPermitted",
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

/// The ladder of disposal measures (R3), from none to the harshest: warn < restrict < suspend <
/// close. Defined here once; the real-name pallet applies measures by it and clients sort by it.
#[derive(
	Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Encode, Decode, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum MeasureLevel {
	/// No measure is in force.
	None,
	/// A warning is on record; it takes nothing away.
	Warning,
	/// One or more functions are taken away for a time.
	Restriction,
	/// Every transaction but an appeal or an acknowledgement is refused for a time.
	Suspension,
	/// Every transaction but an appeal or an acknowledgement is refused for good.
	Closure,
}

/// The end of a restriction on each function, `None` where that function is not restricted.
/// Each end is the first block at which that restriction no longer applies.
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
pub struct RestrictionEnds<BlockNumber> {
	/// End of the restriction on publishing content.
	pub publishing: Option<BlockNumber>,
	/// End of the restriction on sending value.
	pub transfers: Option<BlockNumber>,
	/// End of the restriction on filing reports.
	pub reporting: Option<BlockNumber>,
}

// Not derived: no function is restricted whatever the block number type is.
impl<BlockNumber> Default for RestrictionEnds<BlockNumber> {
	fn default() -> Self {
		Self { publishing: None, transfers: None, reporting: None }
	}
}

impl<BlockNumber: PartialOrd + Copy> RestrictionEnds<BlockNumber> {
	/// The end of the restriction on `scope`, if it is restricted.
	pub fn end(&self, scope: RestrictionScope) -> Option<BlockNumber> {
		*self.slot(scope)
	}

	/// Sets (or with `None` clears) the end of the restriction on `scope`.
	pub fn set(&mut self, scope: RestrictionScope, end: Option<BlockNumber>) {
		*self.slot_mut(scope) = end;
	}

	/// Only the restrictions still running at `now`.
	pub fn running_at(self, now: BlockNumber) -> Self {
		let keep = |end: Option<BlockNumber>| end.filter(|end| now < *end);
		Self {
			publishing: keep(self.publishing),
			transfers: keep(self.transfers),
			reporting: keep(self.reporting),
		}
	}

	/// Whether no function is restricted.
	pub fn is_empty(&self) -> bool {
		self.publishing.is_none() && self.transfers.is_none() && self.reporting.is_none()
	}

	fn slot(&self, scope: RestrictionScope) -> &Option<BlockNumber> {
		match scope {
			RestrictionScope::Publishing => &self.publishing,
			RestrictionScope::Transfers => &self.transfers,
			RestrictionScope::Reporting => &self.reporting,
		}
	}

	fn slot_mut(&mut self, scope: RestrictionScope) -> &mut Option<BlockNumber> {
		match scope {
			RestrictionScope::Publishing => &mut self.publishing,
			RestrictionScope::Transfers => &mut self.transfers,
			RestrictionScope::Reporting => &mut self.reporting,
		}
	}
}

/// An account's standing: the disposal measure in force on it (R3).
///
/// Time-boxed measures lapse by themselves: [`Standing::effective_at`] compares their ends with
/// the current block, so no sweep over accounts is ever needed. The standing is stored inside
/// every account's `System::Account` entry: variants are only ever added at the end, so entries
/// written by earlier runtimes still decode.
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
	/// The account may not use `scope` before block `until`. Written by runtimes before
	/// restrictions could hold several scopes; read as [`Standing::RestrictedFrom`] with one
	/// scope, and never written any more.
	Restricted {
		/// What the account may not do.
		scope: RestrictionScope,
		/// The first block at which the restriction no longer applies.
		until: BlockNumber,
	},
	/// The account may not transact before block `until`, except to appeal or acknowledge.
	Suspended {
		/// The first block at which the suspension no longer applies.
		until: BlockNumber,
	},
	/// The account is closed for good; it may still appeal and acknowledge.
	Closed,
	/// The account may not use the restricted functions, each until its own end.
	RestrictedFrom(RestrictionEnds<BlockNumber>),
}

impl<BlockNumber: PartialOrd + Copy> Standing<BlockNumber> {
	/// The standing as it applies at block `now`: lapsed measures are gone, a restriction keeps
	/// only its running scopes (in the [`Standing::RestrictedFrom`] form), and one with none left
	/// reads as [`Standing::Good`].
	pub fn effective_at(self, now: BlockNumber) -> Self {
		match self {
			Standing::Suspended { until } if now >= until => Standing::Good,
			Standing::Restricted { .. } | Standing::RestrictedFrom(_) => {
				let running = self.restrictions().running_at(now);
				if running.is_empty() {
					Standing::Good
				} else {
					Standing::RestrictedFrom(running)
				}
			},
			other => other,
		}
	}

	/// The restriction ends this standing holds (none unless it is a restriction).
	pub fn restrictions(&self) -> RestrictionEnds<BlockNumber> {
		let mut ends = RestrictionEnds::default();
		match self {
			Standing::Restricted { scope, until } => ends.set(*scope, Some(*until)),
			Standing::RestrictedFrom(restricted) => ends = *restricted,
			_ => {},
		}
		ends
	}

	/// Where this standing sits on the ladder (read it on the effective standing).
	pub fn level(&self) -> MeasureLevel {
		match self {
			Standing::Good => MeasureLevel::None,
			Standing::Warned => MeasureLevel::Warning,
			Standing::Restricted { .. } | Standing::RestrictedFrom(_) => MeasureLevel::Restriction,
			Standing::Suspended { .. } => MeasureLevel::Suspension,
			Standing::Closed => MeasureLevel::Closure,
		}
	}

	/// Whether this standing (read it on the effective standing) holds exactly `measure`: the
	/// warning, the suspension ending at that block, the closure, or among its restrictions the
	/// one of that function ending at that block.
	pub fn holds(&self, measure: Measure<BlockNumber>) -> bool
	where
		BlockNumber: PartialEq,
	{
		match measure {
			Measure::Warning => *self == Standing::Warned,
			Measure::Suspension { until } => *self == Standing::Suspended { until },
			Measure::Closure => *self == Standing::Closed,
			Measure::Restriction { scope, until } =>
				self.level() == MeasureLevel::Restriction &&
					self.restrictions().end(scope) == Some(until),
		}
	}

	/// Whether a measure other than a plain warning is in force at `now`.
	pub fn is_sanctioned_at(self, now: BlockNumber) -> bool {
		self.effective_at(now).level() > MeasureLevel::Warning
	}

	/// Whether the standing in force at `now` forbids the functions of `scope`: a suspension or
	/// closure forbids every function, a restriction the scopes it names.
	pub fn forbids_at(self, scope: RestrictionScope, now: BlockNumber) -> bool {
		let effective = self.effective_at(now);
		match effective.level() {
			MeasureLevel::Suspension | MeasureLevel::Closure => true,
			MeasureLevel::Restriction => effective.restrictions().end(scope).is_some(),
			MeasureLevel::None | MeasureLevel::Warning => false,
		}
	}
}

/// One disposal measure, as a moderator (or a motion) takes it and a case records it.
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
pub enum Measure<BlockNumber> {
	/// A warning.
	Warning,
	/// The account may not use `scope` before block `until`.
	Restriction {
		/// What the account may not do.
		scope: RestrictionScope,
		/// The first block at which the restriction no longer applies.
		until: BlockNumber,
	},
	/// No transactions but appeals and acknowledgements before block `until`.
	Suspension {
		/// The first block at which the suspension no longer applies.
		until: BlockNumber,
	},
	/// The account is closed.
	Closure,
}

impl<BlockNumber> Measure<BlockNumber> {
	/// Where the measure sits on the ladder.
	pub fn level(&self) -> MeasureLevel {
		match self {
			Measure::Warning => MeasureLevel::Warning,
			Measure::Restriction { .. } => MeasureLevel::Restriction,
			Measure::Suspension { .. } => MeasureLevel::Suspension,
			Measure::Closure => MeasureLevel::Closure,
		}
	}
}

/// Verification and disposal measures of accounts. The real-name pallet implements it; the
/// moderation pallet applies measures through it, under its own origins.
///
/// The ladder ([`MeasureLevel`]) decides what a new measure does:
/// - a warning is always recorded (it counts), and becomes the standing only when nothing harsher
///   is in force;
/// - any other measure is refused with an error when a measure at least as harsh is in force (a
///   later closure, a suspension that ends later, a restriction of the same function that ends
///   later); a harsher measure replaces the lighter ones in force (a suspension or closure ends the
///   restrictions it covers);
/// - restrictions of different functions run side by side, each until its own end.
pub trait AccountStanding<AccountId, BlockNumber> {
	/// Whether `who` holds a verification that is valid now (issued by a registrar that still
	/// exists, not expired, not revoked).
	fn is_verified(who: &AccountId) -> bool;

	/// The standing of `who` as it applies now (lapsed measures read as `Good`).
	fn standing(who: &AccountId) -> Standing<BlockNumber>;

	/// Applies `measure` to `who` by the ladder. Errors when a measure at least as harsh is in
	/// force, or when a time-boxed measure does not end after the current block.
	fn apply(who: &AccountId, measure: Measure<BlockNumber>) -> DispatchResult;

	/// Undoes `measure` on `who` if exactly that measure is in force now (for a restriction: the
	/// restriction of that function, ending at that block); the other restrictions keep running.
	/// Returns whether it did; changes nothing when it did not.
	fn undo(
		who: &AccountId,
		measure: Measure<BlockNumber>,
	) -> Result<bool, sp_runtime::DispatchError>;

	/// Lifts every measure in force on `who`. Errors when there is none.
	fn lift(who: &AccountId) -> DispatchResult;
}

/// Changes in global compliance state that the real-name check must see. The filing pallet
/// owns both facts and calls it; the real-name pallet mirrors them in the one storage item the
/// check reads.
pub trait OnComplianceChange {
	/// A new platform convention `version` is now current: every account must acknowledge it.
	fn convention_published(version: ConventionVersion);
	/// The service was suspended (`true`) or resumed (`false`) by the regulator.
	fn service_suspended(suspended: bool);
	/// The most weight one notification costs, which the caller adds to its own.
	fn weight() -> sp_runtime::Weight;
}

impl OnComplianceChange for () {
	fn convention_published(_: ConventionVersion) {}
	fn service_suspended(_: bool) {}
	fn weight() -> sp_runtime::Weight {
		sp_runtime::Weight::zero()
	}
}

/// The global compliance facts as their owner (the filing pallet) stores them. The real-name
/// pallet's `try_state` checks that its mirror equals them.
pub trait ComplianceFacts {
	/// The platform convention version every account must acknowledge (0: none published).
	fn current_convention() -> ConventionVersion;
	/// Whether the regulator has suspended the service.
	fn service_suspended() -> bool;
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
		assert_eq!(RejectCode::from_code(12), None);
		assert_eq!(RejectCode::from_code(10), Some(RejectCode::DestinationClosed));
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

	#[test]
	fn restrictions_of_several_functions_lapse_each_at_its_own_end() {
		let ends = RestrictionEnds { publishing: Some(5u32), transfers: Some(9), reporting: None };
		let standing = Standing::RestrictedFrom(ends);
		assert!(standing.forbids_at(RestrictionScope::Publishing, 4));
		assert!(standing.forbids_at(RestrictionScope::Transfers, 4));
		assert!(!standing.forbids_at(RestrictionScope::Reporting, 4));
		let later = standing.effective_at(5);
		assert_eq!(later.restrictions().end(RestrictionScope::Publishing), None);
		assert_eq!(later.restrictions().end(RestrictionScope::Transfers), Some(9));
		assert_eq!(standing.effective_at(9), Standing::Good);
	}

	#[test]
	fn a_single_scope_restriction_of_earlier_runtimes_reads_as_a_set() {
		let legacy = Standing::Restricted { scope: RestrictionScope::Transfers, until: 7u32 };
		let expected = RestrictionEnds { transfers: Some(7), ..Default::default() };
		assert_eq!(legacy.effective_at(1), Standing::RestrictedFrom(expected));
		// The variant index of every earlier standing is kept: old entries decode as before.
		assert_eq!(legacy.encode()[0], 2);
		assert_eq!(Standing::<u32>::Closed.encode(), vec![4]);
		assert_eq!(
			Standing::<u32>::decode(&mut &[3u8, 9, 0, 0, 0][..]).unwrap(),
			Standing::Suspended { until: 9 }
		);
	}

	#[test]
	fn the_ladder_orders_measures_and_standings_alike() {
		use MeasureLevel::*;
		assert!(None < Warning && Warning < Restriction && Restriction < Suspension);
		assert!(Suspension < Closure);
		assert_eq!(Measure::<u32>::Closure.level(), Standing::<u32>::Closed.level());
		assert_eq!(
			Measure::Suspension { until: 3u32 }.level(),
			Standing::Suspended { until: 3 }.level()
		);
		let restriction = Measure::Restriction { scope: RestrictionScope::Reporting, until: 3u32 };
		assert_eq!(
			restriction.level(),
			Standing::RestrictedFrom(RestrictionEnds::<u32>::default()).level()
		);
		assert!(Standing::<u32>::Closed.forbids_at(RestrictionScope::Reporting, 0));
		assert!(!Standing::<u32>::Warned.forbids_at(RestrictionScope::Reporting, 0));
	}
}
