//! Report exports: a CSV of every item for spreadsheets, and a standalone HTML report to read,
//! print or file.
//!
//! Everything here is a pure function of the definition and the assessment (and, for the HTML
//! report, the export time passed in), so every report is deterministic and tested natively.
//! Text from a definition or an assessment may come from anyone who sends a file, so the CSV
//! defuses spreadsheet formulas and the HTML escapes every character that could open markup.

use super::assessment::{unknown_items, Answer, Assessment, Response, Snapshot, Status};
use super::compare::{Field, ItemChange, Side};
use super::definition::{ChecklistDefinition, ItemId, RiskScale};
use super::scoring::{is_open, is_overdue, ratings, Band, ListedItem, OverallRating};
use super::summary_page::{
    band_key, baseline_warning, withdrawn_decision, AnswersRecord, HeatMap, Part, Review,
    SummaryPage,
};
use super::time::{date_text, Timestamp};
use super::words::{
    display_title, escaped, filled, level_text, progress_text, rating_text, risk_text,
    ALL_ASSESSED, CHANGES_HEADING, FINGERPRINT, ITS_CONDITIONS, MADE_WITH, NOT_ASSESSED_MEANS,
    NOT_RATED, NOT_RATED_MEANS, NOT_SET, NO_REASON, NO_RESPONSE, OUT_OF_SCOPE_ANSWERS, OVERDUE,
    RETIRED_ANSWERS, RETIRED_SECTION,
};
use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write};

/// The number of columns of the CSV report.
pub const CSV_COLUMNS: usize = 22;

/// The columns of the CSV report, in order.
pub const CSV_HEADER: [&str; CSV_COLUMNS] = [
    "Section",
    "Item",
    "Baseline",
    "In scope",
    "Out of scope because",
    "Status",
    "Likelihood",
    "Impact",
    "Score",
    "Band",
    "Before go-live",
    "Owner's acceptance",
    "Owner",
    "Due date",
    "Action",
    "Notes",
    "Previous status",
    "Previous band",
    "Open risk",
    "Response",
    "Overdue",
    "Fingerprint",
];

/// The Before go-live cell of a baseline item in scope not yet achieved.
pub const OUTSTANDING: &str = "Outstanding";
/// The Owner's acceptance cell of an open item rated at the highest impact level, or to be
/// tolerated.
pub const ACCEPTANCE_NEEDED: &str = "Needed";
/// The Before go-live cell of a baseline item in scope marked not applicable: its reason is
/// in the Notes column.
pub const NOT_APPLICABLE: &str = "Not applicable";

/// The line the HTML report shows when the answers, or the checklist version, changed after
/// the decision was recorded.
pub const NEEDS_REVIEW: &str = "Needs review: answers or checklist changed after sign-off";

/// One row per checklist item in checklist order, then one per answer to an item the checklist
/// does not have, so that no answer is lost from the export. Items out of scope keep their row
/// and answer, with "No" under "In scope" and the questions answered No that put them there,
/// but no Score or Band: the widget, the HTML report and the JSON summary count only items in
/// scope, and a spreadsheet filtering on Band must count the same. The Baseline, Before
/// go-live, Owner's acceptance and Band ("Not rated") cells mark the items on the summary's
/// lists. A review fills the last two columns, Previous status and Previous band, from its
/// copy of the assessment it reviews, on the same terms as of the scope then; they are empty
/// otherwise. They come last so that every earlier column keeps its place for spreadsheets
/// already reading it, and so does Open risk after them: "Yes" on every item the Open risks
/// list counts (in scope, not achieved or partially achieved, or rated and not yet given a
/// status), rated or not. The Band column also shows the band of a rated item that is achieved
/// or retired, so a filter on Open risk = Yes, then on Band, gives the summary's counts.
/// Three columns follow: Response (the Orange Book response chosen), Overdue ("Overdue" when an
/// open item's due date is before the day of export, `now`) and Fingerprint (on every row, the
/// fingerprint recorded with the decision as people read it, `3a5e ff73 6f80`; empty when none
/// is). Before go-live says "Not applicable" for a baseline item in scope marked so, its reason
/// in Notes; Owner's acceptance says "Needed" for open items at the highest impact and those to
/// be tolerated. Dates stay ISO (`YYYY-MM-DD`), as spreadsheets read them.
///
/// The text starts with a UTF-8 byte order mark, because without it Excel reads the file in the
/// local code page and garbles every non-ASCII character. Lines end in CRLF and fields are
/// quoted as RFC 4180 says. A cell that starts with `=`, `+`, `-`, `@`, tab or carriage return
/// gets a leading apostrophe, as OWASP advises against CSV injection: a spreadsheet would
/// otherwise run it as a formula.
pub fn csv_report(def: &ChecklistDefinition, a: &Assessment, now: &Timestamp) -> String {
    let page = SummaryPage::of(def, a, now);
    let summary = &page.summary;
    let ids = |list: &[ListedItem]| list.iter().map(|l| l.item.clone()).collect::<HashSet<_>>();
    let (unrated, before_go_live) = (ids(&summary.unrated), ids(&summary.before_go_live));
    let acceptance: HashSet<&ItemId> = page.acceptance.iter().map(|r| &r.item).collect();
    let not_applicable: HashSet<&ItemId> =
        page.not_applicable.iter().map(|n| &n.at.item.id).collect();
    let fingerprint = page.record.fingerprint.as_deref().unwrap_or_default();
    let open_rated: HashSet<&ItemId> = summary.open_risks.iter().map(|r| &r.item).collect();
    let out_of_scope: HashMap<&ItemId, &str> =
        summary.out_of_scope.iter().map(|o| (&o.item, o.reason.as_str())).collect();
    let previous = a.review_of.as_ref().map(|r| &r.previous);
    let mut rows = Vec::with_capacity(def.item_count() + a.answers.len() + 1);
    rows.push(CSV_HEADER.map(String::from));
    for (section, item) in def.items() {
        let id = &item.id;
        let reason = out_of_scope.get(id).copied();
        let in_scope_then = previous.map(|p| def.in_scope(section, item, &p.scope));
        let (previous_status, previous_band) =
            previous_cells(&def.scale, previous, id, in_scope_then);
        let marks = Marks {
            baseline: yes_or_blank(item.baseline),
            in_scope: if reason.is_some() { "No" } else { "Yes" },
            out_of_scope: reason.is_some(),
            out_of_scope_because: reason.unwrap_or_default(),
            not_rated: unrated.contains(id),
            open: unrated.contains(id) || open_rated.contains(id),
            before_go_live: if before_go_live.contains(id) {
                OUTSTANDING
            } else if not_applicable.contains(id) {
                NOT_APPLICABLE
            } else {
                ""
            },
            acceptance: if acceptance.contains(id) { ACCEPTANCE_NEEDED } else { "" },
            previous_status,
            previous_band,
            overdue: reason.is_none() && page.overdue(id),
            fingerprint,
        };
        rows.push(csv_row(&def.scale, &section.title, &item.title, a.answer(id), &marks));
    }
    for id in unknown_items(def, a) {
        // A retired item is in no list, and its scope is not known.
        let (previous_status, previous_band) = previous_cells(&def.scale, previous, &id, None);
        let marks = Marks { previous_status, previous_band, fingerprint, ..Marks::default() };
        rows.push(csv_row(&def.scale, RETIRED_SECTION, id.as_str(), a.answer(&id), &marks));
    }
    format!("\u{feff}{}", write_csv(&rows))
}

