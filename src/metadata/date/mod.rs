//! Dates: every source a page has is read into [`Candidate`]s that know whether they state the
//! publication or the update, and how far they are trusted; [`choose`] weighs them and applies
//! the sanity rules.
//!
//! # Weighing
//!
//! Each candidate carries a weight for its source, strongest first: the JSON-LD article's
//! `datePublished`/`dateModified`, `article:published_time` and its `OpenGraph` kin, `itemprop`
//! markup in the page, vendor meta names, unlisted meta names that speak of publishing, a
//! `<time>` or a labelled date in the article header, the date in the URL, generic meta names
//! (`date`, `dc.date`), the publication date in the JSON state of the page's scripts, and
//! dates written elsewhere.
//! Visible candidates lose weight the farther they are from the headline and when they sit in
//! a sidebar, a related-stories rail, a comment or a teaser link, so a sidebar teaser's date
//! never beats the article's own.
//!
//! The strongest published candidate wins. Refinements follow, each taking only what the
//! page states: a date without a time takes the time (and offset) of another candidate for
//! the same day; a UTC time takes the page's own offset when another candidate states the
//! same instant with it; and a UTC time whose day differs from the day the reader sees (a
//! header date or the URL's date, a day off and reachable within the world's ±14 h of zones)
//! takes that day, with the offset the written local time implies, or as a bare date. When the URL holds a date (`/2021/03/30/`) and the winner is more
//! than a day away from it, the strongest candidate that agrees with the URL wins instead:
//! URLs are minted when a story is filed, while CMS metadata is sometimes the date of a
//! template or an import. A winner the header writes too stands: the story was republished.
//!
//! A metadata publication date that is the very instant of the modification (a CMS that
//! restamps both on every save) yields to an earlier date shown in the article header.
//! When two metadata publication dates disagree, the one the header shows in writing wins
//! over one the page shows nowhere, and so does the header's date over a publication shown
//! nowhere and stamped after its own source's update; a publication date later than an update trusted more
//! is dropped; and a stray date outside the header yields to the one update the page
//! writes. A URL that names only a year and month (`/2025/12/slug`) lets the strongest
//! candidate of that month win over a winner outside it. A visible winner among three or more other days as prominent is a teaser feed,
//! and the strongest metadata date wins instead.
//!
//! A page that states only an update ("Updated March 30, 2021") and no publication date is
//! taken as published at that update: the text a reader sees was put out then. Both fields
//! then hold the same time.
//!
//! # Sanity rules
//!
//! No date after the reference time (the fetch time, or now; see
//! [`crate::ExtractorBuilder::reference_time`]); none before 1995 unless the page is an
//! archive (a URL under an `archive` host or path), where dates back to 1800 are allowed; and a
//! modified date earlier than the published date is replaced by the next candidate that is
//! not, or dropped.

pub(crate) mod iso;
pub(crate) mod state;
pub(crate) mod text;
pub(crate) mod words;

use jiff::civil::Date;
use url::Url;

use crate::document::Source;
use crate::timestamp::Timestamp;

pub(crate) use iso::parse_iso;
pub(crate) use text::{DayOrder, dates_in, relative_in};

/// The first date of the web era (1990 on) written in `text`; `month_first` reads
/// `03/04/2021` as March 4. The extraction stage uses it to recognise standalone date lines
/// (a dateline, not a historical date in a table such as "7 May 1856").
pub(crate) fn parse_text(text: &str, month_first: bool) -> Option<Timestamp> {
    let order = if month_first {
        DayOrder::MonthFirst
    } else {
        DayOrder::DayFirst
    };
    text::parse_text(text, order).filter(|stamp| stamp.date().year() >= 1990)
}

/// The earliest plausible publication year of a page on the web.
const MIN_PUBLICATION_YEAR: i16 = 1995;
/// The earliest year allowed on an archive page (digitised papers, web archives).
const MIN_ARCHIVE_YEAR: i16 = 1800;

/// The least weight of a visible date in the article header: a date written near the
/// headline, outside chrome.
const MIN_SHOWN_WEIGHT: u8 = 50;

/// Candidate weights, strongest first; see the module docs.
pub(crate) mod weight {
    /// JSON-LD `datePublished`/`dateModified` of an article object.
    pub(crate) const JSON_LD_ARTICLE: u8 = 100;
    /// `article:published_time`, `article:modified_time`, `og:updated_time`.
    pub(crate) const OPEN_GRAPH: u8 = 95;
    /// `itemprop="datePublished"` and `itemprop="dateModified"` in the page.
    pub(crate) const ITEMPROP: u8 = 90;
    /// Vendor and Dublin Core meta names that name the publication (`parsely-pub-date`,
    /// `dc.date.issued`, `pubdate`).
    pub(crate) const META_NAMED: u8 = 85;
    /// Meta names that are not listed but speak of publishing (`w-published-date`): below
    /// the listed names, so a page that also states a listed one keeps it.
    pub(crate) const META_COINED: u8 = 82;
    /// JSON-LD `dateCreated`, and dates of a page-level object (`WebPage`).
    pub(crate) const JSON_LD_OTHER: u8 = 75;
    /// The best a date visible on the page can reach: a labelled `<time>` in the header.
    pub(crate) const VISIBLE_MAX: u8 = 80;
    /// A date in the URL path.
    pub(crate) const URL: u8 = 55;
    /// Generic meta names (`date`, `dc.date`) that may be any date.
    pub(crate) const META_GENERIC: u8 = 50;
    /// The publication date in the JSON state of the page's scripts: a fallback, above only
    /// visible dates far from the headline.
    pub(crate) const SCRIPT_STATE: u8 = 45;
}

/// What a candidate says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The publication date.
    Published,
    /// The date of the last update.
    Modified,
    /// A date with nothing to say which: taken as a publication date, with less weight.
    Unlabelled,
}

/// One date the page states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub(crate) stamp: Timestamp,
    pub(crate) role: Role,
    pub(crate) source: Source,
    pub(crate) weight: u8,
    /// Stated in a `<meta>` inside the page's markup (`<meta itemprop="datePublished"
    /// content=…>`): metadata the reader never sees, though read with the visible marks.
    pub(crate) is_hidden: bool,
}

impl Candidate {
    pub(crate) fn new(stamp: Timestamp, role: Role, source: Source, weight: u8) -> Self {
        Candidate {
            stamp,
            role,
            source,
            weight,
            is_hidden: false,
        }
    }

    /// The same candidate, stated in a `<meta>` the reader does not see.
    pub(crate) fn hidden(self) -> Self {
        Candidate {
            is_hidden: true,
            ..self
        }
    }
}

/// What the sanity rules compare against.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    /// No date may be later than this.
    pub(crate) reference: jiff::Timestamp,
    /// The page is an archive: dates before 1995 are allowed.
    pub(crate) is_archive: bool,
}

impl Bounds {
    /// Whether a date can be a publication or update date of this page.
    pub(crate) fn allows(&self, stamp: &Timestamp) -> bool {
        let min_year = if self.is_archive {
            MIN_ARCHIVE_YEAR
        } else {
            MIN_PUBLICATION_YEAR
        };
        if stamp.date().year() < min_year {
            return false;
        }
        if let Some(instant) = stamp.to_instant() {
            return instant <= self.reference;
        }
        // Without an offset the page's zone is unknown: allow the day ahead of UTC that the
        // easternmost zones have already reached.
        let today = jiff::tz::Offset::UTC.to_datetime(self.reference).date();
        today.tomorrow().is_ok_and(|limit| stamp.date() <= limit)
    }
}

