//! The label every node shows (R5): the chain's regulatory filing number, the filing's status
//! and the service's, logged at start-up and again at each finalized block that changes any of
//! them (registered, changed, cancelled, review due, service suspended or resumed); and the
//! compliance gauges ([`crate::metrics`]), set at every finalized block. Read from the runtime's
//! view functions, so they follow the chain, not the node's configuration.

use crate::{
	metrics::{ComplianceMetrics, Reading},
	service::FullClient,
	views::view,
};
use compliance_runtime::{Hash, Runtime};
use futures::StreamExt;
use pallet_filing::{
	CurrentConventionViewFunction, FilingDeadlineViewFunction, FilingStatusView,
	FilingStatusViewFunction, FilingViewFunction, NextReviewDueViewFunction, ServiceStatus,
	ServiceStatusViewFunction,
};
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

/// The label at block `at`.
fn label_at(client: &FullClient, at: Hash) -> Result<Label, String> {
	let record = view(client, at, FilingViewFunction::<Runtime>::new())?;
	let status = view(client, at, FilingStatusViewFunction::<Runtime>::new())?;
	let service = view(client, at, ServiceStatusViewFunction::<Runtime>::new())?;
	Ok(Label {
		number: record.as_ref().map(|r| String::from_utf8_lossy(&r.number).into_owned()),
		version: record.as_ref().map(|r| r.version),
		status,
		suspended: matches!(service, ServiceStatus::Suspended { .. }),
	})
}

/// Logs the label at the best block, at start-up.
pub fn log_at_startup(client: &FullClient) {
	match label_at(client, client.info().best_hash) {
		Ok(label) => log::info!("📜 Filing number: {label}"),
		Err(e) => log::warn!("📜 Filing number: unavailable ({e})"),
	}
}

/// The gauges' values at block `at`, numbered `block`, for the label read there.
fn reading_at(client: &FullClient, at: Hash, block: u32, label: &Label) -> Result<Reading, String> {
	Ok(Reading {
		block,
		status: label.status,
		filing_deadline: view(client, at, FilingDeadlineViewFunction::<Runtime>::new())?,
		next_review_due: view(client, at, NextReviewDueViewFunction::<Runtime>::new())?,
		service_suspended: label.suspended,
		current_convention: view(client, at, CurrentConventionViewFunction::<Runtime>::new())?,
		filing_version: label.version.unwrap_or(0),
	})
}

/// Follows finalized blocks: logs the label again whenever it changes, and sets the gauges
/// (when the node serves metrics) at each one.
pub async fn follow(client: Arc<FullClient>, metrics: Option<ComplianceMetrics>) {
	let mut last = label_at(&client, client.info().finalized_hash).ok();
	let mut finalized = client.finality_notification_stream();
	while let Some(notification) = finalized.next().await {
		let number = *sp_runtime::traits::Header::number(&notification.header);
		let label = match label_at(&client, notification.hash) {
			Ok(label) => label,
			Err(e) => {
				log::warn!("📜 Filing at finalized block #{number}: unavailable ({e})");
				continue;
			},
		};
		if let Some(metrics) = &metrics {
			match reading_at(&client, notification.hash, number, &label) {
				Ok(reading) => metrics.update(&reading),
				Err(e) => log::warn!("compliance metrics at block #{number}: unavailable ({e})"),
			}
		}
		if last.as_ref() != Some(&label) {
			log::info!("📜 Filing at finalized block #{number}: {label}");
			last = Some(label);
		}
	}
}
