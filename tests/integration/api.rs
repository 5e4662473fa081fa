//! The public API contract: `Extractor` is `Clone + Send + Sync` and one value serves many
//! pages across threads; the three entry points (`extract_html`, `extract_bytes`,
//! `extract_document`) and `newsprint::extract` agree on the same page; the builder settings
//! (`related_links`, `focus`, `min_chars`, `max_bytes`, `max_elements`) do what their docs say;
//! the document invariants hold on every fixture (link offsets, absolute URLs). Error messages
//! belong in `errors`, expected outputs of whole pages in `golden`, fetching in `fetch`.

use libtest_mimic::{Failed, Trial};
use newsprint::{Article, Block, Decoding, EncodingSource, Error, Extractor, Focus};
use url::Url;

use crate::golden::{self, Expect, Fixture};

pub fn trials() -> Vec<Trial> {
    crate::named_trials(
        "api",
        &[
            ("extractor_is_clone_send_sync", extractor_is_clone_send_sync),
            (
                "one_extractor_serves_many_pages_across_threads",
                one_extractor_serves_many_pages_across_threads,
            ),
            ("entry_points_agree_on_every_fixture", entry_points_agree),
            (
                "content_type_charset_and_meta_charset_agree",
                content_type_charset_and_meta_charset_agree,
            ),
            (
                "extract_is_the_default_extractor_without_url",
                extract_is_the_default_extractor_without_url,
            ),
            (
                "related_links_false_drops_related_blocks_and_keeps_text",
                related_links_false_drops_related_blocks,
            ),
            (
                "focus_moves_the_link_density_threshold",
                focus_moves_the_link_density_threshold,
            ),
            ("min_chars_is_an_inclusive_minimum", min_chars_is_inclusive),
            ("max_bytes_is_an_inclusive_maximum", max_bytes_is_inclusive),
            (
                "max_elements_is_an_inclusive_maximum",
                max_elements_is_inclusive,
            ),
            (
                "links_point_at_their_text_and_urls_are_absolute",
                links_point_at_their_text,
            ),
            (
                "text_leaves_out_related_links",
                text_leaves_out_related_links,
            ),
        ],
    )
}

/// The fixtures that hold an article.
fn article_fixtures() -> Vec<Fixture> {
    golden::fixtures()
        .into_iter()
        .filter(|fixture| fixture.case.expect == Expect::Article)
        .collect()
}

/// The fixtures stored as UTF-8 (the others test charset detection and go through bytes only).
fn utf8_fixtures() -> Vec<(Fixture, String)> {
    golden::fixtures()
        .into_iter()
        .filter_map(|fixture| {
            let text = String::from_utf8(fixture.source.clone()).ok()?;
            Some((fixture, text))
        })
        .collect()
}

/// A result reduced to something comparable: the article, or the error message.
fn outcome(result: Result<Article, Error>) -> Result<Article, String> {
    result.map_err(|error| error.to_string())
}

fn check(condition: bool, message: impl FnOnce() -> String) -> Result<(), Failed> {
    if condition {
        Ok(())
    } else {
        Err(message().into())
    }
}

fn assert_shareable<T: Clone + Send + Sync + 'static>() {}

fn assert_error<T: std::error::Error + Send + Sync + 'static>() {}

/// A compile-time check, run as a trial so that it is listed with the others.
#[allow(clippy::unnecessary_wraps)]
fn extractor_is_clone_send_sync() -> Result<(), Failed> {
    assert_shareable::<Extractor>();
    assert_shareable::<newsprint::ExtractorBuilder>();
    assert_shareable::<Article>();
    assert_error::<Error>();
    Ok(())
}

