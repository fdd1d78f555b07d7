//! The development chain produces and finalizes blocks, and a metadata-driven client decodes it.

use compliance_tests::TestNode;
use std::time::Duration;

/// Blocks are authored every 6 s; two finalized blocks need well under this.
const FINALITY_TIMEOUT: Duration = Duration::from_secs(120);

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_produces_and_finalizes_blocks() {
	let mut node = TestNode::spawn(&["--dev"]);
	let client = node.client().await;

	// The client built itself from the node's metadata; it knows our pallets and runtime.
	let at = client.at_current_block().await.expect("the current block can be read");
	for pallet in ["System", "Balances", "Consortium", "RegulatorsCollective", "NodeAuthorization"]
	{
		assert!(at.metadata_ref().pallet_by_name(pallet).is_some(), "metadata lacks {pallet}");
	}
	// No single key: the runtime has no Sudo.
	assert!(at.metadata_ref().pallet_by_name("Sudo").is_none(), "metadata has Sudo");

	let mut finalized = client.stream_blocks().await.expect("finalized blocks can be streamed");
	let reached = tokio::time::timeout(FINALITY_TIMEOUT, async {
		while let Some(block) = finalized.next().await {
			let block = block.expect("a finalized block decodes");
			// Every extrinsic and event of every block decodes from metadata alone.
			let at = block.at().await.expect("a finalized block can be opened");
			let extrinsics = at.extrinsics().fetch().await.expect("its extrinsics can be fetched");
			for extrinsic in extrinsics.iter() {
				let extrinsic = extrinsic.expect("an extrinsic decodes");
				extrinsic
					.decode_call_data_fields_unchecked_as::<subxt::dynamic::Value>()
					.expect("call data decodes");
				for event in extrinsic.events().await.expect("events can be fetched").iter() {
					event
						.expect("an event decodes")
						.decode_fields_unchecked_as::<subxt::dynamic::Value>()
						.expect("event fields decode");
				}
			}
			if block.number() >= 2 {
				return block.number();
			}
		}
		0
	})
	.await
	.unwrap_or_else(|_| panic!("fewer than 2 blocks finalized in time; log:\n{}", node.log()));
	assert!(reached >= 2);
}

/// The typed client (`compliance-client`), generated from the metadata file the repository
/// keeps, matches what the node serves: a statically typed call goes through and its events
/// decode into their generated types; a refusal and a failure come back named.
#[tokio::test(flavor = "multi_thread")]
async fn the_typed_client_speaks_the_nodes_runtime() {
	use compliance_client::{api, keys, view_function, Client, TxError};
	use compliance_primitives::RejectCode;
	use subxt::utils::MultiAddress;

	let mut node = TestNode::spawn(&["--dev"]);
	node.client().await;
	let client = Client::connect(&node.ws_url()).await.expect("the node answers");
	let (alice, bob) = (keys::dev::alice(), keys::dev::bob());
	let amount = 1_000_000_000;

	// A static payload carries the hash of its call's shape in the committed metadata; subxt
	// refuses it if the node's runtime differs.
	let transfer = api::transactions()
		.balances()
		.transfer_keep_alive(MultiAddress::Id(keys::account_of(&bob)), amount);
	let included = client.submit(&transfer, &alice).await.expect("a verified account transfers");
	let event = included
		.events
		.find_first::<api::balances::events::Transfer>()
		.expect("the transfer emitted Balances.Transfer")
		.expect("the event decodes into its generated type");
	assert_eq!(
		(event.from, event.to, event.amount),
		(keys::account_of(&alice), keys::account_of(&bob), amount)
	);

	// A refusal by the real-name check comes back with its rejection code.
	let stranger = keys::from_suri("//NeverVerified").expect("a dev URI makes a key");
	let refused = client.submit(&transfer, &stranger).await.err().expect("the pool refuses it");
	assert_eq!(refused.rejection(), Some(RejectCode::NotVerified), "{refused}");

	// The view functions answer with the generated types, with and without arguments.
	let at = client.at_finalized().await.expect("the node has a finalized block");
	let views = api::view_functions();
	let status_of = |who| views.real_name().account_status(keys::account_of(who));
	let alice_status = view_function(&at, status_of(&alice)).await.expect("Alice's status");
	assert!(alice_status.verified && alice_status.reject.is_none(), "{alice_status:?}");
	let stranger_status = view_function(&at, status_of(&stranger)).await.expect("its status");
	assert!(!stranger_status.verified, "{stranger_status:?}");
	assert_eq!(stranger_status.reject, Some(RejectCode::NotVerified.code()));
	let filing = view_function(&at, views.filing().filing()).await.expect("the filing record");
	assert_eq!(
		filing
			.map(|record| String::from_utf8(record.number.0).expect("UTF-8"))
			.as_deref(),
		Some("京网信备11010819339401号")
	);
	let registrars = view_function(&at, views.real_name().registrars()).await.expect("registrars");
	assert_eq!(registrars.len(), 1, "{registrars:?}");

	// A dispatch failure comes back named from metadata.
	let set_code = api::transactions().system().set_code(vec![0; 8]);
	match client.submit(&set_code, &alice).await {
		Err(TxError::Failed(failure)) => assert_eq!(failure.name, "System.CallFiltered"),
		other => panic!("set_code: expected System.CallFiltered, got {:?}", other.err()),
	}
}
