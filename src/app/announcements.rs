//! What the widget says in its status live region, and the sentences of what could not be
//! done: the reducer decides WHICH [`Announcement`] is made, and this file alone words it. A
//! second language would be a second `Display` here, not a change to the reducer.

use super::choices::quoted;
use super::import::{Refusal, Unfit};
use super::merging::answers;
use super::messages::{Opening, Problem, Version};
use super::state::{Replacement, StorageError};
use std::fmt;

/// Something the status live region says, decided by the reducer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Announcement {
    /// "Start again" cleared every answer.
    Cleared,
    /// A merge was applied and changed nothing.
    MergedNothing { file_name: String },
    /// A merge was applied; `backup_kept` says whether the assessment as it was is stored too.
    Merged { file_name: String, added: usize, theirs: usize, both: usize, backup_kept: bool },
    /// A save succeeded after saving had failed.
    SavingWorksAgain,
    /// An assessment titled `title` was put on screen, for this reason.
    Opened { how: Opening, title: String },
    /// A copy titled `title` was stored.
    Copied { title: String },
    /// An assessment was deleted and Undo can bring it back.
    Deleted { title: String },
    /// A deleted assessment is stored again.
    Restored { title: String },
    /// An import's or merge's replacement of an assessment not on screen was undone.
    PutBack { title: String, by: Replacement, backup_kept: bool },
    /// The answers on screen were replaced by an import.
    Replaced { file_name: String, backup_kept: bool },
    /// A file was downloaded: a JSON export (`json`) or a report.
    Exported { file_name: String, json: bool },
    /// In a conflict, this tab's version was kept.
    KeptMine { backup_kept: bool },
    /// What was asked for could not be done.
    Failed(Problem),
    /// Another tab saved this assessment, and its version is shown.
    UpdatedElsewhere,
    /// This tab continues the assessment another tab started.
    TakenUp,
    /// "Record the decision" recorded it.
    DecisionRecorded,
    /// The assessment was reopened: its decision withdrawn.
    DecisionWithdrawn,
    /// A file was refused for import.
    Refused(Refusal),
}

/// How the notification banner at the top of the view presents an operation's outcome: the
/// reducer puts an [`Announcement`] there instead of the status region, never in both.
impl Announcement {
    /// Whether it says something went wrong: the banner is then an alert titled "Important".
    pub fn is_failure(&self) -> bool {
        matches!(self, Announcement::Refused(_) | Announcement::Failed(_))
    }

    /// The banner's title.
    pub fn title(&self) -> &'static str {
        if self.is_failure() {
            "Important"
        } else {
            "Success"
        }
    }

    /// Whether Undo belongs with it: what it reports can be taken back.
    pub fn offers_undo(&self) -> bool {
        matches!(
            self,
            Announcement::Deleted { .. }
                | Announcement::Merged { .. }
                | Announcement::Replaced { .. }
        )
    }

    /// The technical detail, shown folded away: what exactly the reader found in a refused file.
    pub fn detail(&self) -> Option<&str> {
        match self {
            Announcement::Refused(r) => r.detail.as_deref(),
            _ => None,
        }
    }
}