fn one_extractor_serves_many_pages_across_threads() -> Result<(), Failed> {
    let fixtures = golden::fixtures();
    let urls: Vec<Url> = fixtures.iter().map(Fixture::url).collect();
    let alone: Vec<_> = fixtures
        .iter()
        .zip(&urls)
        .map(|(f, url)| outcome(Extractor::new().extract_bytes(&f.source, None, Some(url))))
        .collect();
    let shared = Extractor::builder().build();
    let results: Vec<Vec<_>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|thread| {
                // Each thread alternates between its own clone and the shared original, and
                // walks the pages in its own rotation so that different pages run at once.
                let extractor = shared.clone();
                let (fixtures, urls, shared) = (&fixtures, &urls, &shared);
                scope.spawn(move || {
                    let mut got = vec![None; fixtures.len()];
                    for step in 0..fixtures.len() {
                        let at = (step + thread * 3) % fixtures.len();
                        let use_clone = step % 2 == 0;
                        let extractor = if use_clone { &extractor } else { shared };
                        let result =
                            extractor.extract_bytes(&fixtures[at].source, None, Some(&urls[at]));
                        got[at] = Some(outcome(result));
                    }
                    got
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("an extraction thread panicked"))
            .map(|got| got.into_iter().map(Option::unwrap).collect())
            .collect()
    });
    for (thread, got) in results.iter().enumerate() {
        for (index, result) in got.iter().enumerate() {
            check(result == &alone[index], || {
                format!(
                    "thread {thread}: {} differs from a fresh extractor's result",
                    fixtures[index].name
                )
            })?;
        }
    }
    Ok(())
}

/// The article with its decoding record set aside: only `extract_bytes` decodes, so only its
/// articles say how; everything else must be the same whichever entry point read the page.
fn decoded(result: Result<Article, Error>) -> (Result<Article, String>, Option<Decoding>) {
    match result {
        Ok(mut article) => {
            let decoding = article.decoding.take();
            (Ok(article), decoding)
        }
        Err(error) => (Err(error.to_string()), None),
    }
}

fn entry_points_agree() -> Result<(), Failed> {
    let extractor = Extractor::new();
    for (fixture, text) in utf8_fixtures() {
        let url = fixture.url();
        let name = &fixture.name;
        let (html, html_decoding) = decoded(extractor.extract_html(&text, Some(&url)));
        let (bytes, bytes_decoding) =
            decoded(extractor.extract_bytes(&fixture.source, None, Some(&url)));
        let (typed, typed_decoding) = decoded(extractor.extract_bytes(
            &fixture.source,
            Some("text/html; charset=utf-8"),
            Some(&url),
        ));
        let document = scraper::Html::parse_document(&text);
        let (parsed, parsed_decoding) = decoded(extractor.extract_document(&document, Some(&url)));
        if html.is_ok() {
            check(html_decoding.is_none() && parsed_decoding.is_none(), || {
                format!("{name}: text input records a decoding")
            })?;
            let sources = (
                bytes_decoding.map(|d| (d.encoding, d.source)),
                typed_decoding.map(|d| (d.encoding, d.source)),
            );
            check(
                sources
                    == (
                        Some(("UTF-8", EncodingSource::MetaTag)),
                        Some(("UTF-8", EncodingSource::ContentType)),
                    ),
                || format!("{name}: decodings {sources:?}"),
            )?;
        }
        check(html == bytes, || {
            format!("{name}: extract_html and extract_bytes differ")
        })?;
        check(html == typed, || {
            format!("{name}: extract_bytes with a UTF-8 content type differs")
        })?;
        check(html == parsed, || {
            format!("{name}: extract_html and extract_document differ")
        })?;
    }
    Ok(())
}

