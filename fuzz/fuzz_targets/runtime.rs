//! libFuzzer entry point: `scripts/fuzz` (see README, "Fuzzing").

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| compliance_fuzz::run(data));
