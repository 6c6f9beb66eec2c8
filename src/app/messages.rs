//! Every change to what is on screen, as a message to the reducer: what a person did on
//! screen, or the one outcome of an operation that needed storage or a file (`ui::ops`), with
//! the reasons an assessment is opened and what could not be done.

use super::comparing::Comparing;
use super::filter::Filter;
use super::import::{ImportPreview, Refusal};
use super::merging::Choice;
use super::state::{Origin, Replacement, StorageError, View};
use crate::core::changes::ChangesSince;
use crate::core::decision::Field;
use crate::core::library::{AssessmentId, Library};
use crate::core::merge::Keep;
use crate::core::{Action, Assessment, ItemId, Timestamp};
use std::rc::Rc;

/// Why an assessment is put on screen: it decides whether it must be saved and what is said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opening {
    /// Chosen from the list of assessments.
    Chosen,
    /// A new, empty assessment.
    New,
    /// An imported file, opened beside the assessments already stored.
    ImportedAsNew { file_name: String },
    /// The assessment as it was before an import or a merge, put back by Undo. `backup` is
    /// where the answers it brought were kept; `None` when none were stored.
    Undone { by: Replacement, backup: Option<String> },
    /// A review of an assessment with a decision, started from its answers.
    Review,
    /// The other tab's version, chosen in a conflict. This tab's version is kept under `backup`.
    Theirs { backup: String },
    /// Chosen from the list, made with an earlier version of the checklist and taken up into
    /// this one: saved at once in this version, and what changed is shown until dismissed.
    TakenUp(Rc<ChangesSince>),
}

impl Opening {
    /// Whether the assessment opened this way must be saved.
    pub(super) fn origin(&self) -> Origin {
        match self {
            Opening::Chosen | Opening::Theirs { .. } => Origin::Stored,
            Opening::New
            | Opening::ImportedAsNew { .. }
            | Opening::Undone { .. }
            | Opening::Review
            | Opening::TakenUp(_) => Origin::Local,
        }
    }
}

/// How a conflict with another tab is settled: which version the person continues with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// This tab's version; the other tab's is kept as a backup.
    Mine,
    /// The other tab's version; this tab's is kept as a backup.
    Theirs,
}

/// A version that must be kept as a backup before it is replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// The other tab's version, stored, about to be saved over.
    OtherTabs,
    /// This tab's version, on screen, about to be replaced by the other tab's.
    ThisTabs,
    /// The answers an import or a merge brought, about to be replaced by Undo.
    Brought(Replacement),
}

/// Something asked for that could not be done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The assessment is no longer stored.
    NotStored,
    /// The stored assessment cannot be opened with this checklist; it is left as it is.
    CannotOpen { reason: String },
    /// The assessment to copy cannot be opened here.
    CannotCopy,
    /// Storage refused to remove it.
    CannotDelete,
    /// Nothing is stored under the assessment whose stored text was asked for.
    NothingToDownload,
    /// The browser did not start a download; the text says what to do.
    Download(String),
    /// A write to storage failed: the storage notice says so.
    Storage(StorageError),
    /// A version could not be kept as a backup, so nothing replaced it.
    NoBackup { of: Version, cause: StorageError },
}

impl std::error::Error for Problem {}

