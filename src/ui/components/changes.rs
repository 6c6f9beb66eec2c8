//! What changed in the checklist since the assessment on screen was answered, said once when
//! an assessment made with an earlier version opens: each item new or changed since, linked as
//! the Summary links items, the answers moved to the item that now covers theirs, and those
//! kept as retired items. The core works all of it out; this only renders it.

use super::Shown;
use crate::app::words;
use crate::app::Msg;
use crate::core::changes::ChangesSince;
use crate::ui::context::use_shell_of;
use yew::prelude::*;

#[component]
pub fn ChangesNotice(props: &Shown<ChangesSince>) -> Html {
    let Some(shell) = use_shell_of("ChangesNotice") else { return html! {} };
    let c = &props.of;
    let title_id = shell.id("changes-title");
    let link = |section: usize, id: &crate::core::ItemId, title: &str| {
        let item = id.clone();
        let onclick = shell.on_click_send(move || Msg::GoTo { section, item: Some(item.clone()) });
        html! { <button type="button" class="rc-link" {onclick}><bdi>{ title.to_owned() }</bdi></button> }
    };
    let section_of = |id: &crate::core::ItemId| shell.def.section_of(id);
    let kept = c.kept.len();
    html! {
        <div class="rc-panel rc-changes" role="region" aria-labelledby={title_id.clone()}>
            <@{shell.heading(1)} id={title_id}>{ words::changes_heading(&c.from) }</@>
            <p>{ words::changes_intro(&c.from, &c.to) }</p>
            { for c.summaries.iter().map(|(version, text)| html! {
                <p><strong>{ words::version_lead(version) }</strong>{ text.clone() }</p>
            }) }
            if !c.items.is_empty() {
                <p>{ words::changed_items(c.items.len()) }</p>
                <ul class="rc-todo">
                    { for c.items.iter().map(|i| html! {
                        <li>{ link(i.section, &i.id, &i.title) }
                            if i.added { <span class="rc-hint">{" – new"}</span> }</li>
                    }) }
                </ul>
            }
            if !c.moved.is_empty() {
                <p>{"Answers moved to the item that now covers their item:"}</p>
                <ul>
                    { for c.moved.iter().map(|m| html! {
                        <li><bdi>{ m.from_title.clone() }</bdi>{" → "}
                            { match (section_of(&m.into), shell.def.item(&m.into)) {
                                (Some(s), Some(item)) => link(s, &m.into, &item.title),
                                _ => html! { <code>{ m.into.as_str().to_owned() }</code> },
                            } }</li>
                    }) }
                </ul>
            }
            if kept > 0 {
                <p>{ words::kept_retired(kept) }</p>
            }
            <button type="button" class="rc-button" onclick={shell.on_click_send(|| Msg::DismissChanges)}>
                {"Hide what changed"}
            </button>
        </div>
    }
}
