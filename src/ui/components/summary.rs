//! The one-page view for the senior risk owner: overall rating, what blocks go-live, heat map,
//! ranked open risks (rated, then not rated), sections, items not yet assessed, what is out of
//! scope and the decision, and for a review what changed since the last one; printed, the
//! scope, the rating scale and every answer too.

use super::compare::changes;
use super::scope::scale_lists;
use super::signoff::SignOffForm;
use crate::app::words;
use crate::app::Msg;
use crate::core::scoring::{is_overdue, Band, OverallRating};
use crate::core::summary_page::{
    band_key, AcceptanceRow, AnswersRecord, HeatMap, Part, RiskRow, SummaryPage,
};
use crate::core::time::date_text;
use crate::core::words::{
    display_title, filled, progress_text, ALL_ASSESSED, CHANGES_HEADING, FINGERPRINT,
    ITS_CONDITIONS, NOT_ASSESSED_MEANS, NOT_RATED, NOT_RATED_MEANS, NO_REASON, NO_RESPONSE,
    OUT_OF_SCOPE_ANSWERS, OVERDUE, RETIRED_ANSWERS,
};
use crate::core::{Assessment, ItemId, Response, Status, Summary};
use crate::ui::clock;
use crate::ui::context::{use_shell_of, Shell};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub assessment: Rc<Assessment>,
    /// The sign-off's problems found on recording, and the question before reopening.
    pub recording: Rc<crate::app::deciding::Recording>,
}

/// A rating in words: the worst band, and how many open items are not rated, so an item
/// plainly not achieved is never hidden behind "none". `none` is what a rating of nothing open
/// says.
fn rating_tag(rating: OverallRating, unrated: usize, none: &'static str) -> Html {
    match rating {
        OverallRating::Band(b) => html! {
            <span>
                <span class={format!("rc-band rc-band-{}", b.key())}>{ b.label() }</span>
                if unrated > 0 { { words::and_also(&OverallRating::NotRated { open: unrated }.label()) } }
            </span>
        },
        OverallRating::NotRated { .. } => {
            html! { <span class="rc-band rc-unrated">{ rating.label() }</span> }
        }
        OverallRating::NoOpenRisks => html! { <span class="rc-band">{ none }</span> },
    }
}

#[component]
pub fn SummaryView(props: &SummaryProps) -> Html {
    let Some(shell) = use_shell_of("SummaryView") else { return html! {} };
    // "Next: Summary" puts the focus here (`ui::focus`); from the Summary tab it stays on the tab.
    let own = shell.id("summary");
    let (def, a) = (&shell.def, &props.assessment);
    let page = SummaryPage::of(def, a, &clock::now());
    let s = &page.summary;
    html! {
        <section class="rc-summary" aria-label="Summary" id={own} tabindex="-1">
            <p class="rc-print-only rc-print-title">
                { words::print_title(display_title(&a.title), &def.title, &date_text(&page.today)) }
            </p>
            { notices(&page) }
            { overview(&page) }
            { review_changes(&shell, &page) }
            { before_go_live(&shell, &page) }
            { heat_map(&shell, &page) }
            { open_risks(&shell, &page) }
            { sections(&shell, s) }
            { not_assessed(&shell, &page) }
            { out_of_scope(&shell, s) }
            { retired(&shell, &page) }
            { scope_answers(&shell, a) }
            if !def.scale.likelihood_descriptions.is_empty() || !def.scale.impact_descriptions.is_empty() {
                <div class="rc-print-only">
                    <@{shell.heading(1)}>{"Rating scale"}</@>
                    { scale_lists(def) }
                </div>
            }
            { all_answers(&shell, a, &page.today) }
            // The decision comes after the evidence, as on a "check your answers" page.
            <SignOffForm assessment={a.clone()} recording={props.recording.clone()}
                acceptance={page.acceptance.clone()} />
            { record(&page) }
        </section>
    }
}

