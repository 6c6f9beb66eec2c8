//! One widget's assessments of one checklist: owns the reducer, storage, saving and the views.

use super::header::Header;
use super::import::{DropZone, ImportPanel};
use super::library_view::LibraryView;
use super::notices::{ConflictNotice, ResetConfirm, StorageNotice, UndoNotice, UnopenedNotice};
use super::section::{RetiredAnswers, SectionView};
use super::section_nav::SectionNav;
use super::HeadingBase;
use crate::core::ChecklistDefinition;
use crate::ui::clock;
use crate::ui::ops::{self, Ctx, Op};
use crate::ui::state::{AppState, Msg, Origin, StorageHealth, Unopened, View};
use crate::ui::storage::{Loaded, Saver, SharedSaver, Store};
use gloo_events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChecklistProps {
    pub def: Rc<ChecklistDefinition>,
    pub namespace: String,
    pub id_prefix: AttrValue,
    /// The title a new assessment starts with (`data-title`).
    #[prop_or_default]
    pub default_title: Option<String>,
    /// The level of the widget's top heading (`data-heading-level`).
    #[prop_or(1)]
    pub heading_level: u8,
}

/// Opens storage and the assessment to resume: the one open last, or the newest of this
/// checklist, or a new one. One that cannot be opened is left untouched and reported.
fn boot(def: &Rc<ChecklistDefinition>, store: &Store, default_title: Option<String>) -> AppState {
    let now = clock::now();
    let library = store.library();
    let mut unopened = None;
    let mut opened = None;
    if let Some(entry) = library.resume(&def.id) {
        match store.load(&entry.id, def, &now) {
            Loaded::Restored(a) => opened = Some((entry.id.clone(), a)),
            Loaded::Nothing => {}
            Loaded::Unusable { reason, backup_key, newer } => {
                unopened =
                    Some(Rc::new(Unopened { id: entry.id.clone(), reason, backup_key, newer }))
            }
        }
    }
    let (id, assessment) =
        opened.unwrap_or_else(|| (ops::new_id(), ops::fresh(def, default_title.as_deref(), now)));
    let mut state = AppState::new(def.clone(), id, assessment, library);
    state.default_title = default_title;
    state.unopened = unopened;
    if !store.is_available() {
        state.storage = StorageHealth::Unavailable;
    } else if let Some(version) = store.newer_index() {
        state.storage = StorageHealth::ReadOnly { version };
    }
    state
}

