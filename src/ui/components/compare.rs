//! Two assessments of this checklist compared: the overall rating on each side, the risks
//! opened, closed, raised and lowered, and a table of the items that differ, side by side. The
//! same table shows the changes since the last review in the Summary.

use super::field::button;
use super::Shown;
use crate::app::comparing::{field_value, risk_counts, Comparing};
use crate::app::words;
use crate::app::Msg;
use crate::core::compare::{Comparison, ItemChange, Side};
use crate::core::scoring::OverallRating;
use crate::core::words::RETIRED_SECTION;
use crate::core::Band;
use crate::ui::context::{use_shell_of, Shell};
use yew::prelude::*;

/// The comparison shown in place of a view, with the focus on its heading so that a keyboard
/// or screen reader user starts there.
#[component]
pub fn CompareView(props: &Shown<Comparing>) -> Html {
    let Some(shell) = use_shell_of("CompareView") else { return html! {} };
    let c = &props.of;
    let heading_id = shell.id("compare-heading");
    html! {
        <section class="rc-compare" aria-labelledby={heading_id.clone()}>
            <@{shell.heading(1)} id={heading_id} tabindex="-1">{"Compare assessments"}</@>
            <dl class="rc-facts">
                <dt>{"Before"}</dt><dd><bdi>{ &c.before }</bdi></dd>
                <dt>{"After"}</dt><dd><bdi>{ &c.after }</bdi></dd>
            </dl>
            { changes(&shell, &c.comparison, ("before", "after"), "compare-table", "Items that differ") }
            { button("Close the comparison", shell.on_click_send(|| Msg::CloseComparison)) }
        </section>
    }
}

/// The overall rating on each side, the risk counts, and the items changed from one side,
/// called `sides.0`, to the other, `sides.1`, in a table captioned `caption`.
pub fn changes(
    shell: &Shell,
    c: &Comparison,
    sides: (&str, &str),
    id: &str,
    caption: &str,
) -> Html {
    let caption_id = shell.id(id);
    html! {
        <>
            <p>{"Overall rating: "}{ rating(c.overall_before) }{ words::rating_side(sides.0, false) }
                { rating(c.overall_after) }{ words::rating_side(sides.1, true) }</p>
            <p>{"Risks: "}{ risk_counts(c) }</p>
            if c.is_empty() {
                <p>{"No item's answer or scope differs."}</p>
            } else {
                <div class="rc-scroll" tabindex="0" role="region" aria-labelledby={caption_id.clone()}>
                    <table class="rc-table rc-changes">
                    <caption id={caption_id}>{ caption }</caption>
                    <thead><tr>
                        <th scope="col">{"Item"}</th><th scope="col">{"Section"}</th>
                        <th scope="col">{ capitalised(sides.0) }</th><th scope="col">{ capitalised(sides.1) }</th>
                    </tr></thead>
                    <tbody>
                        { for c.items.iter().chain(&c.retired).map(|change| row(shell, change)) }
                    </tbody>
                    </table>
                </div>
            }
        </>
    }
}

/// One changed item: its title, its section (or that it is retired), and what differs on each
/// side.
fn row(shell: &Shell, change: &ItemChange) -> Html {
    let section = match &change.section {
        Some(id) => shell.def.sections.iter().find(|s| &s.id == id).map_or("", |s| &s.title),
        None => RETIRED_SECTION,
    };
    let fields = |side: &Side| -> Html {
        html! {
            <dl class="rc-fields">
                { for change.fields.iter().map(|&field| {
                    let (text, band) = field_value(&shell.def.scale, field, side);
                    html! { <><dt>{ field.label() }</dt><dd>{ value(text, band) }</dd></> }
                }) }
            </dl>
        }
    };
    html! {
        <tr key={change.item.as_str().to_owned()}>
            <th scope="row"><bdi>{ &change.title }</bdi></th>
            <td>{ section }</td>
            <td>{ fields(&change.before) }</td>
            <td>{ fields(&change.after) }</td>
        </tr>
    }
}

/// A value as text, isolated from the text around it and kept on its lines; a band is coloured
/// as well as named.
pub fn value(text: String, band: Option<Band>) -> Html {
    let class = match band {
        Some(b) => format!("rc-pre rc-band rc-band-{}", b.key()),
        None => "rc-pre".into(),
    };
    html! { <bdi {class}>{ text }</bdi> }
}

/// An overall rating in words, its band coloured too.
fn rating(r: OverallRating) -> Html {
    let band = match r {
        OverallRating::Band(b) => Some(b),
        _ => None,
    };
    html! { <strong>{ value(r.label(), band) }</strong> }
}

/// "before" as a column heading: "Before".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}
