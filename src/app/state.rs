//! The widget's state and its one reducer. Every change, to the assessment or to what is on
//! screen, is a [`Msg`]: either something the person did on screen, or the one outcome of an
//! operation that needed storage or a file. The reducer alone decides the view, what is
//! announced, what Undo can put back and the list of assessments shown; it returns the same
//! `Rc` when nothing changed, so the page skips the render.

use super::choices::quoted;
use super::comparing::Comparing;
use super::filter::Filter;
use super::import::ImportPreview;
use super::merging::{answers, Choice, Merging};
use crate::core::changes::ChangesSince;
use crate::core::library::{AssessmentId, Library};
use crate::core::merge::Keep as Side;
use crate::core::{Action, Assessment, ChecklistDefinition, ItemId, Timestamp};
use std::fmt;
use std::rc::Rc;

/// Why answers are not being saved in this browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser does not let the widget use its storage at all.
    Unavailable,
    /// A write was refused, for example because storage is full; `reason` says why in words.
    Refused { reason: String },
    /// A newer version of the app wrote this namespace's index (its format `version`): what
    /// can be read is shown, and nothing is saved over it.
    ReadOnly { version: u64 },
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

impl std::error::Error for StorageError {}

/// Which view of the assessment is on screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Checklist,
    Summary,
    Assessments,
}

/// Whether the assessment on screen still has to be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Changed here: save it.
    Local,
    /// As read from storage: nothing to save.
    Stored,
}

/// A stored assessment that could not be opened. It is left untouched where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unopened {
    pub id: AssessmentId,
    pub reason: String,
    /// Where a copy was kept, if one could be written.
    pub backup_key: Option<String>,
    /// Written by a newer version of the app.
    pub newer: bool,
}

/// What replaced an assessment's answers, so that Undo can say what it takes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replacement {
    /// An imported file replaced them.
    Import,
    /// A colleague's file was merged into them.
    Merge,
}

impl Replacement {
    fn noun(self) -> &'static str {
        match self {
            Replacement::Import => "import",
            Replacement::Merge => "merge",
        }
    }

    /// The answers the replacement brought, which Undo takes away.
    fn brought(self) -> &'static str {
        match self {
            Replacement::Import => "imported answers",
            Replacement::Merge => "merged answers",
        }
    }
}

/// What the last undoable step can put back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undo {
    /// An assessment's answers were replaced by an import or a merge; `previous` is the whole
    /// assessment as it was.
    Replaced { id: AssessmentId, previous: Rc<Assessment>, by: Replacement },
    /// An assessment was deleted; its stored text is kept here.
    Deleted { id: AssessmentId, raw: Rc<String>, title: String },
}

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
    fn origin(&self) -> Origin {
        match self {
            Opening::Chosen | Opening::Theirs { .. } => Origin::Stored,
            Opening::New
            | Opening::ImportedAsNew { .. }
            | Opening::Undone { .. }
            | Opening::Review
            | Opening::TakenUp(_) => Origin::Local,
        }
    }

    fn message(&self, title: &str) -> String {
        match self {
            Opening::Chosen => format!("Opened {}.", quoted(title)),
            Opening::New => "Started a new assessment.".into(),
            Opening::ImportedAsNew { file_name } => {
                format!("Opened {} from {file_name} as a new assessment.", quoted(title))
            }
            Opening::Undone { by, backup } => format!(
                "The {} was undone: the previous answers are back.{}",
                by.noun(),
                brought_kept(*by, backup)
            ),
            Opening::Review => format!(
                "Started a review of {}: the answers are copied, the sign-off is empty, and the Summary shows the changes since the last review.",
                quoted(title)
            ),
            Opening::Theirs { .. } => "Showing the other tab's version. This tab's version was kept as a backup in this browser.".into(),
            Opening::TakenUp(changes) => format!(
                "Opened {}, made with version {} of the checklist: see what changed since.",
                quoted(title),
                changes.from
            ),
        }
    }
}

/// What is said about the answers an Undo took away.
fn brought_kept(by: Replacement, backup: &Option<String>) -> String {
    match backup {
        Some(_) => format!(" The {} were kept as a backup in this browser.", by.brought()),
        None => String::new(),
    }
}

/// Which version a conflict with another tab continues with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    Mine,
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
            Problem::NoBackup { of: Version::Brought(by), cause } => write!(f, "The {} was not undone: the {} could not be kept as a backup first ({cause}). Export JSON to keep them, then use Undo again.", by.noun(), by.brought()),
        }
    }
}

impl std::error::Error for Problem {}

/// What takes the focus when a link elsewhere puts the checklist on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    SectionHeading,
    Item(ItemId),
}

/// Everything on screen in one widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppState {
    pub def: Rc<ChecklistDefinition>,
    pub current: AssessmentId,
    pub assessment: Rc<Assessment>,
    pub origin: Origin,
    pub view: View,
    /// The index of the section on screen.
    pub section: usize,
    pub filter: Filter,
    /// Items answered while a filter other than All is on: they stay in view, where the
    /// person is working, until the filter, the section or the view changes.
    pub kept_in_view: Rc<Vec<ItemId>>,
    /// Where the focus goes once the checklist is on screen after a link from the Summary;
    /// cleared by the next change of section, filter or view.
    pub focus: Option<FocusTarget>,
    /// "Start again" is waiting for confirmation.
    pub confirm_reset: bool,
    /// The latest message for the status live region, with a counter so that the same text
    /// said twice is announced twice.
    pub status: Option<(u32, String)>,
    /// Why answers are not being saved, if they are not.
    pub storage: Option<StorageError>,
    pub unopened: Option<Rc<Unopened>>,
    pub library: Rc<Library>,
    pub import: Option<Rc<ImportPreview>>,
    pub import_error: Option<String>,
    pub undo: Option<Rc<Undo>>,
    /// A newer version of this assessment saved in another tab while this one has changes
    /// of its own: the person chooses.
    pub conflict: Option<Rc<Assessment>>,
    /// The title a new assessment starts with, if the embedding page gave one.
    pub default_title: Option<String>,
    /// The assessment as last exported, so leaving without storage only warns about changes
    /// made since.
    pub exported: Option<Rc<Assessment>>,
    /// A comparison shown in place of the view.
    pub compare: Option<Rc<Comparing>>,
    /// A merge waiting for the person's choices, shown in place of the view and of a
    /// comparison.
    pub merge: Option<Rc<Merging>>,
    /// What changed in the checklist since the assessment on screen was answered, when it was
    /// made with an earlier version: shown until dismissed or another assessment opens.
    pub changes: Option<Rc<ChangesSince>>,
}

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
    SetFilter(Filter),
    ShowView(View),
    AskReset,
    CancelReset,
    CloseImport,
    CloseComparison,
    /// The file previewed for import, planned as a merge into the open assessment.
    MergeImport,
    /// A side chosen for a difference in the merge on screen.
    Choose {
        choice: Choice,
        keep: Side,
    },
    CloseMerge,
    /// The notice of what changed in the checklist since the answers was read.
    DismissChanges,

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
    /// A file could not be read for import; the text says why.
    ImportFailed(String),
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