#[component]
pub fn Checklist(props: &ChecklistProps) -> Html {
    let store = use_memo(props.namespace.clone(), |ns| Store::open(ns));
    let state = use_reducer({
        let (def, store, title) = (props.def.clone(), store.clone(), props.default_title.clone());
        move || boot(&def, &store, title)
    });
    let saver: SharedSaver = (*use_memo((), {
        let (def, store) = (props.def.clone(), store.clone());
        let dispatcher = state.dispatcher();
        move |_| {
            Saver::new(store, def, Callback::from(move |h| dispatcher.dispatch(Msg::Storage(h))))
        }
    }))
    .clone();
    // The newest state, for listeners that outlive a render.
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();

    // Save every assessment changed here.
    // While another tab's version waits for the person's choice, nothing is saved over it.
    use_effect_with(
        (state.current.clone(), state.assessment.clone(), state.origin, state.conflict.is_some()),
        {
            let saver = saver.clone();
            move |(id, assessment, origin, conflict)| {
                if *origin == Origin::Local && !*conflict {
                    Saver::schedule(&saver, id.clone(), assessment.clone());
                }
            }
        },
    );

    // Flush when the page is hidden or left; warn before leaving unsaved work; follow changes
    // made in other tabs.
    use_effect_with((), {
        let (saver, store, latest) = (saver.clone(), store.clone(), latest.clone());
        move |_| {
            let listeners = web_sys::window().map(|window| {
                let on_hide = EventListener::new(&window, "pagehide", {
                    let saver = saver.clone();
                    move |_| Saver::flush(&saver)
                });
                let on_hidden = window.document().map(|doc| {
                    let (saver, d) = (saver.clone(), doc.clone());
                    EventListener::new(&doc, "visibilitychange", move |_| {
                        if d.hidden() {
                            Saver::flush(&saver)
                        }
                    })
                });
                let on_leave = EventListener::new(&window, "beforeunload", {
                    let (saver, latest) = (saver.clone(), latest.clone());
                    move |e| {
                        Saver::flush(&saver);
                        let s = latest.borrow();
                        let exported = s.exported.as_ref().is_some_and(|e| Rc::ptr_eq(e, &s.assessment));
                        let unsaved = s.storage != StorageHealth::Saving && s.origin == Origin::Local && !exported;
                        if unsaved {
                            e.prevent_default();
                            if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                                e.set_return_value("Your answers are not saved in this browser. Export JSON before you leave.");
                            }
                        }
                    }
                });
                let on_storage = EventListener::new(&window, "storage", {
                    let (saver, store, latest) = (saver.clone(), store.clone(), latest.clone());
                    move |e| {
                        let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else { return };
                        let state = latest.borrow().clone();
                        // Another app on this origin cleared all storage: write this
                        // assessment back at once, so it does not live only in this page (a
                        // blank one that was never saved has nothing to lose).
                        if e.key().is_none() {
                            if !state.is_unsaved_blank(&state.library) {
                                Saver::schedule(&saver, state.current.clone(), state.assessment.clone());
                                Saver::flush(&saver);
                            }
                            state.dispatch(Msg::Library(Rc::new(store.library())));
                            return;
                        }
                        if e.key().is_some_and(|k| k == store.index_key()) {
                            if let Some(version) = store.newer_index() {
                                state.dispatch(Msg::Storage(StorageHealth::ReadOnly { version }));
                            }
                            let lib = store.library();
                            // Two fresh tabs end with one assessment: a tab with nothing of its
                            // own yet takes up the one another tab has just started.
                            if let Some(id) = state.to_take_up(&lib) {
                                if let Loaded::Restored(a) = store.load(&id, &state.def, &clock::now()) {
                                    state.dispatch(Msg::TakeUp { id, assessment: Rc::new(a) });
                                }
                            }
                            state.dispatch(Msg::Library(Rc::new(lib)));
                            return;
                        }
                        let Some(change) = store.external_change(&state.current, e.key(), e.new_value()) else { return };
                        let Some(theirs) = change.map(|s| Rc::new(s.assessment)) else { return };
                        if *theirs == *state.assessment {
                            return;
                        }
                        if Saver::has_pending(&saver) || state.conflict.is_some() {
                            // This tab's change stays on screen, unsaved, until the person chooses;
                            // a backup keeps it too, should the page go another way before then.
                            Saver::discard(&saver);
                            let _ = store.back_up_assessment(&state.current, &clock::now(), &state.def, &state.assessment);
                            state.dispatch(Msg::Conflict(Some(theirs)));
                        } else {
                            state.dispatch(Msg::External(theirs));
                        }
                    }
                });
                (on_hide, on_hidden, on_leave, on_storage)
            });
            move || {
                drop(listeners);
                Saver::flush(&saver);
            }
        }
    });

    let run = {
        let (state, store, saver) = (state.clone(), store.clone(), saver.clone());
        Callback::from(move |op: Op| {
            ops::run(op, &Ctx { state: state.clone(), store: store.clone(), saver: saver.clone() })
        })
    };

    // Keyboard users can pass the section list and land on the section's heading.
    let skip_to_items = {
        let heading_id = format!("{}-section-heading", props.id_prefix);
        Callback::from(move |_: MouseEvent| {
            let heading = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&heading_id));
            if let Some(h) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = h.focus();
            }
        })
    };
    let s = &*state;
    let dispatch = state.dispatcher();
    let view_button = |view: View, label: &'static str| {
        let (dispatch, store) = (dispatch.clone(), store.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            if view == View::Assessments {
                // The list is read afresh: saves, and other tabs, change it.
                dispatch.dispatch(Msg::Library(Rc::new(store.library())));
            }
            dispatch.dispatch(Msg::ShowView(view))
        });
        let current = s.view == view;
        html! {
            <li><button type="button" class={if current { "rc-tab rc-current" } else { "rc-tab" }}
                aria-current={current.then_some("page")} {onclick}>{ label }</button></li>
        }
    };
    html! {
        <ContextProvider<HeadingBase> context={HeadingBase(props.heading_level)}>
        <DropZone run={run.clone()}>
            <Header def={s.def.clone()} assessment={s.assessment.clone()} id_prefix={props.id_prefix.clone()} dispatch={dispatch.clone()} />
            <StorageNotice health={s.storage.clone()} />
            if let Some(u) = &s.unopened {
                <UnopenedNotice unopened={u.clone()} run={run.clone()} />
            }
            if let Some(theirs) = &s.conflict {
                <ConflictNotice theirs={theirs.clone()} run={run.clone()} />
            }
            <nav class="rc-views" aria-label="Views">
                <ul>
                    { view_button(View::Checklist, "Checklist") }
                    { view_button(View::Summary, "Summary") }
                    { view_button(View::Assessments, "Assessments") }
                </ul>
            </nav>
            { match s.view {
                View::Checklist => html! {
                    <div class="rc-body">
                        <button type="button" class="rc-skip" onclick={skip_to_items}>{"Skip to the items"}</button>
                        <SectionNav def={s.def.clone()} assessment={s.assessment.clone()} current={s.section} dispatch={dispatch.clone()} />
                        <div class="rc-main">
                            <SectionView def={s.def.clone()} assessment={s.assessment.clone()} index={s.section} filter={s.filter}
                                id_prefix={props.id_prefix.clone()} dispatch={dispatch.clone()} />
                            <RetiredAnswers def={s.def.clone()} assessment={s.assessment.clone()} />
                        </div>
                    </div>
                },
                View::Summary => html! { <super::summary::SummaryView def={s.def.clone()} assessment={s.assessment.clone()} id_prefix={props.id_prefix.clone()} dispatch={dispatch.clone()} /> },
                View::Assessments => html! {
                    <LibraryView library={s.library.clone()} current={s.current.clone()} checklist_id={s.def.id.clone()} run={run.clone()} id_prefix={props.id_prefix.clone()} />
                },
            } }
            <div class="rc-actions">
                <button type="button" class="rc-button rc-primary" onclick={run.reform(|_: MouseEvent| Op::ExportJson)}>{"Export JSON"}</button>
                <super::summary::ReportButtons run={run.clone()} dispatch={dispatch.clone()} />
                <ResetConfirm open={s.confirm_reset} dispatch={dispatch.clone()} />
            </div>
            <ImportPanel preview={s.import.clone()} error={s.import_error.clone()} run={run.clone()} dispatch={dispatch.clone()} id_prefix={props.id_prefix.clone()} />
            if let Some(undo) = &s.undo {
                <UndoNotice undo={undo.clone()} run={run.clone()} />
            }
            <div role="status" class="rc-live">
                // Keyed by the message's counter, so the same text said again is a new node
                // that screen readers announce again.
                if let Some((n, text)) = &s.status { <span key={n.to_string()}>{ text.clone() }</span> }
            </div>
        </DropZone>
        </ContextProvider<HeadingBase>>
    }
}