/// What a CSV row says about an item beyond its answer.
#[derive(Default)]
struct Marks<'a> {
    baseline: &'a str,
    in_scope: &'a str,
    /// Known to be out of scope, so without a score or band.
    out_of_scope: bool,
    out_of_scope_because: &'a str,
    not_rated: bool,
    /// On the summary's Open risks list, rated or not.
    open: bool,
    before_go_live: &'a str,
    acceptance: &'a str,
    previous_status: &'a str,
    previous_band: &'a str,
    /// Open, in scope, and its due date already past.
    overdue: bool,
    fingerprint: &'a str,
}

/// The Previous status and Previous band cells of an item: where it stood in the assessment a
/// review started from, or empty when there is none. Its band is on the same terms as the Band
/// column's: none out of scope, and "Not rated" only in scope, with `in_scope` saying whether
/// the item was in scope then (`None` when that is not known, for a retired item).
fn previous_cells(
    scale: &RiskScale,
    previous: Option<&Snapshot>,
    id: &ItemId,
    in_scope: Option<bool>,
) -> (&'static str, &'static str) {
    let Some(previous) = previous else { return ("", "") };
    let Some(answer) = previous.answers.get(id) else {
        return (Status::NotAssessed.label(), "");
    };
    let band = match scale.risk(answer) {
        _ if in_scope == Some(false) => "",
        Some(risk) => risk.band.label(),
        None if is_open(answer) && in_scope == Some(true) => NOT_RATED,
        None => "",
    };
    (answer.status.label(), band)
}

fn yes_or_blank(yes: bool) -> &'static str {
    if yes {
        "Yes"
    } else {
        ""
    }
}

fn csv_row(
    scale: &RiskScale,
    section: &str,
    item: &str,
    answer: &Answer,
    marks: &Marks,
) -> [String; CSV_COLUMNS] {
    let risk = scale.risk(answer).filter(|_| !marks.out_of_scope);
    let band = match risk {
        Some(r) => r.band.label(),
        None if marks.not_rated => NOT_RATED,
        None => "",
    };
    [
        section.to_owned(),
        item.to_owned(),
        marks.baseline.to_owned(),
        marks.in_scope.to_owned(),
        marks.out_of_scope_because.to_owned(),
        answer.status.label().to_owned(),
        level_or_blank(ratings(answer).0, &scale.likelihood),
        level_or_blank(ratings(answer).1, &scale.impact),
        risk.map(|r| r.score.to_string()).unwrap_or_default(),
        band.to_owned(),
        marks.before_go_live.to_owned(),
        marks.acceptance.to_owned(),
        answer.owner.clone(),
        answer.due.clone().unwrap_or_default(),
        answer.action.clone(),
        answer.notes.clone(),
        marks.previous_status.to_owned(),
        marks.previous_band.to_owned(),
        yes_or_blank(marks.open).to_owned(),
        answer.response.map_or("", |r| r.label()).to_owned(),
        if marks.overdue { OVERDUE } else { "" }.to_owned(),
        marks.fingerprint.to_owned(),
    ]
    // Every cell is guarded, not only the free-text ones: the fixed cells (labels, numbers,
    // dates) never start with a formula character, and one rule for all leaves no cell missed.
    .map(defuse_formula)
}

