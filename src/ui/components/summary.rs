//! The one-page view for the senior risk owner: overall rating, heat map, ranked open risks,
//! sections, items not yet assessed, the decision and sign-off, and the report downloads.

use super::event_value;
use crate::core::assessment::{MAX_NAME, MAX_TEXT};
use crate::core::scoring::heat_map;
use crate::core::{Action, Assessment, ChecklistDefinition, Decision, SignOff, Status, Summary};
use crate::ui::clock;
use crate::ui::ops::Op;
use crate::ui::state::{AppState, Msg};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub def: Rc<ChecklistDefinition>,
    pub assessment: Rc<Assessment>,
    pub id_prefix: AttrValue,
    pub dispatch: UseReducerDispatcher<AppState>,
}

fn band_tag(band: Option<crate::core::Band>) -> Html {
    match band {
        Some(b) => {
            html! { <span class={format!("rc-band rc-band-{}", b.key())}>{ b.label() }</span> }
        }
        None => html! { <span class="rc-band">{"None rated"}</span> },
    }
}

#[component]
pub fn SummaryView(props: &SummaryProps) -> Html {
    let def = &props.def;
    let a = &props.assessment;
    let s = Summary::of(def, a);
    let grid = heat_map(def, a);
    let show_section = |i: usize| {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Msg::ShowSection(i)))
    };
    let not_assessed: Vec<_> = def
        .sections
        .iter()
        .enumerate()
        .flat_map(|(si, sec)| {
            sec.items
                .iter()
                .filter(|i| !a.answer(&i.id).status.is_assessed())
                .map(move |i| (si, sec, i))
        })
        .collect();
    let h2 = super::use_heading(1);
    let heading = |text: &str, id: &str| html! { <@{h2} id={format!("{}-{id}", props.id_prefix)}>{ text.to_owned() }</@> };
    html! {
        <section class="rc-summary" aria-label="Summary">
            <p class="rc-print-only rc-print-title">
                { format!("{} · {} · printed {}", crate::core::report::display_title(&a.title), def.title, clock::now().date()) }
            </p>

            <div class="rc-overview">
                <div class="rc-stat"><span class="rc-stat-label">{"Overall rating"}</span>{ band_tag(s.overall) }</div>
                <div class="rc-stat"><span class="rc-stat-label">{"Progress"}</span>
                    <span>{ format!("{} of {} items assessed ({}%)", s.progress.assessed, s.progress.total, s.progress.percent()) }</span></div>
                <div class="rc-stat"><span class="rc-stat-label">{"Open risks"}</span>
                    <span>{ format!("{} high, {} medium, {} low", s.by_band.high, s.by_band.medium, s.by_band.low) }</span></div>
                <div class="rc-stat"><span class="rc-stat-label">{"Status"}</span>
                    <span>{ Status::ALL.iter().map(|st| format!("{} {}", s.by_status.get(*st), st.label().to_ascii_lowercase())).collect::<Vec<_>>().join(", ") }</span></div>
            </div>

            <SignOffForm signoff={a.signoff.clone().unwrap_or_default()} id_prefix={props.id_prefix.clone()} dispatch={props.dispatch.clone()} />

            { heading("Risk heat map", "heat") }
            <div class="rc-scroll" tabindex="0" role="region" aria-labelledby={format!("{}-heat", props.id_prefix)}>
                <table class="rc-table rc-heat">
                <caption>{"Open risks by likelihood (rows) and impact (columns)"}</caption>
                <thead><tr>
                    <td></td>
                    { for def.scale.impact.iter().enumerate().map(|(i, label)| html! { <th scope="col">{ format!("Impact {} – {label}", i + 1) }</th> }) }
                </tr></thead>
                <tbody>
                    { for grid.iter().enumerate().map(|(r, row)| {
                        let level = def.scale.likelihood.len() - r;
                        let label = def.scale.likelihood.get(level - 1).cloned().unwrap_or_default();
                        html! {
                            <tr>
                                <th scope="row">{ format!("Likelihood {level} – {label}") }</th>
                                { for row.iter().enumerate().map(|(c, n)| {
                                    let band = def.scale.band((level * (c + 1)) as u32);
                                    html! { <td class={format!("rc-cell-{}", band.key())}>
                                        { n.to_string() }<span class="rc-visually-hidden">{ format!(" ({} band)", band.label()) }</span>
                                    </td> }
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
                </table>
            </div>

            { heading("Open risks, highest first", "risks") }
            if s.open_risks.is_empty() {
                <p class="rc-empty">{"No open risk is rated yet. Rate likelihood and impact on items not achieved."}</p>
            } else {
                <div class="rc-scroll" tabindex="0" role="region" aria-labelledby={format!("{}-risks", props.id_prefix)}>
                    <table class="rc-table">
                    <thead><tr>
                        <th scope="col">{"Item"}</th><th scope="col">{"Risk"}</th><th scope="col">{"Status"}</th>
                        <th scope="col">{"Owner"}</th><th scope="col">{"Due"}</th><th scope="col">{"Action"}</th>
                    </tr></thead>
                    <tbody>
                        { for s.open_risks.iter().map(|r| html! {
                            <tr>
                                <th scope="row"><bdi>{ &r.title }</bdi></th>
                                <td><span class={format!("rc-band rc-band-{}", r.band.key())}>{ format!("{} ({})", r.band.label(), r.score) }</span></td>
                                <td>{ r.status.label() }</td>
                                <td><bdi>{ &r.owner }</bdi></td>
                                <td>{ r.due.clone().unwrap_or_default() }</td>
                                <td class="rc-pre"><bdi>{ &r.action }</bdi></td>
                            </tr>
                        }) }
                    </tbody>
                    </table>
                </div>
            }

            { heading("Sections", "sections") }
            <div class="rc-scroll" tabindex="0" role="region" aria-labelledby={format!("{}-sections", props.id_prefix)}>
                <table class="rc-table">
                <thead><tr><th scope="col">{"Section"}</th><th scope="col">{"Assessed"}</th><th scope="col">{"Worst open risk"}</th></tr></thead>
                <tbody>
                    { for s.sections.iter().enumerate().map(|(i, sec)| html! {
                        <tr>
                            <th scope="row"><button type="button" class="rc-link" onclick={show_section(i)}>{ &sec.title }</button></th>
                            <td>{ format!("{} of {}", sec.progress.assessed, sec.progress.total) }</td>
                            <td>{ band_tag(sec.worst) }</td>
                        </tr>
                    }) }
                </tbody>
                </table>
            </div>

            { heading("Not yet assessed", "todo") }
            if not_assessed.is_empty() {
                <p>{"Every item has been assessed."}</p>
            } else {
                <ul class="rc-todo">
                    { for not_assessed.iter().map(|(si, sec, item)| html! {
                        <li><button type="button" class="rc-link" onclick={show_section(*si)}>{ &item.title }</button>
                            <span class="rc-hint">{ format!(" – {}", sec.title) }</span></li>
                    }) }
                </ul>
            }

            <AllAnswers def={def.clone()} assessment={a.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AnswersProps {
    def: Rc<ChecklistDefinition>,
    assessment: Rc<Assessment>,
}

/// Every answered item, shown only when printing so the printout is the whole record.
#[component]
fn AllAnswers(props: &AnswersProps) -> Html {
    let (def, a) = (&props.def, &props.assessment);
    let (h2, h3, h4) = (super::use_heading(1), super::use_heading(2), super::use_heading(3));
    html! {
        <div class="rc-print-only">
            <@{h2}>{"All answers"}</@>
            { for def.sections.iter().map(|sec| {
                let answered: Vec<_> = sec.items.iter().filter(|i| a.answers.contains_key(&i.id)).collect();
                if answered.is_empty() { return html! {}; }
                html! {
                    <section class="rc-print-section">
                        <@{h3}>{ &sec.title }</@>
                        { for answered.into_iter().map(|item| {
                            let ans = a.answer(&item.id);
                            let risk = def.scale.risk(ans).map(|r| format!("{} ({})", r.band.label(), r.score)).unwrap_or_else(|| "not rated".into());
                            html! {
                                <div class="rc-print-item">
                                    <@{h4}>{ &item.title }</@>
                                    <p>{ format!("Status: {} · Risk: {risk}", ans.status.label()) }</p>
                                    if !ans.owner.is_empty() || ans.due.is_some() {
                                        <p>{ format!("Owner: {} · Due: {}", ans.owner, ans.due.clone().unwrap_or_default()) }</p>
                                    }
                                    if !ans.action.is_empty() { <p class="rc-pre">{"Action: "}{ &ans.action }</p> }
                                    if !ans.notes.is_empty() { <p class="rc-pre">{"Notes: "}{ &ans.notes }</p> }
                                </div>
                            }
                        }) }
                    </section>
                }
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SignOffProps {
    signoff: SignOff,
    id_prefix: AttrValue,
    dispatch: UseReducerDispatcher<AppState>,
}

/// The risk owner's decision.
#[component]
fn SignOffForm(props: &SignOffProps) -> Html {
    let so = &props.signoff;
    let h2 = super::use_heading(1);
    let id = |f: &str| format!("{}-signoff-{f}", props.id_prefix);
    // Saved as typed, like every answer, so nothing waits for the field to lose focus.
    let set = |change: fn(&mut SignOff, String)| {
        let (d, current) = (props.dispatch.clone(), so.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(v) = event_value(&e) {
                let mut next = current.clone();
                change(&mut next, v);
                d.dispatch(Msg::Edit {
                    action: Action::SetSignOff { signoff: next },
                    now: clock::now(),
                });
            }
        })
    };
    let confirm = {
        let (d, current) = (props.dispatch.clone(), so.clone());
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Msg::Edit {
                action: Action::SetSignOff { signoff: current.clone() },
                now: clock::now(),
            })
        })
    };
    html! {
        <section class={if so.needs_review { "rc-signoff rc-stale" } else { "rc-signoff" }} aria-labelledby={id("heading")}>
            <@{h2} id={id("heading")}>{"Decision and sign-off"}</@>
            if so.needs_review {
                <div class="rc-panel rc-warning" role="alert">
                    <p><strong>{"Needs review: "}</strong>{"answers changed after the decision was recorded. The risk owner should look again and confirm or change the decision."}</p>
                    <button type="button" class="rc-button" onclick={confirm}>{"Confirm the decision again"}</button>
                </div>
            }
            <p class="rc-decision-line">{ match (so.decision, so.decided.as_deref()) {
                (Some(d), Some(on)) => format!("Decision: {} on {on}{}", d.label(), if so.owner.is_empty() { String::new() } else { format!(" by {}", so.owner) }),
                (Some(d), None) => format!("Decision: {} (date not recorded yet)", d.label()),
                _ => "Not signed off yet.".to_owned(),
            } }</p>
            <div class="rc-details">
                <div class="rc-field">
                    <label for={id("owner")}>{"Risk owner"}</label>
                    <input id={id("owner")} type="text" dir="auto" maxlength={MAX_NAME.to_string()} value={so.owner.clone()}
                        oninput={set(|s, v| s.owner = v)} />
                </div>
                <div class="rc-field">
                    <label for={id("role")}>{"Role"}</label>
                    <input id={id("role")} type="text" dir="auto" maxlength={MAX_NAME.to_string()} value={so.role.clone()}
                        oninput={set(|s, v| s.role = v)} />
                </div>
                <fieldset class="rc-field rc-wide rc-decision">
                    <legend>{"Decision"}</legend>
                    { for Decision::ALL.iter().map(|&dec| {
                        let rid = id(dec.key());
                        let d = props.dispatch.clone();
                        let current = so.clone();
                        let onchange = Callback::from(move |_: Event| {
                            let next = SignOff { decision: Some(dec), ..current.clone() };
                            d.dispatch(Msg::Edit { action: Action::SetSignOff { signoff: next }, now: clock::now() });
                        });
                        html! {
                            <span class="rc-choice">
                                <input type="radio" id={rid.clone()} name={id("decision")} checked={so.decision == Some(dec)} {onchange} />
                                <label for={rid}>{ dec.label() }</label>
                            </span>
                        }
                    }) }
                </fieldset>
                <div class="rc-field rc-wide">
                    <label for={id("conditions")}>{"Conditions"}</label>
                    <textarea id={id("conditions")} dir="auto" rows="2" maxlength={MAX_TEXT.to_string()} value={so.conditions.clone()}
                        oninput={set(|s, v| s.conditions = v)} />
                </div>
                <div class="rc-field">
                    <label for={id("review")}>{"Review date"}</label>
                    <input id={id("review")} type="date" value={so.review_date.clone().unwrap_or_default()}
                        oninput={set(|s, v| s.review_date = (!v.is_empty()).then_some(v))} />
                </div>
                <div class="rc-field">
                    <label for={id("decided")}>{"Date of decision"}</label>
                    <input id={id("decided")} type="date" value={so.decided.clone().unwrap_or_default()}
                        oninput={set(|s, v| s.decided = (!v.is_empty()).then_some(v))} />
                </div>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub run: Callback<Op>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// Downloads of the CSV and HTML reports, and printing.
#[component]
pub fn ReportButtons(props: &ReportProps) -> Html {
    let print = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Msg::ShowView(crate::ui::state::View::Summary));
            // Print once the summary is on screen.
            gloo_timers::callback::Timeout::new(50, || {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            })
            .forget();
        })
    };
    html! {
        <>
            <button type="button" class="rc-button" onclick={props.run.reform(|_: MouseEvent| Op::ExportReport { csv: true })}>{"Export CSV"}</button>
            <button type="button" class="rc-button" onclick={props.run.reform(|_: MouseEvent| Op::ExportReport { csv: false })}>{"Export HTML report"}</button>
            <button type="button" class="rc-button" onclick={print}>{"Print summary"}</button>
        </>
    }
}
