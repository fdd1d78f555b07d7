//! Unit tests of the filing pallet.

use crate::{
	mock::*, AssessedCodeGate, Assessment, Assessments, CurrentRules, DeadlineKind, Error, Event,
	Filing as FilingRecordStorage, FilingHistory, FilingState, FilingStatusView, NextDeadline,
	RulesHistory, RulesKind, ServiceStart, ServiceStatus, ServiceType, Verdict, WeightInfo,
};
use compliance_primitives::H256;
use frame_support::{assert_noop, assert_ok, traits::Hooks};
use frame_system::SetCode;
use sp_core::storage::well_known_keys;
use sp_runtime::{traits::Hash, DispatchError};

const NAME: &[u8] = b"Compliance Chain";
const PROVIDER: &[u8] = b"Example Ltd";
const URL: &[u8] = b"https://example.cn";

fn operator() -> RuntimeOrigin {
	RuntimeOrigin::signed(OPERATOR)
}

/// Origins that must not pass an origin check for the privileges of `allowed`.
fn wrong_origins(allowed: u64) -> Vec<RuntimeOrigin> {
	let mut origins = vec![RuntimeOrigin::root(), RuntimeOrigin::none()];
	origins.extend(
		[OPERATOR, PUBLISHER, ASSESSOR, REGULATOR, ALICE]
			.into_iter()
			.filter(|who| *who != allowed)
			.map(RuntimeOrigin::signed),
	);
	origins
}

fn register_with(
	number: &[u8],
	name: &[u8],
	provider: &[u8],
	urls: Vec<Vec<u8>>,
) -> sp_runtime::DispatchResult {
	Filing::register(
		operator(),
		number.to_vec(),
		name.to_vec(),
		provider.to_vec(),
		ServiceType::Platform,
		urls,
	)
}

fn register() -> sp_runtime::DispatchResult {
	register_with(NUMBER.as_bytes(), NAME, PROVIDER, vec![URL.to_vec()])
}

fn change_with(number: &[u8], name: &[u8], urls: Vec<Vec<u8>>) -> sp_runtime::DispatchResult {
	Filing::change(
		operator(),
		number.to_vec(),
		name.to_vec(),
		PROVIDER.to_vec(),
		ServiceType::Application,
		urls,
	)
}

fn change() -> sp_runtime::DispatchResult {
	change_with(NUMBER.as_bytes(), b"New name", vec![URL.to_vec(), b"https://b.cn".to_vec()])
}

fn count_events(matches: impl Fn(&Event<Test>) -> bool) -> usize {
	System::events()
		.into_iter()
		.filter(|record| match &record.event {
			RuntimeEvent::Filing(event) => matches(event),
			_ => false,
		})
		.count()
}

fn hash(byte: u8) -> H256 {
	H256::repeat_byte(byte)
}

// ---------------------------------------------------------------------------------------------
// Filing record: register.
// ---------------------------------------------------------------------------------------------

#[test]
fn register_records_the_filing() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(5);
		assert_eq!(Filing::filing_status(), FilingStatusView::NotFiled);
		assert_eq!(Filing::filing_label(), Vec::<u8>::new());
		assert_ok!(register());
		let record = Filing::filing().unwrap();
		assert_eq!(record.number.to_vec(), NUMBER.as_bytes().to_vec());
		assert_eq!(record.service_name.to_vec(), NAME.to_vec());
		assert_eq!(record.provider.to_vec(), PROVIDER.to_vec());
		assert_eq!(record.service_type, ServiceType::Platform);
		assert_eq!(record.urls.len(), 1);
		assert_eq!(record.status, FilingState::Filed);
		assert_eq!(record.service_start, 5, "no recorded start: the service starts now");
		assert_eq!(record.filed_at, 5);
		assert_eq!(record.last_review, None);
		assert_eq!(record.version, 1);
		assert_eq!(ServiceStart::<Test>::get(), Some(5));
		assert_eq!(NextDeadline::<Test>::get(), Some((5 + REVIEW_PERIOD, DeadlineKind::Review)));
		assert_eq!(Filing::next_review_due(), Some(5 + REVIEW_PERIOD));
		assert_eq!(Filing::filing_status(), FilingStatusView::Filed);
		assert_eq!(Filing::filing_label(), NUMBER.as_bytes().to_vec());
		assert!(Filing::filing_history().is_empty());
		System::assert_last_event(
			Event::FilingRegistered { number: record.number, version: 1 }.into(),
		);
	});
}

#[test]
fn register_keeps_the_recorded_service_start() {
	ExtBuilder::default().service_start(1).build_and_execute(|| {
		run_to_block(4);
		assert_eq!(Filing::filing_deadline(), Some(1 + FILING_DEADLINE));
		assert_ok!(register());
		assert_eq!(Filing::filing_deadline(), None, "no deadline once filed");
		let record = Filing::filing().unwrap();
		assert_eq!((record.service_start, record.filed_at), (1, 4));
		assert_eq!(NextDeadline::<Test>::get(), Some((4 + REVIEW_PERIOD, DeadlineKind::Review)));
	});
}

#[test]
fn register_refuses_wrong_origins() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in wrong_origins(OPERATOR) {
			assert_noop!(
				Filing::register(
					origin,
					NUMBER.as_bytes().to_vec(),
					NAME.to_vec(),
					PROVIDER.to_vec(),
					ServiceType::Platform,
					vec![],
				),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn register_twice_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register());
		assert_noop!(register(), Error::<Test>::AlreadyRegistered);
	});
}

