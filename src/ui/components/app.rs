//! The root of one widget: shows the checklist, or says plainly why it cannot.
//!
//! The definition is the default checklist, an inline one, or one fetched from
//! `data-checklist-url` (see `app::config`). While a fetch is under way the widget says
//! "Loading the checklist…"; a failed request, an HTTP error, invalid JSON or an invalid
//! definition is shown as a message naming the URL and every problem, with its path.

use super::checklist::Checklist;
use crate::app::config::{heading_tag, DefinitionSource, HostConfig};
use crate::app::words;
use crate::core::{ChecklistDefinition, DefinitionError};
use std::fmt;
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
    let config = &props.config;
    let body = match &config.definition {
        DefinitionSource::Ready(Ok(def)) => {
            show_checklist(Rc::new(def.clone()), config, &props.id_prefix)
        }
        DefinitionSource::Ready(Err(errors)) => html! {
            <DefinitionProblems errors={errors.clone()} url={None::<AttrValue>} heading_level={config.heading_level} />
        },
        DefinitionSource::Url(url) => html! {
            <FetchedChecklist url={AttrValue::from(url.clone())} config={config.clone()} id_prefix={props.id_prefix.clone()} />
        },
    };
    html! { <div class="rc">{ body }</div> }
}

/// The checklist itself, once its definition is known, with the title and heading level the
/// embedding page asked for.
fn show_checklist(
    def: Rc<ChecklistDefinition>,
    config: &HostConfig,
    id_prefix: &AttrValue,
) -> Html {
    html! { <Checklist {def} namespace={config.namespace.clone()} id_prefix={id_prefix.clone()}
    default_title={config.default_title.clone()} heading_level={config.heading_level} /> }
}

/// Why a definition named by URL could not be used.
#[derive(Clone, Debug, PartialEq)]
enum LoadProblem {
    /// The request itself failed: no network, refused by CORS or by the page's
    /// Content-Security-Policy, or a URL the browser cannot fetch.
    Request(String),
    /// The server answered, but not with 2xx.
    Status(u16, String),
    /// The body could not be read.
    Body(String),
    /// The text is not JSON of the right shape, or breaks a rule: every problem, with its path.
    Definition(Vec<DefinitionError>),
}

impl fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadProblem::Request(message) => f.write_str(&words::request_failed(message)),
            LoadProblem::Status(status, text) => {
                f.write_str(&words::server_answered(*status, text))
            }
            LoadProblem::Body(message) => f.write_str(&words::body_unreadable(message)),
            LoadProblem::Definition(errors) => f.write_str(&words::it_has_problems(errors.len())),
        }
    }
}

impl std::error::Error for LoadProblem {}

/// Fetches and validates the definition at `url`.
async fn fetch_definition(url: &str) -> Result<ChecklistDefinition, LoadProblem> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| LoadProblem::Request(describe_net_error(&e)))?;
    if !response.ok() {
        return Err(LoadProblem::Status(response.status(), response.status_text()));
    }
    // Bytes, not text: the browser would decode a file in another encoding into garbled text
    // without a word, where the reader refuses it and says to save it as UTF-8.
    let bytes = response.binary().await.map_err(|e| LoadProblem::Body(describe_net_error(&e)))?;
    ChecklistDefinition::from_bytes(&bytes).map_err(LoadProblem::Definition)
}

fn describe_net_error(error: &gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(js) => js.message.clone(),
        other => other.to_string(),
    }
}

#[derive(Properties, PartialEq)]
struct FetchedProps {
    url: AttrValue,
    config: Rc<HostConfig>,
    id_prefix: AttrValue,
}

/// How long the checklist may take to load before the page says it is still waiting.
const STILL_WAITING_MS: u32 = 10_000;

/// Fetches the definition named by `data-checklist-url`, then shows the checklist or the problem.
#[component]
fn FetchedChecklist(props: &FetchedProps) -> Html {
    let loaded = use_state(|| None::<Result<Rc<ChecklistDefinition>, LoadProblem>>);
    // A server that never answers leaves no error to show: after a while the page says so.
    let slow = use_state(|| false);
    use_effect_with(props.url.clone(), {
        let (loaded, slow) = (loaded.clone(), slow.clone());
        move |url: &AttrValue| {
            loaded.set(None);
            slow.set(false);
            let url = url.to_string();
            yew::platform::spawn_local(async move {
                loaded.set(Some(fetch_definition(&url).await.map(Rc::new)));
            });
            let timer =
                gloo_timers::callback::Timeout::new(STILL_WAITING_MS, move || slow.set(true));
            move || drop(timer)
        }
    });
    let level = props.config.heading_level;
    match &*loaded {
        None if *slow => html! {
            <p class="rc-loading" role="status">
                {"Still waiting for the checklist from "}<code>{props.url.clone()}</code>
                {". The server is slow or not answering: reload the page to try again, or tell whoever looks after this page if it goes on."}
            </p>
        },
        None => html! { <p class="rc-loading" role="status">{"Loading the checklist…"}</p> },
        Some(Ok(def)) => show_checklist(def.clone(), &props.config, &props.id_prefix),
        Some(Err(LoadProblem::Definition(errors))) => html! {
            <DefinitionProblems errors={errors.clone()} url={Some(props.url.clone())} heading_level={level} />
        },
        Some(Err(problem)) => html! {
            <div class="rc-panel rc-warning" role="alert">
                <@{heading_tag(level, 0)}>{"This checklist cannot be shown"}</@>
                <p>{"The checklist definition at "}<code>{props.url.clone()}</code>{" could not be loaded: "}{problem.to_string()}</p>
            </div>
        },
    }
}

#[derive(Properties, PartialEq)]
struct ProblemsProps {
    errors: Vec<DefinitionError>,
    /// Where the definition came from, when it was fetched.
    url: Option<AttrValue>,
    heading_level: u8,
}

/// Tells the person embedding the widget what is wrong with their checklist definition.
#[component]
fn DefinitionProblems(props: &ProblemsProps) -> Html {
    let n = props.errors.len();
    let source = match &props.url {
        Some(url) => html! { <>{"The checklist definition at "}<code>{url.clone()}</code></> },
        None => html! { {"The checklist definition supplied to this page"} },
    };
    html! {
        <div class="rc-panel rc-warning" role="alert">
            <@{heading_tag(props.heading_level, 0)}>{"This checklist cannot be shown"}</@>
            <p>{source}{words::has_problems(n)}</p>
            <ul class="rc-problems">
                { for props.errors.iter().map(|e| html! { <li><code>{ if e.path.is_empty() { "(whole file)".to_owned() } else { e.path.clone() } }</code>{" "}{e.problem.to_string()}</li> }) }
            </ul>
        </div>
    }
}
