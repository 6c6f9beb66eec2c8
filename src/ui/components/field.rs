//! A labelled field of a form: the label, then a line of text, a longer text or a date, saved
//! as typed. Every text field of the widget is one, so each says the same to assistive
//! technology and takes text in any direction.

use crate::core::assessment::{MAX_NAME, MAX_TEXT};
use yew::prelude::*;

/// What a field holds.
pub enum Kind {
    /// A name or a short line, with the browser's autocomplete hint when one fits.
    Line(Option<&'static str>),
    /// A longer text: notes, an action, conditions.
    Text,
    /// A date, `YYYY-MM-DD`, or empty.
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
    let input = match kind {
        Kind::Line(autocomplete) => html! { <>
            <input id={id.clone()} type="text" dir="auto" {autocomplete} maxlength={MAX_NAME.to_string()} value={value.clone()} {oninput} />
            { printed(value) }
        </> },
        Kind::Text => html! { <>
            <textarea id={id.clone()} dir="auto" rows="2" maxlength={MAX_TEXT.to_string()} value={value.clone()} {oninput} />
            { printed(value) }
        </> },
        // Printed, a date input shows the browser's "mm/dd/yyyy" mask when empty: the printout
        // shows the date as text instead, or a line to write it on (style/widget.css).
        Kind::Date => html! { <>
            <input id={id.clone()} type="date" value={value.clone()} {oninput} />
            <span class="rc-print-only rc-print-date" aria-hidden="true">{ value }</span>
        </> },
    };
    html! { <div {class}><label for={id}>{ label }</label>{ input }</div> }
}

/// A field's value as printed: text in full, in place of the input box (style/widget.css).
fn printed(value: String) -> Html {
    html! { <span class="rc-print-only rc-print-value" dir="auto" aria-hidden="true">{ value }</span> }
}

/// A button of the widget's own style that does `onclick`.
pub fn button(text: &'static str, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" class="rc-button" {onclick}>{ text }</button> }
}
