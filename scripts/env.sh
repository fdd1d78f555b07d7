# Shared environment of the project's scripts; sourced, not run.
# Every script builds into one persistent target directory outside the clone, so the node is
# built once per machine rather than once per clone.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/compliance-chain/target}"
COMPLIANCE_CACHE="${COMPLIANCE_CACHE:-$HOME/.cache/compliance-chain}"
# scripts/setup records here which toolchain builds the Wasm runtime (see its fallback).
if [ -f "$COMPLIANCE_CACHE/wasm-toolchain.env" ]; then
	# shellcheck disable=SC1091
	. "$COMPLIANCE_CACHE/wasm-toolchain.env"
fi