// Each part of the page is drawn by a function of its own. The compiler inlines them back into
// one render in the release build: kept out of line (`#[inline(never)]`), the bundle was
// 1.6 KB gzip heavier.

/// A heading one level below the widget's, with the id a region or link refers to.
fn heading(shell: &Shell, text: &str, id: &str) -> Html {
    html! { <@{shell.heading(1)} id={shell.id(id)}>{ text.to_owned() }</@> }
}

/// A link in a list of the Summary to an item, or to a section's heading without one. Its id
/// is the row's: following it remembers the row, which "Back to summary" gives the focus back.
pub fn row_link(
    shell: &Shell,
    list: &str,
    section: usize,
    item: Option<&ItemId>,
    key: &str,
    label: Html,
) -> Html {
    let row = format!("sum-{list}-{key}");
    let item = item.cloned();
    let id = shell.id(&row);
    let onclick = shell.on_click_send(move || Msg::FromSummary {
        section,
        item: item.clone(),
        row: row.clone(),
    });
    html! { <button type="button" class="rc-link" {id} {onclick}>{ label }</button> }
}

/// The open risks for the risk owner's explicit acceptance, each a link to its item with why
/// it is listed and its response: the sign-off shows them.
pub fn acceptance_list(shell: &Shell, rows: &[AcceptanceRow]) -> Html {
    html! {
        <ul class="rc-todo">
            { for rows.iter().map(|r| html! {
                <li>{ row_link(shell, "accept", r.section, Some(&r.item), r.item.as_str(), html! { <bdi>{ &r.title }</bdi> }) }
                    <span class="rc-hint">{ words::hint(r.why()) }{ words::hint(response_text(r.response)) }</span></li>
            }) }
        </ul>
    }
}

fn response_text(response: Option<Response>) -> &'static str {
    response.map_or(NO_RESPONSE, Response::label)
}

/// What is due of the decision on record, or that it was withdrawn: at the top of the page.
fn notices(page: &SummaryPage) -> Html {
    let r = &page.record;
    html! {
        <>
            if let Some(review) = &r.review {
                <p class="rc-panel rc-warning rc-review-due"><strong>{ review }</strong></p>
            }
            if let Some(withdrawn) = &r.withdrawn {
                <p class="rc-panel rc-withdrawn">{ withdrawn }</p>
            }
        </>
    }
}

/// The fingerprint recorded with the decision, and whether the answers still match it.
fn record(page: &SummaryPage) -> Html {
    let r = &page.record;
    let Some(fingerprint) = &r.fingerprint else { return html! {} };
    html! {
        <div class="rc-record">
            <dl class="rc-facts">
                <dt>{ FINGERPRINT }</dt><dd class="rc-fingerprint">{ fingerprint }</dd>
            </dl>
            if let Some(signed) = r.signed { <p class="rc-signed">{ signed }</p> }
        </div>
    }
}

fn overview(page: &SummaryPage) -> Html {
    let s = &page.summary;
    let p = s.progress;
    let b = &s.by_band;
    let statuses = Status::ALL
        .iter()
        .map(|st| words::status_count(s.by_status.get(*st), st.label()))
        .collect::<Vec<_>>()
        .join(", ");
    let class = match s.overall_rating() {
        OverallRating::Band(band) => classes!("rc-overall", format!("rc-overall-{}", band.key())),
        _ => classes!("rc-overall"),
    };
    html! {
        <>
            <p {class}><strong>{ page.rating_sentence() }</strong></p>
            <div class="rc-overview">
                <div class="rc-stat"><span class="rc-stat-label">{"Overall rating"}</span>{ rating_tag(s.overall_rating(), b.unrated, "No open risks") }</div>
                <div class="rc-stat"><span class="rc-stat-label">{"Progress"}</span>
                    <span>{ progress_text(p.assessed, p.total, p.percent()) }</span></div>
                <div class="rc-stat"><span class="rc-stat-label">{"Open risks"}</span>
                    <span>{ words::open_risk_counts(b.high, b.medium, b.low, b.unrated) }</span></div>
                <div class="rc-stat"><span class="rc-stat-label">{"Status"}</span><span>{ statuses }</span></div>
            </div>
            <p class="rc-hint rc-means">{ NOT_ASSESSED_MEANS }<br />{ NOT_RATED_MEANS }</p>
        </>
    }
}

