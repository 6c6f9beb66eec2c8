//! The document format: the self-contained JSON file a person exports, and the record kept in
//! browser storage. docs/FORMAT.md describes both; `schemas/` holds their JSON Schemas.

use super::assessment::{
    check_answer, check_name, check_review, check_signoff, check_withdrawn, unknown_items,
    Assessment,
};
use super::changes::{self, ChangesSince};
use super::definition::{ChecklistDefinition, DefinitionError, ItemId};
use super::json::{clip, without_position};
use super::migrate::{upgrade, UpgradeError};
use super::scoring::Summary;
use super::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of this app, written into every exported document.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The discriminator of an exported assessment file.
pub const EXPORT_FORMAT: &str = "risk-checklist/assessment";
/// The discriminator of an assessment kept in browser storage.
pub const STORED_FORMAT: &str = "risk-checklist/stored-assessment";
/// The newest format version this app reads and the one it writes, stated once by the upgrade
/// steps. Version 2 added the scope answers and when each answer changed; older files are
/// upgraded as they are read.
pub use super::migrate::FORMAT_VERSION;

/// Which checklist, and which version of it, an assessment answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChecklistRef {
    pub id: String,
    pub version: String,
}

impl ChecklistRef {
    pub fn of(def: &ChecklistDefinition) -> ChecklistRef {
        ChecklistRef { id: def.id.clone(), version: def.version.clone() }
    }

    /// Takes up an assessment of this checklist version into `def`, the version on the page:
    /// a decision recorded against another version weighed other items, so it needs review,
    /// and the answers of items merged since move to the items they merged into. Returns what
    /// changed since the version answered, when it is another version of the same checklist.
    pub fn take_up(
        &self,
        def: &ChecklistDefinition,
        assessment: &mut Assessment,
    ) -> Option<ChangesSince> {
        if self.id != def.id || self.version == def.version {
            return None;
        }
        assessment.mark_for_review();
        Some(changes::take_up(def, &self.version, assessment))
    }
}

/// An exported assessment: everything needed to read it without the app that wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Always `risk-checklist/assessment`.
    pub format: String,
    /// The version of this format; readers refuse versions newer than they know.
    pub format_version: u32,
    /// The version of the app that wrote the file.
    pub app_version: String,
    pub exported: Timestamp,
    pub checklist: ChecklistRef,
    /// A full copy of the checklist definition answered.
    pub definition: ChecklistDefinition,
    pub assessment: Assessment,
    /// Figures computed from the answers when the file was written. Readers recompute them,
    /// so what a file says here is read past, not parsed.
    #[serde(deserialize_with = "skip_summary", default = "Summary::empty")]
    pub summary: Summary,
}

/// An assessment as kept in browser storage: the answers and which checklist they answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StoredAssessment {
    /// Always `risk-checklist/stored-assessment`.
    pub format: String,
    pub format_version: u32,
    pub checklist: ChecklistRef,
    pub assessment: Assessment,
}

/// Why a document could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentError {
    /// Not JSON, or JSON of the wrong shape; with the position where reading stopped.
    Syntax { message: String, line: usize, column: usize },
    /// The text ends before the JSON does: a file cut short, at the position where it ends.
    CutShort { line: usize, column: usize },
    /// The file is empty.
    Empty,
    /// The `format` field is missing or names another kind of file.
    WrongFormat { found: Option<String> },
    /// The `format_version` field is missing.
    MissingVersion,
    /// Written by a newer version of the app than this one.
    NewerVersion { found: u64 },
    /// The checklist definition inside the file is not valid.
    Definition(Vec<DefinitionError>),
    /// An answer is not valid for the checklist (a rating off the scale, a bad date, text too long).
    Answer { item: ItemId, problem: String },
    /// The assessment's own fields are not valid.
    Assessment { field: &'static str, problem: String },
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::Syntax { message, line, column } => {
                write!(f, "This is not a readable assessment file (line {line}, column {column}): {message}")
            }
            DocumentError::CutShort { line, column } => write!(
                f,
                "The text ends too soon (at line {line}, column {column}): it was cut short, perhaps while it was saved, downloaded or copied."
            ),
            DocumentError::Empty => write!(f, "The file is empty."),
            DocumentError::WrongFormat { found: None } => write!(f, "This is not a risk checklist assessment file (it has no \"format\" field)."),
            DocumentError::WrongFormat { found: Some(found) } => {
                write!(f, "This is not a risk checklist assessment file (its format is \"{}\").", clip(found))
            }
            DocumentError::MissingVersion => write!(f, "The file has no \"format_version\", so it cannot be read safely."),
            DocumentError::NewerVersion { found } => write!(
                f,
                "The file was written by a newer version of this app (format version {found}; this app reads up to {FORMAT_VERSION}). Open it with the newer version."
            ),
            DocumentError::Definition(errors) => {
                write!(f, "The checklist in the file is not valid: ")?;
                let parts: Vec<String> = errors.iter().take(5).map(|e| e.to_string()).collect();
                write!(f, "{}", parts.join("; "))?;
                if errors.len() > 5 {
                    write!(f, "; and {} more", errors.len() - 5)?;
                }
                Ok(())
            }
            DocumentError::Answer { item, problem } => write!(f, "The answer to \"{}\" is not valid: {problem}", clip(item.as_str())),
            DocumentError::Assessment { field, problem } => write!(f, "The assessment's {field} is not valid: {problem}"),
        }
    }
}