impl fmt::Display for Announcement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Announcement as A;
        match self {
            A::Cleared => f.write_str("All answers were cleared. You can start again."),
            A::MergedNothing { file_name } => write!(f, "Merging {file_name} changed nothing: every difference kept your answer."),
            A::Merged { file_name, added, theirs, both, backup_kept } => {
                let kept = if *backup_kept { "is also kept as a backup in this browser" } else { "is kept until you leave this page" };
                write!(f, "Merged {file_name} into this assessment: {} added, {theirs} taken from the file, {both} with both notes. Your assessment as it was {kept}; use Undo to bring it back.", answers(*added))
            }
            A::SavingWorksAgain => f.write_str("Saving works again: your answers are saved in this browser."),
            A::Opened { how, title } => opened(f, how, title),
            A::Copied { title } => write!(f, "Made {}.", quoted(title)),
            A::Deleted { title } => write!(f, "Deleted {}. Use Undo to bring it back.", quoted(title)),
            A::Restored { title } => write!(f, "{} is back.", quoted(title)),
            A::PutBack { title, by, backup_kept } => {
                write!(f, "The {} was undone: {} has its previous answers back.", noun(*by), quoted(title))?;
                brought_kept(f, *by, *backup_kept)
            }
            A::Replaced { file_name, backup_kept } => {
                let kept = if *backup_kept { "were also kept as a backup in this browser" } else { "are kept until you leave this page" };
                write!(f, "Replaced the current answers with {file_name}. The previous answers {kept}; use Undo to bring them back.")
            }
            A::Exported { file_name, json: true } => write!(f, "Exported {file_name}. It holds every answer and a copy of the checklist."),
            A::Exported { file_name, json: false } => write!(f, "Exported {file_name}."),
            A::KeptMine { backup_kept: true } => f.write_str("Kept this tab's version. The other tab's version was kept as a backup in this browser."),
            A::KeptMine { backup_kept: false } => f.write_str("Kept this tab's version."),
            A::Failed(problem) => problem.fmt(f),
            A::UpdatedElsewhere => f.write_str("This assessment was updated with changes saved in another tab or window."),
            A::TakenUp => f.write_str("Continuing the assessment started in another tab or window."),
            A::DecisionRecorded => f.write_str("Decision recorded. The answers are now read-only."),
            A::DecisionWithdrawn => f.write_str("Decision withdrawn and kept on record. The answers can be changed again."),
            A::Refused(r) => write!(f, "{} was not imported. {}", r.file_name, unfit(r.why)),
        }
    }
}

/// What is said when an assessment is put on screen.
fn opened(f: &mut fmt::Formatter<'_>, how: &Opening, title: &str) -> fmt::Result {
    match how {
        Opening::Chosen => write!(f, "Opened {}.", quoted(title)),
        Opening::New => f.write_str("Started a new assessment."),
        Opening::ImportedAsNew { file_name } => {
            write!(f, "Opened {} from {file_name} as a new assessment.", quoted(title))
        }
        Opening::Undone { by, backup } => {
            write!(f, "The {} was undone: the previous answers are back.", noun(*by))?;
            brought_kept(f, *by, backup.is_some())
        }
        Opening::Review => write!(
            f,
            "Started a review of {}: the answers are copied, the sign-off is empty, and the Summary shows the changes since the last review.",
            quoted(title)
        ),
        Opening::Theirs { .. } => f.write_str("Showing the other tab's version. This tab's version was kept as a backup in this browser."),
        Opening::TakenUp(changes) => write!(
            f,
            "Opened {}, made with version {} of the checklist: see what changed since.",
            quoted(title),
            changes.from
        ),
    }
}

/// What a refused file is, and what to do instead.
fn unfit(why: Unfit) -> &'static str {
    match why {
        Unfit::NotAnExport => "This file is not a risk checklist export. Choose a file saved with Export JSON.",
        Unfit::Empty => "This file is empty. Choose a file saved with Export JSON.",
        Unfit::CutShort => "This file is incomplete: it was cut short while it was saved or copied. Export it again, or ask for a new copy.",
        Unfit::Newer => "This file was saved by a newer version of this checklist. Open it there, or ask whoever looks after this page to update it.",
        Unfit::Damaged => "This file is a risk checklist export, but part of it is damaged or was changed by hand. Export it again, or ask for a new copy.",
        Unfit::TooLarge => "This file is too large to be a risk checklist export. Choose a file saved with Export JSON.",
        Unfit::Unreadable => "This file could not be read. Try choosing it again.",
    }
}

/// The replacement Undo takes back, as a noun.
fn noun(by: Replacement) -> &'static str {
    match by {
        Replacement::Import => "import",
        Replacement::Merge => "merge",
    }
}

