//! Quality floors: the lowest value each gated figure may take, per set, as kept in
//! `tests/quality-floors.json`. Floors only ever go up.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Floors by set, then by figure name (as [`super::report::SetReport::gated_figures`] names
/// them).
pub type Floors = BTreeMap<String, BTreeMap<String, f64>>;

/// Why the floors file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FloorsError {
    /// The file could not be read or written.
    #[error("accessing {path} failed")]
    Io {
        /// The floors file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a JSON object of objects of numbers.
    #[error("parsing {path} failed")]
    Json {
        /// The floors file.
        path: PathBuf,
        /// The JSON error.
        #[source]
        source: serde_json::Error,
    },
}

/// Reads a floors file.
///
/// # Errors
///
/// [`FloorsError::Io`] when it cannot be read, [`FloorsError::Json`] when it is malformed.
pub fn read(path: &Path) -> Result<Floors, FloorsError> {
    let text = std::fs::read(path).map_err(|source| FloorsError::Io {
        path: path.to_owned(),
        source,
    })?;
    serde_json::from_slice(&text).map_err(|source| FloorsError::Json {
        path: path.to_owned(),
        source,
    })
}

/// Writes a floors file, pretty-printed with a final newline.
///
/// # Errors
///
/// [`FloorsError::Io`] when it cannot be written.
pub fn write(path: &Path, floors: &Floors) -> Result<(), FloorsError> {
    let mut text = serde_json::to_string_pretty(floors).expect("floors serialize");
    text.push('\n');
    std::fs::write(path, text).map_err(|source| FloorsError::Io {
        path: path.to_owned(),
        source,
    })
}

/// `value` rounded down to three decimals, never above `value`.
pub fn round_down(value: f64) -> f64 {
    let rounded = (value * 1000.0).floor() / 1000.0;
    if rounded > value {
        rounded - 0.001
    } else {
        rounded
    }
}

/// Raises each floor of `set` to its measured figure rounded down; never lowers one.
pub fn raise(floors: &mut Floors, set: &str, figures: &[(String, f64)]) {
    let set_floors = floors.entry(set.to_owned()).or_default();
    for (name, value) in figures {
        let floor = set_floors.entry(name.clone()).or_insert(0.0);
        *floor = floor.max(round_down(*value));
    }
}

/// One figure checked against its floor.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// The figure's name.
    pub name: String,
    /// The measured value, `None` when the set no longer yields this figure.
    pub measured: Option<f64>,
    /// The floor, `None` when the file has none for this figure.
    pub floor: Option<f64>,
}

impl Check {
    /// What is wrong with this figure, `None` when it is ok.
    pub fn problem(&self) -> Option<String> {
        let name = &self.name;
        match (self.measured, self.floor) {
            (Some(m), Some(f)) if m >= f => None,
            (Some(m), Some(f)) => Some(format!("{name} is {m:.4}, below its floor {f}")),
            (Some(m), None) => Some(format!("{name} ({m:.4}) has no floor")),
            (None, _) => Some(format!("{name} has a floor but is no longer measured")),
        }
    }
}

/// Pairs every measured figure and every floor of a set, in name order.
pub fn check(figures: &[(String, f64)], floors: Option<&BTreeMap<String, f64>>) -> Vec<Check> {
    let mut names: Vec<&String> = figures.iter().map(|(name, _)| name).collect();
    names.extend(floors.into_iter().flat_map(BTreeMap::keys));
    names.sort();
    names.dedup();
    names
        .into_iter()
        .map(|name| Check {
            name: name.clone(),
            measured: figures.iter().find(|(n, _)| n == name).map(|(_, v)| *v),
            floor: floors.and_then(|f| f.get(name)).copied(),
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // the expected values are the exact results of the rounding
mod tests {
    use super::*;

    #[test]
    fn rounds_down_to_three_decimals() {
        assert_eq!(round_down(0.93379), 0.933);
        assert_eq!(round_down(0.9), 0.9);
        assert_eq!(round_down(1.0), 1.0);
        assert_eq!(round_down(0.0), 0.0);
        for value in [0.1, 0.7, 0.8085, 0.999_999] {
            assert!(round_down(value) <= value);
        }
    }

    #[test]
    fn raising_never_lowers_a_floor() {
        let mut floors = Floors::new();
        raise(&mut floors, "set", &[("f1".to_owned(), 0.8129)]);
        assert_eq!(floors["set"]["f1"], 0.812);
        raise(&mut floors, "set", &[("f1".to_owned(), 0.7)]);
        assert_eq!(floors["set"]["f1"], 0.812);
    }

    #[test]
    fn checks_flag_drops_and_unpaired_figures() {
        let floors = BTreeMap::from([("a".to_owned(), 0.5), ("gone".to_owned(), 0.1)]);
        let figures = [("a".to_owned(), 0.49), ("new".to_owned(), 0.3)];
        let checks = check(&figures, Some(&floors));
        let names: Vec<_> = checks.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["a", "gone", "new"]);
        assert!(checks.iter().all(|c| c.problem().is_some()));
        let problems: Vec<_> = checks.iter().filter_map(Check::problem).collect();
        assert_eq!(
            problems,
            [
                "a is 0.4900, below its floor 0.5",
                "gone has a floor but is no longer measured",
                "new (0.3000) has no floor"
            ]
        );
        let met = check(&[("a".to_owned(), 0.5)], Some(&floors));
        assert_eq!(met[0].problem(), None);
    }
}
