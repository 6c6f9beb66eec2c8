//! The section on screen: its introduction, the filter, its items and the way to the next one.

use super::item::ItemView;
use crate::core::{Assessment, ChecklistDefinition, Progress};
use crate::ui::state::{AppState, Filter, Msg};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub def: Rc<ChecklistDefinition>,
    pub assessment: Rc<Assessment>,
    pub index: usize,
    pub filter: Filter,
    pub id_prefix: AttrValue,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[component]
pub fn SectionView(props: &SectionProps) -> Html {
    let heading = use_node_ref();
    let h2 = super::use_heading(1);
    let Some(section) = props.def.sections.get(props.index) else { return html! {} };
    let count = props.def.sections.len();
    let go = |i: usize| {
        let (dispatch, heading) = (props.dispatch.clone(), heading.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Msg::ShowSection(i));
            // Move focus to the new section's heading, as a page change would.
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        })
    };
    let shown: Vec<_> = section
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| props.filter.shows(&props.def, props.assessment.answer(&item.id)))
        .collect();
    let progress = Progress::of_section(section, &props.assessment);
    html! {
        <section class="rc-section" aria-labelledby={format!("{}-section-heading", props.id_prefix)}>
            <@{h2} class="rc-section-heading" id={format!("{}-section-heading", props.id_prefix)} tabindex="-1" ref={heading.clone()}>
                { &section.title }
            </@>
            <p class="rc-section-meta">{ format!("Section {} of {count} · {} of {} assessed", props.index + 1, progress.assessed, progress.total) }</p>
            if !section.intro.is_empty() {
                <p class="rc-intro">{ &section.intro }</p>
            }
            <FilterChoice filter={props.filter} id_prefix={props.id_prefix.clone()} dispatch={props.dispatch.clone()} />
            if shown.is_empty() {
                <p class="rc-empty">{ match props.filter {
                    Filter::NotAssessed => "Every item in this section has been assessed.",
                    Filter::HighRisk => "No open high risks in this section.",
                    Filter::All => "This section has no items.",
                } }</p>
            }
            <div class="rc-items">
                { for shown.into_iter().map(|(i, item)| html! {
                    <ItemView key={item.id.as_str().to_owned()} def={props.def.clone()} section={props.index} index={i}
                        answer={props.assessment.answer(&item.id).clone()} id_prefix={props.id_prefix.clone()}
                        dispatch={props.dispatch.clone()} />
                }) }
            </div>
            <div class="rc-pager">
                if props.index > 0 {
                    <button type="button" class="rc-button" onclick={go(props.index - 1)}>
                        { format!("Previous: {}", props.def.sections[props.index - 1].title) }
                    </button>
                }
                if props.index + 1 < count {
                    <button type="button" class="rc-button" onclick={go(props.index + 1)}>
                        { format!("Next: {}", props.def.sections[props.index + 1].title) }
                    </button>
                }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FilterProps {
    filter: Filter,
    id_prefix: AttrValue,
    dispatch: UseReducerDispatcher<AppState>,
}

#[component]
fn FilterChoice(props: &FilterProps) -> Html {
    html! {
        <fieldset class="rc-filter">
            <legend>{"Show"}</legend>
            { for Filter::ALL.iter().map(|&f| {
                let dispatch = props.dispatch.clone();
                let onchange = Callback::from(move |_: Event| dispatch.dispatch(Msg::SetFilter(f)));
                let id = format!("{}-filter-{}", props.id_prefix, f.key());
                html! {
                    <span class="rc-choice">
                        <input type="radio" id={id.clone()} name={format!("{}-filter", props.id_prefix)} value={f.key()}
                            checked={props.filter == f} {onchange} />
                        <label for={id}>{ f.label() }</label>
                    </span>
                }
            }) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct RetiredProps {
    pub def: Rc<ChecklistDefinition>,
    pub assessment: Rc<Assessment>,
}

/// Answers to items the checklist no longer has (a newer checklist version, or an import):
/// kept, shown, and exported, never dropped.
#[component]
pub fn RetiredAnswers(props: &RetiredProps) -> Html {
    let h2 = super::use_heading(1);
    let retired = crate::core::assessment::unknown_items(&props.def, &props.assessment);
    if retired.is_empty() {
        return html! {};
    }
    html! {
        <section class="rc-panel rc-retired" aria-label="Retired items">
            <@{h2}>{"Retired items"}</@>
            <p>{"These answers belong to items this checklist no longer has. They are kept, and included in every export."}</p>
            <ul>
                { for retired.iter().map(|id| {
                    let a = props.assessment.answer(id);
                    html! { <li><code><bdi>{ id.as_str() }</bdi></code>{ format!(": {}", a.status.label()) }
                        if !a.notes.is_empty() { {" – "}<bdi class="rc-pre">{ &a.notes }</bdi> }</li> }
                }) }
            </ul>
        </section>
    }
}
