//! The records and call parameters of the moderation pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use compliance_primitives::{ContentHash, Measure, RestrictionScope};
use scale_info::TypeInfo;

/// The chain-assigned identifier of a complaint report.
pub type ReportId = u64;

/// The chain-assigned identifier of a moderation case (one recorded action).
pub type CaseId = u64;

/// Why a moderator acted or a user complained: the usual categories of prohibited content and
/// behaviour.
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
pub enum ReasonCode {
	/// Content or conduct prohibited by law that no other category covers.
	Illegal,
	/// Fraud, scams and deceptive financial schemes.
	Fraud,
	/// Pornography and obscene material.
	Pornography,
	/// Violence, terrorism and extremism.
	ViolenceTerrorism,
	/// Rumours: false information presented as fact.
	Rumour,
	/// Infringement of intellectual property or other rights.
	Infringement,
	/// Disclosure of another person's private information.
	Privacy,
	/// Anything else; the note or evidence hash says what.
	Other,
}

/// What kind of content a hash stands for.
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
pub enum ContentKind {
	/// Text: a post, an article, a comment.
	Text,
	/// A still image.
	Image,
	/// Audio.
	Audio,
	/// Video.
	Video,
	/// A document or file of another kind.
	Document,
	/// Anything else.
	Other,
}

/// Whether content may be shown.
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
pub enum ContentStatus {
	/// The content may be shown.
	Visible,
	/// A moderator flagged the content for attention; it may still be shown.
	Flagged {
		/// Why it was flagged.
		reason: ReasonCode,
	},
	/// The content must not be shown, and its hash cannot be (re)published.
	Hidden {
		/// Why it was hidden.
		reason: ReasonCode,
		/// The case that hid it.
		case: CaseId,
	},
}

/// Everything the chain knows about a content hash. A hash that was hidden without ever being
/// published here (the block list) has no author, kind or publication block.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Debug, TypeInfo,
)]
pub struct ContentRecord<AccountId, BlockNumber, Uri> {
	/// Who published it, if it was published here.
	pub author: Option<AccountId>,
	/// What kind of content it is, if it was published here.
	pub kind: Option<ContentKind>,
	/// Where the content can be fetched (empty if not published here).
	pub uri: Uri,
	/// The block it was published in, if it was published here.
	pub published_at: Option<BlockNumber>,
	/// Whether it may be shown.
	pub status: ContentStatus,
	/// The latest case about this hash; each case links to the one before it.
	pub last_case: Option<CaseId>,
}

/// What a complaint report is about.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Debug, TypeInfo,
)]
pub enum ReportTarget<AccountId> {
	/// A content hash (published here or not).
	Content(ContentHash),
	/// An account.
	Account(AccountId),
}

/// The measure a moderator took when upholding a report. `resolve` applies it, exactly as the
/// corresponding moderator call would.
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
pub enum ActionTaken<BlockNumber> {
	/// No new measure: the report was justified, but nothing (more) had to be done. The report is
	/// linked to the target's latest case, if any.
	None,
	/// The reported content was hidden (or, if it already was, the report is linked to the case
	/// that hid it).
	ContentHidden,
	/// The reported account was warned.
	AccountWarned,
	/// The reported account was restricted from `scope` until block `until`.
	AccountRestricted {
		/// What the account may no longer do.
		scope: RestrictionScope,
		/// The first block at which the restriction no longer applies.
		until: BlockNumber,
	},
	/// The reported account was suspended until block `until`.
	AccountSuspended {
		/// The first block at which the suspension no longer applies.
		until: BlockNumber,
	},
	/// The reported account was closed.
	AccountClosed,
}

/// How a moderator resolved a report.
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
pub enum ReportOutcome<BlockNumber> {
	/// The complaint was justified.
	Upheld {
		/// The measure taken.
		action: ActionTaken<BlockNumber>,
	},
	/// The complaint was not justified; nothing was done.
	Dismissed,
}

/// The resolution of a report.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Debug, TypeInfo,
)]
pub struct Resolution<AccountId, BlockNumber> {
	/// Upheld (with the measure taken) or dismissed.
	pub outcome: ReportOutcome<BlockNumber>,
	/// The moderator who resolved it.
	pub moderator: AccountId,
	/// The block it was resolved in.
	pub at: BlockNumber,
	/// Hash of the moderator's off-chain note.
	pub note_hash: ContentHash,
	/// The case created or linked by the resolution, if any.
	pub case: Option<CaseId>,
}

/// Where a report stands.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Debug, TypeInfo,
)]
pub enum ReportState<AccountId, BlockNumber> {
	/// Waiting for a moderator, within its deadline.
	Open,
	/// Waiting for a moderator, past its deadline.
	Overdue,
	/// Resolved by a moderator.
	Resolved(Resolution<AccountId, BlockNumber>),
}

