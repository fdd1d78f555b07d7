#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

use alloc::vec::Vec;
use compliance_primitives::{
	AccountStanding, ContentHash, Measure, MeasureLevel, RestrictionScope,
};
use frame_support::{
	dispatch::DispatchResult,
	pallet_prelude::*,
	traits::{Contains, Get},
};
use frame_system::pallet_prelude::{BlockNumberFor, OriginFor};
use sp_runtime::{
	traits::{Convert, Saturating, Zero},
	DispatchError,
};

/// The shortest retention period of moderation records the pallet accepts, in days (six months,
/// rounded up): `integrity_test` checks `RetentionPeriod >= MIN_RETENTION_DAYS * BlocksPerDay`.
pub const MIN_RETENTION_DAYS: u32 = 183;

/// The most entries one page of [`Pallet::open_reports`] or [`Pallet::overdue_reports`] returns;
/// a larger `limit` is cut to it.
pub const MAX_PAGE_LEN: u32 = 256;

/// A content record as stored, with its bounded URI.
pub type ContentRecordOf<T> = ContentRecord<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	BoundedVec<u8, <T as Config>::MaxUriLen>,
>;
/// A content record as clients read it (the `content` view function), with a plain URI.
pub type ContentView<AccountId, BlockNumber> = ContentRecord<AccountId, BlockNumber, Vec<u8>>;
/// A report of this runtime.
pub type ReportOf<T> = Report<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
/// A case of this runtime.
pub type CaseOf<T> = Case<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
/// A report outcome of this runtime.
pub type ReportOutcomeOf<T> = ReportOutcome<BlockNumberFor<T>>;
/// A report target of this runtime.
pub type ReportTargetOf<T> = ReportTarget<<T as frame_system::Config>::AccountId>;

