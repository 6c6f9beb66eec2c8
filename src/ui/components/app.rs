//! The root of one widget: shows the checklist, or every problem in a supplied definition.

use super::checklist::Checklist;
use crate::core::DefinitionError;
use crate::ui::config::HostConfig;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Rc<HostConfig>,
    /// Prefix for element ids, unique per widget on the page.
    pub id_prefix: AttrValue,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    match &props.config.definition {
        Ok(def) => html! {
            <div class="rc">
                <Checklist def={Rc::new(def.clone())} namespace={props.config.namespace.clone()} id_prefix={props.id_prefix.clone()} />
            </div>
        },
        Err(errors) => html! { <div class="rc"><DefinitionProblems errors={errors.clone()} /></div> },
    }
}

#[derive(Properties, PartialEq)]
struct ProblemsProps {
    errors: Vec<DefinitionError>,
}

/// Tells the person embedding the widget what is wrong with their checklist definition.
#[component]
fn DefinitionProblems(props: &ProblemsProps) -> Html {
    let n = props.errors.len();
    html! {
        <div class="rc-panel rc-warning" role="alert">
            <h2>{"This checklist cannot be shown"}</h2>
            <p>{format!("The checklist definition supplied to this page has {n} problem{}:", if n == 1 { "" } else { "s" })}</p>
            <ul class="rc-problems">
                { for props.errors.iter().map(|e| html! { <li><code>{ if e.path.is_empty() { "(whole file)".to_owned() } else { e.path.clone() } }</code>{" "}{e.to_string()}</li> }) }
            </ul>
        </div>
    }
}
