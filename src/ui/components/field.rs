//! A labelled field of a form: the label, then a line of text, a longer text or a date, saved
//! as typed. Every text field of the widget is one, so each says the same to assistive
//! technology and takes text in any direction. A field can carry an error message, shown
//! beside it as the GOV.UK Design System shows one.

use crate::app::words;
use crate::core::assessment::{MAX_NAME, MAX_TEXT};
use crate::core::time::{date_from_parts, date_parts, is_date, long_date};
use crate::ui::context::event_value;
use yew::prelude::*;

/// What a field holds.
pub enum Kind {
    /// A name or a short line, with the browser's autocomplete hint when one fits.
    Line(Option<&'static str>),
    /// A longer text: notes, an action, conditions.
    Text,
    /// A date, typed as day, month and year ([`DateInput`]).
    Date,
}

/// The field `id` in a `div` of `class`, labelled `label`, holding `value`; `oninput` gets each
/// change as it is typed.
pub fn field(
    class: &'static str,
    id: String,
    label: &'static str,
    kind: Kind,
    value: String,
    oninput: Callback<InputEvent>,
) -> Html {
    field_with_error(class, id, label, kind, value, oninput, None)
}

/// [`field`] with an error message beside it, when `error` is one.
pub fn field_with_error(
    class: &'static str,
    id: String,
    label: &'static str,
    kind: Kind,
    value: String,
    oninput: Callback<InputEvent>,
    error: Option<String>,
) -> Html {
    let error_id = error.as_ref().map(|_| format!("{id}-error"));
    let class = classes!(class, error.is_some().then_some("rc-field-error"));
    let input = match kind {
        Kind::Line(autocomplete) => html! { <>
            <input id={id.clone()} type="text" dir="auto" {autocomplete} maxlength={MAX_NAME.to_string()}
                aria-describedby={error_id.clone()} value={value.clone()} {oninput} />
            { printed(value) }
        </> },
        Kind::Text => html! { <>
            <textarea id={id.clone()} dir="auto" rows="2" maxlength={MAX_TEXT.to_string()}
                aria-describedby={error_id.clone()} value={value.clone()} {oninput} />
            { printed(value) }
        </> },
        Kind::Date => {
            return html! { <div {class}><DateInput {id} {label} {value} {oninput} {error} /></div> };
        }
    };
    html! {
        <div {class}>
            <label for={id}>{ label }</label>
            { error_message(error_id, error) }
            { input }
        </div>
    }
}

/// An error message as the GOV.UK Design System shows one: "Error:" said, not only coloured.
pub fn error_message(id: Option<String>, error: Option<String>) -> Html {
    match error {
        Some(text) => html! {
            <p class="rc-error-message" {id}><span class="rc-visually-hidden">{"Error: "}</span>{ text }</p>
        },
        None => html! {},
    }
}

/// A field shown as text, where the value can no longer be changed.
pub fn shown_field(class: &'static str, label: &'static str, value: &str) -> Html {
    html! {
        <div class={classes!(class, "rc-shown")}>
            <span class="rc-shown-label">{ label }</span>
            <span class="rc-shown-value"><bdi>{ value.to_owned() }</bdi></span>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct DateProps {
    /// The id of the day field; the month and year fields add `-month` and `-year`.
    pub id: String,
    pub label: &'static str,
    /// The date, `YYYY-MM-DD`, or what was typed so far, or empty.
    pub value: String,
    /// Gets an input event whose target's value is the date typed so far, as
    /// `time::date_from_parts` keeps it.
    pub oninput: Callback<InputEvent>,
    pub error: Option<String>,
}

/// The GOV.UK date input: a group of three fields, Day, Month and Year, with a hint. What is
/// typed stays in the fields while it is not yet a date; each change is passed on as one
/// text, a real date as `YYYY-MM-DD`. A date complete but not real is said to be wrong beside
/// the fields at once.
#[component]
pub fn DateInput(props: &DateProps) -> Html {
    let parts = use_state(|| date_parts(&props.value));
    {
        // The value changed elsewhere (another tab, Undo, an import): show it.
        let parts = parts.clone();
        use_effect_with(props.value.clone(), move |value| {
            let (d, m, y) = &*parts;
            if date_from_parts(d, m, y) != *value {
                parts.set(date_parts(value));
            }
        });
    }
    let carrier = use_node_ref();
    let id = &props.id;
    let (day, month, year) = (*parts).clone();
    let complete = !day.is_empty() && !month.is_empty() && !year.is_empty();
    let typed = date_from_parts(&day, &month, &year);
    let error = props
        .error
        .clone()
        .or_else(|| (complete && !is_date(&typed)).then(|| words::must_be_real_date(props.label)));
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described = if error.is_some() {
        [hint_id.as_str(), error_id.as_str()].join(" ")
    } else {
        hint_id.clone()
    };
    let part = |which: usize, field_id: String, label: &'static str, value: String, width: u8| {
        let (parts, oninput, carrier) = (parts.clone(), props.oninput.clone(), carrier.clone());
        let on_input = Callback::from(move |e: InputEvent| {
            let mut next = (*parts).clone();
            let value = event_value(e.as_ref()).unwrap_or_default();
            match which {
                0 => next.0 = value,
                1 => next.1 = value,
                _ => next.2 = value,
            }
            pass_on(&carrier, &oninput, &date_from_parts(&next.0, &next.1, &next.2));
            parts.set(next);
        });
        html! {
            <div class="rc-date-item">
                <label for={field_id.clone()}>{ label }</label>
                <input id={field_id} class={format!("rc-date-input rc-width-{width}")} type="text" inputmode="numeric"
                    maxlength={if width == 4 { "4" } else { "2" }} {value} oninput={on_input}
                    aria-invalid={error.is_some().then_some("true")} />
            </div>
        }
    };
    let shown = long_date(&props.value).unwrap_or_else(|| props.value.clone());
    html! {
        <>
            <fieldset class="rc-date" role="group" aria-describedby={described}>
                <legend>{ props.label }</legend>
                <p class="rc-hint" id={hint_id}>{"For example, 27 3 2027"}</p>
                { error_message(Some(error_id), error.clone()) }
                <div class="rc-date-parts">
                    { part(0, id.clone(), "Day", day.clone(), 2) }
                    { part(1, format!("{id}-month"), "Month", month.clone(), 2) }
                    { part(2, format!("{id}-year"), "Year", year.clone(), 4) }
                </div>
                <input type="hidden" ref={carrier} />
            </fieldset>
            // Printed, the date reads as text, or a line to write it on (style/widget.css).
            <span class="rc-print-only rc-print-date" aria-hidden="true">{ shown }</span>
        </>
    }
}

/// Hands `text` on as an input event whose target holds it, so that a caller reading the
/// value of the event's target, as every field's callback does, reads the whole date.
fn pass_on(carrier: &NodeRef, oninput: &Callback<InputEvent>, text: &str) {
    let Some(input) = carrier.cast::<web_sys::HtmlInputElement>() else { return };
    input.set_value(text);
    let Ok(event) = web_sys::InputEvent::new("input") else { return };
    // Dispatched so that the event has its target; nothing listens on the carrier itself.
    let _ = input.dispatch_event(&event);
    oninput.emit(event);
}

/// A field's value as printed: text in full, in place of the input box (style/widget.css).
fn printed(value: String) -> Html {
    html! { <span class="rc-print-only rc-print-value" dir="auto" aria-hidden="true">{ value }</span> }
}

/// A button of the widget's own style that does `onclick`.
pub fn button(text: &'static str, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" class="rc-button" {onclick}>{ text }</button> }
}