/// A page that declares its charset in `<meta>` reads the same as when the HTTP header says
/// so, and a header charset wins over a wrong `<meta>`.
fn content_type_charset_and_meta_charset_agree() -> Result<(), Failed> {
    let body = "<html><head><meta charset=\"windows-1252\"><title>Caf\u{e9} cr\u{e8}me</title>\
        </head><body><article><p>Le caf\u{e9} cr\u{e8}me co\u{fb}te d\u{e9}sormais 2,40 \u{20ac} \
        dans les brasseries de la place, \u{ab} c\u{2019}est trop \u{bb}, disent les habitu\u{e9}s.\
        </p></article></body></html>";
    let cp1252: Vec<u8> = body
        .chars()
        .map(|c| match c {
            '\u{20ac}' => 0x80,
            '\u{2019}' => 0x92,
            c => u8::try_from(u32::from(c)).expect("a Latin-1 character"),
        })
        .collect();
    let extractor = Extractor::new();
    let from_meta = extractor.extract_bytes(&cp1252, None, None)?;
    let from_header =
        extractor.extract_bytes(&cp1252, Some("text/html; charset=windows-1252"), None)?;
    let from_text = extractor.extract_html(body, None)?;
    let (from_meta, meta_decoding) = decoded(Ok(from_meta));
    let (from_header, header_decoding) = decoded(Ok(from_header));
    let from_text = Ok(from_text);
    check(from_meta == from_text, || {
        format!("meta charset decoding differs: {from_meta:?}")
    })?;
    check(from_header == from_text, || {
        "header charset decoding differs".to_owned()
    })?;
    let how = (
        meta_decoding.map(|d| (d.encoding, d.source)),
        header_decoding.map(|d| (d.encoding, d.source)),
    );
    check(
        how == (
            Some(("windows-1252", EncodingSource::MetaTag)),
            Some(("windows-1252", EncodingSource::ContentType)),
        ),
        || format!("decodings {how:?}"),
    )?;
    let from_text = from_text?;
    check(from_text.text().contains("2,40 \u{20ac}"), || {
        format!("euro sign lost: {:?}", from_text.text())
    })
}

fn extract_is_the_default_extractor_without_url() -> Result<(), Failed> {
    for (fixture, text) in utf8_fixtures() {
        let free = outcome(newsprint::extract(&text));
        let method = outcome(Extractor::new().extract_html(&text, None));
        check(free == method, || {
            format!("{}: newsprint::extract differs", fixture.name)
        })?;
        if let Ok(article) = &free {
            // Without a base URL, the page's canonical URL (if any) is the article URL.
            let canonical = article.url.as_ref().map(Url::as_str);
            check(canonical.is_none_or(|url| url.starts_with("http")), || {
                format!("{}: odd URL {canonical:?}", fixture.name)
            })?;
        }
    }
    Ok(())
}

fn related_links_false_drops_related_blocks() -> Result<(), Failed> {
    let without = Extractor::builder().related_links(false).build();
    let mut pages_with_related = 0;
    for fixture in article_fixtures() {
        let url = fixture.url();
        let kept = Extractor::new().extract_bytes(&fixture.source, None, Some(&url))?;
        let dropped = without.extract_bytes(&fixture.source, None, Some(&url))?;
        let name = &fixture.name;
        check(dropped.related().count() == 0, || {
            format!("{name}: related blocks left with related_links(false)")
        })?;
        let other_blocks: Vec<&Block> = kept
            .blocks
            .iter()
            .filter(|block| !matches!(block, Block::Related(_)))
            .collect();
        check(
            dropped.blocks.iter().collect::<Vec<_>>() == other_blocks,
            || format!("{name}: related_links(false) changed the other blocks"),
        )?;
        check(dropped.text() == kept.text(), || {
            format!("{name}: related_links(false) changed text()")
        })?;
        let text = dropped.text();
        for related in kept.related() {
            pages_with_related += 1;
            check(!text.contains(&related.title), || {
                format!("{name}: related title {:?} is in the text", related.title)
            })?;
        }
    }
    check(pages_with_related > 0, || {
        "no fixture has a related link".to_owned()
    })
}

/// A paragraph with about the given percentage of its bytes inside a link.
fn paragraph_with_link_share(linked_percent: usize) -> String {
    let total = 200;
    let linked = total * linked_percent / 100;
    let word = "word ";
    // Capitalised like a headline: a link whose text continues the sentence in lowercase is
    // counted as prose, whatever the focus (DESIGN.md, "The block walk").
    let linked_text = format!(
        "W{}",
        word.repeat(linked / word.len())
            .trim_end()
            .get(1..)
            .unwrap_or("")
    );
    let plain = word.repeat((total - linked_text.len()) / word.len());
    format!("<p>Plain {plain}and <a href=\"/elsewhere\">{linked_text}</a>.</p>")
}

