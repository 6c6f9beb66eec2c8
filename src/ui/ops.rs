//! The operations that touch more than the state: opening, creating, duplicating, renaming and
//! deleting assessments, Undo, import, export, comparing, merging, starting a review, settling
//! a conflict with another tab, and following what other tabs write. Each does its storage or file work and hands the reducer
//! one message saying what came of it; the reducer decides everything on screen.

use super::clock;
use super::download::download;
use super::storage::{Loaded, Saver, SharedSaver, Store};
use crate::app::choices::{after_delete, copy_of, fresh, quoted};
use crate::app::comparing::{comparing, Comparing};
use crate::app::import::{read_import, shown_name, too_large, unreadable};
use crate::app::state::{Keep, Opening, Problem, Undo, Version};
use crate::app::tabs::{self, Follow, StorageChange};
use crate::app::{AppState, Msg, View};
use crate::core::document::export_file_name;
use crate::core::library::{AssessmentId, Library};
use crate::core::report::{csv_report, html_report};
use crate::core::{apply_merge, plan_merge, Action, Assessment, ChecklistDefinition, Document};
use std::cell::RefCell;
use std::rc::Rc;
use yew::{UseReducerDispatcher, UseReducerHandle};

/// Something a person asked for that needs storage or the file system.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Open(AssessmentId),
    New,
    /// The Assessments view, with the list read afresh: saves, and other tabs, change it.
    ShowAssessments,
    Duplicate(AssessmentId),
    Rename(AssessmentId, String),
    Delete(AssessmentId),
    Undo,
    ImportFile(web_sys::File),
    ImportAsNew,
    ImportReplace,
    /// Compares the open assessment with a stored one.
    Compare(AssessmentId),
    /// Compares the open assessment with the file previewed for import.
    CompareImport,
    /// Applies the merge on screen, backing up the open assessment first.
    ApplyMerge,
    /// Starts a review of the open assessment, which has a decision.
    StartReview,
    ExportJson,
    ExportReport(Report),
    DownloadRaw(AssessmentId),
    /// Settles a conflict with another tab.
    Resolve(Keep),
}

/// The report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Report {
    Csv,
    Html,
}

/// Runs operations for one widget. Made once, so the callback that runs them never changes
/// and components that take it do not re-render for it.
pub struct Ops {
    store: Rc<Store>,
    saver: SharedSaver,
    /// The state handle of the latest render. A Yew 0.23 handle reads the state the last
    /// dispatch wrote, so an operation sees every earlier outcome, even before the render.
    state: Rc<RefCell<UseReducerHandle<AppState>>>,
}

/// A new id from the clock and a random number.
pub fn new_id() -> AssessmentId {
    AssessmentId::generate(
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 2f64.powi(40)) as u64,
    )
}

impl Ops {
    pub fn new(
        store: Rc<Store>,
        saver: SharedSaver,
        state: Rc<RefCell<UseReducerHandle<AppState>>>,
    ) -> Ops {
        Ops { store, saver, state }
    }

    /// Does what `op` asks and dispatches its outcome.
    pub fn run(&self, op: Op) {
        let state = self.state.borrow().clone();
        if let Some(msg) = self.outcome(op, &state) {
            state.dispatch(msg);
        }
    }

    /// Follows a `storage` event: another tab saved, the index changed, or storage was cleared.
    pub fn storage_event(&self, key: Option<String>, new_value: Option<String>) {
        let state = self.state.borrow().clone();
        if let Some(msg) = self.follow(&state, self.store.change(&state.current, key, new_value)) {
            state.dispatch(msg);
        }
    }

    /// Saves what is pending now, as the page is hidden or left.
    pub fn flush(&self) {
        Saver::flush(&self.saver);
    }

    /// Saves what is pending, then tells whether leaving now would lose changes.
    pub fn leaving_loses_changes(&self) -> bool {
        self.flush();
        self.state.borrow().clone().has_unkept_changes()
    }

    fn library(&self) -> Rc<Library> {
        Rc::new(self.store.library())
    }

    /// `problem`, with the list as stored now.
    fn failed(&self, problem: Problem) -> Msg {
        Msg::Failed { problem, library: Some(self.library()) }
    }