/// A value with the source it came from.
pub(crate) type Sourced<T> = Option<(T, Source)>;

/// Chooses the published and modified dates among the candidates (in any order).
pub(crate) fn choose(
    candidates: &[Candidate],
    url_date: Option<Date>,
    url_month: Option<(i16, i8)>,
    bounds: &Bounds,
) -> (Sourced<Timestamp>, Sourced<Timestamp>) {
    let sane: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| bounds.allows(&c.stamp))
        .collect();
    for candidate in &sane {
        log::trace!(
            "date candidate {} {:?} {:?} weight {}",
            candidate.stamp,
            candidate.role,
            candidate.source,
            candidate.weight
        );
    }
    let published_side: Vec<&Candidate> = sane
        .iter()
        .copied()
        .filter(|c| c.role != Role::Modified && !is_after_stronger_update(c, &sane))
        .collect();
    let published = strongest(&published_side, &sane, url_date)
        .map(|winner| in_url_month(winner, &published_side, url_month))
        .map(|winner| refine(winner, &sane));
    let mut modified_side: Vec<&Candidate> = sane
        .iter()
        .copied()
        .filter(|c| c.role == Role::Modified)
        .filter(|c| {
            published
                .as_ref()
                .is_none_or(|p| !is_before(&c.stamp, &p.stamp))
        })
        .collect();
    modified_side.sort_by_key(|c| std::cmp::Reverse(c.weight));
    let modified = modified_side.first().map(|winner| refine(winner, &sane));
    // A page that states only when it was updated is, as it stands, published then; so is
    // one that shows its update as its date and its first publication nowhere.
    // An update stamped seconds before the publication is the same save (filtered from
    // `modified` above, it still betrays the restamp).
    let restamp = modified.or_else(|| {
        let p = published.as_ref()?;
        sane.iter()
            .find(|c| c.role == Role::Modified && within_a_minute(&c.stamp, &p.stamp))
            .map(|c| **c)
    });
    let published = match (published, modified) {
        (Some(p), Some(m)) if shows_update_as_its_date(&p, &m, &sane) => Some(m),
        (Some(p), Some(m)) if is_stray_before_update(&p, &m, &sane) => Some(m),
        (Some(p), _) => Some(
            update_shown_alone(&p, modified.as_ref(), &sane)
                .or_else(|| restamp.and_then(|m| shown_before_restamp(&p, &m, &sane)))
                .unwrap_or(p),
        ),
        (published, modified) => published.or(modified),
    };
    (
        published.map(|c| (c.stamp, c.source)),
        modified.map(|c| (c.stamp, c.source)),
    )
}

/// Whether a publication candidate comes after an update that is trusted more: a page cannot
/// be updated before it is out, so the weaker date is wrong, not the update (tagesschau.de:
/// a generic `date` meta of the 29th, 11:52, the header's "Stand: 28.04.2020 18:00 Uhr").
fn is_after_stronger_update(candidate: &Candidate, all: &[&Candidate]) -> bool {
    all.iter().any(|c| {
        c.role == Role::Modified
            && c.weight > candidate.weight
            && is_before(&c.stamp, &candidate.stamp)
    })
}

/// Whether the publication winner is a stray date (written outside the header, in running
/// text or a sidebar) while the page states one update in writing, well above it: the
/// update is the date the text stands at (spektrum.de: "Stand des Artikels: 26. Februar
/// 2020, 12:30 Uhr" opening the text, its header date in a side column, and "WHO-Lagebericht
/// vom 25. Februar 2020" in the body). A thread whose posts state different edits has no
/// one update.
fn is_stray_before_update(published: &Candidate, modified: &Candidate, all: &[&Candidate]) -> bool {
    /// How much more the update must weigh than the stray date.
    const MIN_WEIGHT_GAP: u8 = 20;
    let is_written_update =
        |c: &Candidate| c.role == Role::Modified && c.source == Source::VisibleText;
    published.weight < MIN_SHOWN_WEIGHT
        && is_written_update(modified)
        && modified.weight >= published.weight.saturating_add(MIN_WEIGHT_GAP)
        && all
            .iter()
            .filter(|c| is_written_update(c))
            .all(|c| c.stamp.date() == modified.stamp.date())
}

/// Whether the date a page shows at its head is its update, unlabelled or written as the
/// publication ("Veröffentlicht am 1. Januar 2023"), while its metadata publication date is
/// shown nowhere: republished guides and evergreen pages (dateModified "2022-12-15" printed
/// under the headline as "15.12.2022", datePublished a year earlier and only in the
/// metadata). The reader takes the shown date for the publication. A date shown as an update
/// ("Updated …") stays an update.
fn shows_update_as_its_date(
    published: &Candidate,
    modified: &Candidate,
    all: &[&Candidate],
) -> bool {
    let is_visible = |c: &&&Candidate| matches!(c.source, Source::VisibleText | Source::Markup);
    if is_visible(&&published) || published.stamp.date() == modified.stamp.date() {
        return false;
    }
    let shown = all
        .iter()
        .rev()
        .filter(is_visible)
        .filter(|c| c.role != Role::Modified)
        .max_by_key(|c| c.weight);
    let Some(shown) = shown else {
        return false;
    };
    // A date labelled as the publication counts when written for the reader; a stamp with
    // an offset is the CMS's own metadata again.
    if shown.role == Role::Published && shown.stamp.offset().is_some() {
        return false;
    }
    let day = modified.stamp.date();
    shown.weight >= MIN_SHOWN_WEIGHT
        && shown.stamp.date() == day
        && !all.iter().filter(is_visible).any(|c| {
            c.stamp.date() == published.stamp.date()
                || (c.role == Role::Modified && c.stamp.date() == day)
        })
}

/// The update a page shows as its only date ("Last Updated: 2025-02-22" under the headline,
/// no other day shown anywhere) when its publication is stated in its scripts alone
/// (JSON-LD, the scripts' JSON state, microdata `<meta>`s), in no named meta tag or visible
/// markup: the publisher keeps the first publication from the reader and presents the page
/// as of its update.
fn update_shown_alone(
    published: &Candidate,
    modified: Option<&Candidate>,
    all: &[&Candidate],
) -> Option<Candidate> {
    // A microdata `<meta>` in the body is as hidden as the scripts (splashtop.com, wcxb 0037).
    let is_in_scripts = |c: &&Candidate| {
        c.source == Source::JsonLd
            || (c.source == Source::Meta && c.weight == weight::SCRIPT_STATE)
            || c.is_hidden
    };
    let published_day = published.stamp.date();
    let is_stated_in_scripts_alone = all
        .iter()
        .copied()
        .filter(|c| {
            c.stamp.date() == published_day || (c.role == Role::Published && !is_visible(c))
        })
        .all(|c| is_in_scripts(&c));
    if !is_stated_in_scripts_alone {
        return None;
    }
    let shown: Vec<&Candidate> = all
        .iter()
        .copied()
        .filter(|c| is_visible(c) && !c.is_hidden)
        .collect();
    let update = shown
        .iter()
        .rev()
        .filter(|c| c.role == Role::Modified && c.weight >= MIN_SHOWN_WEIGHT)
        .max_by_key(|c| c.weight)?;
    let day = update.stamp.date();
    // Every other date shown is an update, or that day again in the header; a publication
    // marked up as such (`itemprop`, `pubdate`) states one of its own. A date far from the
    // header (below the header's weight) of a third day is about something else: a teaser,
    // an event in the running text. Every shown update states the one day (a thread's
    // posts with edits of several days keep the first post's date).
    let is_marked_publication =
        |c: &Candidate| c.role == Role::Published && c.source == Source::Markup;
    let is_the_update = |c: &&Candidate| {
        c.role == Role::Modified
            || (c.weight >= MIN_SHOWN_WEIGHT && c.stamp.date() == day && !is_marked_publication(c))
            || (c.weight < MIN_SHOWN_WEIGHT
                && c.stamp.date() != day
                && c.stamp.date() != published_day)
    };
    let is_one_update = shown
        .iter()
        .all(|c| c.role != Role::Modified || c.stamp.date() == day);
    if day <= published_day || !is_one_update || !shown.iter().all(is_the_update) {
        return None;
    }
    match modified {
        Some(m) if m.stamp.date() == day => Some(*m),
        _ => Some(**update),
    }
}