fn focus_moves_the_link_density_threshold() -> Result<(), Failed> {
    const BODY: &str = "<p>The harbour board met on Monday night and agreed, after a long and \
        heated debate, to raise mooring fees by a tenth from the start of next season.</p>\
        <p>Fishermen who spoke at the meeting said the rise would push some of them out of the \
        harbour, and asked the board to phase it in over three years instead.</p>";
    let page =
        |extra: &str| format!("<html><body><article>{BODY}{extra}{BODY}</article></body></html>");
    let count = |focus: Focus, html: &str| -> Result<usize, Failed> {
        let article = Extractor::builder()
            .focus(focus)
            .build()
            .extract_html(html, None)?;
        Ok(article.paragraphs().count())
    };
    // 42% of the paragraph is a link: kept when balanced, dropped for precision.
    let moderate = page(&paragraph_with_link_share(42));
    let balanced = count(Focus::Balanced, &moderate)?;
    let precise = count(Focus::Precision, &moderate)?;
    check(balanced == 5 && precise == 4, || {
        format!(
            "42% links: balanced kept {balanced} of 5 paragraphs, precision {precise} (want 5, 4)"
        )
    })?;
    // 65% of the paragraph is a link: dropped when balanced, kept for recall.
    let heavy = page(&paragraph_with_link_share(65));
    let balanced = count(Focus::Balanced, &heavy)?;
    let recall = count(Focus::Recall, &heavy)?;
    check(balanced == 4 && recall == 5, || {
        format!("65% links: balanced kept {balanced} of 5 paragraphs, recall {recall} (want 4, 5)")
    })?;
    check(Focus::default() == Focus::Balanced, || {
        "the default focus is not Balanced".to_owned()
    })
}

fn min_chars_is_inclusive() -> Result<(), Failed> {
    // 60 characters of body text, with a multi-byte character: the minimum counts characters.
    let text = "Die Brücke über den Fluss ist seit Montag wieder geöffnet..";
    let chars = text.chars().count();
    let html = format!("<html><body><article><p>{text}</p></article></body></html>");
    let at = Extractor::builder().min_chars(chars).build();
    let article = at.extract_html(&html, None)?;
    check(article.text() == text, || {
        format!("body text {:?}", article.text())
    })?;
    let over = Extractor::builder().min_chars(chars + 1).build();
    match over.extract_html(&html, None) {
        Err(Error::NoContent {
            best_chars,
            min_chars,
            ..
        }) => check(best_chars == chars && min_chars == chars + 1, || {
            format!("NoContent carries best_chars {best_chars}, min_chars {min_chars}")
        }),
        other => Err(format!("min_chars({}) gave {other:?}", chars + 1).into()),
    }?;
    // By default any body text is enough; only a page with none fails.
    let short = "<html><body><article><p>Short.</p></article></body></html>";
    let article = newsprint::extract(short)?;
    check(article.text() == "Short.", || {
        format!("a six-character body gave {:?}", article.text())
    })?;
    check(
        matches!(
            newsprint::extract("<html><body><article></article></body></html>"),
            Err(Error::NoContent {
                best_chars: 0,
                min_chars: 1,
                ..
            })
        ),
        || "an empty article passes the default minimum".to_owned(),
    )
}

fn max_bytes_is_inclusive() -> Result<(), Failed> {
    let html = "<html><body><article><p>The bridge over the river is open again since Monday \
        morning, the council said.</p></article></body></html>";
    let size = html.len() as u64;
    let at = Extractor::builder().max_bytes(size).build();
    at.extract_html(html, None)?;
    at.extract_bytes(html.as_bytes(), None, None)?;
    let under = Extractor::builder().max_bytes(size - 1).build();
    for result in [
        under.extract_html(html, None),
        under.extract_bytes(html.as_bytes(), None, None),
    ] {
        match result {
            Err(Error::TooLarge { limit, actual }) => {
                check(limit == size - 1 && actual == size, || {
                    format!("TooLarge carries limit {limit}, actual {actual}")
                })?;
            }
            other => return Err(format!("max_bytes({}) gave {other:?}", size - 1).into()),
        }
    }
    // A parsed document has no byte size: the budget does not apply to it.
    let document = scraper::Html::parse_document(html);
    under.extract_document(&document, None)?;
    Ok(())
}

