//! The one-page view for the senior risk owner: overall rating, what blocks go-live, heat map,
//! ranked open risks (rated, then not rated), sections, items not yet assessed, what is out of
//! scope and the decision, and for a review what changed since the last one; printed, the
//! scope, the rating scale and every answer too.

use super::compare::changes;
use super::scope::scale_lists;
use super::signoff::SignOffForm;
use crate::app::choices::quoted;
use crate::app::Msg;
use crate::core::assessment::unknown_items;
use crate::core::compare::since_review;
use crate::core::report::{
    AnswersRecord, CHANGES_HEADING, NOT_RATED, OUT_OF_SCOPE_ANSWERS, RETIRED_ANSWERS,
};
use crate::core::scoring::{heat_map, ListedItem, OverallRating};
use crate::core::{Assessment, ItemId, Status, Summary};
use crate::ui::clock;
use crate::ui::context::{rendered, use_shell, Shell};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub assessment: Rc<Assessment>,
}

/// A rating in words: the worst band, and how many open items are not rated, so an item
/// plainly not achieved is never hidden behind "none". `none` is what a rating of nothing open
/// says.
fn rating_tag(rating: OverallRating, unrated: usize, none: &'static str) -> Html {
    match rating {
        OverallRating::Band(b) => html! {
            <span>
                <span class={format!("rc-band rc-band-{}", b.key())}>{ b.label() }</span>
                if unrated > 0 { { format!(" and {}", OverallRating::NotRated { open: unrated }.label()) } }
            </span>
        },
        OverallRating::NotRated { .. } => {
            html! { <span class="rc-band rc-unrated">{ rating.label() }</span> }
        }
        OverallRating::NoOpenRisks => html! { <span class="rc-band">{ none }</span> },
    }
}

/// A row of Open risks: the item, its risk (a band, or not rated), status, owner, due date and
/// action.
fn risk_row(
    title: &str,
    risk: Html,
    status: Status,
    owner: &str,
    due: &Option<String>,
    action: &str,
) -> Html {
    html! {
        <tr>
            <th scope="row"><bdi>{ title }</bdi></th>
            <td>{ risk }</td>
            <td>{ status.label() }</td>
            <td><bdi>{ owner }</bdi></td>
            <td>{ due.clone().unwrap_or_default() }</td>
            <td class="rc-pre"><bdi>{ action }</bdi></td>
        </tr>
    }
}

/// A list of items with their section, each a way to its section.
fn item_list(
    items: &[ListedItem],
    show: impl Fn(usize, &ItemId) -> Callback<MouseEvent>,
    index: impl Fn(&ListedItem) -> usize,
) -> Html {
    html! {
        <ul class="rc-todo">
            { for items.iter().map(|i| html! {
                <li><button type="button" class="rc-link" onclick={show(index(i), &i.item)}><bdi>{ &i.title }</bdi></button>
                    <span class="rc-hint">{ format!(" – {}", i.status.label()) }</span></li>
            }) }
        </ul>
    }
}

