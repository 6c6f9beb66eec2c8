//! Runs operations for one widget: `app::ops` decides each one against storage; this adds
//! what needs the browser (the clock, new ids, the save timer, downloads and reading files)
//! and dispatches the one message each ends in.

use super::clock;
use super::download::download;
use super::storage::{Saver, SharedSaver, Store};
use crate::app::import::{read_import, shown_name, too_large, unreadable};
use crate::app::ops;
use crate::app::state::{Problem, Resolution};
use crate::app::{AppState, Msg};
use crate::core::calendar::review_event;
use crate::core::document::{export_file_name, slug};
use crate::core::library::AssessmentId;
use crate::core::report::{csv_report, html_report};
use crate::core::{Assessment, ChecklistDefinition, Document};
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
    /// Downloads the review date of the decision recorded as an iCalendar file.
    AddToCalendar,
    ExportJson,
    ExportReport(Report),
    DownloadRaw(AssessmentId),
    /// Settles a conflict with another tab.
    Resolve(Resolution),
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

impl Ops {
    pub fn new(
        store: Rc<Store>,
        saver: SharedSaver,
        state: Rc<RefCell<UseReducerHandle<AppState>>>,
    ) -> Ops {
        Ops { store, saver, state }
    }

    fn ops(&self) -> ops::Ops<'_, super::storage::LocalStorage, SharedSaver> {
        ops::Ops { store: &self.store, env: &self.saver }
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
        if let Some(msg) = self.ops().follow(&state, key, new_value) {
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

    fn outcome(&self, op: Op, s: &AppState) -> Option<Msg> {
        let ops = self.ops();
        Some(match op {
            Op::Open(id) => ops.open(s, id),
            Op::New => ops.new_assessment(s),
            Op::ShowAssessments => ops.list(),
            Op::Duplicate(id) => ops.duplicate(s, id),
            Op::Rename(id, title) => ops.rename(s, id, title),
            Op::Delete(id) => ops.delete(s, id),
            Op::Undo => ops.undo(s)?,
            Op::ImportFile(file) => {
                import_file(file, s.def.clone(), self.state.borrow().dispatcher());
                return None;
            }
            Op::ImportAsNew => ops.import(s, true)?,
            Op::ImportReplace => ops.import(s, false)?,
            Op::Compare(id) => ops.compare(s, &id),
            Op::CompareImport => ops.compare_import(s)?,
            Op::ApplyMerge => ops.merge(s)?,
            Op::StartReview => ops.start_review(s)?,
            Op::AddToCalendar => add_to_calendar(s)?,
            Op::ExportJson => {
                Saver::flush(&self.saver);
                let doc = Document::new(&s.def, &s.assessment, clock::now());
                let file_name = doc.file_name("json");
                match download(&file_name, "application/json", &doc.to_json()) {
                    Ok(()) => Msg::Exported { file_name, json: Some(s.assessment.clone()) },
                    Err(problem) => download_failed(problem),
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
            Op::Resolve(keep) => ops.resolve(s, keep)?,
        })
    }
}

fn download_failed(problem: String) -> Msg {
    Msg::Failed { problem: Problem::Download(problem), library: None }
}

/// Downloads the review date of the decision on record as an iCalendar file, named after the
/// assessment and the review date.
fn add_to_calendar(s: &AppState) -> Option<Msg> {
    let a = &s.assessment;
    let signoff = a.signoff.as_ref().filter(|so| so.is_decided())?;
    let event = review_event(s.current.as_str(), &a.title, signoff, &clock::now())?;
    let review = signoff.review_date.as_deref().unwrap_or_default();
    let file_name = format!("{}-review-{review}.ics", slug(&a.title));
    Some(match download(&file_name, "text/calendar;charset=utf-8", &event) {
        Ok(()) => Msg::Exported { file_name, json: None },
        Err(problem) => download_failed(problem),
    })
}

/// Downloads a report of the assessment.
fn export_report(def: &ChecklistDefinition, a: &Assessment, report: Report) -> Msg {
    let now = clock::now();
    let (extension, mime, body) = match report {
        Report::Csv => ("csv", "text/csv;charset=utf-8", csv_report(def, a, &now)),
        Report::Html => ("html", "text/html;charset=utf-8", html_report(def, a, &now)),
    };
    let file_name = export_file_name(&a.title, &now, extension);
    match download(&file_name, mime, &body) {
        Ok(()) => Msg::Exported { file_name, json: None },
        Err(problem) => download_failed(problem),
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
