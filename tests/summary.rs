//! The Summary page's model and the reports built on it, for a decision on record: the
//! fingerprint shown and whether the answers still match it, the review due, a decision
//! withdrawn, the response of each open risk, due dates already past, baseline items not
//! applicable with their reasons, the risks for the owner's acceptance, the band key and the
//! overall rating as a sentence; the same facts in the CSV and the HTML report.
#![cfg(not(target_arch = "wasm32"))]

use risk_checklist::core::assessment::Withdrawn;
use risk_checklist::core::fingerprint::{fingerprint, shown};
use risk_checklist::core::report::{csv_report, html_report, CSV_HEADER};
use risk_checklist::core::scoring::{is_overdue, OverallRating};
use risk_checklist::core::summary_page::{band_key, rating_sentence, SummaryPage};
use risk_checklist::core::{
    Action, Answer, Assessment, Band, ChecklistDefinition, Decision, Document, ItemId, Response,
    SignOff, Status, Timestamp,
};

const FIXTURE: &str = include_str!("fixtures/assessment-mixed.json");

fn t(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

/// The day the page is shown or the report exported.
fn today() -> Timestamp {
    t("2026-12-07T09:00:00Z")
}

/// The fixture without its sign-off, after `actions`; then signed with a decision recorded on
/// 2026-11-20 for review on `review_date`, its fingerprint taken of the answers as they are.
fn signed(actions: Vec<Action>, review_date: &str) -> (ChecklistDefinition, Assessment) {
    let doc = Document::from_json(FIXTURE).unwrap();
    let (def, mut a) = (doc.definition, doc.assessment);
    a.signoff = None;
    for action in actions {
        assert!(a.apply(&def, action.clone(), t("2026-11-19T09:00:00Z")), "refused: {action:?}");
    }
    let mut signoff = SignOff {
        owner: "Jo Bloggs".into(),
        role: "SIRO".into(),
        decision: Some(Decision::ProceedWithConditions),
        conditions: "Fix it.".into(),
        review_date: Some(review_date.into()),
        decided: Some("2026-11-20".into()),
        recorded: Some(t("2026-11-20T10:00:00Z")),
        ..SignOff::default()
    };
    signoff.fingerprint = Some(fingerprint(&def, &a, &signoff));
    a.signoff = Some(signoff);
    (def, a)
}

fn item(id: &str) -> ItemId {
    ItemId::new(id)
}

fn respond(id: &str, response: Response) -> Action {
    Action::SetResponse { item: item(id), response: Some(response) }
}

#[test]
fn the_page_shows_the_fingerprint_recorded_and_that_the_answers_match_it() {
    let (def, a) = signed(vec![], "2027-06-30");
    let page = SummaryPage::of(&def, &a, &today());
    let hex = a.signoff.as_ref().unwrap().fingerprint.clone().unwrap();
    assert_eq!(page.record.fingerprint.as_deref(), Some(shown(&hex).as_str()));
    assert_eq!(page.record.fingerprint.as_deref().map(str::len), Some(14), "12 digits, 2 spaces");
    assert_eq!(page.record.signed, Some("This assessment matches the signed version."));
    assert_eq!((page.record.review.as_deref(), page.record.withdrawn.as_deref()), (None, None));

    // An answer changed since (as in a file edited by hand): the fingerprint recorded stays.
    let mut changed = a.clone();
    changed.answers.get_mut(&item("recovery")).unwrap().likelihood = Some(3);
    let page = SummaryPage::of(&def, &changed, &today());
    assert_eq!(page.record.fingerprint.as_deref(), Some(shown(&hex).as_str()));
    assert_eq!(page.record.signed, Some("This assessment has changed since it was signed."));

    // Nothing signed: nothing said.
    let mut draft = a.clone();
    draft.signoff = Some(SignOff { owner: "Jo".into(), ..SignOff::default() });
    let page = SummaryPage::of(&def, &draft, &today());
    assert_eq!((page.record.fingerprint, page.record.signed), (None, None));
}

#[test]
fn the_review_is_due_from_thirty_days_before_its_date_and_overdue_after_it() {
    for (review, expected) in [
        ("2027-01-07", None),
        ("2027-01-06", Some("Review due on 6 January 2027")),
        ("2026-12-07", Some("Review due on 7 December 2026")),
        ("2026-12-06", Some("Review overdue since 6 December 2026")),
    ] {
        let (def, a) = signed(vec![], review);
        let page = SummaryPage::of(&def, &a, &today());
        assert_eq!(page.record.review.as_deref(), expected, "{review}");
        let html = html_report(&def, &a, &today());
        if let Some(sentence) = expected {
            assert!(
                html.contains(&format!("<p class=\"needs-review\">{sentence}</p>")),
                "{review}"
            );
        }
    }
}

#[test]
fn a_withdrawn_decision_is_said_with_its_date_until_one_is_recorded_again() {
    let (def, mut a) = signed(vec![], "2027-06-30");
    let signoff = a.signoff.take().unwrap();
    a.withdrawn.push(Withdrawn { withdrawn: t("2026-12-01T09:30:00Z"), signoff: signoff.clone() });
    let page = SummaryPage::of(&def, &a, &today());
    assert_eq!(
        page.record.withdrawn.as_deref(),
        Some("Its decision was withdrawn on 1 December 2026.")
    );
    assert_eq!(page.record.signed, None);
    let html = html_report(&def, &a, &today());
    assert!(
        html.contains("<p class=\"warning\">Its decision was withdrawn on 1 December 2026.</p>")
    );
    assert!(html.contains("<li>Decision: Proceed with conditions on 20 November 2026 by Jo Bloggs; withdrawn on 1 December 2026</li>"));
    // Decided again: the withdrawn one stays on record, but is not the news.
    a.signoff = Some(signoff);
    let page = SummaryPage::of(&def, &a, &today());
    assert_eq!(page.record.withdrawn, None);
    assert!(html_report(&def, &a, &today()).contains("<h3>Withdrawn decisions</h3>"));
}

#[test]
fn open_risks_carry_their_response_and_whether_they_are_overdue() {
    let (def, a) = signed(
        vec![
            respond("shared-login", Response::Tolerate),
            Action::SetDue { item: item("recovery"), due: Some("2026-12-08".into()) },
        ],
        "2027-06-30",
    );
    let page = SummaryPage::of(&def, &a, &today());
    let row = |id: &str| {
        let r = page.risks().find(|r| r.item.as_str() == id).unwrap();
        (r.response, r.due, r.overdue)
    };
    assert_eq!(row("shared-login"), (Some(Response::Tolerate), Some("2026-03-31"), true));
    assert_eq!(row("approval"), (None, None, false));
    assert_eq!(row("recovery"), (None, Some("2026-12-08"), false), "due tomorrow");
    assert_eq!(row("capture"), (None, None, false), "not rated, listed after the rated ones");
}

#[test]
fn overdue_is_an_open_item_due_before_today() {
    let due = |status, due: &str| Answer { status, due: Some(due.into()), ..Answer::default() };
    assert!(is_overdue(&due(Status::NotAchieved, "2026-12-06"), "2026-12-07"));
    assert!(is_overdue(&due(Status::PartiallyAchieved, "2025-12-31"), "2026-01-01"));
    assert!(!is_overdue(&due(Status::NotAchieved, "2026-12-07"), "2026-12-07"), "due today");
    assert!(!is_overdue(&due(Status::Achieved, "2026-01-01"), "2026-12-07"), "done");
    assert!(!is_overdue(&due(Status::NotApplicable, "2026-01-01"), "2026-12-07"));
    assert!(!is_overdue(
        &Answer { status: Status::NotAchieved, ..Answer::default() },
        "2026-12-07"
    ));
}

#[test]
fn risks_to_be_tolerated_join_those_at_the_highest_impact_for_the_owner_s_acceptance() {
    let (def, a) = signed(
        vec![
            // Open and tolerated: listed for both reasons, or for tolerating alone.
            respond("shared-login", Response::Tolerate),
            respond("recovery", Response::Tolerate),
            respond("approval", Response::Treat),
            // Tolerated but achieved, or out of scope: not open, not listed.
            respond("two-step", Response::Tolerate),
            respond("pixel", Response::Tolerate),
        ],
        "2027-06-30",
    );
    let page = SummaryPage::of(&def, &a, &today());
    let rows: Vec<_> =
        page.acceptance.iter().map(|r| (r.item.as_str(), r.section, r.why())).collect();
    assert_eq!(
        rows,
        [
            ("shared-login", 0, "Highest impact, to be tolerated"),
            ("recovery", 0, "To be tolerated"),
            ("capture", 2, "Highest impact"),
        ]
    );
    let html = html_report(&def, &a, &today());
    assert!(html.contains("<td>To be tolerated</td><td>Partially achieved</td>"));
    let csv = csv_report(&def, &a, &today());
    let rows = parse(&csv);
    let cell = |id: &str, column: &str| {
        let n = CSV_HEADER.iter().position(|h| *h == column).unwrap();
        rows.iter().find(|r| r[1].starts_with(id)).unwrap()[n].clone()
    };
    assert_eq!(cell("Recovery", "Owner's acceptance"), "Needed");
    assert_eq!(cell("Recovery", "Response"), "Tolerate");
    assert_eq!(cell("'-Two-person", "Response"), "Treat");
}

#[test]
fn baseline_items_not_applicable_are_listed_with_their_reasons_apart_from_those_to_do() {
    let (def, a) = signed(
        vec![Action::SetStatus { item: item("foi"), status: Status::NotApplicable }],
        "2027-06-30",
    );
    let page = SummaryPage::of(&def, &a, &today());
    let na: Vec<_> = page
        .not_applicable
        .iter()
        .map(|n| (n.at.item.id.as_str(), n.at.index, n.reason.as_deref()))
        .collect();
    assert_eq!(na, [("links", 1, Some("See javascript:alert(document.cookie)")), ("foi", 2, None)]);
    let go_live: Vec<_> = page.summary.before_go_live.iter().map(|l| l.item.as_str()).collect();
    assert_eq!(go_live, ["shared-login"], "still to do, apart");
    let html = html_report(&def, &a, &today());
    assert!(html.contains("<caption>Baseline items not applicable</caption>"));
    assert!(html
        .contains("<td><bdi class=\"long\">See javascript:alert(document.cookie)</bdi></td></tr>"));
    assert!(html.contains("<td><span class=\"none\">No reason given</span></td></tr>"));
    let rows = parse(&csv_report(&def, &a, &today()));
    let before = CSV_HEADER.iter().position(|h| *h == "Before go-live").unwrap();
    let marks: Vec<_> = rows[1..]
        .iter()
        .filter(|r| !r[before].is_empty())
        .map(|r| (r[1].as_str(), r[before].as_str()))
        .collect();
    assert_eq!(
        marks,
        [
            ("'=HYPERLINK(\"http://evil.example\",\"click\")", "Outstanding"),
            ("Links never go to javascript:alert(1)", "Not applicable"),
            ("FOI requests are answered", "Not applicable"),
        ]
    );
}

/// RFC 4180 text, its byte order mark dropped, as rows of fields.
fn parse(csv: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_csv_has_response_overdue_and_fingerprint_columns_and_keeps_iso_dates() {
    let (def, a) = signed(vec![respond("shared-login", Response::Transfer)], "2027-06-30");
    let rows = parse(&csv_report(&def, &a, &today()));
    assert_eq!(&rows[0][19..], ["Response", "Overdue", "Fingerprint"]);
    assert!(rows.iter().all(|r| r.len() == CSV_HEADER.len()));
    let hex = a.signoff.as_ref().unwrap().fingerprint.clone().unwrap();
    assert!(rows[1..].iter().all(|r| r[21] == shown(&hex)), "on every row, retired ones too");
    let login = rows.iter().find(|r| r[1].contains("HYPERLINK")).unwrap();
    assert_eq!(login[13], "2026-03-31");
    assert_eq!(login[19..21], ["Transfer", "Overdue"]);
    // Not signed: no fingerprint; a due date in the future is not overdue.
    let mut draft = a.clone();
    draft.signoff = None;
    let rows = parse(&csv_report(&def, &draft, &t("2026-03-31T23:00:00Z")));
    assert!(rows[1..].iter().all(|r| r[20].is_empty() && r[21].is_empty()));
}

#[test]
fn the_html_report_shows_the_fingerprint_responses_overdue_dates_and_dates_in_words() {
    let (def, a) = signed(vec![respond("shared-login", Response::Tolerate)], "2027-01-01");
    let html = html_report(&def, &a, &today());
    let hex = a.signoff.as_ref().unwrap().fingerprint.clone().unwrap();
    for want in [
        format!("<dt>Fingerprint</dt><dd><span class=\"fingerprint\">{}</span></dd>", shown(&hex)),
        "<p>This assessment matches the signed version.</p>".to_owned(),
        "<p class=\"needs-review\">Review due on 1 January 2027</p>".to_owned(),
        "<dt>Decision date</dt><dd><bdi>20 November 2026</bdi></dd>".to_owned(),
        "<dt>Exported</dt><dd><bdi>7 December 2026</bdi></dd>".to_owned(),
        "<th scope=\"col\">Response</th>".to_owned(),
        "<td>Tolerate</td>".to_owned(),
        "<span class=\"none\">No response chosen</span>".to_owned(),
        "<bdi>31 March 2026</bdi> <strong class=\"overdue\">Overdue</strong>".to_owned(),
        "<dt>Response</dt><dd>Tolerate</dd>".to_owned(),
        "<li><span class=\"band-low\">Low</span>: scores 1 to 2</li>".to_owned(),
        "<li><span class=\"band-high\">High</span>: scores 5 to 9</li>".to_owned(),
        "<p>Not assessed: no status has been chosen for the item yet.</p>".to_owned(),
    ] {
        assert!(html.contains(&want), "missing {want}");
    }
    assert!(!html.contains("2026-11-20"), "no ISO date shown");
}

#[test]
fn the_overall_rating_reads_as_a_sentence() {
    use OverallRating::{NoOpenRisks, NotRated};
    let band = OverallRating::Band;
    let cases = [
        (band(Band::High), 0, "The overall rating is High."),
        (band(Band::Medium), 4, "The overall rating is Medium. 4 open items are not rated yet."),
        (band(Band::Low), 1, "The overall rating is Low. 1 open item is not rated yet."),
        (NotRated { open: 1 }, 1, "There is no overall rating yet: 1 open item is not rated."),
        (NotRated { open: 3 }, 3, "There is no overall rating yet: 3 open items are not rated."),
        (NoOpenRisks, 0, "There are no open risks."),
    ];
    for (rating, unrated, expected) in cases {
        assert_eq!(rating_sentence(rating, unrated), expected);
    }
}

#[test]
fn the_band_key_gives_the_scores_of_each_band_from_the_scale() {
    let def = Document::from_json(FIXTURE).unwrap().definition;
    assert_eq!(
        band_key(&def.scale),
        [
            (Band::Low, "scores 1 to 2".to_owned()),
            (Band::Medium, "scores 3 to 4".to_owned()),
            (Band::High, "scores 5 to 9".to_owned()),
        ]
    );
}
