//! Checklist definitions: what a checklist asks, and the risk scale it rates on.
//!
//! A definition is data (JSON), so an organisation can ship its own. Loading it checks every
//! rule here and reports each problem with the path of the field at fault.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// The most sections, items per definition, and scale levels a definition may have.
pub const MAX_SECTIONS: usize = 100;
pub const MAX_ITEMS: usize = 2000;
pub const MAX_LEVELS: usize = 10;
/// The longest title, and the longest guidance text, in characters.
pub const MAX_TITLE: usize = 200;
pub const MAX_TEXT: usize = 4000;
/// The longest id, in bytes.
pub const MAX_ID: usize = 64;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// The stable id of a checklist item; answers are keyed by it, never by position.
    ItemId
);
id_type!(
    /// The stable id of a checklist section.
    SectionId
);

/// A whole checklist: its identity, risk scale and sections of items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChecklistDefinition {
    /// Stable id of the checklist, shared by all its versions.
    pub id: String,
    /// Version of this definition, for example `1.2.0`.
    pub version: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub scale: RiskScale,
    pub sections: Vec<Section>,
}

/// The likelihood x impact scale. Levels are numbered from 1 in the order given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RiskScale {
    /// Labels of the likelihood levels, lowest first.
    pub likelihood: Vec<String>,
    /// Labels of the impact levels, lowest first.
    pub impact: Vec<String>,
    pub bands: BandThresholds,
}

/// Where the risk bands start: a score up to `low_max` is low, up to `medium_max` medium,
/// anything above high.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BandThresholds {
    pub low_max: u32,
    pub medium_max: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: SectionId,
    pub title: String,
    #[serde(default)]
    pub intro: String,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: ItemId,
    pub title: String,
    /// Why it matters: the harm if it is ignored.
    #[serde(default)]
    pub why: String,
    /// What good looks like: the evidence that it is handled.
    #[serde(default)]
    pub good: String,
}

impl Default for RiskScale {
    /// The 3 x 3 scale of ICO DPIA practice: scores 1-2 low, 3-4 medium, 6-9 high.
    fn default() -> Self {
        RiskScale {
            likelihood: vec!["Remote".into(), "Possible".into(), "Probable".into()],
            impact: vec!["Minimal".into(), "Significant".into(), "Severe".into()],
            bands: BandThresholds { low_max: 2, medium_max: 4 },
        }
    }
}

impl RiskScale {
    pub fn max_score(&self) -> u32 {
        (self.likelihood.len() * self.impact.len()) as u32
    }

    /// The label of a likelihood level (1-based), if the level exists.
    pub fn likelihood_label(&self, level: u8) -> Option<&str> {
        level_label(&self.likelihood, level)
    }

    pub fn impact_label(&self, level: u8) -> Option<&str> {
        level_label(&self.impact, level)
    }
}

fn level_label(labels: &[String], level: u8) -> Option<&str> {
    usize::from(level).checked_sub(1).and_then(|i| labels.get(i)).map(String::as_str)
}

/// What is wrong with one field of a definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DefinitionProblem {
    /// The text is not JSON of the expected shape.
    Syntax { message: String, line: usize, column: usize },
    /// A required text is empty or only white space.
    Empty,
    /// A text is longer than allowed.
    TooLong { max: usize },
    /// An id has characters other than a-z, 0-9, `-`, `_`, `.`, or does not start with a letter or digit.
    BadId,
    /// The same id is used twice.
    Duplicate { id: String },
    /// A list has too few or too many entries.
    Count { min: usize, max: usize, found: usize },
    /// Band thresholds must satisfy 1 <= low_max < medium_max < the highest score.
    Bands { max_score: u32 },
}

/// One problem in a definition, with the path of the field at fault (for example
/// `sections[2].items[0].title`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefinitionError {
    pub path: String,
    pub problem: DefinitionProblem,
}

impl fmt::Display for DefinitionProblem {
    /// The problem alone, for a reader that shows the path beside it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DefinitionProblem::*;
        match self {
            Syntax { message, line, column } => write!(f, "line {line}, column {column}: {message}"),
            Empty => write!(f, "must not be empty"),
            TooLong { max } => write!(f, "longer than {max} characters"),
            BadId => write!(f, "an id uses only a-z, 0-9, '-', '_' and '.', starts with a letter or digit, and has at most {MAX_ID} characters"),
            Duplicate { id } => write!(f, "the id \"{id}\" is used more than once"),
            Count { min, max, found } => write!(f, "needs {min} to {max} entries, found {found}"),
            Bands { max_score } => write!(f, "needs 1 <= low_max < medium_max < {max_score}"),
        }
    }
}

