//! The chain's compliance state as Prometheus gauges on the node's standard endpoint
//! (`--prometheus-port`, 9615), updated at every finalized block. Like every metric of the node,
//! each sample carries the `chain` label (the chain spec's id).

use pallet_filing::FilingStatusView;
use pallet_moderation::ReportCounts;
use substrate_prometheus_endpoint::{
	register, Gauge, GaugeVec, Opts, PrometheusError, Registry, F64, U64,
};

/// Every filing status, as the `status` label of [`ComplianceMetrics::filing_status`] shows it.
const FILING_STATUSES: [(FilingStatusView, &str); 5] = [
	(FilingStatusView::NotFiled, "NotFiled"),
	(FilingStatusView::FilingOverdue, "FilingOverdue"),
	(FilingStatusView::Filed, "Filed"),
	(FilingStatusView::ReviewDue, "ReviewDue"),
	(FilingStatusView::Cancelled, "Cancelled"),
];

/// What the gauges show at one finalized block.
pub struct Reading {
	/// The finalized block's number.
	pub block: u32,
	/// The filing status.
	pub status: FilingStatusView,
	/// The block by which the service must be filed, while it is not.
	pub filing_deadline: Option<u32>,
	/// The block at which the next periodic review is due, while filed.
	pub next_review_due: Option<u32>,
	/// Whether the regulator suspended the service.
	pub service_suspended: bool,
	/// The platform convention version in force.
	pub current_convention: u32,
	/// The filing record's version (0 before a filing).
	pub filing_version: u32,
	/// Unresolved and overdue reports.
	pub reports: ReportCounts,
	/// Accounts holding a verification.
	pub verified_accounts: u32,
}

/// The compliance gauges.
pub struct ComplianceMetrics {
	filing_status: GaugeVec<U64>,
	blocks_until_filing_deadline: Gauge<F64>,
	blocks_until_review: Gauge<F64>,
	service_suspended: Gauge<U64>,
	current_convention: Gauge<U64>,
	filing_version: Gauge<U64>,
	open_reports: Gauge<U64>,
	overdue_reports: Gauge<U64>,
	verified_accounts: Gauge<U64>,
}

impl ComplianceMetrics {
	/// Registers the gauges in `registry`.
	pub fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		Ok(Self {
			filing_status: register(
				GaugeVec::new(
					Opts::new(
						"compliance_filing_status",
						"1 for the filing's status at the latest finalized block, 0 for the others",
					),
					&["status"],
				)?,
				registry,
			)?,
			blocks_until_filing_deadline: register(
				Gauge::new(
					"compliance_blocks_until_filing_deadline",
					"Blocks left to file the service (negative: overdue); NaN when no deadline runs",
				)?,
				registry,
			)?,
			blocks_until_review: register(
				Gauge::new(
					"compliance_blocks_until_filing_review",
					"Blocks until the filing's periodic review is due (negative: overdue); NaN when \
					 not filed",
				)?,
				registry,
			)?,
			service_suspended: register(
				Gauge::new(
					"compliance_service_suspended",
					"1 while the regulator has suspended the service",
				)?,
				registry,
			)?,
			current_convention: register(
				Gauge::new(
					"compliance_current_convention",
					"The platform convention version every user must have acknowledged",
				)?,
				registry,
			)?,
			filing_version: register(
				Gauge::new(
					"compliance_filing_record_version",
					"The filing record's version: 1 when registered, +1 at each change or \
					 cancellation; 0 before a filing",
				)?,
				registry,
			)?,
			open_reports: register(
				Gauge::new(
					"compliance_open_reports",
					"User complaints not yet resolved by a moderator, overdue ones included",
				)?,
				registry,
			)?,
			overdue_reports: register(
				Gauge::new(
					"compliance_overdue_reports",
					"Unresolved complaints past their response deadline",
				)?,
				registry,
			)?,
			verified_accounts: register(
				Gauge::new(
					"compliance_verified_accounts",
					"Accounts holding a real-name verification (expired ones count until revoked or \
					 renewed)",
				)?,
				registry,
			)?,
		})
	}

	/// Sets every gauge to what `reading` shows.
	pub fn update(&self, reading: &Reading) {
		for (status, name) in FILING_STATUSES {
			self.filing_status
				.with_label_values(&[name])
				.set(u64::from(reading.status == status));
		}
		let blocks_until = |due: Option<u32>| {
			due.map_or(f64::NAN, |due| f64::from(due) - f64::from(reading.block))
		};
		self.blocks_until_filing_deadline.set(blocks_until(reading.filing_deadline));
		self.blocks_until_review.set(blocks_until(reading.next_review_due));
		self.service_suspended.set(u64::from(reading.service_suspended));
		self.current_convention.set(reading.current_convention.into());
		self.filing_version.set(reading.filing_version.into());
		self.open_reports.set(reading.reports.open.into());
		self.overdue_reports.set(reading.reports.overdue.into());
		self.verified_accounts.set(reading.verified_accounts.into());
	}
}
