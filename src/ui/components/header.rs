//! The top of the widget: the checklist's title, what is assessed, by whom, the scope, the
//! decision once recorded, and overall progress.

use super::field::{button, field, shown_field, Kind};
use crate::app::words;
use crate::core::decision::ReviewState;
use crate::core::definition::ScopeAnswers;
use crate::core::words::progress_text;
use crate::core::{Action, Progress, SignOff};
use crate::ui::clock;
use crate::ui::context::use_shell_of;
use crate::ui::ops::Op;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub title: String,
    pub assessor: String,
    /// The sign-off, once a decision is recorded: the title and assessor are then read-only.
    pub decision: Option<SignOff>,
    pub progress: Progress,
    /// The answers to the scope questions.
    pub scope: ScopeAnswers,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let Some(shell) = use_shell_of("Header") else { return html! {} };
    let def = &shell.def;
    let (progress, percent) = (props.progress, props.progress.percent());
    html! {
        <header class="rc-header">
            <@{shell.heading(0)} class="rc-heading">{ &def.title }</@>
            if let Some(so) = &props.decision {
                <p class="rc-locked" id={shell.id("locked")}>{ words::signed_banner(so) }</p>
            }
            <div class="rc-meta">
                if props.decision.is_some() {
                    { shown_field("rc-field", "Project or tool assessed", &props.title) }
                    { shown_field("rc-field", "Assessor", &props.assessor) }
                } else {
                    { field("rc-field", shell.id("title"), "Project or tool assessed", Kind::Line(Some("off")),
                        props.title.clone(), shell.edit(|title| Some(Action::SetTitle { title }))) }
                    { field("rc-field", shell.id("assessor"), "Assessor", Kind::Line(Some("name")),
                        props.assessor.clone(), shell.edit(|assessor| Some(Action::SetAssessor { assessor }))) }
                }
            </div>
            { scope_line(def, &props.scope) }
            if let Some(so) = &props.decision {
                <p class={if so.needs_review { "rc-signoff-line rc-stale" } else { "rc-signoff-line" }}>
                    { words::decision_sentence(so) }
                    if so.needs_review { <strong>{" Needs review: answers or checklist changed since."}</strong> }
                </p>
                if let Some(due) = ReviewState::of_decision(Some(so), &clock::today()).sentence() {
                    <div class="rc-review-due rc-panel rc-warning">
                        <p><strong>{ due }</strong></p>
                        { button("Start a review", shell.on_click(|| Op::StartReview)) }
                    </div>
                }
            }
            <div class="rc-progress">
                <progress class="rc-progressbar" max="100" value={percent.to_string()} aria-label="Overall progress"
                    aria-valuenow={percent.to_string()} aria-valuemin="0" aria-valuemax="100"
                    aria-valuetext={words::progress_value(progress.assessed, progress.total, percent)} />
                <span class="rc-progress-text">{ progress_text(progress.assessed, progress.total, percent) }</span>
            </div>
        </header>
    }
}

/// How much of the checklist applies, and each scope answer, one disclosure away.
fn scope_line(def: &crate::core::ChecklistDefinition, scope: &ScopeAnswers) -> Html {
    if def.questions.is_empty() {
        return html! {};
    }
    let applying = def.items_in_scope(scope).count();
    let open = def.questions.iter().filter(|q| !scope.contains_key(&q.id)).count();
    html! {
        <details class="rc-scope-line">
            <summary>{ words::scope_line(applying, def.item_count(), open) }</summary>
            <ul>
                { for def.questions.iter().map(|q| {
                    let answer = match scope.get(&q.id) { Some(true) => "Yes", Some(false) => "No", None => "Not answered" };
                    html! { <li>{ words::question_and_answer(&q.question, answer) }</li> }
                }) }
            </ul>
        </details>
    }
}
