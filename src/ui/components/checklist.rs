//! One assessment of one checklist: owns the reducer, loading, saving and export.

use super::header::Header;
use super::notices::{ResetConfirm, StorageNotice};
use super::section::SectionView;
use super::section_nav::SectionNav;
use crate::core::{Assessment, ChecklistDefinition, Document};
use crate::ui::clock;
use crate::ui::download::download;
use crate::ui::state::{AppState, Msg, StorageHealth};
use crate::ui::storage::{Loaded, Saver, Store};
use gloo_events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChecklistProps {
    pub def: Rc<ChecklistDefinition>,
    pub namespace: String,
    pub id_prefix: AttrValue,
}

/// Opens storage and reads what it holds for this checklist.
fn boot(def: &Rc<ChecklistDefinition>, namespace: &str) -> (Store, AppState) {
    let store = Store::open(namespace);
    let now = clock::now();
    let (assessment, health) = match store.load(def, &now) {
        Loaded::Nothing => (Assessment::new(now), StorageHealth::Saving),
        Loaded::Restored(a) => (a, StorageHealth::Saving),
        Loaded::Unusable(health) => (Assessment::new(now), health),
    };
    (store, AppState::new(def.clone(), assessment, health))
}

#[component]
pub fn Checklist(props: &ChecklistProps) -> Html {
    let booted = use_mut_ref(|| None::<Store>);
    let state = use_reducer({
        let (def, ns, booted) = (props.def.clone(), props.namespace.clone(), booted.clone());
        move || {
            let (store, state) = boot(&def, &ns);
            *booted.borrow_mut() = Some(store);
            state
        }
    });
    let saver = use_memo((), {
        let (def, ns, booted) = (props.def.clone(), props.namespace.clone(), booted.clone());
        let dispatcher = state.dispatcher();
        let writable = state.storage.can_write();
        move |_| {
            let store = booted.borrow_mut().take().unwrap_or_else(|| Store::open(&ns));
            Saver::new(store, def, writable, Callback::from(move |h| dispatcher.dispatch(Msg::Storage(h))))
        }
    });

    // Save every new assessment, except the one just loaded.
    let loaded = use_mut_ref(|| state.assessment.clone());
    use_effect_with(state.assessment.clone(), {
        let saver = saver.clone();
        move |assessment: &Rc<Assessment>| {
            if !Rc::ptr_eq(&loaded.borrow(), assessment) {
                Saver::schedule(&saver, assessment.clone());
            }
        }
    });

    // Flush when the page is hidden or left, and when the widget goes away.
    use_effect_with((), {
        let saver = saver.clone();
        move |_| {
            let listeners = web_sys::window().map(|window| {
                let on_hide = EventListener::new(&window, "pagehide", {
                    let saver = saver.clone();
                    move |_| Saver::flush(&saver)
                });
                let document = window.document();
                let on_hidden = document.map(|doc| {
                    let saver = saver.clone();
                    let d = doc.clone();
                    EventListener::new(&doc, "visibilitychange", move |_| {
                        if d.hidden() {
                            Saver::flush(&saver)
                        }
                    })
                });
                (on_hide, on_hidden)
            });
            move || {
                drop(listeners);
                Saver::flush(&saver);
            }
        }
    });

    let on_export = {
        let (state, saver) = (state.clone(), saver.clone());
        Callback::from(move |_: MouseEvent| {
            Saver::flush(&saver);
            let doc = Document::new(&state.def, &state.assessment, clock::now());
            let name = doc.file_name("json");
            let message = match download(&name, "application/json", &doc.to_json()) {
                Ok(()) => format!("Exported {name}. It holds every answer and a copy of the checklist."),
                Err(problem) => problem,
            };
            state.dispatch(Msg::Announce(message));
        })
    };

    let s = &*state;
    let dispatch = state.dispatcher();
    html! {
        <>
            <Header def={s.def.clone()} assessment={s.assessment.clone()} id_prefix={props.id_prefix.clone()} dispatch={dispatch.clone()} />
            <StorageNotice health={s.storage.clone()} />
            <div class="rc-body">
                <SectionNav def={s.def.clone()} assessment={s.assessment.clone()} current={s.section} dispatch={dispatch.clone()} />
                <SectionView def={s.def.clone()} assessment={s.assessment.clone()} index={s.section} filter={s.filter}
                    id_prefix={props.id_prefix.clone()} dispatch={dispatch.clone()} />
            </div>
            <div class="rc-actions">
                <button type="button" class="rc-button rc-primary" onclick={on_export}>{"Export JSON"}</button>
                <ResetConfirm open={s.confirm_reset} dispatch={dispatch.clone()} />
            </div>
            <div role="status" class="rc-live">{ s.status.as_ref().map(|(_, text)| text.clone()).unwrap_or_default() }</div>
        </>
    }
}
