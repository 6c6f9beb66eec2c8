//! The risk owner's decision and sign-off, at the foot of the Summary: a draft filled in and
//! recorded by "Record the decision" after its checks (an error summary, messages beside the
//! fields, warnings that do not block); once recorded, the record as text, with the ways on:
//! add the review date to a calendar, start a review, or reopen the assessment.

use super::field::{button, error_message, field_with_error, shown_field, Kind};
use super::summary::acceptance_list;
use crate::app::deciding::Recording;
use crate::app::{words, Msg};
use crate::core::decision::{check_record, withdrawn_sentence, Field, RecordError, Warning};
use crate::core::summary_page::decision_line;
use crate::core::summary_page::AcceptanceRow;
use crate::core::time::long_date;
use crate::core::words::{or_not_set, MADE_WITH};
use crate::core::{Action, Assessment, Decision, SignOff};
use crate::ui::clock;
use crate::ui::context::{use_shell_of, Shell};
use crate::ui::focus::field_id;
use crate::ui::ops::Op;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SignOffProps {
    pub assessment: Rc<Assessment>,
    /// The problems found by "Record the decision", and the question before reopening.
    pub recording: Rc<Recording>,
    /// The open risks for explicit acceptance: those at the highest impact and those to be
    /// tolerated, each a link to its item.
    pub acceptance: Vec<AcceptanceRow>,
}

#[component]
pub fn SignOffForm(props: &SignOffProps) -> Html {
    let Some(shell) = use_shell_of("SignOffForm") else { return html! {} };
    let a = &props.assessment;
    let so = a.signoff.clone().unwrap_or_default();
    let id = |f: &str| shell.id(&format!("signoff-{f}"));
    let signed = a.is_signed();
    html! {
        <section class={if so.needs_review { "rc-signoff rc-stale" } else { "rc-signoff" }} aria-labelledby={id("heading")}>
            <@{shell.heading(1)} id={id("heading")}>{"Decision and sign-off"}</@>
            if !signed && !props.recording.errors.is_empty() {
                { error_summary(&shell, &props.recording.errors) }
            }
            if so.needs_review && signed {
                <div class="rc-panel rc-warning">
                    <p><strong>{"Needs review: "}</strong>{"what the decision weighed changed after it was recorded (the answers, or the checklist's version). Reopen the assessment to decide again, or start a review."}</p>
                </div>
            }
            if !props.acceptance.is_empty() {
                <div class="rc-panel rc-acceptance">
                    <p><strong>{"For the risk owner's explicit acceptance: "}</strong>
                        {"these open risks are rated at the highest impact, whatever their band, or are to be tolerated. A decision to proceed accepts each of them; say how each is handled in the conditions."}</p>
                    { acceptance_list(&shell, &props.acceptance) }
                </div>
            }
            <p class="rc-decision-line" id={id("decision-line")} tabindex="-1">
                { if signed { decision_line(&so) } else { words::NOT_SIGNED.to_owned() } }
            </p>
            if !a.withdrawn.is_empty() {
                <ul class="rc-withdrawn">
                    { for a.withdrawn.iter().rev().map(|w| html! { <li>{ withdrawn_sentence(w) }</li> }) }
                </ul>
            }
            if signed {
                { record(&shell, &so, props.recording.confirm_reopen) }
            } else {
                { draft(&shell, a, &so, &props.recording.errors) }
            }
            // On paper the risk owner signs what was weighed.
            <p class="rc-print-only rc-field rc-sign-here">{"Signature"}<span class="rc-print-line"></span></p>
            // On paper the version line ends the sign-off, on its page (the foot's is not printed).
            <p class="rc-print-only rc-made-with">{ MADE_WITH }</p>
        </section>
    }
}

/// The GOV.UK error summary: what stops recording, each a link to its field.
fn error_summary(shell: &Shell, errors: &[RecordError]) -> Html {
    let heading = shell.id("signoff-errors-heading");
    html! {
        <div class="rc-error-summary" id={shell.id("signoff-errors")} role="alert" tabindex="-1" aria-labelledby={heading.clone()}>
            <@{shell.heading(2)} id={heading} class="rc-error-summary-title">{"There is a problem"}</@>
            <ul>
                { for errors.iter().map(|e| {
                    let field = e.field();
                    let href = format!("#{}", field_id(shell, &field));
                    let onclick = {
                        let dispatch = shell.dispatch.clone();
                        Callback::from(move |ev: MouseEvent| {
                            ev.prevent_default();
                            dispatch.dispatch(Msg::ShowField(field.clone()));
                        })
                    };
                    html! { <li><a {href} {onclick}>{ e.message() }</a></li> }
                }) }
            </ul>
        </div>
    }
}

/// The message of the first error on `field`, if any.
fn error_on(errors: &[RecordError], field: &Field) -> Option<String> {
    errors.iter().find(|e| &e.field() == field).map(RecordError::message)
}