/// The first section with an item not yet assessed, so a returning person resumes there.
/// Only items in scope count: a section the scope answers set aside is never the one to resume.
fn resume_section(def: &ChecklistDefinition, a: &Assessment) -> usize {
    def.sections
        .iter()
        .position(|s| {
            s.items
                .iter()
                .any(|i| def.in_scope(s, i, &a.scope) && !a.answer(&i.id).status.is_assessed())
        })
        .or_else(|| first_in_scope(def, a, 0))
        .unwrap_or(0)
}

/// The first section from `from` on (else the last before it) with an item in scope.
fn first_in_scope(def: &ChecklistDefinition, a: &Assessment, from: usize) -> Option<usize> {
    let has_items = |s: &crate::core::Section| s.items.iter().any(|i| def.in_scope(s, i, &a.scope));
    let sections = &def.sections;
    (from..sections.len())
        .find(|&i| has_items(&sections[i]))
        .or_else(|| (0..from.min(sections.len())).rev().find(|&i| has_items(&sections[i])))
}

impl AppState {
    pub fn new(
        def: Rc<ChecklistDefinition>,
        current: AssessmentId,
        assessment: Assessment,
        library: Library,
    ) -> AppState {
        AppState {
            section: resume_section(&def, &assessment),
            def,
            current,
            assessment: Rc::new(assessment),
            origin: Origin::Stored,
            view: View::Checklist,
            filter: Filter::All,
            kept_in_view: Rc::default(),
            focus: None,
            confirm_reset: false,
            status: None,
            storage: None,
            unopened: None,
            library: Rc::new(library),
            import: None,
            import_error: None,
            undo: None,
            conflict: None,
            default_title: None,
            exported: None,
            compare: None,
            merge: None,
            changes: None,
        }
    }

