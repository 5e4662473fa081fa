//! Text to DOM: parses a page once with html5ever (through `scraper`). Never fails: broken
//! markup is repaired the way browsers repair it.

use scraper::Html;

/// Parses a whole HTML document.
pub(crate) fn parse(html: &str) -> Html {
    Html::parse_document(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_broken_markup() {
        let html = parse("<p>one<p>two</div><b>three");
        let text: String = html.root_element().text().collect();
        assert_eq!(text, "onetwothree");
    }
}
