//! The operations that touch storage: opening, creating, duplicating, renaming and deleting
//! assessments, Undo, import, comparing, merging, starting a review, settling a conflict with
//! another tab, and following what other tabs write. Each does its storage work through the
//! port and gives the reducer one message saying what came of it; the reducer decides
//! everything on screen. The page supplies the time, new ids and the queue of unsaved changes
//! through [`Env`], so all of it runs natively against [`super::memory::MemoryStorage`].

use super::choices::{after_delete, copy_of, fresh, quoted};
use super::comparing::{comparing, Comparing};
use super::port::StoragePort;
use super::state::{Opening, Problem, Resolution, Undo, Version};
use super::store::{Loaded, Store};
use super::tabs::{self, Follow, StorageChange};
use super::{AppState, Msg, View};
use crate::core::library::{AssessmentId, Library};
use crate::core::{apply_merge, plan_merge, Action, Assessment, Timestamp};
use std::rc::Rc;

/// The user-timing measure of a comparison of two assessments, which the benchmark reads.
pub const COMPARE_MEASURE: &str = "risk-checklist:compare";
/// The user-timing measure of a merge: planning it and applying the choices.
pub const MERGE_MEASURE: &str = "risk-checklist:merge";

/// What an operation needs of the page besides storage.
pub trait Env {
    fn now(&self) -> Timestamp;
    /// An id for a new assessment.
    fn new_id(&self) -> AssessmentId;
    /// Saves the change waiting to be saved now; the page reports the save as any other.
    fn flush(&self);
    /// Drops the change waiting to be saved.
    fn discard(&self);
    /// Whether a change is waiting to be saved.
    fn has_pending(&self) -> bool;
    /// Queues `assessment` to be saved as the open one, and saves it now.
    fn save_now(&self, id: &AssessmentId, assessment: &Rc<Assessment>);
    /// Marks the start of a step timed as `measure`.
    fn start(&self, _measure: &str) {}
    /// Records the time since [`Env::start`] as `measure`.
    fn measure(&self, _measure: &str) {}
}

/// The operations of one widget on its storage.
pub struct Ops<'a, P: StoragePort, E: Env> {
    pub store: &'a Store<P>,
    pub env: &'a E,
}

