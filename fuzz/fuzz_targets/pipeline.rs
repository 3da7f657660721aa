//! Arbitrary bytes through the reading pipeline: decode → normalise → header → sentences →
//! sections → Traditional/Simplified → extraction. Errors are fine; panics, hangs and
//! out-of-memory are bugs.
//!
//! The first byte picks how the file is presented, so that inputs without a usable header still
//! reach extraction: as a plain file, with `--year`, or with a manifest entry giving date and kind.

#![no_main]

use std::sync::OnceLock;

use gwkg::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let lexicon = LEXICON.get_or_init(|| Lexicon::load(&[] as &[&str]).expect("the built-in lexicon loads"));
    gwkg::pipeline::check_arbitrary_bytes(data, lexicon);
});
