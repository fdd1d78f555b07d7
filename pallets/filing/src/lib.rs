#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use compliance_primitives::{ComplianceFacts, ContentHash, ConventionVersion, OnComplianceChange};
use frame_support::{
	dispatch::DispatchResult, ensure, pallet_prelude::*, traits::EnsureOrigin, BoundedVec,
};
use frame_system::pallet_prelude::*;
use sp_runtime::{
	traits::{Hash as HashT, Zero},
	ArithmeticError, Saturating,
};

/// The filing record type of a runtime.
pub type FilingRecordOf<T> = FilingRecord<
	BlockNumberFor<T>,
	<T as Config>::MaxFilingNumberLen,
	<T as Config>::MaxNameLen,
	<T as Config>::MaxUrls,
	<T as Config>::MaxUrlLen,
>;

/// The rules document type of a runtime.
pub type RulesDocumentOf<T> = RulesDocument<BlockNumberFor<T>, <T as Config>::MaxUriLen>;

/// The security assessment type of a runtime.
pub type AssessmentOf<T> = Assessment<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// The bounded list of platform URLs of a runtime's filing record.
pub type UrlsOf<T> = BoundedVec<BoundedVec<u8, <T as Config>::MaxUrlLen>, <T as Config>::MaxUrls>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The pallet's configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The operator: registers, changes and cancels the filing, records the service start and
		/// confirms periodic reviews.
		type FilingOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Publishes management rules and platform conventions.
		type RulesOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Records and revokes security assessments of runtime code. Should not be the admin
		/// alone. When it is a signed account, the account is stored with the assessment.
		type AssessorOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The regulator: suspends and resumes the service.
		type RegulatorOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Authorizes the hash of a new runtime code (the operator's governance). The code is
		/// set only once an assessor has also approved that hash, by anyone's
		/// `System::apply_authorized_upgrade`; nothing else ever becomes `Root`.
		type UpgradeOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Told when a new platform convention becomes current and when the service is suspended
		/// or resumed (the real-name pallet in the runtime, whose check mirrors both facts; this
		/// pallet owns them and emits their events). Its weight is added to those calls'.
		type OnComplianceChange: OnComplianceChange;
		/// Blocks after the service start by which the filing is due (ten working days).
		#[pallet::constant]
		type FilingDeadline: Get<BlockNumberFor<Self>>;
		/// Blocks between periodic reviews of the filing.
		#[pallet::constant]
		type ReviewPeriod: Get<BlockNumberFor<Self>>;
		/// The longest filing number, in bytes.
		#[pallet::constant]
		type MaxFilingNumberLen: Get<u32>;
		/// The longest service or provider name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;
		/// The most platform URLs in a filing.
		#[pallet::constant]
		type MaxUrls: Get<u32>;
		/// The longest platform URL, in bytes.
		#[pallet::constant]
		type MaxUrlLen: Get<u32>;
		/// The most previous versions of the filing record kept; the oldest is dropped first.
		#[pallet::constant]
		type MaxHistory: Get<u32>;
		/// The longest rules document URI, in bytes.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;
		/// The most previous versions of each kind of rules document kept; the oldest is
		/// dropped first.
		#[pallet::constant]
		type MaxRulesHistory: Get<u32>;
		/// The weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;
	}

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// The filing pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The filing record of the service (the chain has one filing), if registered.
	#[pallet::storage]
	pub type Filing<T: Config> = StorageValue<_, FilingRecordOf<T>, OptionQuery>;

	/// Previous versions of the filing record, oldest first; the oldest is dropped when full.
	#[pallet::storage]
	pub type FilingHistory<T: Config> =
		StorageValue<_, BoundedVec<FilingRecordOf<T>, T::MaxHistory>, ValueQuery>;

	/// The block at which the service started, from which the filing deadline runs.
	#[pallet::storage]
	pub type ServiceStart<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// The next deadline the block hook watches, and its kind. Taken (removed) when its event
	/// is emitted, so each event fires once; set again by the call that meets the deadline.
	#[pallet::storage]
	pub type NextDeadline<T: Config> =
		StorageValue<_, (BlockNumberFor<T>, DeadlineKind), OptionQuery>;

	/// The current version of each kind of rules document.
	#[pallet::storage]
	pub type CurrentRules<T: Config> =
		StorageMap<_, Blake2_128Concat, RulesKind, RulesDocumentOf<T>, OptionQuery>;

	/// Previous versions of each kind of rules document, oldest first; the oldest is dropped
	/// when full.
	#[pallet::storage]
	pub type RulesHistory<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		RulesKind,
		BoundedVec<RulesDocumentOf<T>, T::MaxRulesHistory>,
		ValueQuery,
	>;

	/// Security assessments by runtime code hash (`T::Hashing` of the code, as frame-system
	/// computes it; the key is already a hash and is checked against the code on upgrade).
	#[pallet::storage]
	pub type Assessments<T: Config> =
		StorageMap<_, Identity, T::Hash, AssessmentOf<T>, OptionQuery>;

	/// The regulator's suspension of the service, while it is suspended.
	#[pallet::storage]
	pub type ServiceSuspension<T: Config> =
		StorageValue<_, Suspension<BlockNumberFor<T>>, OptionQuery>;

	/// The pallet's genesis configuration.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The block at which the service started (when `filing` is given and this is not, the
		/// genesis block).
		pub service_start: Option<BlockNumberFor<T>>,
		/// A filing record already registered at genesis (filed at the genesis block).
		pub filing: Option<GenesisFiling>,
		/// The platform convention in force at genesis.
		pub platform_convention: Option<GenesisRules>,
		/// The management rules in force at genesis.
		pub management_rules: Option<GenesisRules>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let genesis = BlockNumberFor::<T>::zero();
			if let Some(start) = self.service_start {
				Pallet::<T>::start_service_at(start);
			}
			if let Some(filing) = &self.filing {
				let start = self.service_start.unwrap_or(genesis);
				let record = Pallet::<T>::new_record(
					filing.number.clone(),
					filing.service_name.clone(),
					filing.provider.clone(),
					filing.service_type,
					filing.urls.clone(),
					start,
					genesis,
				);
				match record {
					Ok(record) => Pallet::<T>::store_registration(record, start, genesis),
					Err(e) => panic!("invalid genesis filing record: {:?}", e),
				}
			}
			for (kind, rules) in [
				(RulesKind::ManagementRules, &self.management_rules),
				(RulesKind::PlatformConvention, &self.platform_convention),
			] {
				if let Some(rules) = rules {
					if let Err(e) = Pallet::<T>::do_publish_rules(
						kind,
						rules.version,
						rules.doc_hash,
						rules.uri.clone(),
						genesis,
					) {
						panic!("invalid genesis rules {:?}: {:?}", kind, e);
					}
				}
			}
		}
	}

	/// The pallet's events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The filing was registered.
		FilingRegistered {
			/// The filing number.
			number: BoundedVec<u8, T::MaxFilingNumberLen>,
			/// The version of the record (1).
			version: u32,
		},
		/// The filing record was changed; the previous version went to the history.
		FilingChanged {
			/// The filing number (possibly new).
			number: BoundedVec<u8, T::MaxFilingNumberLen>,
			/// The new version of the record.
			version: u32,
		},
		/// The filing was cancelled.
		FilingCancelled {
			/// The filing number.
			number: BoundedVec<u8, T::MaxFilingNumberLen>,
			/// The version of the cancelled record.
			version: u32,
		},
		/// The service start was recorded; the filing deadline runs from it.
		ServiceStartRecorded {
			/// The block at which the service started.
			at: BlockNumberFor<T>,
			/// The first block at which an unregistered filing is overdue.
			filing_due: BlockNumberFor<T>,
		},
		/// The periodic review of the filing was confirmed.
		ReviewConfirmed {
			/// The block of the review.
			at: BlockNumberFor<T>,
			/// The block at which the next review is due.
			next_review_due: BlockNumberFor<T>,
		},
		/// The filing deadline passed without a filing.
		FilingOverdue {
			/// The block at which the filing became overdue.
			deadline: BlockNumberFor<T>,
		},
		/// The periodic review of the filing is due.
		ReviewDue {
			/// The block at which the review became due.
			due: BlockNumberFor<T>,
		},
		/// A new version of a rules document was published.
		RulesPublished {
			/// The kind of document.
			kind: RulesKind,
			/// The new current version.
			version: ConventionVersion,
			/// The hash of the document's text.
			doc_hash: ContentHash,
		},
		/// A security assessment of runtime code was recorded (replacing any earlier one).
		AssessmentRecorded {
			/// The hash of the assessed code.
			code_hash: T::Hash,
			/// The hash of the assessment report.
			report_hash: ContentHash,
			/// The verdict.
			verdict: Verdict,
			/// The assessor's account, when the origin was a signed account.
			assessor: Option<T::AccountId>,
		},
		/// A security assessment was revoked.
		AssessmentRevoked {
			/// The hash of the code whose assessment was revoked.
			code_hash: T::Hash,
		},
		/// A runtime upgrade with an approved assessment was applied.
		AssessedUpgradeApplied {
			/// The hash of the new code.
			code_hash: T::Hash,
		},
		/// The regulator suspended the service.
		ServiceSuspended {
			/// The hash of the regulator's reasons.
			reason: ContentHash,
		},
		/// The regulator resumed the service.
		ServiceResumed {
			/// The block at which the service had been suspended.
			suspended_since: BlockNumberFor<T>,
		},
	}

	/// The pallet's errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The filing number is empty.
		EmptyFilingNumber,
		/// The filing number is longer than `MaxFilingNumberLen`.
		FilingNumberTooLong,
		/// A text field (number, name, URL or URI) is not valid UTF-8.
		InvalidUtf8,
		/// The service name or the provider's name is empty.
		EmptyName,
		/// The service name or the provider's name is longer than `MaxNameLen`.
		NameTooLong,
		/// More platform URLs than `MaxUrls`.
		TooManyUrls,
		/// A platform URL is longer than `MaxUrlLen`.
		UrlTooLong,
		/// A platform URL is empty.
		EmptyUrl,
		/// A filing is already registered (also when it was cancelled: cancellation is final).
		AlreadyRegistered,
		/// No filing is registered.
		NotRegistered,
		/// The filing was cancelled; it cannot be changed, cancelled or reviewed.
		FilingCancelled,
		/// The service start was already recorded.
		ServiceStartAlreadyRecorded,
		/// The rules version is not greater than the current version of that kind.
		VersionNotNewer,
		/// The rules document URI is empty.
		EmptyUri,
		/// The rules document URI is longer than `MaxUriLen`.
		UriTooLong,
		/// A hash is zero.
		ZeroHash,
		/// No assessment is recorded for this code hash.
		NoAssessment,
		/// The runtime code has no security assessment.
		CodeNotAssessed,
		/// The runtime code's security assessment rejected it.
		AssessmentRejected,
		/// The service is already suspended.
		AlreadySuspended,
		/// The service is not suspended.
		NotSuspended,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Emits `FilingOverdue` or `ReviewDue` once, at the first block at or past the deadline.
		/// Reads one value; writes one when a deadline fires.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			match NextDeadline::<T>::get() {
				Some((at, kind)) if now >= at => {
					NextDeadline::<T>::kill();
					match kind {
						DeadlineKind::Filing =>
							Self::deposit_event(Event::FilingOverdue { deadline: at }),
						DeadlineKind::Review => Self::deposit_event(Event::ReviewDue { due: at }),
					}
					T::WeightInfo::on_initialize_deadline()
				},
				_ => T::WeightInfo::on_initialize_idle(),
			}
		}

		fn integrity_test() {
			assert!(!T::FilingDeadline::get().is_zero(), "FilingDeadline must not be zero");
			assert!(!T::ReviewPeriod::get().is_zero(), "ReviewPeriod must not be zero");
			assert!(T::MaxFilingNumberLen::get() > 0, "MaxFilingNumberLen must not be zero");
			assert!(T::MaxNameLen::get() > 0, "MaxNameLen must not be zero");
			assert!(T::MaxUriLen::get() > 0, "MaxUriLen must not be zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers the service's filing, with the number the regulator issued.
		///
		/// Origin: `FilingOrigin`. The filing date is the current block; the service start is
		/// the recorded one, or the current block if none was recorded. The first periodic
		/// review falls due `ReviewPeriod` blocks later.
		///
		/// Emits `FilingRegistered`. Errors: `AlreadyRegistered`, `EmptyFilingNumber`,
		/// `FilingNumberTooLong`, `InvalidUtf8`, `EmptyName`, `NameTooLong`, `TooManyUrls`,
		/// `EmptyUrl`, `UrlTooLong`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(
			origin: OriginFor<T>,
			number: Vec<u8>,
			service_name: Vec<u8>,
			provider: Vec<u8>,
			service_type: ServiceType,
			urls: Vec<Vec<u8>>,
		) -> DispatchResult {
			T::FilingOrigin::ensure_origin(origin)?;
			ensure!(!Filing::<T>::exists(), Error::<T>::AlreadyRegistered);
			let now = frame_system::Pallet::<T>::block_number();
			let start = ServiceStart::<T>::get().unwrap_or(now);
			let record =
				Self::new_record(number, service_name, provider, service_type, urls, start, now)?;
			Self::deposit_event(Event::FilingRegistered {
				number: record.number.clone(),
				version: record.version,
			});
			Self::store_registration(record, start, now);
			Ok(())
		}

		/// Changes the filing record; the previous version goes to `FilingHistory` (dropping
		/// the oldest when full). All fields are replaced; the dates and the review are kept.
		///
		/// Origin: `FilingOrigin`. Emits `FilingChanged`. Errors: `NotRegistered`,
		/// `FilingCancelled`, the field errors of `register`, `Arithmetic` if the version would
		/// overflow.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::change())]
		pub fn change(
			origin: OriginFor<T>,
			number: Vec<u8>,
			service_name: Vec<u8>,
			provider: Vec<u8>,
			service_type: ServiceType,
			urls: Vec<Vec<u8>>,
		) -> DispatchResult {
			T::FilingOrigin::ensure_origin(origin)?;
			let current = Self::filed_record()?;
			let now = frame_system::Pallet::<T>::block_number();
			let mut record = Self::new_record(
				number,
				service_name,
				provider,
				service_type,
				urls,
				current.service_start,
				current.filed_at,
			)?;
			record.last_review = current.last_review;
			record.updated_at = now;
			record.version = current.version.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			Self::deposit_event(Event::FilingChanged {
				number: record.number.clone(),
				version: record.version,
			});
			Self::archive(current);
			Filing::<T>::put(record);
			Ok(())
		}

		/// Cancels the filing (the service ended). Final: the record stays, as `Cancelled`, and
		/// no deadline is tracked any more.
		///
		/// Origin: `FilingOrigin`. Emits `FilingCancelled`. Errors: `NotRegistered`,
		/// `FilingCancelled`, `Arithmetic` if the version would overflow.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>) -> DispatchResult {
			T::FilingOrigin::ensure_origin(origin)?;
			let current = Self::filed_record()?;
			let mut record = current.clone();
			record.status = FilingState::Cancelled;
			record.updated_at = frame_system::Pallet::<T>::block_number();
			record.version = current.version.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			Self::deposit_event(Event::FilingCancelled {
				number: record.number.clone(),
				version: record.version,
			});
			Self::archive(current);
			Filing::<T>::put(record);
			NextDeadline::<T>::kill();
			Ok(())
		}

		/// Records the block at which the service started (`at` may be in the past or the
		/// future). The filing is due before block `at + FilingDeadline`. Can be done once;
		/// `register` records the current block when no start was recorded before.
		///
		/// Origin: `FilingOrigin`. Emits `ServiceStartRecorded`. Errors:
		/// `ServiceStartAlreadyRecorded`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::record_service_start())]
		pub fn record_service_start(origin: OriginFor<T>, at: BlockNumberFor<T>) -> DispatchResult {
			T::FilingOrigin::ensure_origin(origin)?;
			ensure!(!ServiceStart::<T>::exists(), Error::<T>::ServiceStartAlreadyRecorded);
			let filing_due = Self::start_service_at(at);
			Self::deposit_event(Event::ServiceStartRecorded { at, filing_due });
			Ok(())
		}

		/// Confirms the periodic review of the filing at the current block; the next review
		/// falls due `ReviewPeriod` blocks later.
		///
		/// Origin: `FilingOrigin`. Emits `ReviewConfirmed`. Errors: `NotRegistered`,
		/// `FilingCancelled`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::confirm_review())]
		pub fn confirm_review(origin: OriginFor<T>) -> DispatchResult {
			T::FilingOrigin::ensure_origin(origin)?;
			let mut record = Self::filed_record()?;
			let now = frame_system::Pallet::<T>::block_number();
			record.last_review = Some(now);
			let next_review_due = now.saturating_add(T::ReviewPeriod::get());
			Filing::<T>::put(record);
			NextDeadline::<T>::put((next_review_due, DeadlineKind::Review));
			Self::deposit_event(Event::ReviewConfirmed { at: now, next_review_due });
			Ok(())
		}

		/// Publishes a new version of a rules document. The previous version goes to
		/// `RulesHistory` (dropping the oldest when full). A new platform convention is reported
		/// to `OnComplianceChange::convention_published`: from then on users must acknowledge it.
		///
		/// Origin: `RulesOrigin`. Parameters: the kind, a version greater than the current one of
		/// that kind, the document's hash and its URI (UTF-8). Emits `RulesPublished`. Errors:
		/// `VersionNotNewer`, `ZeroHash`, `EmptyUri`, `UriTooLong`, `InvalidUtf8`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::publish_rules().saturating_add(T::OnComplianceChange::weight()))]
		pub fn publish_rules(
			origin: OriginFor<T>,
			kind: RulesKind,
			version: ConventionVersion,
			doc_hash: ContentHash,
			uri: Vec<u8>,
		) -> DispatchResult {
			T::RulesOrigin::ensure_origin(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			Self::do_publish_rules(kind, version, doc_hash, uri, now)?;
			Self::deposit_event(Event::RulesPublished { kind, version, doc_hash });
			Ok(())
		}

		/// Records the security assessment of a runtime code blob, replacing any earlier one for
		/// the same code. Only code with an `Approved` assessment can be set as the runtime.
		///
		/// Origin: `AssessorOrigin`. Parameters: the code hash (`T::Hashing` of the Wasm blob,
		/// as `System::authorize_upgrade` takes it), the report's hash and the verdict. Emits
		/// `AssessmentRecorded`. Errors: `ZeroHash`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::record_assessment())]
		pub fn record_assessment(
			origin: OriginFor<T>,
			code_hash: T::Hash,
			report_hash: ContentHash,
			verdict: Verdict,
		) -> DispatchResult {
			let assessor = ensure_signed(origin.clone()).ok();
			T::AssessorOrigin::ensure_origin(origin)?;
			ensure!(
				code_hash != T::Hash::default() && !report_hash.is_zero(),
				Error::<T>::ZeroHash
			);
			let assessment = Assessment {
				report_hash,
				verdict,
				assessed_at: frame_system::Pallet::<T>::block_number(),
				assessor: assessor.clone(),
			};
			Assessments::<T>::insert(code_hash, assessment);
			Self::deposit_event(Event::AssessmentRecorded {
				code_hash,
				report_hash,
				verdict,
				assessor,
			});
			Ok(())
		}

		/// Revokes the security assessment of a code hash; that code can no longer be set.
		///
		/// Origin: `AssessorOrigin`. Emits `AssessmentRevoked`. Errors: `NoAssessment`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::revoke_assessment())]
		pub fn revoke_assessment(origin: OriginFor<T>, code_hash: T::Hash) -> DispatchResult {
			T::AssessorOrigin::ensure_origin(origin)?;
			ensure!(Assessments::<T>::contains_key(code_hash), Error::<T>::NoAssessment);
			Assessments::<T>::remove(code_hash);
			Self::deposit_event(Event::AssessmentRevoked { code_hash });
			Ok(())
		}

		/// Suspends the service: ordinary user transactions are refused (by the real-name check,
		/// told through `OnComplianceChange::service_suspended(true)`) until it is resumed.
		///
		/// Origin: `RegulatorOrigin`. Parameter: the hash of the reasons document. Emits
		/// `ServiceSuspended`. Errors: `AlreadySuspended`, `ZeroHash`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::suspend_service().saturating_add(T::OnComplianceChange::weight()))]
		pub fn suspend_service(origin: OriginFor<T>, reason: ContentHash) -> DispatchResult {
			T::RegulatorOrigin::ensure_origin(origin)?;
			ensure!(!ServiceSuspension::<T>::exists(), Error::<T>::AlreadySuspended);
			ensure!(!reason.is_zero(), Error::<T>::ZeroHash);
			let since = frame_system::Pallet::<T>::block_number();
			ServiceSuspension::<T>::put(Suspension { reason, since });
			T::OnComplianceChange::service_suspended(true);
			Self::deposit_event(Event::ServiceSuspended { reason });
			Ok(())
		}

		/// Resumes the suspended service (told through
		/// `OnComplianceChange::service_suspended(false)`).
		///
		/// Origin: `RegulatorOrigin`. Emits `ServiceResumed`. Errors: `NotSuspended`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::resume_service().saturating_add(T::OnComplianceChange::weight()))]
		pub fn resume_service(origin: OriginFor<T>) -> DispatchResult {
			T::RegulatorOrigin::ensure_origin(origin)?;
			let suspension = ServiceSuspension::<T>::take().ok_or(Error::<T>::NotSuspended)?;
			T::OnComplianceChange::service_suspended(false);
			Self::deposit_event(Event::ServiceResumed { suspended_since: suspension.since });
			Ok(())
		}

		/// Authorizes a runtime upgrade to the code whose hash is `code_hash`: exactly what
		/// `System::authorize_upgrade` does, from `UpgradeOrigin` instead of `Root`, so that the
		/// operator's governance never needs `Root`. The upgrade then waits for an assessor's
		/// approval of the same hash ([`AssessedCodeGate`]); anyone may apply it afterwards with
		/// `System::apply_authorized_upgrade`, which checks the code's spec version.
		///
		/// Origin: `UpgradeOrigin`. Emits `System::UpgradeAuthorized`. Errors: `ZeroHash`.
		#[pallet::call_index(11)]
		#[pallet::weight(
			<<T as frame_system::Config>::SystemWeightInfo as frame_system::WeightInfo>::authorize_upgrade()
		)]
		pub fn authorize_upgrade(origin: OriginFor<T>, code_hash: T::Hash) -> DispatchResult {
			T::UpgradeOrigin::ensure_origin(origin)?;
			ensure!(code_hash != T::Hash::default(), Error::<T>::ZeroHash);
			frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, true);
			Ok(())
		}
	}

	// The read surface clients find by name in the metadata, with no runtime-API types to spell
	// out. `runtime_api::FilingApi` answers from these same functions for the node, whose
	// start-up label reads `filing_label` and `filing_status`.
	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// The filing record (number, service, provider, URLs, state, filing and review
		/// blocks); `None` before a filing is registered.
		pub fn filing() -> Option<FilingRecordOf<T>> {
			Filing::<T>::get()
		}

		/// The filing status at the current block: not filed, overdue, filed, review due or
		/// cancelled.
		pub fn filing_status() -> FilingStatusView {
			let now = frame_system::Pallet::<T>::block_number();
			match Filing::<T>::get() {
				None => match Self::filing_deadline() {
					Some(deadline) if now >= deadline => FilingStatusView::FilingOverdue,
					_ => FilingStatusView::NotFiled,
				},
				Some(record) => match Self::review_due_of(&record) {
					None => FilingStatusView::Cancelled,
					Some(due) if now >= due => FilingStatusView::ReviewDue,
					Some(_) => FilingStatusView::Filed,
				},
			}
		}

		/// The first block at which an unregistered filing is overdue; `None` while the service
		/// start is unknown, and once a filing is registered (in force or cancelled), when no
		/// deadline applies any more.
		pub fn filing_deadline() -> Option<BlockNumberFor<T>> {
			if Filing::<T>::exists() {
				return None;
			}
			ServiceStart::<T>::get().map(|start| start.saturating_add(T::FilingDeadline::get()))
		}

		/// The block at which the next periodic review is due; `None` without a filing in
		/// force.
		pub fn next_review_due() -> Option<BlockNumberFor<T>> {
			Filing::<T>::get().and_then(|record| Self::review_due_of(&record))
		}

		/// Previous versions of the filing record, oldest first (the oldest dropped once the
		/// history is full); empty until the record first changes.
		pub fn filing_history() -> Vec<FilingRecordOf<T>> {
			FilingHistory::<T>::get().into_inner()
		}

		/// The filing number to label the service with (UTF-8); empty without a filing in
		/// force.
		pub fn filing_label() -> Vec<u8> {
			match Filing::<T>::get() {
				Some(record) if record.status == FilingState::Filed => record.number.into_inner(),
				_ => Vec::new(),
			}
		}

		/// The current version of the rules document `kind`; `None` before one is published.
		pub fn rules(kind: RulesKind) -> Option<RulesDocumentOf<T>> {
			CurrentRules::<T>::get(kind)
		}

		/// Previous versions of the rules document `kind`, oldest first (the oldest dropped once
		/// the history is full); empty until a second version is published.
		pub fn rules_history(kind: RulesKind) -> Vec<RulesDocumentOf<T>> {
			RulesHistory::<T>::get(kind).into_inner()
		}

		/// The current platform convention version; 0 when none is published.
		pub fn current_convention() -> ConventionVersion {
			CurrentRules::<T>::get(RulesKind::PlatformConvention).map_or(0, |doc| doc.version)
		}

		/// The security assessment (report hash, verdict, block, assessor) of the runtime code
		/// with hash `code_hash`; `None` when it was never assessed or the assessment was
		/// revoked.
		pub fn assessment(code_hash: T::Hash) -> Option<AssessmentOf<T>> {
			Assessments::<T>::get(code_hash)
		}

		/// Whether the service is running or suspended by the regulator (with the hash of the
		/// reasons and the block of the suspension).
		pub fn service_status() -> ServiceStatus<BlockNumberFor<T>> {
			match ServiceSuspension::<T>::get() {
				Some(Suspension { reason, since }) => ServiceStatus::Suspended { reason, since },
				None => ServiceStatus::Active,
			}
		}
	}
}