/// Prefixes an apostrophe to a cell a spreadsheet would read as a formula.
fn defuse_formula(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// The rows as RFC 4180 text: fields separated by commas, each line ended by CRLF, and a field
/// quoted (its quotes doubled) when it holds a comma, a quote, CR or LF. Hand-written rather than
/// the csv crate's writer, whose run-time quoting choice links a float parser into the bundle;
/// the tests read every report back with the csv crate's reader.
fn write_csv(rows: &[[String; CSV_COLUMNS]]) -> String {
    let mut out = String::new();
    for row in rows {
        for (n, field) in row.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            if field.contains([',', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&field.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(field);
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// A rating in words, or an empty cell when not rated.
fn level_or_blank(level: Option<u8>, labels: &[String]) -> String {
    level.map(|l| level_text(l, labels)).unwrap_or_default()
}

/// A standalone HTML5 report: no scripts and nothing loaded from elsewhere, styles in the
/// head, laid out for A4 paper. Every text from the definition or the assessment is escaped
/// and isolated with `<bdi>`, so markup in it stays text and a bidi override in it cannot
/// reorder the text around it. Status and band are always written out, never shown by colour
/// alone. It reflows down to 320 CSS px wide (WCAG 1.4.10): lists of terms wrap, and each table
/// scrolls in a region of its own rather than the whole page.
pub fn html_report(def: &ChecklistDefinition, a: &Assessment, now: &Timestamp) -> String {
    let mut out = String::with_capacity(32 * 1024);
    // Writing into a String cannot fail, so the empty fallback is never reached in practice.
    match write_report(&mut out, def, a, now) {
        Ok(()) => out,
        Err(fmt::Error) => String::new(),
    }
}

const STYLE: &str = "
@page { size: A4; margin: 15mm 12mm; }
html { color: #111; background: #fff; font: 11pt/1.45 system-ui, -apple-system, \"Segoe UI\", Roboto, Arial, sans-serif; }
body { max-width: 60rem; margin: 0 auto; padding: 1rem; overflow-wrap: break-word; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h1 .checklist { display: block; font-size: 1.1rem; font-weight: 400; }
h2 { font-size: 1.3rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #666; }
h3 { font-size: 1.1rem; margin: 1rem 0 .4rem; }
h4 { font-size: 1rem; margin: .75rem 0 .25rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
th, td { border: 1px solid #666; padding: .2rem .4rem; text-align: left; vertical-align: top; }
thead th, thead td { background: #e8e8e8; }
table.counts { width: auto; }
.heat-map td { text-align: center; min-width: 5rem; }
.heat-map .count { font-size: 1.2rem; font-weight: 700; display: block; }
.band-low { background: #dcefdc; }
.band-medium { background: #fff0c2; }
.band-high { background: #f9d3d0; }
dl.fields { display: grid; grid-template-columns: fit-content(50%) minmax(0, 1fr); gap: .1rem 1rem; margin: .25rem 0; }
dl.fields dt, dl.fields dd { overflow-wrap: anywhere; }
dl.fields dt { font-weight: 600; }
dl.fields dd { margin: 0; }
@media (max-width: 30em) {
  dl.fields { grid-template-columns: minmax(0, 1fr); }
  dl.fields dd { margin-bottom: .3rem; }
}
.long { white-space: pre-wrap; overflow-wrap: anywhere; }
.none { color: #555; font-style: italic; }
.needs-review { border: 2px solid #a00; padding: .4rem .6rem; font-weight: 700; }
.warning { border: 2px solid #8a5a00; padding: .4rem .6rem; }
.overdue { color: #a00; }
.fingerprint { font-family: ui-monospace, Consolas, monospace; letter-spacing: .05em; }
.baseline { font-weight: 600; margin: .25rem 0; }
article.answer { border-top: 1px solid #bbb; }
footer { margin-top: 2rem; border-top: 1px solid #bbb; font-size: .9rem; }
@media print {
  body { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3, h4 { break-after: avoid; }
  tr, article.answer, .heat-map, dl.fields { break-inside: avoid; }
  thead { display: table-header-group; }
  .scroll { overflow: visible; }
}
";

fn write_report(
    out: &mut String,
    def: &ChecklistDefinition,
    a: &Assessment,
    now: &Timestamp,
) -> fmt::Result {
    let page = SummaryPage::of(def, a, now);
    let summary = &page.summary;
    let title = display_title(&a.title);
    // The title element holds plain text, where <bdi> does nothing; the Unicode isolates
    // U+2068 and U+2069 do the same job there.
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>\u{2068}{}\u{2069} – \u{2068}{}\u{2069}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title),
        escape(&def.title)
    )?;
    write!(
        out,
        "<header>\n<h1>{} <span class=\"checklist\">{}</span></h1>\n",
        text(title),
        text(&def.title)
    )?;
    fields(
        out,
        &[
            ("Checklist", format!("{}, version {}", text(&def.title), text(&def.version))),
            ("Assessor", text_or_none(&a.assessor)),
            ("Exported", text(&date_text(&page.today))),
            ("Last changed", text(&date_text(a.updated.date()))),
        ],
    )?;
    out.push_str("</header>\n<main>\n");
    write_signoff(out, &page, summary.before_go_live.len())?;
    write_scope(out, def, a)?;
    write_summary(out, &page)?;
    if let Some(review) = &page.review {
        write_changes(out, &page, review)?;
    }
    write_before_go_live(out, &page)?;
    write_open_risks(out, &page)?;
    write_needs_acceptance(out, &page)?;
    write_out_of_scope(out, &page)?;
    write_not_assessed(out, &page)?;
    write_answers(out, &page)?;
    write_scale(out, &def.scale)?;
    out.push_str("</main>\n");
    write_footer(out)?;
    out.push_str("</body>\n</html>\n");
    Ok(())
}

fn write_footer(out: &mut String) -> fmt::Result {
    write!(out, "<footer>\n<p>{}</p>\n</footer>\n", escape(MADE_WITH))
}

fn write_signoff(out: &mut String, page: &SummaryPage, baseline_open: usize) -> fmt::Result {
    out.push_str("<section aria-labelledby=\"signoff\">\n<h2 id=\"signoff\">Sign-off</h2>\n");
    let (a, record) = (page.assessment, &page.record);
    if let Some(line) = &record.withdrawn {
        writeln!(out, "<p class=\"warning\">{}</p>", escape(line))?;
    }
    let Some(s) = &a.signoff else {
        out.push_str("<p>Not signed off yet.</p>\n");
        write_withdrawn(out, a)?;
        out.push_str("</section>\n");
        return Ok(());
    };
    if let Some(review) = &record.review {
        writeln!(out, "<p class=\"needs-review\">{}</p>", escape(review))?;
    }
    if s.needs_review {
        writeln!(out, "<p class=\"needs-review\">{NEEDS_REVIEW}</p>")?;
    }
    if let Some(warning) = baseline_warning(s, baseline_open) {
        writeln!(out, "<p class=\"warning\"><strong>Warning:</strong> {warning}</p>")?;
    }
    if !s.is_decided() {
        // A draft keeps what was entered so far; it is shown, but not as a decision.
        out.push_str("<p>Not signed off yet.</p>\n");
    }
    let decision = s.decision.map_or_else(none, |d| d.label().to_owned());
    fields(
        out,
        &[
            ("Risk owner", text_or_none(&s.owner)),
            ("Role", text_or_none(&s.role)),
            ("Decision", decision),
            ("Conditions", long_text_or_none(&s.conditions)),
            ("Decision date", date_or_none(&s.decided)),
            ("Review date", date_or_none(&s.review_date)),
        ],
    )?;
    if let Some(fingerprint) = &record.fingerprint {
        fields(
            out,
            &[(FINGERPRINT, format!("<span class=\"fingerprint\">{}</span>", escape(fingerprint)))],
        )?;
    }
    if let Some(signed) = record.signed {
        writeln!(out, "<p>{signed}</p>")?;
    }
    if !s.warnings.is_empty() {
        out.push_str("<p>Warnings shown when the decision was recorded:</p>\n<ul>\n");
        for warning in &s.warnings {
            writeln!(out, "<li>{}</li>", escape(&warning.message()))?;
        }
        out.push_str("</ul>\n");
    }
    write_withdrawn(out, a)?;
    out.push_str("</section>\n");
    Ok(())
}

/// The decisions withdrawn by reopening the assessment, kept on record, oldest first.
fn write_withdrawn(out: &mut String, a: &Assessment) -> fmt::Result {
    if a.withdrawn.is_empty() {
        return Ok(());
    }
    out.push_str("<h3>Withdrawn decisions</h3>\n<ul>\n");
    for w in &a.withdrawn {
        writeln!(out, "<li>{}</li>", escape(&withdrawn_decision(w)))?;
    }
    out.push_str("</ul>\n");
    Ok(())
}

fn write_summary(out: &mut String, page: &SummaryPage) -> fmt::Result {
    let summary = &page.summary;
    let p = summary.progress;
    let unrated = summary.by_band.unrated;
    let class = match summary.overall_rating() {
        OverallRating::Band(band) => format!(" class=\"band-{}\"", band.key()),
        _ => String::new(),
    };
    write!(
        out,
        "<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n\
         <p class=\"overall\"><strong{class}>{}</strong></p>\n\
         <p>Progress: {}</p>\n<p>{}</p>\n<p>{}</p>\n",
        escape(&page.rating_sentence()),
        progress_text(p.assessed, p.total, p.percent()),
        escape(NOT_ASSESSED_MEANS),
        escape(NOT_RATED_MEANS)
    )?;
    let by_status = Status::ALL
        .iter()
        .map(|s| vec![s.label().to_owned(), summary.by_status.get(*s).to_string()]);
    table(out, "counts", "Items by status", &["Status", "Items"], by_status)?;
    let by_band = Band::ALL
        .iter()
        .rev()
        .map(|b| vec![b.label().to_owned(), summary.by_band.get(*b).to_string()])
        .chain([vec![NOT_RATED.to_owned(), unrated.to_string()]]);
    table(out, "counts", "Open risks by band", &["Band", "Open risks"], by_band)?;
    write_heat_map(out, &page.heat_map)?;
    write_band_key(out, &page.def.scale)?;
    let sections = summary.sections.iter().map(|s| {
        let worst = match s.rating() {
            OverallRating::Band(band) if s.unrated > 0 => format!(
                "{} and {}",
                band_cell(band),
                OverallRating::NotRated { open: s.unrated }.label()
            ),
            OverallRating::Band(band) => band_cell(band),
            rating @ OverallRating::NotRated { .. } => rating.label(),
            OverallRating::NoOpenRisks => "None".to_owned(),
        };
        let progress = match &s.out_of_scope {
            Some(reason) => format!("Out of scope: {}", text(reason)),
            None => format!(
                "{} of {} ({}%)",
                s.progress.assessed,
                s.progress.total,
                s.progress.percent()
            ),
        };
        vec![text(&s.title), progress, worst]
    });
    table(out, "", "Progress by section", &["Section", "Assessed", "Worst open band"], sections)?;
    out.push_str("</section>\n");
    Ok(())
}

/// Which scores make each band, beside the heat map.
fn write_band_key(out: &mut String, scale: &RiskScale) -> fmt::Result {
    out.push_str("<p>Bands by score (likelihood × impact):</p>\n<ul class=\"band-key\">\n");
    for (band, scores) in band_key(scale) {
        writeln!(out, "<li>{}: {scores}</li>", band_cell(band))?;
    }
    out.push_str("</ul>\n");
    Ok(())
}

fn write_heat_map(out: &mut String, map: &HeatMap) -> fmt::Result {
    let columns = map.impacts.len();
    let caption = "Open risks by likelihood (rows) and impact (columns)";
    open_scroll(out, caption)?;
    write!(
        out,
        "<table class=\"heat-map\">\n<caption>{caption}</caption>\n\
         <colgroup><col></colgroup><colgroup span=\"{columns}\"></colgroup>\n\
         <thead>\n<tr><td></td><th scope=\"colgroup\" colspan=\"{columns}\">Impact</th></tr>\n\
         <tr><th scope=\"col\">Likelihood</th>"
    )?;
    for impact in &map.impacts {
        write!(out, "<th scope=\"col\">{}</th>", text(impact))?;
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in &map.rows {
        write!(out, "<tr><th scope=\"row\">{}</th>", text(&row.likelihood))?;
        for cell in &row.cells {
            write!(
                out,
                "<td class=\"band-{}\" data-likelihood=\"{}\" data-impact=\"{}\">\
                 <span class=\"count\">{}</span> {}</td>",
                cell.band.key(),
                cell.likelihood,
                cell.impact,
                cell.count,
                cell.band.label()
            )?;
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    Ok(())
}

/// What changed since the assessment a review started from: which one it was, the overall
/// rating then and now, the risks opened, closed, raised and lowered, and each changed item
/// with the fields that differ, before and after. Notes are flagged as changed, not repeated:
/// the answers below hold them in full.
fn write_changes(out: &mut String, page: &SummaryPage, review: &Review) -> fmt::Result {
    write!(
        out,
        "<section aria-labelledby=\"changes\">\n<h2 id=\"changes\">{CHANGES_HEADING}</h2>\n<p>"
    )?;
    for part in &review.line {
        match part {
            Part::Words(words) => out.push_str(&escape(words)),
            Part::Outside(outside) => out.push_str(&text(outside)),
        }
    }
    out.push_str("</p>\n");
    // The conditions set then are what a review most often checks.
    if let Some(conditions) = &review.conditions {
        writeln!(out, "<p>{ITS_CONDITIONS}{}</p>", long_text_or_none(conditions))?;
    }
    let (c, def) = (&review.changes, page.def);
    writeln!(
        out,
        "<p>Overall rating: {} at the last review, {} now.</p>",
        rating(c.overall_before),
        rating(c.overall_after)
    )?;
    let counts =
        [("Opened", c.opened), ("Closed", c.closed), ("Raised", c.raised), ("Lowered", c.lowered)]
            .map(|(what, n)| vec![what.to_owned(), n.to_string()]);
    table(out, "counts", "Risks since the last review", &["Risks", "Items"], counts.into_iter())?;
    if c.is_empty() {
        out.push_str("<p>No answer has changed since the last review.</p>\n</section>\n");
        return Ok(());
    }
    let rows = c.items.iter().chain(&c.retired).map(|change| {
        let section = match &change.section {
            Some(id) => text(page.section_title(id)),
            None => text(RETIRED_SECTION),
        };
        vec![
            text(&change.title),
            section,
            change_fields(&def.scale, change, &change.before, false),
            change_fields(&def.scale, change, &change.after, true),
        ]
    });
    let header = ["Item", "Section", "At the last review", "Now"];
    table(out, "changes", "Items changed since the last review", &header, rows)?;
    out.push_str("</section>\n");
    Ok(())
}

/// An overall rating in a sentence: the band in bold, or what stands for it.
fn rating(r: OverallRating) -> String {
    match r {
        OverallRating::Band(band) => format!("<strong>{}</strong>", band_cell(band)),
        other => format!("<strong>{}</strong>", other.label()),
    }
}

/// The fields of one side of a changed item that differ, as a list of terms and values.
fn change_fields(scale: &RiskScale, change: &ItemChange, side: &Side, now: bool) -> String {
    let mut out = String::from("<dl class=\"fields\">");
    for field in &change.fields {
        let value = match field {
            Field::Scope => match &side.out_of_scope {
                Some(reason) => format!("Out of scope: {}", text(reason)),
                None => "In scope".to_owned(),
            },
            Field::Status => side.status.label().to_owned(),
            Field::Likelihood => level_or_not_rated(side.likelihood, &scale.likelihood),
            Field::Impact => level_or_not_rated(side.impact, &scale.impact),
            Field::Band => match side.risk {
                Some(risk) => risk_text(&band_cell(risk.band), risk.score),
                None => NOT_RATED.to_owned(),
            },
            Field::Owner => text_or_none(&side.owner),
            Field::Due => date_or_none(&side.due),
            Field::Action => long_text_or_none(&side.action),
            Field::Response => text_or_none(side.response.map_or("", |r| r.label())),
            Field::Notes if now => "Changed".to_owned(),
            Field::Notes => "<span class=\"none\">Not repeated here</span>".to_owned(),
        };
        // Writing into a String cannot fail.
        let _ = write!(out, "<dt>{}</dt><dd>{value}</dd>", field.label());
    }
    out.push_str("</dl>");
    out
}

/// Open risks ranked by score, then the open items not rated, marked so, in checklist order.
fn write_open_risks(out: &mut String, page: &SummaryPage) -> fmt::Result {
    out.push_str("<section aria-labelledby=\"open-risks\">\n<h2 id=\"open-risks\">Open risks, highest score first</h2>\n");
    let mut rows = page
        .risks()
        .map(|r| {
            vec![
                text(r.title),
                text(page.section_title(r.section)),
                r.status.label().to_owned(),
                r.risk.map_or_else(|| NOT_RATED.to_owned(), |r| r.score.to_string()),
                r.risk.map_or_else(|| NOT_RATED.to_owned(), |r| band_cell(r.band)),
                response_cell(r.response),
                text_or_none(r.owner),
                due_cell(r.due, r.overdue),
                long_text_or_none(r.action),
            ]
        })
        .peekable();
    if rows.peek().is_none() {
        out.push_str("<p>No open risks.</p>\n");
    } else {
        let header = [
            "Item", "Section", "Status", "Score", "Band", "Response", "Owner", "Due date", "Action",
        ];
        table(out, "open-risks", "Open risks", &header, rows)?;
    }
    out.push_str("</section>\n");
    Ok(())
}

/// The scope questions and their answers, when the checklist asks any.
fn write_scope(out: &mut String, def: &ChecklistDefinition, a: &Assessment) -> fmt::Result {
    if def.questions.is_empty() {
        return Ok(());
    }
    out.push_str("<section aria-labelledby=\"scope\">\n<h2 id=\"scope\">Scope</h2>\n");
    let answer = |yes: Option<bool>| match yes {
        Some(true) => "Yes".to_owned(),
        Some(false) => "No".to_owned(),
        None => "<span class=\"none\">Not answered</span>".to_owned(),
    };
    out.push_str("<dl class=\"fields\">\n");
    for q in &def.questions {
        writeln!(out, "<dt>{}</dt><dd>{}</dd>", text(&q.question), answer(a.scope_answer(&q.id)))?;
    }
    out.push_str("</dl>\n");
    let retired = a.unknown_questions(def);
    if !retired.is_empty() {
        out.push_str("<p>Answers to questions this version of the checklist no longer asks, kept as they were:</p>\n<dl class=\"fields\">\n");
        for id in retired {
            writeln!(
                out,
                "<dt>{}</dt><dd>{}</dd>",
                text(id.as_str()),
                answer(a.scope_answer(&id))
            )?;
        }
        out.push_str("</dl>\n");
    }
    out.push_str("</section>\n");
    Ok(())
}

/// Baseline items in scope not yet achieved, when the checklist marks any item as baseline.
fn write_before_go_live(out: &mut String, page: &SummaryPage) -> fmt::Result {
    let (def, summary) = (page.def, &page.summary);
    if !def.items().any(|(_, item)| item.baseline) {
        return Ok(());
    }
    out.push_str("<section aria-labelledby=\"before-go-live\">\n<h2 id=\"before-go-live\">Before go-live</h2>\n\
                  <p>Baseline items: do not go live without them.</p>\n");
    if summary.before_go_live.is_empty() {
        out.push_str(
            "<p>None left: every baseline item in scope is achieved or not applicable.</p>\n",
        );
    } else {
        let rows = summary.before_go_live.iter().map(|r| {
            vec![
                text(&r.title),
                text(page.section_title(&r.section)),
                r.status.label().to_owned(),
                text_or_none(&r.owner),
                due_cell(r.due.as_deref(), page.overdue(&r.item)),
            ]
        });
        let header = ["Item", "Section", "Status", "Owner", "Due date"];
        table(out, "before-go-live", "Baseline items still to do", &header, rows)?;
    }
    if !page.not_applicable.is_empty() {
        out.push_str("<h3>Not applicable</h3>\n<p>Baseline items marked not applicable, with the reason given.</p>\n");
        let rows = page.not_applicable.iter().map(|n| {
            let reason = n.reason.as_deref().map_or_else(
                || format!("<span class=\"none\">{NO_REASON}</span>"),
                |r| format!("<bdi class=\"long\">{}</bdi>", escape(r)),
            );
            vec![text(&n.at.item.title), text(&n.at.section.title), reason]
        });
        let header = ["Item", "Section", "Reason"];
        table(out, "not-applicable", "Baseline items not applicable", &header, rows)?;
    }
    out.push_str("</section>\n");
    Ok(())
}

/// Open items at the highest impact level and those to be tolerated, which the risk owner
/// accepts explicitly.
fn write_needs_acceptance(out: &mut String, page: &SummaryPage) -> fmt::Result {
    let scale = &page.def.scale;
    let top = scale.impact_label(scale.top_impact()).unwrap_or_default();
    write!(
        out,
        "<section aria-labelledby=\"acceptance\">\n<h2 id=\"acceptance\">For the risk owner&#39;s acceptance</h2>\n\
         <p>Open items rated at the highest impact, {}, whatever their band, and open risks to be tolerated: the risk owner accepts each one explicitly.</p>\n",
        text(top)
    )?;
    if page.acceptance.is_empty() {
        out.push_str("<p>No open item is rated at the highest impact or to be tolerated.</p>\n");
    } else {
        let rows = page.acceptance.iter().map(|r| {
            vec![
                text(&r.title),
                text(&r.section_title),
                r.why().to_owned(),
                r.status.label().to_owned(),
                level_or_not_rated(r.likelihood, &scale.likelihood),
                level_or_not_rated(r.impact, &scale.impact),
                r.risk.map_or_else(|| NOT_RATED.to_owned(), |risk| band_cell(risk.band)),
                response_cell(r.response),
            ]
        });
        let header =
            ["Item", "Section", "Why", "Status", "Likelihood", "Impact", "Band", "Response"];
        table(out, "acceptance", "Open risks for the risk owner to accept", &header, rows)?;
    }
    out.push_str("</section>\n");
    Ok(())
}

/// The items out of scope and why, when the checklist asks scope questions.
fn write_out_of_scope(out: &mut String, page: &SummaryPage) -> fmt::Result {
    let (def, summary) = (page.def, &page.summary);
    if def.questions.is_empty() {
        return Ok(());
    }
    out.push_str(
        "<section aria-labelledby=\"out-of-scope\">\n<h2 id=\"out-of-scope\">Out of scope</h2>\n",
    );
    if summary.out_of_scope.is_empty() {
        out.push_str("<p>Every item is in scope.</p>\n");
    } else {
        let rows = summary
            .out_of_scope
            .iter()
            .map(|o| vec![text(&o.title), text(page.section_title(&o.section)), text(&o.reason)]);
        table(out, "out-of-scope", "Items out of scope", &["Item", "Section", "Why"], rows)?;
    }
    out.push_str("</section>\n");
    Ok(())
}

/// What each level of the scale means, when the checklist says.
fn write_scale(out: &mut String, scale: &RiskScale) -> fmt::Result {
    if scale.likelihood_descriptions.is_empty() && scale.impact_descriptions.is_empty() {
        return Ok(());
    }
    out.push_str("<section aria-labelledby=\"scale\">\n<h2 id=\"scale\">Risk scale</h2>\n");
    for (name, labels, descriptions) in [
        ("Likelihood", &scale.likelihood, &scale.likelihood_descriptions),
        ("Impact", &scale.impact, &scale.impact_descriptions),
    ] {
        if descriptions.is_empty() {
            continue;
        }
        let rows = labels
            .iter()
            .zip(descriptions)
            .enumerate()
            .map(|(i, (label, meaning))| vec![(i + 1).to_string(), text(label), text(meaning)]);
        let caption = format!("{name} levels");
        table(out, "scale", &caption, &["Level", name, "Meaning"], rows)?;
    }
    out.push_str("</section>\n");
    Ok(())
}

fn write_not_assessed(out: &mut String, page: &SummaryPage) -> fmt::Result {
    out.push_str("<section aria-labelledby=\"not-assessed\">\n<h2 id=\"not-assessed\">Not yet assessed</h2>\n");
    if page.not_assessed.is_empty() {
        writeln!(out, "<p>{ALL_ASSESSED}</p>")?;
    } else {
        let rows =
            page.not_assessed.iter().map(|at| vec![text(&at.item.title), text(&at.section.title)]);
        table(out, "", "Items not yet assessed", &["Item", "Section"], rows)?;
    }
    out.push_str("</section>\n");
    Ok(())
}

fn write_answers(out: &mut String, page: &SummaryPage) -> fmt::Result {
    let (def, a, today) = (page.def, page.assessment, page.today.as_str());
    out.push_str(
        "<section aria-labelledby=\"answers\">\n<h2 id=\"answers\">Answers by section</h2>\n",
    );
    let record = AnswersRecord::of(def, a);
    for (section, items) in record.sections {
        writeln!(out, "<h3>{}</h3>", text(&section.title))?;
        for item in items {
            write_answer(out, &def.scale, &item.title, item.baseline, a.answer(&item.id), today)?;
        }
    }
    if !record.out_of_scope.is_empty() {
        let (heading, line) = OUT_OF_SCOPE_ANSWERS;
        writeln!(out, "<h3>{heading}</h3>\n<p>{line}</p>")?;
        for item in record.out_of_scope {
            write_answer(out, &def.scale, &item.title, item.baseline, a.answer(&item.id), today)?;
        }
    }
    if !record.retired.is_empty() {
        let (heading, line) = RETIRED_ANSWERS;
        writeln!(out, "<h3>{heading}</h3>\n<p>{line}</p>")?;
        for id in record.retired {
            write_answer(out, &def.scale, id.as_str(), false, a.answer(&id), today)?;
        }
    }
    out.push_str("</section>\n");
    Ok(())
}

fn write_answer(
    out: &mut String,
    scale: &RiskScale,
    title: &str,
    baseline: bool,
    answer: &Answer,
    today: &str,
) -> fmt::Result {
    let risk = scale.risk(answer);
    let not_rated = || NOT_RATED.to_owned();
    write!(out, "<article class=\"answer\">\n<h4>{}</h4>\n", text(title))?;
    if baseline {
        out.push_str("<p class=\"baseline\">Baseline: do not go live without it.</p>\n");
    }
    fields(
        out,
        &[
            ("Status", answer.status.label().to_owned()),
            ("Likelihood", level_or_not_rated(ratings(answer).0, &scale.likelihood)),
            ("Impact", level_or_not_rated(ratings(answer).1, &scale.impact)),
            ("Score", risk.map_or_else(not_rated, |r| r.score.to_string())),
            ("Band", risk.map_or_else(not_rated, |r| band_cell(r.band))),
            ("Response", response_cell(answer.response)),
            ("Owner", text_or_none(&answer.owner)),
            ("Due date", due_cell(answer.due.as_deref(), is_overdue(answer, today))),
            ("Action", long_text_or_none(&answer.action)),
            ("Notes", long_text_or_none(&answer.notes)),
        ],
    )?;
    out.push_str("</article>\n");
    Ok(())
}

/// A table with a caption and column headers, in a region of its own; the first cell of each
/// row is its row header. Cells are HTML already: the callers escape what came from outside.
fn table(
    out: &mut String,
    class: &str,
    caption: &str,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> fmt::Result {
    let class = if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") };
    open_scroll(out, caption)?;
    write!(out, "<table{class}>\n<caption>{caption}</caption>\n<thead>\n<tr>")?;
    for h in header {
        write!(out, "<th scope=\"col\">{h}</th>")?;
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in rows {
        let mut cells = row.iter();
        write!(out, "<tr><th scope=\"row\">{}</th>", cells.next().map_or("", String::as_str))?;
        for cell in cells {
            write!(out, "<td>{cell}</td>")?;
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    Ok(())
}

/// Opens the region a table sits in, closed by `</div>` after it: a table wider than a narrow
/// screen scrolls there, not the whole page (WCAG 1.4.10, reflow). The region is focusable, so
/// that it scrolls from the keyboard too, and named after the table's caption, so that a
/// screen reader says what it holds when it gets the focus.
fn open_scroll(out: &mut String, caption: &str) -> fmt::Result {
    writeln!(
        out,
        "<div class=\"scroll\" role=\"region\" aria-label=\"{}\" tabindex=\"0\">",
        escape(caption)
    )
}

/// A list of terms and their values; the values are HTML already.
fn fields(out: &mut String, pairs: &[(&str, String)]) -> fmt::Result {
    out.push_str("<dl class=\"fields\">\n");
    for (term, value) in pairs {
        writeln!(out, "<dt>{term}</dt><dd>{value}</dd>")?;
    }
    out.push_str("</dl>\n");
    Ok(())
}

/// A rating level as `3 – Probable`, or [`NOT_RATED`] without one: the report says "Not rated"
/// of every missing rating, score and band, as the widget does, and keeps "Not set" for blank
/// text such as an owner.
fn level_or_not_rated(level: Option<u8>, labels: &[String]) -> String {
    match level {
        Some(_) => text(&rating_text(level, labels)),
        None => NOT_RATED.to_owned(),
    }
}

fn band_cell(band: Band) -> String {
    format!("<span class=\"band-{}\">{}</span>", band.key(), band.label())
}

/// Outside text, escaped and isolated so that a bidi override in it stays inside.
fn text(value: &str) -> String {
    format!("<bdi>{}</bdi>", escape(value))
}

/// Outside text, or "Not set" when it is blank.
fn text_or_none(value: &str) -> String {
    filled(value).map_or_else(none, text)
}

/// Longer outside text, such as notes, with its line breaks kept; or "Not set" when blank.
fn long_text_or_none(value: &str) -> String {
    filled(value).map_or_else(none, |v| format!("<bdi class=\"long\">{}</bdi>", escape(v)))
}

/// A date as people read it, `15 February 2026`, or "Not set".
fn date_or_none(value: &Option<String>) -> String {
    text_or_none(&value.as_deref().map(date_text).unwrap_or_default())
}

/// A due date, marked "Overdue" when it is already past.
fn due_cell(due: Option<&str>, overdue: bool) -> String {
    let date = text_or_none(&due.map(date_text).unwrap_or_default());
    if overdue {
        format!("{date} <strong class=\"overdue\">{OVERDUE}</strong>")
    } else {
        date
    }
}

/// The response chosen, or that none is.
fn response_cell(response: Option<Response>) -> String {
    match response {
        Some(r) => r.label().to_owned(),
        None => format!("<span class=\"none\">{NO_RESPONSE}</span>"),
    }
}

fn none() -> String {
    format!("<span class=\"none\">{NOT_SET}</span>")
}

/// Escapes the five characters that can open or close markup or an attribute value.
fn escape(value: &str) -> String {
    escaped(value, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_replaces_the_five_markup_characters_and_nothing_else() {
        let hostile = "<a href=\"x\" title='y'>&amp;</a> é \u{202e}";
        assert_eq!(
            escape(hostile),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; é \u{202e}"
        );
    }

    #[test]
    fn formulas_are_defused_and_other_cells_kept() {
        for (cell, expected) in
            [("=1+1", "'=1+1"), ("-2", "'-2"), ("\tx", "'\tx"), ("a=b", "a=b"), ("", "")]
        {
            assert_eq!(defuse_formula(cell.to_owned()), expected);
        }
    }
}