    fn outcome(&self, op: Op, s: &AppState) -> Option<Msg> {
        Some(match op {
            Op::Open(id) if id == s.current => Msg::ShowView(View::Checklist),
            Op::Open(id) => self.open(s, id),
            Op::New => {
                Saver::flush(&self.saver);
                let a = fresh(&s.def, s.default_title.as_deref(), clock::now());
                Msg::Opened {
                    id: new_id(),
                    assessment: Rc::new(a),
                    how: Opening::New,
                    library: self.library(),
                }
            }
            Op::ShowAssessments => {
                // The list shows the open assessment as typed, not as last saved.
                Saver::flush(&self.saver);
                Msg::Listed(self.library())
            }
            Op::Duplicate(id) => self.duplicate(s, id),
            Op::Rename(id, title) => self.rename(s, id, title),
            Op::Delete(id) => self.delete(s, id),
            Op::Undo => self.undo(s, s.undo.clone()?),
            Op::ImportFile(file) => {
                import_file(file, s.def.clone(), self.state.borrow().dispatcher());
                return None;
            }
            Op::ImportAsNew | Op::ImportReplace => {
                let preview = s.import.clone().filter(|p| p.blocked.is_none())?;
                Saver::flush(&self.saver);
                let mut a = preview.doc.assessment.clone();
                let file_name = preview.file_name.clone();
                if op == Op::ImportAsNew {
                    a.created = clock::now();
                    let how = Opening::ImportedAsNew { file_name };
                    Msg::Opened {
                        id: new_id(),
                        assessment: Rc::new(a),
                        how,
                        library: self.library(),
                    }
                } else {
                    // Without a backup, Undo still holds the previous answers in this page,
                    // and the message says so.
                    let backup = self.store.back_up(&s.current, &clock::now()).ok().flatten();
                    Msg::Replaced {
                        assessment: Rc::new(a),
                        file_name,
                        backup,
                        library: self.library(),
                    }
                }
            }
            Op::Compare(id) => match self.store.load(&id, &s.def, &clock::now()) {
                Loaded::Restored(other) => Msg::Compared(timed_comparing(
                    &s.def,
                    &s.assessment,
                    &other,
                    &quoted(&other.title),
                )),
                Loaded::Nothing => self.failed(Problem::NotStored),
                Loaded::Unusable { reason, .. } => self.failed(Problem::CannotOpen { reason }),
            },
            Op::CompareImport => {
                let preview = s.import.clone().filter(|p| p.blocked.is_none())?;
                let other = &preview.doc.assessment;
                let name = format!("{} from {}", quoted(&other.title), preview.file_name);
                Msg::Compared(timed_comparing(&s.def, &s.assessment, other, &name))
            }
            Op::ApplyMerge => self.merge(s)?,
            Op::StartReview => {
                s.assessment.signoff.as_ref().filter(|so| so.is_decided())?;
                // The assessment reviewed is saved as it stands first: the review records its id.
                Saver::flush(&self.saver);
                let review = s.assessment.start_review(s.current.as_str(), clock::now());
                Msg::Opened {
                    id: new_id(),
                    assessment: Rc::new(review),
                    how: Opening::Review,
                    library: self.library(),
                }
            }
            Op::ExportJson => {
                Saver::flush(&self.saver);
                let doc = Document::new(&s.def, &s.assessment, clock::now());
                let file_name = doc.file_name("json");
                match download(&file_name, "application/json", &doc.to_json()) {
                    Ok(()) => Msg::Exported { file_name, json: Some(s.assessment.clone()) },
                    Err(problem) => {
                        Msg::Failed { problem: Problem::Download(problem), library: None }
                    }
                }
            }
            Op::ExportReport(report) => export_report(&s.def, &s.assessment, report),
            Op::DownloadRaw(id) => {
                let problem = match self.store.raw(&id) {
                    Some(raw) => {
                        let name = format!("stored-{id}.json");
                        Problem::Download(download(&name, "application/json", &raw).err()?)
                    }
                    None => Problem::NothingToDownload,
                };
                Msg::Failed { problem, library: None }
            }
            Op::Resolve(keep) => self.resolve(s, keep)?,
        })
    }

    fn open(&self, s: &AppState, id: AssessmentId) -> Msg {
        Saver::flush(&self.saver);
        match self.store.load_taking_up(&id, &s.def, &clock::now()) {
            (Loaded::Restored(a), changes) => {
                self.store.set_current(&id);
                let how = changes.map_or(Opening::Chosen, |c| Opening::TakenUp(Rc::new(c)));
                Msg::Opened { id, assessment: Rc::new(a), how, library: self.library() }
            }
            (Loaded::Nothing, _) => self.failed(Problem::NotStored),
            (Loaded::Unusable { reason, .. }, _) => self.failed(Problem::CannotOpen { reason }),
        }
    }