impl fmt::Display for DefinitionError {
    /// The path of the field at fault, then the problem; a syntax error has a position instead.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            DefinitionProblem::Syntax { .. } => write!(f, "{}", self.problem),
            problem if self.path.is_empty() => write!(f, "the definition: {problem}"),
            problem => write!(f, "{}: {problem}", self.path),
        }
    }
}

impl std::error::Error for DefinitionError {}

impl ChecklistDefinition {
    /// Parses and validates a definition; every problem found is returned.
    pub fn from_json(text: &str) -> Result<ChecklistDefinition, Vec<DefinitionError>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let def: ChecklistDefinition = serde_json::from_str(text).map_err(|e| {
            vec![DefinitionError {
                path: String::new(),
                problem: DefinitionProblem::Syntax {
                    message: super::json::without_position(&e),
                    line: e.line(),
                    column: e.column(),
                },
            }]
        })?;
        def.validate()?;
        Ok(def)
    }

    /// Checks every rule; returns all problems, not just the first.
    pub fn validate(&self) -> Result<(), Vec<DefinitionError>> {
        let mut v = Validator::default();
        v.id("id", &self.id);
        v.text("version", &self.version, true, MAX_ID);
        v.text("title", &self.title, true, MAX_TITLE);
        v.text("description", &self.description, false, MAX_TEXT);
        self.scale_problems(&mut v);
        v.count("sections", self.sections.len(), 1, MAX_SECTIONS);
        let total: usize = self.sections.iter().map(|s| s.items.len()).sum();
        if total > MAX_ITEMS {
            v.push("sections", DefinitionProblem::Count { min: 1, max: MAX_ITEMS, found: total });
        }
        let mut section_ids = HashSet::new();
        let mut item_ids = HashSet::new();
        for (si, section) in self.sections.iter().enumerate() {
            let at = format!("sections[{si}]");
            v.id(&format!("{at}.id"), section.id.as_str());
            if !section_ids.insert(section.id.as_str()) {
                v.push(
                    format!("{at}.id"),
                    DefinitionProblem::Duplicate { id: section.id.0.clone() },
                );
            }
            v.text(&format!("{at}.title"), &section.title, true, MAX_TITLE);
            v.text(&format!("{at}.intro"), &section.intro, false, MAX_TEXT);
            v.count(&format!("{at}.items"), section.items.len(), 1, MAX_ITEMS);
            for (ii, item) in section.items.iter().enumerate() {
                let at = format!("{at}.items[{ii}]");
                v.id(&format!("{at}.id"), item.id.as_str());
                if !item_ids.insert(item.id.as_str()) {
                    v.push(
                        format!("{at}.id"),
                        DefinitionProblem::Duplicate { id: item.id.0.clone() },
                    );
                }
                v.text(&format!("{at}.title"), &item.title, true, MAX_TITLE);
                v.text(&format!("{at}.why"), &item.why, false, MAX_TEXT);
                v.text(&format!("{at}.good"), &item.good, false, MAX_TEXT);
            }
        }
        v.finish()
    }

    fn scale_problems(&self, v: &mut Validator) {
        let scale = &self.scale;
        v.count("scale.likelihood", scale.likelihood.len(), 2, MAX_LEVELS);
        v.count("scale.impact", scale.impact.len(), 2, MAX_LEVELS);
        for (name, labels) in [("likelihood", &scale.likelihood), ("impact", &scale.impact)] {
            for (i, label) in labels.iter().enumerate() {
                v.text(&format!("scale.{name}[{i}]"), label, true, MAX_TITLE);
            }
        }
        let max = scale.max_score();
        let b = scale.bands;
        if !(1 <= b.low_max && b.low_max < b.medium_max && b.medium_max < max) {
            v.push("scale.bands", DefinitionProblem::Bands { max_score: max });
        }
    }

    /// All items in order, with the section each belongs to.
    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.sections.iter().flat_map(|s| s.items.iter().map(move |i| (s, i)))
    }

    pub fn item(&self, id: &ItemId) -> Option<&Item> {
        self.items().map(|(_, i)| i).find(|i| &i.id == id)
    }

    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }
}

#[derive(Default)]
struct Validator {
    errors: Vec<DefinitionError>,
}

impl Validator {
    fn push(&mut self, path: impl Into<String>, problem: DefinitionProblem) {
        self.errors.push(DefinitionError { path: path.into(), problem });
    }

    fn text(&mut self, path: &str, text: &str, required: bool, max: usize) {
        if required && text.trim().is_empty() {
            self.push(path, DefinitionProblem::Empty);
        } else if text.chars().count() > max {
            self.push(path, DefinitionProblem::TooLong { max });
        }
    }

