//! Product pages: a shop's page for one product, told by the schema.org markup shops publish
//! for search engines.
//!
//! On such a page customer reviews, star ratings and testimonials are what comments are to an
//! article: text readers write about the content, not the content. On an article the same
//! class words (`review`, `rating`) mark the review being read, so the cleaning stage removes
//! review widgets on product pages only, and the scoring stage weighs the product's
//! description above the rest of the page. The rails of other products' cards under the
//! product ("Similar items", "Complete the look") go too, told by their prices
//! ([`mark_card_rails`]).
//!
//! A page is a product page when it describes a product (a JSON-LD object of a product type
//! with `offers`: a category page marks itself up as a product for the rating stars, offering
//! nothing; `og:type` `product…`; or a microdata `itemtype` of a product type) and no article (a
//! JSON-LD article, posting or review outside a product, `og:type` `article`, or a microdata
//! article), or when the `body`'s class or id words name the shop's one-product template
//! (`single-product`), whatever `og:type` an SEO plugin set. A review article names the product it reviews (`itemReviewed`) and stays an
//! article; a product's own reviews (`Product.review` in JSON-LD, a `Review` item inside the
//! `Product` item in microdata) do not make the page an article. A page that marks up three
//! or more products side by side (not one inside another, as a product's variants are) is a
//! catalogue of them: a category or search page, not one product's page, unless the page's
//! `h1` stands inside one of them (the others are its "You may also like" cards).
//!
//! The same markup may call the page a collection (`og:type` `product.group`, which shop
//! systems set on category pages, or a JSON-LD `CollectionPage`): the scoring stage reads
//! such a page as a listing.

use serde_json::Value;

use super::Reason;
use super::rules::Hint;
use crate::page::{Flags, NO_PARENT, Page, Tag};
use crate::score::density::is_price_line;
use html5ever::local_name;

/// schema.org types of a product offered for sale.
const PRODUCT_TYPES: &[&str] = &[
    "Product",
    "ProductGroup",
    "IndividualProduct",
    "ProductModel",
];

/// Endings of schema.org types that make the page a text to read: `NewsArticle`,
/// `BlogPosting`, `LiveBlogPosting`, `CriticReview`, `Review` and their kin.
const ARTICLE_TYPE_ENDINGS: &[&str] = &["Article", "Posting", "Review"];
/// The schema.org type of a post in a forum thread.
const FORUM_POST_TYPE: &str = "DiscussionForumPosting";

/// Class or id words of a page's `body` that name the shop template rendering one product
/// (`single-product`, `template-product`, `page-product`, `catalog-product-view`: the names
/// the common shop systems give it).
const PRODUCT_TEMPLATE_WORDS: &[&str] = &[
    "single-product",
    "template-product",
    "page-product",
    "product-page",
    "catalog-product-view",
];

/// A page marking up this many separate products lists them (a category, a search result).
const LISTED_PRODUCTS: u32 = 3;

/// What a page's markup says it is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Kinds {
    product: bool,
    article: bool,
    /// Products marked up outside any other product.
    products: u32,
    /// A collection: a JSON-LD `CollectionPage`, `og:type` `product.group`.
    collection: bool,
}

impl Kinds {
    fn add(&mut self, other: Kinds) {
        self.product |= other.product;
        self.article |= other.article;
        self.products += other.products;
        self.collection |= other.collection;
    }
}

/// What a page's schema.org and Open Graph markup say it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Markup {
    /// A shop's page for one product (see the module docs).
    pub(crate) product: bool,
    /// A collection of products or pages: `og:type` `product.group` (Shopify and other shop
    /// systems set it on category pages) or a JSON-LD `CollectionPage`.
    pub(crate) collection: bool,
    /// The elements whose microdata `itemtype` names a story ([`is_story_item_type`]), in
    /// document order.
    pub(crate) stories: Vec<u32>,
}