    /// The state after `msg`: the same `Rc` when nothing changed.
    pub fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(msg);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }

    /// Whether leaving the page now would lose changes: they are not saved in this browser
    /// and were changed since the last export.
    pub fn has_unkept_changes(&self) -> bool {
        let exported = self.exported.as_ref().is_some_and(|e| Rc::ptr_eq(e, &self.assessment));
        self.storage.is_some() && self.origin == Origin::Local && !exported
    }

    fn apply(&mut self, msg: Msg) {
        match msg {
            Msg::Edit { action, now } => {
                let reset = action == Action::Reset;
                if reset {
                    self.confirm_reset = false;
                }
                let item = action.item().cloned();
                let mut assessment = (*self.assessment).clone();
                if !assessment.apply(&self.def, action, now) {
                    return;
                }
                if let Some(item) =
                    item.filter(|i| self.filter != Filter::All && !self.kept_in_view.contains(i))
                {
                    Rc::make_mut(&mut self.kept_in_view).push(item);
                }
                // A scope answer that sets the section on screen aside moves on to the next
                // section still in scope; its answers stay, and come back with it.
                if let Some(next) = first_in_scope(&self.def, &assessment, self.section) {
                    self.section = next;
                }
                self.assessment = Rc::new(assessment);
                self.origin = Origin::Local;
                if reset {
                    self.section = 0;
                    self.set_filter(Filter::All);
                    self.announce("All answers were cleared. You can start again.".into());
                }
            }
            Msg::ShowSection(i)
                if i < self.def.sections.len()
                    && first_in_scope(&self.def, &self.assessment, i) == Some(i) =>
            {
                if self.section != i || self.view != View::Checklist {
                    self.leave_place();
                }
                self.section = i;
                self.view = View::Checklist;
                self.close_panels();
            }
            Msg::ShowSection(_) => {}
            Msg::GoTo { section, item }
                if section < self.def.sections.len()
                    && first_in_scope(&self.def, &self.assessment, section) == Some(section) =>
            {
                self.apply(Msg::ShowSection(section));
                self.focus = Some(match item {
                    Some(item) => {
                        if self.filter != Filter::All && !self.kept_in_view.contains(&item) {
                            Rc::make_mut(&mut self.kept_in_view).push(item.clone());
                        }
                        FocusTarget::Item(item)
                    }
                    None => FocusTarget::SectionHeading,
                });
            }
            Msg::GoTo { .. } => {}
            Msg::SetFilter(filter) => self.set_filter(filter),
            Msg::ShowView(view) => {
                if self.view != view {
                    self.leave_place();
                }
                self.view = view;
                self.close_panels();
            }
            Msg::AskReset => self.confirm_reset = true,
            Msg::CancelReset => self.confirm_reset = false,
            Msg::CloseImport => {
                self.import = None;
                self.import_error = None;
            }
            Msg::CloseComparison => self.compare = None,
            Msg::MergeImport => {
                let Some(p) = self.import.take_if(|p| p.blocked.is_none()) else { return };
                let theirs = Rc::new(p.doc.assessment.clone());
                let m = Merging::new(&self.def, &p.file_name, &self.assessment, theirs);
                self.merge = Some(Rc::new(m));
                self.compare = None;
            }
            Msg::Choose { choice, keep } => {
                if let Some(m) = &mut self.merge {
                    Rc::make_mut(m).choose(choice, keep);
                }
            }
            Msg::CloseMerge => self.merge = None,
            Msg::DismissChanges => self.changes = None,
            Msg::Compared(comparing) => {
                self.compare = Some(comparing);
                self.merge = None;
            }
            Msg::Merged { assessment, backup, library } => {
                let Some(m) = self.merge.take() else { return };
                self.library = library;
                if assessment == self.assessment {
                    self.announce(format!(
                        "Merging {} changed nothing: every difference kept your answer.",
                        m.file_name
                    ));
                    return;
                }
                let outcome = m.outcome();
                // A scope answer taken from the file may set the section on screen aside.
                if let Some(next) = first_in_scope(&self.def, &assessment, self.section) {
                    self.section = next;
                }
                self.undo = Some(Rc::new(Undo::Replaced {
                    id: self.current.clone(),
                    previous: self.assessment.clone(),
                    by: Replacement::Merge,
                }));
                self.assessment = assessment;
                self.origin = Origin::Local;
                self.conflict = None;
                let kept = match backup {
                    Some(_) => "is also kept as a backup in this browser",
                    None => "is kept until you leave this page",
                };
                self.announce(format!(
                    "Merged {} into this assessment: {} added, {} taken from the file, {} with both notes. Your assessment as it was {kept}; use Undo to bring it back.",
                    m.file_name,
                    answers(outcome.added),
                    outcome.theirs,
                    outcome.both,
                ));
            }
            Msg::Saved(result) => {
                let recovered = result.is_ok() && self.storage.is_some();
                self.storage = result.err();
                // The warning goes quietly: say so, or a screen reader user never learns it.
                if recovered {
                    self.announce(
                        "Saving works again: your answers are saved in this browser.".into(),
                    );
                }
            }
            Msg::Opened { id, assessment, how, library } => {
                let imported = self.imported_changes(&how);
                self.open(id, assessment, how.origin());
                self.changes = imported;
                if matches!(how, Opening::Undone { .. }) {
                    self.undo = None;
                }
                self.library = library;
                self.announce(how.message(&self.assessment.title));
            }
            Msg::Listed(library) => {
                self.library = library;
                self.view = View::Assessments;
                self.close_panels();
            }
            Msg::Copied { title, library } => {
                self.library = library;
                self.announce(format!("Made {}.", quoted(&title)));
            }
            Msg::Renamed(library) => self.library = library,
            Msg::Deleted { id, title, raw, next, library } => {
                if let Some(raw) = raw {
                    self.announce(format!(
                        "Deleted {}. Use Undo to bring it back.",
                        quoted(&title)
                    ));
                    self.undo = Some(Rc::new(Undo::Deleted { id, raw, title }));
                }
                if let Some((id, assessment)) = next {
                    self.open(id, assessment, Origin::Stored);
                    self.view = View::Assessments;
                    self.leave_place();
                }
                self.library = library;
            }
            Msg::Restored { title, library } => {
                self.undo = None;
                self.library = library;
                self.announce(format!("{} is back.", quoted(&title)));
            }
            Msg::PutBack { title, by, backup, library } => {
                self.undo = None;
                self.library = library;
                self.announce(format!(
                    "The {} was undone: {} has its previous answers back.{}",
                    by.noun(),
                    quoted(&title),
                    brought_kept(by, &backup)
                ));
            }
            Msg::ImportRead(preview) => {
                self.import = Some(preview);
                self.import_error = None;
            }
            Msg::ImportFailed(problem) => {
                self.import = None;
                self.import_error = Some(problem);
            }
            Msg::Replaced { assessment, file_name, backup, library } => {
                self.changes = self.import.as_ref().and_then(|p| p.changes.clone());
                self.undo = Some(Rc::new(Undo::Replaced {
                    id: self.current.clone(),
                    previous: self.assessment.clone(),
                    by: Replacement::Import,
                }));
                self.section = resume_section(&self.def, &assessment);
                self.assessment = assessment;
                self.origin = Origin::Local;
                self.view = View::Checklist;
                self.import = None;
                self.conflict = None;
                self.library = library;
                let kept = match backup {
                    Some(_) => "were also kept as a backup in this browser",
                    None => "are kept until you leave this page",
                };
                self.announce(format!(
                    "Replaced the current answers with {file_name}. The previous answers {kept}; use Undo to bring them back."
                ));
            }
            Msg::Exported { file_name, json: Some(assessment) } => {
                self.exported = Some(assessment);
                self.announce(format!(
                    "Exported {file_name}. It holds every answer and a copy of the checklist."
                ));
            }
            Msg::Exported { file_name, json: None } => {
                self.announce(format!("Exported {file_name}."));
            }
            Msg::KeptMine { backup, saved, library } => {
                self.conflict = None;
                self.storage = saved.err();
                self.library = library;
                self.announce(match backup {
                    Some(_) => "Kept this tab's version. The other tab's version was kept as a backup in this browser.".into(),
                    None => "Kept this tab's version.".into(),
                });
            }
            Msg::Failed { problem, library } => {
                if let Some(library) = library {
                    self.library = library;
                }
                match problem {
                    Problem::Storage(cause) => self.storage = Some(cause),
                    problem => self.announce(problem.to_string()),
                }
            }
            Msg::External(theirs) => {
                if theirs != self.assessment {
                    self.assessment = theirs;
                    self.origin = Origin::Stored;
                    self.conflict = None;
                    self.announce(
                        "This assessment was updated with changes saved in another tab or window."
                            .into(),
                    );
                }
            }
            Msg::Conflict(theirs) => self.conflict = Some(theirs),
            Msg::IndexChanged { library, newer, take_up } => {
                if let Some(version) = newer {
                    self.storage = Some(StorageError::ReadOnly { version });
                }
                if let Some((id, assessment)) = take_up.filter(|(id, _)| *id != self.current) {
                    self.current = id;
                    self.assessment = assessment;
                    self.origin = Origin::Stored;
                    self.conflict = None;
                    self.announce(
                        "Continuing the assessment started in another tab or window.".into(),
                    );
                }
                self.library = library;
            }
        }
    }

    /// Puts an assessment on screen at the section to resume, with every view setting reset.
    /// What changed in the checklist since the assessment being opened was answered: an
    /// import of a file of an earlier version, or one taken up from storage.
    fn imported_changes(&self, how: &Opening) -> Option<Rc<ChangesSince>> {
        match how {
            Opening::ImportedAsNew { .. } => self.import.as_ref().and_then(|p| p.changes.clone()),
            Opening::TakenUp(changes) => Some(changes.clone()),
            _ => None,
        }
    }

    fn open(&mut self, id: AssessmentId, assessment: Rc<Assessment>, origin: Origin) {
        // Opened from another view (Open, New or Start a review): the control pressed is gone
        // with its view, so the focus goes to the heading of the section the checklist resumes
        // at rather than drop to the top of the page.
        let from_elsewhere = self.view != View::Checklist;
        self.section = resume_section(&self.def, &assessment);
        self.current = id;
        self.assessment = assessment;
        self.origin = origin;
        self.view = View::Checklist;
        self.set_filter(Filter::All);
        self.leave_place();
        if from_elsewhere {
            self.focus = Some(FocusTarget::SectionHeading);
        }
        self.confirm_reset = false;
        self.conflict = None;
        self.import = None;
        self.changes = None;
        self.close_panels();
    }

    /// Closes a comparison or a merge on screen, as moving to a view or another assessment does.
    /// Forgets what belongs to the place on screen being left: the items kept in view under
    /// the filter, and where a link asked the focus to go.
    fn leave_place(&mut self) {
        self.kept_in_view = Rc::default();
        self.focus = None;
    }

    /// Changes the filter; the items kept in view under the old one go back to its rule.
    fn set_filter(&mut self, filter: Filter) {
        if self.filter != filter {
            self.filter = filter;
            self.leave_place();
        }
    }

    fn close_panels(&mut self) {
        self.compare = None;
        self.merge = None;
    }

    fn announce(&mut self, text: String) {
        let n = self.status.as_ref().map_or(0, |(n, _)| n.wrapping_add(1));
        self.status = Some((n, text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::comparing::comparing;
    use crate::core::default_checklist::default_checklist;
    use crate::core::{Document, Status};

    fn now() -> Timestamp {
        Timestamp::parse("2026-03-01T10:00:00Z").unwrap()
    }

    fn id(n: &str) -> AssessmentId {
        AssessmentId::parse(&format!("a-{n}")).unwrap()
    }

    fn library(current: Option<&str>) -> Rc<Library> {
        let mut lib = Library::new();
        lib.current = current.map(id);
        Rc::new(lib)
    }

    /// A widget of the default checklist showing the blank assessment `a-open`.
    fn start() -> Rc<AppState> {
        let def = Rc::new(default_checklist());
        Rc::new(AppState::new(def, id("open"), Assessment::new(now()), Library::new()))
    }

    /// `a` after `action`.
    fn edited(def: &ChecklistDefinition, a: &Assessment, action: Action) -> Rc<Assessment> {
        let mut a = a.clone();
        assert!(a.apply(def, action, now()), "the action changes the assessment");
        Rc::new(a)
    }

    /// The first item of the default checklist achieved.
    fn achieved() -> Action {
        let item = default_checklist().sections[0].items[0].id.clone();
        Action::SetStatus { item, status: Status::Achieved }
    }

    /// Applies `msg` to `before` and checks that the result is `before` as `change` leaves it;
    /// when `change` changes nothing, the very same `Rc` must come back.
    fn check(before: &Rc<AppState>, msg: Msg, change: impl FnOnce(&mut AppState)) -> Rc<AppState> {
        let mut expected = (**before).clone();
        change(&mut expected);
        let after = before.clone().reduce(msg);
        assert_eq!(*after, expected);
        assert_eq!(Rc::ptr_eq(&after, before), expected == **before, "the same Rc when unchanged");
        after
    }

    /// Sets a scope question of the default checklist.
    fn scope(question: &str, answer: Option<bool>) -> Action {
        Action::SetScope { question: crate::core::definition::QuestionId::new(question), answer }
    }

    /// The index of the default checklist's section with this id.
    fn section(id: &str) -> usize {
        default_checklist().sections.iter().position(|s| s.id.as_str() == id).unwrap()
    }

    #[test]
    fn a_scope_answer_moves_off_a_section_it_sets_aside_and_that_section_cannot_be_shown() {
        let public = section("public-channel");
        let s = start().reduce(Msg::ShowSection(public));
        assert_eq!(s.section, public);
        // "No" sets the whole section aside: the next section in scope is shown instead.
        let a = edited(&s.def, &s.assessment, scope("public-channel", Some(false)));
        let s = check(
            &s,
            Msg::Edit { action: scope("public-channel", Some(false)), now: now() },
            |s| {
                s.assessment = a;
                s.origin = Origin::Local;
                s.section = public + 1;
            },
        );
        check(&s, Msg::ShowSection(public), |_| {});
        // Answered "Yes" again, it can be shown again.
        let s = s.reduce(Msg::Edit { action: scope("public-channel", Some(true)), now: now() });
        assert_eq!(s.reduce(Msg::ShowSection(public)).section, public);
        // Both parts set aside from the last section: the section before them is shown.
        let collab = section("collaboration-tool");
        let s = start().reduce(Msg::ShowSection(collab));
        let s =
            s.reduce(Msg::Edit { action: scope("collaboration-tool", Some(false)), now: now() });
        let s = s.reduce(Msg::Edit { action: scope("public-channel", Some(false)), now: now() });
        assert_eq!(s.section, public - 1);
    }

    #[test]
    fn an_edit_changes_the_assessment_and_marks_it_to_be_saved() {
        let s = start();
        let action = achieved();
        let a = edited(&s.def, &s.assessment, action.clone());
        let s = check(&s, Msg::Edit { action: action.clone(), now: now() }, |s| {
            s.assessment = a;
            s.origin = Origin::Local;
        });
        // The same answer again, or an item the checklist lacks, changes nothing.
        check(&s, Msg::Edit { action, now: now() }, |_| {});
        let unknown = Action::SetStatus {
            item: crate::core::ItemId::new("no-such-item"),
            status: Status::Achieved,
        };
        check(&s, Msg::Edit { action: unknown, now: now() }, |_| {});
    }

    #[test]
    fn start_again_asks_then_clears_everything_and_returns_to_the_first_section() {
        let s = start();
        let s = check(&s, Msg::AskReset, |s| s.confirm_reset = true);
        check(&s, Msg::AskReset, |_| {});
        let closed = check(&s, Msg::CancelReset, |s| s.confirm_reset = false);
        check(&closed, Msg::CancelReset, |_| {});
        // Nothing to clear: the question closes all the same.
        check(&s, Msg::Edit { action: Action::Reset, now: now() }, |s| s.confirm_reset = false);

        let s = s.reduce(Msg::Edit { action: achieved(), now: now() });
        let s = s.reduce(Msg::SetFilter(Filter::HighRisk)).reduce(Msg::ShowSection(2));
        let cleared = edited(&s.def, &s.assessment, Action::Reset);
        check(&s, Msg::Edit { action: Action::Reset, now: now() }, |s| {
            s.assessment = cleared;
            s.confirm_reset = false;
            s.section = 0;
            s.filter = Filter::All;
            s.announce("All answers were cleared. You can start again.".into());
        });
    }

    #[test]
    fn moving_around_changes_only_what_is_on_screen() {
        let s = start();
        let last = s.def.sections.len() - 1;
        let s = check(&s, Msg::ShowSection(last), |s| s.section = last);
        check(&s, Msg::ShowSection(last), |_| {});
        check(&s, Msg::ShowSection(last + 1), |_| {});
        let s = check(&s, Msg::ShowView(View::Summary), |s| s.view = View::Summary);
        // A section link in the summary goes back to the checklist.
        check(&s, Msg::ShowSection(0), |s| {
            s.section = 0;
            s.view = View::Checklist;
        });
        check(&s, Msg::ShowView(View::Summary), |_| {});
        let s = check(&s, Msg::SetFilter(Filter::NotAssessed), |s| s.filter = Filter::NotAssessed);
        check(&s, Msg::SetFilter(Filter::NotAssessed), |_| {});
    }

    #[test]
    fn items_answered_under_a_filter_stay_in_view_until_the_filter_section_or_view_changes() {
        let item = default_checklist().sections[0].items[0].id.clone();
        let kept = |s: &mut AppState| s.kept_in_view = Rc::new(vec![item.clone()]);
        // Under All nothing needs keeping.
        let s = start().reduce(Msg::Edit { action: achieved(), now: now() });
        assert!(s.kept_in_view.is_empty());
        let s = start().reduce(Msg::SetFilter(Filter::NotAssessed));
        let t = now();
        let s = check(&s, Msg::Edit { action: achieved(), now: t.clone() }, |s| {
            s.assessment = Rc::new({
                let mut a = (*s.assessment).clone();
                a.apply(&s.def, achieved(), t);
                a
            });
            s.origin = Origin::Local;
            kept(s);
        });
        // A second edit of the same item keeps it once; a title is no item.
        let notes = Action::SetNotes { item: item.clone(), notes: "Done.".into() };
        let s = s.reduce(Msg::Edit { action: notes, now: now() });
        assert_eq!(*s.kept_in_view, vec![item.clone()]);
        let s = s.reduce(Msg::Edit { action: Action::SetTitle { title: "T".into() }, now: now() });
        assert_eq!(*s.kept_in_view, vec![item.clone()]);
        // Each change of filter, section or view lets the filter's rule apply again.
        check(&s, Msg::SetFilter(Filter::HighRisk), |s| {
            s.filter = Filter::HighRisk;
            s.kept_in_view = Rc::default();
        });
        check(&s, Msg::ShowSection(1), |s| {
            s.section = 1;
            s.kept_in_view = Rc::default();
        });
        check(&s, Msg::ShowView(View::Summary), |s| {
            s.view = View::Summary;
            s.kept_in_view = Rc::default();
        });
        // The section and view already on screen keep it.
        check(&s, Msg::ShowSection(0), |_| {});
        check(&s, Msg::SetFilter(Filter::NotAssessed), |_| {});
    }

    #[test]
    fn a_link_from_the_summary_shows_the_section_and_says_what_takes_the_focus() {
        let def = default_checklist();
        let item = def.sections[1].items[2].id.clone();
        let s = start().reduce(Msg::ShowView(View::Summary));
        check(&s, Msg::GoTo { section: 1, item: None }, |s| {
            s.section = 1;
            s.view = View::Checklist;
            s.focus = Some(FocusTarget::SectionHeading);
        });
        // Under a filter that hides it, the item is kept in view.
        let s = s.reduce(Msg::SetFilter(Filter::HighRisk));
        let s = check(&s, Msg::GoTo { section: 1, item: Some(item.clone()) }, |s| {
            s.section = 1;
            s.view = View::Checklist;
            s.kept_in_view = Rc::new(vec![item.clone()]);
            s.focus = Some(FocusTarget::Item(item.clone()));
        });
        // Any later move clears it, so a view shown again takes no focus of its own.
        check(&s, Msg::SetFilter(Filter::All), |s| {
            s.filter = Filter::All;
            s.kept_in_view = Rc::default();
            s.focus = None;
        });
        check(&s, Msg::ShowView(View::Summary), |s| {
            s.view = View::Summary;
            s.kept_in_view = Rc::default();
            s.focus = None;
        });
        // A section that is not there, or is out of scope, changes nothing.
        let out = section("public-channel");
        let s =
            start().reduce(Msg::Edit { action: scope("public-channel", Some(false)), now: now() });
        check(&s, Msg::GoTo { section: out, item: None }, |_| {});
        check(&s, Msg::GoTo { section: def.sections.len(), item: None }, |_| {});
    }

    #[test]
    fn the_saver_reports_failures_until_a_save_succeeds() {
        let s = start();
        check(&s, Msg::Saved(Ok(())), |_| {});
        let full = StorageError::Refused { reason: "this browser's storage is full".into() };
        let s = check(&s, Msg::Saved(Err(full.clone())), |s| s.storage = Some(full.clone()));
        check(&s, Msg::Saved(Err(full)), |_| {});
        check(&s, Msg::Saved(Ok(())), |s| {
            s.storage = None;
            s.announce("Saving works again: your answers are saved in this browser.".into());
        });
    }

    /// `Msg::Opened` with `how`, of an assessment titled "Pilot" with its first item achieved.
    fn check_opened(how: Opening, origin: Origin, message: &str) {
        let s = start();
        let s = s.reduce(Msg::ShowView(View::Summary)).reduce(Msg::SetFilter(Filter::HighRisk));
        let mut a = Assessment::new(now());
        a.apply(&s.def, Action::SetTitle { title: "Pilot".into() }, now());
        a.apply(&s.def, achieved(), now());
        let (a, lib) = (Rc::new(a), library(Some("other")));
        let msg = Msg::Opened { id: id("other"), assessment: a.clone(), how, library: lib.clone() };
        check(&s, msg, |s| {
            s.current = id("other");
            s.assessment = a;
            s.origin = origin;
            s.view = View::Checklist;
            s.filter = Filter::All;
            // The Summary's control is gone with it: the focus goes to the section's heading.
            s.focus = Some(FocusTarget::SectionHeading);
            s.library = lib;
            s.announce(message.into());
        });
    }

    #[test]
    fn an_assessment_of_an_earlier_checklist_version_says_what_changed_until_dismissed() {
        let s = start();
        let mut a = Assessment::new(now());
        let changes = Rc::new(crate::core::changes::take_up(&s.def, "2.0.1", &mut a));
        let how = Opening::TakenUp(changes.clone());
        let opened = s.reduce(Msg::Opened {
            id: id("old"),
            assessment: Rc::new(a),
            how,
            library: library(Some("old")),
        });
        assert_eq!(opened.changes.as_ref(), Some(&changes));
        assert_eq!(opened.origin, Origin::Local, "saved at once in this version");
        let said = opened.status.as_ref().map(|(_, text)| text.as_str()).unwrap_or_default();
        assert!(said.contains("version 2.0.1"), "{said}");
        let hidden = opened.clone().reduce(Msg::DismissChanges);
        assert_eq!(hidden.changes, None);
        let other = Rc::new(Assessment::new(now()));
        let next = opened.reduce(Msg::Opened {
            id: id("other"),
            assessment: other,
            how: Opening::Chosen,
            library: library(Some("other")),
        });
        assert_eq!(next.changes, None, "another assessment on screen: the notice goes");
    }

    #[test]
    fn opening_from_the_checklist_itself_leaves_the_focus_where_it_is() {
        // An import or an undo from the checklist view: the control is still on the page.
        let s = start();
        let a = Rc::new(Assessment::new(now()));
        let how = Opening::ImportedAsNew { file_name: "pilot.json".into() };
        let lib = library(Some("other"));
        let opened = s.reduce(Msg::Opened { id: id("other"), assessment: a, how, library: lib });
        assert_eq!((opened.view, &opened.focus), (View::Checklist, &None));
        // Deleting the open assessment opens the next one in the Assessments view, where the
        // focus goes to Undo: no heading is asked for.
        let listed = start().reduce(Msg::ShowView(View::Assessments));
        let next = Some((id("next"), Rc::new(Assessment::new(now()))));
        let deleted = listed.reduce(Msg::Deleted {
            id: id("current"),
            title: "Pilot".into(),
            raw: Some(Rc::new("{}".into())),
            next,
            library: library(Some("next")),
        });
        assert_eq!((deleted.view, &deleted.focus), (View::Assessments, &None));
    }

    #[test]
    fn each_way_of_opening_says_what_happened_and_whether_it_must_be_saved() {
        check_opened(Opening::Chosen, Origin::Stored, "Opened “Pilot”.");
        check_opened(Opening::New, Origin::Local, "Started a new assessment.");
        check_opened(
            Opening::ImportedAsNew { file_name: "pilot.json".into() },
            Origin::Local,
            "Opened “Pilot” from pilot.json as a new assessment.",
        );
        check_opened(
            Opening::Theirs { backup: "key".into() },
            Origin::Stored,
            "Showing the other tab's version. This tab's version was kept as a backup in this browser.",
        );
        check_opened(
            Opening::Undone { by: Replacement::Import, backup: Some("key".into()) },
            Origin::Local,
            "The import was undone: the previous answers are back. The imported answers were kept as a backup in this browser.",
        );
        check_opened(
            Opening::Undone { by: Replacement::Import, backup: None },
            Origin::Local,
            "The import was undone: the previous answers are back.",
        );
    }

    #[test]
    fn opening_closes_a_conflict_and_an_import_and_undoing_an_import_ends_its_undo() {
        let s = start();
        let previous = s.assessment.clone();
        let mut s = (*s).clone();
        s.conflict = Some(previous.clone());
        s.undo = Some(Rc::new(Undo::Replaced {
            id: id("open"),
            previous: previous.clone(),
            by: Replacement::Import,
        }));
        let s = Rc::new(s);
        let opened = |how| {
            s.clone().reduce(Msg::Opened {
                id: id("open"),
                assessment: previous.clone(),
                how,
                library: library(None),
            })
        };
        let chosen = opened(Opening::Chosen);
        assert_eq!((chosen.conflict.is_none(), chosen.undo.is_some()), (true, true));
        let undone = opened(Opening::Undone { by: Replacement::Import, backup: None });
        assert_eq!((undone.conflict.is_none(), undone.undo.is_none()), (true, true));
    }

    #[test]
    fn the_assessments_view_shows_the_list_as_stored() {
        let s = start();
        let lib = library(Some("open"));
        let s = check(&s, Msg::Listed(lib.clone()), |s| {
            s.library = lib.clone();
            s.view = View::Assessments;
        });
        check(&s, Msg::Listed(lib), |_| {});
        let lib = library(None);
        let s = check(&s, Msg::Renamed(lib.clone()), |s| s.library = lib.clone());
        let lib = library(Some("copy"));
        check(&s, Msg::Copied { title: String::new(), library: lib.clone() }, |s| {
            s.library = lib;
            s.announce("Made Untitled assessment.".into());
        });
    }

    #[test]
    fn deleting_keeps_the_text_for_undo_and_opens_another_when_the_open_one_goes() {
        let s = start();
        let (raw, lib) = (Rc::new("{}".to_owned()), library(None));
        let deleted = |id_: &str, raw: Option<Rc<String>>, next| Msg::Deleted {
            id: id(id_),
            title: "Old".into(),
            raw,
            next,
            library: lib.clone(),
        };
        check(&s, deleted("other", Some(raw.clone()), None), |s| {
            s.announce("Deleted “Old”. Use Undo to bring it back.".into());
            s.undo = Some(Rc::new(Undo::Deleted {
                id: id("other"),
                raw: raw.clone(),
                title: "Old".into(),
            }));
        });
        // The open one, never stored: nothing to undo, and the next one opens in the list.
        let next = Rc::new(Assessment::new(now()));
        check(&s, deleted("open", None, Some((id("next"), next.clone()))), |s| {
            s.current = id("next");
            s.assessment = next;
            s.view = View::Assessments;
        });
        let s = s.reduce(deleted("other", Some(raw.clone()), None));
        check(&s, Msg::Restored { title: "Old".into(), library: lib.clone() }, |s| {
            s.undo = None;
            s.announce("“Old” is back.".into());
        });
    }

    #[test]
    fn import_previews_failures_and_closing() {
        let s = start();
        let doc = Document::new(&s.def, &s.assessment, now());
        let preview = Rc::new(ImportPreview {
            file_name: "f.json".into(),
            doc,
            unknown: 0,
            blocked: None,
            changes: None,
        });
        let failed =
            check(&s, Msg::ImportFailed("No.".into()), |s| s.import_error = Some("No.".into()));
        let read = check(&failed, Msg::ImportRead(preview.clone()), |s| {
            s.import = Some(preview.clone());
            s.import_error = None;
        });
        check(&read, Msg::CloseImport, |s| s.import = None);
        check(&s, Msg::CloseImport, |_| {});
    }

    #[test]
    fn replacing_by_import_keeps_the_previous_answers_for_undo_and_says_where() {
        let s = start();
        let s = s.reduce(Msg::Edit { action: achieved(), now: now() });
        let previous = s.assessment.clone();
        let imported = Rc::new(Assessment::new(now()));
        for (backup, kept) in [
            (Some("key".to_owned()), "were also kept as a backup in this browser"),
            (None, "are kept until you leave this page"),
        ] {
            let msg = Msg::Replaced {
                assessment: imported.clone(),
                file_name: "f.json".into(),
                backup,
                library: library(None),
            };
            check(&s, msg, |s| {
                s.undo = Some(Rc::new(Undo::Replaced {
                    id: id("open"),
                    previous: previous.clone(),
                    by: Replacement::Import,
                }));
                s.assessment = imported.clone();
                s.announce(format!("Replaced the current answers with f.json. The previous answers {kept}; use Undo to bring them back."));
            });
        }
        let undone = |backup| Msg::PutBack {
            title: "Pilot".into(),
            by: Replacement::Import,
            backup,
            library: library(None),
        };
        check(&s, undone(None), |s| {
            s.announce("The import was undone: “Pilot” has its previous answers back.".into())
        });
        check(&s, undone(Some("key".into())), |s| {
            s.announce("The import was undone: “Pilot” has its previous answers back. The imported answers were kept as a backup in this browser.".into())
        });
    }

    #[test]
    fn a_comparison_is_shown_in_place_of_the_view_until_closed_or_moved_away_from() {
        let s = start();
        let other = edited(&s.def, &s.assessment, achieved());
        let c = Rc::new(comparing(&s.def, &s.assessment, &other, "“Other”"));
        let shown = check(&s, Msg::Compared(c.clone()), |s| s.compare = Some(c.clone()));
        check(&shown, Msg::CloseComparison, |s| s.compare = None);
        check(&s, Msg::CloseComparison, |_| {});
        // Any view, a section or another assessment takes its place.
        check(&shown, Msg::ShowView(View::Checklist), |s| s.compare = None);
        check(&shown, Msg::ShowSection(1), |s| {
            s.compare = None;
            s.section = 1;
        });
        let lib = library(None);
        check(&shown, Msg::Listed(lib.clone()), |s| {
            s.compare = None;
            s.library = lib;
            s.view = View::Assessments;
        });
    }

    /// A widget whose open assessment has the first item achieved, previewing a file whose
    /// first item is not achieved and whose second is achieved.
    fn previewing_theirs() -> (Rc<AppState>, Rc<Assessment>) {
        let s = start().reduce(Msg::Edit { action: achieved(), now: now() });
        let mut theirs = Assessment::new(now());
        let first = s.def.sections[0].items[0].id.clone();
        let second = s.def.sections[0].items[1].id.clone();
        theirs.apply(&s.def, Action::SetStatus { item: first, status: Status::NotAchieved }, now());
        theirs.apply(&s.def, Action::SetStatus { item: second, status: Status::Achieved }, now());
        let doc = Document::new(&s.def, &theirs, now());
        let preview = Rc::new(ImportPreview {
            file_name: "f.json".into(),
            doc,
            unknown: 0,
            blocked: None,
            changes: None,
        });
        (s.reduce(Msg::ImportRead(preview)), Rc::new(theirs))
    }

    #[test]
    fn a_previewed_file_is_planned_as_a_merge_and_sides_are_chosen_in_it() {
        let (s, theirs) = previewing_theirs();
        let m = Rc::new(Merging::new(&s.def, "f.json", &s.assessment, theirs));
        let merging = check(&s, Msg::MergeImport, |s| {
            s.import = None;
            s.merge = Some(m.clone());
        });
        assert_eq!(m.plan.conflict_count(), 1);
        let (section, item) = (s.def.sections[0].id.clone(), s.def.sections[0].items[0].id.clone());
        let choice = Choice::Item { section, item };
        let chosen =
            check(&merging, Msg::Choose { choice: choice.clone(), keep: Side::Theirs }, |s| {
                let mut m = (*m).clone();
                m.choose(choice.clone(), Side::Theirs);
                s.merge = Some(Rc::new(m));
            });
        check(&chosen, Msg::Choose { choice: choice.clone(), keep: Side::Theirs }, |_| {});
        check(&chosen, Msg::CloseMerge, |s| s.merge = None);
        // Without a merge on screen, a choice changes nothing.
        check(&s, Msg::Choose { choice, keep: Side::Theirs }, |_| {});
        // A merge takes the place of a comparison, and moving away closes it.
        let c = Rc::new(comparing(&s.def, &s.assessment, &m.theirs, "f.json"));
        let compared = merging.clone().reduce(Msg::Compared(c.clone()));
        assert_eq!((compared.merge.is_none(), compared.compare.as_ref()), (true, Some(&c)));
        check(&s.clone().reduce(Msg::Compared(c)), Msg::MergeImport, |s| {
            s.import = None;
            s.compare = None;
            s.merge = Some(m.clone());
        });
        check(&merging, Msg::ShowView(View::Summary), |s| {
            s.merge = None;
            s.view = View::Summary;
        });
        // A file that cannot be opened here cannot be merged either.
        let mut blocked = (**s.import.as_ref().unwrap()).clone();
        blocked.blocked = Some("Another checklist.".into());
        let s = s.reduce(Msg::ImportRead(Rc::new(blocked)));
        check(&s, Msg::MergeImport, |_| {});
    }

    #[test]
    fn applying_a_merge_keeps_the_assessment_as_it_was_for_undo_and_says_what_it_did() {
        let (s, theirs) = previewing_theirs();
        let s = s.reduce(Msg::MergeImport);
        let item = s.def.sections[0].items[0].id.clone();
        let choice = Choice::Item { section: s.def.sections[0].id.clone(), item };
        let s = s.reduce(Msg::Choose { choice, keep: Side::Theirs });
        let m = s.merge.clone().unwrap();
        let merged = Rc::new(crate::core::apply_merge(
            &s.def,
            &s.assessment,
            &theirs,
            &m.plan,
            &m.choices,
            now(),
        ));
        let previous = s.assessment.clone();
        let lib = library(Some("open"));
        for (backup, kept) in [
            (Some("key".to_owned()), "is also kept as a backup in this browser"),
            (None, "is kept until you leave this page"),
        ] {
            let msg = Msg::Merged { assessment: merged.clone(), backup, library: lib.clone() };
            check(&s, msg, |s| {
                s.merge = None;
                s.library = lib.clone();
                s.undo = Some(Rc::new(Undo::Replaced {
                    id: id("open"),
                    previous: previous.clone(),
                    by: Replacement::Merge,
                }));
                s.assessment = merged.clone();
                s.announce(format!("Merged f.json into this assessment: 1 answer added, 1 taken from the file, 0 with both notes. Your assessment as it was {kept}; use Undo to bring it back."));
            });
        }
        // A merge that changes nothing leaves nothing to undo.
        let same = Msg::Merged { assessment: previous.clone(), backup: None, library: lib.clone() };
        check(&s, same, |s| {
            s.merge = None;
            s.library = lib.clone();
            s.announce("Merging f.json changed nothing: every difference kept your answer.".into());
        });
        // Without a merge on screen, there is nothing to apply.
        let s = s.reduce(Msg::CloseMerge);
        check(&s, Msg::Merged { assessment: merged, backup: None, library: lib }, |_| {});
    }

    #[test]
    fn undoing_a_merge_or_starting_a_review_says_so() {
        let by = Replacement::Merge;
        check_opened(
            Opening::Undone { by, backup: Some("key".into()) },
            Origin::Local,
            "The merge was undone: the previous answers are back. The merged answers were kept as a backup in this browser.",
        );
        check_opened(
            Opening::Review,
            Origin::Local,
            "Started a review of “Pilot”: the answers are copied, the sign-off is empty, and the Summary shows the changes since the last review.",
        );
        let s = start();
        let lib = library(None);
        let put_back = Msg::PutBack { title: "Pilot".into(), by, backup: None, library: lib };
        check(&s, put_back, |s| {
            s.announce("The merge was undone: “Pilot” has its previous answers back.".into())
        });
        let full = StorageError::Refused { reason: "this browser's storage is full".into() };
        let problem = Problem::NoBackup { of: Version::Brought(by), cause: full };
        check(&s, Msg::Failed { problem, library: None }, |s| {
            s.announce("The merge was not undone: the merged answers could not be kept as a backup first (this browser's storage is full). Export JSON to keep them, then use Undo again.".into())
        });
    }

    #[test]
    fn exports_are_announced_and_a_json_export_counts_as_kept() {
        let s = start();
        let s = s.reduce(Msg::Edit { action: achieved(), now: now() });
        let mut unsaved = (*s).clone();
        unsaved.storage = Some(StorageError::Unavailable);
        let s = Rc::new(unsaved);
        assert!(s.has_unkept_changes(), "changed, and not saved in this browser");
        let report = check(&s, Msg::Exported { file_name: "r.csv".into(), json: None }, |s| {
            s.announce("Exported r.csv.".into())
        });
        assert!(report.has_unkept_changes(), "a report cannot be imported back");
        let a = s.assessment.clone();
        let json =
            check(&s, Msg::Exported { file_name: "a.json".into(), json: Some(a.clone()) }, |s| {
                s.exported = Some(a);
                s.announce(
                    "Exported a.json. It holds every answer and a copy of the checklist.".into(),
                );
            });
        assert!(!json.has_unkept_changes());
        let later =
            json.reduce(Msg::Edit { action: Action::SetTitle { title: "New".into() }, now: now() });
        assert!(later.has_unkept_changes(), "a change after the export");
    }

    #[test]
    fn problems_are_said_and_storage_failures_shown_as_the_storage_notice() {
        let s = start();
        check(&s, Msg::Failed { problem: Problem::NotStored, library: None }, |s| {
            s.announce("That assessment is no longer stored in this browser.".into())
        });
        let lib = library(Some("x"));
        check(
            &s,
            Msg::Failed {
                problem: Problem::Storage(StorageError::Unavailable),
                library: Some(lib.clone()),
            },
            |s| {
                s.storage = Some(StorageError::Unavailable);
                s.library = lib;
            },
        );
        let full = StorageError::Refused { reason: "this browser's storage is full".into() };
        check(
            &s,
            Msg::Failed {
                problem: Problem::NoBackup { of: Version::OtherTabs, cause: full },
                library: None,
            },
            |s| {
                s.announce("The other tab's version could not be kept as a backup (this browser's storage is full), so this tab's version was not saved over it. Export JSON to keep this tab's version, or use the other tab's version.".into())
            },
        );
    }

    #[test]
    fn another_tabs_version_is_shown_asked_about_or_kept_as_a_backup() {
        let s = start();
        let theirs = edited(&s.def, &s.assessment, achieved());
        check(&s, Msg::External(s.assessment.clone()), |_| {});
        let mut local = (*s).clone();
        local.origin = Origin::Local;
        check(&Rc::new(local), Msg::External(theirs.clone()), |s| {
            s.assessment = theirs.clone();
            s.origin = Origin::Stored;
            s.announce(
                "This assessment was updated with changes saved in another tab or window.".into(),
            );
        });
        let asked = check(&s, Msg::Conflict(theirs.clone()), |s| s.conflict = Some(theirs.clone()));
        let lib = library(None);
        check(
            &asked,
            Msg::KeptMine { backup: Some("key".into()), saved: Ok(()), library: lib.clone() },
            |s| {
                s.conflict = None;
                s.library = lib.clone();
                s.announce("Kept this tab's version. The other tab's version was kept as a backup in this browser.".into());
            },
        );
        check(
            &asked,
            Msg::KeptMine {
                backup: None,
                saved: Err(StorageError::Unavailable),
                library: lib.clone(),
            },
            |s| {
                s.conflict = None;
                s.storage = Some(StorageError::Unavailable);
                s.library = lib;
                s.announce("Kept this tab's version.".into());
            },
        );
    }

    #[test]
    fn an_index_change_updates_the_list_and_may_make_this_tab_read_only_or_take_up_theirs() {
        let s = start();
        let lib = library(Some("theirs"));
        let changed = |newer, take_up| Msg::IndexChanged { library: lib.clone(), newer, take_up };
        check(&s, changed(None, None), |s| s.library = lib.clone());
        check(&s, changed(Some(2), None), |s| {
            s.library = lib.clone();
            s.storage = Some(StorageError::ReadOnly { version: 2 });
        });
        let theirs = Rc::new(Assessment::new(now()));
        check(&s, changed(None, Some((id("theirs"), theirs.clone()))), |s| {
            s.library = lib.clone();
            s.current = id("theirs");
            s.assessment = theirs.clone();
            s.announce("Continuing the assessment started in another tab or window.".into());
        });
        // Its own id is no other tab's assessment.
        check(&s, changed(None, Some((id("open"), theirs))), |s| s.library = lib.clone());
    }
}