/// The answers a replacement brought, which Undo takes away.
fn brought(by: Replacement) -> &'static str {
    match by {
        Replacement::Import => "imported answers",
        Replacement::Merge => "merged answers",
    }
}

/// What is said about the answers an Undo took away, when they were kept.
fn brought_kept(f: &mut fmt::Formatter<'_>, by: Replacement, kept: bool) -> fmt::Result {
    if kept {
        write!(f, " The {} were kept as a backup in this browser.", brought(by))?;
    }
    Ok(())
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotStored => f.write_str("That assessment is no longer stored in this browser."),
            Problem::CannotOpen { reason } => write!(f, "That assessment cannot be opened here: {reason}. It is left as it is."),
            Problem::CannotCopy => f.write_str("That assessment cannot be copied: it cannot be opened here."),
            Problem::CannotDelete => f.write_str("That assessment could not be deleted."),
            Problem::NothingToDownload => f.write_str("Nothing is stored under that assessment any more."),
            Problem::Download(text) => f.write_str(text),
            Problem::Storage(cause) => write!(f, "Your changes could not be saved: {cause}."),
            Problem::NoBackup { of: Version::OtherTabs, cause } => write!(f, "The other tab's version could not be kept as a backup ({cause}), so this tab's version was not saved over it. Export JSON to keep this tab's version, or use the other tab's version."),
            Problem::NoBackup { of: Version::ThisTabs, cause } => write!(f, "This tab's version could not be kept as a backup ({cause}), so it is still on screen. Export JSON to keep it, then choose again."),
            Problem::NoBackup { of: Version::Brought(by), cause } => write!(f, "The {} was not undone: the {} could not be kept as a backup first ({cause}). Export JSON to keep them, then use Undo again.", noun(*by), brought(*by)),
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => {
                f.write_str("this browser does not let the checklist use its storage")
            }
            StorageError::Refused { reason } => f.write_str(reason),
            StorageError::ReadOnly { version } => write!(
                f,
                "a newer version of this checklist keeps the assessments in this browser (index format {version})"
            ),
        }
    }
}

/// How each announcement reads: one test per announcement, with the sentences the reducer's
/// tests used to compare word for word.
#[cfg(test)]
mod tests {
    use super::Announcement as A;
    use super::*;

    fn reads(a: A, text: &str) {
        assert_eq!(a.to_string(), text);
    }

    fn full() -> StorageError {
        StorageError::Refused { reason: "this browser's storage is full".into() }
    }

    #[test]
    fn cleared() {
        reads(A::Cleared, "All answers were cleared. You can start again.");
    }

    #[test]
    fn merged_nothing() {
        reads(
            A::MergedNothing { file_name: "f.json".into() },
            "Merging f.json changed nothing: every difference kept your answer.",
        );
    }

    #[test]
    fn merged() {
        let merged = |backup_kept, added| A::Merged {
            file_name: "f.json".into(),
            added,
            theirs: 1,
            both: 0,
            backup_kept,
        };
        reads(merged(true, 1), "Merged f.json into this assessment: 1 answer added, 1 taken from the file, 0 with both notes. Your assessment as it was is also kept as a backup in this browser; use Undo to bring it back.");
        reads(merged(false, 2), "Merged f.json into this assessment: 2 answers added, 1 taken from the file, 0 with both notes. Your assessment as it was is kept until you leave this page; use Undo to bring it back.");
    }

    #[test]
    fn saving_works_again() {
        reads(A::SavingWorksAgain, "Saving works again: your answers are saved in this browser.");
    }

