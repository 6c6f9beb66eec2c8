//! The checks a file must pass before it is offered for import, and the preview that waits for
//! the person's choice. The browser reads the file; everything it holds is judged here.

use crate::core::assessment::unknown_items;
use crate::core::changes::ChangesSince;
use crate::core::document::{check_assessment, is_export, DocumentError};
use crate::core::fingerprint::Signed;
use crate::core::summary_page::withdrawn_line;
use crate::core::{ChecklistDefinition, Document};
use std::rc::Rc;

/// The largest file import reads, checked before reading it.
pub const MAX_IMPORT_BYTES: u64 = 4 * 1024 * 1024;

/// How much of a file's name is shown.
const MAX_FILE_NAME: usize = 120;

/// A file read for import, waiting for the person to choose what to do with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPreview {
    pub file_name: String,
    pub doc: Document,
    /// Answers for items this checklist does not have; kept, and shown as retired.
    pub unknown: usize,
    /// Why it cannot be opened with this checklist, if it cannot.
    pub blocked: Option<String>,
    /// What changed in the checklist since, when the file answers an earlier version of it.
    pub changes: Option<Rc<ChangesSince>>,
    /// Whether the file is still what its recorded decision signed, by the fingerprint
    /// recomputed from the file as read.
    pub signed: Signed,
    /// "Its decision was withdrawn on ...", when the file's assessment was reopened.
    pub withdrawn: Option<String>,
}

/// A file's name as the messages show it: at most 120 characters.
pub fn shown_name(name: &str) -> String {
    name.chars().take(MAX_FILE_NAME).collect()
}

/// Why a file was refused for import, in the person's terms: what the file is and what to do
/// (`announcements.rs` words it), with the reader's own explanation folded away as detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub file_name: String,
    pub why: Unfit,
    /// What exactly the reader found, for whoever looks into it.
    pub detail: Option<String>,
}

/// What a refused file is, as far as the person needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unfit {
    /// Not text, not JSON, or JSON of another kind: not a file Export JSON saved.
    NotAnExport,
    /// The file is empty.
    Empty,
    /// The JSON stops before its end: cut short while saved, downloaded or copied.
    CutShort,
    /// Saved by a newer version of the app.
    Newer,
    /// An export whose checklist or answers break the rules: damaged or edited by hand.
    Damaged,
    /// Larger than an export can be; not read at all.
    TooLarge,
    /// The browser could not read it.
    Unreadable,
}

impl Refusal {
    fn new(file_name: &str, why: Unfit, detail: Option<String>) -> Refusal {
        Refusal { file_name: file_name.to_owned(), why, detail }
    }

    /// The refusal of the file `text` the reader could not take, by what it found: JSON of
    /// the wrong shape is a damaged export when its header says it is one.
    fn of(file_name: &str, text: &str, e: &DocumentError) -> Refusal {
        let why = match e {
            DocumentError::Syntax { .. } if is_export(text) => Unfit::Damaged,
            DocumentError::Syntax { .. }
            | DocumentError::WrongFormat { .. }
            | DocumentError::MissingVersion => Unfit::NotAnExport,
            DocumentError::Empty => Unfit::Empty,
            DocumentError::CutShort { .. } => Unfit::CutShort,
            DocumentError::NewerVersion { .. } => Unfit::Newer,
            DocumentError::Definition(_)
            | DocumentError::Answer { .. }
            | DocumentError::Assessment { .. } => Unfit::Damaged,
        };
        Refusal::new(file_name, why, Some(e.to_string()))
    }
}

/// Why a file of `size` bytes is not read at all, if it is too large.
pub fn too_large(name: &str, size: u64) -> Option<Refusal> {
    // Whole megabytes, rounded up, in integers: formatting a float would add kilobytes of code.
    let mib = size.div_ceil(1024 * 1024);
    (size > MAX_IMPORT_BYTES)
        .then(|| Refusal::new(name, Unfit::TooLarge, Some(super::words::over_size(mib - 1))))
}

/// The refusal when the browser could not read the file.
pub fn unreadable(name: &str) -> Refusal {
    Refusal::new(name, Unfit::Unreadable, None)
}

/// Turns a file's bytes into a preview, or says why it is refused.
pub fn read_import(
    name: &str,
    bytes: &[u8],
    def: &ChecklistDefinition,
) -> Result<ImportPreview, Refusal> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        Refusal::new(name, Unfit::NotAnExport, Some("It is not UTF-8 text.".to_owned()))
    })?;
    let mut doc = Document::from_json(text).map_err(|e| Refusal::of(name, text, &e))?;
    // Against the checklist the file carries, before its answers are taken up into this one.
    let signed = Signed::of(&doc.definition, &doc.assessment);
    let withdrawn = withdrawn_line(&doc.assessment);
    let changes = doc.checklist.take_up(def, &mut doc.assessment).map(Rc::new);
    Ok(ImportPreview {
        changes,
        signed,
        withdrawn,
        file_name: name.to_owned(),
        unknown: unknown_items(def, &doc.assessment).len(),
        blocked: check_against(&doc, def),
        doc,
    })
}