    fn id(&mut self, path: &str, id: &str) {
        let ok = id.len() <= MAX_ID
            && id.bytes().next().is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b));
        if !ok {
            self.push(path, DefinitionProblem::BadId);
        }
    }

    fn count(&mut self, path: &str, found: usize, min: usize, max: usize) {
        if found < min || found > max {
            self.push(path, DefinitionProblem::Count { min, max, found });
        }
    }

    fn finish(self) -> Result<(), Vec<DefinitionError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DefinitionProblem::*;

    fn minimal() -> serde_json::Value {
        serde_json::json!({
            "id": "demo", "version": "1", "title": "Demo",
            "scale": { "likelihood": ["Low", "High"], "impact": ["Low", "High"], "bands": { "low_max": 1, "medium_max": 2 } },
            "sections": [{ "id": "s1", "title": "One", "items": [{ "id": "a", "title": "A" }, { "id": "b", "title": "B" }] }]
        })
    }

    /// Applies `edit` to a valid definition and returns the problems found, as (path, problem).
    fn check(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<(String, DefinitionProblem)> {
        let mut v = minimal();
        edit(&mut v);
        match ChecklistDefinition::from_json(&v.to_string()) {
            Ok(_) => vec![],
            Err(errors) => errors.into_iter().map(|e| (e.path, e.problem)).collect(),
        }
    }

    fn one(path: &str, problem: DefinitionProblem) -> Vec<(String, DefinitionProblem)> {
        vec![(path.to_owned(), problem)]
    }

    #[test]
    fn a_minimal_definition_is_valid() {
        assert_eq!(check(|_| {}), vec![]);
    }

    #[test]
    fn each_rule_names_its_field() {
        assert_eq!(check(|v| v["title"] = " ".into()), one("title", Empty));
        assert_eq!(check(|v| v["id"] = "Has Space".into()), one("id", BadId));
        assert_eq!(
            check(|v| v["sections"][0]["items"][1]["id"] = "a".into()),
            one("sections[0].items[1].id", Duplicate { id: "a".into() })
        );
        assert_eq!(
            check(|v| v["sections"][0]["items"][0]["title"] = "x".repeat(MAX_TITLE + 1).into()),
            one("sections[0].items[0].title", TooLong { max: MAX_TITLE })
        );
        assert_eq!(
            check(|v| v["sections"][0]["items"] = serde_json::json!([])),
            one("sections[0].items", Count { min: 1, max: MAX_ITEMS, found: 0 })
        );
        assert_eq!(
            check(|v| v["sections"] = serde_json::json!([])),
            one("sections", Count { min: 1, max: MAX_SECTIONS, found: 0 })
        );
        assert_eq!(
            check(|v| v["scale"]["impact"] = serde_json::json!(["Only"])),
            vec![
                ("scale.impact".into(), Count { min: 2, max: MAX_LEVELS, found: 1 }),
                ("scale.bands".into(), Bands { max_score: 2 })
            ]
        );
        assert_eq!(
            check(|v| v["scale"]["bands"]["medium_max"] = 4.into()),
            one("scale.bands", Bands { max_score: 4 })
        );
        assert_eq!(
            check(|v| v["scale"]["bands"]["low_max"] = 0.into()),
            one("scale.bands", Bands { max_score: 4 })
        );
    }

    #[test]
    fn all_problems_are_reported_together() {
        let found = check(|v| {
            v["title"] = "".into();
            v["sections"][0]["id"] = "".into();
            v["sections"][0]["items"][0]["title"] = "".into();
        });
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn unknown_fields_and_bad_json_are_syntax_errors_with_a_position() {
        let mut v = minimal();
        v["colour"] = "red".into();
        let errors =
            ChecklistDefinition::from_json(&serde_json::to_string_pretty(&v).unwrap()).unwrap_err();
        assert!(
            matches!(&errors[0].problem, Syntax { message, line, .. } if message.contains("colour") && *line > 1)
        );
        let errors = ChecklistDefinition::from_json("{\"id\": ").unwrap_err();
        assert!(matches!(errors[0].problem, Syntax { line: 1, .. }));
        assert!(errors[0].to_string().starts_with("line 1, column"));
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        assert!(ChecklistDefinition::from_json(&format!("\u{feff}{}", minimal())).is_ok());
    }

    #[test]
    fn a_five_by_five_scale_is_allowed() {
        assert_eq!(
            check(|v| v["scale"] = serde_json::json!({
            "likelihood": ["1", "2", "3", "4", "5"], "impact": ["1", "2", "3", "4", "5"],
            "bands": { "low_max": 3, "medium_max": 12 } })),
            vec![]
        );
    }

    #[test]
    fn level_labels_are_one_based() {
        let s = RiskScale::default();
        assert_eq!(s.likelihood_label(1), Some("Remote"));
        assert_eq!(s.impact_label(3), Some("Severe"));
        assert_eq!(s.impact_label(0), None);
        assert_eq!(s.impact_label(4), None);
    }
}