/// The runtime's code-upgrade gate (R6): set `type OnSetCode = AssessedCodeGate<Runtime>;` in
/// `frame_system::Config`. `System::set_code`, `System::set_code_without_checks` and
/// `System::apply_authorized_upgrade` all write the code through it, and it refuses code whose
/// hash (`T::Hashing`, as frame-system computes it) has no `Approved` assessment in
/// [`Assessments`].
pub struct AssessedCodeGate<T>(core::marker::PhantomData<T>);

impl<T: Config> frame_system::SetCode<T> for AssessedCodeGate<T> {
	fn set_code(code: Vec<u8>) -> DispatchResult {
		let code_hash = T::Hashing::hash(&code);
		match Assessments::<T>::get(code_hash) {
			None => Err(Error::<T>::CodeNotAssessed.into()),
			Some(Assessment { verdict: Verdict::Rejected, .. }) =>
				Err(Error::<T>::AssessmentRejected.into()),
			Some(Assessment { verdict: Verdict::Approved, .. }) => {
				frame_system::Pallet::<T>::update_code_in_storage(&code);
				Pallet::<T>::deposit_event(Event::AssessedUpgradeApplied { code_hash });
				Ok(())
			},
		}
	}
}

/// The filing pallet owns the current platform convention and the service suspension; the
/// real-name pallet mirrors both for its check and proves the mirror equal to these in
/// `try_state`.
impl<T: Config> ComplianceFacts for Pallet<T> {
	fn current_convention() -> ConventionVersion {
		Pallet::<T>::current_convention()
	}

