//! One widget's assessments of one checklist: owns the state, storage, saving, the operations
//! and the views, and hands what never changes to the components below as one context.

use super::actions::Actions;
use super::changes::ChangesNotice;
use super::compare::CompareView;
use super::header::Header;
use super::import::{use_drop_zone, ImportPanel};
use super::library_view::LibraryView;
use super::merge::MergeView;
use super::notices::{ConflictNotice, NotificationBanner, StorageNotice, UnopenedNotice};
use super::scope::{RatingScale, ScopeQuestions};
use super::section::{RetiredAnswers, SectionView};
use super::section_nav::SectionNav;
use super::summary::SummaryView;
use crate::app::boot::boot;
use crate::app::{AppState, Msg, Origin, View};
use crate::core::assessment::unknown_items;
use crate::core::scoring::SectionSummary;
use crate::core::words::MADE_WITH;
use crate::core::{Answer, ChecklistDefinition, Progress};
use crate::ui::clock;
use crate::ui::context::{rendered, Shell};
use crate::ui::focus::{use_focus, use_print, view_tab};
use crate::ui::ops::{Op, Ops};
use crate::ui::storage::{LocalStorage, Saver, SharedSaver, Store};
use crate::ui::tables::use_stacked_tables;
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

#[component]
pub fn Checklist(props: &ChecklistProps) -> Html {
    rendered("Checklist");
    // A widget's namespace and checklist are fixed for its life: what is built from them is
    // built once.
    let store = use_memo((), |_| Rc::new(Store::open(LocalStorage::new(), &props.namespace)));
    // What opens at start-up: the assessment to resume, or a new one.
    let state = use_reducer({
        let (def, store, title) = (props.def.clone(), store.clone(), props.default_title.clone());
        move || boot(&def, &store, title, clock::now(), clock::new_id)
    });
    let saver: SharedSaver = (*use_memo((), {
        let (def, store) = (props.def.clone(), (*store).clone());
        let dispatch = state.dispatcher();
        move |_| Saver::new(store, def, Callback::from(move |r| dispatch.dispatch(Msg::Saved(r))))
    }))
    .clone();
    // The handle of the latest render, for operations and listeners that outlive a render.
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    let ops = use_memo((), {
        let (store, saver, latest) = ((*store).clone(), saver.clone(), latest.clone());
        move |_| Rc::new(Ops::new(store, saver, latest))
    });
    let shell = use_memo((), {
        let ops = (*ops).clone();
        let dispatch = state.dispatcher();
        move |_| Shell {
            def: props.def.clone(),
            dispatch,
            run: Callback::from(move |op| ops.run(op)),
            id_prefix: props.id_prefix.clone(),
            heading_level: props.heading_level,
        }
    });

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

    // Save when the page is hidden or left; warn before leaving unsaved work; follow changes
    // made in other tabs.
    use_effect_with((), {
        let ops = (*ops).clone();
        move |_| {
            let listeners = web_sys::window().map(|window| listen(&window, &ops));
            move || {
                drop(listeners);
                ops.flush();
            }
        }
    });

    let drop_zone = use_drop_zone(&shell.run);
    let s = &*state;
    // Every move of the focus the reducer decides, and printing once the record is rendered.
    use_focus(s, &shell);
    use_print(s.printing, &shell);
    // Below about 40rem every table reads as stacked rows, each cell labelled by its column.
    let root = shell.id("root");
    use_stacked_tables(root.clone());
    let a = &s.assessment;
    html! {
        <ContextProvider<Shell> context={(*shell).clone()}>
        <div id={root} class={drop_zone.class} ondragover={drop_zone.ondragover} ondragleave={drop_zone.ondragleave} ondrop={drop_zone.ondrop}>
            { skip_to_items(&shell, s.section) }
            <Header title={a.title.clone()} assessor={a.assessor.clone()}
                decision={a.signoff.clone().filter(|so| so.is_decided())}
                progress={Progress::overall(&s.def, a)} scope={a.scope.clone()} />
            { introduction(&s.def.description) }
            { notices(s) }
            { views_nav(&shell, s) }
            // An operation's outcome, at the top of the view it leaves on screen.
            if let Some(says) = &s.banner {
                <NotificationBanner says={says.clone()} undo={s.undo.is_some() && says.offers_undo()} />
            }
            { current_view(&shell, s) }
            // What is printed from any view: the Summary and every answer, off screen.
            if s.prints_apart() {
                <div class="rc-print-record"><SummaryView assessment={a.clone()} recording={s.recording.clone()} /></div>
            }
            <Actions confirm_reset={s.confirm_reset} signed={a.is_signed()} />
            <ImportPanel preview={s.import.clone()} signed={a.is_signed()} />
            <div role="status" class="rc-live">
                // Keyed by the message's counter, so the same text said again is a new node
                // that screen readers announce again.
                if let Some((n, text)) = &s.status { <span key={n.to_string()}>{ text.to_string() }</span> }
            </div>
            <p class="rc-about">{ MADE_WITH }</p>
        </div>
        </ContextProvider<Shell>>
    }
}

/// The notices about storage, another tab and the checklist's changes, above the views.
fn notices(s: &AppState) -> Html {
    html! {
        <>
            <StorageNotice problem={s.storage.clone()} />
            if let Some(u) = &s.unopened {
                <UnopenedNotice of={u.clone()} />
            }
            if s.conflict.is_some() {
                <ConflictNotice />
            }
            if let Some(changes) = &s.changes {
                <ChangesNotice of={changes.clone()} />
            }
        </>
    }
}

