//! Checklist definitions: what a checklist asks, and the risk scale it rates on.
//!
//! A definition is data (JSON), so an organisation can ship its own. Loading it checks every
//! rule here and reports each problem with the path of the field at fault.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
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
/// The most scope questions a definition may ask: screening is a handful of yes/no questions,
/// not a second checklist.
pub const MAX_QUESTIONS: usize = 20;
/// The longest description of a scale level, in characters.
pub const MAX_DESCRIPTION: usize = 500;
/// The most versions a change list may describe.
pub const MAX_VERSIONS: usize = 100;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
id_type!(
    /// The stable id of a scope question; scope answers and conditions name it.
    QuestionId
);

/// The yes/no answers to a checklist's scope questions, keyed by question id. A question
/// without an entry is unanswered.
pub type ScopeAnswers = BTreeMap<QuestionId, bool>;

/// A whole checklist: its identity, risk scale and sections of items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChecklistDefinition {
    /// Stable id of the checklist, shared by all its versions.
    pub id: String,
    /// Version of this definition, for example `1.2.0`.
    pub version: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Yes/no questions asked first, which decide the sections and items that apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    pub scale: RiskScale,
    pub sections: Vec<Section>,
    /// What each version changed, newest first, so that an assessment made with an earlier
    /// version can say what is new and keep the answers of merged items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<VersionChanges>,
}

/// A scope question, answered yes or no, such as "Will you run a public social media channel?".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: QuestionId,
    /// The question as asked.
    pub question: String,
    /// A line of guidance on how to answer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
}

/// When a section or item applies: while any listed question is answered Yes or not yet
/// answered. It is out of scope only once every listed question is answered No, so nothing
/// drops out before the team has said so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The ids of the questions, any of which answered Yes makes it apply.
    pub any_yes: Vec<QuestionId>,
}

/// The changes one version of a checklist made to the version before it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VersionChanges {
    /// The version that made these changes, as in the checklist's `version`.
    pub version: String,
    /// A few sentences on what changed and why, for the people who answered before.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Items new in this version.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<ItemId>,
    /// Items kept under their id whose meaning changed: an answer to them may need a look.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<ItemId>,
    /// Items removed because another item now covers them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<MergedItem>,
    /// Items removed with no item taking their place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<RetiredItem>,
}

/// An item merged into another: its answers move to `into` when that has none of its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MergedItem {
    /// The id the item had.
    pub item: ItemId,
    /// The title the item had, so that its kept answers can be named.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The item that now covers it.
    pub into: ItemId,
}

/// An item removed with nothing in its place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RetiredItem {
    /// The id the item had.
    pub item: ItemId,
    /// The title the item had.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
}

/// The likelihood x impact scale. Levels are numbered from 1 in the order given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RiskScale {
    /// Labels of the likelihood levels, lowest first.
    pub likelihood: Vec<String>,
    /// Labels of the impact levels, lowest first.
    pub impact: Vec<String>,
    pub bands: BandThresholds,
    /// What each likelihood level means, lowest first: none, or exactly one per level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub likelihood_descriptions: Vec<String>,
    /// What each impact level means, lowest first: none, or exactly one per level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub impact_descriptions: Vec<String>,
}

/// Where the risk bands start: a score up to `low_max` is low, up to `medium_max` medium,
/// anything above high.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BandThresholds {
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub low_max: u32,
    #[cfg_attr(feature = "schema", schemars(range(min = 2)))]
    pub medium_max: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: SectionId,
    pub title: String,
    #[serde(default)]
    pub intro: String,
    /// When the section applies; always, when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<Condition>,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// A baseline item: do not go live without it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub baseline: bool,
    /// When the item applies, within a section that applies; always, when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<Condition>,
}