	fn service_suspended() -> bool {
		ServiceSuspension::<T>::exists()
	}
}

impl<T: Config> Pallet<T> {
	/// When the filing in `record` is next due for review (none once cancelled).
	fn review_due_of(record: &FilingRecordOf<T>) -> Option<BlockNumberFor<T>> {
		match record.status {
			FilingState::Filed => Some(
				record
					.last_review
					.unwrap_or(record.filed_at)
					.saturating_add(T::ReviewPeriod::get()),
			),
			FilingState::Cancelled => None,
		}
	}

	/// The record in force, or why there is none.
	fn filed_record() -> Result<FilingRecordOf<T>, Error<T>> {
		let record = Filing::<T>::get().ok_or(Error::<T>::NotRegistered)?;
		ensure!(record.status == FilingState::Filed, Error::<T>::FilingCancelled);
		Ok(record)
	}

	/// Records the service start and, while there is no filing, watches the filing deadline.
	/// Returns the deadline.
	fn start_service_at(start: BlockNumberFor<T>) -> BlockNumberFor<T> {
		ServiceStart::<T>::put(start);
		let deadline = start.saturating_add(T::FilingDeadline::get());
		if !Filing::<T>::exists() {
			NextDeadline::<T>::put((deadline, DeadlineKind::Filing));
		}
		deadline
	}