/// A complaint filed through the portal.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Debug, TypeInfo,
)]
pub struct Report<AccountId, BlockNumber> {
	/// Who filed it.
	pub reporter: AccountId,
	/// What it is about.
	pub target: ReportTarget<AccountId>,
	/// The category of the complaint.
	pub category: ReasonCode,
	/// Hash of the evidence, kept off chain.
	pub evidence_hash: ContentHash,
	/// The block it was filed in.
	pub filed_at: BlockNumber,
	/// The block from which it is overdue if still unresolved.
	pub deadline: BlockNumber,
	/// Open, overdue or resolved.
	pub state: ReportState<AccountId, BlockNumber>,
}

impl<AccountId, BlockNumber> Report<AccountId, BlockNumber> {
	/// Whether a moderator still has to resolve the report.
	pub fn is_open(&self) -> bool {
		!matches!(self.state, ReportState::Resolved(_))
	}
}

/// How many reports are unresolved now, and how many of them are past their deadline.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	Debug,
	TypeInfo,
)]
pub struct ReportCounts {
	/// Unresolved reports, overdue ones included.
	pub open: u32,
	/// Unresolved reports past their deadline.
	pub overdue: u32,
}

/// A governance body that takes disposal measures by motion on the accounts it oversees
/// (`Config::OverseeingBody`), role holders among them, whom no single moderator may sanction.
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
pub enum Body {
	/// The operator's consortium.
	Consortium,
	/// The regulators.
	Regulators,
}

/// Who acted in a case or decided an appeal.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Debug, TypeInfo,
)]
pub enum Actor<AccountId> {
	/// One moderator, signing for himself.
	Moderator(AccountId),
	/// A governance body, by motion.
	Body(Body),
}

impl<AccountId: PartialEq> Actor<AccountId> {
	/// The moderator, if one moderator acted.
	pub fn moderator(&self) -> Option<&AccountId> {
		match self {
			Actor::Moderator(who) => Some(who),
			Actor::Body(_) => None,
		}
	}

	/// Whether this is the moderator `who`.
	pub fn is_moderator(&self, who: &AccountId) -> bool {
		self.moderator() == Some(who)
	}
}

/// What a case is about.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Debug, TypeInfo,
)]
pub enum CaseSubject<AccountId> {
	/// A content hash.
	Content(ContentHash),
	/// An account.
	Account(AccountId),
}

/// The action a case records.
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
pub enum CaseAction<BlockNumber> {
	/// Content was flagged.
	ContentFlagged,
	/// Content was hidden (appealable by its author).
	ContentHidden,
	/// Content was made visible again.
	ContentRestored,
	/// An account was warned (appealable).
	AccountWarned,
	/// An account was restricted (appealable).
	AccountRestricted {
		/// What the account may no longer do.
		scope: RestrictionScope,
		/// The first block at which the restriction no longer applies.
		until: BlockNumber,
	},
	/// An account was suspended (appealable).
	AccountSuspended {
		/// The first block at which the suspension no longer applies.
		until: BlockNumber,
	},
	/// An account was closed (appealable).
	AccountClosed,
	/// The measure in force on an account was lifted.
	MeasureLifted,
}

impl<BlockNumber> CaseAction<BlockNumber> {
	/// Whether the subject of a case with this action may appeal it.
	pub fn is_appealable(&self) -> bool {
		!matches!(
			self,
			CaseAction::ContentFlagged | CaseAction::ContentRestored | CaseAction::MeasureLifted
		)
	}
}

impl<BlockNumber: Copy> CaseAction<BlockNumber> {
	/// The disposal measure the action imposes on an account, if it imposes one.
	pub fn measure(&self) -> Option<Measure<BlockNumber>> {
		match *self {
			CaseAction::AccountWarned => Some(Measure::Warning),
			CaseAction::AccountRestricted { scope, until } =>
				Some(Measure::Restriction { scope, until }),
			CaseAction::AccountSuspended { until } => Some(Measure::Suspension { until }),
			CaseAction::AccountClosed => Some(Measure::Closure),
			CaseAction::ContentFlagged |
			CaseAction::ContentHidden |
			CaseAction::ContentRestored |
			CaseAction::MeasureLifted => None,
		}
	}
}

/// The slots of [`MeasureCases`]: one per measure that can be in force beside the others.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MeasureSlot {
	/// A warning.
	Warning,
	/// A restriction from publishing.
	Publishing,
	/// A restriction from sending value.
	Transfers,
	/// A restriction from filing reports.
	Reporting,
	/// A suspension.
	Suspension,
	/// A closure.
	Closure,
}

impl MeasureSlot {
	/// Every slot.
	pub const ALL: [MeasureSlot; 6] = [
		MeasureSlot::Warning,
		MeasureSlot::Publishing,
		MeasureSlot::Transfers,
		MeasureSlot::Reporting,
		MeasureSlot::Suspension,
		MeasureSlot::Closure,
	];

	/// The slot of the measure `action` imposes; `None` for an action that imposes none.
	pub fn of<BlockNumber: Copy>(action: &CaseAction<BlockNumber>) -> Option<Self> {
		action.measure().map(|measure| Self::of_measure(&measure))
	}