/// The earlier date a page shows at its head when its metadata publication date is the very
/// instant of its modification: CMSs that stamp both fields on every save lose the first
/// publication there, and the header still shows it ("Published Apr 26, 2023" under the
/// headline, `datePublished` and `dateModified` both "2025-08-21T09:12:40"). Two equal bare
/// dates count too (`datePublished` and `dateModified` both "2025-06-24" over a header dated
/// August 2024): a page first put out that day would show that day, not an earlier one.
fn shown_before_restamp(
    published: &Candidate,
    modified: &Candidate,
    all: &[&Candidate],
) -> Option<Candidate> {
    let is_restamped = !matches!(published.source, Source::VisibleText | Source::Markup)
        && (published.stamp == modified.stamp
            || within_a_minute(&published.stamp, &modified.stamp));
    if !is_restamped {
        return None;
    }
    let shown = all
        .iter()
        .rev()
        .filter(|c| matches!(c.source, Source::VisibleText | Source::Markup))
        // Shown, not `itemprop` markup: that is metadata too, restamped or not.
        .filter(|c| c.role != Role::Modified && c.weight <= weight::VISIBLE_MAX)
        .max_by_key(|c| (c.weight, role_rank(c.role)))?;
    (shown.weight >= MIN_SHOWN_WEIGHT && shown.stamp.date() < published.stamp.date())
        .then_some(**shown)
}

/// Whether two stamps with times are less than a minute apart, in either order.
fn within_a_minute(a: &Timestamp, b: &Timestamp) -> bool {
    let (Some(a), Some(b)) = (a.to_instant(), b.to_instant()) else {
        return false;
    };
    a.as_second().abs_diff(b.as_second()) < 60
}

/// The strongest candidate, unless the page shows a rival metadata date instead of it
/// ([`shown_rival`]), or it is more than a day from the URL's date and another candidate
/// agrees with the URL. `all` holds every candidate, updates too.
fn strongest<'c>(
    candidates: &[&'c Candidate],
    all: &[&Candidate],
    url_date: Option<Date>,
) -> Option<&'c Candidate> {
    // `max_by_key` keeps the last of equals; reversed, the first in page order wins.
    let best = candidates
        .iter()
        .rev()
        .copied()
        .max_by_key(|c| (c.weight, role_rank(c.role)))?;
    let best = beyond_list(best, candidates).unwrap_or(best);
    let best = shown_rival(best, candidates, all).unwrap_or(best);
    let best = header_over_inconsistent(best, candidates, all).unwrap_or(best);
    let Some(url_date) = url_date else {
        return Some(best);
    };
    if days_apart(best.stamp.date(), url_date) <= 1 || is_shown_in_header(best, candidates) {
        return Some(best);
    }
    let agreeing = candidates
        .iter()
        .copied()
        .rev()
        .filter(|c| c.stamp.date() == url_date)
        .max_by_key(|c| (c.weight, role_rank(c.role)));
    Some(agreeing.unwrap_or(best))
}

/// The strongest metadata candidate when the visible winner is one of a list: three or more
/// other dates of other days, marked up or written as prominently, are a feed of stories
/// beside the article (cio.com, wcxb 4377: a dozen `<time>` teasers of March 2026 above an
/// article whose only other date is a `date` meta of 2025-03-27).
fn beyond_list<'c>(best: &'c Candidate, candidates: &[&'c Candidate]) -> Option<&'c Candidate> {
    /// How many other days make a list.
    const MIN_LISTED_DAYS: usize = 3;
    /// Dates this close in weight to the winner are as prominent.
    const MAX_WEIGHT_GAP: u8 = 10;
    if !is_visible(best) {
        return None;
    }
    let mut days: Vec<Date> = candidates
        .iter()
        .filter(|c| is_visible(c) && c.weight.saturating_add(MAX_WEIGHT_GAP) >= best.weight)
        .map(|c| c.stamp.date())
        .filter(|day| *day != best.stamp.date())
        .collect();
    days.sort_unstable();
    days.dedup();
    if days.len() < MIN_LISTED_DAYS {
        return None;
    }
    candidates
        .iter()
        .rev()
        .filter(|c| !is_visible(c))
        .max_by_key(|c| (c.weight, role_rank(c.role)))
        .copied()
}

/// The strongest candidate of the month a URL names (`/2025/12/slug`, the year-and-month
/// permalinks of blog engines) when the winner falls outside it: the post was filed that month
/// (smartbitchestrashybooks.com, wcxb 0461: `/2025/12/`, a post of 20 December under
/// "Published" teasers of June to November).
fn in_url_month<'c>(
    winner: &'c Candidate,
    candidates: &[&'c Candidate],
    url_month: Option<(i16, i8)>,
) -> &'c Candidate {
    let Some((year, month)) = url_month else {
        return winner;
    };
    let is_in_month =
        |c: &Candidate| c.stamp.date().year() == year && c.stamp.date().month() == month;
    if is_in_month(winner) {
        return winner;
    }
    candidates
        .iter()
        .rev()
        .filter(|c| is_in_month(c))
        .max_by_key(|c| (c.weight, role_rank(c.role)))
        .copied()
        .unwrap_or(winner)
}

/// Whether a metadata date is also written in the article header: a story republished
/// under the URL it was filed with shows its new date (larepublica.pe: `/2022/05/02/`, JSON-LD
/// and header the 8th), so the URL does not overrule it.
fn is_shown_in_header(best: &Candidate, candidates: &[&Candidate]) -> bool {
    best.source != Source::VisibleText
        && candidates.iter().any(|c| {
            c.source == Source::VisibleText
                && c.weight >= MIN_SHOWN_WEIGHT
                && c.stamp.date() == best.stamp.date()
        })
}

