//! One checklist item: its status, risk rating, guidance and the owner's notes.

use super::event_value;
use crate::core::assessment::{MAX_NAME, MAX_TEXT};
use crate::core::{Action, Answer, ChecklistDefinition, ItemId, Status};
use crate::ui::clock;
use crate::ui::state::{AppState, Msg};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub def: Rc<ChecklistDefinition>,
    pub section: usize,
    pub index: usize,
    /// This item's answer; an item re-renders only when it changes.
    pub answer: Answer,
    pub id_prefix: AttrValue,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[component]
pub fn ItemView(props: &ItemProps) -> Html {
    let Some(item) = props.def.sections.get(props.section).and_then(|s| s.items.get(props.index))
    else {
        return html! {};
    };
    let answer = &props.answer;
    let scale = &props.def.scale;
    let id = |field: &str| format!("{}-{}-{field}", props.id_prefix, item.id);

    // Builds a callback that turns a field's new value into an action on this item.
    let on = |make: Rc<dyn Fn(ItemId, String) -> Option<Action>>| {
        let (dispatch, item) = (props.dispatch.clone(), item.id.clone());
        Callback::from(move |e: Event| {
            if let Some(action) = event_value(&e).and_then(|v| make(item.clone(), v)) {
                dispatch.dispatch(Msg::Edit { action, now: clock::now() });
            }
        })
    };
    let on_text = |make: fn(ItemId, String) -> Action| {
        let (dispatch, item) = (props.dispatch.clone(), item.id.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(v) = event_value(&e) {
                dispatch.dispatch(Msg::Edit { action: make(item.clone(), v), now: clock::now() });
            }
        })
    };
    let level = |v: &str| v.parse::<u8>().ok();
    let (l, i) = (answer.likelihood, answer.impact);
    let on_likelihood = on(Rc::new(move |item, v| {
        Some(Action::SetRisk { item, likelihood: level(&v), impact: i })
    }));
    let on_impact = on(Rc::new(move |item, v| {
        Some(Action::SetRisk { item, likelihood: l, impact: level(&v) })
    }));
    let on_due = on(Rc::new(|item, v| Some(Action::SetDue { item, due: Some(v) })));

    let risk = scale.risk(answer);
    let risk_text = match risk {
        Some(r) => format!("Risk: {} (score {})", r.band.label(), r.score),
        None => "Risk: not rated".to_owned(),
    };
    let levels = |labels: &[String], selected: Option<u8>| {
        html! {
            <>
                <option value="" selected={selected.is_none()}>{"Not rated"}</option>
                { for labels.iter().enumerate().map(|(n, label)| {
                    let n = n as u8 + 1;
                    html! { <option value={n.to_string()} selected={selected == Some(n)}>{ format!("{n} – {label}") }</option> }
                }) }
            </>
        }
    };

    html! {
        <fieldset class={format!("rc-item rc-status-{}", answer.status.key())}>
            <legend class="rc-item-title">{ &item.title }</legend>
            <p class={format!("rc-badge rc-badge-{}", answer.status.key())}>{ answer.status.label() }</p>
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
                    let onchange = on(Rc::new(move |item, _| Some(Action::SetStatus { item, status })));
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
                <div class="rc-field">
                    <label for={id("likelihood")}>{"Likelihood"}</label>
                    <select id={id("likelihood")} onchange={on_likelihood}>{ levels(&scale.likelihood, l) }</select>
                </div>
                <div class="rc-field">
                    <label for={id("impact")}>{"Impact"}</label>
                    <select id={id("impact")} onchange={on_impact}>{ levels(&scale.impact, i) }</select>
                </div>
                <p class={risk.map_or_else(|| "rc-risk".to_owned(), |r| format!("rc-risk rc-band-{}", r.band.key()))}>{ risk_text }</p>
            </div>
            <div class="rc-details">
                <div class="rc-field rc-wide">
                    <label for={id("notes")}>{"Notes"}</label>
                    <textarea id={id("notes")} rows="2" maxlength={MAX_TEXT.to_string()} value={answer.notes.clone()}
                        oninput={on_text(|item, notes| Action::SetNotes { item, notes })} />
                </div>
                <div class="rc-field">
                    <label for={id("owner")}>{"Owner"}</label>
                    <input id={id("owner")} type="text" maxlength={MAX_NAME.to_string()} value={answer.owner.clone()}
                        oninput={on_text(|item, owner| Action::SetOwner { item, owner })} />
                </div>
                <div class="rc-field">
                    <label for={id("due")}>{"Due date"}</label>
                    <input id={id("due")} type="date" value={answer.due.clone().unwrap_or_default()} onchange={on_due} />
                </div>
                <div class="rc-field rc-wide">
                    <label for={id("action")}>{"Action"}</label>
                    <textarea id={id("action")} rows="2" maxlength={MAX_TEXT.to_string()} value={answer.action.clone()}
                        oninput={on_text(|item, action| Action::SetMitigation { item, action })} />
                </div>
            </div>
        </fieldset>
    }
}