/// What the benchmarks need from the runtime that the [`AccountStanding`] trait cannot do.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `who` a verified account in good standing.
	fn make_verified(who: &AccountId);
	/// Makes `who` a moderator, whom `Config::ModeratorOrigin` accepts when `who` signs.
	fn make_moderator(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_system::pallet_prelude::*;

	/// The pallet's configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Verification and standing of accounts; disposal measures are applied through it.
		type Standing: AccountStanding<Self::AccountId, BlockNumberFor<Self>>;

		/// The origin that purges expired records and sets the response time.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// One moderator, signing for himself: moderates content, takes disposal measures,
		/// resolves reports and decides appeals. Yields the moderator's account. The moderator
		/// set is kept outside this pallet (in the runtime: a membership set changed by motion).
		type ModeratorOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;

		/// A governance body's motion: takes and lifts disposal measures on the accounts it
		/// oversees (also on role holders, which no single moderator may sanction), and decides
		/// the appeals of its own measures. Yields the body.
		type BodyOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Body>;

		/// The body that oversees an account: the only body whose motion takes or lifts a
		/// measure on it (`NotOverseer` for another).
		type OverseeingBody: Convert<Self::AccountId, Body>;

		/// Accounts that hold a role on the chain (consortium member, regulator, assessor,
		/// registrar, moderator, filing operator, validator). A single moderator cannot take a
		/// disposal measure against them (`SubjectHoldsRole`): that takes a motion of the body
		/// that oversees them (`BodyOrigin`). Lifting a measure from them and hiding their
		/// content stay open to moderators, unless a body took the measure.
		type RoleHolders: Contains<Self::AccountId>;

		/// The longest URI of published content, in bytes.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;

		/// The most hashes one `hide_batch` call hides.
		#[pallet::constant]
		type MaxBatch: Get<u32>;

		/// The most unresolved reports one account may have open at a time.
		#[pallet::constant]
		type MaxOpenReportsPerAccount: Get<u32>;

		/// The most reports that can fall due in one block, i.e. be filed in one block.
		#[pallet::constant]
		type MaxReportsPerBlock: Get<u32>;

		/// How many blocks moderators have to resolve a report before it is overdue, until the
		/// chain sets its own [`ResponseTime`] (at genesis or with `set_response_time`).
		#[pallet::constant]
		type ResponseDeadline: Get<BlockNumberFor<Self>>;

		/// How many blocks a case must be kept before `purge_case` may remove it. At least
		/// [`MIN_RETENTION_DAYS`] days of blocks (checked by `integrity_test`).
		#[pallet::constant]
		type RetentionPeriod: Get<BlockNumberFor<Self>>;

		/// How many blocks the chain produces per day; sets the floor of `RetentionPeriod`.
		#[pallet::constant]
		type BlocksPerDay: Get<BlockNumberFor<Self>>;

		/// Makes accounts verified for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;
	}

	/// Version 1 records who acted in a case as an [`Actor`] (a moderator or a body), migrated
	/// from version 0 by [`crate::migrations::RecordActors`]; version 2 added `MeasuresInForce`,
	/// seeded from the cases by [`crate::migrations::SeedMeasuresInForce`]; version 3 counts
	/// `OpenReports` and `OverdueReports`, whose counters
	/// [`crate::migrations::CountUnresolvedReports`] initialises.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	/// The moderation pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Status, metadata and latest case of every content hash that was published or moderated.
	/// Keys are user-supplied hashes, not computed on chain, hence `Blake2_128Concat`.
	#[pallet::storage]
	pub type ContentOf<T: Config> =
		StorageMap<_, Blake2_128Concat, ContentHash, ContentRecordOf<T>, OptionQuery>;

	/// Every complaint report, open or resolved.
	/// `Twox64Concat`: report ids are assigned by the chain, so they cannot be chosen to collide.
	#[pallet::storage]
	pub type Reports<T: Config> = StorageMap<_, Twox64Concat, ReportId, ReportOf<T>, OptionQuery>;

	/// The id the next report gets.
	#[pallet::storage]
	pub type NextReportId<T: Config> = StorageValue<_, ReportId, ValueQuery>;

	/// The ids of the unresolved reports (open or overdue), for paged queries, and their count,
	/// which the nodes' metrics read once per block instead of counting.
	/// `Twox64Concat`: report ids are assigned by the chain, so they cannot be chosen to collide.
	#[pallet::storage]
	pub type OpenReports<T: Config> = CountedStorageMap<_, Twox64Concat, ReportId, (), OptionQuery>;

	/// The ids of the unresolved reports past their deadline, for paged queries, and their count.
	/// `Twox64Concat`: report ids are assigned by the chain, so they cannot be chosen to collide.
	#[pallet::storage]
	pub type OverdueReports<T: Config> =
		CountedStorageMap<_, Twox64Concat, ReportId, (), OptionQuery>;

	/// How many unresolved reports each account has filed.
	#[pallet::storage]
	pub type OpenReportsOf<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The reports that fall due at each block, drained by `on_initialize` of that block.
	/// `Twox64Concat`: the key is a block number computed by the chain.
	#[pallet::storage]
	pub type DeadlineQueue<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<ReportId, T::MaxReportsPerBlock>,
		ValueQuery,
	>;

	/// Every moderation case (one recorded action each) not yet purged.
	/// `Twox64Concat`: case ids are assigned by the chain, so they cannot be chosen to collide.
	#[pallet::storage]
	pub type Cases<T: Config> = StorageMap<_, Twox64Concat, CaseId, CaseOf<T>, OptionQuery>;

	/// The id the next case gets.
	#[pallet::storage]
	pub type NextCaseId<T: Config> = StorageValue<_, CaseId, ValueQuery>;

	/// The latest case about each account; each case links to the one before it.
	#[pallet::storage]
	pub type LatestCaseOf<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, CaseId, OptionQuery>;

	/// The case that last imposed each measure on an account, while one may be in force: what
	/// an upheld appeal checks, so that it undoes its own measure and never a later one.
	/// Removed by `lift`.
	#[pallet::storage]
	pub type MeasuresInForce<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, MeasureCases, OptionQuery>;

	/// How many blocks moderators have to resolve a report: the operator's published response
	/// time. `Config::ResponseDeadline` until set.
	#[pallet::storage]
	pub type ResponseTime<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::ResponseDeadline>;

	/// The initial response time.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The response time in blocks, if not `Config::ResponseDeadline` (must not be zero).
		pub response_time: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(blocks) = self.response_time {
				assert!(!blocks.is_zero(), "the genesis response time must not be zero");
				ResponseTime::<T>::put(blocks);
			}
		}
	}

	/// Events of the moderation pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The admin set the response time for new reports.
		ResponseTimeSet {
			/// Blocks from filing to the deadline.
			blocks: BlockNumberFor<T>,
		},
		/// A verified user published a content hash.
		ContentPublished {
			/// The content hash.
			hash: ContentHash,
			/// Who published it.
			author: T::AccountId,
			/// What kind of content it is.
			kind: ContentKind,
		},
		/// A moderator flagged content.
		ContentFlagged {
			/// The content hash.
			hash: ContentHash,
			/// The moderator.
			moderator: T::AccountId,
			/// Why.
			reason: ReasonCode,
			/// The case recording it.
			case_id: CaseId,
		},
		/// A moderator hid content (or block-listed a hash never published here).
		ContentHidden {
			/// The content hash.
			hash: ContentHash,
			/// The moderator.
			moderator: T::AccountId,
			/// Why.
			reason: ReasonCode,
			/// The case recording it.
			case_id: CaseId,
		},
		/// A moderator made content visible again.
		ContentRestored {
			/// The content hash.
			hash: ContentHash,
			/// The moderator.
			moderator: T::AccountId,
			/// The case recording it.
			case_id: CaseId,
		},
		/// A moderator or a body warned an account.
		AccountWarned {
			/// The account.
			who: T::AccountId,
			/// Who acted.
			actor: Actor<T::AccountId>,
			/// Why.
			reason: ReasonCode,
			/// The case recording it.
			case_id: CaseId,
		},
		/// A moderator or a body restricted an account from some functions for a period.
		AccountRestricted {
			/// The account.
			who: T::AccountId,
			/// What it may no longer do.
			scope: RestrictionScope,
			/// The first block at which the restriction no longer applies.
			until: BlockNumberFor<T>,
			/// Who acted.
			actor: Actor<T::AccountId>,
			/// Why.
			reason: ReasonCode,
			/// The case recording it.
			case_id: CaseId,
		},
		/// A moderator or a body suspended an account for a period.
		AccountSuspended {
			/// The account.
			who: T::AccountId,
			/// The first block at which the suspension no longer applies.
			until: BlockNumberFor<T>,
			/// Who acted.
			actor: Actor<T::AccountId>,
			/// Why.
			reason: ReasonCode,
			/// The case recording it.
			case_id: CaseId,
		},
		/// A moderator or a body closed an account.
		AccountClosed {
			/// The account.
			who: T::AccountId,
			/// Who acted.
			actor: Actor<T::AccountId>,
			/// Why.
			reason: ReasonCode,
			/// The case recording it.
			case_id: CaseId,
		},
		/// A moderator or a body lifted the measure in force on an account.
		MeasureLifted {
			/// The account.
			who: T::AccountId,
			/// Who acted.
			actor: Actor<T::AccountId>,
			/// Why.
			reason: ReasonCode,
			/// The case recording it.
			case_id: CaseId,
		},
		/// A verified user filed a complaint report.
		ReportFiled {
			/// The report's id.
			report_id: ReportId,
			/// Who filed it.
			reporter: T::AccountId,
			/// What it is about.
			target: ReportTargetOf<T>,
			/// The category of the complaint.
			category: ReasonCode,
			/// The block from which it is overdue if unresolved.
			deadline: BlockNumberFor<T>,
		},
		/// A moderator resolved a report.
		ReportResolved {
			/// The report's id.
			report_id: ReportId,
			/// What the report was about.
			target: ReportTargetOf<T>,
			/// The moderator.
			moderator: T::AccountId,
			/// Upheld (with the measure taken) or dismissed.
			outcome: ReportOutcomeOf<T>,
			/// The case created or linked, if any.
			case_id: Option<CaseId>,
		},
		/// A report passed its deadline unresolved (emitted once per report).
		ReportOverdue {
			/// The report's id.
			report_id: ReportId,
			/// What the report is about.
			target: ReportTargetOf<T>,
		},
		/// The subject of a case appealed it.
		AppealFiled {
			/// The case appealed.
			case_id: CaseId,
			/// The case's subject: the content hash or the account.
			subject: CaseSubject<T::AccountId>,
			/// The content's author or the sanctioned account.
			appellant: T::AccountId,
		},
		/// An appeal was decided: by a moderator other than the one who acted, or by the body
		/// whose motion took the measure.
		AppealDecided {
			/// The case appealed.
			case_id: CaseId,
			/// The case's subject: the content hash or the account.
			subject: CaseSubject<T::AccountId>,
			/// Who decided.
			decided_by: Actor<T::AccountId>,
			/// Whether the appeal succeeded.
			upheld: bool,
			/// Whether the measure was undone (content restored or measure lifted). `false` when
			/// the appeal was rejected or the measure was no longer the one in force.
			measure_undone: bool,
		},
		/// The admin purged a case past its retention period.
		CasePurged {
			/// The purged case.
			case_id: CaseId,
			/// The purged case's subject: the content hash or the account.
			subject: CaseSubject<T::AccountId>,
		},
	}

	/// Errors of the moderation pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// A response time must be at least one block.
		ZeroResponseTime,
		/// The origin is not a moderator (nor, for the calls a body may make, a body's motion).
		NotModerator,
		/// The signer has no valid real-name verification.
		NotVerified,
		/// The signer may not publish now (restricted from publishing, suspended or closed).
		PublishingRestricted,
		/// The signer may not file reports now (restricted from reporting, suspended or closed).
		ReportingRestricted,
		/// The hash was already published.
		AlreadyPublished,
		/// The hash is hidden: it cannot be published, flagged or hidden again.
		AlreadyHidden,
		/// The hash is already flagged.
		AlreadyFlagged,
		/// The hash is already visible: there is nothing to restore.
		AlreadyVisible,
		/// No content is recorded under this hash.
		ContentNotFound,
		/// A batch must hold at least one hash.
		EmptyBatch,
		/// The end block of a restriction or suspension must be after the current block.
		EndNotInFuture,
		/// No measure is in force on the account: there is nothing to lift.
		NoMeasureInForce,
		/// The signer already has `MaxOpenReportsPerAccount` unresolved reports.
		TooManyOpenReports,
		/// `MaxReportsPerBlock` reports were already filed in this block; try the next one.
		TooManyReportsThisBlock,
		/// No report has this id.
		ReportNotFound,
		/// The report was already resolved.
		AlreadyResolved,
		/// The action does not fit the report's target (content action on an account or the
		/// reverse).
		ActionMismatch,
		/// No case has this id.
		CaseNotFound,
		/// Cases that flag, restore or lift cannot be appealed.
		NotAppealable,
		/// Only the author of the content or the sanctioned account may appeal the case.
		NotCaseSubject,
		/// The case was already appealed (each case can be appealed once).
		AlreadyAppealed,
		/// The case has no appeal to decide.
		NoAppeal,
		/// The appeal was already decided.
		AppealAlreadyDecided,
		/// The moderator who acted in a case may not decide its appeal.
		SameModerator,
		/// The case is younger than `RetentionPeriod` and must be kept.
		RetentionNotElapsed,
		/// The case is its subject's latest case (the record of the state in force) and is kept.
		CaseInForce,
		/// The case has an undecided appeal and is kept.
		AppealPending,
		/// A report or case id counter overflowed.
		Overflow,
		/// A moderator may not take or lift a measure on his own account.
		OwnAccount,
		/// A moderator may not flag, hide or restore content he authored.
		OwnContent,
		/// A moderator may not decide the appeal of a case about his own account or content.
		OwnCase,
		/// A moderator may not resolve a report he filed, or one about his own account or
		/// content.
		OwnReport,
		/// The account holds a role on the chain (`Config::RoleHolders`): no single moderator may
		/// warn, restrict, suspend or close it, by a direct call or by resolving a report. The
		/// body that oversees the account acts by motion instead. Lifting a measure and hiding
		/// the account's content stay allowed.
		SubjectHoldsRole,
		/// The body does not oversee the account (`Config::OverseeingBody`; in the runtime the
		/// regulators oversee the regulators and the assessors, the consortium everyone else).
		NotOverseer,
		/// A measure a body took on the account by motion still runs (a closure or a warning
		/// until lifted, a suspension or a restriction until its end): until then only that body
		/// takes or lifts the account's measures, by motion.
		TakenByMotion,
		/// The case's measure was taken by a body's motion: only that body decides its appeal,
		/// by motion.
		AppealGoesToBody,
		/// The case is a moderator's: another moderator decides its appeal, not a body.
		AppealGoesToModerator,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Marks the reports falling due at `now` overdue (at most `MaxReportsPerBlock`).
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let due = DeadlineQueue::<T>::take(now);
			let count = due.len() as u32;
			for report_id in due {
				Self::mark_overdue(report_id);
			}
			T::WeightInfo::on_initialize_overdue(count)
				.saturating_add(Self::counted_map_update().saturating_mul(count.into()))
		}

		fn integrity_test() {
			let floor = T::BlocksPerDay::get()
				.saturating_mul(BlockNumberFor::<T>::from(MIN_RETENTION_DAYS));
			assert!(!T::BlocksPerDay::get().is_zero(), "BlocksPerDay must not be zero");
			assert!(
				T::RetentionPeriod::get() >= floor,
				"RetentionPeriod must be at least MIN_RETENTION_DAYS (six months) of blocks"
			);
			assert!(!T::ResponseDeadline::get().is_zero(), "ResponseDeadline must not be zero");
			assert!(T::MaxReportsPerBlock::get() > 0, "MaxReportsPerBlock must not be zero");
			assert!(T::MaxBatch::get() > 0, "MaxBatch must not be zero");
			assert!(
				T::MaxOpenReportsPerAccount::get() > 0,
				"MaxOpenReportsPerAccount must not be zero"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Publishes content by its `hash`, with its `kind` and the `uri` it can be fetched from.
		///
		/// Origin: a signed, verified account not restricted from publishing. Emits
		/// `ContentPublished`. Errors: `NotVerified`, `PublishingRestricted`, `AlreadyHidden`
		/// (the hash is hidden or block-listed), `AlreadyPublished`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::publish())]
		pub fn publish(
			origin: OriginFor<T>,
			hash: ContentHash,
			kind: ContentKind,
			uri: BoundedVec<u8, T::MaxUriLen>,
		) -> DispatchResult {
			let author = ensure_signed(origin)?;
			ensure!(T::Standing::is_verified(&author), Error::<T>::NotVerified);
			ensure!(
				Self::may_use(&author, RestrictionScope::Publishing),
				Error::<T>::PublishingRestricted
			);
			let mut record = ContentOf::<T>::get(hash).unwrap_or_else(Self::blank_record);
			ensure!(
				!matches!(record.status, ContentStatus::Hidden { .. }),
				Error::<T>::AlreadyHidden
			);
			ensure!(record.published_at.is_none(), Error::<T>::AlreadyPublished);
			record.author = Some(author.clone());
			record.kind = Some(kind);
			record.uri = uri;
			record.published_at = Some(Self::now());
			ContentOf::<T>::insert(hash, record);
			Self::deposit_event(Event::ContentPublished { hash, author, kind });
			Ok(())
		}

		/// Flags recorded content for attention; it stays visible.
		///
		/// Origin: a moderator who is not its author. Emits `ContentFlagged`. Errors:
		/// `NotModerator`, `ContentNotFound`, `OwnContent`, `AlreadyHidden`, `AlreadyFlagged`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::flag())]
		pub fn flag(origin: OriginFor<T>, hash: ContentHash, reason: ReasonCode) -> DispatchResult {
			let moderator = Self::ensure_moderator(origin)?;
			let mut record = ContentOf::<T>::get(hash).ok_or(Error::<T>::ContentNotFound)?;
			Self::ensure_not_author(&record, &moderator)?;
			match record.status {
				ContentStatus::Hidden { .. } => return Err(Error::<T>::AlreadyHidden.into()),
				ContentStatus::Flagged { .. } => return Err(Error::<T>::AlreadyFlagged.into()),
				ContentStatus::Visible => {},
			}
			let case_id = Self::record_case(Case {
				subject: CaseSubject::Content(hash),
				action: CaseAction::ContentFlagged,
				reason: Some(reason),
				actor: Actor::Moderator(moderator.clone()),
				at: Self::now(),
				note_hash: None,
				report: None,
				previous: record.last_case,
				appeal: None,
			})?;
			record.status = ContentStatus::Flagged { reason };
			record.last_case = Some(case_id);
			ContentOf::<T>::insert(hash, record);
			Self::deposit_event(Event::ContentFlagged { hash, moderator, reason, case_id });
			Ok(())
		}

		/// Hides content by `hash`. Any 32-byte hash can be hidden, also one never published
		/// here: that block-lists it. A hidden hash cannot be published.
		///
		/// Origin: a moderator who is not its author. `note_hash` is the hash of the moderator's
		/// off-chain note. Emits `ContentHidden`. Errors: `NotModerator`, `OwnContent`,
		/// `AlreadyHidden`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::hide())]
		pub fn hide(
			origin: OriginFor<T>,
			hash: ContentHash,
			reason: ReasonCode,
			note_hash: ContentHash,
		) -> DispatchResult {
			let moderator = Self::ensure_moderator(origin)?;
			Self::do_hide(hash, reason, &moderator, note_hash, None)?;
			Ok(())
		}

		/// Hides every hash in `hashes` (at most `MaxBatch`), one case each, with the same
		/// reason and note. All or nothing: if any hash is already hidden (or appears twice), or
		/// is the moderator's own content, nothing is hidden.
		///
		/// Origin: a moderator. Emits `ContentHidden` per hash. Errors: `NotModerator`,
		/// `EmptyBatch`, `OwnContent`, `AlreadyHidden`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::hide_batch(hashes.len() as u32))]
		pub fn hide_batch(
			origin: OriginFor<T>,
			hashes: BoundedVec<ContentHash, T::MaxBatch>,
			reason: ReasonCode,
			note_hash: ContentHash,
		) -> DispatchResult {
			let moderator = Self::ensure_moderator(origin)?;
			ensure!(!hashes.is_empty(), Error::<T>::EmptyBatch);
			// Calls are transactional: an error on any hash reverts the hashes hidden before it.
			for hash in hashes {
				Self::do_hide(hash, reason, &moderator, note_hash, None)?;
			}
			Ok(())
		}

		/// Makes hidden or flagged content visible again.
		///
		/// Origin: a moderator who is not its author. Emits `ContentRestored`. Errors:
		/// `NotModerator`, `ContentNotFound`, `OwnContent`, `AlreadyVisible`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::restore())]
		pub fn restore(
			origin: OriginFor<T>,
			hash: ContentHash,
			note_hash: ContentHash,
		) -> DispatchResult {
			let moderator = Self::ensure_moderator(origin)?;
			let mut record = ContentOf::<T>::get(hash).ok_or(Error::<T>::ContentNotFound)?;
			Self::ensure_not_author(&record, &moderator)?;
			ensure!(record.status != ContentStatus::Visible, Error::<T>::AlreadyVisible);
			let case_id = Self::record_case(Case {
				subject: CaseSubject::Content(hash),
				action: CaseAction::ContentRestored,
				reason: None,
				actor: Actor::Moderator(moderator.clone()),
				at: Self::now(),
				note_hash: Some(note_hash),
				report: None,
				previous: record.last_case,
				appeal: None,
			})?;
			record.status = ContentStatus::Visible;
			record.last_case = Some(case_id);
			ContentOf::<T>::insert(hash, record);
			Self::deposit_event(Event::ContentRestored { hash, moderator, case_id });
			Ok(())
		}

		/// Warns `who`. The warning is recorded even when a harsher measure is in force, which it
		/// leaves as it is.
		///
		/// Origin: a moderator other than `who`, if `who` holds no role; or a motion of the body
		/// overseeing `who`. Emits `AccountWarned`.
		/// Errors: `NotModerator`, `OwnAccount`, `SubjectHoldsRole`, `NotOverseer`, or the error
		/// of `T::Standing::apply`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::warn().saturating_add(Pallet::<T>::slot_case_reads()))]
		pub fn warn(origin: OriginFor<T>, who: T::AccountId, reason: ReasonCode) -> DispatchResult {
			let actor = Self::ensure_actor(origin)?;
			Self::do_measure(&who, CaseAction::AccountWarned, reason, &actor, None, None)?;
			Ok(())
		}

		/// Restricts `who` from `scope` until block `until` (exclusive). Restrictions of other
		/// scopes keep running; a lighter measure in force is replaced.
		///
		/// Origin: a moderator other than `who`, if `who` holds no role; or a motion of the body
		/// overseeing `who`. Emits `AccountRestricted`.
		/// Errors: `NotModerator`, `OwnAccount`, `SubjectHoldsRole`, `NotOverseer`,
		/// `EndNotInFuture`, or the error of `T::Standing::apply` (e.g. a suspension, a closure,
		/// or a restriction of `scope` ending no earlier is in force).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::restrict().saturating_add(Pallet::<T>::slot_case_reads()))]
		pub fn restrict(
			origin: OriginFor<T>,
			who: T::AccountId,
			scope: RestrictionScope,
			until: BlockNumberFor<T>,
			reason: ReasonCode,
		) -> DispatchResult {
			let actor = Self::ensure_actor(origin)?;
			let action = CaseAction::AccountRestricted { scope, until };
			Self::do_measure(&who, action, reason, &actor, None, None)?;
			Ok(())
		}

		/// Suspends `who` until block `until` (exclusive): no transactions except appeals. It
		/// replaces the restrictions in force.
		///
		/// Origin: a moderator other than `who`, if `who` holds no role; or a motion of the body
		/// overseeing `who`. Emits `AccountSuspended`.
		/// Errors: `NotModerator`, `OwnAccount`, `SubjectHoldsRole`, `NotOverseer`,
		/// `EndNotInFuture`, or the error of `T::Standing::apply` (e.g. a closure, or a
		/// suspension ending no earlier, is in force).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::suspend().saturating_add(Pallet::<T>::slot_case_reads()))]
		pub fn suspend(
			origin: OriginFor<T>,
			who: T::AccountId,
			until: BlockNumberFor<T>,
			reason: ReasonCode,
		) -> DispatchResult {
			let actor = Self::ensure_actor(origin)?;
			let action = CaseAction::AccountSuspended { until };
			Self::do_measure(&who, action, reason, &actor, None, None)?;
			Ok(())
		}

		/// Closes the account of `who` (only `lift` or an upheld appeal reopens it). It replaces
		/// the lighter measures in force.
		///
		/// Origin: a moderator other than `who`, if `who` holds no role; or a motion of the body
		/// overseeing `who`. Emits `AccountClosed`.
		/// Errors: `NotModerator`, `OwnAccount`, `SubjectHoldsRole`, `NotOverseer`, or the error of
		/// `T::Standing::apply` (e.g. the account is closed).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::close().saturating_add(Pallet::<T>::slot_case_reads()))]
		pub fn close(
			origin: OriginFor<T>,
			who: T::AccountId,
			reason: ReasonCode,
		) -> DispatchResult {
			let actor = Self::ensure_actor(origin)?;
			Self::do_measure(&who, CaseAction::AccountClosed, reason, &actor, None, None)?;
			Ok(())
		}

		/// Lifts every measure in force on `who` (warning, restrictions, suspension or closure),
		/// also from an account that holds a role.
		///
		/// Origin: a moderator other than `who`, unless a measure a body took on `who` by motion
		/// is still running (see `TakenByMotion`); or a motion of the body overseeing `who`. Emits
		/// `MeasureLifted`. Errors: `NotModerator`, `OwnAccount`, `TakenByMotion`, `NotOverseer`,
		/// `NoMeasureInForce`, or the error of `T::Standing::lift`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::lift())]
		pub fn lift(origin: OriginFor<T>, who: T::AccountId, reason: ReasonCode) -> DispatchResult {
			let actor = Self::ensure_actor(origin)?;
			Self::do_measure(&who, CaseAction::MeasureLifted, reason, &actor, None, None)?;
			Ok(())
		}

		/// Files a complaint about a content hash or an account, in `category`, with the hash of
		/// the evidence kept off chain. The report must be resolved within `ResponseDeadline`
		/// blocks, or it becomes overdue.
		///
		/// Origin: a signed, verified account not restricted from reporting, with fewer than
		/// `MaxOpenReportsPerAccount` unresolved reports. Emits `ReportFiled`. Errors:
		/// `NotVerified`, `ReportingRestricted`, `TooManyOpenReports`,
		/// `TooManyReportsThisBlock`, `Overflow`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::report().saturating_add(Pallet::<T>::counted_map_update()))]
		pub fn report(
			origin: OriginFor<T>,
			target: ReportTargetOf<T>,
			category: ReasonCode,
			evidence_hash: ContentHash,
		) -> DispatchResult {
			let reporter = ensure_signed(origin)?;
			ensure!(T::Standing::is_verified(&reporter), Error::<T>::NotVerified);
			ensure!(
				Self::may_use(&reporter, RestrictionScope::Reporting),
				Error::<T>::ReportingRestricted
			);
			let open = OpenReportsOf::<T>::get(&reporter);
			ensure!(open < T::MaxOpenReportsPerAccount::get(), Error::<T>::TooManyOpenReports);
			let report_id = NextReportId::<T>::get();
			let next = report_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let now = Self::now();
			let deadline = now.saturating_add(ResponseTime::<T>::get());
			DeadlineQueue::<T>::try_mutate(deadline, |queue| queue.try_push(report_id))
				.map_err(|_| Error::<T>::TooManyReportsThisBlock)?;
			NextReportId::<T>::put(next);
			OpenReportsOf::<T>::insert(&reporter, open.saturating_add(1));
			OpenReports::<T>::insert(report_id, ());
			Reports::<T>::insert(
				report_id,
				Report {
					reporter: reporter.clone(),
					target: target.clone(),
					category,
					evidence_hash,
					filed_at: now,
					deadline,
					state: ReportState::Open,
				},
			);
			Self::deposit_event(Event::ReportFiled {
				report_id,
				reporter,
				target,
				category,
				deadline,
			});
			Ok(())
		}

		/// Resolves an open or overdue report. `Dismissed` records the decision only.
		/// `Upheld { action }` applies `action` to the report's target exactly as the matching
		/// moderator call would, creating a case that names the report; `ContentHidden` on
		/// content that is already hidden, and `None`, link the target's latest case instead.
		///
		/// Origin: a moderator who did not file the report and is not its target (the account, or
		/// the author of the content). Emits `ReportResolved` (and the event of the measure
		/// applied). Errors: `NotModerator`, `ReportNotFound`, `AlreadyResolved`, `OwnReport`,
		/// `ActionMismatch`, and the errors of the measure applied (`SubjectHoldsRole` for an
		/// account measure against a role holder, `EndNotInFuture`, or the error of
		/// `T::Standing::apply`).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::resolve()
			.saturating_add(Pallet::<T>::slot_case_reads())
			.saturating_add(Pallet::<T>::counted_map_update().saturating_mul(2)))]
		pub fn resolve(
			origin: OriginFor<T>,
			report_id: ReportId,
			outcome: ReportOutcomeOf<T>,
			note_hash: ContentHash,
		) -> DispatchResult {
			let moderator = Self::ensure_moderator(origin)?;
			let mut report = Reports::<T>::get(report_id).ok_or(Error::<T>::ReportNotFound)?;
			ensure!(report.is_open(), Error::<T>::AlreadyResolved);
			let own = report.reporter == moderator ||
				match &report.target {
					ReportTarget::Account(who) => *who == moderator,
					ReportTarget::Content(hash) => Self::is_author(hash, &moderator),
				};
			ensure!(!own, Error::<T>::OwnReport);
			let case_id = match outcome {
				ReportOutcome::Dismissed => None,
				ReportOutcome::Upheld { action } => Self::apply_action(
					&report.target,
					action,
					report.category,
					&moderator,
					note_hash,
					report_id,
				)?,
			};
			report.state = ReportState::Resolved(Resolution {
				outcome,
				moderator: moderator.clone(),
				at: Self::now(),
				note_hash,
				case: case_id,
			});
			let (reporter, target) = (report.reporter.clone(), report.target.clone());
			Reports::<T>::insert(report_id, report);
			OpenReports::<T>::remove(report_id);
			OverdueReports::<T>::remove(report_id);
			OpenReportsOf::<T>::mutate_exists(&reporter, |open| {
				*open = open.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
			});
			Self::deposit_event(Event::ReportResolved {
				report_id,
				target,
				moderator,
				outcome,
				case_id,
			});
			Ok(())
		}

		/// Appeals a case: hiding of one's content, or a measure on one's account. Each case can
		/// be appealed once. A suspended, restricted or closed account may appeal: the pallet
		/// checks neither standing nor verification here.
		///
		/// Origin: signed by the case's subject (the content's author or the sanctioned
		/// account). Emits `AppealFiled`. Errors: `CaseNotFound`, `NotAppealable`,
		/// `NotCaseSubject`, `AlreadyAppealed`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::appeal())]
		pub fn appeal(
			origin: OriginFor<T>,
			case_id: CaseId,
			statement_hash: ContentHash,
		) -> DispatchResult {
			let appellant = ensure_signed(origin)?;
			let mut case = Cases::<T>::get(case_id).ok_or(Error::<T>::CaseNotFound)?;
			ensure!(case.action.is_appealable(), Error::<T>::NotAppealable);
			let is_subject = match &case.subject {
				CaseSubject::Account(who) => *who == appellant,
				CaseSubject::Content(hash) => Self::is_author(hash, &appellant),
			};
			ensure!(is_subject, Error::<T>::NotCaseSubject);
			ensure!(case.appeal.is_none(), Error::<T>::AlreadyAppealed);
			case.appeal = Some(Appeal {
				appellant: appellant.clone(),
				statement_hash,
				filed_at: Self::now(),
				decision: None,
			});
			let subject = case.subject.clone();
			Cases::<T>::insert(case_id, case);
			Self::deposit_event(Event::AppealFiled { case_id, subject, appellant });
			Ok(())
		}

		/// Decides the appeal of a case. If `upheld`, exactly the case's measure is undone, and
		/// only while it is in force: content is restored if this case hid it; a measure on an
		/// account is undone through `T::Standing::undo` if this case is still the one recorded
		/// for that measure in `MeasuresInForce` and the measure itself is still in force (other
		/// measures stay). Otherwise the decision is recorded only.
		///
		/// Origin: for a moderator's case, a moderator other than the one who acted, and not its
		/// subject (the account, or the author of the content); for a case taken by motion, a
		/// motion of the same body. Emits `AppealDecided`. Errors: `NotModerator`,
		/// `CaseNotFound`, `NoAppeal`, `AppealAlreadyDecided`, `AppealGoesToBody`,
		/// `AppealGoesToModerator`, `OwnCase`, `SameModerator`, or the error of
		/// `T::Standing::undo`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::decide_appeal())]
		pub fn decide_appeal(
			origin: OriginFor<T>,
			case_id: CaseId,
			upheld: bool,
			note_hash: ContentHash,
		) -> DispatchResult {
			let decider = Self::ensure_actor(origin)?;
			let mut case = Cases::<T>::get(case_id).ok_or(Error::<T>::CaseNotFound)?;
			let mut appeal = case.appeal.take().ok_or(Error::<T>::NoAppeal)?;
			ensure!(appeal.decision.is_none(), Error::<T>::AppealAlreadyDecided);
			match (&case.actor, &decider) {
				(Actor::Body(acted), Actor::Body(deciding)) =>
					ensure!(acted == deciding, Error::<T>::AppealGoesToBody),
				(Actor::Body(_), Actor::Moderator(_)) =>
					return Err(Error::<T>::AppealGoesToBody.into()),
				(Actor::Moderator(_), Actor::Body(_)) =>
					return Err(Error::<T>::AppealGoesToModerator.into()),
				(Actor::Moderator(acted), Actor::Moderator(deciding)) => {
					let own = match &case.subject {
						CaseSubject::Account(who) => who == deciding,
						CaseSubject::Content(hash) => Self::is_author(hash, deciding),
					};
					ensure!(!own, Error::<T>::OwnCase);
					ensure!(acted != deciding, Error::<T>::SameModerator);
				},
			}
			let measure_undone = if upheld { Self::undo(case_id, &case)? } else { false };
			appeal.decision = Some(AppealDecision {
				decided_by: decider.clone(),
				upheld,
				at: Self::now(),
				note_hash,
			});
			case.appeal = Some(appeal);
			let subject = case.subject.clone();
			Cases::<T>::insert(case_id, case);
			Self::deposit_event(Event::AppealDecided {
				case_id,
				subject,
				decided_by: decider,
				upheld,
				measure_undone,
			});
			Ok(())
		}

		/// Removes a case older than `RetentionPeriod`. A subject's latest case, a case whose
		/// measure is still in force, and a case with an undecided appeal are kept (a lapsed or
		/// replaced measure's case is forgotten in `MeasuresInForce` and purged). Older cases in
		/// the subject's history stay readable until purged themselves; a link to a purged case
		/// ends the history walk.
		///
		/// Origin: `AdminOrigin`. Emits `CasePurged`. Errors: `CaseNotFound`,
		/// `RetentionNotElapsed`, `AppealPending`, `CaseInForce`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::purge_case())]
		pub fn purge_case(origin: OriginFor<T>, case_id: CaseId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let case = Cases::<T>::get(case_id).ok_or(Error::<T>::CaseNotFound)?;
			ensure!(
				Self::now() >= case.at.saturating_add(T::RetentionPeriod::get()),
				Error::<T>::RetentionNotElapsed
			);
			ensure!(
				case.appeal.as_ref().is_none_or(|appeal| appeal.decision.is_some()),
				Error::<T>::AppealPending
			);
			ensure!(Self::latest_case(&case.subject) != Some(case_id), Error::<T>::CaseInForce);
			Self::forget_lapsed_measure(case_id, &case)?;
			Cases::<T>::remove(case_id);
			Self::deposit_event(Event::CasePurged { case_id, subject: case.subject });
			Ok(())
		}

		/// Sets how many blocks moderators have to resolve reports filed from now on. Reports
		/// already filed keep their deadlines.
		///
		/// Origin: `AdminOrigin`. Emits `ResponseTimeSet`. Errors: `ZeroResponseTime`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::set_response_time())]
		pub fn set_response_time(
			origin: OriginFor<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(!blocks.is_zero(), Error::<T>::ZeroResponseTime);
			ResponseTime::<T>::put(blocks);
			Self::deposit_event(Event::ResponseTimeSet { blocks });
			Ok(())
		}
	}

	// The read surface clients find by name in the metadata, with no runtime-API types to spell
	// out. `runtime_api::ModerationApi` answers from these same functions for the node. The
	// report lookup is `report_info`: `report` is the users' call.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// The author, kind, URI, publication block, status and latest case of content `hash`;
		/// `None` when it was neither published nor moderated. The URI of hidden content reads
		/// as empty, so the read API never points anyone to content that must not be shown;
		/// storage keeps it, for the record and for a restore.
		pub fn content(hash: ContentHash) -> Option<ContentView<T::AccountId, BlockNumberFor<T>>> {
			ContentOf::<T>::get(hash).map(|r| ContentRecord {
				author: r.author,
				kind: r.kind,
				uri: match r.status {
					ContentStatus::Hidden { .. } => Vec::new(),
					ContentStatus::Visible | ContentStatus::Flagged { .. } => r.uri.into_inner(),
				},
				published_at: r.published_at,
				status: r.status,
				last_case: r.last_case,
			})
		}

		/// The report `report_id`: who filed it about what, its category and evidence hash, when
		/// it was filed and falls overdue, and whether it is open, overdue or resolved; `None`
		/// when no such report exists.
		pub fn report_info(report_id: ReportId) -> Option<ReportOf<T>> {
			Reports::<T>::get(report_id)
		}

		/// The case `case_id`: what was done to which content or account, why, by whom and when,
		/// the report it resolved, the previous case about the subject and any appeal; `None`
		/// when no such case exists or it was purged.
		pub fn case(case_id: CaseId) -> Option<CaseOf<T>> {
			Cases::<T>::get(case_id)
		}

		/// The latest case about account `who`, the one an appeal names (each case links to the
		/// one before it); `None` when no moderator or body ever acted on the account.
		pub fn latest_case_of(who: T::AccountId) -> Option<CaseId> {
			LatestCaseOf::<T>::get(who)
		}

		/// Up to `limit` (at most `MAX_PAGE_LEN`, 256) unresolved reports with their ids, in
		/// storage order, after report `start_after` (from the first if `None`). Pass the last
		/// id of a page to get the next one; an empty page is the end.
		pub fn open_reports(
			start_after: Option<ReportId>,
			limit: u32,
		) -> Vec<(ReportId, ReportOf<T>)> {
			let ids = match start_after {
				Some(id) => OpenReports::<T>::iter_from(OpenReports::<T>::hashed_key_for(id)),
				None => OpenReports::<T>::iter(),
			};
			Self::page(ids.map(|(id, ())| id), limit)
		}

		/// Up to `limit` (at most `MAX_PAGE_LEN`, 256) unresolved reports past their deadline,
		/// with their ids, in storage order, after report `start_after` (from the first if
		/// `None`). Pass the last id of a page to get the next one; an empty page is the end.
		pub fn overdue_reports(
			start_after: Option<ReportId>,
			limit: u32,
		) -> Vec<(ReportId, ReportOf<T>)> {
			let ids = match start_after {
				Some(id) => OverdueReports::<T>::iter_from(OverdueReports::<T>::hashed_key_for(id)),
				None => OverdueReports::<T>::iter(),
			};
			Self::page(ids.map(|(id, ())| id), limit)
		}

		/// How many reports are unresolved, and how many of those are past their deadline: two
		/// counters, read without walking the reports.
		pub fn report_counts() -> ReportCounts {
			ReportCounts { open: OpenReports::<T>::count(), overdue: OverdueReports::<T>::count() }
		}
	}
}

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// The moderator signing `origin`; `NotModerator` for any other origin.
	fn ensure_moderator(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		T::ModeratorOrigin::try_origin(origin).map_err(|_| Error::<T>::NotModerator.into())
	}

	/// A body's motion, or else the moderator signing `origin`; `NotModerator` for any other
	/// origin.
	fn ensure_actor(origin: OriginFor<T>) -> Result<Actor<T::AccountId>, DispatchError> {
		match T::BodyOrigin::try_origin(origin) {
			Ok(body) => Ok(Actor::Body(body)),
			Err(origin) => Self::ensure_moderator(origin).map(Actor::Moderator),
		}
	}

	/// A body acts only on the accounts it oversees.
	fn ensure_oversees(body: Body, who: &T::AccountId) -> DispatchResult {
		ensure!(T::OverseeingBody::convert(who.clone()) == body, Error::<T>::NotOverseer);
		Ok(())
	}

	/// What a measure-taking call reads beyond its benchmark: the case of every measure slot,
	/// which [`Self::ensure_no_measure_by_motion`] reads. One benchmark state cannot fill every
	/// slot (a suspension ends the restrictions), so the weight adds them.
	fn slot_case_reads() -> Weight {
		T::DbWeight::get().reads(MeasureSlot::ALL.len() as u64)
	}

	/// Fails with `TakenByMotion` while a measure a body took on `who` by motion runs: a closure
	/// or a warning until lifted or undone, a suspension or a restriction until its end. A
	/// single moderator neither lifts it nor replaces it (a replaced measure could then be
	/// lifted): while it runs, the account's measures are the body's.
	fn ensure_no_measure_by_motion(who: &T::AccountId, now: BlockNumberFor<T>) -> DispatchResult {
		let Some(cases) = MeasuresInForce::<T>::get(who) else { return Ok(()) };
		for case_id in MeasureSlot::ALL.into_iter().filter_map(|slot| cases.get(slot)) {
			let Some(case) = Cases::<T>::get(case_id) else { continue };
			if !matches!(case.actor, Actor::Body(_)) {
				continue;
			}
			let running = match case.action.measure() {
				Some(Measure::Suspension { until } | Measure::Restriction { until, .. }) =>
					until > now,
				Some(Measure::Closure | Measure::Warning) => true,
				None => false,
			};
			ensure!(!running, Error::<T>::TakenByMotion);
		}
		Ok(())
	}

	/// Whether `who` may use the functions of `scope` now, by the standing in force.
	fn may_use(who: &T::AccountId, scope: RestrictionScope) -> bool {
		!T::Standing::standing(who).forbids_at(scope, Self::now())
	}

	/// Whether `who` is the recorded author of content `hash`.
	fn is_author(hash: &ContentHash, who: &T::AccountId) -> bool {
		ContentOf::<T>::get(hash).and_then(|record| record.author).as_ref() == Some(who)
	}

	/// A moderator must not judge his own content.
	fn ensure_not_author(record: &ContentRecordOf<T>, moderator: &T::AccountId) -> DispatchResult {
		ensure!(record.author.as_ref() != Some(moderator), Error::<T>::OwnContent);
		Ok(())
	}

	fn blank_record() -> ContentRecordOf<T> {
		ContentRecord {
			author: None,
			kind: None,
			uri: BoundedVec::new(),
			published_at: None,
			status: ContentStatus::Visible,
			last_case: None,
		}
	}

	/// Stores `case` under a new id and returns the id.
	fn record_case(case: CaseOf<T>) -> Result<CaseId, DispatchError> {
		let case_id = NextCaseId::<T>::get();
		let next = case_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		NextCaseId::<T>::put(next);
		Cases::<T>::insert(case_id, case);
		Ok(case_id)
	}

	/// The latest case about `subject`, if any.
	fn latest_case(subject: &CaseSubject<T::AccountId>) -> Option<CaseId> {
		match subject {
			CaseSubject::Content(hash) => ContentOf::<T>::get(hash).and_then(|r| r.last_case),
			CaseSubject::Account(who) => LatestCaseOf::<T>::get(who),
		}
	}

	fn do_hide(
		hash: ContentHash,
		reason: ReasonCode,
		moderator: &T::AccountId,
		note_hash: ContentHash,
		report: Option<ReportId>,
	) -> Result<CaseId, DispatchError> {
		let mut record = ContentOf::<T>::get(hash).unwrap_or_else(Self::blank_record);
		Self::ensure_not_author(&record, moderator)?;
		ensure!(!matches!(record.status, ContentStatus::Hidden { .. }), Error::<T>::AlreadyHidden);
		let case_id = Self::record_case(Case {
			subject: CaseSubject::Content(hash),
			action: CaseAction::ContentHidden,
			reason: Some(reason),
			actor: Actor::Moderator(moderator.clone()),
			at: Self::now(),
			note_hash: Some(note_hash),
			report,
			previous: record.last_case,
			appeal: None,
		})?;
		record.status = ContentStatus::Hidden { reason, case: case_id };
		record.last_case = Some(case_id);
		ContentOf::<T>::insert(hash, record);
		Self::deposit_event(Event::ContentHidden {
			hash,
			moderator: moderator.clone(),
			reason,
			case_id,
		});
		Ok(case_id)
	}

	/// Applies a disposal measure to `who` through `T::Standing`, records its case, and notes
	/// the case in `MeasuresInForce` (or, for a lift, forgets them all).
	fn do_measure(
		who: &T::AccountId,
		action: CaseAction<BlockNumberFor<T>>,
		reason: ReasonCode,
		actor: &Actor<T::AccountId>,
		note_hash: Option<ContentHash>,
		report: Option<ReportId>,
	) -> Result<CaseId, DispatchError> {
		// Self-dealing is named before any other refusal, also when the moderator, as moderators
		// do, holds a role himself.
		ensure!(!actor.is_moderator(who), Error::<T>::OwnAccount);
		if let Actor::Body(body) = actor {
			Self::ensure_oversees(*body, who)?;
		}
		let now = Self::now();
		match (action, action.measure()) {
			(CaseAction::MeasureLifted, _) => {
				let standing = T::Standing::standing(who).effective_at(now);
				ensure!(standing.level() != MeasureLevel::None, Error::<T>::NoMeasureInForce);
				if let Actor::Moderator(_) = actor {
					Self::ensure_no_measure_by_motion(who, now)?;
				}
				T::Standing::lift(who)?
			},
			(_, Some(measure)) => Self::apply_measure(who, measure, now, actor)?,
			(_, None) => return Err(Error::<T>::ActionMismatch.into()),
		}
		let case_id = Self::record_case(Case {
			subject: CaseSubject::Account(who.clone()),
			action,
			reason: Some(reason),
			actor: actor.clone(),
			at: now,
			note_hash,
			report,
			previous: LatestCaseOf::<T>::get(who),
			appeal: None,
		})?;
		LatestCaseOf::<T>::insert(who, case_id);
		match MeasureSlot::of(&action) {
			Some(slot) => MeasuresInForce::<T>::mutate(who, |cases| {
				cases.get_or_insert_with(Default::default).record(slot, case_id)
			}),
			None => MeasuresInForce::<T>::remove(who),
		}
		let (who, actor) = (who.clone(), actor.clone());
		Self::deposit_event(match action {
			CaseAction::AccountRestricted { scope, until } =>
				Event::AccountRestricted { who, scope, until, actor, reason, case_id },
			CaseAction::AccountSuspended { until } =>
				Event::AccountSuspended { who, until, actor, reason, case_id },
			CaseAction::AccountClosed => Event::AccountClosed { who, actor, reason, case_id },
			CaseAction::MeasureLifted => Event::MeasureLifted { who, actor, reason, case_id },
			_ => Event::AccountWarned { who, actor, reason, case_id },
		});
		Ok(case_id)
	}

	/// Applies disposal `measure` to `who` through `T::Standing`: the only place this pallet
	/// does, so that every path (the moderator calls, `resolve`) refuses a role holder alike.
	/// Refuses a moderator acting on a role holder (`SubjectHoldsRole`) before judging the
	/// measure itself, so that the moderator learns he has no authority rather than how to word
	/// the measure.
	fn apply_measure(
		who: &T::AccountId,
		measure: Measure<BlockNumberFor<T>>,
		now: BlockNumberFor<T>,
		actor: &Actor<T::AccountId>,
	) -> DispatchResult {
		// One moderator sanctioning a consortium member, regulator or another moderator could
		// lock governance out; the body overseeing the account decides by motion instead. And
		// while a body's measure runs, a moderator's measure could replace it, to be lifted next.
		if let Actor::Moderator(_) = actor {
			ensure!(!T::RoleHolders::contains(who), Error::<T>::SubjectHoldsRole);
			Self::ensure_no_measure_by_motion(who, now)?;
		}
		// Checked here too, so that callers get this pallet's error whatever the implementation
		// of `T::Standing` calls it.
		if let Measure::Restriction { until, .. } | Measure::Suspension { until } = measure {
			ensure!(until > now, Error::<T>::EndNotInFuture);
		}
		T::Standing::apply(who, measure)
	}

	/// Applies the action of an upheld report to its target; returns the case created or
	/// linked.
	fn apply_action(
		target: &ReportTargetOf<T>,
		action: ActionTaken<BlockNumberFor<T>>,
		reason: ReasonCode,
		moderator: &T::AccountId,
		note_hash: ContentHash,
		report_id: ReportId,
	) -> Result<Option<CaseId>, DispatchError> {
		let measure = match action {
			ActionTaken::None =>
				return Ok(match target {
					ReportTarget::Content(hash) =>
						ContentOf::<T>::get(hash).and_then(|r| r.last_case),
					ReportTarget::Account(who) => LatestCaseOf::<T>::get(who),
				}),
			ActionTaken::ContentHidden => {
				let ReportTarget::Content(hash) = target else {
					return Err(Error::<T>::ActionMismatch.into());
				};
				if let Some(ContentStatus::Hidden { case, .. }) =
					ContentOf::<T>::get(hash).map(|r| r.status)
				{
					return Ok(Some(case));
				}
				return Self::do_hide(*hash, reason, moderator, note_hash, Some(report_id))
					.map(Some);
			},
			ActionTaken::AccountWarned => CaseAction::AccountWarned,
			ActionTaken::AccountRestricted { scope, until } =>
				CaseAction::AccountRestricted { scope, until },
			ActionTaken::AccountSuspended { until } => CaseAction::AccountSuspended { until },
			ActionTaken::AccountClosed => CaseAction::AccountClosed,
		};
		let ReportTarget::Account(who) = target else {
			return Err(Error::<T>::ActionMismatch.into());
		};
		let actor = Actor::Moderator(moderator.clone());
		Self::do_measure(who, measure, reason, &actor, Some(note_hash), Some(report_id)).map(Some)
	}

	/// Undoes exactly the measure of case `case_id` if it is still in force; returns whether it
	/// did.
	fn undo(case_id: CaseId, case: &CaseOf<T>) -> Result<bool, DispatchError> {
		match &case.subject {
			CaseSubject::Content(hash) => {
				let Some(mut record) = ContentOf::<T>::get(hash) else { return Ok(false) };
				if !matches!(record.status, ContentStatus::Hidden { case, .. } if case == case_id) {
					return Ok(false);
				}
				record.status = ContentStatus::Visible;
				ContentOf::<T>::insert(hash, record);
				Ok(true)
			},
			CaseSubject::Account(who) => {
				let Some(measure) = case.action.measure() else { return Ok(false) };
				// A later case of the same measure replaced this one: undoing would undo the
				// later case's measure.
				if !Self::is_case_of_measure(who, &measure, case_id) {
					return Ok(false);
				}
				// The real-name side knows whether exactly this measure is still in force (not
				// lapsed, not replaced by a harsher one).
				if !T::Standing::undo(who, measure)? {
					return Ok(false);
				}
				Self::forget_case_of_measure(who, &measure);
				Ok(true)
			},
		}
	}

	/// Before case `case_id` is purged: fails with `CaseInForce` while `MeasuresInForce` names it
	/// and its measure is still in force; forgets it there once the measure lapsed or was
	/// replaced, so that no case stays unpurgeable for ever.
	fn forget_lapsed_measure(case_id: CaseId, case: &CaseOf<T>) -> DispatchResult {
		let (CaseSubject::Account(who), Some(measure)) = (&case.subject, case.action.measure())
		else {
			return Ok(())
		};
		if !Self::is_case_of_measure(who, &measure, case_id) {
			return Ok(());
		}
		let standing = T::Standing::standing(who).effective_at(Self::now());
		ensure!(!standing.holds(measure), Error::<T>::CaseInForce);
		Self::forget_case_of_measure(who, &measure);
		Ok(())
	}

	/// Whether `MeasuresInForce` names case `case_id` as the last to impose `measure` on `who`.
	fn is_case_of_measure(
		who: &T::AccountId,
		measure: &Measure<BlockNumberFor<T>>,
		case_id: CaseId,
	) -> bool {
		MeasuresInForce::<T>::get(who)
			.is_some_and(|cases| cases.get(MeasureSlot::of_measure(measure)) == Some(case_id))
	}

	/// Clears the case of `measure` in the entry of `who`, removing an entry left empty.
	fn forget_case_of_measure(who: &T::AccountId, measure: &Measure<BlockNumberFor<T>>) {
		MeasuresInForce::<T>::mutate_exists(who, |entry| {
			if let Some(cases) = entry {
				cases.set(MeasureSlot::of_measure(measure), None);
			}
			if entry.is_some_and(|cases| cases.is_empty()) {
				*entry = None;
			}
		});
	}

	/// Marks an open report overdue, once.
	fn mark_overdue(report_id: ReportId) {
		Reports::<T>::mutate(report_id, |report| {
			if let Some(report) = report {
				if report.state == ReportState::Open {
					report.state = ReportState::Overdue;
					OverdueReports::<T>::insert(report_id, ());
					Self::deposit_event(Event::ReportOverdue {
						report_id,
						target: report.target.clone(),
					});
				}
			}
		});
	}

	/// What an insert into or a removal from a counted map (`OpenReports`, `OverdueReports`)
	/// costs beyond the map's own entry: the presence check and the counter's read and write.
	/// Added to the benchmarked weights, measured before the maps were counted, until the next
	/// `scripts/bench-weights` run measures them with the counters.
	pub(crate) fn counted_map_update() -> Weight {
		T::DbWeight::get().reads_writes(2, 1)
	}

	fn page(ids: impl Iterator<Item = ReportId>, limit: u32) -> Vec<(ReportId, ReportOf<T>)> {
		ids.filter_map(|id| Reports::<T>::get(id).map(|report| (id, report)))
			.take(limit.min(MAX_PAGE_LEN) as usize)
			.collect()
	}

	/// Checks the pallet's invariants:
	/// - the id counters exceed every stored report and case id;
	/// - `OpenReports` holds exactly the unresolved reports, `OverdueReports` exactly the overdue
	///   ones, each with a counter equal to its entries, and `OpenReportsOf` counts each account's
	///   unresolved reports;
	/// - every id in `DeadlineQueue` is a stored report, queued at its deadline;
	/// - hidden content references an existing case that hid it, and every latest-case pointer
	///   references an existing case about the same subject;
	/// - no `MeasuresInForce` entry is empty, and each of its slots names a case id below
	///   `NextCaseId` that, unless purged, is about that account and imposed that slot's measure.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let next_report = NextReportId::<T>::get();
		let mut open_of: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (id, report) in Reports::<T>::iter() {
			ensure!(id < next_report, "a report id is not below NextReportId");
			ensure!(
				report.is_open() == OpenReports::<T>::contains_key(id),
				"OpenReports does not match the unresolved reports"
			);
			ensure!(
				(report.state == ReportState::Overdue) == OverdueReports::<T>::contains_key(id),
				"OverdueReports does not match the overdue reports"
			);
			if report.is_open() {
				let count = open_of.entry(report.reporter.clone()).or_default();
				*count = count.saturating_add(1);
			}
		}
		ensure!(
			OpenReports::<T>::count() as usize == OpenReports::<T>::iter_keys().count(),
			"the OpenReports counter is not its number of entries"
		);
		ensure!(
			OverdueReports::<T>::count() as usize == OverdueReports::<T>::iter_keys().count(),
			"the OverdueReports counter is not its number of entries"
		);
		for id in OpenReports::<T>::iter_keys() {
			ensure!(Reports::<T>::contains_key(id), "OpenReports names a missing report");
		}
		for id in OverdueReports::<T>::iter_keys() {
			ensure!(Reports::<T>::contains_key(id), "OverdueReports names a missing report");
		}
		ensure!(
			OpenReportsOf::<T>::iter().count() == open_of.len(),
			"OpenReportsOf has an entry for an account without open reports"
		);
		for (who, count) in OpenReportsOf::<T>::iter() {
			ensure!(open_of.get(&who) == Some(&count), "OpenReportsOf count is wrong");
		}
		for (block, queue) in DeadlineQueue::<T>::iter() {
			for id in queue {
				let report = Reports::<T>::get(id).ok_or("DeadlineQueue names a missing report")?;
				ensure!(report.deadline == block, "a report is queued at a block not its deadline");
			}
		}

		let next_case = NextCaseId::<T>::get();
		for (id, case) in Cases::<T>::iter() {
			ensure!(id < next_case, "a case id is not below NextCaseId");
			if let Some(previous) = case.previous {
				ensure!(previous < id, "a case links to a later case");
			}
		}
		for (hash, record) in ContentOf::<T>::iter() {
			if let ContentStatus::Hidden { case, .. } = record.status {
				let hiding = Cases::<T>::get(case).ok_or("hidden content names a missing case")?;
				ensure!(
					hiding.subject == CaseSubject::Content(hash) &&
						hiding.action == CaseAction::ContentHidden,
					"hidden content names a case that did not hide it"
				);
			}
			if let Some(last) = record.last_case {
				let case = Cases::<T>::get(last).ok_or("content names a missing latest case")?;
				ensure!(case.subject == CaseSubject::Content(hash), "latest case of another hash");
			}
		}
		for (who, last) in LatestCaseOf::<T>::iter() {
			let case = Cases::<T>::get(last).ok_or("account names a missing latest case")?;
			ensure!(case.subject == CaseSubject::Account(who), "latest case of another account");
		}
		for (who, cases) in MeasuresInForce::<T>::iter() {
			ensure!(!cases.is_empty(), "an empty MeasuresInForce entry");
			for slot in MeasureSlot::ALL {
				let Some(id) = cases.get(slot) else { continue };
				ensure!(
					id < next_case,
					"a MeasuresInForce slot names a case id not below NextCaseId"
				);
				// Tolerated like a purged history link: retention, not this map, decides how
				// long a record lives (today `purge_case` keeps the cases named here).
				let Some(case) = Cases::<T>::get(id) else { continue };
				ensure!(
					case.subject == CaseSubject::Account(who.clone()),
					"a MeasuresInForce slot names a case about another subject"
				);
				ensure!(
					MeasureSlot::of(&case.action) == Some(slot),
					"a MeasuresInForce slot names a case of another measure"
				);
			}
		}
		Ok(())
	}
}