	/// Stores a newly registered record and watches its first review.
	fn store_registration(
		record: FilingRecordOf<T>,
		start: BlockNumberFor<T>,
		now: BlockNumberFor<T>,
	) {
		Filing::<T>::put(record);
		ServiceStart::<T>::put(start);
		NextDeadline::<T>::put((now.saturating_add(T::ReviewPeriod::get()), DeadlineKind::Review));
	}

	/// Moves a superseded record version to the history, dropping the oldest when full.
	fn archive(record: FilingRecordOf<T>) {
		FilingHistory::<T>::mutate(|history| {
			let _ = history.force_insert_keep_right(history.len(), record);
		});
	}

	/// Checks the fields of a filing record and builds version 1 of it, filed at `filed_at`.
	fn new_record(
		number: Vec<u8>,
		service_name: Vec<u8>,
		provider: Vec<u8>,
		service_type: ServiceType,
		urls: Vec<Vec<u8>>,
		service_start: BlockNumberFor<T>,
		filed_at: BlockNumberFor<T>,
	) -> Result<FilingRecordOf<T>, Error<T>> {
		ensure!(!number.is_empty(), Error::<T>::EmptyFilingNumber);
		let number = Self::utf8(number, Error::<T>::FilingNumberTooLong)?;
		ensure!(!service_name.is_empty() && !provider.is_empty(), Error::<T>::EmptyName);
		let service_name = Self::utf8(service_name, Error::<T>::NameTooLong)?;
		let provider = Self::utf8(provider, Error::<T>::NameTooLong)?;
		ensure!(urls.len() <= T::MaxUrls::get() as usize, Error::<T>::TooManyUrls);
		let mut bounded_urls = UrlsOf::<T>::default();
		for url in urls {
			ensure!(!url.is_empty(), Error::<T>::EmptyUrl);
			let url = Self::utf8(url, Error::<T>::UrlTooLong)?;
			bounded_urls.try_push(url).map_err(|_| Error::<T>::TooManyUrls)?;
		}
		Ok(FilingRecord {
			number,
			service_name,
			provider,
			service_type,
			urls: bounded_urls,
			status: FilingState::Filed,
			service_start,
			filed_at,
			updated_at: filed_at,
			last_review: None,
			version: 1,
		})
	}

