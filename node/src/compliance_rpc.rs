//! The `compliance_*` JSON-RPC methods: the chain's compliance state as plain JSON for
//! regulators, operators and monitoring, from any node, with no SCALE and no metadata needed.
//!
//! Every method reads the runtime's own view functions (the read surface clients find in
//! metadata), executed natively through `RuntimeViewFunction`, so the answers are exactly what
//! the CLI and the web console read. Records print through `compliance-render` as the CLI's
//! `--json` prints them: field names are the runtime types' own (snake_case), accounts are SS58
//! addresses, hashes hex, text UTF-8, enum variants by name.
//!
//! Each answer is an object carrying `at` (the block it was read at: the latest finalized one,
//! or the `at` block hash passed as the last parameter). A record that does not exist reads as
//! `null` in its field. Bad parameters are JSON-RPC errors naming the parameter, with the codes
//! below; nothing panics.

use std::{str::FromStr, sync::Arc};

use codec::{Decode, Encode};
use compliance_primitives::RejectCode;
use compliance_render::{render, to_hex};
use compliance_runtime::{opaque::Block, AccountId, BlockNumber, Hash, Runtime};
use frame_support::view_functions::{runtime_api::RuntimeViewFunction, ViewFunction};

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::INVALID_PARAMS_CODE, ErrorObjectOwned},
};
use pallet_filing::FilingState;
use pallet_moderation::{CaseId, ReportId, MAX_PAGE_LEN};
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;

/// The `at` block hash names no block this node has.
pub const UNKNOWN_BLOCK_CODE: i32 = 4001;
/// The runtime could not answer (the block's state was pruned, or the view function failed).
pub const RUNTIME_ERROR_CODE: i32 = 5001;

/// How many reports one page holds when the caller gives no limit.
pub const DEFAULT_PAGE_LEN: u32 = 50;

/// The compliance read methods, under the `compliance_` prefix.
#[rpc(server, namespace = "compliance")]
pub trait ComplianceApi {
	/// The filing: number, status (`NotFiled`, `FilingOverdue`, `Filed`, `ReviewDue`,
	/// `Cancelled`), the blocks it was registered, last changed and cancelled at, the filing
	/// deadline and next review due, the service status, the current platform convention and
	/// the whole record.
	#[method(name = "filingStatus")]
	fn filing_status(&self, at: Option<String>) -> RpcResult<Value>;

	/// Every earlier version of the filing record, oldest first.
	#[method(name = "filingHistory")]
	fn filing_history(&self, at: Option<String>) -> RpcResult<Value>;

	/// One account (SS58): whether it is verified, by which registrar, at which level and until
	/// when, its standing, the convention it acknowledged, the rejection a transaction it signs
	/// would get now (code, name and meaning; `null` when it would pass) and its latest case,
	/// which an appeal names.
	#[method(name = "accountStatus")]
	fn account_status(&self, account: String, at: Option<String>) -> RpcResult<Value>;

	/// One content hash (`0x` and 64 hex digits): author, kind, URI (empty while hidden),
	/// publication block, status and latest case; `content` is `null` for a hash never
	/// published nor moderated.
	#[method(name = "contentStatus")]
	fn content_status(&self, hash: String, at: Option<String>) -> RpcResult<Value>;

	/// One moderation case: subject, action, reason, actor, block, note hash, the report it
	/// resolved, the previous case and any appeal; `case` is `null` when there is no such case.
	#[method(name = "case")]
	fn case(&self, id: CaseId, at: Option<String>) -> RpcResult<Value>;

	/// One complaint report: reporter, target, category, evidence hash, filing block, deadline
	/// and state; `report` is `null` when there is no such report.
	#[method(name = "report")]
	fn report(&self, id: ReportId, at: Option<String>) -> RpcResult<Value>;

	/// A page of unresolved reports after report `start_after` (from the first if `null`), at
	/// most `limit` (default 50, at most 256). `next` is the `start_after` of the next page,
	/// `null` after the last.
	#[method(name = "openReports")]
	fn open_reports(
		&self,
		start_after: Option<ReportId>,
		limit: Option<u32>,
		at: Option<String>,
	) -> RpcResult<Value>;

	/// [`ComplianceApiServer::open_reports`] for the reports past their deadline.
	#[method(name = "overdueReports")]
	fn overdue_reports(
		&self,
		start_after: Option<ReportId>,
		limit: Option<u32>,
		at: Option<String>,
	) -> RpcResult<Value>;
}

/// The methods' implementation over a client of the chain.
pub struct Compliance<C> {
	client: Arc<C>,
}

