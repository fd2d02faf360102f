//! Fuzz target: untrusted bytes through `karta::fuzz::import` (see src/fuzz.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = karta::fuzz::import(data);
});
