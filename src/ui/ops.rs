//! The steps that touch more than the state: opening, creating, duplicating, renaming and
//! deleting assessments, import, export and resolving a change made in another tab. Each reads
//! or writes through `storage` and then hands the outcome to the reducer as a message.

use super::clock;
use super::download::download;
use super::state::{AppState, ImportPreview, Msg, Undo};
use super::storage::{Loaded, Saver, SharedSaver, Store};
use crate::core::assessment::unknown_items;
use crate::core::document::{check_assessment, export_file_name};
use crate::core::library::AssessmentId;
use crate::core::report::{csv_report, html_report};
use crate::core::{Action, Assessment, ChecklistDefinition, Document};
use std::rc::Rc;
use yew::{UseReducerDispatcher, UseReducerHandle};

/// The largest file import reads, checked before reading it.
pub const MAX_IMPORT_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

/// Something a person asked for that needs storage or the file system.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Open(AssessmentId),
    New,
    Duplicate(AssessmentId),
    Rename(AssessmentId, String),
    Delete(AssessmentId),
    Undo,
    ImportFile(web_sys::File),
    ImportAsNew,
    ImportReplace,
    ExportJson,
    /// The CSV report, or (false) the HTML report.
    ExportReport {
        csv: bool,
    },
    DownloadRaw(AssessmentId),
    /// Settles a conflict with another tab: keep this tab's version, or take theirs.
    Resolve {
        keep_mine: bool,
    },
}

/// What the steps work with.
pub struct Ctx {
    pub state: UseReducerHandle<AppState>,
    pub store: Rc<Store>,
    pub saver: SharedSaver,
}

/// A new id from the clock and a random number.
pub fn new_id() -> AssessmentId {
    AssessmentId::generate(
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 2f64.powi(40)) as u64,
    )
}

/// A new, empty assessment, titled as the embedding page asked.
pub fn fresh(
    def: &ChecklistDefinition,
    title: Option<&str>,
    now: crate::core::Timestamp,
) -> Assessment {
    let mut a = Assessment::new(now.clone());
    if let Some(title) = title {
        a.apply(def, Action::SetTitle { title: title.to_owned() }, now);
    }
    a
}

fn refresh(ctx: &Ctx) {
    ctx.state.dispatch(Msg::Library(Rc::new(ctx.store.library())));
}

fn say(d: &UseReducerDispatcher<AppState>, text: impl Into<String>) {
    d.dispatch(Msg::Announce(text.into()));
}

fn title_or_untitled(title: &str) -> String {
    if title.trim().is_empty() {
        crate::core::report::UNTITLED.into()
    } else {
        format!("“{title}”")
    }
}