impl<C> Compliance<C> {
	/// The methods, reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// A JSON-RPC error naming the parameter that is wrong.
fn invalid(parameter: &str, problem: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(INVALID_PARAMS_CODE, format!("{parameter}: {problem}"), None::<()>)
}

/// A JSON-RPC error for a runtime that could not answer.
fn runtime_error(what: &str, problem: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(RUNTIME_ERROR_CODE, format!("{what}: {problem}"), None::<()>)
}

/// `text` as a 32-byte hash, `0x`-prefixed or not.
fn parse_hash(parameter: &str, text: &str) -> RpcResult<Hash> {
	let digits = text.strip_prefix("0x").unwrap_or(text);
	if digits.len() != 64 {
		return Err(invalid(parameter, format!("expected 0x and 64 hex digits, got {text:?}")));
	}
	Hash::from_str(digits).map_err(|e| invalid(parameter, format!("not hex ({e}): {text:?}")))
}

/// The page length a caller asked for, checked against the runtime's bound.
fn page_len(limit: Option<u32>) -> RpcResult<u32> {
	match limit.unwrap_or(DEFAULT_PAGE_LEN) {
		0 => Err(invalid("limit", "must be at least 1")),
		n if n > MAX_PAGE_LEN => Err(invalid("limit", format!("at most {MAX_PAGE_LEN}, got {n}"))),
		n => Ok(n),
	}
}

impl<C> Compliance<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RuntimeViewFunction<Block>,
{
	/// The block to read at: `at` if the node has it, else the latest finalized block; with its
	/// number.
	fn block(&self, at: Option<String>) -> RpcResult<(Hash, BlockNumber)> {
		let hash = match at {
			Some(text) => parse_hash("at", &text)?,
			None => self.client.info().finalized_hash,
		};
		match self.client.number(hash) {
			Ok(Some(number)) => Ok((hash, number)),
			Ok(None) => Err(ErrorObjectOwned::owned(
				UNKNOWN_BLOCK_CODE,
				format!("at: this node has no block {}", to_hex(hash)),
				None::<()>,
			)),
			Err(e) => Err(runtime_error("at", e)),
		}
	}

	/// Executes the view function `function` at block `at` and decodes its answer.
	fn view<V>(&self, at: Hash, function: V) -> RpcResult<V::ReturnType>
	where
		V: ViewFunction + Encode,
		V::ReturnType: Decode,
	{
		crate::views::view(&*self.client, at, function)
			.map_err(|e| ErrorObjectOwned::owned(RUNTIME_ERROR_CODE, e, None::<()>))
	}

	/// One page of reports from the view function `page_of` makes for the checked page length,
	/// as `{ reports, next, at }`.
	fn report_page<V>(
		&self,
		at: Option<String>,
		limit: Option<u32>,
		page_of: impl FnOnce(u32) -> V,
	) -> RpcResult<Value>
	where
		V: ViewFunction<ReturnType = Vec<(ReportId, pallet_moderation::ReportOf<Runtime>)>>
			+ Encode,
	{
		let limit = page_len(limit)?;
		let block = self.block(at)?;
		let page = self.view(block.0, page_of(limit))?;
		let next = (page.len() == limit as usize).then(|| page.last().map(|(id, _)| *id)).flatten();
		let reports: Vec<Value> = page
			.iter()
			.map(|(id, report)| {
				let mut report = render(report).to_json();
				if let Value::Object(fields) = &mut report {
					fields.insert("id".into(), json!(id));
				}
				report
			})
			.collect();
		Ok(at_block(json!({ "reports": reports, "next": next }), block))
	}
}

/// `value` with the block it was read at.
fn at_block(mut value: Value, (hash, number): (Hash, BlockNumber)) -> Value {
	if let Value::Object(fields) = &mut value {
		fields.insert("at".into(), json!({ "hash": to_hex(hash), "number": number }));
	}
	value
}

impl<C> ComplianceApiServer for Compliance<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RuntimeViewFunction<Block>,
{
	fn filing_status(&self, at: Option<String>) -> RpcResult<Value> {
		let block = self.block(at)?;
		let crate::views::FilingSnapshot {
			record,
			status,
			filing_deadline: deadline,
			next_review_due: review,
			service,
			current_convention: convention,
		} = crate::views::filing_snapshot(&*self.client, block.0)
			.map_err(|e| ErrorObjectOwned::owned(RUNTIME_ERROR_CODE, e, None::<()>))?;
		let cancelled = record.as_ref().is_some_and(|r| r.status == FilingState::Cancelled);
		let changed_at =
			record.as_ref().filter(|r| r.version > 1 && !cancelled).map(|r| r.updated_at);
		Ok(at_block(
			json!({
				"number": record.as_ref().map(|r| String::from_utf8_lossy(&r.number).into_owned()),
				"status": render(&status).to_json(),
				"registered_at": record.as_ref().map(|r| r.filed_at),
				"changed_at": changed_at,
				"cancelled_at": record.as_ref().filter(|_| cancelled).map(|r| r.updated_at),
				"filing_deadline": deadline,
				"next_review_due": review,
				"service": render(&service).to_json(),
				"current_convention": convention,
				"record": render(&record).to_json(),
			}),
			block,
		))
	}