impl std::error::Error for DocumentError {}

impl From<UpgradeError> for DocumentError {
    /// An upgrade's failure in the reader's terms, so a person sees the same message whichever
    /// step noticed the problem.
    fn from(e: UpgradeError) -> DocumentError {
        match e {
            UpgradeError::UnknownVersion { .. } => DocumentError::MissingVersion,
        }
    }
}

impl Document {
    pub fn new(def: &ChecklistDefinition, assessment: &Assessment, now: Timestamp) -> Document {
        Document {
            format: EXPORT_FORMAT.into(),
            format_version: FORMAT_VERSION,
            app_version: APP_VERSION.into(),
            exported: now,
            checklist: ChecklistRef::of(def),
            // The change list says how versions differ; what was answered is the rest. Left out,
            // the file reads in versions of the app from before change lists.
            definition: ChecklistDefinition { changes: Vec::new(), ..def.clone() },
            assessment: assessment.clone(),
            summary: Summary::of(def, assessment),
        }
    }

    pub fn to_json(&self) -> String {
        // Serialising these plain structs cannot fail: every map key is a string.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads an exported file, checking its format, version, definition and every answer.
    /// The summary inside the file is recomputed, not trusted.
    pub fn from_json(text: &str) -> Result<Document, DocumentError> {
        let (text, version) = read_header(text, EXPORT_FORMAT)?;
        let mut doc: Document = parse(text)?;
        upgrade(&mut doc.assessment, version)?;
        doc.format_version = FORMAT_VERSION;
        doc.definition.validate().map_err(DocumentError::Definition)?;
        check_assessment(&doc.definition, &doc.assessment)?;
        doc.summary = Summary::of(&doc.definition, &doc.assessment);
        Ok(doc)
    }

    /// The file name for an export: `<title-slug>-<yyyy-mm-dd>.json`.
    pub fn file_name(&self, extension: &str) -> String {
        export_file_name(&self.assessment.title, &self.exported, extension)
    }

    /// Answers to items the checklist does not have. Kept, never dropped.
    pub fn unknown_items(&self) -> Vec<ItemId> {
        unknown_items(&self.definition, &self.assessment)
    }
}

/// The format version a stored record or file says it is in, when it is an older one that
/// reading will upgrade. The caller keeps a copy of the original first.
pub fn older_version(text: &str) -> Option<u32> {
    [STORED_FORMAT, EXPORT_FORMAT]
        .iter()
        .find_map(|f| read_header(text, f).ok())
        .map(|(_, v)| v)
        .filter(|v| *v < FORMAT_VERSION)
}

/// Whether `text` says it is an export of this app, in a version this one reads, whatever
/// else is wrong with it: the file to read is right, and its content is damaged.
pub fn is_export(text: &str) -> bool {
    read_header(text, EXPORT_FORMAT).is_ok()
}

impl StoredAssessment {
    pub fn new(def: &ChecklistDefinition, assessment: &Assessment) -> StoredAssessment {
        StoredAssessment {
            format: STORED_FORMAT.into(),
            format_version: FORMAT_VERSION,
            checklist: ChecklistRef::of(def),
            assessment: assessment.clone(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored record. Ratings are checked against `def` by the caller when it opens it.
    pub fn from_json(text: &str) -> Result<StoredAssessment, DocumentError> {
        let (text, version) = read_header(text, STORED_FORMAT)?;
        let mut stored: StoredAssessment = parse(text)?;
        upgrade(&mut stored.assessment, version)?;
        stored.format_version = FORMAT_VERSION;
        Ok(stored)
    }
}

/// The fields read before anything else, so that a file of another kind or a newer version
/// gets a plain message instead of a list of unknown fields.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<Loose>,
    #[serde(default)]
    format_version: Option<Loose>,
}

/// A JSON value read only as far as the header needs: a string, a whole number, or other.
enum Loose {
    Text(String),
    Number(u64),
    Other(&'static str),
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Loose;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Loose, E> {
                Ok(Loose::Text(v.to_owned()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Loose, E> {
                Ok(Loose::Number(v))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Loose, E> {
                Ok(Loose::Other("a negative number"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Loose, E> {
                Ok(Loose::Other("a fraction"))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Loose, E> {
                Ok(Loose::Other("true or false"))
            }
            fn visit_unit<E>(self) -> Result<Loose, E> {
                Ok(Loose::Other("null"))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Loose, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Loose::Other("a list"))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Loose, A::Error> {
                while map.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
                Ok(Loose::Other("an object"))
            }
        }
        d.deserialize_any(V)
    }
}

fn skip_summary<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Summary, D::Error> {
    serde::de::IgnoredAny::deserialize(d).map(|_| Summary::empty())
}

/// Checks the discriminator and version; returns the text (without a byte order mark) and
/// the version it is in.
fn read_header<'a>(text: &'a str, format: &str) -> Result<(&'a str, u32), DocumentError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DocumentError::Empty);
    }
    let header: Header = parse(text)?;
    match header.format {
        Some(Loose::Text(f)) if f == format => {}
        Some(Loose::Text(f)) => return Err(DocumentError::WrongFormat { found: Some(f) }),
        Some(Loose::Number(n)) => {
            return Err(DocumentError::WrongFormat { found: Some(n.to_string()) })
        }
        Some(Loose::Other(what)) => {
            return Err(DocumentError::WrongFormat { found: Some(what.to_owned()) })
        }
        None => return Err(DocumentError::WrongFormat { found: None }),
    }
    match header.format_version {
        Some(Loose::Number(v)) if v > u64::from(FORMAT_VERSION) => {
            Err(DocumentError::NewerVersion { found: v })
        }
        Some(Loose::Number(v)) if v >= 1 => Ok((text, v as u32)),
        _ => Err(DocumentError::MissingVersion),
    }
}

fn parse<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, DocumentError> {
    serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => {
            DocumentError::CutShort { line: e.line(), column: e.column() }
        }
        _ => DocumentError::Syntax {
            message: without_position(&e),
            line: e.line(),
            column: e.column(),
        },
    })
}

/// Checks that every rating is on the scale and every text and date is well formed, by the
/// rules editing uses (`assessment::check_*`), in the reader's terms.
pub fn check_assessment(def: &ChecklistDefinition, a: &Assessment) -> Result<(), DocumentError> {
    for (field, name) in [("title", &a.title), ("assessor", &a.assessor)] {
        check_name(name).map_err(|problem| DocumentError::Assessment { field, problem })?;
    }
    if let Some(signoff) = &a.signoff {
        check_signoff(signoff)
            .map_err(|problem| DocumentError::Assessment { field: "sign-off", problem })?;
    }
    for (item, answer) in &a.answers {
        check_answer(def, answer)
            .map_err(|problem| DocumentError::Answer { item: item.clone(), problem })?;
    }
    if let Some(review) = &a.review_of {
        check_review(def, review).map_err(|problem| DocumentError::Assessment {
            field: "record of the earlier assessment",
            problem,
        })?;
    }
    check_withdrawn(&a.withdrawn).map_err(|problem| DocumentError::Assessment {
        field: "record of withdrawn decisions",
        problem,
    })?;
    Ok(())
}

/// The name of any export of an assessment: `<title-slug>-<yyyy-mm-dd>.<extension>`.
pub fn export_file_name(title: &str, exported: &Timestamp, extension: &str) -> String {
    format!("{}-{}.{extension}", slug(title), exported.date())
}

/// A file-name-safe form of a title: lower-case ASCII letters and digits joined by hyphens.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "risk-assessment".into()
    } else {
        out.into()
    }
}