pub fn run(op: Op, ctx: &Ctx) {
    let s = &*ctx.state;
    let d = ctx.state.dispatcher();
    match op {
        Op::Open(id) if id == s.current => d.dispatch(Msg::ShowView(super::state::View::Checklist)),
        Op::Open(id) => {
            Saver::flush(&ctx.saver);
            match ctx.store.load(&id, &s.def, &clock::now()) {
                Loaded::Restored(a) => {
                    ctx.store.set_current(&id);
                    let message = format!("Opened {}.", title_or_untitled(&a.title));
                    d.dispatch(Msg::Open {
                        id,
                        assessment: Rc::new(a),
                        save: false,
                        message: Some(message),
                    });
                }
                Loaded::Nothing => say(&d, "That assessment is no longer stored in this browser."),
                Loaded::Unusable { reason, .. } => say(
                    &d,
                    format!(
                        "That assessment cannot be opened here: {reason}. It is left as it is."
                    ),
                ),
            }
            refresh(ctx);
        }
        Op::New => {
            Saver::flush(&ctx.saver);
            let a = fresh(&s.def, s.default_title.as_deref(), clock::now());
            d.dispatch(Msg::Open {
                id: new_id(),
                assessment: Rc::new(a),
                save: true,
                message: Some("Started a new assessment.".into()),
            });
        }
        Op::Duplicate(id) => {
            Saver::flush(&ctx.saver);
            let source = if id == s.current {
                Some((*s.assessment).clone())
            } else {
                match ctx.store.load(&id, &s.def, &clock::now()) {
                    Loaded::Restored(a) => Some(a),
                    _ => None,
                }
            };
            let Some(mut copy) = source else {
                return say(&d, "That assessment cannot be copied: it cannot be opened here.");
            };
            let now = clock::now();
            let title = format!(
                "Copy of {}",
                if copy.title.trim().is_empty() {
                    "untitled assessment"
                } else {
                    copy.title.as_str()
                }
            );
            copy.apply(
                &s.def,
                Action::SetTitle {
                    title: title.chars().take(crate::core::assessment::MAX_NAME).collect(),
                },
                now.clone(),
            );
            copy.created = now;
            let new = new_id();
            match ctx.store.save(&new, &s.def, &copy) {
                Ok(()) => {
                    ctx.store.set_current(&s.current);
                    say(&d, format!("Made {}.", title_or_untitled(&copy.title)));
                }
                Err(h) => d.dispatch(Msg::Storage(h)),
            }
            refresh(ctx);
        }
        Op::Rename(id, title) => {
            let now = clock::now();
            if id == s.current {
                d.dispatch(Msg::Edit { action: Action::SetTitle { title }, now });
                return;
            }
            if let Loaded::Restored(mut a) = ctx.store.load(&id, &s.def, &now) {
                if a.apply(&s.def, Action::SetTitle { title }, now) {
                    if let Err(h) = ctx.store.save(&id, &s.def, &a) {
                        d.dispatch(Msg::Storage(h));
                    }
                    ctx.store.set_current(&s.current);
                }
            }
            refresh(ctx);
        }
        Op::Delete(id) => {
            // Save what is pending first, so that Undo brings back the latest answers.
            Saver::flush(&ctx.saver);
            let title = ctx.store.library().get(&id).map(|e| e.title.clone()).unwrap_or_default();
            match ctx.store.delete(&id) {
                Some(raw) => {
                    d.dispatch(Msg::SetUndo(Some(Rc::new(Undo::Deleted {
                        id: id.clone(),
                        raw: Rc::new(raw),
                        title: title.clone(),
                    }))));
                    say(
                        &d,
                        format!(
                            "Deleted {}. Use Undo to bring it back.",
                            title_or_untitled(&title)
                        ),
                    );
                }
                None if id == s.current => {}
                None => return say(&d, "That assessment could not be deleted."),
            }
            if id == s.current {
                // Open the most recent other assessment of this checklist, or a new one.
                let lib = ctx.store.library();
                let next = lib
                    .entries
                    .iter()
                    .find(|e| e.checklist_id == s.def.id && e.id != id)
                    .map(|e| e.id.clone());
                match next.and_then(|n| match ctx.store.load(&n, &s.def, &clock::now()) {
                    Loaded::Restored(a) => Some((n, a)),
                    _ => None,
                }) {
                    Some((n, a)) => {
                        ctx.store.set_current(&n);
                        d.dispatch(Msg::Open {
                            id: n,
                            assessment: Rc::new(a),
                            save: false,
                            message: None,
                        });
                    }
                    None => d.dispatch(Msg::Open {
                        id: new_id(),
                        assessment: Rc::new(fresh(
                            &s.def,
                            s.default_title.as_deref(),
                            clock::now(),
                        )),
                        save: false,
                        message: None,
                    }),
                }
                d.dispatch(Msg::ShowView(super::state::View::Assessments));
            }
            refresh(ctx);
        }
        Op::Undo => {
            let Some(undo) = s.undo.clone() else { return };
            match &*undo {
                // The answers the import brought (and any edits since) are kept as a backup first.
                Undo::Replaced { id, previous } if *id == s.current => {
                    Saver::flush(&ctx.saver);
                    let _ = ctx.store.back_up(id, &clock::now());
                    d.dispatch(Msg::Open {
                        id: id.clone(),
                        assessment: previous.clone(),
                        save: true,
                        message: Some(
                            "The import was undone: the previous answers are back.".into(),
                        ),
                    });
                }
                // Another assessment is open now: put the answers back where they were.
                Undo::Replaced { id, previous } => {
                    let _ = ctx.store.back_up(id, &clock::now());
                    match ctx.store.save(id, &s.def, previous) {
                        Ok(()) => {
                            ctx.store.set_current(&s.current);
                            say(
                                &d,
                                format!(
                                    "The import was undone: {} has its previous answers back.",
                                    title_or_untitled(&previous.title)
                                ),
                            );
                        }
                        Err(h) => d.dispatch(Msg::Storage(h)),
                    }
                }
                Undo::Deleted { id, raw, title } => match ctx.store.undelete(id, raw) {
                    Ok(()) => say(&d, format!("{} is back.", title_or_untitled(title))),
                    Err(h) => d.dispatch(Msg::Storage(h)),
                },
            }
            d.dispatch(Msg::SetUndo(None));
            refresh(ctx);
        }
        Op::ImportFile(file) => import_file(file, s.def.clone(), d),
        Op::ImportAsNew | Op::ImportReplace => {
            let Some(preview) = s.import.clone() else { return };
            if preview.blocked.is_some() {
                return;
            }
            let mut a = preview.doc.assessment.clone();
            if matches!(op, Op::ImportAsNew) {
                Saver::flush(&ctx.saver);
                a.created = clock::now();
                let message = format!(
                    "Opened {} from {} as a new assessment.",
                    title_or_untitled(&a.title),
                    preview.file_name
                );
                d.dispatch(Msg::Open {
                    id: new_id(),
                    assessment: Rc::new(a),
                    save: true,
                    message: Some(message),
                });
            } else {
                Saver::flush(&ctx.saver);
                let kept = ctx.store.back_up(&s.current, &clock::now());
                let message = format!(
                    "Replaced the current answers with {}. The previous answers {}; use Undo to bring them back.",
                    preview.file_name,
                    if kept.is_some() { "were also kept as a backup in this browser" } else { "are kept until you leave this page" }
                );
                d.dispatch(Msg::Replace { assessment: Rc::new(a), message });
            }
            refresh(ctx);
        }
        Op::ExportJson => {
            Saver::flush(&ctx.saver);
            let doc = Document::new(&s.def, &s.assessment, clock::now());
            let name = doc.file_name("json");
            let message = match download(&name, "application/json", &doc.to_json()) {
                Ok(()) => {
                    d.dispatch(Msg::Exported(s.assessment.clone()));
                    format!("Exported {name}. It holds every answer and a copy of the checklist.")
                }
                Err(problem) => problem,
            };
            say(&d, message);
        }
        Op::ExportReport { csv } => {
            let now = clock::now();
            let (def, a) = (&s.def, &s.assessment);
            let (name, mime, body) = if csv {
                (
                    export_file_name(&a.title, &now, "csv"),
                    "text/csv;charset=utf-8",
                    csv_report(def, a),
                )
            } else {
                (
                    export_file_name(&a.title, &now, "html"),
                    "text/html;charset=utf-8",
                    html_report(def, a, &now),
                )
            };
            let message = match download(&name, mime, &body) {
                Ok(()) => format!("Exported {name}."),
                Err(problem) => problem,
            };
            say(&d, message);
        }
        Op::DownloadRaw(id) => match ctx.store.raw(&id) {
            Some(raw) => {
                let name = format!("stored-{id}.json");
                let _ = download(&name, "application/json", &raw).map_err(|p| say(&d, p));
            }
            None => say(&d, "Nothing is stored under that assessment any more."),
        },
        Op::Resolve { keep_mine } => {
            let Some(theirs) = s.conflict.clone() else { return };
            let now = clock::now();
            if keep_mine {
                // Theirs is kept as a backup, then this tab's version is saved over it.
                let _ = ctx.store.back_up(&s.current, &now);
                Saver::schedule(&ctx.saver, s.current.clone(), s.assessment.clone());
                Saver::flush(&ctx.saver);
                say(&d, "Kept this tab's version. The other tab's version was kept as a backup in this browser.");
            } else {
                Saver::discard(&ctx.saver);
                let _ = ctx.store.back_up_assessment(&s.current, &now, &s.def, &s.assessment);
                d.dispatch(Msg::Open { id: s.current.clone(), assessment: theirs, save: false, message: Some("Showing the other tab's version. This tab's version was kept as a backup in this browser.".into()) });
            }
            d.dispatch(Msg::Conflict(None));
        }
    }
}

