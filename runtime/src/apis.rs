//! The runtime APIs the node, the transaction pool, wallets and tools call.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Block, BlockNumber, Executive, Filing, Grandpa, Hash,
	InherentDataExt, Moderation, Nonce, RealName, Runtime, RuntimeCall, RuntimeGenesisConfig,
	SessionKeys, System, TransactionPayment, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(id: frame_support::view_functions::ViewFunctionId, input: Vec<u8>) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(
			encoded: Vec<u8>,
		) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// NOTE: this is the only implementation possible since we've
			// defined our key owner proof type as a bottom type (i.e. a type
			// with no values).
			None
		}
	}

	impl pallet_real_name::runtime_api::RealNameApi<Block, AccountId, BlockNumber> for Runtime {
		fn account_status(who: AccountId) -> pallet_real_name::AccountStatus<BlockNumber> {
			RealName::account_status(who)
		}

		fn registrars() -> Vec<pallet_real_name::RegistrarSummary<AccountId>> {
			RealName::registrars()
		}

		fn service_status() -> pallet_real_name::ServiceStatus {
			RealName::service_status()
		}
	}

	impl pallet_moderation::runtime_api::ModerationApi<Block, AccountId, BlockNumber> for Runtime {
		fn content(
			hash: compliance_primitives::ContentHash,
		) -> Option<pallet_moderation::ContentView<AccountId, BlockNumber>> {
			Moderation::content(hash)
		}

		fn report(
			report_id: pallet_moderation::ReportId,
		) -> Option<pallet_moderation::Report<AccountId, BlockNumber>> {
			Moderation::report_info(report_id)
		}

		fn case(
			case_id: pallet_moderation::CaseId,
		) -> Option<pallet_moderation::Case<AccountId, BlockNumber>> {
			Moderation::case(case_id)
		}

		fn open_reports(
			start_after: Option<pallet_moderation::ReportId>,
			limit: u32,
		) -> Vec<(pallet_moderation::ReportId, pallet_moderation::Report<AccountId, BlockNumber>)> {
			Moderation::open_reports(start_after, limit)
		}

		fn overdue_reports(
			start_after: Option<pallet_moderation::ReportId>,
			limit: u32,
		) -> Vec<(pallet_moderation::ReportId, pallet_moderation::Report<AccountId, BlockNumber>)> {
			Moderation::overdue_reports(start_after, limit)
		}
	}

	impl pallet_filing::runtime_api::FilingApi<
		Block,
		BlockNumber,
		Hash,
		pallet_filing::FilingRecordOf<Runtime>,
		pallet_filing::RulesDocumentOf<Runtime>,
		pallet_filing::AssessmentOf<Runtime>,
	> for Runtime {
		fn filing() -> Option<pallet_filing::FilingRecordOf<Runtime>> {
			Filing::filing()
		}

		fn filing_status() -> pallet_filing::FilingStatusView {
			Filing::filing_status()
		}

		fn filing_deadline() -> Option<BlockNumber> {
			Filing::filing_deadline()
		}

		fn next_review_due() -> Option<BlockNumber> {
			Filing::next_review_due()
		}

		fn filing_history() -> Vec<pallet_filing::FilingRecordOf<Runtime>> {
			Filing::filing_history()
		}

		fn filing_label() -> Vec<u8> {
			Filing::filing_label()
		}

		fn rules(kind: pallet_filing::RulesKind) -> Option<pallet_filing::RulesDocumentOf<Runtime>> {
			Filing::rules(kind)
		}

		fn rules_history(kind: pallet_filing::RulesKind) -> Vec<pallet_filing::RulesDocumentOf<Runtime>> {
			Filing::rules_history(kind)
		}

		fn current_convention() -> compliance_primitives::ConventionVersion {
			Filing::current_convention()
		}

		fn assessment(code_hash: Hash) -> Option<pallet_filing::AssessmentOf<Runtime>> {
			Filing::assessment(code_hash)
		}

		fn service_status() -> pallet_filing::ServiceStatus<BlockNumber> {
			Filing::service_status()
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::{baseline, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use pallet_node_authorization_benchmarking::Pallet as NodeAuthorizationBench;
			use baseline::Pallet as BaselineBench;
			use super::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();

			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline, BenchmarkBatch};
			use sp_storage::TrackedStorageKey;
			use frame_system_benchmarking::Pallet as SystemBench;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use pallet_node_authorization_benchmarking::Pallet as NodeAuthorizationBench;
			use baseline::Pallet as BaselineBench;
			use super::*;

			impl frame_system_benchmarking::Config for Runtime {
				/// The upgrade gate lets only assessed code in: `set_code` is measured for code
				/// with an approved assessment, the path a real upgrade takes.
				fn setup_set_code_requirements(
					code: &Vec<u8>,
				) -> Result<(), frame_benchmarking::BenchmarkError> {
					use sp_runtime::traits::Hash as _;
					let hash = <Runtime as frame_system::Config>::Hashing::hash(code);
					pallet_filing::Assessments::<Runtime>::insert(
						hash,
						pallet_filing::Assessment {
							report_hash: compliance_primitives::ContentHash::repeat_byte(1),
							verdict: pallet_filing::Verdict::Approved,
							assessed_at: 0,
							assessor: None,
						},
					);
					Ok(())
				}

				/// The gate emits `AssessedUpgradeApplied` after frame-system's `CodeUpdated`.
				fn verify_set_code() {
					use sp_runtime::traits::Hash as _;
					let code = <Runtime as frame_system_benchmarking::Config>::prepare_set_code_data();
					let hash = <Runtime as frame_system::Config>::Hashing::hash(&code);
					let updated: RuntimeEvent = frame_system::Event::CodeUpdated { hash }.into();
					assert!(
						System::events().iter().any(|record| record.event == updated),
						"the code was not updated"
					);
				}
			}
			impl baseline::Config for Runtime {}
			impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

			use frame_support::traits::WhitelistedStorageKeys;
			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();

			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);

			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// NOTE: intentional unwrap: we don't want to propagate the error backwards, and want to
			// have a backtrace here. If any of the pre/post migration checks fail, we shall stop
			// right here and right now.
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, super::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect
		) -> Weight {
			// NOTE: intentional unwrap: we don't want to propagate the error backwards, and want to
			// have a backtrace here.
			Executive::try_execute_block(block, state_root_check, signature_check, select).expect("execute-block failed")
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
