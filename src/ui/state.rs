//! The widget's state and its one reducer. Every change, to the assessment or to what is on
//! screen, is a [`Msg`]; the reducer returns the same `Rc` when nothing changed, so Yew skips
//! the render.

use crate::core::library::{AssessmentId, Library};
use crate::core::scoring::is_open;
use crate::core::{Action, Assessment, Band, ChecklistDefinition, Document, Timestamp};
use std::rc::Rc;
use yew::Reducible;

/// Which items the current section shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    NotAssessed,
    HighRisk,
}

impl Filter {
    pub const ALL: [Filter; 3] = [Filter::All, Filter::NotAssessed, Filter::HighRisk];

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "All items",
            Filter::NotAssessed => "Not yet assessed",
            Filter::HighRisk => "High risk",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::NotAssessed => "not-assessed",
            Filter::HighRisk => "high",
        }
    }

    /// Whether an item with this answer is shown.
    pub fn shows(self, def: &ChecklistDefinition, answer: &crate::core::Answer) -> bool {
        match self {
            Filter::All => true,
            Filter::NotAssessed => !answer.status.is_assessed(),
            Filter::HighRisk => {
                is_open(answer) && def.scale.risk(answer).is_some_and(|r| r.band == Band::High)
            }
        }
    }
}

/// How storage is doing, as the person needs to know it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum StorageHealth {
    /// Answers are saved as they change.
    #[default]
    Saving,
    /// Storage cannot be used at all; work stays in this page only.
    Unavailable,
    /// A save failed (for example the storage is full); the last good copy is still stored.
    Failing { reason: String },
    /// A newer version of the app wrote this namespace's index (its format `version`): what
    /// can be read is shown, and nothing is saved over it.
    ReadOnly { version: u64 },
}

/// Which view of the assessment is on screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Checklist,
    Summary,
    Assessments,
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

/// A file read for import, waiting for the person to choose what to do with it.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    pub file_name: String,
    pub doc: Document,
    /// Answers for items this checklist does not have; kept, and shown as retired.
    pub unknown: usize,
    /// Why it cannot be opened with this checklist, if it cannot.
    pub blocked: Option<String>,
}

/// What the last undoable step can put back.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// An assessment was replaced by an import; `previous` is what it held.
    Replaced { id: AssessmentId, previous: Rc<Assessment> },
    /// An assessment was deleted; its stored text is kept here.
    Deleted { id: AssessmentId, raw: Rc<String>, title: String },
}

/// Whether the assessment on screen still has to be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Changed here: save it.
    Local,
    /// As read from storage: nothing to save.
    Stored,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub def: Rc<ChecklistDefinition>,
    pub current: AssessmentId,
    pub assessment: Rc<Assessment>,
    pub origin: Origin,
    pub view: View,
    /// The index of the section on screen.
    pub section: usize,
    pub filter: Filter,
    /// "Start again" is waiting for confirmation.
    pub confirm_reset: bool,
    /// The latest message for the status live region, with a counter so that the same text
    /// said twice is announced twice.
    pub status: Option<(u32, String)>,
    pub storage: StorageHealth,
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
}

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Edit {
        action: Action,
        now: Timestamp,
    },
    ShowSection(usize),
    SetFilter(Filter),
    ShowView(View),
    AskReset,
    CancelReset,
    Announce(String),
    Storage(StorageHealth),
    Library(Rc<Library>),
    /// Puts an assessment on screen. `save` when it is new here and must be stored.
    Open {
        id: AssessmentId,
        assessment: Rc<Assessment>,
        save: bool,
        message: Option<String>,
    },
    /// Replaces the assessment on screen (an import), keeping what it was for undo.
    Replace {
        assessment: Rc<Assessment>,
        message: String,
    },
    ImportRead(Rc<ImportPreview>),
    ImportFailed(String),
    CloseImport,
    SetUndo(Option<Rc<Undo>>),
    /// Another tab saved this assessment and this tab has no unsaved change: show theirs.
    External(Rc<Assessment>),
    Conflict(Option<Rc<Assessment>>),
    /// This version of the assessment was downloaded as a file.
    Exported(Rc<Assessment>),
    /// Another tab started an assessment while this tab's was still blank and unsaved: this
    /// tab continues that one instead, on the same view.
    TakeUp {
        id: AssessmentId,
        assessment: Rc<Assessment>,
    },
}

