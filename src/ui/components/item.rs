//! One checklist item: its status, then, for an item found wanting, its risk rating, response,
//! owner, due date and action (revealed under the status, as GOV.UK's conditional radios do),
//! its guidance and the owner's notes.

use super::field::{field, Kind};
use crate::core::scoring::{is_open, is_open_status, is_overdue, Risk};
use crate::core::words::{level_text, NOT_RATED};
use crate::core::{Action, Answer, ItemId, Response, Status};
use crate::ui::clock;
use crate::ui::context::{use_shell_of, Shell};
use crate::ui::focus::item_id;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub section: usize,
    pub index: usize,
    /// This item's answer; an item re-renders only when it changes.
    pub answer: Answer,
    /// A decision is on record: every control of the item is disabled.
    pub signed: bool,
}

#[component]
pub fn ItemView(props: &ItemProps) -> Html {
    let Some(shell) = use_shell_of("ItemView") else { return html! {} };
    let def = &shell.def;
    let Some(item) = def.sections.get(props.section).and_then(|s| s.items.get(props.index)) else {
        return html! {};
    };
    let answer = &props.answer;
    let id = |field: &str| shell.id(&format!("{}-{field}", item.id));
    // A change to this item from a text field's new value, saved as typed.
    let edit = |make: fn(ItemId, String) -> Action| {
        let item = item.id.clone();
        shell.edit::<InputEvent>(move |value| Some(make(item.clone(), value)))
    };
    // Only an item found wanting asks for more; what it was given stays when it is not.
    let open = is_open(answer);
    let reveal_id = id("reveal");
    // The notes of an item not applicable say why.
    let notes_label = match answer.status {
        Status::NotApplicable => "Why is this not applicable?",
        _ => "Notes",
    };

    html! {
        <fieldset class={format!("rc-item rc-status-{}", answer.status.key())} tabindex="-1" id={item_id(&shell, &item.id)}>
            <legend class="rc-item-title">{ &item.title }</legend>
            <p class={format!("rc-badge rc-badge-{}", answer.status.key())}>{ answer.status.label() }</p>
            if item.baseline {
                <p class="rc-baseline"><strong>{"Baseline:"}</strong>{" do not go live without this."}</p>
            }
            if !item.why.is_empty() || !item.good.is_empty() {
                <details class="rc-guidance">
                    <summary>{"Guidance"}</summary>
                    <dl>
                        if !item.why.is_empty() { <dt>{"Why it matters"}</dt><dd>{ &item.why }</dd> }
                        if !item.good.is_empty() { <dt>{"What good looks like"}</dt><dd>{ &item.good }</dd> }
                    </dl>
                </details>
            }
            // Disabled as one group once a decision is on record: the item itself stays
            // focusable, for the links that lead to it.
            <fieldset class="rc-answer" disabled={props.signed}>
                { status_choice(&shell, &item.id, answer.status, open.then_some(reveal_id.as_str())) }
                if open {
                    <div class="rc-reveal" id={reveal_id.clone()}>
                        { rating_fields(&shell, &item.id, answer) }
                        { response_choice(&shell, &item.id, answer.response) }
                        <div class="rc-details">
                            { field("rc-field", id("owner"), "Owner", Kind::Line(None), answer.owner.clone(),
                                edit(|item, owner| Action::SetOwner { item, owner })) }
                            <div class="rc-due">
                                { field("rc-field", id("due"), "Due date", Kind::Date, answer.due.clone().unwrap_or_default(),
                                    edit(|item, due| Action::SetDue { item, due: Some(due) })) }
                                if is_overdue(answer, &clock::today()) {
                                    <p class="rc-overdue"><strong class="rc-tag-overdue">{"Overdue"}</strong></p>
                                }
                            </div>
                            { field("rc-field rc-wide", id("action"), "Action", Kind::Text, answer.action.clone(),
                                edit(|item, action| Action::SetMitigation { item, action })) }
                        </div>
                    </div>
                }
                <div class="rc-details">
                    { field("rc-field rc-wide", id("notes"), notes_label, Kind::Text, answer.notes.clone(),
                        edit(|item, notes| Action::SetNotes { item, notes })) }
                </div>
            </fieldset>
        </fieldset>
    }
}

