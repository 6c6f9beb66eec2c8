//! The top of the widget: the checklist's title, what is assessed, by whom, and overall progress.

use super::event_value;
use crate::core::assessment::MAX_NAME;
use crate::core::{Action, Assessment, ChecklistDefinition, Progress};
use crate::ui::clock;
use crate::ui::state::{AppState, Msg};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub def: Rc<ChecklistDefinition>,
    pub assessment: Rc<Assessment>,
    pub id_prefix: AttrValue,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let h1 = super::use_heading(0);
    let progress = Progress::overall(&props.def, &props.assessment);
    let percent = progress.percent();
    let edit = |make: fn(String) -> Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(value) = event_value(&e) {
                dispatch.dispatch(Msg::Edit { action: make(value), now: clock::now() });
            }
        })
    };
    let title_id = format!("{}-title", props.id_prefix);
    let assessor_id = format!("{}-assessor", props.id_prefix);
    html! {
        <header class="rc-header">
            <@{h1} class="rc-heading">{ &props.def.title }</@>
            if !props.def.description.is_empty() {
                <p class="rc-description">{ &props.def.description }</p>
            }
            <div class="rc-meta">
                <div class="rc-field">
                    <label for={title_id.clone()}>{"Project or tool assessed"}</label>
                    <input id={title_id} type="text" autocomplete="off" maxlength={MAX_NAME.to_string()}
                        value={props.assessment.title.clone()} oninput={edit(|title| Action::SetTitle { title })} />
                </div>
                <div class="rc-field">
                    <label for={assessor_id.clone()}>{"Assessor"}</label>
                    <input id={assessor_id} type="text" autocomplete="name" maxlength={MAX_NAME.to_string()}
                        value={props.assessment.assessor.clone()} oninput={edit(|assessor| Action::SetAssessor { assessor })} />
                </div>
            </div>
            if let Some(so) = props.assessment.signoff.as_ref().filter(|s| s.is_decided()) {
                <p class={if so.needs_review { "rc-signoff-line rc-stale" } else { "rc-signoff-line" }}>
                    { format!("Decision: {}{}{}.", so.decision.map(|d| d.label()).unwrap_or_default(),
                        so.decided.as_deref().map(|d| format!(" on {d}")).unwrap_or_default(),
                        if so.owner.is_empty() { String::new() } else { format!(" by {}", so.owner) }) }
                    if so.needs_review { <strong>{" Needs review: answers changed since."}</strong> }
                </p>
            }
            <div class="rc-progress">
                <progress class="rc-progressbar" max="100" value={percent.to_string()} aria-label="Overall progress"
                    aria-valuenow={percent.to_string()} aria-valuemin="0" aria-valuemax="100"
                    aria-valuetext={format!("{percent}%: {} of {} items assessed", progress.assessed, progress.total)} />
                <span class="rc-progress-text">{ format!("{} of {} items assessed ({percent}%)", progress.assessed, progress.total) }</span>
            </div>
        </header>
    }
}
