//! Navigation between sections, each with its own progress and worst open risk.

use crate::core::scoring::SectionSummary;
use crate::core::{Assessment, ChecklistDefinition, Progress};
use crate::ui::state::{AppState, Msg};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SectionNavProps {
    pub def: Rc<ChecklistDefinition>,
    pub assessment: Rc<Assessment>,
    pub current: usize,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[component]
pub fn SectionNav(props: &SectionNavProps) -> Html {
    let sections =
        props.def.sections.iter().map(|s| SectionSummary::of(&props.def, s, &props.assessment));
    html! {
        <nav class="rc-nav" aria-label="Sections">
            <ol>
                { for sections.enumerate().map(|(i, s)| {
                    let dispatch = props.dispatch.clone();
                    let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::ShowSection(i)));
                    let current = i == props.current;
                    let Progress { assessed, total } = s.progress;
                    let done = assessed == total;
                    html! {
                        <li key={s.section.as_str().to_owned()}>
                            <button type="button" class={format!("rc-nav-button{}{}", if current { " rc-current" } else { "" }, if done { " rc-done" } else { "" })}
                                aria-current={current.then_some("true")} {onclick}>
                                <span class="rc-nav-title">{ &s.title }</span>
                                <span class="rc-nav-count">{ format!("{assessed} of {total} assessed") }</span>
                                if let Some(band) = s.worst {
                                    <span class={format!("rc-band rc-band-{}", band.key())}>{ format!("{} risk", band.label()) }</span>
                                }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
