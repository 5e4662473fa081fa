//! Body extraction: the blocks of the chosen content element ([`body`]), with inline related
//! links ([`related`]), structured blocks ([`structure`]), the paragraph-level furniture
//! filter ([`boilerplate`]) and the headings over furniture ([`headings`]).

pub(crate) mod body;
pub(crate) mod boilerplate;
pub(crate) mod cross_check;
pub(crate) mod headings;
pub(crate) mod inline;
pub(crate) mod lead;
pub(crate) mod notices;
pub(crate) mod related;
pub(crate) mod structure;