fn before_go_live(shell: &Shell, page: &SummaryPage) -> Html {
    let todo = &page.summary.before_go_live;
    let na = &page.not_applicable;
    html! {
        <>
            { heading(shell, "Before go-live", "golive") }
            if todo.is_empty() {
                <p>{"No baseline item is left open: every item not to go live without is achieved or not applicable."}</p>
            } else {
                <p>{ words::baseline_open(todo.len()) }</p>
                <ul class="rc-todo">
                    { for todo.iter().map(|i| html! {
                        <li>{ row_link(shell, "golive", page.section_index(&i.section), Some(&i.item), i.item.as_str(), html! { <bdi>{ &i.title }</bdi> }) }
                            <span class="rc-hint">{ words::hint(i.status.label()) }</span>
                            if page.overdue(&i.item) { {" "}<strong class="rc-overdue">{ OVERDUE }</strong> }</li>
                    }) }
                </ul>
            }
            if !na.is_empty() {
                <p>{"Baseline items marked not applicable, with the reason given:"}</p>
                <ul class="rc-todo rc-not-applicable">
                    { for na.iter().map(|n| html! {
                        <li>{ row_link(shell, "na", n.at.index, Some(&n.at.item.id), n.at.item.id.as_str(), html! { <bdi>{ &n.at.item.title }</bdi> }) }
                            <span class="rc-hint"><bdi class="rc-pre">{ words::hint(n.reason.as_deref().unwrap_or(NO_REASON)) }</bdi></span></li>
                    }) }
                </ul>
            }
        </>
    }
}

fn heat_map(shell: &Shell, page: &SummaryPage) -> Html {
    let map: &HeatMap = &page.heat_map;
    html! {
        <>
            { heading(shell, "Risk heat map", "heat") }
            <div class="rc-scroll" tabindex="0" role="region" aria-labelledby={shell.id("heat")}>
                <table class="rc-table rc-heat">
                <caption>{"Open risks by likelihood (rows) and impact (columns)"}</caption>
                <thead><tr>
                    <td></td>
                    { for map.impacts.iter().map(|impact| html! { <th scope="col">{ words::impact_heading(impact) }</th> }) }
                </tr></thead>
                <tbody>
                    { for map.rows.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ words::likelihood_heading(&row.likelihood) }</th>
                            // The band in words as well as in colour, as in the report.
                            { for row.cells.iter().map(|cell| html! {
                                <td class={format!("rc-cell-{}", cell.band.key())}>
                                    <span class="rc-heat-count">{ cell.count.to_string() }</span>{" "}<span class="rc-heat-band">{ cell.band.label() }</span>
                                </td>
                            }) }
                        </tr>
                    }) }
                </tbody>
                </table>
            </div>
            { band_key_list(page) }
        </>
    }
}

/// Which scores make Low, Medium and High on the checklist's scale.
fn band_key_list(page: &SummaryPage) -> Html {
    let band = |b: Band| html! { <span class={format!("rc-band rc-band-{}", b.key())}>{ b.label() }</span> };
    html! {
        <div class="rc-band-key">
            <p>{"Bands by score (likelihood × impact):"}</p>
            <ul>
                { for band_key(&page.def.scale).into_iter().map(|(b, scores)| html! {
                    <li>{ band(b) }{ words::after_id(&scores) }</li>
                }) }
            </ul>
        </div>
    }
}

