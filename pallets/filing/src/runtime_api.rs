//! The runtime API through which the node reads the filing pallet (R5, R9), e.g. for its
//! start-up label.
//!
//! The runtime implements it by calling the same-named view functions on [`crate::Pallet`]. The
//! record types are parameters so that a caller decodes them with the runtime's bounds, e.g.
//! `FilingApi<Block, BlockNumber, Hash, FilingRecordOf<Runtime>, RulesDocumentOf<Runtime>,
//! AssessmentOf<Runtime>>`. Clients call the view functions instead, which need none of that.

use crate::{FilingStatusView, RulesKind, ServiceStatus};
use alloc::vec::Vec;
use codec::Codec;
use compliance_primitives::ConventionVersion;

sp_api::decl_runtime_apis! {
	/// Read access to the filing record, rules documents, security assessments and service
	/// status.
	///
	/// Clients should call the pallet's view functions of the same names instead
	/// (`Filing.filing_status` ...): the metadata describes them and their types, so a client
	/// finds them there and needs none of this trait's five type parameters spelled out. This
	/// API stays for the node, which calls runtime APIs through their Rust trait.
	pub trait FilingApi<BlockNumber, Hash, FilingRecord, RulesDocument, Assessment>
	where
		BlockNumber: Codec,
		Hash: Codec,
		FilingRecord: Codec,
		RulesDocument: Codec,
		Assessment: Codec,
	{
		/// The filing record, if registered.
		fn filing() -> Option<FilingRecord>;
		/// The filing status at the current block.
		fn filing_status() -> FilingStatusView;
		/// The first block at which an unregistered filing is overdue, when the service start
		/// is known; `None` once a filing is registered.
		fn filing_deadline() -> Option<BlockNumber>;
		/// The block at which the next periodic review is due, while the filing is in force.
		fn next_review_due() -> Option<BlockNumber>;
		/// Previous versions of the filing record, oldest first.
		fn filing_history() -> Vec<FilingRecord>;
		/// The filing number to label the service with (UTF-8), or empty without a filing in
		/// force.
		fn filing_label() -> Vec<u8>;
		/// The current version of a rules document.
		fn rules(kind: RulesKind) -> Option<RulesDocument>;
		/// Previous versions of a rules document, oldest first.
		fn rules_history(kind: RulesKind) -> Vec<RulesDocument>;
		/// The current platform convention version (0 when none).
		fn current_convention() -> ConventionVersion;
		/// The security assessment of a runtime code hash.
		fn assessment(code_hash: Hash) -> Option<Assessment>;
		/// Whether the service is running or suspended by the regulator.
		fn service_status() -> ServiceStatus<BlockNumber>;
	}
}
