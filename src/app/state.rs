//! The widget's state: what is on screen in one widget, and the one reducer,
//! [`AppState::reduce`]. Start reading here. Every change, to the assessment or to what is on
//! screen, is a [`Msg`] (`messages.rs`): either something the person did on screen
//! (`screen.rs`), or the one outcome of an operation that needed storage or a file
//! (`outcomes.rs`). The reducer alone decides the view, where the focus goes, what is announced
//! (`announcements.rs` words it), what Undo can put back and the list of assessments shown; it
//! returns the same `Rc` when nothing changed, so the page skips the render.

use super::announcements::Announcement;
use super::comparing::Comparing;
use super::deciding::{self, Recording};
use super::filter::Filter;
use super::import::ImportPreview;
use super::merging::Merging;
use super::navigation::{arrives_at_work, resume_section, scope_settled};
use super::{outcomes, screen};
use crate::core::changes::ChangesSince;
use crate::core::decision::Field;
use crate::core::library::{AssessmentId, Library};
use crate::core::{Assessment, ChecklistDefinition, ItemId};
use std::rc::Rc;

pub use super::messages::{Msg, Opening, Problem, Resolution, Version};

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

impl std::error::Error for StorageError {}

/// How printing the record started. The record is what is printed from any view: the Summary
/// and every answer, ending with the sign-off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Printing {
    /// "Print summary" was pressed: the print dialog opens once the record is rendered.
    Asked,
    /// The browser is printing by itself (its menu, Ctrl+P), having said so before laying the
    /// page out for paper.
    Started,
}

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

/// What the last undoable step can put back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undo {
    /// An assessment's answers were replaced by an import or a merge; `previous` is the whole
    /// assessment as it was.
    Replaced { id: AssessmentId, previous: Rc<Assessment>, by: Replacement },
    /// An assessment was deleted; its stored text is kept here.
    Deleted { id: AssessmentId, raw: Rc<String>, title: String },
}

/// Where the reducer sends the focus: every move of the focus is decided here, when the
/// control pressed goes away with what it changed or a link leads elsewhere, and carried out by
/// one hook in `ui::context`, which finds the element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    /// The heading of the section on screen.
    SectionHeading,
    /// An item of the section on screen.
    Item(ItemId),
    /// The heading of what is on screen: a merge or a comparison in place of the view, else the
    /// view's (in the checklist, the section's heading).
    ViewHeading,
    /// The import panel's preview, which may appear far from where the person was.
    Notification,
    /// The notification banner at the top of the view, with an operation's outcome (and Undo
    /// when it can be taken back), else the heading of what is on screen.
    Banner,
    /// The first scope question, once "Change scope" opens them.
    ScopeQuestion,
    /// The control that opened what just closed, when it is still on the page, else the
    /// closed thing's fallback.
    Opener(Overlay),
    /// "Cancel" in the question "Start again?".
    ResetQuestion,
    /// "Start again", once its question is gone.
    StartAgain,
    /// The decision line of the sign-off, once a decision is recorded or withdrawn.
    DecisionLine,
    /// The error summary of the sign-off, after "Record the decision" found problems.
    ErrorSummary,
    /// A field the error summary names: of the sign-off, or an item's notes.
    Field(Field),
    /// "Cancel" in the question "Reopen the assessment?".
    ReopenQuestion,
    /// "Reopen the assessment", once its question is gone.
    ReopenButton,
    /// A row of a list in the Summary, by the id of its link (without the widget's prefix),
    /// after "Back to summary".
    SummaryRow(String),
    /// The name field of an assessment in the list, its text selected.
    RenameField(AssessmentId),
    /// "Rename" of an assessment in the list, once its name field is gone.
    RenameButton(AssessmentId),
}

/// Something shown for a while over or beside the view, whose opener gets the focus back when
/// it closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// A comparison or a merge, in place of the view; the fallback is the view's tab.
    Panel,
    /// The import panel's preview or message; the fallback is the file control.
    Import,
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
    /// The latest move of the focus decided, with a counter so that the same target asked for
    /// twice is moved to twice; carried out once per counter, after the render.
    pub focus: Option<(u32, FocusTarget)>,
    /// The record is being printed, whatever is on screen (`AppState::prints_apart`).
    pub printing: Option<Printing>,
    /// The row of a Summary list whose link was followed to the checklist, while the checklist
    /// is on screen: "Back to summary" returns to it.
    pub summary_row: Option<String>,
    /// "Start again" is waiting for confirmation.
    pub confirm_reset: bool,
    /// The assessment in the list whose name is being edited.
    pub renaming: Option<AssessmentId>,
    /// The latest message for the status live region, with a counter so that the same text
    /// said twice is announced twice.
    pub status: Option<(u32, Announcement)>,
    /// Why answers are not being saved, if they are not.
    pub storage: Option<StorageError>,
    pub unopened: Option<Rc<Unopened>>,
    pub library: Rc<Library>,
    pub import: Option<Rc<ImportPreview>>,
    /// The notification banner at the top of the view: the outcome of the last operation
    /// (merged, replaced, deleted, a review started, a file imported or refused), until the
    /// person moves to another section, view or assessment.
    pub banner: Option<Announcement>,
    /// The scope questions are open although every one is answered: "Change scope" was
    /// pressed, or an answer was just given. Unanswered, they are always open.
    pub scope_open: bool,
    /// A place to bring into view without moving the focus, with a counter like `focus`: the
    /// section the page resumes at, on a return visit.
    pub scroll: Option<(u32, FocusTarget)>,
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
    /// The sign-off's problems found on recording, and the question before reopening.
    pub recording: Rc<Recording>,
}

