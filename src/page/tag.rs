//! [`Tag`]: element names resolved once to a small enum, so that later stages compare bytes,
//! not strings.

/// The element kinds the pipeline tells apart; everything else is [`Tag::Other`] (inline) or
/// [`Tag::Custom`] (a custom element such as `<story-body>`, treated as a container).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Tag {
    /// A text node, not an element.
    Text,
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Base,
    Script,
    Style,
    Noscript,
    Template,
    Svg,
    /// `MathML`: its text is the formula, kept inline.
    Math,
    /// A `MathML` token (`mi`, `mn`, `mo`): a word of the formula.
    MathToken,
    /// A `MathML` annotation: the formula again in another notation (TeX), never shown.
    MathSource,
    /// A ruby annotation (`rt`) or its fallback parenthesis (`rp`): the reading of the base
    /// text (Japanese furigana), shown above it, never part of the sentence.
    RubyText,
    Iframe,
    Object,
    Embed,
    Canvas,
    Audio,
    Video,
    Source,
    Button,
    Input,
    Select,
    Textarea,
    Option,
    Dialog,
    Map,
    Article,
    Main,
    Section,
    Nav,
    Aside,
    Header,
    Footer,
    Form,
    Address,
    Div,
    Center,
    P,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Hgroup,
    Blockquote,
    Pre,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
    Caption,
    Figure,
    Figcaption,
    Picture,
    Hr,
    Details,
    Summary,
    Fieldset,
    Menu,
    A,
    Em,
    I,
    Strong,
    B,
    Code,
    Kbd,
    Samp,
    Br,
    Img,
    Span,
    Time,
    Label,
    Font,
    Custom,
    Other,
}

impl Tag {
    /// Resolves an element's local name (lowercase, as html5ever gives it).
    pub(crate) fn from_name(name: &str) -> Tag {
        match name {
            "html" => Tag::Html,
            "head" => Tag::Head,
            "body" => Tag::Body,
            "title" => Tag::Title,
            "meta" => Tag::Meta,
            "link" => Tag::Link,
            "base" => Tag::Base,
            "script" => Tag::Script,
            "style" => Tag::Style,
            "noscript" => Tag::Noscript,
            "template" => Tag::Template,
            "svg" => Tag::Svg,
            "math" => Tag::Math,
            "mi" | "mn" | "mo" | "mtext" | "ms" => Tag::MathToken,
            "annotation" | "annotation-xml" => Tag::MathSource,
            "rt" | "rp" => Tag::RubyText,
            "iframe" | "frame" | "frameset" => Tag::Iframe,
            "object" | "applet" => Tag::Object,
            "embed" | "param" => Tag::Embed,
            "canvas" => Tag::Canvas,
            "audio" => Tag::Audio,
            "video" => Tag::Video,
            "source" | "track" => Tag::Source,
            "button" => Tag::Button,
            "input" => Tag::Input,
            "select" | "datalist" => Tag::Select,
            "textarea" => Tag::Textarea,
            "option" | "optgroup" => Tag::Option,
            "dialog" => Tag::Dialog,
            "map" | "area" => Tag::Map,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "section" => Tag::Section,
            "nav" => Tag::Nav,
            "aside" => Tag::Aside,
            "header" => Tag::Header,
            "footer" => Tag::Footer,
            "form" => Tag::Form,
            "address" => Tag::Address,
            "div" => Tag::Div,
            "center" => Tag::Center,
            "p" => Tag::P,
            "h1" => Tag::H1,
            "h2" => Tag::H2,
            "h3" => Tag::H3,
            "h4" => Tag::H4,
            "h5" => Tag::H5,
            "h6" => Tag::H6,
            "hgroup" => Tag::Hgroup,
            "blockquote" => Tag::Blockquote,
            "pre" | "listing" | "xmp" | "plaintext" => Tag::Pre,
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "table" => Tag::Table,
            "thead" => Tag::Thead,
            "tbody" => Tag::Tbody,
            "tfoot" => Tag::Tfoot,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "caption" => Tag::Caption,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "picture" => Tag::Picture,
            "hr" => Tag::Hr,
            "details" => Tag::Details,
            "summary" => Tag::Summary,
            "fieldset" => Tag::Fieldset,
            "menu" => Tag::Menu,
            "a" => Tag::A,
            "em" | "cite" | "dfn" | "var" => Tag::Em,
            "i" => Tag::I,
            "strong" => Tag::Strong,
            "b" => Tag::B,
            "code" | "tt" => Tag::Code,
            "kbd" => Tag::Kbd,
            "samp" => Tag::Samp,
            "br" => Tag::Br,
            "img" => Tag::Img,
            "span" => Tag::Span,
            "time" => Tag::Time,
            "label" => Tag::Label,
            "font" => Tag::Font,
            _ if name.contains('-') => Tag::Custom,
            _ => Tag::Other,
        }
    }

