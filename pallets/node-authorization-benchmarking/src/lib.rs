//! Benchmarks of `pallet_node_authorization`'s calls, which the SDK ships with placeholder
//! weights only. The runtime implements [`Config`] and lists [`Pallet`] under the name
//! `pallet_node_authorization`, so `benchmark pallet --pallet pallet_node_authorization` measures
//! them and writes a `WeightInfo` for the SDK pallet.
//!
//! Every call is measured in its most expensive state: the peer ids as long as the pallet
//! accepts, the set of well-known nodes as full as the call allows, each node owned and with
//! additional connections. The user calls (`claim_node` to `remove_connections`) are refused by
//! the runtime before dispatch; they are measured all the same, so that no call of the pallet
//! carries a made-up weight.

#![cfg_attr(not(feature = "std"), no_std)]
#![cfg(feature = "runtime-benchmarks")]

extern crate alloc;

#[cfg(test)]
mod mock;

use alloc::{collections::btree_set::BTreeSet, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use pallet_node_authorization::{
	AdditionalConnections, Owners, Pallet as NodeAuthorization, WellKnownNodes,
};
use sp_core::OpaquePeerId as PeerId;
use sp_runtime::traits::StaticLookup;

/// The benchmarks' pallet: a wrapper, since the benchmarks live outside the pallet they measure.
pub struct Pallet<T: Config>(NodeAuthorization<T>);

/// The runtime whose node authorization is benchmarked. Nothing to configure beyond the pallet's
/// own `Config`: the admin origins come from their `try_successful_origin`.
pub trait Config: pallet_node_authorization::Config {}

/// A peer id of the greatest length the pallet accepts (one byte short of `MaxPeerIdLength`),
/// distinct for each `seed`.
fn peer<T: Config>(seed: u32) -> PeerId {
	let len = (T::MaxPeerIdLength::get() as usize).saturating_sub(1).max(4);
	let mut bytes = vec![0xA5; len];
	bytes[len - 4..].copy_from_slice(&seed.to_be_bytes());
	PeerId(bytes)
}

/// `count` peer ids starting from `first`.
fn peers<T: Config>(first: u32, count: u32) -> Vec<PeerId> {
	(first..first + count).map(peer::<T>).collect()
}

/// The most well-known nodes the pallet keeps.
fn max_nodes<T: Config>() -> u32 {
	T::MaxWellKnownNodes::get()
}

/// Peer ids no well-known node uses, for additional connections.
const CONNECTION_SEEDS: u32 = 1 << 24;

/// Fills the set of well-known nodes with `count` nodes, each owned by `owner` and allowing a
/// full set of additional connections, and returns them.
fn seed_well_known_nodes<T: Config>(count: u32, owner: &T::AccountId) -> Vec<PeerId> {
	let nodes = peers::<T>(0, count);
	let connections: BTreeSet<PeerId> =
		peers::<T>(CONNECTION_SEEDS, max_nodes::<T>()).into_iter().collect();
	WellKnownNodes::<T>::put(nodes.iter().cloned().collect::<BTreeSet<_>>());
	for node in &nodes {
		Owners::<T>::insert(node, owner);
		AdditionalConnections::<T>::insert(node, &connections);
	}
	nodes
}

/// A node `owner` claimed, outside the well-known set, with a full set of connections; the
/// well-known set is full, since `remove_claim` reads it.
fn seed_claimed_node<T: Config>(owner: &T::AccountId) -> PeerId {
	seed_well_known_nodes::<T>(max_nodes::<T>(), &account("operator", 0, 0));
	let node = peer::<T>(u32::MAX);
	let connections: BTreeSet<PeerId> =
		peers::<T>(CONNECTION_SEEDS, max_nodes::<T>()).into_iter().collect();
	Owners::<T>::insert(&node, owner);
	AdditionalConnections::<T>::insert(&node, connections);
	node
}

/// An admin origin, or `Weightless` where the runtime has none that succeeds.
fn admin<O: EnsureOrigin<Origin>, Origin>() -> Result<Origin, BenchmarkError> {
	O::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_well_known_node() -> Result<(), BenchmarkError> {
		let operator: T::AccountId = account("operator", 0, 0);
		seed_well_known_nodes::<T>(max_nodes::<T>() - 1, &operator);
		let node = peer::<T>(u32::MAX);
		let origin = admin::<T::AddOrigin, _>()?;
		let owner = T::Lookup::unlookup(operator.clone());

		#[block]
		{
			NodeAuthorization::<T>::add_well_known_node(origin, node.clone(), owner)?;
		}

		assert_eq!(WellKnownNodes::<T>::get().len() as u32, max_nodes::<T>());
		assert_eq!(Owners::<T>::get(&node), Some(operator));
		Ok(())
	}

	#[benchmark]
	fn remove_well_known_node() -> Result<(), BenchmarkError> {
		let nodes = seed_well_known_nodes::<T>(max_nodes::<T>(), &account("operator", 0, 0));
		let origin = admin::<T::RemoveOrigin, _>()?;

		#[block]
		{
			NodeAuthorization::<T>::remove_well_known_node(origin, nodes[0].clone())?;
		}

		assert!(!WellKnownNodes::<T>::get().contains(&nodes[0]));
		assert!(!Owners::<T>::contains_key(&nodes[0]));
		Ok(())
	}

	#[benchmark]
	fn swap_well_known_node() -> Result<(), BenchmarkError> {
		let nodes = seed_well_known_nodes::<T>(max_nodes::<T>(), &account("operator", 0, 0));
		let replacement = peer::<T>(u32::MAX);
		let origin = admin::<T::SwapOrigin, _>()?;

		#[block]
		{
			NodeAuthorization::<T>::swap_well_known_node(
				origin,
				nodes[0].clone(),
				replacement.clone(),
			)?;
		}

		let well_known = WellKnownNodes::<T>::get();
		assert!(well_known.contains(&replacement) && !well_known.contains(&nodes[0]));
		assert!(!AdditionalConnections::<T>::get(&replacement).is_empty());
		Ok(())
	}

	#[benchmark]
	fn reset_well_known_nodes() -> Result<(), BenchmarkError> {
		let operator: T::AccountId = account("operator", 0, 0);
		seed_well_known_nodes::<T>(max_nodes::<T>(), &operator);
		// The pallet takes fewer than `MaxWellKnownNodes` in a reset.
		let replacements: Vec<(PeerId, T::AccountId)> =
			peers::<T>(max_nodes::<T>(), max_nodes::<T>() - 1)
				.into_iter()
				.map(|node| (node, operator.clone()))
				.collect();
		let origin = admin::<T::ResetOrigin, _>()?;

		#[block]
		{
			NodeAuthorization::<T>::reset_well_known_nodes(origin, replacements.clone())?;
		}

		let well_known = WellKnownNodes::<T>::get();
		assert_eq!(well_known.len(), replacements.len());
		assert!(replacements.iter().all(|(node, _)| well_known.contains(node)));
		Ok(())
	}

	#[benchmark]
	fn claim_node() -> Result<(), BenchmarkError> {
		seed_well_known_nodes::<T>(max_nodes::<T>(), &account("operator", 0, 0));
		let claimant: T::AccountId = account("claimant", 0, 0);
		let node = peer::<T>(u32::MAX);

		#[block]
		{
			NodeAuthorization::<T>::claim_node(
				RawOrigin::Signed(claimant.clone()).into(),
				node.clone(),
			)?;
		}

		assert_eq!(Owners::<T>::get(&node), Some(claimant));
		Ok(())
	}

	#[benchmark]
	fn remove_claim() -> Result<(), BenchmarkError> {
		let claimant: T::AccountId = account("claimant", 0, 0);
		let node = seed_claimed_node::<T>(&claimant);

		#[block]
		{
			NodeAuthorization::<T>::remove_claim(RawOrigin::Signed(claimant).into(), node.clone())?;
		}

		assert!(!Owners::<T>::contains_key(&node));
		assert!(AdditionalConnections::<T>::get(&node).is_empty());
		Ok(())
	}

	#[benchmark]
	fn transfer_node() -> Result<(), BenchmarkError> {
		let claimant: T::AccountId = account("claimant", 0, 0);
		let node = seed_claimed_node::<T>(&claimant);
		let receiver: T::AccountId = account("receiver", 0, 0);
		let target = T::Lookup::unlookup(receiver.clone());

		#[block]
		{
			NodeAuthorization::<T>::transfer_node(
				RawOrigin::Signed(claimant).into(),
				node.clone(),
				target,
			)?;
		}

		assert_eq!(Owners::<T>::get(&node), Some(receiver));
		Ok(())
	}

	/// As many new connections as the node already has; the call itself takes any number.
	#[benchmark]
	fn add_connections() -> Result<(), BenchmarkError> {
		let claimant: T::AccountId = account("claimant", 0, 0);
		let node = seed_claimed_node::<T>(&claimant);
		let added = peers::<T>(CONNECTION_SEEDS + max_nodes::<T>(), max_nodes::<T>());

		#[block]
		{
			NodeAuthorization::<T>::add_connections(
				RawOrigin::Signed(claimant).into(),
				node.clone(),
				added.clone(),
			)?;
		}

		let connections = AdditionalConnections::<T>::get(&node);
		assert!(added.iter().all(|peer| connections.contains(peer)));
		Ok(())
	}

	/// Every connection the node has, removed.
	#[benchmark]
	fn remove_connections() -> Result<(), BenchmarkError> {
		let claimant: T::AccountId = account("claimant", 0, 0);
		let node = seed_claimed_node::<T>(&claimant);
		let removed = peers::<T>(CONNECTION_SEEDS, max_nodes::<T>());

		#[block]
		{
			NodeAuthorization::<T>::remove_connections(
				RawOrigin::Signed(claimant).into(),
				node.clone(),
				removed,
			)?;
		}

		assert!(AdditionalConnections::<T>::get(&node).is_empty());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
