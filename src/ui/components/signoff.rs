//! The risk owner's decision and sign-off, in the Summary view, and the way to start a review
//! once a decision is recorded.

use super::field::button;
use super::field::{field, Kind};
use super::summary::acceptance_list;
use crate::core::summary_page::{baseline_warning, decision_line, AcceptanceRow};
use crate::core::{Action, Decision, SignOff};
use crate::ui::context::use_shell_of;
use crate::ui::ops::Op;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SignOffProps {
    /// The sign-off as recorded (empty when none is); the form re-renders only when it changes.
    pub signoff: SignOff,
    /// How many baseline items in scope are still to do (not achieved or not assessed).
    pub baseline_open: usize,
    /// The open risks for explicit acceptance: those at the highest impact and those to be
    /// tolerated, each a link to its item.
    pub acceptance: Vec<AcceptanceRow>,
}

#[component]
pub fn SignOffForm(props: &SignOffProps) -> Html {
    let Some(shell) = use_shell_of("SignOffForm") else { return html! {} };
    let so = &props.signoff;
    let id = |f: &str| shell.id(&format!("signoff-{f}"));
    // The sign-off with one field changed. Saved as typed, like every answer, so nothing
    // waits for the field to lose focus.
    let set = |change: fn(&mut SignOff, String)| {
        let current = so.clone();
        shell.edit::<InputEvent>(move |v| {
            let mut signoff = current.clone();
            change(&mut signoff, v);
            Some(Action::SetSignOff { signoff })
        })
    };
    // Confirming takes its button off the page: the reducer sends the focus to this line.
    let line = id("decision-line");
    let confirm = {
        let shell = shell.clone();
        Callback::from(move |_: MouseEvent| shell.edit_now(Action::ConfirmSignOff))
    };
    html! {
        <section class={if so.needs_review { "rc-signoff rc-stale" } else { "rc-signoff" }} aria-labelledby={id("heading")}>
            <@{shell.heading(1)} id={id("heading")}>{"Decision and sign-off"}</@>
            if so.needs_review {
                <div class="rc-panel rc-warning" role="alert">
                    <p><strong>{"Needs review: "}</strong>{"the answers, or the checklist itself, changed after the decision was recorded. The risk owner should look again and confirm or change the decision."}</p>
                    { button("Confirm the decision again", confirm) }
                </div>
            }
            if !props.acceptance.is_empty() {
                <div class="rc-panel rc-acceptance">
                    <p><strong>{"For the risk owner's explicit acceptance: "}</strong>
                        {"these open risks are rated at the highest impact, whatever their band, or are to be tolerated. A decision to proceed accepts each of them; say how each is handled in the conditions."}</p>
                    { acceptance_list(&shell, &props.acceptance) }
                </div>
            }
            if let Some(warning) = baseline_warning(so, props.baseline_open) {
                <div class="rc-panel rc-warning" role="alert">
                    <p><strong>{"Warning: "}</strong>{ warning }</p>
                </div>
            }
            <p class="rc-decision-line" id={line} tabindex="-1">{ decision_line(so) }</p>
            if so.is_decided() {
                <div class="rc-review-start">
                    { button("Start a review", shell.on_click(|| Op::StartReview)) }
                    <span class="rc-hint">{" A new assessment with these answers and scope and an empty sign-off, which shows what changes since this decision. This one stays as it is."}</span>
                </div>
            }
            <div class="rc-details">
                { field("rc-field", id("owner"), "Risk owner", Kind::Line(None), so.owner.clone(), set(|s, v| s.owner = v)) }
                { field("rc-field", id("role"), "Role", Kind::Line(None), so.role.clone(), set(|s, v| s.role = v)) }
                <fieldset class={if so.decision.is_some() { "rc-field rc-wide rc-decision rc-decided" } else { "rc-field rc-wide rc-decision" }}>
                    <legend>{"Decision"}</legend>
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
                { field("rc-field rc-wide", id("conditions"), "Conditions", Kind::Text, so.conditions.clone(),
                    set(|s, v| s.conditions = v)) }
                { field("rc-field", id("review"), "Review date", Kind::Date, so.review_date.clone().unwrap_or_default(),
                    set(|s, v| s.review_date = (!v.is_empty()).then_some(v))) }
                { field("rc-field", id("decided"), "Date of decision", Kind::Date, so.decided.clone().unwrap_or_default(),
                    set(|s, v| s.decided = (!v.is_empty()).then_some(v))) }
                // On paper the risk owner signs what was weighed.
                <p class="rc-print-only rc-field rc-sign-here">{"Signature"}<span class="rc-print-line"></span></p>
            </div>
        </section>
    }
}