/// A metadata publication date that the article header shows, when the strongest one is
/// shown nowhere and they disagree: two metadata sources that contradict each other are
/// settled by the page (utopia.de: JSON-LD `datePublished` the 3rd, `article:published_time`
/// and the header the 6th; outdoor-magazin.com alike). Visible dates are only witnesses here;
/// they do not win on their own. The witness is written text: `<time>` and `itemprop` markup
/// is the CMS's metadata again, often restamped or a teaser's (readability's videos-1 and
/// bug-1255978 restamp a meta publication date and mark it up). An `itemprop` date may be the
/// rival, as metadata is (utilitypartners.com, wcxb 0350: `article:published_time` the 24th,
/// `itemprop="datePublished"` and the header the 8th), and so may a generic `date` meta or a
/// `<time>` (pcworld.com: JSON-LD of August 2024 shown nowhere, the header and the `date`
/// meta of 25 November 2025).
fn shown_rival<'c>(
    best: &'c Candidate,
    candidates: &[&'c Candidate],
    all: &[&Candidate],
) -> Option<&'c Candidate> {
    if is_visible(best) {
        return None;
    }
    let shown = candidates
        .iter()
        .rev()
        .filter(|c| c.source == Source::VisibleText && c.weight >= MIN_SHOWN_WEIGHT)
        .max_by_key(|c| c.weight)?;
    let day = shown.stamp.date();
    if day == best.stamp.date()
        || candidates
            .iter()
            .any(|c| is_visible(c) && c.stamp.date() == best.stamp.date())
    {
        return None;
    }
    candidates
        .iter()
        .rev()
        .filter(|c| {
            c.source != Source::VisibleText
                && c.weight >= weight::META_GENERIC
                && c.stamp.date() == day
        })
        // A publication stamped as the very update is a restamp, not a witness; so is one
        // stamped at the update's clock time under another offset.
        .filter(|c| {
            !all.iter()
                .any(|m| m.role == Role::Modified && is_same_clock_time(&m.stamp, &c.stamp))
        })
        .max_by_key(|c| (c.weight, role_rank(c.role)))
        .copied()
}

/// The header's written date when the metadata winner is stamped after its own source's
/// update (hubermanlab.com, wcxb 0228: JSON-LD `datePublished` 2025-06-12, `dateModified`
/// 2025-06-10, "November 2, 2022" under the headline): such a pair is an import's or a
/// template's, not the story's. A scheduled post is written before it goes out and shows
/// its publication day (dates 76f18457234e); a winner shown anywhere stands.
fn header_over_inconsistent<'c>(
    best: &'c Candidate,
    candidates: &[&'c Candidate],
    all: &[&Candidate],
) -> Option<&'c Candidate> {
    if is_visible(best)
        || all
            .iter()
            .any(|c| is_visible(c) && c.stamp.date() == best.stamp.date())
        || !all.iter().any(|m| {
            m.role == Role::Modified
                && m.source == best.source
                && m.stamp.date() != best.stamp.date()
                && is_before(&m.stamp, &best.stamp)
        })
    {
        return None;
    }
    candidates
        .iter()
        .rev()
        .filter(|c| c.source == Source::VisibleText && c.weight >= MIN_SHOWN_WEIGHT)
        .max_by_key(|c| c.weight)
        .copied()
}

/// Whether two stamps state the same day and time of day, whatever their offsets (a CMS
/// that writes one save under two zones, wcxb 4083: `13:28:34+05:30` and `13:28:34Z`).
fn is_same_clock_time(a: &Timestamp, b: &Timestamp) -> bool {
    a == b || (a.time().is_some() && a.date() == b.date() && a.time() == b.time())
}

/// Whether a candidate is written or marked up in the page's body, not metadata.
fn is_visible(candidate: &Candidate) -> bool {
    matches!(candidate.source, Source::VisibleText | Source::Markup)
}

/// Labelled publication dates before unlabelled ones of the same weight.
fn role_rank(role: Role) -> u8 {
    match role {
        Role::Published => 2,
        Role::Unlabelled => 1,
        Role::Modified => 0,
    }
}

fn days_apart(a: Date, b: Date) -> i64 {
    (a.since(b)
        .map_or(i64::MAX, |span| i64::from(span.get_days())))
    .abs()
}

/// Fills in what the winner leaves unstated from candidates that agree with it: the time of
/// day for the same date, the page's own offset for the same instant.
fn refine(winner: &Candidate, all: &[&Candidate]) -> Candidate {
    let mut best = *winner;
    if best.stamp.time().is_none() {
        let timed = all
            .iter()
            .rev()
            .filter(|c| c.role == winner.role || c.role == Role::Unlabelled)
            .filter(|c| c.stamp.time().is_some() && c.stamp.date() == best.stamp.date())
            .max_by_key(|c| (c.stamp.offset().is_some(), c.weight));
        if let Some(timed) = timed {
            best.stamp = timed.stamp;
        }
    }
    let is_utc = best.stamp.offset().is_some_and(|o| o.seconds() == 0);
    if is_utc && let Some(instant) = best.stamp.to_instant() {
        let local = all.iter().find(|c| {
            c.stamp.offset().is_some_and(|o| o.seconds() != 0)
                && c.stamp.to_instant() == Some(instant)
        });
        if let Some(local) = local {
            best.stamp = local.stamp;
        } else if let Some(local) = local_day(instant, winner.role, all) {
            best.stamp = local;
        }
    } else if best.stamp.offset().is_none()
        && !is_visible(winner)
        && let Some(shown) = shown_in_another_zone(&best.stamp, all)
    {
        best.stamp = shown;
    }
    best
}

/// The written time, on another day, that a metadata time stated without an offset is in
/// another zone: the same minute a whole number of quarter hours away, within the world's
/// zones. The metadata is the server's clock (UTC), the page shows the reader's day
/// (flyertalk.com, wcxb 0527: `datePublished` "2026-02-15T03:05:48", the first post
/// "Feb 14, 2026 | 9:05 pm").
fn shown_in_another_zone(stamp: &Timestamp, all: &[&Candidate]) -> Option<Timestamp> {
    let to_minute = |stamp: &Timestamp| {
        let time = stamp
            .time()?
            .with()
            .second(0)
            .subsec_nanosecond(0)
            .build()
            .ok()?;
        Some(stamp.date().to_datetime(time))
    };
    let stated = to_minute(stamp)?;
    all.iter()
        .find(|c| {
            is_visible(c)
                && c.stamp.offset().is_none()
                && c.stamp.date() != stamp.date()
                && to_minute(&c.stamp).is_some_and(|shown| {
                    let seconds = stated.duration_until(shown).as_secs();
                    seconds.abs() <= MAX_ZONE_SECONDS && seconds % 900 == 0
                })
        })
        .map(|c| c.stamp)
}

/// The farthest a zone is from UTC (Kiribati's +14 h, and -12 h the other way).
const MAX_ZONE_SECONDS: i64 = 14 * 3600;

