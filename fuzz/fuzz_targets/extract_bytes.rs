//! `Extractor::extract_bytes` on arbitrary bytes, with small budgets so that the fuzzer
//! reaches the budget errors too: any result is fine, a panic or a hang is not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<newsprint::Extractor> = LazyLock::new(|| {
    newsprint::Extractor::builder()
        .max_elements(20_000)
        .max_depth(64)
        .build()
});

fuzz_target!(|data: &[u8]| {
    let url = url::Url::parse("https://news.example/2021/03/30/story").ok();
    if let Ok(article) = EXTRACTOR.extract_bytes(data, None, url.as_ref()) {
        let _ = newsprint::render::markdown::to_markdown(&article);
        let _ = newsprint::render::text::to_text(&article);
    }
});