	/// Bounds `text` (or `too_long`) and checks that it is UTF-8 (or `InvalidUtf8`).
	fn utf8<S: Get<u32>>(text: Vec<u8>, too_long: Error<T>) -> Result<BoundedVec<u8, S>, Error<T>> {
		let bounded = BoundedVec::<u8, S>::try_from(text).map_err(|_| too_long)?;
		core::str::from_utf8(&bounded).map_err(|_| Error::<T>::InvalidUtf8)?;
		Ok(bounded)
	}

	/// Checks and stores a new version of a rules document, archiving the previous one, and
	/// tells `OnComplianceChange` about a new platform convention. Emits no event.
	fn do_publish_rules(
		kind: RulesKind,
		version: ConventionVersion,
		doc_hash: ContentHash,
		uri: Vec<u8>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let previous = CurrentRules::<T>::get(kind);
		ensure!(
			version > previous.as_ref().map_or(0, |doc| doc.version),
			Error::<T>::VersionNotNewer
		);
		ensure!(!doc_hash.is_zero(), Error::<T>::ZeroHash);
		ensure!(!uri.is_empty(), Error::<T>::EmptyUri);
		let uri = Self::utf8(uri, Error::<T>::UriTooLong)?;
		if let Some(previous) = previous {
			RulesHistory::<T>::mutate(kind, |history| {
				let _ = history.force_insert_keep_right(history.len(), previous);
			});
		}
		CurrentRules::<T>::insert(
			kind,
			RulesDocument { version, doc_hash, uri, published_at: now },
		);
		if kind == RulesKind::PlatformConvention {
			T::OnComplianceChange::convention_published(version);
		}
		Ok(())
	}