#[test]
fn register_after_cancellation_is_refused() {
	ExtBuilder::default().filed().build_and_execute(|| {
		assert_ok!(Filing::cancel(operator()));
		assert_noop!(register(), Error::<Test>::AlreadyRegistered);
	});
}

#[test]
fn register_refuses_bad_numbers() {
	ExtBuilder::default().build_and_execute(|| {
		let url = || vec![URL.to_vec()];
		assert_noop!(register_with(b"", NAME, PROVIDER, url()), Error::<Test>::EmptyFilingNumber);
		assert_noop!(
			register_with(&[b'1'; 65], NAME, PROVIDER, url()),
			Error::<Test>::FilingNumberTooLong
		);
		assert_noop!(
			register_with(&[0xff, 0xfe, b'1'], NAME, PROVIDER, url()),
			Error::<Test>::InvalidUtf8
		);
		// A multi-byte character cut in half.
		let cut = &NUMBER.as_bytes()[..2];
		assert_noop!(register_with(cut, NAME, PROVIDER, url()), Error::<Test>::InvalidUtf8);
		// Exactly the maximum length is fine.
		assert_ok!(register_with(&[b'1'; 64], NAME, PROVIDER, url()));
	});
}

#[test]
fn register_refuses_bad_names() {
	ExtBuilder::default().build_and_execute(|| {
		let number = NUMBER.as_bytes();
		assert_noop!(register_with(number, b"", PROVIDER, vec![]), Error::<Test>::EmptyName);
		assert_noop!(register_with(number, NAME, b"", vec![]), Error::<Test>::EmptyName);
		assert_noop!(
			register_with(number, &[b'n'; 33], PROVIDER, vec![]),
			Error::<Test>::NameTooLong
		);
		assert_noop!(register_with(number, NAME, &[b'p'; 33], vec![]), Error::<Test>::NameTooLong);
		assert_noop!(register_with(number, &[0xc3], PROVIDER, vec![]), Error::<Test>::InvalidUtf8);
		assert_noop!(register_with(number, NAME, &[0x80], vec![]), Error::<Test>::InvalidUtf8);
	});
}

#[test]
fn register_refuses_bad_urls() {
	ExtBuilder::default().build_and_execute(|| {
		let number = NUMBER.as_bytes();
		assert_noop!(
			register_with(number, NAME, PROVIDER, vec![URL.to_vec(); 3]),
			Error::<Test>::TooManyUrls
		);
		assert_noop!(
			register_with(number, NAME, PROVIDER, vec![[b'u'; 33].to_vec()]),
			Error::<Test>::UrlTooLong
		);
		assert_noop!(
			register_with(number, NAME, PROVIDER, vec![URL.to_vec(), vec![]]),
			Error::<Test>::EmptyUrl
		);
		assert_noop!(
			register_with(number, NAME, PROVIDER, vec![vec![0xff]]),
			Error::<Test>::InvalidUtf8
		);
		assert_ok!(register_with(number, NAME, PROVIDER, vec![URL.to_vec(); 2]));
	});
}

// ---------------------------------------------------------------------------------------------
// Filing record: change and cancel.
// ---------------------------------------------------------------------------------------------

#[test]
fn change_keeps_the_previous_version_in_the_history() {
	ExtBuilder::default().filed().build_and_execute(|| {
		let original = Filing::filing().unwrap();
		run_to_block(3);
		assert_ok!(Filing::confirm_review(operator()));
		run_to_block(7);
		assert_ok!(change());
		let record = Filing::filing().unwrap();
		assert_eq!(record.version, 2);
		assert_eq!(record.service_name.to_vec(), b"New name".to_vec());
		assert_eq!(record.service_type, ServiceType::Application);
		assert_eq!(record.urls.len(), 2);
		assert_eq!((record.service_start, record.filed_at, record.updated_at), (0, 0, 7));
		assert_eq!(record.last_review, Some(3), "a change keeps the last review");
		let history = Filing::filing_history();
		assert_eq!(history.len(), 1);
		assert_eq!(history[0].version, 1);
		assert_eq!(history[0].service_name, original.service_name);
		System::assert_last_event(
			Event::FilingChanged { number: record.number, version: 2 }.into(),
		);
	});
}

#[test]
fn change_can_replace_the_number() {
	ExtBuilder::default().filed().build_and_execute(|| {
		let new_number = "京网信备11010819339402号".as_bytes();
		assert_ok!(change_with(new_number, NAME, vec![]));
		assert_eq!(Filing::filing_label(), new_number.to_vec());
	});
}

#[test]
fn full_history_drops_the_oldest_version() {
	ExtBuilder::default().filed().build_and_execute(|| {
		for _ in 0..5 {
			assert_ok!(change());
		}
		assert_eq!(Filing::filing().unwrap().version, 6);
		let versions: Vec<u32> = Filing::filing_history().iter().map(|r| r.version).collect();
		assert_eq!(versions, vec![3, 4, 5], "MaxHistory = 3 keeps the most recent versions");
	});
}

#[test]
fn change_before_registering_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(change(), Error::<Test>::NotRegistered);
	});
}

#[test]
fn change_of_a_cancelled_filing_is_refused() {
	ExtBuilder::default().filed().build_and_execute(|| {
		assert_ok!(Filing::cancel(operator()));
		assert_noop!(change(), Error::<Test>::FilingCancelled);
	});
}

