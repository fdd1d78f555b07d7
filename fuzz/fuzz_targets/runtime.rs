//! libFuzzer entry point: `cargo +nightly fuzz run runtime` (see README, "Fuzzing").

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| compliance_fuzz::run(data));
