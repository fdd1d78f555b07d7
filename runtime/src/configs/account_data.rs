//! What `System::Account` keeps for each account: its balance and its real-name summary, in one
//! entry.
//!
//! Every signed transaction reads its signer's entry (`CheckNonce`, the fee payment) and a
//! transfer reads its destination's, so a summary kept there reaches the real-name check
//! without a database read of its own. Balances and real-name each see their part through a
//! `StoredMap` adapter and never see the other's.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::StoredMap;
use scale_info::TypeInfo;
use sp_runtime::DispatchError;

use super::super::{AccountId, Balance, BlockNumber, Runtime};

/// The real-name summary as kept in [`AccountData`].
pub type ComplianceSummary = pallet_real_name::AccountSummary<BlockNumber>;

/// The balance as pallet-balances keeps it.
pub type BalanceData = pallet_balances::AccountData<Balance>;

/// The data of one `System::Account` entry: pallet-balances' fields, field for field and in
/// its order (so wallets and explorers that read `data.free` keep working), then the
/// real-name summary.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	Default,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct AccountData {
	/// The balance the holder may use (pallet-balances' `free`).
	pub free: Balance,
	/// The balance under holds (pallet-balances' `reserved`).
	pub reserved: Balance,
	/// The amount `free + reserved` may not drop below (pallet-balances' `frozen`).
	pub frozen: Balance,
	/// pallet-balances' flags.
	pub flags: pallet_balances::ExtraFlags,
	/// What the real-name check reads about the account.
	pub compliance: ComplianceSummary,
}

impl AccountData {
	/// The balance part.
	pub fn balance(&self) -> BalanceData {
		BalanceData {
			free: self.free,
			reserved: self.reserved,
			frozen: self.frozen,
			flags: self.flags.clone(),
		}
	}

	/// Replaces the balance part.
	fn set_balance(&mut self, balance: BalanceData) {
		self.free = balance.free;
		self.reserved = balance.reserved;
		self.frozen = balance.frozen;
		self.flags = balance.flags;
	}

	/// The real-name summary.
	pub fn compliance(&self) -> ComplianceSummary {
		self.compliance
	}

	/// Replaces the real-name summary.
	fn set_compliance(&mut self, summary: ComplianceSummary) {
		self.compliance = summary;
	}
}

/// Changes one part of the entry of `who` the way frame-system's own `StoredMap` changes the
/// whole data: `f` sees `None` when the part is at its default, and the entry is written only
/// while the account has a provider or sufficient reference (else removed), so a part never
/// creates an account by itself. The other part is left as it is.
fn try_mutate_part<Part: PartialEq + Default, R, E: From<DispatchError>>(
	who: &AccountId,
	get: fn(&AccountData) -> Part,
	set: fn(&mut AccountData, Part),
	f: impl FnOnce(&mut Option<Part>) -> Result<R, E>,
) -> Result<R, E> {
	let part = get(&frame_system::Account::<Runtime>::get(who).data);
	let mut maybe_part = (part != Part::default()).then_some(part);
	let result = f(&mut maybe_part)?;
	// Read again: `f` may have changed the reference counts (balances does).
	let mut account = frame_system::Account::<Runtime>::get(who);
	if account.providers > 0 || account.sufficients > 0 {
		set(&mut account.data, maybe_part.unwrap_or_default());
		frame_system::Account::<Runtime>::insert(who, account);
	} else {
		frame_system::Account::<Runtime>::remove(who);
	}
	Ok(result)
}

/// The balance part of `System::Account`: pallet-balances' account store.
pub struct BalanceStore;

impl StoredMap<AccountId, BalanceData> for BalanceStore {
	fn get(who: &AccountId) -> BalanceData {
		frame_system::Account::<Runtime>::get(who).data.balance()
	}

	fn try_mutate_exists<R, E: From<DispatchError>>(
		who: &AccountId,
		f: impl FnOnce(&mut Option<BalanceData>) -> Result<R, E>,
	) -> Result<R, E> {
		try_mutate_part(who, AccountData::balance, AccountData::set_balance, f)
	}
}

/// The real-name summary part of `System::Account`: pallet-real-name's summary store. The
/// pallet holds a provider reference on every account it has a record of, so its summary is
/// always written.
pub struct ComplianceSummaryStore;

impl StoredMap<AccountId, ComplianceSummary> for ComplianceSummaryStore {
	fn get(who: &AccountId) -> ComplianceSummary {
		frame_system::Account::<Runtime>::get(who).data.compliance()
	}

	fn try_mutate_exists<R, E: From<DispatchError>>(
		who: &AccountId,
		f: impl FnOnce(&mut Option<ComplianceSummary>) -> Result<R, E>,
	) -> Result<R, E> {
		try_mutate_part(who, AccountData::compliance, AccountData::set_compliance, f)
	}
}