/// The four statuses as radios; while the risk's fields are revealed (`reveal`, their id), the
/// statuses that reveal them say they control them.
fn status_choice(shell: &Shell, item: &ItemId, chosen: Status, reveal: Option<&str>) -> Html {
    let id = |field: &str| shell.id(&format!("{item}-{field}"));
    html! {
        <div class="rc-statuses" role="radiogroup" aria-label="Status">
            { for Status::CHOICES.iter().map(|&status| {
                let radio_id = id(status.key());
                let item = item.clone();
                let onchange = shell.edit::<Event>(move |_| Some(Action::SetStatus { item: item.clone(), status }));
                let controls = reveal.filter(|_| is_open_status(status)).map(str::to_owned);
                html! {
                    <span class={format!("rc-choice rc-choice-{}", status.key())}>
                        <input type="radio" id={radio_id.clone()} name={id("status")} value={status.key()}
                            checked={chosen == status} aria-controls={controls} {onchange} />
                        <label for={radio_id}>{ status.label() }</label>
                    </span>
                }
            }) }
        </div>
    }
}

/// Likelihood and impact, each a select of the scale's levels with the meaning of the level
/// chosen beside it, and the risk they make, announced politely as it changes.
fn rating_fields(shell: &Shell, item: &ItemId, answer: &Answer) -> Html {
    let scale = &shell.def.scale;
    let id = |field: &str| shell.id(&format!("{item}-{field}"));
    let level = |v: &str| v.parse::<u8>().ok();
    let (l, i) = (answer.likelihood, answer.impact);
    let on_likelihood = {
        let item = item.clone();
        shell.edit::<Event>(move |v| {
            Some(Action::SetRisk { item: item.clone(), likelihood: level(&v), impact: i })
        })
    };
    let on_impact = {
        let item = item.clone();
        shell.edit::<Event>(move |v| {
            Some(Action::SetRisk { item: item.clone(), likelihood: l, impact: level(&v) })
        })
    };
    let risk = scale.risk(answer);
    let rating = |field: &str,
                  label: &'static str,
                  levels: &[String],
                  selected: Option<u8>,
                  meaning: Option<&str>,
                  onchange: Callback<Event>| {
        let meaning_id = id(&format!("{field}-meaning"));
        html! {
            <div class="rc-field">
                <label for={id(field)}>{ label }</label>
                <select id={id(field)} {onchange} aria-describedby={meaning.map(|_| meaning_id.clone())}>
                    <option value="" selected={selected.is_none()}>{ NOT_RATED }</option>
                    { for (1..=levels.len() as u8).map(|n| html! {
                        <option value={n.to_string()} selected={selected == Some(n)}>{ level_text(n, levels) }</option>
                    }) }
                </select>
                if let Some(text) = meaning {
                    <p class="rc-level-meaning" id={meaning_id}>{ text.to_owned() }</p>
                }
            </div>
        }
    };
    html! {
        <div class="rc-rating">
            { rating("likelihood", "Likelihood", &scale.likelihood, l, l.and_then(|l| scale.likelihood_description(l)), on_likelihood) }
            { rating("impact", "Impact", &scale.impact, i, i.and_then(|i| scale.impact_description(i)), on_impact) }
            // A live region from the moment the item is open, so each new band is read out.
            <p class={risk.map_or_else(|| "rc-risk".to_owned(), |r| format!("rc-risk rc-band-{}", r.band.key()))}
                aria-live="polite" aria-atomic="true">{ Risk::line(risk) }</p>
        </div>
    }
}

/// The Orange Book response to the risk: four radios, each with its meaning as a hint.
fn response_choice(shell: &Shell, item: &ItemId, chosen: Option<Response>) -> Html {
    let id = |field: &str| shell.id(&format!("{item}-{field}"));
    html! {
        <fieldset class="rc-response">
            <legend>{"Response"}</legend>
            { for Response::ALL.iter().map(|&response| {
                let radio_id = id(&format!("response-{}", response.key()));
                let hint_id = id(&format!("response-{}-hint", response.key()));
                let item = item.clone();
                let onchange = shell.edit::<Event>(move |_| {
                    Some(Action::SetResponse { item: item.clone(), response: Some(response) })
                });
                html! {
                    <div class="rc-choice rc-hinted">
                        <input type="radio" id={radio_id.clone()} name={id("response")} value={response.key()}
                            checked={chosen == Some(response)} aria-describedby={hint_id.clone()} {onchange} />
                        <label for={radio_id}>{ response.label() }</label>
                        <p class="rc-hint" id={hint_id}>{ response.meaning() }</p>
                    </div>
                }
            }) }
        </fieldset>
    }
}