    #[test]
    fn opened() {
        let opened = |how| A::Opened { how, title: "Pilot".into() };
        reads(opened(Opening::Chosen), "Opened “Pilot”.");
        reads(A::Opened { how: Opening::Chosen, title: " ".into() }, "Opened Untitled assessment.");
        reads(opened(Opening::New), "Started a new assessment.");
        reads(
            opened(Opening::ImportedAsNew { file_name: "pilot.json".into() }),
            "Opened “Pilot” from pilot.json as a new assessment.",
        );
        reads(
            opened(Opening::Theirs { backup: "key".into() }),
            "Showing the other tab's version. This tab's version was kept as a backup in this browser.",
        );
        let undone = |by, backup: Option<&str>| {
            opened(Opening::Undone { by, backup: backup.map(str::to_owned) })
        };
        reads(undone(Replacement::Import, Some("key")), "The import was undone: the previous answers are back. The imported answers were kept as a backup in this browser.");
        reads(
            undone(Replacement::Import, None),
            "The import was undone: the previous answers are back.",
        );
        reads(undone(Replacement::Merge, Some("key")), "The merge was undone: the previous answers are back. The merged answers were kept as a backup in this browser.");
        reads(opened(Opening::Review), "Started a review of “Pilot”: the answers are copied, the sign-off is empty, and the Summary shows the changes since the last review.");
        let def = crate::core::default_checklist::default_checklist();
        let Some(now) = crate::core::Timestamp::parse("2026-03-01T10:00:00Z") else { panic!() };
        let mut a = crate::core::Assessment::new(now);
        let changes = crate::core::changes::take_up(&def, "2.0.1", &mut a);
        reads(
            opened(Opening::TakenUp(std::rc::Rc::new(changes))),
            "Opened “Pilot”, made with version 2.0.1 of the checklist: see what changed since.",
        );
    }

    #[test]
    fn copied() {
        reads(A::Copied { title: String::new() }, "Made Untitled assessment.");
        reads(A::Copied { title: "Copy of Pilot".into() }, "Made “Copy of Pilot”.");
    }

    #[test]
    fn deleted() {
        reads(A::Deleted { title: "Old".into() }, "Deleted “Old”. Use Undo to bring it back.");
    }

    #[test]
    fn restored() {
        reads(A::Restored { title: "Old".into() }, "“Old” is back.");
    }

    #[test]
    fn put_back() {
        let put_back = |by, backup_kept| A::PutBack { title: "Pilot".into(), by, backup_kept };
        reads(
            put_back(Replacement::Import, false),
            "The import was undone: “Pilot” has its previous answers back.",
        );
        reads(put_back(Replacement::Import, true), "The import was undone: “Pilot” has its previous answers back. The imported answers were kept as a backup in this browser.");
        reads(
            put_back(Replacement::Merge, false),
            "The merge was undone: “Pilot” has its previous answers back.",
        );
    }

    #[test]
    fn replaced() {
        let replaced = |backup_kept| A::Replaced { file_name: "f.json".into(), backup_kept };
        reads(replaced(true), "Replaced the current answers with f.json. The previous answers were also kept as a backup in this browser; use Undo to bring them back.");
        reads(replaced(false), "Replaced the current answers with f.json. The previous answers are kept until you leave this page; use Undo to bring them back.");
    }

    #[test]
    fn exported() {
        reads(A::Exported { file_name: "r.csv".into(), json: false }, "Exported r.csv.");
        reads(
            A::Exported { file_name: "a.json".into(), json: true },
            "Exported a.json. It holds every answer and a copy of the checklist.",
        );
    }

    #[test]
    fn kept_mine() {
        reads(A::KeptMine { backup_kept: true }, "Kept this tab's version. The other tab's version was kept as a backup in this browser.");
        reads(A::KeptMine { backup_kept: false }, "Kept this tab's version.");
    }

