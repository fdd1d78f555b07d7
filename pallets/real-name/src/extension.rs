//! The real-name check: a transaction extension that refuses transactions of accounts that are
//! not allowed to transact (R1, R3, R4, R7).
//!
//! It runs in `validate`, which both the transaction pool and block execution call, so a
//! refused transaction never enters the pool and never reaches a block. It writes nothing and
//! reads `ComplianceState` (cached for the block) and the signer's summary, plus the
//! destination's for a call that sends value; the runtime keeps summaries in `System::Account`,
//! which the transaction reads anyway.

use crate::{Config, Pallet, RuntimeCallOf};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{pallet_prelude::TransactionSource, traits::OriginTrait, weights::Weight};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
	transaction_validity::{InvalidTransaction, ValidTransaction},
};

/// Refuses a signed transaction unless its signer may make the call: the service is not
/// suspended (or the call is exempt), the signer holds a valid verification, no disposal
/// measure forbids the call, the signer acknowledged the current platform convention (or the
/// call is exempt), and a value transfer goes to a verified account.
///
/// Refusals are `InvalidTransaction::Custom(code)` with a
/// [`compliance_primitives::RejectCode`]. Transactions without a signer (unsigned, inherents,
/// general transactions whose origin no earlier extension authorized) pass untouched.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckRealName<T>(PhantomData<T>);

impl<T> CheckRealName<T> {
	/// The extension (it carries no data).
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> Default for CheckRealName<T> {
	fn default() -> Self {
		Self::new()
	}
}

impl<T> core::fmt::Debug for CheckRealName<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckRealName")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<RuntimeCallOf<T>> for CheckRealName<T> {
	const IDENTIFIER: &'static str = "CheckRealName";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, _call: &RuntimeCallOf<T>) -> Weight {
		<T::WeightInfo as crate::WeightInfo>::check_real_name()
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &RuntimeCallOf<T>,
		_info: &DispatchInfoOf<RuntimeCallOf<T>>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCallOf<T>> {
		if let Some(who) = origin.as_signer() {
			Pallet::<T>::check(who, call).map_err(InvalidTransaction::from)?;
		}
		Ok((ValidTransaction::default(), (), origin))
	}

	impl_tx_ext_default!(RuntimeCallOf<T>; prepare);
}