/// The runtime API through which the node reads moderation records. Clients read the same
/// answers from the pallet's view functions (see [`Pallet`]).
pub mod runtime_api {
	use super::*;

	sp_api::decl_runtime_apis! {
		/// Read access to content status, reports and cases.
		///
		/// Clients should call the pallet's view functions instead (`Moderation.content`,
		/// `report_info`, `case`, `open_reports`, `overdue_reports`): the metadata describes them
		/// and their types, so a client finds them there and needs no type parameters of this
		/// trait spelled out. This API stays for the node, which calls runtime APIs through
		/// their Rust trait.
		pub trait ModerationApi<AccountId, BlockNumber>
		where
			AccountId: codec::Codec,
			BlockNumber: codec::Codec,
		{
			/// The status and metadata of content `hash`, if it was published or moderated.
			fn content(hash: ContentHash) -> Option<ContentView<AccountId, BlockNumber>>;
			/// The report `report_id`, if it exists.
			fn report(report_id: ReportId) -> Option<Report<AccountId, BlockNumber>>;
			/// The case `case_id`, if it exists.
			fn case(case_id: CaseId) -> Option<Case<AccountId, BlockNumber>>;
			/// Up to `limit` (at most `MAX_PAGE_LEN`) unresolved reports after `start_after`.
			fn open_reports(
				start_after: Option<ReportId>,
				limit: u32,
			) -> Vec<(ReportId, Report<AccountId, BlockNumber>)>;
			/// Up to `limit` (at most `MAX_PAGE_LEN`) overdue reports after `start_after`.
			fn overdue_reports(
				start_after: Option<ReportId>,
				limit: u32,
			) -> Vec<(ReportId, Report<AccountId, BlockNumber>)>;
		}
	}
}