/// The draft: each field edits it as typed, and "Record the decision" records it.
fn draft(shell: &Shell, a: &Assessment, so: &SignOff, errors: &[RecordError]) -> Html {
    let id = |f: &str| shell.id(&format!("signoff-{f}"));
    let set = |change: fn(&mut SignOff, String)| {
        let current = so.clone();
        shell.edit::<InputEvent>(move |v| {
            let mut signoff = current.clone();
            change(&mut signoff, v);
            Some(Action::SetSignOff { signoff })
        })
    };
    let today = clock::today();
    let warnings: Vec<Warning> = match so.decision {
        Some(Decision::DoNotProceed) => Vec::new(),
        _ => check_record(&shell.def, a, so, &today).warnings,
    };
    let decision_error = error_on(errors, &Field::Decision);
    let record = shell
        .on_click_send(move || Msg::RecordDecision { today: clock::today(), now: clock::now() });
    html! {
        <>
            if !warnings.is_empty() {
                <div class="rc-panel rc-warning">
                    <p><strong>{"Before you record a decision to proceed: "}</strong>{"these do not stop it, and are kept with the decision."}</p>
                    <ul>{ for warnings.iter().map(|w| html! { <li>{ w.message() }</li> }) }</ul>
                </div>
            }
            <div class="rc-details">
                { field_with_error("rc-field", id("owner"), "Risk owner", Kind::Line(None), so.owner.clone(),
                    set(|s, v| s.owner = v), error_on(errors, &Field::Owner)) }
                { field_with_error("rc-field", id("role"), "Role", Kind::Line(None), so.role.clone(),
                    set(|s, v| s.role = v), error_on(errors, &Field::Role)) }
                <fieldset class={classes!("rc-field", "rc-wide", "rc-decision", so.decision.is_some().then_some("rc-decided"), decision_error.is_some().then_some("rc-field-error"))}
                    aria-describedby={decision_error.as_ref().map(|_| id("decision-error"))}>
                    <legend>{"Decision"}</legend>
                    { error_message(Some(id("decision-error")), decision_error.clone()) }
                    { for Decision::ALL.iter().map(|&dec| {
                        let rid = id(dec.key());
                        let current = so.clone();
                        let onchange = shell.edit::<Event>(move |_| {
                            Some(Action::SetSignOff { signoff: SignOff { decision: Some(dec), ..current.clone() } })
                        });
                        html! {
                            <span class="rc-choice">
                                <input type="radio" id={rid.clone()} name={id("decision")} checked={so.decision == Some(dec)} {onchange} />
                                <label for={rid}>{ dec.label() }</label>
                            </span>
                        }
                    }) }
                </fieldset>
                { field_with_error("rc-field rc-wide", id("conditions"), "Conditions", Kind::Text, so.conditions.clone(),
                    set(|s, v| s.conditions = v), error_on(errors, &Field::Conditions)) }
                { field_with_error("rc-field", id("review"), "Review date", Kind::Date, so.review_date.clone().unwrap_or_default(),
                    set(|s, v| s.review_date = (!v.is_empty()).then_some(v)), error_on(errors, &Field::ReviewDate)) }
                { field_with_error("rc-field", id("decided"), "Date of decision", Kind::Date, so.decided.clone().unwrap_or_default(),
                    set(|s, v| s.decided = (!v.is_empty()).then_some(v)), error_on(errors, &Field::Decided)) }
            </div>
            <p class="rc-hint">{"Recording the decision makes the answers, the scope and the title read-only. Left blank, the date of decision is the day you record it."}</p>
            <div class="rc-button-row">
                <button type="button" class="rc-button rc-primary" id={id("record")} onclick={record}>{"Record the decision"}</button>
            </div>
        </>
    }
}

/// The decision on record, as text, with the ways on.
fn record(shell: &Shell, so: &SignOff, confirm_reopen: bool) -> Html {
    let id = |f: &str| shell.id(&format!("signoff-{f}"));
    let date = |d: &Option<String>| {
        d.as_deref().map_or_else(
            || or_not_set("").to_owned(),
            |d| long_date(d).unwrap_or_else(|| d.to_owned()),
        )
    };
    let has_review_date = so.review_date.as_deref().and_then(long_date).is_some();
    html! {
        <>
            if !so.warnings.is_empty() {
                <div class="rc-panel rc-recorded-warnings">
                    <p><strong>{"Recorded with these warnings:"}</strong></p>
                    <ul>{ for so.warnings.iter().map(|w| html! { <li>{ w.message() }</li> }) }</ul>
                </div>
            }
            <div class="rc-details">
                { shown_field("rc-field", "Risk owner", or_not_set(&so.owner)) }
                { shown_field("rc-field", "Role", or_not_set(&so.role)) }
                { shown_field("rc-field", "Decision", so.decision.map_or("", Decision::label)) }
                { shown_field("rc-field rc-wide", "Conditions", or_not_set(&so.conditions)) }
                { shown_field("rc-field", "Review date", &date(&so.review_date)) }
                { shown_field("rc-field", "Date of decision", &date(&so.decided)) }
            </div>
            <div class="rc-button-row rc-review-start">
                if has_review_date {
                    { button("Add review date to calendar", shell.on_click(|| Op::AddToCalendar)) }
                }
                { button("Start a review", shell.on_click(|| Op::StartReview)) }
                <button type="button" class="rc-button" id={id("reopen")} aria-expanded={confirm_reopen.to_string()}
                    onclick={shell.on_click_send(|| Msg::AskReopen)}>{"Reopen the assessment"}</button>
            </div>
            <p class="rc-hint rc-review-start">{"A review is a new assessment with these answers and scope and an empty sign-off, which shows what changes since this decision; this one stays as it is. Reopening withdraws the decision, which stays on record, so that the answers can be changed."}</p>
            if confirm_reopen {
                <div class="rc-panel rc-warning rc-reopen-question" role="group" aria-labelledby={id("reopen-question")}>
                    <p id={id("reopen-question")}><strong>{"Reopen the assessment?"}</strong>{" The decision is withdrawn and kept on record as withdrawn. The answers can then be changed, and a decision must be recorded again."}</p>
                    <div class="rc-button-row">
                        <button type="button" class="rc-button rc-danger" onclick={shell.on_click_send(|| Msg::Reopen { now: clock::now() })}>{"Withdraw the decision and reopen"}</button>
                        <button type="button" class="rc-button" id={shell.id("reopen-cancel")} onclick={shell.on_click_send(|| Msg::CancelReopen)}>{"Cancel"}</button>
                    </div>
                </div>
            }
        </>
    }
}