#[test]
fn change_refuses_bad_input() {
	ExtBuilder::default().filed().build_and_execute(|| {
		assert_noop!(change_with(b"", NAME, vec![]), Error::<Test>::EmptyFilingNumber);
		assert_noop!(change_with(&[b'1'; 65], NAME, vec![]), Error::<Test>::FilingNumberTooLong);
		assert_noop!(change_with(&[0xff], NAME, vec![]), Error::<Test>::InvalidUtf8);
		assert_noop!(change_with(b"1", b"", vec![]), Error::<Test>::EmptyName);
		assert_noop!(change_with(b"1", NAME, vec![URL.to_vec(); 3]), Error::<Test>::TooManyUrls);
		assert_noop!(change_with(b"1", NAME, vec![[b'u'; 33].to_vec()]), Error::<Test>::UrlTooLong);
	});
}

#[test]
fn change_refuses_wrong_origins() {
	ExtBuilder::default().filed().build_and_execute(|| {
		for origin in wrong_origins(OPERATOR) {
			assert_noop!(
				Filing::change(
					origin,
					b"1".to_vec(),
					NAME.to_vec(),
					PROVIDER.to_vec(),
					ServiceType::Other,
					vec![]
				),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn cancel_ends_the_filing() {
	ExtBuilder::default().filed().build_and_execute(|| {
		run_to_block(9);
		assert_ok!(Filing::cancel(operator()));
		let record = Filing::filing().unwrap();
		assert_eq!(record.status, FilingState::Cancelled);
		assert_eq!((record.version, record.updated_at), (2, 9));
		assert_eq!(Filing::filing_history().len(), 1);
		assert_eq!(Filing::filing_status(), FilingStatusView::Cancelled);
		assert_eq!(Filing::filing_label(), Vec::<u8>::new());
		assert_eq!(Filing::next_review_due(), None);
		assert_eq!(NextDeadline::<Test>::get(), None);
		System::assert_last_event(
			Event::FilingCancelled { number: record.number, version: 2 }.into(),
		);
		// No review falls due once cancelled.
		run_to_block(REVIEW_PERIOD * 2);
		assert_eq!(count_events(|e| matches!(e, Event::ReviewDue { .. })), 0);
		assert_eq!(Filing::filing_status(), FilingStatusView::Cancelled);
	});
}

#[test]
fn cancel_twice_or_before_registering_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Filing::cancel(operator()), Error::<Test>::NotRegistered);
		assert_ok!(register());
		assert_ok!(Filing::cancel(operator()));
		assert_noop!(Filing::cancel(operator()), Error::<Test>::FilingCancelled);
	});
}

#[test]
fn cancel_refuses_wrong_origins() {
	ExtBuilder::default().filed().build_and_execute(|| {
		for origin in wrong_origins(OPERATOR) {
			assert_noop!(Filing::cancel(origin), DispatchError::BadOrigin);
		}
	});
}

// ---------------------------------------------------------------------------------------------
// Deadlines: service start, filing overdue, periodic review.
// ---------------------------------------------------------------------------------------------

#[test]
fn record_service_start_starts_the_filing_deadline() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Filing::filing_deadline(), None);
		assert_ok!(Filing::record_service_start(operator(), 2));
		assert_eq!(ServiceStart::<Test>::get(), Some(2));
		assert_eq!(Filing::filing_deadline(), Some(2 + FILING_DEADLINE));
		assert_eq!(NextDeadline::<Test>::get(), Some((2 + FILING_DEADLINE, DeadlineKind::Filing)));
		System::assert_last_event(
			Event::ServiceStartRecorded { at: 2, filing_due: 2 + FILING_DEADLINE }.into(),
		);
	});
}

#[test]
fn record_service_start_twice_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Filing::record_service_start(operator(), 1));
		assert_noop!(
			Filing::record_service_start(operator(), 1),
			Error::<Test>::ServiceStartAlreadyRecorded
		);
	});
	// Registering records the start too.
	ExtBuilder::default().filed().build_and_execute(|| {
		assert_noop!(
			Filing::record_service_start(operator(), 1),
			Error::<Test>::ServiceStartAlreadyRecorded
		);
	});
}

#[test]
fn record_service_start_refuses_wrong_origins() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in wrong_origins(OPERATOR) {
			assert_noop!(Filing::record_service_start(origin, 1), DispatchError::BadOrigin);
		}
	});
}

#[test]
fn filing_overdue_fires_exactly_once() {
	ExtBuilder::default().service_start(1).build_and_execute(|| {
		let deadline = 1 + FILING_DEADLINE;
		let overdue = |e: &Event<Test>| matches!(e, Event::FilingOverdue { .. });
		run_to_block(deadline - 1);
		assert_eq!(Filing::filing_status(), FilingStatusView::NotFiled);
		assert_eq!(count_events(overdue), 0);
		run_to_block(deadline);
		assert_eq!(Filing::filing_status(), FilingStatusView::FilingOverdue);
		System::assert_last_event(Event::FilingOverdue { deadline }.into());
		assert_eq!(NextDeadline::<Test>::get(), None);
		run_to_block(deadline + 20);
		assert_eq!(count_events(overdue), 1);
		assert_eq!(Filing::filing_status(), FilingStatusView::FilingOverdue);
		// Filing late clears the overdue state.
		assert_ok!(register());
		assert_eq!(Filing::filing_status(), FilingStatusView::Filed);
	});
}

