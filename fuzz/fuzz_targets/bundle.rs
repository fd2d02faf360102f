//! Fuzz target: untrusted bytes through `karta::fuzz::bundle` (see src/fuzz.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = karta::fuzz::bundle(data);
});