    /// Elements that never hold article text, whatever their content: scripts, styles,
    /// embedded media and documents, form controls. Their subtrees are not indexed at all.
    pub(crate) fn is_never_content(self) -> bool {
        matches!(
            self,
            Tag::Script
                | Tag::Style
                | Tag::Noscript
                | Tag::Template
                | Tag::Svg
                | Tag::MathSource
                | Tag::RubyText
                | Tag::Iframe
                | Tag::Object
                | Tag::Embed
                | Tag::Canvas
                | Tag::Audio
                | Tag::Video
                | Tag::Source
                | Tag::Button
                | Tag::Input
                | Tag::Select
                | Tag::Textarea
                | Tag::Option
                | Tag::Dialog
                | Tag::Map
        )
    }

    /// Elements that start a new line of text: text inside them belongs to them, not to an
    /// ancestor.
    pub(crate) fn is_block(self) -> bool {
        matches!(
            self,
            Tag::Html
                | Tag::Body
                | Tag::Article
                | Tag::Main
                | Tag::Section
                | Tag::Nav
                | Tag::Aside
                | Tag::Header
                | Tag::Footer
                | Tag::Form
                | Tag::Address
                | Tag::Div
                | Tag::Center
                | Tag::P
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Hgroup
                | Tag::Blockquote
                | Tag::Pre
                | Tag::Ul
                | Tag::Ol
                | Tag::Li
                | Tag::Dl
                | Tag::Dt
                | Tag::Dd
                | Tag::Table
                | Tag::Thead
                | Tag::Tbody
                | Tag::Tfoot
                | Tag::Tr
                | Tag::Td
                | Tag::Th
                | Tag::Caption
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Hr
                | Tag::Details
                | Tag::Summary
                | Tag::Fieldset
                | Tag::Menu
                | Tag::Custom
        )
    }

    /// `h1`–`h6` as their level.
    pub(crate) fn heading_level(self) -> Option<u8> {
        match self {
            Tag::H1 => Some(1),
            Tag::H2 => Some(2),
            Tag::H3 => Some(3),
            Tag::H4 => Some(4),
            Tag::H5 => Some(5),
            Tag::H6 => Some(6),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_known_and_custom_names() {
        assert_eq!(Tag::from_name("p"), Tag::P);
        assert_eq!(Tag::from_name("i"), Tag::I);
        assert_eq!(Tag::from_name("cite"), Tag::Em);
        assert_eq!(Tag::from_name("wbr"), Tag::Other);
        assert_eq!(Tag::from_name("story-body"), Tag::Custom);
        assert_eq!(Tag::from_name("blink"), Tag::Other);
    }

    #[test]
    fn classifies_blocks_and_noise() {
        assert!(Tag::P.is_block());
        assert!(!Tag::Span.is_block());
        assert!(Tag::Script.is_never_content());
        assert!(Tag::MathSource.is_never_content());
        assert!(Tag::RubyText.is_never_content());
        assert!(!Tag::Math.is_never_content());
        assert!(!Tag::Div.is_never_content());
        assert_eq!(Tag::H3.heading_level(), Some(3));
    }
}