/// Reads what the page's schema.org and Open Graph markup say it is.
pub(crate) fn read_markup(page: &Page<'_>) -> Markup {
    let mut kinds = Kinds::default();
    for script in &page.json_ld {
        if let Ok(value) = serde_json::from_str::<Value>(script.trim()) {
            json_ld_kinds(&value, false, &mut kinds);
        }
    }
    let mut template = false;
    let mut headline_in_product = false;
    let mut stories = Vec::new();
    for (index, node) in page.nodes.iter().enumerate() {
        let index = index as u32;
        if node.tag == Tag::Text {
            continue;
        }
        let item_type = page.attr_named(index, &local_name!("itemtype"));
        if item_type.is_some_and(is_story_item_type) {
            stories.push(index);
        }
        if node.tag == Tag::Body {
            template |= names_product_template(page, index);
        } else if node.tag == Tag::H1 {
            headline_in_product |= page.ancestors(index).any(|ancestor| {
                page.attr_named(ancestor, &local_name!("itemtype"))
                    .is_some_and(|t| item_kinds(t).product)
            });
        } else if node.tag == Tag::Meta {
            if let Some(kind) = page
                .attr(index, "property")
                .filter(|property| property.trim().eq_ignore_ascii_case("og:type"))
                .and_then(|_| page.attr(index, "content"))
            {
                kinds.add(og_kind(kind));
            }
        } else if let Some(item_type) = item_type {
            let mut own = item_kinds(item_type);
            let in_product = page.ancestors(index).any(|ancestor| {
                page.attr_named(ancestor, &local_name!("itemtype"))
                    .is_some_and(|t| item_kinds(t).product)
            });
            own.article &= !in_product;
            own.products = u32::from(own.product && !in_product);
            kinds.add(own);
        }
    }
    Markup {
        product: (template || kinds.product && !kinds.article)
            && (kinds.products < LISTED_PRODUCTS || headline_in_product),
        collection: kinds.collection,
        stories,
    }
}

/// Whether a microdata `itemtype` (one or more type URLs) names a story: an article, a blog
/// post or a review, but not a forum post (`DiscussionForumPosting`), whose page is the thread
/// of replies around it.
fn is_story_item_type(item_type: &str) -> bool {
    item_type.split_ascii_whitespace().any(|name| {
        type_kind(name).article && !name.trim_end_matches('/').ends_with(FORUM_POST_TYPE)
    })
}

/// Whether the `body` element's class or id words name a shop's one-product template: the
/// site's own name for the page, which outranks an `og:type` `article` that SEO plugins set on
/// every page of a shop.
fn names_product_template(page: &Page<'_>, body: u32) -> bool {
    ["class", "id"]
        .into_iter()
        .filter_map(|name| page.attr(body, name))
        .flat_map(str::split_ascii_whitespace)
        .any(|word| {
            PRODUCT_TEMPLATE_WORDS
                .iter()
                .any(|template| word.eq_ignore_ascii_case(template))
        })
}

/// What a microdata `itemtype` (one or more type URLs) says.
fn item_kinds(item_type: &str) -> Kinds {
    let mut kinds = Kinds::default();
    for name in item_type.split_ascii_whitespace() {
        kinds.add(type_kind(name));
    }
    kinds
}

/// Reads the types of a JSON-LD value and everything nested in it. Nothing inside a product
/// counts as an article: shops list the product's reviews in it.
fn json_ld_kinds(value: &Value, in_product: bool, kinds: &mut Kinds) {
    match value {
        Value::Array(items) => {
            for item in items {
                json_ld_kinds(item, in_product, kinds);
            }
        }
        Value::Object(object) => {
            let mut own = Kinds::default();
            match object.get("@type") {
                Some(Value::String(name)) => own.add(type_kind(name)),
                Some(Value::Array(names)) => names
                    .iter()
                    .filter_map(Value::as_str)
                    .for_each(|name| own.add(type_kind(name))),
                _ => {}
            }
            kinds.product |= own.product && object.contains_key("offers");
            kinds.article |= own.article && !in_product;
            kinds.products += u32::from(own.product && !in_product);
            kinds.collection |= own.collection;
            for nested in object.values() {
                json_ld_kinds(nested, in_product || own.product, kinds);
            }
        }
        _ => {}
    }
}