/// The first section with an item not yet assessed, so a returning person resumes there.
fn resume_section(def: &ChecklistDefinition, a: &Assessment) -> usize {
    def.sections
        .iter()
        .position(|s| s.items.iter().any(|i| !a.answer(&i.id).status.is_assessed()))
        .unwrap_or(0)
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
            confirm_reset: false,
            status: None,
            storage: StorageHealth::Saving,
            unopened: None,
            library: Rc::new(library),
            import: None,
            import_error: None,
            undo: None,
            conflict: None,
            default_title: None,
            exported: None,
        }
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

    fn announce(&mut self, text: String) {
        let n = self.status.as_ref().map_or(0, |(n, _)| n.wrapping_add(1));
        self.status = Some((n, text));
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Edit { action, now } => {
                let reset = action == Action::Reset;
                let mut assessment = (*self.assessment).clone();
                if !assessment.apply(&self.def, action, now) {
                    if reset && self.confirm_reset {
                        next.confirm_reset = false;
                        return Rc::new(next);
                    }
                    return self;
                }
                next.assessment = Rc::new(assessment);
                next.origin = Origin::Local;
                if reset {
                    next.confirm_reset = false;
                    next.section = 0;
                    next.filter = Filter::All;
                    next.announce("All answers were cleared. You can start again.".into());
                }
            }
            Msg::ShowSection(i)
                if i < self.def.sections.len()
                    && (i != self.section || self.view != View::Checklist) =>
            {
                next.section = i;
                next.view = View::Checklist;
            }
            Msg::SetFilter(f) if f != self.filter => next.filter = f,
            Msg::ShowView(v) if v != self.view => next.view = v,
            Msg::AskReset if !self.confirm_reset => next.confirm_reset = true,
            Msg::CancelReset if self.confirm_reset => next.confirm_reset = false,
            Msg::Announce(text) => next.announce(text),
            Msg::Storage(health) if health != self.storage => next.storage = health,
            Msg::Library(lib) if lib != self.library => next.library = lib,
            Msg::Open { id, assessment, save, message } => {
                next.section = resume_section(&self.def, &assessment);
                next.current = id;
                next.assessment = assessment;
                next.origin = if save { Origin::Local } else { Origin::Stored };
                next.view = View::Checklist;
                next.filter = Filter::All;
                next.confirm_reset = false;
                next.conflict = None;
                next.import = None;
                if let Some(m) = message {
                    next.announce(m);
                }
            }
            Msg::Replace { assessment, message } => {
                next.undo = Some(Rc::new(Undo::Replaced {
                    id: self.current.clone(),
                    previous: self.assessment.clone(),
                }));
                next.section = resume_section(&self.def, &assessment);
                next.assessment = assessment;
                next.origin = Origin::Local;
                next.view = View::Checklist;
                next.import = None;
                next.conflict = None;
                next.announce(message);
            }
            Msg::ImportRead(preview) => {
                next.import = Some(preview);
                next.import_error = None;
            }
            Msg::ImportFailed(problem) => {
                next.import = None;
                next.import_error = Some(problem);
            }
            Msg::CloseImport if self.import.is_some() || self.import_error.is_some() => {
                next.import = None;
                next.import_error = None;
            }
            Msg::SetUndo(undo) => next.undo = undo,
            Msg::External(theirs) if theirs != self.assessment => {
                next.assessment = theirs;
                next.origin = Origin::Stored;
                next.conflict = None;
                next.announce(
                    "This assessment was updated with changes saved in another tab or window."
                        .into(),
                );
            }
            Msg::Conflict(theirs) if theirs != self.conflict => next.conflict = theirs,
            Msg::Exported(a) => next.exported = Some(a),
            Msg::TakeUp { id, assessment } if id != self.current => {
                next.current = id;
                next.assessment = assessment;
                next.origin = Origin::Stored;
                next.conflict = None;
                next.announce("Continuing the assessment started in another tab or window.".into());
            }
            _ => return self,
        }
        Rc::new(next)
    }
}