#[test]
fn filing_in_time_never_fires_overdue() {
	ExtBuilder::default().service_start(1).build_and_execute(|| {
		run_to_block(FILING_DEADLINE);
		assert_ok!(register());
		run_to_block(FILING_DEADLINE * 3);
		assert_eq!(count_events(|e| matches!(e, Event::FilingOverdue { .. })), 0);
		assert_eq!(Filing::filing_status(), FilingStatusView::Filed);
	});
}

#[test]
fn review_due_fires_exactly_once_and_confirming_restarts_the_period() {
	ExtBuilder::default().filed().build_and_execute(|| {
		let due = |e: &Event<Test>| matches!(e, Event::ReviewDue { .. });
		run_to_block(REVIEW_PERIOD - 1);
		assert_eq!(Filing::filing_status(), FilingStatusView::Filed);
		assert_eq!(count_events(due), 0);
		run_to_block(REVIEW_PERIOD);
		System::assert_last_event(Event::ReviewDue { due: REVIEW_PERIOD }.into());
		assert_eq!(Filing::filing_status(), FilingStatusView::ReviewDue);
		run_to_block(REVIEW_PERIOD + 30);
		assert_eq!(count_events(due), 1);

		assert_ok!(Filing::confirm_review(operator()));
		let now = REVIEW_PERIOD + 30;
		assert_eq!(Filing::filing().unwrap().last_review, Some(now));
		assert_eq!(Filing::filing_status(), FilingStatusView::Filed);
		assert_eq!(Filing::next_review_due(), Some(now + REVIEW_PERIOD));
		System::assert_last_event(
			Event::ReviewConfirmed { at: now, next_review_due: now + REVIEW_PERIOD }.into(),
		);
		run_to_block(now + REVIEW_PERIOD);
		assert_eq!(count_events(due), 2);
		assert_eq!(Filing::filing_status(), FilingStatusView::ReviewDue);
	});
}

#[test]
fn confirm_review_of_an_unfiled_or_cancelled_filing_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Filing::confirm_review(operator()), Error::<Test>::NotRegistered);
		assert_ok!(register());
		assert_ok!(Filing::cancel(operator()));
		assert_noop!(Filing::confirm_review(operator()), Error::<Test>::FilingCancelled);
	});
}

#[test]
fn confirm_review_refuses_wrong_origins() {
	ExtBuilder::default().filed().build_and_execute(|| {
		for origin in wrong_origins(OPERATOR) {
			assert_noop!(Filing::confirm_review(origin), DispatchError::BadOrigin);
		}
	});
}

#[test]
fn on_initialize_reports_its_weight() {
	ExtBuilder::default().service_start(1).build_and_execute(|| {
		let idle = <() as WeightInfo>::on_initialize_idle();
		let fired = <() as WeightInfo>::on_initialize_deadline();
		assert_eq!(Filing::on_initialize(2), idle);
		System::set_block_number(1 + FILING_DEADLINE);
		assert_eq!(Filing::on_initialize(1 + FILING_DEADLINE), fired);
		assert_eq!(Filing::on_initialize(2 + FILING_DEADLINE), idle);
	});
}

// ---------------------------------------------------------------------------------------------
// Rules documents and acknowledgements.
// ---------------------------------------------------------------------------------------------

fn publish(kind: RulesKind, version: u32) -> sp_runtime::DispatchResult {
	Filing::publish_rules(
		RuntimeOrigin::signed(PUBLISHER),
		kind,
		version,
		hash(version as u8 + 1),
		b"https://example.cn/rules".to_vec(),
	)
}

#[test]
fn publish_rules_records_the_current_version_and_history() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(publish(RulesKind::ManagementRules, 1));
		System::assert_last_event(
			Event::RulesPublished {
				kind: RulesKind::ManagementRules,
				version: 1,
				doc_hash: hash(2),
			}
			.into(),
		);
		assert!(compliance_calls().is_empty(), "management rules are not the convention");
		run_to_block(3);
		assert_ok!(publish(RulesKind::ManagementRules, 5));
		let current = Filing::rules(RulesKind::ManagementRules).unwrap();
		assert_eq!((current.version, current.doc_hash, current.published_at), (5, hash(6), 3));
		assert_eq!(current.uri.to_vec(), b"https://example.cn/rules".to_vec());
		let history = Filing::rules_history(RulesKind::ManagementRules);
		assert_eq!(history.iter().map(|d| d.version).collect::<Vec<_>>(), vec![1]);
		assert_eq!(Filing::rules(RulesKind::PlatformConvention), None);
		assert_eq!(Filing::current_convention(), 0);
	});
}

#[test]
fn publishing_a_convention_tells_the_compliance_state() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(publish(RulesKind::PlatformConvention, 1));
		assert_ok!(publish(RulesKind::PlatformConvention, 2));
		assert_eq!(Filing::current_convention(), 2);
		assert_eq!(
			compliance_calls(),
			vec![ComplianceCall::ConventionPublished(1), ComplianceCall::ConventionPublished(2)]
		);
	});
}

#[test]
fn rules_history_drops_the_oldest_version() {
	ExtBuilder::default().build_and_execute(|| {
		for version in 1..=4 {
			assert_ok!(publish(RulesKind::PlatformConvention, version));
		}
		let history = Filing::rules_history(RulesKind::PlatformConvention);
		assert_eq!(history.iter().map(|d| d.version).collect::<Vec<_>>(), vec![2, 3]);
		assert_eq!(Filing::current_convention(), 4);
	});
}