	/// The slot of `measure`.
	pub fn of_measure<BlockNumber>(measure: &Measure<BlockNumber>) -> Self {
		match measure {
			Measure::Warning => MeasureSlot::Warning,
			Measure::Restriction { scope, .. } => match scope {
				RestrictionScope::Publishing => MeasureSlot::Publishing,
				RestrictionScope::Transfers => MeasureSlot::Transfers,
				RestrictionScope::Reporting => MeasureSlot::Reporting,
			},
			Measure::Suspension { .. } => MeasureSlot::Suspension,
			Measure::Closure => MeasureSlot::Closure,
		}
	}
}

/// The case that last imposed each measure on an account. An upheld appeal undoes a measure
/// only while its case is still the one recorded here, so that it never undoes a measure a later
/// case imposed.
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
pub struct MeasureCases {
	/// The case of the last warning.
	pub warning: Option<CaseId>,
	/// The case of the last restriction from publishing.
	pub publishing: Option<CaseId>,
	/// The case of the last restriction from sending value.
	pub transfers: Option<CaseId>,
	/// The case of the last restriction from filing reports.
	pub reporting: Option<CaseId>,
	/// The case of the last suspension.
	pub suspension: Option<CaseId>,
	/// The case of the last closure.
	pub closure: Option<CaseId>,
}

impl MeasureCases {
	/// The case recorded in `slot`.
	pub fn get(&self, slot: MeasureSlot) -> Option<CaseId> {
		*self.slot(slot)
	}

	/// Sets (or with `None` clears) the case recorded in `slot`.
	pub fn set(&mut self, slot: MeasureSlot, case: Option<CaseId>) {
		*self.slot_mut(slot) = case;
	}

	/// Records that case `case_id` imposed the measure of `slot`. A suspension or closure ends
	/// the restrictions in force (the ladder replaces them), so their slots are cleared.
	pub fn record(&mut self, slot: MeasureSlot, case_id: CaseId) {
		// A harsher measure ends the lighter ones it replaces (but a warning, which is recorded
		// under any measure).
		if matches!(slot, MeasureSlot::Suspension | MeasureSlot::Closure) {
			self.publishing = None;
			self.transfers = None;
			self.reporting = None;
		}
		if slot == MeasureSlot::Closure {
			self.suspension = None;
		}
		self.set(slot, Some(case_id));
	}

	/// Whether no slot names a case.
	pub fn is_empty(&self) -> bool {
		*self == Self::default()
	}

	fn slot(&self, slot: MeasureSlot) -> &Option<CaseId> {
		match slot {
			MeasureSlot::Warning => &self.warning,
			MeasureSlot::Publishing => &self.publishing,
			MeasureSlot::Transfers => &self.transfers,
			MeasureSlot::Reporting => &self.reporting,
			MeasureSlot::Suspension => &self.suspension,
			MeasureSlot::Closure => &self.closure,
		}
	}

	fn slot_mut(&mut self, slot: MeasureSlot) -> &mut Option<CaseId> {
		match slot {
			MeasureSlot::Warning => &mut self.warning,
			MeasureSlot::Publishing => &mut self.publishing,
			MeasureSlot::Transfers => &mut self.transfers,
			MeasureSlot::Reporting => &mut self.reporting,
			MeasureSlot::Suspension => &mut self.suspension,
			MeasureSlot::Closure => &mut self.closure,
		}
	}
}

/// The decision on an appeal.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Debug, TypeInfo,
)]
pub struct AppealDecision<AccountId, BlockNumber> {
	/// Who decided: a moderator other than the one who acted, or the body whose motion took the
	/// measure.
	pub decided_by: Actor<AccountId>,
	/// `true` if the appeal succeeded and the measure was undone.
	pub upheld: bool,
	/// The block it was decided in.
	pub at: BlockNumber,
	/// Hash of the decider's off-chain note.
	pub note_hash: ContentHash,
}

/// An appeal against a case. Each case can be appealed once.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Debug, TypeInfo,
)]
pub struct Appeal<AccountId, BlockNumber> {
	/// Who appealed: the content's author or the sanctioned account.
	pub appellant: AccountId,
	/// Hash of the appellant's statement, kept off chain.
	pub statement_hash: ContentHash,
	/// The block the appeal was filed in.
	pub filed_at: BlockNumber,
	/// The decision, once made.
	pub decision: Option<AppealDecision<AccountId, BlockNumber>>,
}

/// The record of one moderation action: who did what, to whom, why and when.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, Debug, TypeInfo,
)]
pub struct Case<AccountId, BlockNumber> {
	/// The content hash or account acted on.
	pub subject: CaseSubject<AccountId>,
	/// What was done.
	pub action: CaseAction<BlockNumber>,
	/// Why (restore records none).
	pub reason: Option<ReasonCode>,
	/// Who acted: a moderator, or a body by motion.
	pub actor: Actor<AccountId>,
	/// The block it was done in.
	pub at: BlockNumber,
	/// Hash of the actor's off-chain note, if one was given.
	pub note_hash: Option<ContentHash>,
	/// The report this case resolved, if any.
	pub report: Option<ReportId>,
	/// The previous case about the same subject, if any (the history is a linked list).
	pub previous: Option<CaseId>,
	/// The appeal against this case, if one was filed.
	pub appeal: Option<Appeal<AccountId, BlockNumber>>,
}
