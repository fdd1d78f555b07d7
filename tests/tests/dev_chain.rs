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