#[test]
fn publishing_an_older_or_same_version_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(publish(RulesKind::PlatformConvention, 0), Error::<Test>::VersionNotNewer);
		assert_ok!(publish(RulesKind::PlatformConvention, 3));
		assert_noop!(publish(RulesKind::PlatformConvention, 3), Error::<Test>::VersionNotNewer);
		assert_noop!(publish(RulesKind::PlatformConvention, 2), Error::<Test>::VersionNotNewer);
		// Each kind has its own versions.
		assert_ok!(publish(RulesKind::ManagementRules, 1));
	});
}

#[test]
fn publish_rules_refuses_bad_documents() {
	ExtBuilder::default().build_and_execute(|| {
		let publish_doc = |doc_hash: H256, uri: Vec<u8>| {
			Filing::publish_rules(
				RuntimeOrigin::signed(PUBLISHER),
				RulesKind::PlatformConvention,
				1,
				doc_hash,
				uri,
			)
		};
		assert_noop!(publish_doc(H256::zero(), b"u".to_vec()), Error::<Test>::ZeroHash);
		assert_noop!(publish_doc(hash(1), vec![]), Error::<Test>::EmptyUri);
		assert_noop!(publish_doc(hash(1), vec![b'u'; 33]), Error::<Test>::UriTooLong);
		assert_noop!(publish_doc(hash(1), vec![0xff]), Error::<Test>::InvalidUtf8);
		assert!(compliance_calls().is_empty());
	});
}

#[test]
fn publish_rules_refuses_wrong_origins() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in wrong_origins(PUBLISHER) {
			assert_noop!(
				Filing::publish_rules(
					origin,
					RulesKind::PlatformConvention,
					1,
					hash(1),
					b"u".to_vec()
				),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn the_pallet_owns_the_current_convention_and_the_service_suspension() {
	use compliance_primitives::ComplianceFacts;
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(<Filing as ComplianceFacts>::current_convention(), 0);
		assert_ok!(publish(RulesKind::PlatformConvention, 3));
		assert_ok!(publish(RulesKind::ManagementRules, 7));
		assert_eq!(<Filing as ComplianceFacts>::current_convention(), 3);
		assert!(!<Filing as ComplianceFacts>::service_suspended());
		assert_ok!(Filing::suspend_service(RuntimeOrigin::signed(REGULATOR), H256::repeat_byte(1)));
		assert!(<Filing as ComplianceFacts>::service_suspended());
		assert_ok!(Filing::resume_service(RuntimeOrigin::signed(REGULATOR)));
		assert!(!<Filing as ComplianceFacts>::service_suspended());
	});
}

#[test]
fn the_calls_that_tell_the_mirror_charge_its_weight() {
	use compliance_primitives::OnComplianceChange;
	use frame_support::dispatch::GetDispatchInfo;
	let mirror = <Test as crate::Config>::OnComplianceChange::weight();
	let publish = crate::Call::<Test>::publish_rules {
		kind: RulesKind::PlatformConvention,
		version: 1,
		doc_hash: H256::repeat_byte(1),
		uri: b"u".to_vec(),
	};
	assert_eq!(
		publish.get_dispatch_info().call_weight,
		<() as WeightInfo>::publish_rules().saturating_add(mirror)
	);
	let suspend = crate::Call::<Test>::suspend_service { reason: H256::repeat_byte(1) };
	assert_eq!(
		suspend.get_dispatch_info().call_weight,
		<() as WeightInfo>::suspend_service().saturating_add(mirror)
	);
	let resume = crate::Call::<Test>::resume_service {};
	assert_eq!(
		resume.get_dispatch_info().call_weight,
		<() as WeightInfo>::resume_service().saturating_add(mirror)
	);
}

// ---------------------------------------------------------------------------------------------
// Security assessments and the code gate.
// ---------------------------------------------------------------------------------------------

fn assessor() -> RuntimeOrigin {
	RuntimeOrigin::signed(ASSESSOR)
}

fn code_hash(code: &[u8]) -> H256 {
	<Test as frame_system::Config>::Hashing::hash(code)
}

fn stored_code() -> Option<Vec<u8>> {
	sp_io::storage::get(well_known_keys::CODE).map(|code| code.to_vec())
}

#[test]
fn record_assessment_stores_it_with_the_assessor() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(4);
		assert_ok!(Filing::record_assessment(assessor(), hash(1), hash(2), Verdict::Approved));
		assert_eq!(
			Filing::assessment(hash(1)),
			Some(Assessment {
				report_hash: hash(2),
				verdict: Verdict::Approved,
				assessed_at: 4,
				assessor: Some(ASSESSOR),
			})
		);
		System::assert_last_event(
			Event::AssessmentRecorded {
				code_hash: hash(1),
				report_hash: hash(2),
				verdict: Verdict::Approved,
				assessor: Some(ASSESSOR),
			}
			.into(),
		);
		// A new assessment of the same code replaces the old one.
		assert_ok!(Filing::record_assessment(assessor(), hash(1), hash(3), Verdict::Rejected));
		assert_eq!(Assessments::<Test>::get(hash(1)).unwrap().verdict, Verdict::Rejected);
	});
}

#[test]
fn an_assessment_for_a_zero_hash_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Filing::record_assessment(assessor(), H256::zero(), hash(2), Verdict::Approved),
			Error::<Test>::ZeroHash
		);
		assert_noop!(
			Filing::record_assessment(assessor(), hash(1), H256::zero(), Verdict::Approved),
			Error::<Test>::ZeroHash
		);
	});
}