/// The page's own day and offset for a UTC instant. The day the reader sees is that of the
/// strongest visible date without an offset (the header's), else the URL's date. When it is
/// reachable from the instant within the world's zones (±14 h), it is the page's day: with a
/// written time the offset follows from the difference (in whole quarter hours); without one,
/// only the date is known, and only a different day is news. A visible date that agrees with
/// the UTC day keeps it (ultimahora.com: `22:12Z` on the 5th, a `<time>` of the 5th, and a
/// teaser of the 6th nearby).
fn local_day(instant: jiff::Timestamp, role: Role, all: &[&Candidate]) -> Option<Timestamp> {
    /// The weight of a visible date in the article header.
    const MIN_SEEN_WEIGHT: u8 = 50;
    /// A bare day moves the instant only from a date this strong: near the headline.
    const MIN_DAY_WEIGHT: u8 = 55;
    /// Visible dates this close in weight to the strongest are as prominent.
    const MAX_LIST_WEIGHT_GAP: u8 = 5;
    let utc = jiff::tz::Offset::UTC.to_datetime(instant);
    let span = jiff::SignedDuration::from_secs(MAX_ZONE_SECONDS);
    let earliest = jiff::tz::Offset::UTC
        .to_datetime(instant.checked_sub(span).ok()?)
        .date();
    let latest = jiff::tz::Offset::UTC
        .to_datetime(instant.checked_add(span).ok()?)
        .date();
    let is_seen = |c: &&&Candidate| {
        matches!(c.source, Source::VisibleText | Source::Markup)
            && c.weight >= MIN_SEEN_WEIGHT
            && (c.role == role || c.role == Role::Unlabelled)
            && c.stamp.offset().is_none()
    };
    let visible = all.iter().rev().filter(is_seen).max_by_key(|c| c.weight);
    // A list of dates of about the same weight (a teaser rail, a day-by-day archive) shows no
    // one day.
    let is_list = visible.is_some_and(|best| {
        all.iter().filter(is_seen).any(|c| {
            c.stamp.date() != best.stamp.date() && c.weight + MAX_LIST_WEIGHT_GAP >= best.weight
        })
    });
    if is_list {
        return None;
    }
    let seen = visible.or_else(|| {
        all.iter()
            .find(|c| c.source == Source::Url && c.stamp.date() != utc.date())
    })?;
    if !(earliest..=latest).contains(&seen.stamp.date()) {
        return None;
    }
    // A weaker visible day moves it too when the URL names the same day: two sources agree.
    let url_agrees = || {
        all.iter()
            .any(|c| c.source == Source::Url && c.stamp.date() == seen.stamp.date())
    };
    let moves_day = seen.stamp.date() != utc.date()
        && (seen.source == Source::Url || seen.weight >= MIN_DAY_WEIGHT || url_agrees());
    let Some(time) = seen.stamp.time() else {
        return moves_day.then(|| Timestamp::from_date(seen.stamp.date()));
    };
    let local = seen.stamp.date().to_datetime(time);
    // Written times rarely show seconds: compare whole minutes.
    let utc_minute = utc.with().second(0).subsec_nanosecond(0).build().ok()?;
    let seconds = utc_minute.duration_until(local).as_secs();
    let offset = (seconds.abs() <= MAX_ZONE_SECONDS && seconds % 900 == 0)
        .then(|| jiff::tz::Offset::from_seconds(i32::try_from(seconds).ok()?).ok())
        .flatten();
    match offset {
        Some(offset) if seconds != 0 => {
            let local = offset.to_datetime(instant);
            Some(Timestamp::new(
                local.date(),
                Some(local.time()),
                Some(offset),
            ))
        }
        Some(_) => None,
        None => moves_day.then(|| Timestamp::from_date(seen.stamp.date())),
    }
}

/// Whether `a` is certainly earlier than `b`: by instant when both have one, by clock time
/// when both have a time in the same unknown zone, else by date (a day apart at least when
/// only one states its offset).
fn is_before(a: &Timestamp, b: &Timestamp) -> bool {
    if let (Some(a), Some(b)) = (a.to_instant(), b.to_instant()) {
        return a < b;
    }
    if a.time().is_some() && b.time().is_some() && a.offset() == b.offset() {
        return a.to_datetime() < b.to_datetime();
    }
    if a.offset().is_some() != b.offset().is_some() {
        return a.date() < b.date() && days_apart(a.date(), b.date()) > 1;
    }
    a.date() < b.date()
}

/// A date in the URL path: `/2021/03/30/`, `/2021-03-30-`, `/20210330/`.
pub(crate) fn date_in_url(url: &Url) -> Option<Date> {
    let path = url.path();
    let bytes = path.as_bytes();
    (0..bytes.len()).find_map(|start| {
        if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            return None;
        }
        // A date takes at most 10 bytes; looking further would make the scan quadratic.
        let tail = path.get(start..)?;
        let tail = tail.get(..16).unwrap_or(tail);
        slashed_date(tail).or_else(|| compact_date(tail))
    })
}