fn max_elements_is_inclusive() -> Result<(), Failed> {
    let html = "<html><head><title>Bridge</title></head><body><article><p>The bridge over the \
        river is open again since Monday morning, the council said.</p></article></body></html>";
    // html, head, title, body, article, p.
    let elements = 6;
    let document = scraper::Html::parse_document(html);
    let at = Extractor::builder().max_elements(elements).build();
    at.extract_html(html, None)?;
    at.extract_document(&document, None)?;
    let under = Extractor::builder().max_elements(elements - 1).build();
    for result in [
        under.extract_html(html, None),
        under.extract_bytes(html.as_bytes(), None, None),
        under.extract_document(&document, None),
    ] {
        match result {
            Err(Error::TooManyElements { limit, found }) => {
                check(limit == elements - 1 && found == elements, || {
                    format!("TooManyElements carries limit {limit}, found {found}")
                })?;
            }
            other => return Err(format!("max_elements({}) gave {other:?}", elements - 1).into()),
        }
    }
    Ok(())
}

fn links_point_at_their_text() -> Result<(), Failed> {
    for fixture in article_fixtures() {
        let article = golden::extract(&fixture)?;
        let name = &fixture.name;
        let mut inlines: Vec<&newsprint::Inline> = Vec::new();
        for block in &article.blocks {
            match block {
                Block::Paragraph(inline) | Block::Quote(inline) => inlines.push(inline),
                Block::List(list) => collect_list_inlines(list, &mut inlines),
                Block::Related(related) => {
                    check(Url::parse(&related.url).is_ok(), || {
                        format!("{name}: related URL {:?} is not absolute", related.url)
                    })?;
                    check(!related.title.is_empty(), || {
                        format!("{name}: related link without a title")
                    })?;
                }
                _ => {}
            }
        }
        for inline in inlines {
            for link in &inline.links {
                let slice = inline.text.get(link.start..link.end);
                check(slice == Some(link.text.as_str()), || {
                    format!(
                        "{name}: link {:?} at {}..{} points at {slice:?} in {:?}",
                        link.text, link.start, link.end, inline.text
                    )
                })?;
                check(Url::parse(&link.url).is_ok(), || {
                    format!("{name}: link URL {:?} is not absolute", link.url)
                })?;
            }
            for mark in &inline.marks {
                check(
                    mark.start < mark.end && inline.text.get(mark.start..mark.end).is_some(),
                    || format!("{name}: mark {mark:?} is not a range of {:?}", inline.text),
                )?;
            }
        }
    }
    Ok(())
}

fn collect_list_inlines<'a>(list: &'a newsprint::List, out: &mut Vec<&'a newsprint::Inline>) {
    for item in &list.items {
        out.push(&item.content);
        if let Some(sublist) = &item.sublist {
            collect_list_inlines(sublist, out);
        }
    }
}

fn text_leaves_out_related_links() -> Result<(), Failed> {
    for fixture in article_fixtures() {
        let article = golden::extract(&fixture)?;
        let text = article.text();
        let paragraphs: Vec<&str> = article.paragraphs().map(|p| p.text.as_str()).collect();
        check(paragraphs.iter().all(|p| text.contains(p)), || {
            format!("{}: a paragraph is missing from text()", fixture.name)
        })?;
        check(!text.contains("\n\n\n"), || {
            format!("{}: text() has an empty block", fixture.name)
        })?;
        for related in article.related() {
            check(!text.contains(&related.title), || {
                format!(
                    "{}: related title {:?} in text()",
                    fixture.name, related.title
                )
            })?;
        }
    }
    Ok(())
}