#[component]
pub fn SummaryView(props: &SummaryProps) -> Html {
    rendered("SummaryView");
    let Some(shell) = use_shell() else { return html! {} };
    // "Next: Summary" puts the focus here (`ui::focus`); from the Summary tab it stays on the tab.
    let own = shell.id("summary");
    let def = &shell.def;
    let a = &props.assessment;
    let s = Summary::of(def, a);
    let grid = heat_map(def, a);
    // Links to the checklist put the focus on the item, or on the section's heading.
    let show_section = |i: usize| shell.on_click_send(move || Msg::GoTo { section: i, item: None });
    let show_item = |i: usize, item: &ItemId| {
        let item = item.clone();
        shell.on_click_send(move || Msg::GoTo { section: i, item: Some(item.clone()) })
    };
    let not_assessed: Vec<_> = def
        .sections
        .iter()
        .enumerate()
        .flat_map(|(si, sec)| {
            sec.items
                .iter()
                .filter(|i| def.in_scope(sec, i, &a.scope) && !a.answer(&i.id).status.is_assessed())
                .map(move |i| (si, sec, i))
        })
        .collect();
    let retired = unknown_items(def, a);
    let section_of =
        |i: &ListedItem| def.sections.iter().position(|s| s.id == i.section).unwrap_or(0);
    let h2 = shell.heading(1);
    let heading = |text: &str, id: &str| html! { <@{h2} id={shell.id(id)}>{ text.to_owned() }</@> };
    html! {
        <section class="rc-summary" aria-label="Summary" id={own} tabindex="-1">
            <p class="rc-print-only rc-print-title">
                { format!("{} · {} · printed {}", crate::core::report::display_title(&a.title), def.title, clock::now().date()) }
            </p>

            <div class="rc-overview">
                <div class="rc-stat"><span class="rc-stat-label">{"Overall rating"}</span>{ rating_tag(s.overall_rating(), s.by_band.unrated, "No open risks") }</div>
                <div class="rc-stat"><span class="rc-stat-label">{"Progress"}</span>
                    <span>{ format!("{} of {} items assessed ({}%)", s.progress.assessed, s.progress.total, s.progress.percent()) }</span></div>
                <div class="rc-stat"><span class="rc-stat-label">{"Open risks"}</span>
                    <span>{ format!("{} high, {} medium, {} low, {} not rated", s.by_band.high, s.by_band.medium, s.by_band.low, s.by_band.unrated) }</span></div>
                <div class="rc-stat"><span class="rc-stat-label">{"Status"}</span>
                    <span>{ Status::ALL.iter().map(|st| format!("{} {}", s.by_status.get(*st), st.label().to_ascii_lowercase())).collect::<Vec<_>>().join(", ") }</span></div>
            </div>

            { review_changes(&shell, a) }

            { heading("Before go-live", "golive") }
            if s.before_go_live.is_empty() {
                <p>{"No baseline item is left open: every item not to go live without is achieved or not applicable."}</p>
            } else {
                <p>{ format!("{} baseline {} still to do. These are the items not to go live without:",
                    s.before_go_live.len(), if s.before_go_live.len() == 1 { "item is" } else { "items are" }) }</p>
                { item_list(&s.before_go_live, show_item, section_of) }
            }

            <SignOffForm signoff={a.signoff.clone().unwrap_or_default()}
                baseline_open={s.before_go_live.len()} acceptance={s.needs_acceptance.iter().map(|i| i.title.clone()).collect::<Vec<_>>()} />

            { heading("Risk heat map", "heat") }
            <div class="rc-scroll" tabindex="0" role="region" aria-labelledby={shell.id("heat")}>
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
                                    // The band in words as well as in colour, as in the report.
                                    html! { <td class={format!("rc-cell-{}", band.key())}>
                                        <span class="rc-heat-count">{ n.to_string() }</span>{" "}<span class="rc-heat-band">{ band.label() }</span>
                                    </td> }
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
                </table>
            </div>

            { heading("Open risks, highest first", "risks") }
            if s.open_risks.is_empty() && s.unrated.is_empty() {
                <p class="rc-empty">{"No open risk yet. Rate likelihood and impact on items not achieved."}</p>
            } else {
                <div class="rc-scroll" tabindex="0" role="region" aria-labelledby={shell.id("risks")}>
                    <table class="rc-table">
                    <thead><tr>
                        <th scope="col">{"Item"}</th><th scope="col">{"Risk"}</th><th scope="col">{"Status"}</th>
                        <th scope="col">{"Owner"}</th><th scope="col">{"Due"}</th><th scope="col">{"Action"}</th>
                    </tr></thead>
                    <tbody>
                        { for s.open_risks.iter().map(|r| risk_row(&r.title,
                            html! { <span class={format!("rc-band rc-band-{}", r.band.key())}>{ format!("{} ({})", r.band.label(), r.score) }</span> },
                            r.status, &r.owner, &r.due, &r.action)) }
                        // Open items not rated come after the rated ones, marked, and counted above.
                        { for s.unrated.iter().map(|r| risk_row(&r.title,
                            html! { <span class="rc-band rc-unrated">{ NOT_RATED }</span> },
                            r.status, &r.owner, &r.due, &r.action)) }
                    </tbody>
                    </table>
                </div>
            }

            { heading("Sections", "sections") }
            <div class="rc-scroll" tabindex="0" role="region" aria-labelledby={shell.id("sections")}>
                <table class="rc-table">
                <thead><tr><th scope="col">{"Section"}</th><th scope="col">{"Assessed"}</th><th scope="col">{"Worst open risk"}</th></tr></thead>
                <tbody>
                    { for s.sections.iter().enumerate().filter(|(_, sec)| sec.out_of_scope.is_none()).map(|(i, sec)| html! {
                        <tr>
                            <th scope="row"><button type="button" class="rc-link" onclick={show_section(i)}>{ &sec.title }</button></th>
                            <td>{ format!("{} of {}", sec.progress.assessed, sec.progress.total) }</td>
                            <td>{ rating_tag(sec.rating(), sec.unrated, "None") }</td>
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
                        <li><button type="button" class="rc-link" onclick={show_item(*si, &item.id)}>{ &item.title }</button>
                            <span class="rc-hint">{ format!(" – {}", sec.title) }</span></li>
                    }) }
                </ul>
            }

            if !s.out_of_scope.is_empty() {
                { heading("Out of scope", "outofscope") }
                <p>{"These items do not apply, by the scope answers. Any answers they hold are kept, and come back if the scope changes."}</p>
                <ul class="rc-todo">
                    { for s.out_of_scope.iter().map(|o| html! {
                        <li><bdi>{ &o.title }</bdi><span class="rc-hint">{ format!(" – {}", o.reason) }</span></li>
                    }) }
                </ul>
            }

            // An open risk of an item a new version dropped must not vanish from the owner's page.
            if !retired.is_empty() {
                { heading("Kept from an earlier version", "retired") }
                <p>{"This version of the checklist no longer has these items. Their answers are kept as they were but count in no figure above: look at each, and answer the item that replaced it, if one did."}</p>
                <ul class="rc-todo">
                    { for retired.iter().map(|id| {
                        let ans = a.answer(id);
                        let risk = def.scale.risk(ans).map(|r| format!(", {} ({})", r.band.label(), r.score)).unwrap_or_default();
                        html! { <li><bdi>{ id.as_str() }</bdi><span class="rc-hint">{ format!(" – {}{risk}", ans.status.label()) }</span></li> }
                    }) }
                </ul>
            }

            if !def.questions.is_empty() {
                { heading("Scope answers", "scope") }
                <ul>
                    { for def.questions.iter().map(|q| {
                        let answer = match a.scope.get(&q.id) { Some(true) => "Yes", Some(false) => "No", None => "Not answered" };
                        html! { <li><bdi>{ &q.question }</bdi>{ format!(" {answer}") }</li> }
                    }) }
                </ul>
            }

            if !def.scale.likelihood_descriptions.is_empty() || !def.scale.impact_descriptions.is_empty() {
                <div class="rc-print-only">
                    <@{h2}>{"Rating scale"}</@>
                    { scale_lists(def) }
                </div>
            }

            <AllAnswers assessment={a.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AnswersProps {
    assessment: Rc<Assessment>,
}

/// Every answered item, shown only when printing so the printout is the whole record.
#[component]
fn AllAnswers(props: &AnswersProps) -> Html {
    rendered("AllAnswers");
    let Some(shell) = use_shell() else { return html! {} };
    let (def, a) = (&shell.def, &props.assessment);
    let (h2, h3, h4) = (shell.heading(1), shell.heading(2), shell.heading(3));
    let record = AnswersRecord::of(def, a);
    let answer = |title: &str, id: &ItemId| {
        let ans = a.answer(id);
        let risk = def
            .scale
            .risk(ans)
            .map(|r| format!("{} ({})", r.band.label(), r.score))
            .unwrap_or_else(|| "not rated".into());
        let mut who = Vec::new();
        if !ans.owner.is_empty() {
            who.push(format!("Owner: {}", ans.owner));
        }
        if let Some(due) = &ans.due {
            who.push(format!("Due: {due}"));
        }
        html! {
            <div class="rc-print-item">
                <@{h4}>{ title }</@>
                <p>{ format!("Status: {} · Risk: {risk}", ans.status.label()) }</p>
                if !who.is_empty() { <p>{ who.join(" · ") }</p> }
                if !ans.action.is_empty() { <p class="rc-pre">{"Action: "}{ &ans.action }</p> }
                if !ans.notes.is_empty() { <p class="rc-pre">{"Notes: "}{ &ans.notes }</p> }
            </div>
        }
    };
    // Answers that count for nothing come last, each group under a heading that says so.
    let kept = |(heading, line): (&str, &str), items: Html| {
        html! {
            <section class="rc-print-section">
                <@{h3}>{ heading }</@>
                <p>{ line }</p>
                { items }
            </section>
        }
    };
    html! {
        <div class="rc-print-only">
            <@{h2}>{"All answers"}</@>
            { for record.sections.iter().map(|(sec, items)| html! {
                <section class="rc-print-section">
                    <@{h3}>{ &sec.title }</@>
                    { for items.iter().map(|item| answer(&item.title, &item.id)) }
                </section>
            }) }
            if !record.out_of_scope.is_empty() {
                { kept(OUT_OF_SCOPE_ANSWERS, record.out_of_scope.iter().map(|item| answer(&item.title, &item.id)).collect()) }
            }
            if !record.retired.is_empty() {
                { kept(RETIRED_ANSWERS, record.retired.iter().map(|id| answer(id.as_str(), id)).collect()) }
            }
        </div>
    }
}

/// For a review, what changed since the assessment it started from, against the copy the
/// review keeps of it, so that it shows after that assessment is deleted or on another computer.
fn review_changes(shell: &Shell, a: &Assessment) -> Html {
    let (Some(review), Some(c)) = (&a.review_of, since_review(&shell.def, a)) else {
        return html! {};
    };
    let id = shell.id("changes");
    let signoff = review.previous.signoff.as_ref().filter(|_| review.decided.is_some());
    let mut reviews = format!("This assessment reviews {}", quoted(&review.title));
    match &review.decided {
        Some(date) => reviews += &format!(", decided {date}"),
        None => reviews += ", which had no recorded decision",
    }
    if let Some(s) = signoff.filter(|s| !s.owner.is_empty()) {
        reviews += &format!(" by {}", s.owner);
    }
    if let Some(d) = signoff.and_then(|s| s.decision) {
        reviews += &format!(" ({})", d.label());
    }
    let conditions = review.previous.signoff.as_ref().map_or("", |s| s.conditions.as_str());
    html! {
        <section class="rc-review-changes" aria-labelledby={id.clone()}>
            <@{shell.heading(1)} id={id}>{ CHANGES_HEADING }</@>
            <p><bdi>{ reviews }</bdi>{"."}</p>
            if !conditions.is_empty() {
                <p class="rc-pre">{"Its conditions: "}<bdi>{ conditions }</bdi></p>
            }
            { changes(shell, &c, ("at the last review", "now"), "changes-table", "Items changed since the last review") }
        </section>
    }
}
