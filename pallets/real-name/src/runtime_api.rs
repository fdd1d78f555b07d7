//! The runtime API through which nodes, clients and regulators read verification and standing
//! (R9).

use crate::types::{AccountStatus, RegistrarSummary, ServiceStatus};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Reads the real-name state of accounts and registrars.
	pub trait RealNameApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Verification, standing, stored record and the rejection code an ordinary call
		/// signed by `who` would get now.
		fn account_status(who: AccountId) -> AccountStatus<BlockNumber>;
		/// Every registrar that exists, in id order.
		fn registrars() -> Vec<RegistrarSummary<AccountId>>;
		/// Whether the service is suspended, the current convention version and the number of
		/// registrars.
		fn service_status() -> ServiceStatus;
	}
}