#[test]
fn record_assessment_refuses_wrong_origins() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in wrong_origins(ASSESSOR) {
			assert_noop!(
				Filing::record_assessment(origin, hash(1), hash(2), Verdict::Approved),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn revoke_assessment_removes_it() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Filing::revoke_assessment(assessor(), hash(1)), Error::<Test>::NoAssessment);
		assert_ok!(Filing::record_assessment(assessor(), hash(1), hash(2), Verdict::Approved));
		for origin in wrong_origins(ASSESSOR) {
			assert_noop!(Filing::revoke_assessment(origin, hash(1)), DispatchError::BadOrigin);
		}
		assert_ok!(Filing::revoke_assessment(assessor(), hash(1)));
		assert_eq!(Filing::assessment(hash(1)), None);
		System::assert_last_event(Event::AssessmentRevoked { code_hash: hash(1) }.into());
	});
}

#[test]
fn unassessed_code_is_refused_by_set_code_without_checks() {
	ExtBuilder::default().build_and_execute(|| {
		let code = b"new runtime code".to_vec();
		let before = stored_code();
		assert_ne!(before, Some(code.clone()));
		let result = System::set_code_without_checks(RuntimeOrigin::root(), code.clone());
		assert_eq!(result.map_err(|e| e.error), Err(Error::<Test>::CodeNotAssessed.into()));
		assert_eq!(stored_code(), before);
	});
}

#[test]
fn rejected_code_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let code = b"risky runtime code".to_vec();
		assert_ok!(Filing::record_assessment(
			assessor(),
			code_hash(&code),
			hash(9),
			Verdict::Rejected
		));
		let before = stored_code();
		let result = System::set_code_without_checks(RuntimeOrigin::root(), code);
		assert_eq!(result.map_err(|e| e.error), Err(Error::<Test>::AssessmentRejected.into()));
		assert_eq!(stored_code(), before);
	});
}

#[test]
fn approved_code_is_applied() {
	ExtBuilder::default().build_and_execute(|| {
		let code = b"assessed runtime code".to_vec();
		let hash_of_code = code_hash(&code);
		assert_ok!(Filing::record_assessment(assessor(), hash_of_code, hash(9), Verdict::Approved));
		assert_ok!(System::set_code_without_checks(RuntimeOrigin::root(), code.clone()));
		assert_eq!(stored_code(), Some(code));
		System::assert_has_event(Event::AssessedUpgradeApplied { code_hash: hash_of_code }.into());
		System::assert_has_event(frame_system::Event::CodeUpdated { hash: hash_of_code }.into());
	});
}

#[test]
fn a_revoked_assessment_no_longer_opens_the_gate() {
	ExtBuilder::default().build_and_execute(|| {
		let code = b"assessed runtime code".to_vec();
		assert_ok!(Filing::record_assessment(
			assessor(),
			code_hash(&code),
			hash(9),
			Verdict::Approved
		));
		assert_ok!(Filing::revoke_assessment(assessor(), code_hash(&code)));
		let before = stored_code();
		assert_eq!(
			<AssessedCodeGate<Test> as SetCode<Test>>::set_code(code),
			Err(Error::<Test>::CodeNotAssessed.into())
		);
		assert_eq!(stored_code(), before);
	});
}

#[test]
fn apply_authorized_upgrade_goes_through_the_gate() {
	ExtBuilder::default().build_and_execute(|| {
		let code = b"authorized runtime code".to_vec();
		let hash_of_code = code_hash(&code);
		let before = stored_code();
		assert_ne!(before, Some(code.clone()));
		// Authorized by root, but not assessed: refused, code unchanged.
		assert_ok!(System::authorize_upgrade_without_checks(RuntimeOrigin::root(), hash_of_code));
		let result = System::apply_authorized_upgrade(RuntimeOrigin::signed(ALICE), code.clone());
		assert_eq!(result.map_err(|e| e.error), Err(Error::<Test>::CodeNotAssessed.into()));
		assert_eq!(stored_code(), before);
		// Assessed and approved: applied.
		assert_ok!(Filing::record_assessment(assessor(), hash_of_code, hash(9), Verdict::Approved));
		assert_ok!(System::apply_authorized_upgrade(RuntimeOrigin::signed(ALICE), code.clone()));
		assert_eq!(stored_code(), Some(code));
		System::assert_has_event(Event::AssessedUpgradeApplied { code_hash: hash_of_code }.into());
	});
}

#[test]
fn authorize_upgrade_authorizes_the_hash_with_its_version_check() {
	ExtBuilder::default().build_and_execute(|| {
		let hash_of_code = code_hash(b"next runtime code");
		assert_ok!(Filing::authorize_upgrade(operator(), hash_of_code));
		// Another code is not the authorized one.
		let other = System::apply_authorized_upgrade(RuntimeOrigin::signed(ALICE), b"x".to_vec());
		assert_eq!(
			other.map_err(|e| e.error),
			Err(frame_system::Error::<Test>::Unauthorized.into())
		);
		System::assert_has_event(
			frame_system::Event::UpgradeAuthorized { code_hash: hash_of_code, check_version: true }
				.into(),
		);
		// Authorizing is not applying: the gate still wants an approved assessment.
		assert!(Assessments::<Test>::get(hash_of_code).is_none());
	});
}