    fn duplicate(&self, s: &AppState, id: AssessmentId) -> Msg {
        Saver::flush(&self.saver);
        let source = if id == s.current {
            Some((*s.assessment).clone())
        } else {
            match self.store.load(&id, &s.def, &clock::now()) {
                Loaded::Restored(a) => Some(a),
                _ => None,
            }
        };
        let Some(source) = source else { return self.failed(Problem::CannotCopy) };
        let copy = copy_of(&s.def, &source, clock::now());
        match self.store.save(&new_id(), &s.def, &copy) {
            Ok(()) => Msg::Copied { title: copy.title, library: self.library() },
            Err(e) => self.failed(Problem::Storage(e)),
        }
    }

    fn rename(&self, s: &AppState, id: AssessmentId, title: String) -> Msg {
        let now = clock::now();
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

    fn delete(&self, s: &AppState, id: AssessmentId) -> Msg {
        // Save what is pending first, so that Undo brings back the latest answers.
        Saver::flush(&self.saver);
        let title = self.store.library().get(&id).map(|e| e.title.clone()).unwrap_or_default();
        let raw = self.store.delete(&id);
        let open = id == s.current;
        // The open one may never have been stored: then there is nothing to remove.
        if raw.is_none() && !open {
            return self.failed(Problem::CannotDelete);
        }
        let next = open.then(|| {
            let stored = after_delete(&self.store.library(), &s.def.id, &id).and_then(|next| {
                match self.store.load(&next, &s.def, &clock::now()) {
                    Loaded::Restored(a) => Some((next, a)),
                    _ => None,
                }
            });
            match stored {
                Some((next, a)) => {
                    self.store.set_current(&next);
                    (next, Rc::new(a))
                }
                None => {
                    let a = fresh(&s.def, s.default_title.as_deref(), clock::now());
                    (new_id(), Rc::new(a))
                }
            }
        });
        Msg::Deleted { id, title, raw: raw.map(Rc::new), next, library: self.library() }
    }

    fn undo(&self, s: &AppState, undo: Rc<Undo>) -> Msg {
        let now = clock::now();
        match &*undo {
            // The answers the import brought (and any edits since) are kept as a backup first;
            // without one, nothing is replaced.
            Undo::Replaced { id, previous, by } if *id == s.current => {
                Saver::flush(&self.saver);
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
            Undo::Deleted { id, raw, title } => match self.store.undelete(id, raw) {
                Ok(()) => Msg::Restored { title: title.clone(), library: self.library() },
                Err(e) => self.failed(Problem::Storage(e)),
            },
        }
    }

    /// Applies the merge on screen to the open assessment as it is now: planned again, so that
    /// nothing changed since the plan was shown is lost, with the choices made, which name
    /// items and sections. The assessment as it was is backed up first when it changes;
    /// without a backup, Undo still holds it in this page, and the message says so.
    fn merge(&self, s: &AppState) -> Option<Msg> {
        let m = s.merge.clone()?;
        Saver::flush(&self.saver);
        let now = clock::now();
        clock::start(clock::MERGE_MEASURE);
        let plan = plan_merge(&s.def, &s.assessment, &m.theirs);
        let merged = apply_merge(&s.def, &s.assessment, &m.theirs, &plan, &m.choices, now.clone());
        clock::measure(clock::MERGE_MEASURE);
        let (assessment, backup) = if merged == *s.assessment {
            (s.assessment.clone(), None)
        } else {
            (Rc::new(merged), self.store.back_up(&s.current, &now).ok().flatten())
        };
        Some(Msg::Merged { assessment, backup, library: self.library() })
    }

    /// Keeps one side of a conflict. The side replaced is backed up first; when it cannot be,
    /// nothing is replaced and the person is told.
    fn resolve(&self, s: &AppState, keep: Keep) -> Option<Msg> {
        let theirs = s.conflict.clone()?;
        let now = clock::now();
        Some(match keep {
            Keep::Mine => match self.store.back_up(&s.current, &now) {
                Ok(backup) => {
                    Saver::discard(&self.saver);
                    let saved = self.store.save_open(&s.current, &s.def, &s.assessment);
                    Msg::KeptMine { backup, saved, library: self.library() }
                }
                Err(cause) => Msg::Failed {
                    problem: Problem::NoBackup { of: Version::OtherTabs, cause },
                    library: None,
                },
            },
            Keep::Theirs => {
                match self.store.back_up_assessment(&s.current, &now, &s.def, &s.assessment) {
                    Ok(backup) => {
                        Saver::discard(&self.saver);
                        Msg::Opened {
                            id: s.current.clone(),
                            assessment: theirs,
                            how: Opening::Theirs { backup },
                            library: self.library(),
                        }
                    }
                    Err(cause) => Msg::Failed {
                        problem: Problem::NoBackup { of: Version::ThisTabs, cause },
                        library: None,
                    },
                }
            }
        })
    }

    /// The outcome of a change another tab or app made to storage.
    fn follow(&self, s: &AppState, change: StorageChange) -> Option<Msg> {
        match change {
            StorageChange::Cleared => {
                // Written back at once, so that this tab's work does not live only in the page.
                if tabs::writes_back_after_clear(s) {
                    Saver::schedule(&self.saver, s.current.clone(), s.assessment.clone());
                    Saver::flush(&self.saver);
                }
                Some(Msg::IndexChanged { library: self.library(), newer: None, take_up: None })
            }
            StorageChange::Index => {
                let library = self.store.library();
                // Two fresh tabs end with one assessment: a tab with nothing of its own yet
                // takes up the one another tab has just started.
                let take_up = s.to_take_up(&library).and_then(|id| {
                    match self.store.load(&id, &s.def, &clock::now()) {
                        Loaded::Restored(a) => Some((id, Rc::new(a))),
                        _ => None,
                    }
                });
                let newer = self.store.newer_index();
                Some(Msg::IndexChanged { library: Rc::new(library), newer, take_up })
            }
            StorageChange::OpenRecord(theirs) => {
                match tabs::follow(s, theirs, Saver::has_pending(&self.saver)) {
                    Follow::Nothing => None,
                    Follow::Show(theirs) => Some(Msg::External(theirs)),
                    Follow::Ask(theirs) => {
                        // Nothing is saved over theirs until the person chooses. This tab's
                        // change stays on screen, and a backup keeps it too, should the page
                        // go another way before then.
                        Saver::discard(&self.saver);
                        let _ = self.store.back_up_assessment(
                            &s.current,
                            &clock::now(),
                            &s.def,
                            &s.assessment,
                        );
                        Some(Msg::Conflict(theirs))
                    }
                }
            }
            StorageChange::Other => None,
        }
    }
}

/// The open assessment compared with another, timed for the benchmark.
fn timed_comparing(
    def: &ChecklistDefinition,
    open: &Assessment,
    other: &Assessment,
    name: &str,
) -> Rc<Comparing> {
    clock::start(clock::COMPARE_MEASURE);
    let c = comparing(def, open, other, name);
    clock::measure(clock::COMPARE_MEASURE);
    Rc::new(c)
}

/// Downloads a report of the assessment.
fn export_report(def: &ChecklistDefinition, a: &Assessment, report: Report) -> Msg {
    let now = clock::now();
    let (file_name, mime, body) = match report {
        Report::Csv => {
            (export_file_name(&a.title, &now, "csv"), "text/csv;charset=utf-8", csv_report(def, a))
        }
        Report::Html => (
            export_file_name(&a.title, &now, "html"),
            "text/html;charset=utf-8",
            html_report(def, a, &now),
        ),
    };
    match download(&file_name, mime, &body) {
        Ok(()) => Msg::Exported { file_name, json: None },
        Err(problem) => Msg::Failed { problem: Problem::Download(problem), library: None },
    }
}

/// Reads a file chosen or dropped for import, and shows what it holds before anything changes.
fn import_file(
    file: web_sys::File,
    def: Rc<ChecklistDefinition>,
    dispatch: UseReducerDispatcher<AppState>,
) {
    let name = shown_name(&file.name());
    if let Some(problem) = too_large(&name, file.size() as u64) {
        return dispatch.dispatch(Msg::ImportFailed(problem));
    }
    yew::platform::spawn_local(async move {
        let bytes = gloo_file::futures::read_as_bytes(&gloo_file::Blob::from(file)).await;
        let msg = match bytes {
            Err(_) => Msg::ImportFailed(unreadable(&name)),
            Ok(bytes) => match read_import(&name, &bytes, &def) {
                Ok(preview) => Msg::ImportRead(Rc::new(preview)),
                Err(problem) => Msg::ImportFailed(problem),
            },
        };
        dispatch.dispatch(msg);
    });
}