impl AppState {
    pub fn new(
        def: Rc<ChecklistDefinition>,
        current: AssessmentId,
        assessment: Assessment,
        library: Library,
    ) -> AppState {
        // A returning person, scope answered, is taken to the section to resume.
        let scroll = arrives_at_work(&def, &assessment).then_some((0, FocusTarget::SectionHeading));
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
            printing: None,
            summary_row: None,
            confirm_reset: false,
            renaming: None,
            status: None,
            storage: None,
            unopened: None,
            library: Rc::new(library),
            import: None,
            banner: None,
            scope_open: false,
            scroll,
            undo: None,
            conflict: None,
            default_title: None,
            exported: None,
            compare: None,
            merge: None,
            changes: None,
            recording: Rc::default(),
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

    /// Hands each message to its handler: what a person does on screen in `screen.rs`, the
    /// outcome of an operation in `outcomes.rs`.
    fn apply(&mut self, msg: Msg) {
        match msg {
            Msg::Edit { action, now } => screen::edit(self, action, now),
            Msg::ShowSection(i) => screen::show_section(self, i),
            Msg::GoTo { section, item } => screen::go_to(self, section, item),
            Msg::FromSummary { section, item, row } => {
                screen::from_summary(self, section, item, row)
            }
            Msg::BackToSummary => screen::back_to_summary(self),
            Msg::SetFilter(filter) => self.set_filter(filter),
            Msg::ShowView(view) => screen::show_view(self, view),
            Msg::GoToView(view) => {
                screen::show_view(self, view);
                self.focus_on(FocusTarget::ViewHeading);
            }
            Msg::Print => self.printing = Some(Printing::Asked),
            Msg::PrintStarted => {
                self.printing.get_or_insert(Printing::Started);
            }
            Msg::Printed => self.printing = None,
            Msg::Renaming(id) => screen::renaming(self, id),
            Msg::AskReset => screen::ask_reset(self, true),
            Msg::CancelReset => screen::ask_reset(self, false),
            Msg::CloseImport => screen::close_import(self),
            Msg::CloseComparison => screen::close_panel(self, true),
            Msg::MergeImport => screen::merge_import(self),
            Msg::Choose { choice, keep } => screen::choose(self, choice, keep),
            Msg::CloseMerge => screen::close_panel(self, false),
            Msg::DismissChanges => self.changes = None,
            Msg::RecordDecision { today, now } => deciding::record_decision(self, &today, now),
            Msg::AskReopen => deciding::ask_reopen(self, true),
            Msg::CancelReopen => deciding::ask_reopen(self, false),
            Msg::Reopen { now } => deciding::reopen(self, now),
            Msg::ShowField(field) => deciding::show_field(self, field),
            Msg::ChangeScope => screen::change_scope(self),
            Msg::Compared(comparing) => outcomes::compared(self, comparing),
            Msg::ImportRead(preview) => outcomes::import_read(self, Ok(preview)),
            Msg::ImportFailed(refusal) => outcomes::import_read(self, Err(refusal)),
            Msg::Conflict(theirs) => self.conflict = Some(theirs),
            Msg::Renamed(library) => self.library = library,
            Msg::Listed(library) => outcomes::listed(self, library),
            Msg::Saved(result) => outcomes::saved(self, result),
            Msg::Opened { id, assessment, how, library } => {
                outcomes::opened(self, id, assessment, how, library)
            }
            Msg::Copied { title, library } => outcomes::copied(self, title, library),
            Msg::Deleted { id, title, raw, next, library } => {
                outcomes::deleted(self, id, title, raw, next, library)
            }
            Msg::Restored { title, library } => outcomes::restored(self, title, library),
            Msg::PutBack { title, by, backup, library } => {
                outcomes::put_back(self, title, by, backup, library)
            }
            Msg::Merged { assessment, backup, library } => {
                outcomes::merged(self, assessment, backup, library)
            }
            Msg::Replaced { assessment, file_name, backup, library } => {
                outcomes::replaced(self, assessment, file_name, backup, library)
            }
            Msg::Exported { file_name, json } => outcomes::exported(self, file_name, json),
            Msg::KeptMine { backup, saved, library } => {
                outcomes::kept_mine(self, backup, saved, library)
            }
            Msg::Failed { problem, library } => outcomes::failed(self, problem, library),
            Msg::External(theirs) => outcomes::external(self, theirs),
            Msg::IndexChanged { library, newer, take_up } => {
                outcomes::index_changed(self, library, newer, take_up)
            }
        }
    }

    /// Whether the record is to be rendered for printing apart from what is on screen: while
    /// printing, unless the Summary itself is on screen (it is the record).
    pub fn prints_apart(&self) -> bool {
        let summary_on_screen =
            self.view == View::Summary && self.merge.is_none() && self.compare.is_none();
        self.printing.is_some() && !summary_on_screen
    }

    /// Whether leaving the page now would lose changes: they are not saved in this browser
    /// and were changed since the last export.
    pub fn has_unkept_changes(&self) -> bool {
        let exported = self.exported.as_ref().is_some_and(|e| Rc::ptr_eq(e, &self.assessment));
        self.storage.is_some() && self.origin == Origin::Local && !exported
    }

    /// Whether the open assessment is blank and was never stored: it holds nothing that could
    /// be lost. `lib` is the index as it is known now.
    pub fn is_unsaved_blank(&self, lib: &Library) -> bool {
        let a = &self.assessment;
        let title_untouched =
            a.title.is_empty() || Some(a.title.as_str()) == self.default_title.as_deref();
        self.origin == Origin::Stored
            && lib.get(&self.current).is_none()
            && a.answers.is_empty()
            && a.signoff.is_none()
            && a.assessor.is_empty()
            && title_untouched
    }

    /// The assessment this tab should take up when the index changes: the one another tab has
    /// just opened of the same checklist, while this tab's own is blank and unsaved. Nothing
    /// stored or typed here is ever set aside for it.
    pub fn to_take_up(&self, lib: &Library) -> Option<AssessmentId> {
        let theirs = lib.current.as_ref()?;
        let same_checklist = lib.get(theirs).is_some_and(|e| e.checklist_id == self.def.id);
        (theirs != &self.current && same_checklist && self.is_unsaved_blank(lib))
            .then(|| theirs.clone())
    }

    /// Puts an assessment on screen at the section to resume, with every view setting reset.
    pub(super) fn open(&mut self, id: AssessmentId, assessment: Rc<Assessment>, origin: Origin) {
        self.section = resume_section(&self.def, &assessment);
        self.current = id;
        self.assessment = assessment;
        self.origin = origin;
        self.view = View::Checklist;
        self.summary_row = None;
        self.set_filter(Filter::All);
        self.leave_place();
        self.confirm_reset = false;
        self.recording = Rc::default();
        self.conflict = None;
        self.import = None;
        self.changes = None;
        self.banner = None;
        self.scope_open = false;
        self.close_panels();
    }

    /// Whether the scope questions show as one line with "Change scope": every one answered,
    /// and not opened again.
    pub fn scope_folded(&self) -> bool {
        !self.scope_open && scope_settled(&self.def, &self.assessment.scope)
    }

    /// Forgets what belongs to the place on screen being left: the items kept in view under
    /// the filter, a name being edited in the list.
    pub(super) fn leave_place(&mut self) {
        self.kept_in_view = Rc::default();
        self.renaming = None;
    }

    /// Changes the filter; the items kept in view under the old one go back to its rule.
    pub(super) fn set_filter(&mut self, filter: Filter) {
        if self.filter != filter {
            self.filter = filter;
            self.leave_place();
        }
    }

    /// Closes a comparison or a merge on screen, as moving to a view or another assessment does.
    pub(super) fn close_panels(&mut self) {
        self.compare = None;
        self.merge = None;
    }

    /// Moves the focus to `target` once the page is rendered.
    pub(super) fn focus_on(&mut self, target: FocusTarget) {
        let n = self.focus.as_ref().map_or(0, |(n, _)| n.wrapping_add(1));
        self.focus = Some((n, target));
    }

    /// Shows an operation's outcome in the notification banner at the top of the view, with
    /// the focus on it: the control that started the operation has gone with what it changed.
    /// It is said there alone, not in the status region too, which it empties.
    pub(super) fn notify(&mut self, what: Announcement) {
        // An earlier message in the status region is out of date beside it.
        self.status = None;
        self.banner = Some(what);
        self.focus_on(FocusTarget::Banner);
    }

    /// Says `what` in the status live region.
    pub(super) fn announce(&mut self, what: Announcement) {
        let n = self.status.as_ref().map_or(0, |(n, _)| n.wrapping_add(1));
        self.status = Some((n, what));
    }
}