/// The year and month of a URL path that holds them as its own segments with no day:
/// `/2025/12/slug`.
pub(crate) fn month_in_url(url: &Url) -> Option<(i16, i8)> {
    let segments: Vec<&str> = url.path_segments()?.collect();
    segments.windows(3).find_map(|window| {
        let [year, month, next] = window else {
            return None;
        };
        let is_number =
            |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        if !is_number(year, 4) || !is_number(month, 2) || next.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i16 = year.parse().ok()?;
        let month: i8 = month.parse().ok()?;
        ((1995..=2100).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
    })
}

/// `2021/03/30`, `2021/3/30` or `2021-03-30` at the start of `tail`, not followed by
/// another digit. Joined into a slug by `-` or `_`, month and day are written with two
/// digits: an unpadded `2024-4-4` in a slug is a version number (home-assistant.io's forum,
/// wcxb 0503: "/t/2024-4-4-2024-5-0-issue-…").
fn slashed_date(tail: &str) -> Option<Date> {
    let separator = tail.get(4..)?.chars().next()?;
    let mut parts = tail.splitn(4, separator);
    let year = parts.next()?;
    let month = parts.next()?;
    let day = parts.next()?;
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let min_digits = if separator == '/' { 1 } else { 2 };
    if !matches!(separator, '/' | '-' | '_')
        || year.len() != 4
        || !(min_digits..=2).contains(&month.len())
        || !(min_digits..=2).contains(&day.len())
        || !all_digits(year)
        || !all_digits(month)
        || !all_digits(day)
    {
        return None;
    }
    iso::make_date(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// `20210330` at the start of `tail`, followed by a non-digit.
fn compact_date(tail: &str) -> Option<Date> {
    let digits = tail.get(..8)?;
    if !digits.bytes().all(|b| b.is_ascii_digit())
        || tail.as_bytes().get(8).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let year: u32 = digits[..4].parse().ok()?;
    if !(1995..=2100).contains(&year) {
        return None;
    }
    iso::make_date(year, digits[4..6].parse().ok()?, digits[6..].parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    fn bounds() -> Bounds {
        Bounds {
            reference: "2024-01-01T00:00:00Z".parse().unwrap(),
            is_archive: false,
        }
    }

    fn published(text: &str, weight: u8) -> Candidate {
        Candidate::new(stamp(text), Role::Published, Source::JsonLd, weight)
    }

    fn modified(text: &str, weight: u8) -> Candidate {
        Candidate::new(stamp(text), Role::Modified, Source::JsonLd, weight)
    }

    fn shown(text: &str, role: Role, weight: u8) -> Candidate {
        Candidate::new(stamp(text), role, Source::VisibleText, weight)
    }

    fn chosen(candidates: &[Candidate], url: Option<Date>) -> (Option<String>, Option<String>) {
        let (p, m) = choose(candidates, url, None, &bounds());
        (p.map(|p| p.0.to_string()), m.map(|m| m.0.to_string()))
    }

    #[test]
    fn a_publication_stamped_after_its_own_update_yields_to_the_header() {
        let candidates = [
            published("2023-06-12", 100),
            modified("2023-06-10", 100),
            shown("2022-11-02", Role::Unlabelled, 55),
        ];
        assert_eq!(chosen(&candidates, None).0.as_deref(), Some("2022-11-02"));
        // A scheduled post, written before it went out, shows its publication day.
        let scheduled = [
            published("2023-06-12", 100),
            modified("2023-06-10", 100),
            shown("2023-06-10", Role::Unlabelled, 55),
            shown("2023-06-12", Role::Unlabelled, 40),
        ];
        assert_eq!(chosen(&scheduled, None).0.as_deref(), Some("2023-06-12"));
    }

    #[test]
    fn the_strongest_source_wins_and_roles_stay_apart() {
        let (p, m) = chosen(
            &[
                published("2021-03-29", 50),
                published("2021-03-30T11:49:00+03:00", 100),
                modified("2021-03-31T08:00:00+03:00", 100),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2021-03-30T11:49:00+03:00"));
        assert_eq!(m.as_deref(), Some("2021-03-31T08:00:00+03:00"));
    }

    #[test]
    fn rejects_dates_after_the_reference_time() {
        let (p, _) = chosen(
            &[published("2024-05-01", 100), published("2023-12-31", 10)],
            None,
        );
        assert_eq!(p.as_deref(), Some("2023-12-31"));
        assert!(!bounds().allows(&stamp("2024-01-01T00:00:01Z")));
        assert!(bounds().allows(&stamp("2024-01-01T09:00:00")));
    }

    #[test]
    fn rejects_dates_before_1995_unless_archived() {
        assert!(!bounds().allows(&stamp("1994-12-31")));
        assert!(bounds().allows(&stamp("1995-01-01")));
        let archive = Bounds {
            is_archive: true,
            ..bounds()
        };
        assert!(archive.allows(&stamp("1912-04-15")));
    }

    #[test]
    fn published_is_never_later_than_modified() {
        let (p, m) = chosen(
            &[
                published("2021-03-30", 100),
                modified("2021-03-01", 100),
                modified("2021-04-02", 50),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2021-03-30"));
        assert_eq!(m.as_deref(), Some("2021-04-02"));
        let (_, m) = chosen(
            &[published("2021-03-30", 100), modified("2021-03-01", 100)],
            None,
        );
        assert_eq!(m, None);
    }

    #[test]
    fn an_earlier_shown_date_beats_a_restamped_publication() {
        let shown = Candidate::new(
            stamp("2023-04-26"),
            Role::Published,
            Source::VisibleText,
            60,
        );
        let cases = [
            // The same instant, and the same bare day.
            (
                "2023-08-21T09:12:40+00:00",
                "2023-08-21T09:12:40+00:00",
                "2023-04-26",
            ),
            ("2023-08-21", "2023-08-21", "2023-04-26"),
            // One save stamping the update a few seconds before the publication (corti.ai,
            // wcxb 0386), or after it.
            (
                "2023-08-21T22:02:58.705+00:00",
                "2023-08-21T22:02:45.351+00:00",
                "2023-04-26",
            ),
            (
                "2023-08-21T09:12:40+00:00",
                "2023-08-21T09:13:10+00:00",
                "2023-04-26",
            ),
            // A publication stamped apart from its update keeps its own date.
            (
                "2023-08-21T09:12:40+00:00",
                "2023-08-22T10:00:00+00:00",
                "2023-08-21T09:12:40+00:00",
            ),
        ];
        for (p, m, expected) in cases {
            let candidates = [published(p, 100), modified(m, 100), shown];
            assert_eq!(chosen(&candidates, None).0.as_deref(), Some(expected));
        }
    }

    #[test]
    fn the_header_settles_disagreeing_metadata_dates() {
        let header = Candidate::new(
            stamp("2023-11-06T15:25:00"),
            Role::Unlabelled,
            Source::VisibleText,
            60,
        );
        let og = |text: &str, role| Candidate::new(stamp(text), role, Source::OpenGraph, 95);
        let json_ld = published("2023-11-03T10:25:56+00:00", 100);
        let og_published = og("2023-11-06T14:25:00+00:00", Role::Published);
        let og_modified = og("2023-11-06T14:26:51+00:00", Role::Modified);
        let (p, _) = chosen(&[json_ld, og_published, og_modified, header], None);
        assert_eq!(p.as_deref(), Some("2023-11-06T15:25:00+01:00"));
        // A rival stamped as the very update (which the page marks up as such) is a
        // restamp: the JSON-LD date stays.
        let restamped = og("2023-11-06T14:26:51+00:00", Role::Published);
        let marked_update = Candidate::new(og_modified.stamp, Role::Modified, Source::Markup, 90);
        let (p, _) = chosen(
            &[json_ld, restamped, og_modified, marked_update, header],
            None,
        );
        assert_eq!(p.as_deref(), Some("2023-11-03T10:25:56+00:00"));
        // A `<time>` is no witness, and a JSON-LD date the page shows is not overruled.
        let marked = Candidate::new(header.stamp, Role::Unlabelled, Source::Markup, 70);
        let (p, _) = chosen(
            &[json_ld, og_published, og_modified, marked_update, marked],
            None,
        );
        assert_eq!(p.as_deref(), Some("2023-11-03T10:25:56+00:00"));
        // An `itemprop` publication date is a witness as a meta one is (utilitypartners.com,
        // wcxb 0350: `article:published_time` the 24th, `itemprop` and the header the 8th).
        let og_only = og("2022-10-24T12:40:59+00:00", Role::Published);
        let itemprop = Candidate::new(stamp("2022-10-08"), Role::Published, Source::Markup, 90);
        let shown = Candidate::new(
            stamp("2022-10-08"),
            Role::Unlabelled,
            Source::VisibleText,
            60,
        );
        let (p, _) = chosen(&[og_only, itemprop, shown], None);
        assert_eq!(p.as_deref(), Some("2022-10-08"));
        let shown_too = Candidate::new(json_ld.stamp, Role::Unlabelled, Source::VisibleText, 20);
        let (p, _) = chosen(
            &[json_ld, og_published, og_modified, header, shown_too],
            None,
        );
        assert_eq!(p.as_deref(), Some("2023-11-03T10:25:56+00:00"));
    }

    #[test]
    fn a_weak_metadata_date_the_header_shows_is_a_rival_too() {
        // pcworld.com (wcxb 0212): JSON-LD the 29th of August 2024 shown nowhere, a generic
        // `date` meta and the header "Nov 25, 2025 5:00 am PST".
        let json_ld = published("2022-08-29T10:00:00+00:00", 100);
        let generic = Candidate::new(stamp("2023-11-25"), Role::Unlabelled, Source::Meta, 50);
        let header = shown("2023-11-25T05:00:00-08:00", Role::Published, 70);
        let (p, _) = chosen(&[json_ld, generic, header], None);
        assert_eq!(p.as_deref(), Some("2023-11-25"));
        // A rival at the update's clock time under another offset is the same save.
        let update = Candidate::new(
            stamp("2023-11-25T13:28:34+00:00"),
            Role::Modified,
            Source::OpenGraph,
            95,
        );
        let restamp = Candidate::new(
            stamp("2023-11-25T13:28:34+05:30"),
            Role::Published,
            Source::Markup,
            80,
        );
        let header = shown("2023-11-25", Role::Unlabelled, 54);
        let updated = shown("2023-11-25", Role::Modified, 70);
        let (p, _) = chosen(&[json_ld, update, restamp, header, updated], None);
        assert_eq!(p.as_deref(), Some("2022-08-29T10:00:00+00:00"));
    }

    #[test]
    fn a_date_the_header_shows_is_not_overruled_by_the_url() {
        let url = Date::new(2022, 5, 2).ok();
        let json_ld = published("2022-05-08T06:00:00-05:00", 100);
        let from_url = Candidate::new(
            Timestamp::from_date(Date::new(2022, 5, 2).unwrap()),
            Role::Unlabelled,
            Source::Url,
            weight::URL,
        );
        let (p, _) = chosen(&[json_ld, from_url], url);
        assert_eq!(p.as_deref(), Some("2022-05-02"));
        let header = Candidate::new(
            stamp("2022-05-08"),
            Role::Unlabelled,
            Source::VisibleText,
            60,
        );
        let (p, _) = chosen(&[json_ld, from_url, header], url);
        assert_eq!(p.as_deref(), Some("2022-05-08T06:00:00-05:00"));
    }

    #[test]
    fn a_feed_of_teaser_dates_yields_to_the_metadata() {
        let marked = |text: &str, weight| {
            Candidate::new(stamp(text), Role::Published, Source::Markup, weight)
        };
        let generic = Candidate::new(stamp("2023-03-27"), Role::Unlabelled, Source::Meta, 50);
        let feed = [
            marked("2023-12-13T16:44:22+00:00", 77),
            marked("2023-12-10T14:09:58+00:00", 70),
            marked("2023-12-09T05:40:57+00:00", 70),
        ];
        let (p, _) = chosen(&[feed[0], feed[1], feed[2], generic], None);
        assert_eq!(p.as_deref(), Some("2023-12-13T16:44:22+00:00"));
        let more = marked("2023-12-05T18:24:00+00:00", 70);
        let (p, _) = chosen(&[feed[0], feed[1], feed[2], more, generic], None);
        assert_eq!(p.as_deref(), Some("2023-03-27"));
    }

    #[test]
    fn the_url_month_overrules_a_winner_outside_it() {
        let teaser = shown("2023-06-17", Role::Published, 68);
        let post = shown("2023-12-20T03:00:00", Role::Unlabelled, 54);
        let (p, _) = choose(&[teaser, post], None, Some((2023, 12)), &bounds());
        assert_eq!(
            p.map(|p| p.0.to_string()).as_deref(),
            Some("2023-12-20T03:00:00")
        );
        // No candidate of that month: the winner stays.
        let (p, _) = choose(&[teaser], None, Some((2023, 12)), &bounds());
        assert_eq!(p.map(|p| p.0.to_string()).as_deref(), Some("2023-06-17"));
    }

    #[test]
    fn reads_the_month_of_url_paths() {
        let cases = [
            ("https://x.com/2025/12/book-beat", Some((2025, 12))),
            ("https://x.com/blog/2025/01/a-post/", Some((2025, 1))),
            ("https://x.com/2025/12/20/story", None),
            ("https://x.com/2025/13/story", None),
            ("https://x.com/1234/12/story", None),
            ("https://x.com/story", None),
        ];
        for (url, expected) in cases {
            assert_eq!(month_in_url(&Url::parse(url).unwrap()), expected, "{url}");
        }
    }

    #[test]
    fn a_written_update_beats_a_stray_date() {
        let stray = shown("2020-02-25", Role::Unlabelled, 31);
        let update = shown("2020-02-26T12:30:00", Role::Modified, 68);
        let (p, m) = chosen(&[stray, update, update], None);
        assert_eq!(p.as_deref(), Some("2020-02-26T12:30:00"));
        assert_eq!(m.as_deref(), Some("2020-02-26T12:30:00"));
        // A forum thread's posts state different edits: the first post's date stays.
        let other_edit = shown("2021-03-01T11:24:00", Role::Modified, 43);
        let (p, _) = chosen(&[stray, update, other_edit], None);
        assert_eq!(p.as_deref(), Some("2020-02-25"));
        // A date in the header is no stray.
        let header = shown("2020-02-25", Role::Unlabelled, 55);
        let (p, _) = chosen(&[header, update], None);
        assert_eq!(p.as_deref(), Some("2020-02-25"));
    }

    #[test]
    fn a_weaker_publication_after_the_update_yields_to_it() {
        let update = Candidate::new(
            stamp("2020-04-28T18:00:00"),
            Role::Modified,
            Source::VisibleText,
            68,
        );
        let generic = Candidate::new(
            stamp("2020-04-29T11:52:23"),
            Role::Unlabelled,
            Source::Meta,
            50,
        );
        let (p, m) = chosen(&[generic, update], None);
        assert_eq!(p.as_deref(), Some("2020-04-28T18:00:00"));
        assert_eq!(m.as_deref(), Some("2020-04-28T18:00:00"));
        // A stronger publication date keeps its place; the earlier update is dropped.
        let (p, m) = chosen(&[published("2020-04-29", 100), update], None);
        assert_eq!(p.as_deref(), Some("2020-04-29"));
        assert_eq!(m, None);
    }

    #[test]
    fn an_update_alone_stands_for_the_publication() {
        let (p, m) = chosen(&[modified("2021-03-30", 60)], None);
        assert_eq!(p.as_deref(), Some("2021-03-30"));
        assert_eq!(m.as_deref(), Some("2021-03-30"));
    }

    #[test]
    fn a_bare_date_takes_the_time_stated_elsewhere() {
        let (p, _) = chosen(
            &[
                published("2021-03-30", 100),
                Candidate::new(
                    stamp("2021-03-30T11:49:00+01:00"),
                    Role::Unlabelled,
                    Source::Markup,
                    60,
                ),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2021-03-30T11:49:00+01:00"));
    }

    #[test]
    fn a_utc_time_takes_the_pages_own_offset() {
        let (p, _) = chosen(
            &[
                published("2021-03-30T22:30:00Z", 100),
                Candidate::new(
                    stamp("2021-03-30T17:30:00-05:00"),
                    Role::Published,
                    Source::OpenGraph,
                    95,
                ),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2021-03-30T17:30:00-05:00"));
    }

    #[test]
    fn a_utc_time_takes_the_day_the_reader_sees() {
        let seen =
            |text: &str| Candidate::new(stamp(text), Role::Unlabelled, Source::VisibleText, 60);
        let (p, _) = chosen(
            &[
                published("2022-11-06T23:00:00Z", 100),
                seen("2022-11-07T00:00"),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2022-11-07T00:00:00+01:00"));
        let (p, _) = chosen(
            &[published("2023-11-09T05:30:59Z", 100), seen("2023-11-08")],
            None,
        );
        assert_eq!(p.as_deref(), Some("2023-11-08"));
        let (p, _) = chosen(
            &[published("2023-11-09T12:00:00Z", 100), seen("2023-11-07")],
            None,
        );
        assert_eq!(p.as_deref(), Some("2023-11-09T12:00:00+00:00"));
    }

    #[test]
    fn a_utc_time_takes_the_day_a_weaker_visible_date_and_the_url_agree_on() {
        let (p, _) = chosen(
            &[
                published("2018-12-31T23:11:59Z", 95),
                shown("2019-01-01", Role::Unlabelled, 52),
                Candidate::new(stamp("2019-01-01"), Role::Published, Source::Url, 55),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2019-01-01"));
        // Without the URL's word, so weak a date does not move the instant's day.
        let (p, _) = chosen(
            &[
                published("2018-12-31T23:11:59Z", 95),
                shown("2019-01-01", Role::Unlabelled, 52),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2018-12-31T23:11:59+00:00"));
    }

    #[test]
    fn a_utc_time_keeps_its_day_when_the_header_shows_it() {
        let seen = |text: &str, weight: u8| {
            Candidate::new(stamp(text), Role::Unlabelled, Source::VisibleText, weight)
        };
        let (p, _) = chosen(
            &[
                published("2022-05-05T22:12:00Z", 100),
                seen("2022-05-05", 70),
                seen("2022-05-06", 60),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2022-05-05T22:12:00+00:00"));
        // The header's written time gives the page's offset.
        let (p, _) = chosen(
            &[
                published("2023-11-08T21:56:18Z", 100),
                seen("2023-11-08T16:56", 70),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2023-11-08T16:56:18-05:00"));
    }

    #[test]
    fn a_time_without_offset_takes_the_day_it_is_shown_on_in_another_zone() {
        let (p, _) = chosen(
            &[
                published("2023-02-15T03:05:48", 100),
                shown("2023-02-14T21:05", Role::Unlabelled, 40),
                shown("2023-02-17T09:17", Role::Modified, 56),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2023-02-14T21:05:00"));
        // Another minute is another time, not the same one elsewhere.
        let (p, _) = chosen(
            &[
                published("2023-02-15T03:05:48", 100),
                shown("2023-02-14T21:07", Role::Unlabelled, 40),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2023-02-15T03:05:48"));
    }

    #[test]
    fn a_list_of_dates_moves_no_utc_time() {
        let seen = |text: &str| Candidate::new(stamp(text), Role::Unlabelled, Source::Markup, 58);
        let (p, _) = chosen(
            &[
                published("2023-12-19T00:00:00Z", 100),
                seen("2023-12-18"),
                seen("2023-12-17"),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2023-12-19T00:00:00+00:00"));
    }

    #[test]
    fn an_update_shown_as_the_date_is_the_publication() {
        let seen =
            |text: &str, role: Role| Candidate::new(stamp(text), role, Source::VisibleText, 60);
        let metadata = [
            published("2021-12-06T14:36:00Z", 100),
            modified("2022-12-15T08:13:00Z", 100),
        ];
        let (p, m) = chosen(
            &[
                metadata[0],
                metadata[1],
                seen("2022-12-15", Role::Unlabelled),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2022-12-15T08:13:00+00:00"));
        assert_eq!(m, p);
        // Labelled as an update, it stays one while a meta tag states the publication too.
        let open_graph = Candidate::new(
            stamp("2021-12-06T14:36:00Z"),
            Role::Published,
            Source::OpenGraph,
            95,
        );
        let (p, _) = chosen(
            &[
                metadata[0],
                metadata[1],
                open_graph,
                seen("2022-12-15", Role::Modified),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2021-12-06T14:36:00+00:00"));
        // Shown with the publication date, the publication stays.
        let (p, _) = chosen(
            &[
                metadata[0],
                metadata[1],
                seen("2022-12-15", Role::Unlabelled),
                Candidate::new(
                    stamp("2021-12-06"),
                    Role::Published,
                    Source::VisibleText,
                    30,
                ),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2021-12-06T14:36:00+00:00"));
        // Written as the publication, it is the publication; stamped with an offset, it is
        // metadata again.
        let (p, _) = chosen(
            &[
                metadata[0],
                metadata[1],
                seen("2022-12-15", Role::Published),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2022-12-15T08:13:00+00:00"));
        let (p, _) = chosen(
            &[
                metadata[0],
                metadata[1],
                seen("2022-12-15T08:13:00Z", Role::Published),
            ],
            None,
        );
        assert_eq!(p.as_deref(), Some("2021-12-06T14:36:00+00:00"));
    }

    #[test]
    fn an_update_shown_alone_over_a_publication_in_json_ld_only_is_the_publication() {
        let metadata = [
            published("2021-08-12T19:35:44Z", 100),
            modified("2023-02-22T22:13:14Z", 100),
        ];
        let update = shown("2023-02-22", Role::Modified, 70);
        let (p, m) = chosen(&[metadata[0], metadata[1], update], None);
        assert_eq!(p.as_deref(), Some("2023-02-22T22:13:14+00:00"));
        assert_eq!(m, p);
        // The header may also read that day as the publication ("Published … Updated …").
        let as_published = shown("2023-02-22", Role::Published, 70);
        let (p, _) = chosen(&[metadata[0], metadata[1], update, as_published], None);
        assert_eq!(p.as_deref(), Some("2023-02-22T22:13:14+00:00"));
        // Shown beside another date in the header, or with the publication in a meta tag, it
        // stays an update.
        let teaser = shown("2022-05-01", Role::Unlabelled, 55);
        let (p, _) = chosen(&[metadata[0], metadata[1], update, teaser], None);
        assert_eq!(p.as_deref(), Some("2021-08-12T19:35:44+00:00"));
        let meta = Candidate::new(
            stamp("2021-08-12T19:35:44Z"),
            Role::Published,
            Source::OpenGraph,
            95,
        );
        let (p, _) = chosen(&[metadata[0], metadata[1], update, meta], None);
        assert_eq!(p.as_deref(), Some("2021-08-12T19:35:44+00:00"));
        // A written update of another day than the metadata's stands for the publication too.
        let other_day = shown("2022-11-30", Role::Modified, 70);
        let (p, m) = chosen(&[metadata[0], metadata[1], other_day], None);
        assert_eq!(p.as_deref(), Some("2022-11-30"));
        assert_eq!(m.as_deref(), Some("2023-02-22T22:13:14+00:00"));
    }

    #[test]
    fn far_dates_of_other_days_do_not_hide_an_update_shown_alone() {
        // wcxb 0110: "Updated April 19, 2025" in the header, other days only in the running
        // text and teasers, the publication in JSON-LD alone.
        let metadata = [
            published("2022-02-01T15:46:14Z", 75),
            modified("2023-04-19T23:02:46Z", 75),
        ];
        let update = shown("2023-04-19", Role::Modified, 70);
        let far = shown("2019-02-14", Role::Unlabelled, 33);
        let (p, _) = chosen(&[metadata[0], metadata[1], update, far], None);
        assert_eq!(p.as_deref(), Some("2023-04-19T23:02:46+00:00"));
        // Far down, the publication's day or a copy of the update's still keeps it.
        for far in [
            shown("2022-02-01", Role::Unlabelled, 33),
            shown("2023-04-19", Role::Unlabelled, 33),
        ] {
            let (p, _) = chosen(&[metadata[0], metadata[1], update, far], None);
            assert_eq!(p.as_deref(), Some("2022-02-01T15:46:14+00:00"));
        }
        // A thread whose posts show edits of several days keeps its first post's date.
        let edit = shown("2023-05-02", Role::Modified, 56);
        let (p, _) = chosen(&[metadata[0], metadata[1], update, far, edit], None);
        assert_eq!(p.as_deref(), Some("2022-02-01T15:46:14+00:00"));
    }

    #[test]
    fn the_url_date_overrules_a_distant_winner() {
        let url = Some(jiff::civil::date(2019, 5, 6));
        let (p, _) = chosen(
            &[published("2016-08-29", 100), published("2019-05-06", 40)],
            url,
        );
        assert_eq!(p.as_deref(), Some("2019-05-06"));
        let (p, _) = chosen(&[published("2019-05-07", 100)], url);
        assert_eq!(p.as_deref(), Some("2019-05-07"));
    }

    #[test]
    fn reads_dates_from_url_paths() {
        let cases = [
            ("https://x.com/2021/03/30/story", Some("2021-03-30")),
            ("https://x.com/news/20210330/story", Some("2021-03-30")),
            ("https://x.com/a-2021-03-30-b", Some("2021-03-30")),
            ("https://x.com/2021/3/30/story", Some("2021-03-30")),
            ("https://x.com/t/2024-4-4-2024-5-0-issue", None),
            ("https://x.com/2021/03-30/story", None),
            ("https://x.com/story-123456789", None),
            ("https://x.com/2021/story", None),
            ("https://x.com/2021/03/story", None),
            ("https://x.com/id/12345678/story", None),
        ];
        for (url, expected) in cases {
            let found = date_in_url(&Url::parse(url).unwrap()).map(|d| d.to_string());
            assert_eq!(found.as_deref(), expected, "{url}");
        }
    }
}
