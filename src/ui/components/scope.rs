//! The scope questions, asked before the checklist, and the rating scale in words.

use crate::app::{words, Msg};
use crate::core::definition::ScopeAnswers;
use crate::core::words::level_text;
use crate::core::Action;
use crate::ui::context::{use_shell_of, Shell};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScopeProps {
    /// The answers so far; the questions re-render only when one changes.
    pub scope: ScopeAnswers,
    /// A decision is recorded: the answers are shown, and cannot be changed.
    #[prop_or_default]
    pub locked: bool,
    /// Every question is answered and not opened again: one line of the answers and
    /// "Change scope" stand in for the questions.
    #[prop_or_default]
    pub folded: bool,
}

/// Each scope question as a group of two radios, "Yes" and "No". An unanswered question sets
/// nothing aside; changing an answer never deletes an answer given to an item.
#[component]
pub fn ScopeQuestions(props: &ScopeProps) -> Html {
    let Some(shell) = use_shell_of("ScopeQuestions") else { return html! {} };
    let def = &shell.def;
    if def.questions.is_empty() {
        return html! {};
    }
    let heading = shell.id("scope-heading");
    if props.folded {
        return folded_scope(&shell, &props.scope, heading, props.locked);
    }
    html! {
        <section class="rc-panel rc-scope" aria-labelledby={heading.clone()}>
            <@{shell.heading(1)} id={heading}>{"Scope"}</@>
            <p class="rc-hint">{"Answer these first. A part that does not apply to what you are adopting leaves the checklist; until a question is answered, everything that depends on it is shown. Changing an answer deletes nothing: answers to items set aside come back with them."}</p>
            { for def.questions.iter().map(|q| {
                let answer = props.scope.get(&q.id).copied();
                let help = (!q.help.is_empty()).then(|| shell.id(&format!("scope-{}-help", q.id)));
                let choice = |value: bool, label: &'static str| {
                    let rid = shell.id(&format!("scope-{}-{}", q.id, if value { "yes" } else { "no" }));
                    let question = q.id.clone();
                    let onchange = shell.edit::<Event>(move |_| {
                        Some(Action::SetScope { question: question.clone(), answer: Some(value) })
                    });
                    html! {
                        <span class="rc-choice">
                            <input type="radio" id={rid.clone()} name={shell.id(&format!("scope-{}", q.id))}
                                checked={answer == Some(value)} disabled={props.locked} {onchange} />
                            <label for={rid}>{ label }</label>
                        </span>
                    }
                };
                html! {
                    <fieldset class="rc-question" key={q.id.as_str().to_owned()} aria-describedby={help.clone()}>
                        <legend>{ &q.question }</legend>
                        if let Some(help_id) = help {
                            <p class="rc-hint" id={help_id}>{ &q.help }</p>
                        }
                        { choice(true, "Yes") }
                        { choice(false, "No") }
                    </fieldset>
                }
            }) }
        </section>
    }
}

/// The scope once every question is answered: the answers in one line, and "Change scope"
/// unless a decision is recorded.
fn folded_scope(shell: &Shell, scope: &ScopeAnswers, heading: String, locked: bool) -> Html {
    let def = &shell.def;
    let yes = scope.values().filter(|&&a| a).count();
    let summary = words::scope_summary(
        yes,
        scope.len() - yes,
        def.items_in_scope(scope).count(),
        def.item_count(),
    );
    html! {
        <section class="rc-panel rc-scope rc-scope-folded" aria-labelledby={heading.clone()}>
            <@{shell.heading(1)} id={heading} class="rc-scope-title">{"Scope"}</@>
            <p class="rc-scope-summary">{ summary }</p>
            if !locked {
                <button type="button" class="rc-button" onclick={shell.on_click_send(|| Msg::ChangeScope)}>{"Change scope"}</button>
            }
        </section>
    }
}

/// What each likelihood and impact level means, for a checklist that says: a disclosure that
/// keyboard and screen reader users reach like any control, not a tooltip.
#[component]
pub fn RatingScale() -> Html {
    let Some(shell) = use_shell_of("RatingScale") else { return html! {} };
    let scale = &shell.def.scale;
    if scale.likelihood_descriptions.is_empty() && scale.impact_descriptions.is_empty() {
        return html! {};
    }
    html! {
        <details class="rc-panel rc-scale">
            <summary>{"How to rate likelihood and impact"}</summary>
            { scale_lists(&shell.def) }
        </details>
    }
}

/// The levels of the scale with their descriptions, as two lists; also printed in the Summary.
pub fn scale_lists(def: &crate::core::ChecklistDefinition) -> Html {
    let scale = &def.scale;
    let list = |name: &str, labels: &[String], descriptions: &[String]| {
        if descriptions.is_empty() {
            return html! {};
        }
        html! {
            <>
                <p class="rc-scale-name">{ name.to_owned() }</p>
                <dl class="rc-scale-levels">
                    { for descriptions.iter().zip(1..=labels.len() as u8).map(|(text, n)| html! {
                        <><dt>{ level_text(n, labels) }</dt><dd>{ text }</dd></>
                    }) }
                </dl>
            </>
        }
    };
    html! {
        <>
            { list("Likelihood", &scale.likelihood, &scale.likelihood_descriptions) }
            { list("Impact", &scale.impact, &scale.impact_descriptions) }
        </>
    }
}