fn open_risks(shell: &Shell, page: &SummaryPage) -> Html {
    html! {
        <>
            { heading(shell, "Open risks, highest first", "risks") }
            if page.risks().next().is_none() {
                <p class="rc-empty">{"No open risk yet. Rate likelihood and impact on items not achieved."}</p>
            } else {
                <div class="rc-scroll" tabindex="0" role="region" aria-labelledby={shell.id("risks")}>
                    <table class="rc-table">
                    <thead><tr>
                        <th scope="col">{"Item"}</th><th scope="col">{"Risk"}</th><th scope="col">{"Status"}</th>
                        <th scope="col">{"Response"}</th><th scope="col">{"Owner"}</th><th scope="col">{"Due"}</th><th scope="col">{"Action"}</th>
                    </tr></thead>
                    // Open items not rated come after the rated ones, marked, and counted above.
                    <tbody>{ for page.risks().map(|r| risk_row(shell, page, r)) }</tbody>
                    </table>
                </div>
            }
        </>
    }
}

/// A row of Open risks: the item (a link to it), its risk (a band, or not rated), status,
/// response, owner, due date (marked when overdue) and action.
fn risk_row(shell: &Shell, page: &SummaryPage, r: RiskRow) -> Html {
    let risk = match r.risk {
        Some(risk) => {
            html! { <span class={format!("rc-band rc-band-{}", risk.band.key())}>{ risk.text() }</span> }
        }
        None => html! { <span class="rc-band rc-unrated">{ NOT_RATED }</span> },
    };
    html! {
        <tr>
            <th scope="row">{ row_link(shell, "risks", page.section_index(r.section), Some(r.item), r.item.as_str(), html! { <bdi>{ r.title }</bdi> }) }</th>
            <td>{ risk }</td>
            <td>{ r.status.label() }</td>
            <td>{ response_text(r.response) }</td>
            <td><bdi>{ r.owner }</bdi></td>
            <td>{ r.due.map(date_text).unwrap_or_default() }
                if r.overdue { {" "}<strong class="rc-overdue">{ OVERDUE }</strong> }</td>
            <td class="rc-pre"><bdi>{ r.action }</bdi></td>
        </tr>
    }
}

fn sections(shell: &Shell, s: &Summary) -> Html {
    html! {
        <>
            { heading(shell, "Sections", "sections") }
            <div class="rc-scroll" tabindex="0" role="region" aria-labelledby={shell.id("sections")}>
                <table class="rc-table">
                <thead><tr><th scope="col">{"Section"}</th><th scope="col">{"Assessed"}</th><th scope="col">{"Worst open risk"}</th></tr></thead>
                <tbody>
                    { for s.sections.iter().enumerate().filter(|(_, sec)| sec.out_of_scope.is_none()).map(|(i, sec)| html! {
                        <tr>
                            <th scope="row">{ row_link(shell, "sec", i, None, sec.section.as_str(), html! { { &sec.title } }) }</th>
                            <td>{ words::of(sec.progress.assessed, sec.progress.total) }</td>
                            <td>{ rating_tag(sec.rating(), sec.unrated, "None") }</td>
                        </tr>
                    }) }
                </tbody>
                </table>
            </div>
        </>
    }
}

fn not_assessed(shell: &Shell, page: &SummaryPage) -> Html {
    html! {
        <>
            { heading(shell, "Not yet assessed", "todo") }
            if page.not_assessed.is_empty() {
                <p>{ ALL_ASSESSED }</p>
            } else {
                <ul class="rc-todo">
                    { for page.not_assessed.iter().map(|at| html! {
                        <li>{ row_link(shell, "todo", at.index, Some(&at.item.id), at.item.id.as_str(), html! { <bdi>{ &at.item.title }</bdi> }) }
                            <span class="rc-hint">{ words::hint(&at.section.title) }</span></li>
                    }) }
                </ul>
            }
        </>
    }
}

fn out_of_scope(shell: &Shell, s: &Summary) -> Html {
    if s.out_of_scope.is_empty() {
        return html! {};
    }
    html! {
        <>
            { heading(shell, "Out of scope", "outofscope") }
            <p>{"These items do not apply, by the scope answers. Any answers they hold are kept, and come back if the scope changes."}</p>
            <ul class="rc-todo">
                { for s.out_of_scope.iter().map(|o| html! {
                    <li><bdi>{ &o.title }</bdi><span class="rc-hint">{ words::hint(&o.reason) }</span></li>
                }) }
            </ul>
        </>
    }
}