impl Default for RiskScale {
    /// The 3 x 3 scale of ICO DPIA practice: scores 1-2 low, 3-4 medium, 6-9 high.
    fn default() -> Self {
        RiskScale {
            likelihood: vec!["Remote".into(), "Possible".into(), "Probable".into()],
            impact: vec!["Minimal".into(), "Significant".into(), "Severe".into()],
            bands: BandThresholds { low_max: 2, medium_max: 4 },
            likelihood_descriptions: Vec::new(),
            impact_descriptions: Vec::new(),
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

    /// What a likelihood level (1-based) means, when the definition says.
    pub fn likelihood_description(&self, level: u8) -> Option<&str> {
        level_label(&self.likelihood_descriptions, level)
    }

    /// What an impact level (1-based) means, when the definition says.
    pub fn impact_description(&self, level: u8) -> Option<&str> {
        level_label(&self.impact_descriptions, level)
    }

    /// The highest impact level: an open item rated at it needs the risk owner's explicit
    /// acceptance whatever its band.
    pub fn top_impact(&self) -> u8 {
        u8::try_from(self.impact.len()).unwrap_or(u8::MAX)
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
    Bands { max_score: u32, low_max: u32, medium_max: u32 },
    /// The sections hold more items in all than a checklist may have.
    ItemTotal { max: usize, found: usize },
    /// The file's bytes are not UTF-8 text; `utf16` when they are UTF-16 (Notepad's "Unicode").
    NotUtf8 { utf16: bool },
    /// The text is a web page, not JSON: a server's sign-in or error page sent in its place.
    WebPage,
    /// A condition names a question the definition does not ask.
    UnknownQuestion { id: String },
    /// A question that no section or item uses in its condition.
    UnusedQuestion { id: String },
    /// Level descriptions given, but not one for each level.
    DescriptionCount { levels: usize, found: usize },
    /// A change list names an item that neither this version has nor a newer version removed.
    UnknownItem { id: String },
    /// A change list says an item was merged or retired, yet this version still has it.
    StillAnItem { id: String },
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
            Bands { max_score, low_max, medium_max } => write!(f, "needs 1 <= low_max < medium_max < {max_score} (the highest score), found low_max {low_max} and medium_max {medium_max}"),
            ItemTotal { max, found } => write!(f, "the sections hold {found} items in all; a checklist has at most {max}"),
            NotUtf8 { utf16: true } => write!(f, "the file is UTF-16 text (which Notepad calls \"Unicode\"), not UTF-8: save it again as UTF-8"),
            NotUtf8 { utf16: false } => write!(f, "the file is not UTF-8 text (it may have been saved as \"ANSI\" or Windows-1252): save it again as UTF-8"),
            WebPage => write!(f, "this is a web page (HTML), not a checklist in JSON; a server may have sent a sign-in or error page in its place"),
            UnknownQuestion { id } => write!(f, "no question has the id \"{id}\"; add it to \"questions\" or correct the id"),
            UnusedQuestion { id } => write!(f, "the question \"{id}\" is not used by any \"applies_when\"; use it or remove it"),
            DescriptionCount { levels, found } => write!(f, "needs one description for each of the {levels} levels, found {found}; give all or none"),
            UnknownItem { id } => write!(f, "no item has the id \"{id}\", and no newer version merged or retired it"),
            StillAnItem { id } => write!(f, "the item \"{id}\" is still in the checklist, so it was not merged or retired"),
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
        let whole = |problem| vec![DefinitionError { path: String::new(), problem }];
        let def: ChecklistDefinition = serde_json::from_str(text).map_err(|e| {
            whole(if text.trim_start().starts_with('<') {
                DefinitionProblem::WebPage
            } else {
                DefinitionProblem::Syntax {
                    message: super::json::without_position(&e),
                    line: e.line(),
                    column: e.column(),
                }
            })
        })?;
        def.validate()?;
        Ok(def)
    }

    /// Reads a checklist file as it comes, as bytes: UTF-8 text, with or without a byte order
    /// mark, is read by [`ChecklistDefinition::from_json`]; any other encoding is refused with
    /// a problem saying to save it as UTF-8, not read as garbled text.
    pub fn from_bytes(bytes: &[u8]) -> Result<ChecklistDefinition, Vec<DefinitionError>> {
        let refuse = |utf16| {
            vec![DefinitionError {
                path: String::new(),
                problem: DefinitionProblem::NotUtf8 { utf16 },
            }]
        };
        if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
            return Err(refuse(true));
        }
        let text = std::str::from_utf8(bytes).map_err(|_| refuse(false))?;
        ChecklistDefinition::from_json(text)
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
            v.push("sections", DefinitionProblem::ItemTotal { max: MAX_ITEMS, found: total });
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
        self.scope_problems(&mut v);
        self.change_problems(&mut v, &item_ids);
        v.finish()
    }

    /// The change list: versions named, each once; ids well formed; added, changed and
    /// merged-into items either in this version or removed by a newer one (listed above); and
    /// merged or retired items gone from this version.
    fn change_problems(&self, v: &mut Validator, items: &HashSet<&str>) {
        v.count("changes", self.changes.len(), 0, MAX_VERSIONS);
        let mut versions = HashSet::new();
        let mut removed_later: HashSet<&str> = HashSet::new();
        for (ci, c) in self.changes.iter().enumerate() {
            let at = format!("changes[{ci}]");
            v.text(&format!("{at}.version"), &c.version, true, MAX_ID);
            if !versions.insert(c.version.as_str()) {
                v.push(
                    format!("{at}.version"),
                    DefinitionProblem::Duplicate { id: c.version.clone() },
                );
            }
            v.text(&format!("{at}.summary"), &c.summary, false, MAX_TEXT);
            let known = |id: &str| items.contains(id) || removed_later.contains(id);
            let present = c.added.iter().map(|id| (format!("{at}.added"), id));
            let present = present.chain(c.changed.iter().map(|id| (format!("{at}.changed"), id)));
            let merged_into = c.merged.iter().enumerate();
            let present = present
                .chain(merged_into.map(|(n, m)| (format!("{at}.merged[{n}].into"), &m.into)));
            for (path, id) in present.collect::<Vec<_>>() {
                v.id(&path, id.as_str());
                if !known(id.as_str()) {
                    v.push(path, DefinitionProblem::UnknownItem { id: id.0.clone() });
                }
            }
            let gone = c.merged.iter().map(|m| (&m.item, &m.title, "merged"));
            let gone = gone.chain(c.retired.iter().map(|r| (&r.item, &r.title, "retired")));
            let mut named = HashSet::new();
            for (n, (id, title, kind)) in gone.enumerate() {
                let path = format!(
                    "{at}.{kind}[{}]",
                    if kind == "merged" { n } else { n - c.merged.len() }
                );
                v.id(&format!("{path}.item"), id.as_str());
                v.text(&format!("{path}.title"), title, false, MAX_TITLE);
                if items.contains(id.as_str()) {
                    v.push(
                        format!("{path}.item"),
                        DefinitionProblem::StillAnItem { id: id.0.clone() },
                    );
                } else if !named.insert(id.as_str()) {
                    v.push(
                        format!("{path}.item"),
                        DefinitionProblem::Duplicate { id: id.0.clone() },
                    );
                }
            }
            removed_later.extend(named);
        }
    }

    /// The scope questions and the conditions that name them: ids well formed and unique,
    /// every question asked, every condition naming questions the definition asks, and every
    /// question used by some condition (an unused one would be asked for nothing).
    fn scope_problems<'a>(&'a self, v: &mut Validator) {
        v.count("questions", self.questions.len(), 0, MAX_QUESTIONS);
        let mut ids = HashSet::new();
        for (qi, q) in self.questions.iter().enumerate() {
            let at = format!("questions[{qi}]");
            v.id(&format!("{at}.id"), q.id.as_str());
            if !ids.insert(q.id.as_str()) {
                v.push(format!("{at}.id"), DefinitionProblem::Duplicate { id: q.id.0.clone() });
            }
            v.text(&format!("{at}.question"), &q.question, true, MAX_TITLE);
            v.text(&format!("{at}.help"), &q.help, false, MAX_TEXT);
        }
        let mut used = HashSet::new();
        let mut condition = |at: String, c: &'a Option<Condition>| {
            let Some(c) = c else { return };
            let at = format!("{at}.applies_when.any_yes");
            v.count(&at, c.any_yes.len(), 1, MAX_QUESTIONS);
            let mut named = HashSet::new();
            for (n, id) in c.any_yes.iter().enumerate() {
                let at = format!("{at}[{n}]");
                if !ids.contains(id.as_str()) {
                    v.push(at, DefinitionProblem::UnknownQuestion { id: id.0.clone() });
                } else if !named.insert(id.as_str()) {
                    v.push(at, DefinitionProblem::Duplicate { id: id.0.clone() });
                }
                used.insert(id.as_str());
            }
        };
        for (si, section) in self.sections.iter().enumerate() {
            condition(format!("sections[{si}]"), &section.applies_when);
            for (ii, item) in section.items.iter().enumerate() {
                condition(format!("sections[{si}].items[{ii}]"), &item.applies_when);
            }
        }
        for (qi, q) in self.questions.iter().enumerate() {
            // A duplicate is reported once, at its own id, not again as unused.
            if !used.contains(q.id.as_str()) && self.questions[..qi].iter().all(|p| p.id != q.id) {
                v.push(
                    format!("questions[{qi}]"),
                    DefinitionProblem::UnusedQuestion { id: q.id.0.clone() },
                );
            }
        }
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
            v.push(
                "scale.bands",
                DefinitionProblem::Bands {
                    max_score: max,
                    low_max: b.low_max,
                    medium_max: b.medium_max,
                },
            );
        }
        for (name, labels, descriptions) in [
            ("likelihood", &scale.likelihood, &scale.likelihood_descriptions),
            ("impact", &scale.impact, &scale.impact_descriptions),
        ] {
            let at = format!("scale.{name}_descriptions");
            if !descriptions.is_empty() && descriptions.len() != labels.len() {
                v.push(
                    at.clone(),
                    DefinitionProblem::DescriptionCount {
                        levels: labels.len(),
                        found: descriptions.len(),
                    },
                );
            }
            for (i, text) in descriptions.iter().enumerate() {
                v.text(&format!("{at}[{i}]"), text, true, MAX_DESCRIPTION);
            }
        }
    }

    /// All items in order, with the section each belongs to.
    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.sections.iter().flat_map(|s| s.items.iter().map(move |i| (s, i)))
    }

    pub fn item(&self, id: &ItemId) -> Option<&Item> {
        self.items().map(|(_, i)| i).find(|i| &i.id == id)
    }

    /// The index of the section that holds item `id`.
    pub fn section_of(&self, id: &ItemId) -> Option<usize> {
        self.sections.iter().position(|s| s.items.iter().any(|i| &i.id == id))
    }

    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }

    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.questions.iter().find(|q| &q.id == id)
    }

    /// True when an item applies: its section applies and so does the item itself. Without
    /// questions every item applies. Cheap enough for every render: no allocation.
    pub fn in_scope(&self, section: &Section, item: &Item, scope: &ScopeAnswers) -> bool {
        section.applies(scope) && item.applies(scope)
    }

    /// The items that apply, in checklist order, with the section each belongs to.
    pub fn items_in_scope<'a>(
        &'a self,
        scope: &'a ScopeAnswers,
    ) -> impl Iterator<Item = (&'a Section, &'a Item)> + 'a {
        self.items().filter(move |(section, item)| self.in_scope(section, item, scope))
    }

    /// Why a section is out of scope, or `None` when it applies.
    pub fn section_out_of_scope(
        &self,
        section: &Section,
        scope: &ScopeAnswers,
    ) -> Option<OutOfScope> {
        let mut out = OutOfScope::default();
        out.add(&section.applies_when, scope);
        (!out.questions.is_empty()).then_some(out)
    }

    /// Why an item is out of scope (its section's condition, its own, or both), or `None`
    /// when it applies.
    pub fn out_of_scope(
        &self,
        section: &Section,
        item: &Item,
        scope: &ScopeAnswers,
    ) -> Option<OutOfScope> {
        if self.in_scope(section, item, scope) {
            return None;
        }
        let mut out = OutOfScope::default();
        out.add(&section.applies_when, scope);
        out.add(&item.applies_when, scope);
        Some(out)
    }

    /// The reason as a person reads it: each question answered No, such as
    /// "Will you pay to promote posts? No", joined by "; ".
    pub fn scope_reason(&self, out: &OutOfScope) -> String {
        let parts: Vec<String> = out
            .questions
            .iter()
            .map(|id| {
                let text = self.question(id).map_or(id.as_str(), |q| q.question.trim());
                if text.ends_with('?') {
                    format!("{text} No")
                } else {
                    format!("{text}: No")
                }
            })
            .collect();
        parts.join("; ")
    }
}

