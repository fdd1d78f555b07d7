//! The runtime API through which the node reads verification and standing (R9). Clients read the
//! same answers from the pallet's view functions (see [`crate::Pallet`]).

use crate::types::{AccountStatus, RegistrarSummary, ServiceStatus};
use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Reads the real-name state of accounts and registrars.
	///
	/// Clients should call the pallet's view functions of the same names instead
	/// (`RealName.account_status` ...): the metadata describes them and their types, so a client
	/// finds them there and needs no type parameters of this trait spelled out. This API stays
	/// for the node, which calls runtime APIs through their Rust trait.
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