/// What one schema.org type name (bare or as a URL) says.
fn type_kind(name: &str) -> Kinds {
    let name = name.trim().trim_end_matches('/');
    let name = name.rsplit(['/', ':']).next().unwrap_or(name);
    Kinds {
        product: PRODUCT_TYPES.contains(&name),
        article: ARTICLE_TYPE_ENDINGS
            .iter()
            .any(|ending| name.ends_with(ending)),
        products: 0,
        collection: name == "CollectionPage",
    }
}

/// What an `og:type` value says: `product`, `product.item`, `og:product`, `product.group` (a
/// collection of products) or `article`.
fn og_kind(kind: &str) -> Kinds {
    let kind = kind.trim().to_ascii_lowercase();
    let kind = kind.strip_prefix("og:").unwrap_or(&kind);
    Kinds {
        product: kind.starts_with("product"),
        article: kind == "article",
        products: 0,
        collection: kind == "product.group",
    }
}

/// A product card holds a price or two (the price, a former price, a delivery charge); an
/// element holding more is a grid or a price table, not one card.
const CARD_MAX_PRICES: u32 = 3;
/// A card names its product beside the price: at least this many characters in all.
const CARD_MIN_CHARS: u32 = 20;
/// A rail of other products shows at least this many cards side by side.
const RAIL_MIN_CARDS: u32 = 4;
/// An element of cards holding more than this share of the text cleaning left is the page's
/// own grid, not a rail beside the product.
const RAIL_MAX_TEXT_SHARE: f32 = 0.6;

/// Marks the rails of other products' cards on a product page ("Similar items", "Complete the
/// look", "Sponsored"): an element most of whose children are cards, each a product's name
/// beside a price or two, at least [`RAIL_MIN_CARDS`] of them. The product's own parts hold
/// one price at most per row and are never such a rail: an element holding the page's `h1`
/// or a description box is left alone, and so is one holding more than
/// [`RAIL_MAX_TEXT_SHARE`] of the text cleaning left, which is the page's own grid (a category
/// page marked up as a product).
pub(crate) fn mark_card_rails(page: &Page<'_>, removed: &mut [Option<Reason>]) {
    let parts = Parts::measure(page, removed);
    let kept = parts.chars.first().copied().unwrap_or(0);
    let mut index = 0;
    while let Some(node) = page.nodes.get(index) {
        if removed[index].is_some() {
            index = node.end as usize;
            continue;
        }
        if node.tag != Tag::Text
            && !parts.own[index]
            && parts.chars[index] as f32 <= RAIL_MAX_TEXT_SHARE * kept as f32
            && parts.is_card_rail(page, index)
        {
            log::trace!("removed {} (card rail)", page.describe(index as u32));
            removed[index] = Some(Reason::Related);
            index = node.end as usize;
            continue;
        }
        index += 1;
    }
}

/// What each subtree holds, for finding card rails.
struct Parts {
    /// Price lines, those in removed subtrees included: a card is told by all it shows.
    prices: Vec<u32>,
    /// Characters of text outside removed subtrees: what cleaning left.
    chars: Vec<u32>,
    /// Characters of text, those in removed subtrees included.
    all_chars: Vec<u32>,
    /// Whether it holds the page's `h1` or an element named for the product's description.
    own: Vec<bool>,
}

impl Parts {
    fn measure(page: &Page<'_>, removed: &[Option<Reason>]) -> Parts {
        let count = page.nodes.len();
        let mut parts = Parts {
            prices: vec![0; count],
            chars: vec![0; count],
            all_chars: vec![0; count],
            own: vec![false; count],
        };
        for index in (0..count).rev() {
            let node = &page.nodes[index];
            if node.tag == Tag::Text && !node.flags.contains(Flags::IN_HEAD) {
                parts.chars[index] += node.text.chars;
                parts.all_chars[index] += node.text.chars;
                parts.prices[index] += u32::from(is_price_line(node));
            }
            parts.own[index] |= node.tag == Tag::H1 || node.hints.has(Hint::Description);
            if node.parent != NO_PARENT {
                let parent = node.parent as usize;
                parts.prices[parent] += parts.prices[index];
                parts.all_chars[parent] += parts.all_chars[index];
                parts.own[parent] |= parts.own[index];
                if removed[index].is_none() {
                    parts.chars[parent] += parts.chars[index];
                }
            }
        }
        parts
    }