/// A change to what is on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    // What a person does on screen, needing neither storage nor a file.
    /// A change to the assessment, made at `now`.
    Edit {
        action: Action,
        now: Timestamp,
    },
    ShowSection(usize),
    /// A link from the Summary: the checklist at this section, with the focus on this item
    /// (shown even if the filter would hide it) or, without one, on the section's heading.
    GoTo {
        section: usize,
        item: Option<ItemId>,
    },
    /// A link in a list of the Summary, as [`Msg::GoTo`], remembering the row followed (the id
    /// of its link, without the widget's prefix) so that "Back to summary" returns to it.
    FromSummary {
        section: usize,
        item: Option<ItemId>,
        row: String,
    },
    /// "Back to summary": the Summary, with the focus on the row followed.
    BackToSummary,
    SetFilter(Filter),
    /// Another view, from its tab: the focus stays on the tab.
    ShowView(View),
    /// Another view, from a control that goes with the view left ("Next: Summary"): the focus
    /// goes to the new view's heading.
    GoToView(View),
    /// "Print summary": the record (the Summary and every answer) is rendered for printing,
    /// whatever the view, and printed once it is.
    Print,
    /// The browser started printing by itself (its menu, Ctrl+P): the record is rendered for
    /// printing until it is done.
    PrintStarted,
    /// The print dialog has closed.
    Printed,
    /// "Rename" of an assessment in the list (`Some`), or its name field closed by "Save name"
    /// or "Cancel" (`None`).
    Renaming(Option<AssessmentId>),
    AskReset,
    CancelReset,
    CloseImport,
    CloseComparison,
    /// The file previewed for import, planned as a merge into the open assessment.
    MergeImport,
    /// A side chosen for a difference in the merge on screen.
    Choose {
        choice: Choice,
        keep: Keep,
    },
    CloseMerge,
    /// The notice of what changed in the checklist since the answers were given was read.
    DismissChanges,
    /// "Record the decision", pressed on `today` (`YYYY-MM-DD`, the person's date) at `now`.
    RecordDecision {
        today: String,
        now: Timestamp,
    },
    /// "Reopen the assessment": asks first.
    AskReopen,
    CancelReopen,
    /// The reopening confirmed, at `now`.
    Reopen {
        now: Timestamp,
    },
    /// A link of the error summary to the field it names.
    ShowField(Field),
    /// "Change scope": the scope questions, folded once all are answered, open again.
    ChangeScope,

    // The one outcome of each operation (`ui::ops`), after its storage or file work.
    /// The saver's latest save succeeded, or why it failed.
    Saved(Result<(), StorageError>),
    /// An assessment is on screen; `library` is the list as stored now.
    Opened {
        id: AssessmentId,
        assessment: Rc<Assessment>,
        how: Opening,
        library: Rc<Library>,
    },
    /// The Assessments view, with the list as stored now.
    Listed(Rc<Library>),
    /// A copy titled `title` was stored.
    Copied {
        title: String,
        library: Rc<Library>,
    },
    /// An assessment not on screen was renamed.
    Renamed(Rc<Library>),
    /// An assessment was deleted. `raw` is its stored text, for Undo (`None` when nothing was
    /// stored); `next` is what opens instead when it was the one on screen.
    Deleted {
        id: AssessmentId,
        title: String,
        raw: Option<Rc<String>>,
        next: Option<(AssessmentId, Rc<Assessment>)>,
        library: Rc<Library>,
    },
    /// A deleted assessment is stored again.
    Restored {
        title: String,
        library: Rc<Library>,
    },
    /// An import's or a merge's replacement of an assessment not on screen was undone; the
    /// answers it brought were kept under `backup`, if any were stored.
    PutBack {
        title: String,
        by: Replacement,
        backup: Option<String>,
        library: Rc<Library>,
    },
    /// Two assessments compared, to show.
    Compared(Rc<Comparing>),
    /// The merge on screen was applied: `assessment` is the result, the same as the open one
    /// when it changed nothing. The assessment as it was is kept as a backup under `backup`,
    /// if it could be.
    Merged {
        assessment: Rc<Assessment>,
        backup: Option<String>,
        library: Rc<Library>,
    },
    /// A file was read and waits for the person's choice.
    ImportRead(Rc<ImportPreview>),
    /// A file was refused for import: what it is and why.
    ImportFailed(Refusal),
    /// The assessment on screen was replaced by an import. The answers it held were kept as a
    /// backup under `backup`, if they could be.
    Replaced {
        assessment: Rc<Assessment>,
        file_name: String,
        backup: Option<String>,
        library: Rc<Library>,
    },
    /// A file was downloaded: `json` is the assessment a JSON export holds, `None` for a report.
    Exported {
        file_name: String,
        json: Option<Rc<Assessment>>,
    },
    /// In a conflict, this tab's version was kept; the other tab's was backed up under
    /// `backup` (when one was stored), and `saved` says whether this tab's version was saved.
    KeptMine {
        backup: Option<String>,
        saved: Result<(), StorageError>,
        library: Rc<Library>,
    },
    /// What was asked for could not be done; `library` is the list as stored now, if read.
    Failed {
        problem: Problem,
        library: Option<Rc<Library>>,
    },
    /// Another tab saved this assessment and this tab has no unsaved change: show theirs.
    External(Rc<Assessment>),
    /// Another tab saved this assessment while this tab has changes of its own.
    Conflict(Rc<Assessment>),
    /// The index changed in storage. `newer` is the index format version when a newer version
    /// of the app wrote it; `take_up` is another tab's new assessment, which this tab
    /// continues while its own is blank and unsaved.
    IndexChanged {
        library: Rc<Library>,
        newer: Option<u64>,
        take_up: Option<(AssessmentId, Rc<Assessment>)>,
    },
}