/// An open risk of an item a new version dropped must not vanish from the owner's page.
fn retired(shell: &Shell, page: &SummaryPage) -> Html {
    if page.retired.is_empty() {
        return html! {};
    }
    html! {
        <>
            { heading(shell, "Kept from an earlier version", "retired") }
            <p>{"This version of the checklist no longer has these items. Their answers are kept as they were but count in no figure above: look at each, and answer the item that replaced it, if one did."}</p>
            <ul class="rc-todo">
                { for page.retired.iter().map(|r| {
                    let risk = r.risk.map(|risk| risk.text());
                    html! { <li><bdi>{ r.id.as_str() }</bdi><span class="rc-hint">{ words::status_hint(r.status.label(), risk.as_deref()) }</span></li> }
                }) }
            </ul>
        </>
    }
}

fn scope_answers(shell: &Shell, a: &Assessment) -> Html {
    let questions = &shell.def.questions;
    if questions.is_empty() {
        return html! {};
    }
    html! {
        <>
            { heading(shell, "Scope answers", "scope") }
            <ul>
                { for questions.iter().map(|q| {
                    let answer = match a.scope.get(&q.id) { Some(true) => "Yes", Some(false) => "No", None => "Not answered" };
                    html! { <li><bdi>{ &q.question }</bdi>{ words::answer_after(answer) }</li> }
                }) }
            </ul>
        </>
    }
}

/// Every answered item, shown only when printing so the printout is the whole record.
fn all_answers(shell: &Shell, a: &Assessment, today: &str) -> Html {
    let def = &shell.def;
    let (h2, h3, h4) = (shell.heading(1), shell.heading(2), shell.heading(3));
    let record = AnswersRecord::of(def, a);
    let answer = |title: &str, id: &ItemId| {
        let ans = a.answer(id);
        let risk = def.scale.risk(ans).map_or_else(|| NOT_RATED.to_owned(), |r| r.text());
        let mut who = Vec::new();
        if let Some(owner) = filled(&ans.owner) {
            who.push(words::owner(owner));
        }
        if let Some(due) = &ans.due {
            who.push(words::due(&date_text(due)));
        }
        if let Some(response) = ans.response {
            who.push(words::response(response.label()));
        }
        let overdue = is_overdue(ans, today);
        html! {
            <div class="rc-print-item">
                <@{h4}>{ title }</@>
                <p>{ words::status_and_risk(ans.status.label(), &risk) }</p>
                if !who.is_empty() { <p>{ who.join(" · ") }
                    if overdue { {" "}<strong class="rc-overdue">{ OVERDUE }</strong> }</p> }
                if let Some(action) = filled(&ans.action) { <p class="rc-pre">{"Action: "}{ action }</p> }
                if let Some(notes) = filled(&ans.notes) { <p class="rc-pre">{"Notes: "}{ notes }</p> }
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
fn review_changes(shell: &Shell, page: &SummaryPage) -> Html {
    let Some(review) = &page.review else { return html! {} };
    let id = shell.id("changes");
    html! {
        <section class="rc-review-changes" aria-labelledby={id.clone()}>
            <@{shell.heading(1)} id={id}>{ CHANGES_HEADING }</@>
            <p>{ for review.line.iter().map(|part| match part {
                Part::Words(words) => html! { { words } },
                Part::Outside(outside) => html! { <bdi>{ outside }</bdi> },
            }) }</p>
            if let Some(conditions) = &review.conditions {
                <p class="rc-pre">{ ITS_CONDITIONS }<bdi>{ conditions }</bdi></p>
            }
            { changes(shell, &review.changes, ("at the last review", "now"), "changes-table", "Items changed since the last review") }
        </section>
    }
}