	/// The pallet's invariants.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		// The filing record and its history.
		let history = FilingHistory::<T>::get();
		match Filing::<T>::get() {
			None => {
				ensure!(history.is_empty(), "history without a filing record");
			},
			Some(record) => {
				ensure!(!record.number.is_empty(), "empty filing number");
				ensure!(core::str::from_utf8(&record.number).is_ok(), "filing number not UTF-8");
				ensure!(record.version >= 1, "filing version 0");
				ensure!(
					ServiceStart::<T>::get() == Some(record.service_start),
					"service start differs from the record's"
				);
				ensure!(record.updated_at >= record.filed_at, "record updated before filed");
				if let Some(review) = record.last_review {
					ensure!(review >= record.filed_at, "review before filing");
				}
				let mut previous = 0u32;
				for old in history.iter() {
					ensure!(old.version > previous, "history versions not increasing");
					ensure!(old.status == FilingState::Filed, "cancelled record in history");
					previous = old.version;
				}
				ensure!(previous < record.version, "history version not below current");
			},
		}
		// The watched deadline matches the state it derives from.
		match NextDeadline::<T>::get() {
			None => {},
			Some((at, DeadlineKind::Filing)) => {
				ensure!(!Filing::<T>::exists(), "filing deadline watched after registration");
				ensure!(Self::filing_deadline() == Some(at), "filing deadline differs");
			},
			Some((at, DeadlineKind::Review)) => {
				ensure!(Self::next_review_due() == Some(at), "review deadline differs");
			},
		}
		if let Some(record) = Filing::<T>::get() {
			if record.status == FilingState::Cancelled {
				ensure!(!NextDeadline::<T>::exists(), "deadline watched after cancellation");
			}
		}
		// Rules: versions strictly increase, the current one is the greatest.
		for kind in [RulesKind::ManagementRules, RulesKind::PlatformConvention] {
			let history = RulesHistory::<T>::get(kind);
			let current = CurrentRules::<T>::get(kind);
			ensure!(history.is_empty() || current.is_some(), "rules history without current");
			let mut previous = 0u32;
			for doc in history.iter().chain(current.iter()) {
				ensure!(doc.version > previous, "rules versions not increasing");
				ensure!(!doc.doc_hash.is_zero(), "rules document with zero hash");
				previous = doc.version;
			}
		}
		Ok(())
	}
}