/// What takes the view's place: a merge preview, a comparison, or the view chosen.
fn current_view(shell: &Shell, s: &AppState) -> Html {
    let a = &s.assessment;
    match (&s.merge, &s.compare, s.view) {
        (Some(m), _, _) => html! { <MergeView of={m.clone()} /> },
        (None, Some(c), _) => html! { <CompareView of={c.clone()} /> },
        (None, None, View::Checklist) => checklist_view(shell, s),
        (None, None, View::Summary) => {
            html! { <SummaryView assessment={a.clone()} recording={s.recording.clone()} /> }
        }
        (None, None, View::Assessments) => {
            html! { <LibraryView library={s.library.clone()} current={s.current.clone()} renaming={s.renaming.clone()} /> }
        }
    }
}

/// The tabs of the three views; the current one is marked, unless a comparison or a merge has
/// taken the place of every view.
fn views_nav(shell: &Shell, s: &AppState) -> Html {
    let view_button = |view: View, label: &'static str| {
        let onclick = if view == View::Assessments {
            shell.on_click(|| Op::ShowAssessments)
        } else {
            shell.on_click_send(move || Msg::ShowView(view))
        };
        // A comparison or a merge on screen takes the place of every view.
        let current = s.view == view && s.compare.is_none() && s.merge.is_none();
        html! {
            <li><button type="button" id={view_tab(shell, view)} class={if current { "rc-tab rc-current" } else { "rc-tab" }}
                aria-current={current.then_some("page")} {onclick}>{ label }</button></li>
        }
    };
    html! {
        <nav class="rc-views" aria-label="Views">
            <ul>
                { view_button(View::Checklist, "Checklist") }
                { view_button(View::Summary, "Summary") }
                { view_button(View::Assessments, "Assessments") }
            </ul>
        </nav>
    }
}

/// The Checklist view: the section list, the section on screen and any retired answers. Each
/// gets only what it shows, so typing in one item re-renders that item and its section only.
fn checklist_view(shell: &Shell, s: &AppState) -> Html {
    let (def, a) = (&s.def, &s.assessment);
    let sections: Vec<SectionSummary> =
        def.sections.iter().map(|sec| SectionSummary::of(def, sec, a)).collect();
    let answers: Vec<Answer> = def
        .sections
        .get(s.section)
        .map(|sec| sec.items.iter().map(|i| a.answer(&i.id).clone()).collect())
        .unwrap_or_default();
    let retired: Vec<_> =
        unknown_items(def, a).into_iter().map(|id| (a.answer(&id).clone(), id)).collect();
    html! {
        <>
            <ScopeQuestions scope={a.scope.clone()} folded={s.scope_folded()} locked={a.is_signed()} />
            <RatingScale />
            <div class="rc-body">
                <SectionNav {sections} current={s.section} />
                <div class="rc-main">
                    // After a link from a Summary list, the way back to that row.
                    if s.summary_row.is_some() {
                        <p class="rc-back"><button type="button" class="rc-link" id={shell.id("back-to-summary")}
                            onclick={shell.on_click_send(|| Msg::BackToSummary)}>{"Back to summary"}</button></p>
                    }
                    <SectionView index={s.section} filter={s.filter} kept={s.kept_in_view.clone()} {answers} scope={a.scope.clone()} signed={a.is_signed()} />
                    <RetiredAnswers {retired} />
                </div>
            </div>
        </>
    }
}

/// "Skip to the items", the first stop of the Tab order: keyboard users pass everything above
/// the items and land on the heading of the section on screen.
fn skip_to_items(shell: &Shell, section: usize) -> Html {
    let onclick = shell.on_click_send(move || Msg::GoTo { section, item: None });
    html! { <button type="button" class="rc-skip" {onclick}>{"Skip to the items"}</button> }
}

/// How to use the checklist, in three steps; the checklist's own description one click away.
fn introduction(description: &str) -> Html {
    html! {
        <div class="rc-intro-steps">
            <ol class="rc-steps">
                <li>{"Answer the scope questions: parts that do not apply leave the checklist."}</li>
                <li>{"Say how far each item is achieved; rate and plan any that are not."}</li>
                <li>{"Check the Summary; the risk owner then records the decision."}</li>
            </ol>
            if !description.is_empty() {
                <details class="rc-about-checklist">
                    <summary>{"About this checklist"}</summary>
                    <p class="rc-description">{ description.to_owned() }</p>
                </details>
            }
        </div>
    }
}

/// The page's listeners for one widget; dropping them removes them.
fn listen(
    window: &web_sys::Window,
    ops: &Rc<Ops>,
) -> (EventListener, Option<EventListener>, EventListener, EventListener) {
    let on_hide = EventListener::new(window, "pagehide", {
        let ops = ops.clone();
        move |_| ops.flush()
    });
    let on_hidden = window.document().map(|doc| {
        let (ops, d) = (ops.clone(), doc.clone());
        EventListener::new(&doc, "visibilitychange", move |_| {
            if d.hidden() {
                ops.flush()
            }
        })
    });
    let on_leave = EventListener::new(window, "beforeunload", {
        let ops = ops.clone();
        move |e| {
            if ops.leaving_loses_changes() {
                e.prevent_default();
                if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                    e.set_return_value(
                        "Your answers are not saved in this browser. Export JSON before you leave.",
                    );
                }
            }
        }
    });
    let on_storage = EventListener::new(window, "storage", {
        let ops = ops.clone();
        move |e| {
            if let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() {
                ops.storage_event(e.key(), e.new_value());
            }
        }
    });
    (on_hide, on_hidden, on_leave, on_storage)
}