/// Why an import cannot be opened with the checklist on this page: it must be the same
/// checklist, and every rating must be on this page's scale.
pub fn check_against(doc: &Document, def: &ChecklistDefinition) -> Option<String> {
    if doc.checklist.id != def.id {
        return Some(format!(
            "It answers a different checklist (“{}”), so it cannot be opened with this one.",
            doc.definition.title.chars().take(80).collect::<String>()
        ));
    }
    check_assessment(def, &doc.assessment).err().map(|e| format!("{e}."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::default_checklist::default_checklist;
    use crate::core::{Action, Assessment, Status, Timestamp};

    /// What reading a file gives: `Ok(unknown, blocked)` for a preview, `Err(refusal)`.
    type Outcome = Result<(usize, Option<String>), Refusal>;

    fn check(bytes: &[u8], expected: Outcome) {
        let got = read_import("f.json", bytes, &default_checklist()).map(|p| {
            assert_eq!(p.file_name, "f.json");
            (p.unknown, p.blocked)
        });
        assert_eq!(got, expected);
    }

    /// An export of the default checklist with the first item achieved, changed by `edit`.
    fn export(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
        let def = default_checklist();
        let t = Timestamp::parse("2026-02-01T10:00:00Z").unwrap();
        let mut a = Assessment::new(t.clone());
        let item = def.sections[0].items[0].id.clone();
        a.apply(&def, Action::SetStatus { item, status: Status::Achieved }, t.clone());
        let mut json: serde_json::Value =
            serde_json::from_str(&Document::new(&def, &a, t).to_json()).unwrap();
        edit(&mut json);
        json.to_string().into_bytes()
    }

    #[test]
    fn a_good_export_is_previewed_with_nothing_blocking_it() {
        check(&export(|_| {}), Ok((0, None)));
    }

    #[test]
    fn answers_to_items_the_checklist_lacks_are_counted_and_kept() {
        let file = export(|j| j["assessment"]["answers"]["retired-one"] = "achieved".into());
        // An answer is an object: a bare string is refused, an object is counted.
        assert!(read_import("f.json", &file, &default_checklist()).is_err());
        let file = export(|j| {
            j["assessment"]["answers"]["retired-one"] = serde_json::json!({"status": "achieved"})
        });
        check(&file, Ok((1, None)));
    }

    #[test]
    fn a_file_of_an_earlier_version_of_the_checklist_says_what_changed_and_keeps_merged_answers() {
        let file = export(|j| {
            j["checklist"]["version"] = "2.0.1".into();
            j["definition"]["version"] = "2.0.1".into();
            j["assessment"]["answers"]["records-permanent-archive"] =
                serde_json::json!({"status": "achieved", "notes": "Agreed with the archive."});
        });
        let preview = read_import("f.json", &file, &default_checklist()).unwrap();
        let changes = preview.changes.expect("an earlier version");
        assert_eq!(changes.from, "2.0.1");
        assert!(!changes.items.is_empty());
        let answers = &preview.doc.assessment.answers;
        let home = crate::core::ItemId::new("records-capture-retention");
        assert_eq!(answers.get(&home).map(|a| a.notes.as_str()), Some("Agreed with the archive."));
        assert_eq!(preview.unknown, 0, "moved, not retired");
        let current = read_import("f.json", &export(|_| {}), &default_checklist()).unwrap();
        assert_eq!(current.changes, None);
    }

    #[test]
    fn files_that_are_not_exports_are_refused_with_what_they_are_and_the_detail() {
        let refused = |why, detail: &str| Err(Refusal::new("f.json", why, Some(detail.into())));
        check(&[0xff, 0xfe, b'{'], refused(Unfit::NotAnExport, "It is not UTF-8 text."));
        check(b"", refused(Unfit::Empty, "The file is empty."));
        let not_json = read_import("f.json", b"notes: hello", &default_checklist()).unwrap_err();
        assert_eq!(not_json.why, Unfit::NotAnExport);
        assert!(not_json.detail.is_some_and(|d| d.contains("line 1")));
        let text = String::from_utf8(export(|j| j["format"] = "something-else".into())).unwrap();
        let got = read_import("f.json", text.as_bytes(), &default_checklist()).unwrap_err();
        assert_eq!(got.why, Unfit::NotAnExport);
        assert!(got.detail.is_some_and(|d| d.contains("something-else")));
        let cut = export(|_| {});
        let got = read_import("f.json", &cut[..cut.len() / 2], &default_checklist()).unwrap_err();
        assert_eq!(got.why, Unfit::CutShort);
        let newer = export(|j| j["format_version"] = 99.into());
        let got = read_import("f.json", &newer, &default_checklist()).unwrap_err();
        assert_eq!(got.why, Unfit::Newer);
        let damaged = export(|j| j["assessment"]["title"] = "x".repeat(100_000).into());
        let got = read_import("f.json", &damaged, &default_checklist()).unwrap_err();
        assert_eq!(got.why, Unfit::Damaged, "{got:?}");
        let edited = export(|j| j["assessment"]["colour"] = "red".into());
        let got = read_import("f.json", &edited, &default_checklist()).unwrap_err();
        assert_eq!(got.why, Unfit::Damaged, "an export with a field added by hand: {got:?}");
    }

    #[test]
    fn a_file_for_another_checklist_is_previewed_but_blocked() {
        let other = export(|j| {
            j["checklist"]["id"] = "other".into();
            j["definition"]["id"] = "other".into();
            j["definition"]["title"] = "Other checklist".into();
        });
        let blocked = read_import("f.json", &other, &default_checklist()).map(|p| p.blocked);
        assert_eq!(
            blocked,
            Ok(Some("It answers a different checklist (“Other checklist”), so it cannot be opened with this one.".into()))
        );
    }

    #[test]
    fn files_over_four_megabytes_are_not_read() {
        assert_eq!(too_large("f.json", MAX_IMPORT_BYTES), None);
        let refused = too_large("f.json", MAX_IMPORT_BYTES + 1);
        let detail = "The file is over 4 MB; an export is at most 4 MB.";
        assert_eq!(refused, Some(Refusal::new("f.json", Unfit::TooLarge, Some(detail.into()))));
        assert_eq!(shown_name(&"n".repeat(200)).chars().count(), 120);
    }
}