impl Condition {
    /// True while any listed question is answered Yes or unanswered. A condition naming no
    /// question (which validation refuses) applies, so that it never hides an item.
    pub fn holds(&self, scope: &ScopeAnswers) -> bool {
        self.any_yes.is_empty() || self.any_yes.iter().any(|q| scope.get(q) != Some(&false))
    }
}

/// True when there is no condition or it holds.
fn applies(condition: &Option<Condition>, scope: &ScopeAnswers) -> bool {
    condition.as_ref().is_none_or(|c| c.holds(scope))
}

impl Section {
    /// True when the section applies for these scope answers.
    pub fn applies(&self, scope: &ScopeAnswers) -> bool {
        applies(&self.applies_when, scope)
    }
}

impl Item {
    /// True when the item's own condition holds; its section's is checked apart
    /// ([`ChecklistDefinition::in_scope`] checks both).
    pub fn applies(&self, scope: &ScopeAnswers) -> bool {
        applies(&self.applies_when, scope)
    }
}

/// Why a section or item is out of scope: the questions answered No that put it there, in the
/// order the conditions name them (the section's first).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutOfScope {
    pub questions: Vec<QuestionId>,
}

impl OutOfScope {
    /// Adds the questions of a condition that does not hold (each then answered No).
    fn add(&mut self, condition: &Option<Condition>, scope: &ScopeAnswers) {
        if let Some(c) = condition.as_ref().filter(|c| !c.holds(scope)) {
            for q in &c.any_yes {
                if !self.questions.contains(q) {
                    self.questions.push(q.clone());
                }
            }
        }
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
    fn too_many_items_in_all_is_said_of_the_items_not_the_sections() {
        let items = |from: usize, n: usize| -> serde_json::Value {
            (from..from + n)
                .map(|i| serde_json::json!({ "id": format!("i{i}"), "title": "T" }))
                .collect()
        };
        let found = check(|v| {
            v["sections"] = serde_json::json!([
                { "id": "s1", "title": "One", "items": items(0, 1500) },
                { "id": "s2", "title": "Two", "items": items(1500, 600) }
            ])
        });
        assert_eq!(found, one("sections", ItemTotal { max: MAX_ITEMS, found: 2100 }));
        let said = DefinitionError { path: "sections".into(), problem: found[0].1.clone() };
        assert_eq!(
            said.to_string(),
            "sections: the sections hold 2100 items in all; a checklist has at most 2000"
        );
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
                ("scale.bands".into(), Bands { max_score: 2, low_max: 1, medium_max: 2 })
            ]
        );
        assert_eq!(
            check(|v| v["scale"]["bands"]["medium_max"] = 4.into()),
            one("scale.bands", Bands { max_score: 4, low_max: 1, medium_max: 4 })
        );
        assert_eq!(
            check(|v| v["scale"]["bands"]["low_max"] = 0.into()),
            one("scale.bands", Bands { max_score: 4, low_max: 0, medium_max: 2 })
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

    /// A definition with three scope questions: section `s2` applies to a public channel,
    /// item `d` in it to paid promotion as well, and section `s3` to a collaboration tool or a
    /// public channel.
    fn scoped() -> serde_json::Value {
        serde_json::json!({
            "id": "demo", "version": "1", "title": "Demo",
            "questions": [
                { "id": "public", "question": "Public channel?", "help": "An account the public can see." },
                { "id": "paid", "question": "Paid promotion" },
                { "id": "tool", "question": "Collaboration tool?" }
            ],
            "scale": { "likelihood": ["Low", "High"], "impact": ["Low", "High"], "bands": { "low_max": 1, "medium_max": 2 } },
            "sections": [
                { "id": "s1", "title": "One", "items": [{ "id": "a", "title": "A", "baseline": true }, { "id": "b", "title": "B" }] },
                { "id": "s2", "title": "Public", "applies_when": { "any_yes": ["public"] }, "items": [
                    { "id": "c", "title": "C" },
                    { "id": "d", "title": "D", "applies_when": { "any_yes": ["paid"] } }
                ] },
                { "id": "s3", "title": "Tools", "applies_when": { "any_yes": ["tool", "public"] }, "items": [{ "id": "e", "title": "E" }] }
            ]
        })
    }

    /// Applies `edit` to the scoped definition and returns the problems found.
    fn check_scoped(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<(String, DefinitionProblem)> {
        check(|v| {
            *v = scoped();
            edit(v);
        })
    }

    #[test]
    fn a_scoped_definition_is_valid() {
        assert_eq!(check_scoped(|_| {}), vec![]);
    }

    #[test]
    fn each_scope_rule_names_its_field() {
        assert_eq!(
            check_scoped(|v| v["questions"][1]["id"] = "Paid!".into()),
            vec![
                ("questions[1].id".into(), BadId),
                (
                    "sections[1].items[1].applies_when.any_yes[0]".into(),
                    UnknownQuestion { id: "paid".into() }
                ),
                ("questions[1]".into(), UnusedQuestion { id: "Paid!".into() }),
            ]
        );
        assert_eq!(
            check_scoped(|v| v["questions"][2]["id"] = "public".into()),
            vec![
                ("questions[2].id".into(), Duplicate { id: "public".into() }),
                (
                    "sections[2].applies_when.any_yes[0]".into(),
                    UnknownQuestion { id: "tool".into() }
                ),
            ]
        );
        assert_eq!(
            check_scoped(|v| v["questions"][0]["question"] = " ".into()),
            one("questions[0].question", Empty)
        );
        assert_eq!(
            check_scoped(|v| v["questions"][0]["help"] = "h".repeat(MAX_TEXT + 1).into()),
            one("questions[0].help", TooLong { max: MAX_TEXT })
        );
        assert_eq!(
            check_scoped(|v| v["sections"][2]["applies_when"]["any_yes"][1] = "nope".into()),
            one("sections[2].applies_when.any_yes[1]", UnknownQuestion { id: "nope".into() })
        );
        assert_eq!(
            check_scoped(|v| v["sections"][1]["applies_when"]["any_yes"] = serde_json::json!([])),
            one("sections[1].applies_when.any_yes", Count { min: 1, max: MAX_QUESTIONS, found: 0 })
        );
        assert_eq!(
            check_scoped(|v| v["sections"][2]["applies_when"]["any_yes"][1] = "tool".into()),
            one("sections[2].applies_when.any_yes[1]", Duplicate { id: "tool".into() })
        );
        assert_eq!(
            check_scoped(|v| v["questions"]
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!({ "id": "extra", "question": "Extra?" }))),
            one("questions[3]", UnusedQuestion { id: "extra".into() })
        );
        assert_eq!(
            check_scoped(|v| v["sections"][0]["items"][1]["applies_when"] =
                serde_json::json!({ "any_yes": ["tool"] })),
            vec![]
        );
        // A condition in a definition without questions names an unknown question.
        assert_eq!(
            check(|v| v["sections"][0]["items"][0]["applies_when"] =
                serde_json::json!({ "any_yes": ["public"] })),
            one(
                "sections[0].items[0].applies_when.any_yes[0]",
                UnknownQuestion { id: "public".into() }
            )
        );
    }

    #[test]
    fn at_most_twenty_questions() {
        let found = check_scoped(|v| {
            let more: Vec<_> = (0..MAX_QUESTIONS - 2)
                .map(|n| serde_json::json!({ "id": format!("q{n}"), "question": "Q?" }))
                .collect();
            v["questions"].as_array_mut().unwrap().extend(more);
        });
        assert_eq!(found[0], ("questions".into(), Count { min: 0, max: MAX_QUESTIONS, found: 21 }));
        assert_eq!(found.len(), 1 + MAX_QUESTIONS - 2, "and each extra question is unused");
    }

    #[test]
    fn scale_descriptions_are_none_or_one_per_level() {
        let both = |v: &mut serde_json::Value| {
            v["scale"]["likelihood_descriptions"] = serde_json::json!(["Not expected", "Expected"]);
            v["scale"]["impact_descriptions"] =
                serde_json::json!(["Put right in days", "Serious harm"]);
        };
        assert_eq!(check(both), vec![]);
        assert_eq!(
            check(|v| {
                both(v);
                v["scale"]["impact_descriptions"] = serde_json::json!(["Only one"]);
            }),
            one("scale.impact_descriptions", DescriptionCount { levels: 2, found: 1 })
        );
        assert_eq!(
            check(|v| {
                both(v);
                v["scale"]["likelihood_descriptions"][1] = "x".repeat(MAX_DESCRIPTION + 1).into();
                v["scale"]["impact_descriptions"][0] = "".into();
            }),
            vec![
                ("scale.likelihood_descriptions[1]".into(), TooLong { max: MAX_DESCRIPTION }),
                ("scale.impact_descriptions[0]".into(), Empty),
            ]
        );
        let def = ChecklistDefinition::from_json(&{
            let mut v = minimal();
            both(&mut v);
            v.to_string()
        })
        .unwrap();
        assert_eq!(def.scale.impact_description(2), Some("Serious harm"));
        assert_eq!(def.scale.likelihood_description(3), None);
        assert_eq!(RiskScale::default().impact_description(1), None);
    }

    #[test]
    fn a_condition_refuses_unknown_fields() {
        let found = check_scoped(|v| {
            v["sections"][1]["applies_when"] = serde_json::json!({ "any_no": ["public"] })
        });
        assert!(
            matches!(&found[0].1, Syntax { message, .. } if message.contains("any_no")),
            "{found:?}"
        );
    }

    #[test]
    fn new_problems_read_plainly() {
        let cases = [
            (
                UnknownQuestion { id: "paid".into() },
                "no question has the id \"paid\"; add it to \"questions\" or correct the id",
            ),
            (
                UnusedQuestion { id: "extra".into() },
                "the question \"extra\" is not used by any \"applies_when\"; use it or remove it",
            ),
            (
                DescriptionCount { levels: 3, found: 2 },
                "needs one description for each of the 3 levels, found 2; give all or none",
            ),
        ];
        for (problem, text) in cases {
            assert_eq!(problem.to_string(), text);
        }
        let e = DefinitionError {
            path: "questions[3]".into(),
            problem: UnusedQuestion { id: "x".into() },
        };
        assert!(e.to_string().starts_with("questions[3]: the question \"x\""));
    }

    fn answers(pairs: &[(&str, bool)]) -> ScopeAnswers {
        pairs.iter().map(|(q, a)| (QuestionId::new(*q), *a)).collect()
    }

    /// The items in scope for `pairs`, and the reason given for each item out of scope.
    fn check_scope(pairs: &[(&str, bool)], in_scope: &[&str], reasons: &[(&str, &str)]) {
        let def = ChecklistDefinition::from_json(&scoped().to_string()).unwrap();
        let scope = answers(pairs);
        let found: Vec<&str> = def.items_in_scope(&scope).map(|(_, i)| i.id.as_str()).collect();
        assert_eq!(found, in_scope, "{pairs:?}");
        let out: Vec<(&str, String)> = def
            .items()
            .filter_map(|(s, i)| {
                def.out_of_scope(s, i, &scope).map(|o| (i.id.as_str(), def.scope_reason(&o)))
            })
            .collect();
        let expected: Vec<(&str, String)> =
            reasons.iter().map(|(i, r)| (*i, (*r).to_owned())).collect();
        assert_eq!(out, expected, "{pairs:?}");
        for (s, i) in def.items() {
            assert_eq!(
                def.in_scope(s, i, &scope),
                def.out_of_scope(s, i, &scope).is_none(),
                "{}",
                i.id
            );
        }
    }

    #[test]
    fn a_section_or_item_leaves_scope_only_when_every_question_it_names_is_answered_no() {
        let all = ["a", "b", "c", "d", "e"];
        check_scope(&[], &all, &[]);
        check_scope(&[("public", true), ("paid", true), ("tool", true)], &all, &[]);
        // Answers to questions the checklist does not ask change nothing.
        check_scope(&[("retired", false)], &all, &[]);
        check_scope(
            &[("public", false)],
            &["a", "b", "e"],
            &[("c", "Public channel? No"), ("d", "Public channel? No")],
        );
        check_scope(
            &[("public", false), ("paid", false)],
            &["a", "b", "e"],
            &[("c", "Public channel? No"), ("d", "Public channel? No; Paid promotion: No")],
        );
        check_scope(
            &[("public", true), ("paid", false)],
            &["a", "b", "c", "e"],
            &[("d", "Paid promotion: No")],
        );
        check_scope(&[("tool", false)], &all, &[]);
        check_scope(&[("tool", false), ("public", true)], &all, &[]);
        check_scope(
            &[("tool", false), ("public", false)],
            &["a", "b"],
            &[
                ("c", "Public channel? No"),
                ("d", "Public channel? No"),
                ("e", "Collaboration tool? No; Public channel? No"),
            ],
        );
    }

    #[test]
    fn a_section_says_why_it_is_out_of_scope() {
        let def = ChecklistDefinition::from_json(&scoped().to_string()).unwrap();
        let scope = answers(&[("public", false)]);
        let reason = |n: usize| {
            def.section_out_of_scope(&def.sections[n], &scope).map(|o| def.scope_reason(&o))
        };
        assert_eq!(reason(0), None);
        assert_eq!(reason(1).as_deref(), Some("Public channel? No"));
        assert_eq!(reason(2), None);
        assert_eq!(
            def.question(&QuestionId::new("tool")).map(|q| q.question.as_str()),
            Some("Collaboration tool?")
        );
    }

    #[test]
    fn without_questions_every_item_is_in_scope_whatever_the_answers() {
        let def = ChecklistDefinition::from_json(&minimal().to_string()).unwrap();
        let scope = answers(&[("public", false), ("a", false)]);
        assert_eq!(def.items_in_scope(&scope).count(), def.item_count());
    }

    #[test]
    fn a_definition_without_the_scope_fields_serializes_as_before() {
        let def = ChecklistDefinition::from_json(&minimal().to_string()).unwrap();
        let value = serde_json::to_value(&def).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "id": "demo", "version": "1", "title": "Demo", "description": "",
                "scale": { "likelihood": ["Low", "High"], "impact": ["Low", "High"], "bands": { "low_max": 1, "medium_max": 2 } },
                "sections": [{ "id": "s1", "title": "One", "intro": "", "items": [
                    { "id": "a", "title": "A", "why": "", "good": "" },
                    { "id": "b", "title": "B", "why": "", "good": "" }
                ] }]
            })
        );
        let def = ChecklistDefinition::from_json(&scoped().to_string()).unwrap();
        let value = serde_json::to_value(&def).unwrap();
        assert_eq!(value["sections"][0]["items"][0]["baseline"], true);
        assert_eq!(value["sections"][0]["items"][1].get("baseline"), None);
        assert_eq!(ChecklistDefinition::from_json(&value.to_string()), Ok(def));
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
