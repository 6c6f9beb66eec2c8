//! One checklist item: its status, risk rating, guidance and the owner's notes.

use super::field::{field, Kind};
use crate::core::scoring::Risk;
use crate::core::words::{level_text, NOT_RATED};
use crate::core::{Action, Answer, ItemId, Status};
use crate::ui::context::use_shell_of;
use crate::ui::focus::item_id;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub section: usize,
    pub index: usize,
    /// This item's answer; an item re-renders only when it changes.
    pub answer: Answer,
}

#[component]
pub fn ItemView(props: &ItemProps) -> Html {
    let Some(shell) = use_shell_of("ItemView") else { return html! {} };
    let def = &shell.def;
    let Some(item) = def.sections.get(props.section).and_then(|s| s.items.get(props.index)) else {
        return html! {};
    };
    let answer = &props.answer;
    let scale = &def.scale;
    let id = |field: &str| shell.id(&format!("{}-{field}", item.id));
    // A change to this item from a text field's new value, saved as typed.
    let edit = |make: fn(ItemId, String) -> Action| {
        let item = item.id.clone();
        shell.edit::<InputEvent>(move |value| Some(make(item.clone(), value)))
    };
    let level = |v: &str| v.parse::<u8>().ok();
    let (l, i) = (answer.likelihood, answer.impact);
    let on_likelihood = {
        let item = item.id.clone();
        shell.edit::<Event>(move |v| {
            Some(Action::SetRisk { item: item.clone(), likelihood: level(&v), impact: i })
        })
    };
    let on_impact = {
        let item = item.id.clone();
        shell.edit::<Event>(move |v| {
            Some(Action::SetRisk { item: item.clone(), likelihood: l, impact: level(&v) })
        })
    };

    let risk = scale.risk(answer);
    let risk_text = Risk::line(risk);
    // A rating's select, its levels numbered and named, with the meaning of the level chosen
    // beside it and read out with it.
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
            <div class="rc-statuses" role="radiogroup" aria-label="Status">
                { for Status::CHOICES.iter().map(|&status| {
                    let radio_id = id(status.key());
                    let item = item.id.clone();
                    let onchange = shell.edit::<Event>(move |_| Some(Action::SetStatus { item: item.clone(), status }));
                    html! {
                        <span class={format!("rc-choice rc-choice-{}", status.key())}>
                            <input type="radio" id={radio_id.clone()} name={id("status")} value={status.key()}
                                checked={answer.status == status} {onchange} />
                            <label for={radio_id}>{ status.label() }</label>
                        </span>
                    }
                }) }
            </div>
            <div class="rc-rating">
                { rating("likelihood", "Likelihood", &scale.likelihood, l, l.and_then(|l| scale.likelihood_description(l)), on_likelihood) }
                { rating("impact", "Impact", &scale.impact, i, i.and_then(|i| scale.impact_description(i)), on_impact) }
                <p class={risk.map_or_else(|| "rc-risk".to_owned(), |r| format!("rc-risk rc-band-{}", r.band.key()))}>{ risk_text }</p>
            </div>
            <div class="rc-details">
                { field("rc-field rc-wide", id("notes"), "Notes", Kind::Text, answer.notes.clone(),
                    edit(|item, notes| Action::SetNotes { item, notes })) }
                { field("rc-field", id("owner"), "Owner", Kind::Line(None), answer.owner.clone(),
                    edit(|item, owner| Action::SetOwner { item, owner })) }
                { field("rc-field", id("due"), "Due date", Kind::Date, answer.due.clone().unwrap_or_default(),
                    edit(|item, due| Action::SetDue { item, due: Some(due) })) }
                { field("rc-field rc-wide", id("action"), "Action", Kind::Text, answer.action.clone(),
                    edit(|item, action| Action::SetMitigation { item, action })) }
            </div>
        </fieldset>
    }
}