#[test]
fn authorize_upgrade_refuses_wrong_origins_and_the_zero_hash() {
	ExtBuilder::default().build_and_execute(|| {
		let hash_of_code = code_hash(b"next runtime code");
		for origin in wrong_origins(OPERATOR) {
			assert_noop!(Filing::authorize_upgrade(origin, hash_of_code), DispatchError::BadOrigin);
		}
		assert_noop!(Filing::authorize_upgrade(operator(), H256::zero()), Error::<Test>::ZeroHash);
		let applied = System::apply_authorized_upgrade(RuntimeOrigin::signed(ALICE), b"x".to_vec());
		assert_eq!(
			applied.map_err(|e| e.error),
			Err(frame_system::Error::<Test>::NothingAuthorized.into())
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Service suspension.
// ---------------------------------------------------------------------------------------------

fn regulator() -> RuntimeOrigin {
	RuntimeOrigin::signed(REGULATOR)
}

#[test]
fn suspend_and_resume_the_service() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Filing::service_status(), ServiceStatus::Active);
		run_to_block(5);
		assert_ok!(Filing::suspend_service(regulator(), hash(4)));
		assert_eq!(
			Filing::service_status(),
			ServiceStatus::Suspended { reason: hash(4), since: 5 }
		);
		assert_eq!(compliance_calls(), vec![ComplianceCall::ServiceSuspended(true)]);
		System::assert_last_event(Event::ServiceSuspended { reason: hash(4) }.into());
		run_to_block(8);
		assert_ok!(Filing::resume_service(regulator()));
		assert_eq!(Filing::service_status(), ServiceStatus::Active);
		assert_eq!(
			compliance_calls(),
			vec![ComplianceCall::ServiceSuspended(true), ComplianceCall::ServiceSuspended(false)]
		);
		System::assert_last_event(Event::ServiceResumed { suspended_since: 5 }.into());
	});
}

#[test]
fn suspension_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Filing::resume_service(regulator()), Error::<Test>::NotSuspended);
		assert_noop!(Filing::suspend_service(regulator(), H256::zero()), Error::<Test>::ZeroHash);
		assert_ok!(Filing::suspend_service(regulator(), hash(4)));
		assert_noop!(
			Filing::suspend_service(regulator(), hash(5)),
			Error::<Test>::AlreadySuspended
		);
		assert_eq!(compliance_calls(), vec![ComplianceCall::ServiceSuspended(true)]);
	});
}

#[test]
fn suspension_refuses_wrong_origins() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in wrong_origins(REGULATOR) {
			assert_noop!(Filing::suspend_service(origin, hash(4)), DispatchError::BadOrigin);
		}
		assert_ok!(Filing::suspend_service(regulator(), hash(4)));
		for origin in wrong_origins(REGULATOR) {
			assert_noop!(Filing::resume_service(origin), DispatchError::BadOrigin);
		}
	});
}

// ---------------------------------------------------------------------------------------------
// View functions.
// ---------------------------------------------------------------------------------------------