/// Reads a file chosen or dropped for import, and shows what it holds before anything changes.
fn import_file(
    file: web_sys::File,
    def: Rc<ChecklistDefinition>,
    d: UseReducerDispatcher<AppState>,
) {
    let name: String = file.name().chars().take(120).collect();
    if file.size() > MAX_IMPORT_BYTES {
        // Whole megabytes, rounded up, in integers: formatting a float would add kilobytes of code.
        let mib = (file.size() as u64).div_ceil(1024 * 1024);
        d.dispatch(Msg::ImportFailed(format!("{name} is over {} MB, larger than the 4 MB an assessment file can be. Nothing was changed.", mib - 1)));
        return;
    }
    yew::platform::spawn_local(async move {
        let bytes = gloo_file::futures::read_as_bytes(&gloo_file::Blob::from(file)).await;
        let msg = match bytes {
            Err(_) => Msg::ImportFailed(format!("{name} could not be read. Nothing was changed.")),
            Ok(bytes) => read_import(&name, &bytes, &def),
        };
        d.dispatch(msg);
    });
}

/// Turns a file's bytes into a preview, or a message naming the problem.
pub fn read_import(name: &str, bytes: &[u8], def: &ChecklistDefinition) -> Msg {
    let fail = |problem: String| {
        let stop = if problem.ends_with(['.', '?', '!']) { "" } else { "." };
        Msg::ImportFailed(format!(
            "{name} cannot be imported. {problem}{stop} Nothing was changed."
        ))
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return fail(
            "It is not UTF-8 text, so it is not an assessment file exported from this checklist."
                .into(),
        );
    };
    match Document::from_json(text) {
        Err(e) => fail(e.to_string()),
        Ok(doc) => {
            let unknown = unknown_items(def, &doc.assessment).len();
            let blocked = check_against(&doc, def);
            Msg::ImportRead(Rc::new(ImportPreview {
                file_name: name.to_owned(),
                doc,
                unknown,
                blocked,
            }))
        }
    }
}

/// Why an import cannot be opened with the checklist on this page: it must be the same
/// checklist, and every rating must be on this page's scale.
fn check_against(doc: &Document, def: &ChecklistDefinition) -> Option<String> {
    if doc.checklist.id != def.id {
        return Some(format!(
            "It answers a different checklist (“{}”), so it cannot be opened with this one.",
            doc.definition.title.chars().take(80).collect::<String>()
        ));
    }
    check_assessment(def, &doc.assessment).err().map(|e| format!("{e}."))
}
