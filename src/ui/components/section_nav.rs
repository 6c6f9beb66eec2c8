//! Navigation between sections, each with its own progress, worst open risk and open items
//! not rated.

use crate::app::words;
use crate::app::Msg;
use crate::core::scoring::SectionSummary;
use crate::core::Progress;
use crate::ui::context::use_shell_of;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SectionNavProps {
    /// Every section's progress and worst open risk: a change elsewhere leaves them equal,
    /// and the list is not rendered again.
    pub sections: Vec<SectionSummary>,
    pub current: usize,
}

#[component]
pub fn SectionNav(props: &SectionNavProps) -> Html {
    let Some(shell) = use_shell_of("SectionNav") else { return html! {} };
    html! {
        <nav class="rc-nav" aria-label="Sections">
            <ol>
                // A section the scope answers set aside leaves the list; its answers stay.
                { for props.sections.iter().enumerate().filter(|(_, s)| s.out_of_scope.is_none()).map(|(i, s)| {
                    let onclick = shell.on_click_send(move || Msg::ShowSection(i));
                    let current = i == props.current;
                    let Progress { assessed, total } = s.progress;
                    let done = assessed == total;
                    html! {
                        <li key={s.section.as_str().to_owned()}>
                            <button type="button" class={format!("rc-nav-button{}{}", if current { " rc-current" } else { "" }, if done { " rc-done" } else { "" })}
                                aria-current={current.then_some("true")} {onclick}>
                                <span class="rc-nav-title">{ &s.title }</span>
                                <span class="rc-nav-count">{ words::assessed_of(assessed, total) }</span>
                                if let Some(band) = s.worst {
                                    <span class={format!("rc-band rc-band-{}", band.key())}>{ words::band_risk(band.label()) }</span>
                                }
                                // Open items without both ratings show here too, so a section
                                // is never read as clear while items in it are not achieved.
                                if s.unrated > 0 {
                                    <span class="rc-band rc-unrated">{ words::count_not_rated(s.unrated) }</span>
                                }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
