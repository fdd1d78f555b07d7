//! The runtime's view functions, executed natively by the node through the
//! `RuntimeViewFunction` runtime API: the same read surface clients find in metadata, typed here
//! by the pallets' own `*ViewFunction` structs, so the node needs no runtime API of its own to
//! read the chain's compliance state.

use codec::{Decode, Encode};
use compliance_runtime::{opaque::Block, Hash};
use frame_support::view_functions::{runtime_api::RuntimeViewFunction, ViewFunction};
use sp_api::ProvideRuntimeApi;

/// Executes `function` at block `at` and decodes its answer. The error names the function and
/// what failed: the runtime call (a pruned state, an unknown block) or the function itself.
pub fn view<C, V>(client: &C, at: Hash, function: V) -> Result<V::ReturnType, String>
where
	C: ProvideRuntimeApi<Block>,
	C::Api: RuntimeViewFunction<Block>,
	V: ViewFunction + Encode,
	V::ReturnType: Decode,
{
	// `pallet_filing::pallet::FilingStatusViewFunction<Runtime>` reads as `FilingStatus`.
	let name = std::any::type_name::<V>();
	let name = name.split('<').next().unwrap_or(name);
	let name = name.rsplit("::").next().unwrap_or(name).trim_end_matches("ViewFunction");
	let output = client
		.runtime_api()
		.execute_view_function(at, V::id(), function.encode())
		.map_err(|e| format!("{name}: {e}"))?
		.map_err(|e| format!("{name}: the runtime could not execute it ({e:?})"))?;
	V::ReturnType::decode(&mut &output[..]).map_err(|e| format!("{name}: undecodable answer ({e})"))
}

/// The filing's state at one block: what the node's label, its gauges and `compliance_filingStatus`
/// show, read once for all of them.
pub struct FilingSnapshot {
	/// The filing record, `None` before a filing is registered.
	pub record: Option<pallet_filing::FilingRecordOf<compliance_runtime::Runtime>>,
	/// The filing status.
	pub status: pallet_filing::FilingStatusView,
	/// The block by which the service must be filed, while it is not.
	pub filing_deadline: Option<compliance_runtime::BlockNumber>,
	/// The block at which the next periodic review is due, while filed.
	pub next_review_due: Option<compliance_runtime::BlockNumber>,
	/// Whether and why the regulator suspended the service.
	pub service: pallet_filing::ServiceStatus<compliance_runtime::BlockNumber>,
	/// The platform convention version in force.
	pub current_convention: u32,
}

/// The filing's state at block `at`.
pub fn filing_snapshot<C>(client: &C, at: Hash) -> Result<FilingSnapshot, String>
where
	C: ProvideRuntimeApi<Block>,
	C::Api: RuntimeViewFunction<Block>,
{
	use compliance_runtime::Runtime;
	use pallet_filing as filing;
	Ok(FilingSnapshot {
		record: view(client, at, filing::FilingViewFunction::<Runtime>::new())?,
		status: view(client, at, filing::FilingStatusViewFunction::<Runtime>::new())?,
		filing_deadline: view(client, at, filing::FilingDeadlineViewFunction::<Runtime>::new())?,
		next_review_due: view(client, at, filing::NextReviewDueViewFunction::<Runtime>::new())?,
		service: view(client, at, filing::ServiceStatusViewFunction::<Runtime>::new())?,
		current_convention: view(
			client,
			at,
			filing::CurrentConventionViewFunction::<Runtime>::new(),
		)?,
	})
}

/// The chain's compliance counters at block `at`: unresolved and overdue reports, and accounts
/// holding a verification. Each is one stored counter, not a walk over the records.
pub fn counts<C>(client: &C, at: Hash) -> Result<(pallet_moderation::ReportCounts, u32), String>
where
	C: ProvideRuntimeApi<Block>,
	C::Api: RuntimeViewFunction<Block>,
{
	use compliance_runtime::Runtime;
	Ok((
		view(client, at, pallet_moderation::ReportCountsViewFunction::<Runtime>::new())?,
		view(client, at, pallet_real_name::VerifiedAccountsViewFunction::<Runtime>::new())?,
	))
}