impl<P: StoragePort, E: Env> Ops<'_, P, E> {
    fn library(&self) -> Rc<Library> {
        Rc::new(self.store.library())
    }

    /// `problem`, with the list as stored now.
    fn failed(&self, problem: Problem) -> Msg {
        Msg::Failed { problem, library: Some(self.library()) }
    }

    /// The stored assessment `id`, when it opens.
    fn load(&self, s: &AppState, id: &AssessmentId) -> Option<Assessment> {
        match self.store.load(id, &s.def, &self.env.now()) {
            Loaded::Restored(a) => Some(a),
            _ => None,
        }
    }

    /// Opens a stored assessment, and remembers it as the one to resume.
    pub fn open(&self, s: &AppState, id: AssessmentId) -> Msg {
        if id == s.current {
            return Msg::ShowView(View::Checklist);
        }
        self.env.flush();
        match self.store.load_taking_up(&id, &s.def, &self.env.now()) {
            (Loaded::Restored(a), changes) => {
                self.store.set_current(&id);
                let how = changes.map_or(Opening::Chosen, |c| Opening::TakenUp(Rc::new(c)));
                Msg::Opened { id, assessment: Rc::new(a), how, library: self.library() }
            }
            (Loaded::Nothing, _) => self.failed(Problem::NotStored),
            (Loaded::Unusable { reason, .. }, _) => self.failed(Problem::CannotOpen { reason }),
        }
    }

    /// Starts a new assessment.
    pub fn new_assessment(&self, s: &AppState) -> Msg {
        self.env.flush();
        let a = fresh(&s.def, s.default_title.as_deref(), self.env.now());
        let (id, how) = (self.env.new_id(), Opening::New);
        Msg::Opened { id, assessment: Rc::new(a), how, library: self.library() }
    }

    /// The list of assessments read afresh: saves, and other tabs, change it.
    pub fn list(&self) -> Msg {
        // The list shows the open assessment as typed, not as last saved.
        self.env.flush();
        Msg::Listed(self.library())
    }

    pub fn duplicate(&self, s: &AppState, id: AssessmentId) -> Msg {
        self.env.flush();
        let source =
            if id == s.current { Some((*s.assessment).clone()) } else { self.load(s, &id) };
        let Some(source) = source else { return self.failed(Problem::CannotCopy) };
        let copy = copy_of(&s.def, &source, self.env.now());
        match self.store.save(&self.env.new_id(), &s.def, &copy) {
            Ok(()) => Msg::Copied { title: copy.title, library: self.library() },
            Err(e) => self.failed(Problem::Storage(e)),
        }
    }

    pub fn rename(&self, s: &AppState, id: AssessmentId, title: String) -> Msg {
        let now = self.env.now();
        // The open one is renamed like any edit of its title, and saved as edits are.
        if id == s.current {
            return Msg::Edit { action: Action::SetTitle { title }, now };
        }
        if let Loaded::Restored(mut a) = self.store.load(&id, &s.def, &now) {
            if a.apply(&s.def, Action::SetTitle { title }, now) {
                if let Err(e) = self.store.save(&id, &s.def, &a) {
                    return self.failed(Problem::Storage(e));
                }
            }
        }
        Msg::Renamed(self.library())
    }

    pub fn delete(&self, s: &AppState, id: AssessmentId) -> Msg {
        // Save what is pending first, so that Undo brings back the latest answers.
        self.env.flush();
        let title = self.store.library().get(&id).map(|e| e.title.clone()).unwrap_or_default();
        let raw = self.store.delete(&id);
        let open = id == s.current;
        // The open one may never have been stored: then there is nothing to remove.
        if raw.is_none() && !open {
            return self.failed(Problem::CannotDelete);
        }
        let next = open.then(|| self.after_delete(s, &id));
        Msg::Deleted { id, title, raw: raw.map(Rc::new), next, library: self.library() }
    }

    /// What opens after the open assessment is deleted: the next stored one of this checklist
    /// that opens, or a new one.
    fn after_delete(&self, s: &AppState, deleted: &AssessmentId) -> (AssessmentId, Rc<Assessment>) {
        let stored = after_delete(&self.store.library(), &s.def.id, deleted)
            .and_then(|next| self.load(s, &next).map(|a| (next, a)));
        match stored {
            Some((next, a)) => {
                self.store.set_current(&next);
                (next, Rc::new(a))
            }
            None => {
                let a = fresh(&s.def, s.default_title.as_deref(), self.env.now());
                (self.env.new_id(), Rc::new(a))
            }
        }
    }

    /// Takes back the last replace or delete.
    pub fn undo(&self, s: &AppState) -> Option<Msg> {
        let undo = s.undo.clone()?;
        let now = self.env.now();
        Some(match &*undo {
            // The answers the import brought (and any edits since) are kept as a backup first;
            // without one, nothing is replaced.
            Undo::Replaced { id, previous, by } if *id == s.current => {
                self.env.flush();
                match self.store.back_up(id, &now) {
                    Ok(backup) => Msg::Opened {
                        id: id.clone(),
                        assessment: previous.clone(),
                        how: Opening::Undone { by: *by, backup },
                        library: self.library(),
                    },
                    Err(cause) => {
                        self.failed(Problem::NoBackup { of: Version::Brought(*by), cause })
                    }
                }
            }
            // Another assessment is open now: put the answers back where they were.
            Undo::Replaced { id, previous, by } => match self.store.back_up(id, &now) {
                Ok(backup) => match self.store.save(id, &s.def, previous) {
                    Ok(()) => Msg::PutBack {
                        title: previous.title.clone(),
                        by: *by,
                        backup,
                        library: self.library(),
                    },
                    Err(e) => self.failed(Problem::Storage(e)),
                },
                Err(cause) => self.failed(Problem::NoBackup { of: Version::Brought(*by), cause }),
            },
            Undo::Deleted { id, raw, title } => match self.store.undelete(id, raw, &s.def) {
                Ok(()) => Msg::Restored { title: title.clone(), library: self.library() },
                Err(e) => self.failed(Problem::Storage(e)),
            },
        })
    }

    /// Opens the file previewed for import as a new assessment, or replaces the open one's
    /// answers with it.
    pub fn import(&self, s: &AppState, as_new: bool) -> Option<Msg> {
        let preview = s.import.clone().filter(|p| p.blocked.is_none())?;
        // A signed assessment is read-only: a file opens beside it, never in its place.
        if !as_new && s.assessment.is_signed() {
            return None;
        }
        self.env.flush();
        let mut a = preview.doc.assessment.clone();
        let file_name = preview.file_name.clone();
        let now = self.env.now();
        Some(if as_new {
            a.created = now;
            let how = Opening::ImportedAsNew { file_name };
            Msg::Opened {
                id: self.env.new_id(),
                assessment: Rc::new(a),
                how,
                library: self.library(),
            }
        } else {
            // Without a backup, Undo still holds the previous answers in this page, and the
            // message says so.
            let backup = self.store.back_up(&s.current, &now).ok().flatten();
            Msg::Replaced { assessment: Rc::new(a), file_name, backup, library: self.library() }
        })
    }

    /// Compares the open assessment with a stored one.
    pub fn compare(&self, s: &AppState, id: &AssessmentId) -> Msg {
        match self.store.load(id, &s.def, &self.env.now()) {
            Loaded::Restored(other) => {
                Msg::Compared(self.timed_comparing(s, &other, &quoted(&other.title)))
            }
            Loaded::Nothing => self.failed(Problem::NotStored),
            Loaded::Unusable { reason, .. } => self.failed(Problem::CannotOpen { reason }),
        }
    }

    /// Compares the open assessment with the file previewed for import.
    pub fn compare_import(&self, s: &AppState) -> Option<Msg> {
        let preview = s.import.clone().filter(|p| p.blocked.is_none())?;
        let other = &preview.doc.assessment;
        let name = format!("{} from {}", quoted(&other.title), preview.file_name);
        Some(Msg::Compared(self.timed_comparing(s, other, &name)))
    }

    /// The open assessment compared with another, timed for the benchmark.
    fn timed_comparing(&self, s: &AppState, other: &Assessment, name: &str) -> Rc<Comparing> {
        self.env.start(COMPARE_MEASURE);
        let c = comparing(&s.def, &s.assessment, other, name);
        self.env.measure(COMPARE_MEASURE);
        Rc::new(c)
    }

    /// Applies the merge on screen to the open assessment as it is now: planned again, so that
    /// nothing changed since the plan was shown is lost, with the choices made, which name
    /// items and sections. The assessment as it was is backed up first when it changes;
    /// without a backup, Undo still holds it in this page, and the message says so.
    pub fn merge(&self, s: &AppState) -> Option<Msg> {
        let m = s.merge.clone()?;
        self.env.flush();
        let now = self.env.now();
        self.env.start(MERGE_MEASURE);
        let plan = plan_merge(&s.def, &s.assessment, &m.theirs);
        let merged = apply_merge(
            &s.def,
            &s.assessment,
            &m.theirs,
            &plan,
            &m.choices,
            &m.their_name,
            now.clone(),
        );
        self.env.measure(MERGE_MEASURE);
        let (assessment, backup) = if merged == *s.assessment {
            (s.assessment.clone(), None)
        } else {
            (Rc::new(merged), self.store.back_up(&s.current, &now).ok().flatten())
        };
        Some(Msg::Merged { assessment, backup, library: self.library() })
    }

    /// Starts a review of the open assessment, which must have a decision.
    pub fn start_review(&self, s: &AppState) -> Option<Msg> {
        s.assessment.signoff.as_ref().filter(|so| so.is_decided())?;
        // The assessment reviewed is saved as it stands first: the review records its id.
        self.env.flush();
        let review = s.assessment.start_review(s.current.as_str(), self.env.now());
        let (id, how) = (self.env.new_id(), Opening::Review);
        Some(Msg::Opened { id, assessment: Rc::new(review), how, library: self.library() })
    }

    /// Keeps one side of a conflict. The side replaced is backed up first; when it cannot be,
    /// nothing is replaced and the person is told.
    pub fn resolve(&self, s: &AppState, keep: Resolution) -> Option<Msg> {
        let theirs = s.conflict.clone()?;
        let now = self.env.now();
        let no_backup =
            |of, cause| Msg::Failed { problem: Problem::NoBackup { of, cause }, library: None };
        Some(match keep {
            Resolution::Mine => match self.store.back_up(&s.current, &now) {
                Ok(backup) => {
                    self.env.discard();
                    let saved = self.store.save_open(&s.current, &s.def, &s.assessment);
                    Msg::KeptMine { backup, saved, library: self.library() }
                }
                Err(cause) => no_backup(Version::OtherTabs, cause),
            },
            Resolution::Theirs => {
                match self.store.back_up_assessment(&s.current, &now, &s.def, &s.assessment) {
                    Ok(backup) => {
                        self.env.discard();
                        Msg::Opened {
                            id: s.current.clone(),
                            assessment: theirs,
                            how: Opening::Theirs { backup },
                            library: self.library(),
                        }
                    }
                    Err(cause) => no_backup(Version::ThisTabs, cause),
                }
            }
        })
    }

    /// The outcome of a `storage` event: another tab saved, the index changed, or storage was
    /// cleared.
    pub fn follow(&self, s: &AppState, key: Option<String>, value: Option<String>) -> Option<Msg> {
        match self.store.change(&s.current, key, value) {
            StorageChange::Cleared => {
                // Written back at once, so that this tab's work does not live only in the page.
                if tabs::writes_back_after_clear(s) {
                    self.env.save_now(&s.current, &s.assessment);
                }
                Some(Msg::IndexChanged { library: self.library(), newer: None, take_up: None })
            }
            StorageChange::Index => {
                let library = self.store.library();
                // Two fresh tabs end with one assessment: a tab with nothing of its own yet
                // takes up the one another tab has just started.
                let take_up = s
                    .to_take_up(&library)
                    .and_then(|id| self.load(s, &id).map(|a| (id, Rc::new(a))));
                let newer = self.store.newer_index();
                Some(Msg::IndexChanged { library: Rc::new(library), newer, take_up })
            }
            StorageChange::OpenRecord(theirs) => {
                match tabs::follow(s, theirs, self.env.has_pending()) {
                    Follow::Nothing => None,
                    Follow::Show(theirs) => Some(Msg::External(theirs)),
                    Follow::Ask(theirs) => {
                        // Nothing is saved over theirs until the person chooses. This tab's
                        // change stays on screen, and a backup keeps it too, should the page
                        // go another way before then.
                        self.env.discard();
                        let now = self.env.now();
                        let _ =
                            self.store.back_up_assessment(&s.current, &now, &s.def, &s.assessment);
                        Some(Msg::Conflict(theirs))
                    }
                }
            }
            StorageChange::Other => None,
        }
    }
}