#[test]
fn view_functions_answer_by_id_what_the_state_holds() {
	use crate::{
		AssessmentViewFunction as AssessmentOf, CurrentConventionViewFunction as CurrentConvention,
		FilingDeadlineViewFunction as FilingDeadline, FilingHistoryViewFunction as History,
		FilingLabelViewFunction as Label, FilingStatusViewFunction as Status,
		FilingViewFunction as Record, NextReviewDueViewFunction as NextReviewDue,
		RulesHistoryViewFunction as RulesHistoryOf, RulesViewFunction as Rules,
		ServiceStatusViewFunction as Service,
	};
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(view(Record::<Test>::new()), None);
		assert_eq!(view(Status::<Test>::new()), FilingStatusView::NotFiled);
		assert_eq!(view(FilingDeadline::<Test>::new()), None);
		assert_ok!(Filing::record_service_start(operator(), 1));
		assert_eq!(view(FilingDeadline::<Test>::new()), Some(1 + FILING_DEADLINE));
		assert_eq!(view(Label::<Test>::new()), Vec::<u8>::new());
		assert_eq!(view(NextReviewDue::<Test>::new()), None);
		run_to_block(2);
		assert_ok!(register());
		assert_eq!(view(Record::<Test>::new()).map(|r| r.version), Some(1));
		assert_eq!(view(Status::<Test>::new()), FilingStatusView::Filed);
		assert_eq!(view(FilingDeadline::<Test>::new()), None);
		assert_eq!(view(Label::<Test>::new()), NUMBER.as_bytes().to_vec());
		assert_eq!(view(NextReviewDue::<Test>::new()), Some(2 + REVIEW_PERIOD));
		assert!(view(History::<Test>::new()).is_empty());
		assert_ok!(change());
		let versions = view(History::<Test>::new()).into_iter().map(|r| r.version);
		assert_eq!(versions.collect::<Vec<_>>(), vec![1]);
		assert_eq!(view(Record::<Test>::new()), Filing::filing());

		let convention = RulesKind::PlatformConvention;
		assert_eq!(view(Rules::<Test>::new(convention)), None);
		assert_eq!(view(CurrentConvention::<Test>::new()), 0);
		assert_ok!(publish(convention, 1));
		assert_ok!(publish(convention, 2));
		assert_eq!(view(Rules::<Test>::new(convention)).map(|d| d.version), Some(2));
		let versions = view(RulesHistoryOf::<Test>::new(convention)).into_iter().map(|d| d.version);
		assert_eq!(versions.collect::<Vec<_>>(), vec![1]);
		assert_eq!(view(CurrentConvention::<Test>::new()), 2);
		// The kind argument reaches the pallet: the other document is still unpublished.
		assert_eq!(view(Rules::<Test>::new(RulesKind::ManagementRules)), None);
		assert!(view(RulesHistoryOf::<Test>::new(RulesKind::ManagementRules)).is_empty());

		assert_eq!(view(AssessmentOf::<Test>::new(hash(1))), None);
		assert_ok!(Filing::record_assessment(assessor(), hash(1), hash(2), Verdict::Approved));
		assert_eq!(
			view(AssessmentOf::<Test>::new(hash(1))).map(|a| a.verdict),
			Some(Verdict::Approved)
		);
		assert_eq!(view(AssessmentOf::<Test>::new(hash(2))), None);

		assert_eq!(view(Service::<Test>::new()), ServiceStatus::Active);
		assert_ok!(Filing::suspend_service(regulator(), hash(4)));
		assert_eq!(
			view(Service::<Test>::new()),
			ServiceStatus::Suspended { reason: hash(4), since: 2 }
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Genesis and invariants.
// ---------------------------------------------------------------------------------------------

#[test]
fn genesis_registers_the_filing_and_rules() {
	ExtBuilder::default()
		.filed()
		.convention(2)
		.management_rules(1)
		.build_and_execute(|| {
			let record = FilingRecordStorage::<Test>::get().unwrap();
			assert_eq!(record.number.to_vec(), NUMBER.as_bytes().to_vec());
			assert_eq!((record.service_start, record.filed_at, record.version), (0, 0, 1));
			assert_eq!(ServiceStart::<Test>::get(), Some(0));
			assert_eq!(NextDeadline::<Test>::get(), Some((REVIEW_PERIOD, DeadlineKind::Review)));
			assert_eq!(Filing::filing_status(), FilingStatusView::Filed);
			assert_eq!(Filing::current_convention(), 2);
			assert_eq!(CurrentRules::<Test>::get(RulesKind::ManagementRules).unwrap().version, 1);
			assert!(RulesHistory::<Test>::get(RulesKind::PlatformConvention).is_empty());
			assert_eq!(compliance_calls(), vec![ComplianceCall::ConventionPublished(2)]);
		});
}

#[test]
fn genesis_service_start_with_a_filing_is_kept() {
	ExtBuilder::default().service_start(0).filed().build_and_execute(|| {
		assert_eq!(Filing::filing().unwrap().service_start, 0);
		assert_eq!(NextDeadline::<Test>::get(), Some((REVIEW_PERIOD, DeadlineKind::Review)));
	});
}

#[test]
fn genesis_service_start_alone_watches_the_filing_deadline() {
	ExtBuilder::default().service_start(0).build_and_execute(|| {
		assert_eq!(NextDeadline::<Test>::get(), Some((FILING_DEADLINE, DeadlineKind::Filing)));
		assert_eq!(Filing::filing(), None);
	});
}

#[test]
#[should_panic(expected = "invalid genesis rules")]
fn genesis_refuses_a_convention_version_zero() {
	ExtBuilder::default().convention(0).build();
}

#[test]
#[should_panic(expected = "invalid genesis filing record")]
fn genesis_refuses_an_invalid_filing() {
	let mut builder = ExtBuilder::default().filed();
	builder.set_filing_number(vec![]);
	builder.build();
}

#[test]
fn try_state_detects_broken_invariants() {
	ExtBuilder::default().filed().build().execute_with(|| {
		assert_ok!(Filing::do_try_state());
		assert_ok!(change());
		// A history version not below the current version.
		FilingRecordStorage::<Test>::mutate(|record| {
			if let Some(record) = record {
				record.version = 1;
			}
		});
		assert_eq!(Filing::do_try_state(), Err("history version not below current".into()));
	});
	ExtBuilder::default().filed().build().execute_with(|| {
		// A cancelled filing still watched for review.
		FilingRecordStorage::<Test>::mutate(|record| {
			if let Some(record) = record {
				record.status = FilingState::Cancelled;
			}
		});
		assert_eq!(Filing::do_try_state(), Err("review deadline differs".into()));
	});
	ExtBuilder::default().build().execute_with(|| {
		// History without a record.
		assert_ok!(register());
		let record = Filing::filing().unwrap();
		FilingRecordStorage::<Test>::kill();
		FilingHistory::<Test>::put(frame_support::BoundedVec::truncate_from(vec![record]));
		assert_eq!(Filing::do_try_state(), Err("history without a filing record".into()));
	});
}

#[test]
fn genesis_config_reads_from_chain_spec_json() {
	let json = serde_json::json!({
		"serviceStart": 0,
		"filing": {
			"number": NUMBER.as_bytes(),
			"serviceName": NAME,
			"provider": PROVIDER,
			"serviceType": "Platform",
			"urls": [URL],
		},
		"platformConvention": {
			"version": 1,
			"docHash": H256::repeat_byte(7),
			"uri": b"https://example.cn/c",
		},
		"managementRules": null,
	});
	let config: crate::GenesisConfig<Test> = serde_json::from_value(json).unwrap();
	assert_eq!(config.filing, Some(genesis_filing()));
	assert_eq!(config.platform_convention, Some(genesis_rules(1)));
	assert_eq!(config.service_start, Some(0));
}