    /// Whether most of the element children of `index` are product cards, and at least
    /// [`RAIL_MIN_CARDS`] of them.
    fn is_card_rail(&self, page: &Page<'_>, index: usize) -> bool {
        let end = page.nodes[index].end as usize;
        let (mut children, mut cards) = (0u32, 0u32);
        let mut child = index + 1;
        while child < end {
            let node = &page.nodes[child];
            if node.tag != Tag::Text {
                children += 1;
                let is_card = (1..=CARD_MAX_PRICES).contains(&self.prices[child])
                    && self.all_chars[child] >= CARD_MIN_CHARS;
                cards += u32::from(is_card);
            }
            child = node.end as usize;
        }
        cards >= RAIL_MIN_CARDS && 2 * cards > children
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn is_product(html: &str) -> bool {
        let parsed = Html::parse_document(html);
        read_markup(&Page::build(&parsed)).product
    }

    #[test]
    fn recognises_product_pages_by_json_ld_og_type_and_microdata() {
        assert!(is_product(
            r#"<head><script type="application/ld+json">{"@context":"https://schema.org",
               "@type":"Product","name":"Mug","offers":{"@type":"Offer","price":"9"},
               "review":[{"@type":"Review","reviewBody":"Nice"}]}</script></head><body></body>"#
        ));
        assert!(is_product(
            r#"<head><meta property="og:type" content="product.item"></head><body></body>"#
        ));
        assert!(is_product(
            r#"<body><div itemscope itemtype="https://schema.org/Product">Mug
               <div itemprop="review" itemscope itemtype="https://schema.org/Review">Nice</div>
               </div></body>"#
        ));
    }

    #[test]
    fn review_articles_are_no_product_pages() {
        assert!(!is_product(
            r#"<head><script type="application/ld+json">{"@type":"Review",
               "itemReviewed":{"@type":"Product","name":"Phone"}}</script></head><body></body>"#
        ));
        assert!(!is_product(
            r#"<head><meta property="og:type" content="article"></head><body>
               <div itemscope itemtype="http://schema.org/Product">Phone</div></body>"#
        ));
        assert!(!is_product("<body><p>Plain page</p></body>"));
    }

    #[test]
    fn a_shops_product_template_outranks_og_type_article() {
        assert!(is_product(
            r#"<head><meta property="og:type" content="article"></head>
               <body class="wp-singular single single-product woocommerce"></body>"#
        ));
        assert!(is_product(r#"<body class="template-product"></body>"#));
        assert!(!is_product(
            r#"<body class="product-listing-page tweak-product-quick-view"></body>"#
        ));
    }

    #[test]
    fn products_offered_for_sale_one_at_a_time() {
        // A category marking itself up as a product for the rating stars offers nothing.
        assert!(!is_product(
            r#"<head><script type="application/ld+json">{"@type":"Product","name":"Grills",
               "aggregateRating":{"@type":"AggregateRating","ratingValue":"4.7"}}</script>
               </head><body></body>"#
        ));
        // Three products side by side are a catalogue; variants inside one product are not.
        let offer = r#"{"@type":"Product","name":"Lens","offers":{"price":"9"}}"#;
        let catalogue = format!(
            r#"<head><script type="application/ld+json">{{"@type":"ItemList",
               "itemListElement":[{offer},{offer},{offer}]}}</script></head><body></body>"#
        );
        assert!(!is_product(&catalogue));
        let variants = format!(
            r#"<head><script type="application/ld+json">{{"@type":"ProductGroup",
               "offers":{{"price":"9"}},"hasVariant":[{offer},{offer},{offer}]}}</script>
               </head><body></body>"#
        );
        assert!(is_product(&variants));
        let microdata = r#"<div itemscope itemtype="https://schema.org/Product">Lens</div>"#;
        assert!(!is_product(&format!(
            "<body>{microdata}{microdata}{microdata}</body>"
        )));
        // Unless the page's headline names one of them: the others are its recommendations.
        let own = r#"<div itemscope itemtype="https://schema.org/Product"><h1>Moon</h1></div>"#;
        assert!(is_product(&format!(
            "<body>{own}{microdata}{microdata}{microdata}</body>"
        )));
    }
}