    #[test]
    fn failed() {
        let failed = |p| A::Failed(p).to_string();
        assert_eq!(
            failed(Problem::NotStored),
            "That assessment is no longer stored in this browser."
        );
        assert_eq!(
            failed(Problem::CannotOpen { reason: "it is damaged".into() }),
            "That assessment cannot be opened here: it is damaged. It is left as it is."
        );
        assert_eq!(
            failed(Problem::CannotCopy),
            "That assessment cannot be copied: it cannot be opened here."
        );
        assert_eq!(failed(Problem::CannotDelete), "That assessment could not be deleted.");
        assert_eq!(
            failed(Problem::NothingToDownload),
            "Nothing is stored under that assessment any more."
        );
        assert_eq!(failed(Problem::Download("Try again.".into())), "Try again.");
        assert_eq!(
            failed(Problem::Storage(StorageError::Unavailable)),
            "Your changes could not be saved: this browser does not let the checklist use its storage."
        );
        let no_backup = |of| failed(Problem::NoBackup { of, cause: full() });
        assert_eq!(no_backup(Version::OtherTabs), "The other tab's version could not be kept as a backup (this browser's storage is full), so this tab's version was not saved over it. Export JSON to keep this tab's version, or use the other tab's version.");
        assert_eq!(no_backup(Version::ThisTabs), "This tab's version could not be kept as a backup (this browser's storage is full), so it is still on screen. Export JSON to keep it, then choose again.");
        assert_eq!(no_backup(Version::Brought(Replacement::Merge)), "The merge was not undone: the merged answers could not be kept as a backup first (this browser's storage is full). Export JSON to keep them, then use Undo again.");
        assert_eq!(
            StorageError::ReadOnly { version: 3 }.to_string(),
            "a newer version of this checklist keeps the assessments in this browser (index format 3)"
        );
    }

    #[test]
    fn updated_elsewhere() {
        reads(
            A::UpdatedElsewhere,
            "This assessment was updated with changes saved in another tab or window.",
        );
    }

    #[test]
    fn refused() {
        let refused = |why, detail: Option<&str>| {
            A::Refused(Refusal {
                file_name: "notes.json".into(),
                why,
                detail: detail.map(str::to_owned),
            })
        };
        let not_export = refused(Unfit::NotAnExport, Some("expected value at line 1 column 1"));
        reads(not_export.clone(), "notes.json was not imported. This file is not a risk checklist export. Choose a file saved with Export JSON.");
        assert_eq!(not_export.detail(), Some("expected value at line 1 column 1"));
        assert_eq!((not_export.title(), not_export.is_failure()), ("Important", true));
        reads(
            refused(Unfit::Empty, None),
            "notes.json was not imported. This file is empty. Choose a file saved with Export JSON.",
        );
        reads(refused(Unfit::CutShort, None), "notes.json was not imported. This file is incomplete: it was cut short while it was saved or copied. Export it again, or ask for a new copy.");
        reads(refused(Unfit::Newer, None), "notes.json was not imported. This file was saved by a newer version of this checklist. Open it there, or ask whoever looks after this page to update it.");
        reads(refused(Unfit::Damaged, None), "notes.json was not imported. This file is a risk checklist export, but part of it is damaged or was changed by hand. Export it again, or ask for a new copy.");
        reads(refused(Unfit::TooLarge, None), "notes.json was not imported. This file is too large to be a risk checklist export. Choose a file saved with Export JSON.");
        reads(
            refused(Unfit::Unreadable, None),
            "notes.json was not imported. This file could not be read. Try choosing it again.",
        );
    }

    #[test]
    fn the_banner_is_titled_by_success_or_failure_and_offers_undo_only_for_what_it_can_take_back() {
        let deleted = A::Deleted { title: "Old".into() };
        assert_eq!(
            (deleted.title(), deleted.offers_undo(), deleted.detail()),
            ("Success", true, None)
        );
        let restored = A::Restored { title: "Old".into() };
        assert_eq!((restored.title(), restored.offers_undo()), ("Success", false));
        assert!(A::Replaced { file_name: "f".into(), backup_kept: true }.offers_undo());
        assert_eq!(A::Failed(Problem::CannotDelete).title(), "Important");
    }

    #[test]
    fn taken_up() {
        reads(A::TakenUp, "Continuing the assessment started in another tab or window.");
        reads(A::DecisionRecorded, "Decision recorded. The answers are now read-only.");
        reads(
            A::DecisionWithdrawn,
            "Decision withdrawn and kept on record. The answers can be changed again.",
        );
    }
}
