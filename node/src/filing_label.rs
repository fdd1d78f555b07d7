//! The label every node shows (R5): the chain's regulatory filing number, the filing's status
//! and the service's, logged at start-up and again at each finalized block that changes any of
//! them (registered, changed, cancelled, review due, service suspended or resumed); and the
//! compliance gauges ([`crate::metrics`]), set at every finalized block. Read from the runtime's
//! view functions, so they follow the chain, not the node's configuration.

use crate::{
	metrics::{ComplianceMetrics, Reading},
	service::FullClient,
	views::{counts, filing_snapshot, FilingSnapshot},
};
use compliance_runtime::Hash;
use futures::StreamExt;
use pallet_filing::{FilingStatusView, ServiceStatus};
use pallet_moderation::ReportCounts;
use sc_client_api::BlockchainEvents;
use sp_blockchain::HeaderBackend;
use std::sync::Arc;

/// What the label shows at one block.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Label {
	/// The filing number; `None` before a filing is registered.
	number: Option<String>,
	/// The filing record's version: a change of the record changes it.
	version: Option<u32>,
	/// The filing status.
	status: FilingStatusView,
	/// Whether the regulator suspended the service.
	suspended: bool,
}

impl std::fmt::Display for Label {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match (&self.number, self.version) {
			(Some(number), Some(version)) => write!(f, "{number} (record version {version}, ")?,
			_ => write!(f, "not filed (")?,
		}
		let service = if self.suspended { "suspended" } else { "active" };
		write!(f, "status: {:?}, service: {service})", self.status)
	}
}

impl Label {
	/// What the label shows of `snapshot`.
	fn of(snapshot: &FilingSnapshot) -> Self {
		let record = snapshot.record.as_ref();
		Label {
			number: record.map(|r| String::from_utf8_lossy(&r.number).into_owned()),
			version: record.map(|r| r.version),
			status: snapshot.status,
			suspended: matches!(snapshot.service, ServiceStatus::Suspended { .. }),
		}
	}
}

/// The label at block `at`.
fn label_at(client: &FullClient, at: Hash) -> Result<Label, String> {
	filing_snapshot(client, at).map(|snapshot| Label::of(&snapshot))
}

/// Logs the label at the best block, at start-up.
pub fn log_at_startup(client: &FullClient) {
	match label_at(client, client.info().best_hash) {
		Ok(label) => log::info!("📜 Filing number: {label}"),
		Err(e) => log::warn!("📜 Filing number: unavailable ({e})"),
	}
}

/// The gauges' values in `snapshot` and the counters, read at block number `block`.
fn reading(
	snapshot: &FilingSnapshot,
	block: u32,
	label: &Label,
	(reports, verified_accounts): (ReportCounts, u32),
) -> Reading {
	Reading {
		reports,
		verified_accounts,
		block,
		status: label.status,
		filing_deadline: snapshot.filing_deadline,
		next_review_due: snapshot.next_review_due,
		service_suspended: label.suspended,
		current_convention: snapshot.current_convention,
		filing_version: label.version.unwrap_or(0),
	}
}

/// Follows finalized blocks: logs the label again whenever it changes, and sets the gauges
/// (when the node serves metrics) at each one.
pub async fn follow(client: Arc<FullClient>, metrics: Option<ComplianceMetrics>) {
	let mut last = label_at(&client, client.info().finalized_hash).ok();
	let mut finalized = client.finality_notification_stream();
	while let Some(notification) = finalized.next().await {
		let number = *sp_runtime::traits::Header::number(&notification.header);
		let snapshot = match filing_snapshot(&*client, notification.hash) {
			Ok(snapshot) => snapshot,
			Err(e) => {
				log::warn!("📜 Filing at finalized block #{number}: unavailable ({e})");
				continue;
			},
		};
		let label = Label::of(&snapshot);
		if let Some(metrics) = &metrics {
			match counts(&*client, notification.hash) {
				Ok(counts) => metrics.update(&reading(&snapshot, number, &label, counts)),
				Err(e) => log::warn!("Compliance counters at finalized block #{number}: {e}"),
			}
		}
		if last.as_ref() != Some(&label) {
			log::info!("📜 Filing at finalized block #{number}: {label}");
			last = Some(label);
		}
	}
}
