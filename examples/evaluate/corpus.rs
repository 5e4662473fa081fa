//! Reading the corpus: `<root>/<set>/<id>/page.html.gz` and `truth.json`.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Why a corpus could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The corpus or set directory does not exist.
    #[error("corpus directory {path} not found")]
    Missing {
        /// Where it was expected.
        path: PathBuf,
    },
    /// A file or directory could not be read.
    #[error("reading {path} failed")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A `truth.json` is not valid.
    #[error("parsing {path} failed")]
    Truth {
        /// The file.
        path: PathBuf,
        /// The JSON error.
        #[source]
        source: serde_json::Error,
    },
}

/// One page's `truth.json`. Every field is optional: missing means "not annotated".
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Truth {
    /// The page's original URL.
    pub url: Option<String>,
    /// `article`, `forum`, … (set `wcxb`).
    pub page_type: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The author string(s) as annotated.
    pub byline: Option<Byline>,
    /// The publication date, `YYYY-MM-DD` or a full timestamp.
    pub published: Option<String>,
    /// The main text, paragraphs separated by blank lines.
    pub body: Option<String>,
    /// Snippets a correct body contains.
    pub with: Option<Vec<String>>,
    /// Snippets a correct body does not contain.
    pub without: Option<Vec<String>>,
}

/// A byline is one string in most sets, a list of names in some trafilatura pages.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Byline {
    /// One string, possibly naming several people.
    One(String),
    /// Several strings.
    Many(Vec<String>),
}

impl Byline {
    /// The annotated strings, blank ones left out.
    pub fn to_vec(&self) -> Vec<String> {
        let all = match self {
            Byline::One(one) => std::slice::from_ref(one),
            Byline::Many(many) => many.as_slice(),
        };
        all.iter()
            .filter(|s| !s.trim().is_empty())
            .cloned()
            .collect()
    }
}

/// A page of a set, not yet read.
#[derive(Debug, Clone)]
pub struct PageRef {
    /// The page's folder name.
    pub id: String,
    /// The page's folder.
    pub dir: PathBuf,
}

/// A page read into memory.
#[derive(Debug)]
pub struct LoadedPage {
    /// The page's HTML bytes, decompressed but not decoded.
    pub html: Vec<u8>,
    /// Its annotations.
    pub truth: Truth,
}

/// The set names of a corpus: its subdirectories, sorted.
///
/// # Errors
///
/// [`CorpusError::Missing`] when `root` is not a directory, [`CorpusError::Io`] when it
/// cannot be listed.
pub fn sets(root: &Path) -> Result<Vec<String>, CorpusError> {
    Ok(subdirectories(root)?
        .into_iter()
        .map(|(name, _)| name)
        .collect())
}

/// The pages of one set, sorted by id.
///
/// # Errors
///
/// [`CorpusError::Missing`] when the set directory does not exist, [`CorpusError::Io`] when
/// it cannot be listed.
pub fn pages(root: &Path, set: &str) -> Result<Vec<PageRef>, CorpusError> {
    Ok(subdirectories(&root.join(set))?
        .into_iter()
        .map(|(id, dir)| PageRef { id, dir })
        .collect())
}

fn subdirectories(dir: &Path) -> Result<Vec<(String, PathBuf)>, CorpusError> {
    if !dir.is_dir() {
        return Err(CorpusError::Missing {
            path: dir.to_owned(),
        });
    }
    let io_error = |source| CorpusError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_error)? {
        let entry = entry.map_err(io_error)?;
        if entry.file_type().map_err(io_error)?.is_dir() {
            found.push((
                entry.file_name().to_string_lossy().into_owned(),
                entry.path(),
            ));
        }
    }
    found.sort();
    Ok(found)
}

impl PageRef {
    /// Reads and decompresses `page.html.gz` and parses `truth.json`.
    ///
    /// # Errors
    ///
    /// [`CorpusError::Io`] when a file cannot be read or decompressed, [`CorpusError::Truth`]
    /// when `truth.json` is not valid.
    pub fn load(&self) -> Result<LoadedPage, CorpusError> {
        let page_path = self.dir.join("page.html.gz");
        let io_error = |path: &Path| {
            let path = path.to_owned();
            move |source| CorpusError::Io { path, source }
        };
        let file = std::fs::File::open(&page_path).map_err(io_error(&page_path))?;
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(std::io::BufReader::new(file))
            .read_to_end(&mut html)
            .map_err(io_error(&page_path))?;
        let truth_path = self.dir.join("truth.json");
        let text = std::fs::read(&truth_path).map_err(io_error(&truth_path))?;
        let truth = serde_json::from_slice(&text).map_err(|source| CorpusError::Truth {
            path: truth_path,
            source,
        })?;
        Ok(LoadedPage { html, truth })
    }
}
