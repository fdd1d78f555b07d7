//! The pallets whose benchmarks `compliance-node benchmark pallet` runs.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_real_name, RealName]
	[pallet_moderation, Moderation]
	[pallet_filing, Filing]
	[pallet_validator_set, ValidatorSet]
	[pallet_node_authorization, NodeAuthorizationBench::<Runtime>]
);