	fn filing_history(&self, at: Option<String>) -> RpcResult<Value> {
		let block = self.block(at)?;
		let history =
			self.view(block.0, pallet_filing::FilingHistoryViewFunction::<Runtime>::new())?;
		Ok(at_block(json!({ "history": render(&history).to_json() }), block))
	}

	fn account_status(&self, account: String, at: Option<String>) -> RpcResult<Value> {
		let who = AccountId::from_ss58check(&account)
			.map_err(|e| invalid("account", format!("not an SS58 address ({e:?}): {account:?}")))?;
		let block = self.block(at)?;
		let status = self.view(
			block.0,
			pallet_real_name::AccountStatusViewFunction::<Runtime>::new(who.clone()),
		)?;
		let latest_case =
			self.view(block.0, pallet_moderation::LatestCaseOfViewFunction::<Runtime>::new(who))?;
		let verification = status.record.as_ref().and_then(|r| r.verification.as_ref());
		let reject = status.reject.map(|code| match RejectCode::from_code(code) {
			Some(reject) => json!({
				"code": code,
				"name": reject.name(),
				"description": reject.description(),
			}),
			None => json!({ "code": code, "name": null, "description": null }),
		});
		Ok(at_block(
			json!({
				"account": account,
				"verified": status.verified,
				"registrar": verification.map(|v| v.registrar),
				"level": verification.map(|v| render(&v.level).to_json()),
				"verified_at": verification.map(|v| v.verified_at),
				"expires_at": verification.map(|v| v.expires_at),
				"commitment": verification.map(|v| to_hex(v.commitment)),
				"standing": render(&status.standing).to_json(),
				"warnings": status.record.as_ref().map_or(0, |r| r.warnings),
				"acknowledged_convention":
					status.record.as_ref().map_or(0, |r| r.acknowledged_convention),
				"reject": reject,
				"latest_case": latest_case,
			}),
			block,
		))
	}

	fn content_status(&self, hash: String, at: Option<String>) -> RpcResult<Value> {
		let content_hash = parse_hash("hash", &hash)?;
		let block = self.block(at)?;
		let content = self
			.view(block.0, pallet_moderation::ContentViewFunction::<Runtime>::new(content_hash))?;
		Ok(at_block(
			json!({ "hash": to_hex(content_hash), "content": render(&content).to_json() }),
			block,
		))
	}

	fn case(&self, id: CaseId, at: Option<String>) -> RpcResult<Value> {
		let block = self.block(at)?;
		let case = self.view(block.0, pallet_moderation::CaseViewFunction::<Runtime>::new(id))?;
		Ok(at_block(json!({ "id": id, "case": render(&case).to_json() }), block))
	}

	fn report(&self, id: ReportId, at: Option<String>) -> RpcResult<Value> {
		let block = self.block(at)?;
		let report =
			self.view(block.0, pallet_moderation::ReportInfoViewFunction::<Runtime>::new(id))?;
		Ok(at_block(json!({ "id": id, "report": render(&report).to_json() }), block))
	}

	fn open_reports(
		&self,
		start_after: Option<ReportId>,
		limit: Option<u32>,
		at: Option<String>,
	) -> RpcResult<Value> {
		self.report_page(at, limit, |limit| {
			pallet_moderation::OpenReportsViewFunction::<Runtime>::new(start_after, limit)
		})
	}

	fn overdue_reports(
		&self,
		start_after: Option<ReportId>,
		limit: Option<u32>,
		at: Option<String>,
	) -> RpcResult<Value> {
		self.report_page(at, limit, |limit| {
			pallet_moderation::OverdueReportsViewFunction::<Runtime>::new(start_after, limit)
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn hashes_and_page_lengths_are_checked_by_name() {
		assert!(parse_hash("hash", &format!("0x{}", "ab".repeat(32))).is_ok());
		assert!(parse_hash("hash", &"ab".repeat(32)).is_ok());
		let short = parse_hash("hash", "0x1234").unwrap_err();
		assert_eq!(short.code(), INVALID_PARAMS_CODE);
		assert!(short.message().starts_with("hash: expected 0x and 64 hex digits"), "{short:?}");
		let not_hex = parse_hash("at", &format!("0x{}", "zz".repeat(32))).unwrap_err();
		assert!(not_hex.message().starts_with("at: not hex"), "{not_hex:?}");

		assert_eq!(page_len(None).unwrap(), DEFAULT_PAGE_LEN);
		assert_eq!(page_len(Some(MAX_PAGE_LEN)).unwrap(), MAX_PAGE_LEN);
		assert!(page_len(Some(MAX_PAGE_LEN + 1))
			.unwrap_err()
			.message()
			.starts_with("limit: at most"));
		assert!(page_len(Some(0)).is_err());
	}
}
