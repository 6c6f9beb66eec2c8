//! Native tests of the report exports: the CSV and HTML reports of a fixture with a mix of
//! statuses, ratings, a sign-off, a retired answer, scope questions (two items out of scope,
//! one with an answer), baseline items, an open item not rated, scale descriptions and hostile
//! text, and the heat map behind both; and of a review of that fixture, whose reports show what
//! changed since. Expected figures are worked out here from the fixture's answers, not by the
//! code under test.
//!
//! Set `BLESS=1` to rewrite `tests/fixtures/assessment-mixed.csv` and
//! `tests/fixtures/assessment-review.csv` after a deliberate change; then read the diff before
//! committing it.
#![cfg(not(target_arch = "wasm32"))]

use risk_checklist::core::definition::QuestionId;
use risk_checklist::core::report::{csv_report, html_report, CSV_HEADER, NEEDS_REVIEW};
use risk_checklist::core::scoring::heat_map;
use risk_checklist::core::summary_page::{decision_line, AnswersRecord, Part, Review, SummaryPage};
use risk_checklist::core::words::{
    CHANGES_HEADING, NOT_RATED, OUT_OF_SCOPE_ANSWERS, RETIRED_SECTION, UNTITLED,
};
use risk_checklist::core::{
    Action, Assessment, Band, ChecklistDefinition, Decision, Document, ItemId, SignOff, Status,
    Summary, Timestamp,
};
use std::path::Path;

const FIXTURE: &str = include_str!("fixtures/assessment-mixed.json");

fn fixture() -> Document {
    Document::from_json(FIXTURE).unwrap()
}

fn t(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn exported() -> Timestamp {
    t("2026-11-25T08:00:00Z")
}

/// The fixture's items out of scope, as reviewed by hand: its scope answers say No to paid
/// promotion, which both need.
const OUT_OF_SCOPE: [&str; 2] = ["ad-account", "pixel"];

/// Why they are out of scope, as the reports say it.
const PAID_NO: &str = "@Paid promotion: will you boost posts? No";

/// The fixture's assessment after `actions`, each of which must change it.
fn edited(actions: Vec<Action>) -> (ChecklistDefinition, Assessment) {
    let doc = fixture();
    let mut a = doc.assessment;
    // The fixture's decision is on record, which makes it read-only: the edits are made as if
    // to the file, with the sign-off set aside and put back.
    let signoff = a.signoff.take();
    for action in actions {
        assert!(a.apply(&doc.definition, action.clone(), exported()), "refused: {action:?}");
    }
    a.signoff = signoff;
    (doc.definition, a)
}

/// Compares `actual` with a file under tests/fixtures, or rewrites the file when BLESS is set.
fn expect_file(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run with BLESS=1 to write it", path.display()));
    assert!(actual == expected, "{} differs from the output:\n{actual}", path.display());
}

// ---- CSV ----

/// The CSV parsed back with the csv crate, after checking its byte order mark.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("the CSV starts with a byte order mark");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(body.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}

#[test]
fn the_csv_matches_the_reviewed_file() {
    let doc = fixture();
    // The one bidi override is written as a visible tag, so the reviewed file holds no
    // invisible control character that could disguise it in an editor or a diff.
    let csv =
        csv_report(&doc.definition, &doc.assessment, &exported()).replace('\u{202e}', "{U+202E}");
    expect_file("assessment-mixed.csv", &csv);
}

#[test]
fn the_csv_has_a_byte_order_mark_crlf_lines_a_header_and_a_row_per_item_then_retired_answers() {
    let doc = fixture();
    let text = csv_report(&doc.definition, &doc.assessment, &exported());
    assert!(text.starts_with("\u{feff}Section,Item,Baseline,In scope,Out of scope because,Status,"));
    assert!(text.ends_with("\r\n"));
    let rows = parse_csv(&text);
    assert_eq!(rows[0], CSV_HEADER);
    let retired = doc.unknown_items();
    assert_eq!(retired, vec![ItemId::new("old-item")]);
    assert_eq!(rows.len(), 1 + doc.definition.item_count() + retired.len());
    // Each record ends in CRLF: the line ends not inside a field are exactly one per record.
    let in_fields =
        |end: &str| rows.iter().flatten().map(|f| f.matches(end).count()).sum::<usize>();
    assert_eq!(text.matches("\r\n").count(), rows.len() + in_fields("\r\n"));
    assert_eq!(text.matches('\n').count(), rows.len() + in_fields("\n"));
    let items: Vec<&str> =
        rows[1..=doc.definition.item_count()].iter().map(|r| r[1].as_str()).collect();
    let titles: Vec<String> = doc.definition.items().map(|(_, i)| i.title.clone()).collect();
    assert_eq!(items.len(), titles.len());
    for (item, title) in items.iter().zip(&titles) {
        assert!(
            *item == title || item.strip_prefix('\'') == Some(title),
            "{item:?} is not {title:?} in checklist order"
        );
    }
}

#[test]
fn csv_fields_read_back_as_written() {
    let doc = fixture();
    let rows = parse_csv(&csv_report(&doc.definition, &doc.assessment, &exported()));
    // The first 19 columns; the last three (Response, Overdue, Fingerprint) below, and for a
    // decision on record in tests/summary.rs.
    let full = |item: &str| {
        rows.iter().find(|r| r[1] == item).unwrap_or_else(|| panic!("no row for {item:?}")).clone()
    };
    let row = |item: &str| full(item)[..19].to_vec();
    // Due on 2026-03-31, before the export, and still open: overdue. No response, and no
    // fingerprint: the fixture's decision was recorded before fingerprints were.
    assert_eq!(full("'=HYPERLINK(\"http://evil.example\",\"click\")")[19..], ["", "Overdue", ""]);
    assert_eq!(
        row("'=HYPERLINK(\"http://evil.example\",\"click\")"),
        [
            "Access & accounts",
            "'=HYPERLINK(\"http://evil.example\",\"click\")",
            "Yes",
            "Yes",
            "",
            "Not achieved",
            "3 – Probable",
            "3 – Severe",
            "9",
            "High",
            "Outstanding",
            "Needed",
            "'=1+1",
            "2026-03-31",
            "'\tTab-led action",
            "",
            "",
            "",
            "Yes",
        ]
    );
    assert_eq!(
        row("Two-step verification is on, \"always\""),
        [
            "Access & accounts",
            "Two-step verification is on, \"always\"",
            "Yes",
            "Yes",
            "",
            // Achieved: the ratings it keeps (2 x 3) count for nothing and are not shown.
            "Achieved",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "Done, see \"policy\" doc,\nline two",
            "",
            "",
            "",
        ]
    );
    assert_eq!(
        row("FOI requests are answered"),
        [
            "Records",
            "FOI requests are answered",
            "Yes",
            "Yes",
            "",
            "Not assessed",
            "",
            "",
            "",
            "",
            "Outstanding",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]
    );
    // Open, rated severe and not given a likelihood: not rated, and for the owner to accept.
    assert_eq!(
        row("Posts are captured, with retention"),
        [
            "Records",
            "Posts are captured, with retention",
            "",
            "Yes",
            "",
            "Not achieved",
            "",
            "3 – Severe",
            "",
            NOT_RATED,
            "",
            "Needed",
            "",
            "",
            "",
            "",
            "",
            "",
            // Open and not rated: an open risk all the same.
            "Yes",
        ]
    );
    // Out of scope: the answer is kept and shown, on no list and with no score or band; the
    // reason is guarded as a formula like any other cell.
    assert_eq!(
        row("No tracking pixel on our pages"),
        [
            "Paid promotion",
            "No tracking pixel on our pages",
            "Yes",
            "No",
            &format!("'{PAID_NO}"),
            "Not achieved",
            "3 – Probable",
            "3 – Severe",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "Kept while out of scope",
            "",
            "",
            // Open, but out of scope: not on the Open risks list.
            "",
        ]
    );
    assert_eq!(
        row("Ad account access is reviewed")[2..6],
        ["", "No", &format!("'{PAID_NO}"), "Not assessed"]
    );
    assert_eq!(
        row("old-item"),
        [
            RETIRED_SECTION,
            "old-item",
            "",
            "",
            "",
            "Not achieved",
            "3 – Probable",
            "3 – Severe",
            "9",
            "High",
            "",
            "",
            "",
            "",
            "",
            "Retired, but kept",
            "",
            "",
            // A retired item's band is shown, but it is on no list.
            "",
        ]
    );
    assert_eq!(
        rows.last().unwrap()[0],
        RETIRED_SECTION,
        "retired answers come after the checklist's items"
    );
}

#[test]
fn an_item_out_of_scope_has_no_score_or_band_in_the_csv() {
    // A filter on Band would otherwise count risks that the widget, the HTML report and the
    // JSON summary leave out, as they count only items in scope. Both items out of scope are
    // open, and the pixel is rated 3 x 3; the ad account is found not achieved and rated here
    // too.
    let ad_open =
        Action::SetStatus { item: ItemId::new("ad-account"), status: Status::NotAchieved };
    let (def, a) = edited(vec![
        ad_open.clone(),
        Action::SetRisk { item: ItemId::new("ad-account"), likelihood: Some(2), impact: Some(3) },
    ]);
    let rows = parse_csv(&csv_report(&def, &a, &exported()));
    let out: Vec<&Vec<String>> = rows.iter().filter(|r| r[3] == "No").collect();
    let titles: Vec<&str> = out.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(titles, ["Ad account access is reviewed", "No tracking pixel on our pages"]);
    for r in out {
        assert_eq!(r[8..10], ["", ""], "score and band of {r:?}");
    }
    // The answer itself is kept as answered.
    let ad = rows.iter().find(|r| r[1] == "Ad account access is reviewed").unwrap();
    assert_eq!(ad[5..8], ["Not achieved", "2 – Possible", "3 – Severe"]);
    let pixel = rows.iter().find(|r| r[1] == "No tracking pixel on our pages").unwrap();
    assert_eq!(pixel[5..8], ["Not achieved", "3 – Probable", "3 – Severe"]);
    assert_eq!(pixel[15], "Kept while out of scope");
    // Brought into scope, both get their score and band back.
    let (def, a) = edited(vec![
        ad_open,
        Action::SetRisk { item: ItemId::new("ad-account"), likelihood: Some(2), impact: Some(3) },
        Action::SetScope { question: QuestionId::new("paid-promotion"), answer: Some(true) },
    ]);
    let rows = parse_csv(&csv_report(&def, &a, &exported()));
    let cells = |item: &str| {
        let r = rows.iter().find(|r| r[1] == item).unwrap();
        (r[3].clone(), r[8].clone(), r[9].clone())
    };
    assert_eq!(cells("Ad account access is reviewed"), ("Yes".into(), "6".into(), "High".into()));
    assert_eq!(cells("No tracking pixel on our pages"), ("Yes".into(), "9".into(), "High".into()));
}

#[test]
fn no_csv_cell_can_start_a_formula() {
    let doc = fixture();
    for row in parse_csv(&csv_report(&doc.definition, &doc.assessment, &exported())) {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} would run as a formula"
            );
        }
    }
}

/// Writes `input` as the notes of the first item and checks the field as read back, and a
/// fragment of the raw text (notes are followed by the two previous-review columns, empty as
/// the fixture is not a review, Open risk, empty as the first item is achieved, and Response,
/// Overdue and Fingerprint, empty too, so the fragment ends the line after six commas).
fn check_notes(input: &str, expected: &str, raw: &str) {
    let doc = fixture();
    let mut a = doc.assessment;
    let first = doc.definition.sections[0].items[0].id.clone();
    a.signoff = None;
    let notes = Action::SetNotes { item: first, notes: input.into() };
    assert!(a.apply(&doc.definition, notes, exported()), "notes {input:?}");
    let text = csv_report(&doc.definition, &a, &exported());
    assert_eq!(parse_csv(&text)[1][15], expected, "notes {input:?}");
    let raw = format!("{},,,,,,\r\n", raw.strip_suffix("\r\n").unwrap());
    assert!(text.contains(&raw), "notes {input:?}: {raw:?} not in\n{text}");
}

#[test]
fn csv_quoting_and_the_formula_guard() {
    let cases = [
        ("plain", "plain", ",plain\r\n"),
        ("a, b", "a, b", ",\"a, b\"\r\n"),
        ("say \"hi\"", "say \"hi\"", ",\"say \"\"hi\"\"\"\r\n"),
        ("one\ntwo", "one\ntwo", ",\"one\ntwo\"\r\n"),
        ("one\r\ntwo", "one\r\ntwo", ",\"one\r\ntwo\"\r\n"),
        ("=1+1", "'=1+1", ",'=1+1\r\n"),
        ("+44 20", "'+44 20", ",'+44 20\r\n"),
        ("-2", "'-2", ",'-2\r\n"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)", ",'@SUM(A1:A9)\r\n"),
        ("\t=1", "'\t=1", ",'\t=1\r\n"),
        ("\r=1", "'\r=1", ",\"'\r=1\"\r\n"),
        ("=\"a,b\"", "'=\"a,b\"", ",\"'=\"\"a,b\"\"\"\r\n"),
        ("a=b-c", "a=b-c", ",a=b-c\r\n"),
        ("Zwei Admins – «ça» 日本", "Zwei Admins – «ça» 日本", ",Zwei Admins – «ça» 日本\r\n"),
        ("", "", ",\r\n"),
    ];
    for (input, expected, raw) in cases {
        check_notes(input, expected, raw);
    }
}

proptest::proptest! {
    /// Whatever text is in the free-text fields, the csv crate's reader gets every field back as
    /// written (after the formula guard) and finds as many rows as the checklist has items.
    #[test]
    fn any_text_reads_back_from_the_csv(notes in "\\PC{0,40}", owner in "[,\"\r\n a-z=]{0,12}", action in "\\PC{0,40}") {
        let doc = fixture();
        let before = parse_csv(&csv_report(&doc.definition, &doc.assessment, &exported())).len();
        let mut a = doc.assessment;
        let first = doc.definition.sections[0].items[0].id.clone();
        let set = |a: &mut Assessment, action: Action| { a.apply(&doc.definition, action, exported()); };
        set(&mut a, Action::SetNotes { item: first.clone(), notes: notes.clone() });
        set(&mut a, Action::SetOwner { item: first.clone(), owner: owner.clone() });
        set(&mut a, Action::SetMitigation { item: first, action: action.clone() });
        let rows = parse_csv(&csv_report(&doc.definition, &a, &exported()));
        let guarded = |s: &str| if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_owned() };
        proptest::prop_assert_eq!(rows.len(), before);
        proptest::prop_assert_eq!(&rows[1][12], &guarded(&a.answer(&doc.definition.sections[0].items[0].id).owner));
        proptest::prop_assert_eq!(&rows[1][14], &guarded(&a.answer(&doc.definition.sections[0].items[0].id).action));
        proptest::prop_assert_eq!(&rows[1][15], &guarded(&a.answer(&doc.definition.sections[0].items[0].id).notes));
    }
}

/// Any change a person can make to the fixture: a status, ratings or a scope answer.
fn change(def: &ChecklistDefinition) -> impl proptest::strategy::Strategy<Value = Action> {
    use proptest::prelude::*;
    let items: Vec<ItemId> = def.items().map(|(_, i)| i.id.clone()).collect();
    let questions: Vec<QuestionId> = def.questions.iter().map(|q| q.id.clone()).collect();
    let item = prop::sample::select(items);
    prop_oneof![
        (item.clone(), prop::sample::select(Status::ALL.to_vec()))
            .prop_map(|(item, status)| Action::SetStatus { item, status }),
        (item, prop::option::of(1u8..=3), prop::option::of(1u8..=3))
            .prop_map(|(item, likelihood, impact)| Action::SetRisk { item, likelihood, impact }),
        (prop::sample::select(questions), prop::option::of(any::<bool>()))
            .prop_map(|(question, answer)| Action::SetScope { question, answer }),
    ]
}

proptest::proptest! {
    /// A spreadsheet filtered on Open risk = Yes, then on each Band, counts what the summary
    /// counts: the Band column alone also holds achieved and retired items' bands.
    #[test]
    fn the_open_risk_column_gives_the_summary_s_counts(
        changes in proptest::collection::vec(change(&fixture().definition), 0..30)
    ) {
        let doc = fixture();
        let mut a = doc.assessment;
        for change in changes {
            a.apply(&doc.definition, change, exported());
        }
        let summary = Summary::of(&doc.definition, &a);
        let rows = parse_csv(&csv_report(&doc.definition, &a, &exported()));
        let open = rows[0].iter().position(|c| c == "Open risk").unwrap();
        let count = |band: &str| rows[1..].iter().filter(|r| r[open] == "Yes" && r[9] == band).count();
        proptest::prop_assert_eq!(count("High"), summary.by_band.high);
        proptest::prop_assert_eq!(count("Medium"), summary.by_band.medium);
        proptest::prop_assert_eq!(count("Low"), summary.by_band.low);
        proptest::prop_assert_eq!(count(NOT_RATED), summary.by_band.unrated);
        let all = rows[1..].iter().filter(|r| r[open] == "Yes").count();
        proptest::prop_assert_eq!(all, summary.open_risks.len() + summary.unrated.len());
        proptest::prop_assert!(rows[1..].iter().all(|r| r[open].is_empty() || (r[open] == "Yes" && r[3] == "Yes")));
    }
}

#[test]
fn the_record_lists_answers_in_scope_by_section_then_those_out_of_scope_then_retired_ones() {
    let doc = fixture();
    let (def, a) = (&doc.definition, &doc.assessment);
    let record = AnswersRecord::of(def, a);
    let ids = |items: &[&risk_checklist::core::Item]| -> Vec<String> {
        items.iter().map(|i| i.id.as_str().to_owned()).collect()
    };
    // Out of scope: the answered ones of the items the summary sets aside, in checklist order.
    let summary = Summary::of(def, a);
    let expected: Vec<String> = summary
        .out_of_scope
        .iter()
        .filter(|o| a.answers.contains_key(&o.item))
        .map(|o| o.item.as_str().to_owned())
        .collect();
    assert_eq!(ids(&record.out_of_scope), expected);
    assert_eq!(expected, ["pixel"], "the fixture answers one item out of scope");
    // In scope: every other answered item of the checklist, each under its own section.
    let listed: Vec<String> = record.sections.iter().flat_map(|(_, items)| ids(items)).collect();
    let in_scope: Vec<String> = def
        .items()
        .filter(|(s, i)| a.answers.contains_key(&i.id) && def.in_scope(s, i, &a.scope))
        .map(|(_, i)| i.id.as_str().to_owned())
        .collect();
    assert_eq!(listed, in_scope);
    for (section, items) in &record.sections {
        assert!(!items.is_empty());
        assert!(items.iter().all(|i| section.items.iter().any(|x| x.id == i.id)));
    }
    assert_eq!(record.retired, [ItemId::new("old-item")]);
    // The HTML report lists the pixel after its heading, and not in its section.
    let html = fixture_html();
    let answers = between(&html, "<h2 id=\"answers\">", "</section>");
    let kept = answers.find(OUT_OF_SCOPE_ANSWERS.0).unwrap();
    assert!(answers[kept..].contains("No tracking pixel on our pages"));
    assert!(!answers[..kept].contains("No tracking pixel on our pages"));
}

// ---- Heat map ----

/// The heat map of `answers` ((status, likelihood, impact) per item, in order) on a 2 x 3
/// scale, whose rows and columns cannot be mixed up.
fn check_heat_map(answers: &[(Status, Option<u8>, Option<u8>)], expected: Vec<Vec<usize>>) {
    let def = ChecklistDefinition::from_json(
        &serde_json::json!({
            "id": "grid", "version": "1", "title": "Grid",
            "scale": { "likelihood": ["Unlikely", "Likely"], "impact": ["Low", "Mid", "Top"], "bands": { "low_max": 1, "medium_max": 3 } },
            "sections": [{ "id": "s", "title": "S", "items": (0..answers.len().max(1)).map(|n| serde_json::json!({ "id": format!("i{n}"), "title": "I" })).collect::<Vec<_>>() }]
        })
        .to_string(),
    )
    .unwrap();
    let mut a = Assessment::new(exported());
    for (n, (status, likelihood, impact)) in answers.iter().enumerate() {
        let item = ItemId::new(format!("i{n}"));
        a.apply(&def, Action::SetStatus { item: item.clone(), status: *status }, exported());
        a.apply(
            &def,
            Action::SetRisk { item, likelihood: *likelihood, impact: *impact },
            exported(),
        );
    }
    assert_eq!(heat_map(&def, &a), expected, "{answers:?}");
}

#[test]
fn the_heat_map_counts_open_rated_risks_with_the_highest_likelihood_first() {
    use Status::*;
    check_heat_map(&[], vec![vec![0, 0, 0], vec![0, 0, 0]]);
    check_heat_map(&[(NotAchieved, Some(2), Some(3))], vec![vec![0, 0, 1], vec![0, 0, 0]]);
    check_heat_map(&[(PartiallyAchieved, Some(1), Some(1))], vec![vec![0, 0, 0], vec![1, 0, 0]]);
    check_heat_map(
        &[(NotAssessed, Some(2), Some(2)), (NotAchieved, Some(2), Some(2))],
        vec![vec![0, 1, 0], vec![0, 0, 0]],
    );
    // Not assessed (above), achieved and not applicable are not open; a risk rated on one axis
    // only has no cell.
    check_heat_map(
        &[
            (Achieved, Some(2), Some(3)),
            (NotApplicable, Some(1), Some(1)),
            (NotAchieved, Some(2), None),
            (NotAchieved, None, Some(1)),
        ],
        vec![vec![0, 0, 0], vec![0, 0, 0]],
    );
}

// ---- HTML ----

fn render(def: &ChecklistDefinition, a: &Assessment) -> String {
    html_report(def, a, &exported())
}

fn fixture_html() -> String {
    let doc = fixture();
    render(&doc.definition, &doc.assessment)
}

/// The text between the first `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("{start:?} not found")) + start.len();
    let to = text[from..].find(end).unwrap_or_else(|| panic!("{end:?} not found after {start:?}"))
        + from;
    &text[from..to]
}

/// Checks that each of `present` is in `text` and none of `absent` is.
fn check(what: &str, text: &str, present: &[&str], absent: &[&str]) {
    for p in present {
        assert!(text.contains(p), "{what}: {p:?} missing in\n{text}");
    }
    for a in absent {
        assert!(!text.contains(a), "{what}: {a:?} should not be in\n{text}");
    }
}

/// The band of a score, worked out from the thresholds here rather than by the code under test.
fn band_of(def: &ChecklistDefinition, score: u32) -> Band {
    let b = def.scale.bands;
    if score <= b.low_max {
        Band::Low
    } else if score <= b.medium_max {
        Band::Medium
    } else {
        Band::High
    }
}

/// The (likelihood, impact, band) of each open (partially or not achieved), rated risk among
/// the checklist's own items in scope.
fn open_risks(doc: &Document) -> Vec<(u8, u8, Band)> {
    doc.definition
        .items()
        .filter(|(_, item)| !OUT_OF_SCOPE.contains(&item.id.as_str()))
        .filter_map(|(_, item)| doc.assessment.answers.get(&item.id))
        .filter(|a| matches!(a.status, Status::PartiallyAchieved | Status::NotAchieved))
        .filter_map(|a| Some((a.likelihood?, a.impact?)))
        .map(|(l, i)| (l, i, band_of(&doc.definition, u32::from(l) * u32::from(i))))
        .collect()
}

#[test]
fn the_html_report_shows_the_fixture_summary() {
    let doc = fixture();
    let html = fixture_html();
    let summary = between(&html, "<h2 id=\"summary\">", "</section>");
    let status_of = |id| doc.assessment.answers.get(id).map_or(Status::NotAssessed, |a| a.status);
    let statuses: Vec<Status> = doc
        .definition
        .items()
        .filter(|(_, item)| !OUT_OF_SCOPE.contains(&item.id.as_str()))
        .map(|(_, item)| status_of(&item.id))
        .collect();
    for status in Status::ALL {
        let count = statuses.iter().filter(|s| **s == status).count();
        let row = format!("<tr><th scope=\"row\">{}</th><td>{count}</td></tr>", status.label());
        assert!(summary.contains(&row), "{row}");
    }
    let risks = open_risks(&doc);
    for band in Band::ALL {
        let count = risks.iter().filter(|r| r.2 == band).count();
        let row = format!("<tr><th scope=\"row\">{}</th><td>{count}</td></tr>", band.label());
        assert!(summary.contains(&row), "{row}");
    }
    // One open item (Posts are captured) has an impact but no likelihood.
    assert!(summary.contains(&format!("<tr><th scope=\"row\">{NOT_RATED}</th><td>1</td></tr>")));
    let worst = risks.iter().map(|r| r.2).max().unwrap();
    assert!(summary.contains(&format!(
        "<p class=\"overall\"><strong class=\"band-{}\">The overall rating is {}. 1 open item is not rated yet.</strong></p>",
        worst.key(),
        worst.label()
    )));
    let assessed = statuses.iter().filter(|s| **s != Status::NotAssessed).count();
    let total = statuses.len();
    assert!(summary.contains(&format!(
        "Progress: {assessed} of {total} items assessed ({}%)",
        assessed * 100 / total
    )));
    // The figures for this fixture, as reviewed by hand.
    assert_eq!((worst, assessed, total, risks.len()), (Band::High, 6, 8, 3));
}

#[test]
fn the_heat_map_table_has_headers_from_the_scale_and_each_count_in_its_cell() {
    let doc = fixture();
    let html = fixture_html();
    let table = between(&html, "<table class=\"heat-map\">", "</table>");
    assert!(
        table.contains("<caption>Open risks by likelihood (rows) and impact (columns)</caption>")
    );
    let header = between(table, "<thead>", "</thead>");
    assert!(header.contains(
        "<th scope=\"col\">Likelihood</th><th scope=\"col\"><bdi>1 – Minimal</bdi></th><th scope=\"col\"><bdi>2 – Significant</bdi></th><th scope=\"col\"><bdi>3 – Severe</bdi></th>"
    ));
    let body = between(table, "<tbody>", "</tbody>");
    let row_headers: Vec<&str> =
        body.split("<th scope=\"row\">").skip(1).map(|r| between(r, "<bdi>", "</bdi>")).collect();
    assert_eq!(row_headers, ["3 – Probable", "2 – Possible", "1 – Remote"]);

    // The count in each cell, read from the table, against counts made from the answers.
    let levels = doc.definition.scale.likelihood.len() as u8;
    let mut expected = vec![vec![0; doc.definition.scale.impact.len()]; usize::from(levels)];
    for (l, i, _) in open_risks(&doc) {
        expected[usize::from(levels - l)][usize::from(i - 1)] += 1;
    }
    let shown: Vec<Vec<usize>> = (1..=levels)
        .rev()
        .map(|l| {
            (1..=3)
                .map(|i| {
                    let cell = between(
                        body,
                        &format!("data-likelihood=\"{l}\" data-impact=\"{i}\">"),
                        "</td>",
                    );
                    between(cell, "<span class=\"count\">", "</span>").parse().unwrap()
                })
                .collect()
        })
        .collect();
    assert_eq!(shown, expected);
    // The item rated 1 x 2 but not yet assessed is no open risk: its cell is empty.
    assert_eq!(shown, vec![vec![0, 1, 1], vec![0, 1, 0], vec![0, 0, 0]]);
    assert_eq!(heat_map(&doc.definition, &doc.assessment), expected);
    // Each cell says its band in words, not by colour alone.
    assert!(body.contains(
        "data-likelihood=\"3\" data-impact=\"3\"><span class=\"count\">1</span> High</td>"
    ));
    assert!(body.contains(
        "data-likelihood=\"1\" data-impact=\"1\"><span class=\"count\">0</span> Low</td>"
    ));
}

#[test]
fn open_risks_are_ranked_by_score_and_the_rest_of_the_report_is_there() {
    let html = fixture_html();
    let ranked = between(&html, "<h2 id=\"open-risks\">", "</section>");
    let order = ["=HYPERLINK(", "-Two-person approval", "Recovery &lt;img"];
    let positions: Vec<usize> =
        order.iter().map(|t| ranked.find(t).unwrap_or_else(|| panic!("{t} not ranked"))).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    assert!(ranked.contains("<td>9</td><td><span class=\"band-high\">High</span></td>"));
    assert!(!ranked.contains("Two-step verification"), "an achieved item is not an open risk");
    assert!(!ranked.contains("@mentions"), "nor is one rated but not yet assessed");

    let sections = between(&html, "<caption>Progress by section</caption>", "</table>");
    check("sections", sections, &[
        "<tr><th scope=\"row\"><bdi>Access &amp; accounts</bdi></th><td>3 of 3 (100%)</td><td><span class=\"band-high\">High</span></td></tr>",
        // An open item not rated is counted, not hidden behind "None".
        "<tr><th scope=\"row\"><bdi>Records</bdi></th><td>1 of 2 (50%)</td><td>1 open item not rated</td></tr>",
    ], &[]);
    // Beside a rated one, it is still counted.
    let (def, a) = edited(vec![
        Action::SetStatus { item: ItemId::new("foi"), status: Status::NotAchieved },
        Action::SetRisk { item: ItemId::new("foi"), likelihood: Some(3), impact: Some(3) },
    ]);
    let rated = render(&def, &a);
    assert!(between(&rated, "<caption>Progress by section</caption>", "</table>").contains(
        "<bdi>Records</bdi></th><td>2 of 2 (100%)</td><td><span class=\"band-high\">High</span> and 1 open item not rated</td></tr>"
    ));
    let not_assessed = between(&html, "<h2 id=\"not-assessed\">", "</section>");
    check(
        "not assessed",
        not_assessed,
        &["FOI requests are answered", "@mentions are monitored"],
        &["Posts are captured"],
    );

    let answers = between(&html, "<h2 id=\"answers\">", "</section>");
    // An item without an answer has no entry.
    check(
        "answers",
        answers,
        &["<bdi class=\"long\">Done, see &quot;policy&quot; doc,\nline two</bdi>"],
        &["FOI requests"],
    );
    for field in [
        "Status",
        "Likelihood",
        "Impact",
        "Score",
        "Band",
        "Response",
        "Owner",
        "Due date",
        "Action",
        "Notes",
    ] {
        assert_eq!(
            answers.matches(&format!("<dt>{field}</dt>")).count(),
            9,
            "{field}: 7 answered items in scope, 1 out of scope and 1 retired"
        );
    }
    let retired = between(answers, "<h3>Retired items</h3>", "</article>");
    check("retired", retired, &["<h4><bdi>old-item</bdi></h4>", "Retired, but kept"], &[]);

    let header = between(&html, "<header>", "</header>");
    check(
        "header",
        header,
        &[
            "<dt>Exported</dt><dd><bdi>25 November 2026</bdi></dd>",
            "<dt>Assessor</dt><dd><bdi>Ana O&#39;Neil</bdi></dd>",
        ],
        &[],
    );
}

#[test]
fn the_document_is_standalone_and_titled() {
    let html = fixture_html();
    assert!(html
        .starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">"));
    let title = between(&html, "<title>", "</title>");
    assert_eq!(
        title,
        "\u{2068}Team blog &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;\u{2069} – \u{2068}Hostile &lt;script&gt;alert(&#39;def&#39;)&lt;/script&gt; &amp; &quot;checklist&quot;\u{2069}"
    );
    assert!(html.contains("<h1><bdi>Team blog &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;</bdi> <span class=\"checklist\"><bdi>Hostile"));
    let style = between(&html, "<style>", "</style>");
    assert!(style.contains("@page { size: A4;"));
    assert_eq!(html.matches("<style>").count(), 1);
    for external in [
        "url(",
        "@import",
        "<link",
        "<script",
        "<iframe",
        "<object",
        "<embed",
        "<base",
        "http-equiv",
    ] {
        assert!(!html.to_lowercase().contains(external), "{external}");
    }

    let (def, a) = edited(vec![Action::SetTitle { title: "  ".into() }]);
    let untitled = render(&def, &a);
    assert!(between(&untitled, "<title>", "</title>")
        .starts_with(&format!("\u{2068}{UNTITLED}\u{2069} – ")));
    assert!(untitled.contains(&format!("<h1><bdi>{UNTITLED}</bdi>")));
}

/// Every tag in the report: its name and attribute names, with `<style>` content skipped.
/// Hostile text that escaped would show up here as a tag or attribute of its own.
fn tags(html: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("every tag closes") + start;
        let inside = &rest[start + 1..end];
        let name: String =
            inside.chars().take_while(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
        // Attribute names, skipping each quoted value (the report quotes every value).
        let mut attributes = Vec::new();
        let mut attrs = if name == "!doctype" { "" } else { inside[name.len()..].trim_start() };
        while let Some((attr, value)) = attrs.split_once("=\"") {
            attributes.push(attr.trim().to_owned());
            attrs = value.split_once('"').expect("every value closes").1.trim_start();
        }
        assert!(attrs.trim().is_empty(), "unquoted attribute text in <{inside}>");
        out.push((name.clone(), attributes));
        rest = &rest[end + 1..];
        if name == "style" {
            rest = &rest[rest.find("</style>").expect("style closes")..];
        }
    }
    out
}

#[test]
fn hostile_text_stays_inert_text() {
    check_inert(&fixture_html());
    // A review shows the hostile text of the earlier answers too, in its table of changes.
    let (def, a) = reviewed();
    let html = render(&def, &a);
    assert!(html.contains("id=\"changes\""));
    check_inert(&html);
}

/// Checks that the fixture's hostile text is escaped in `html`, and that `html` uses only the
/// expected tags and attributes, properly nested.
fn check_inert(html: &str) {
    let escaped = [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "Recovery &lt;img src=x onerror=alert(1)&gt;",
        "Jo &lt;b&gt;Bloggs&lt;/b&gt;",
        "Fix &quot;2SV&quot; &amp; recovery &lt;first&gt;",
        "<bdi>Links never go to javascript:alert(1)</bdi>",
        "<bdi class=\"long\">See javascript:alert(document.cookie)</bdi>",
    ];
    let raw = ["<script", "<img", "<b>", "<first>", "javascript:alert(1)\"", "onerror=alert(1)>"];
    check("hostile text", &html.to_lowercase(), &[], &raw);
    check("hostile text", html, &escaped, &[]);

    let allowed_tags = [
        "!doctype",
        "html",
        "/html",
        "head",
        "/head",
        "meta",
        "title",
        "/title",
        "style",
        "/style",
        "body",
        "/body",
        "header",
        "/header",
        "main",
        "/main",
        "footer",
        "/footer",
        "section",
        "/section",
        "article",
        "/article",
        "h1",
        "/h1",
        "h2",
        "/h2",
        "h3",
        "/h3",
        "h4",
        "/h4",
        "p",
        "/p",
        "strong",
        "/strong",
        "span",
        "/span",
        "bdi",
        "/bdi",
        "dl",
        "/dl",
        "dt",
        "/dt",
        "dd",
        "/dd",
        "table",
        "/table",
        "caption",
        "/caption",
        "colgroup",
        "/colgroup",
        "col",
        "thead",
        "/thead",
        "tbody",
        "/tbody",
        "tr",
        "/tr",
        "th",
        "/th",
        "td",
        "/td",
        "div",
        "/div",
        "ul",
        "/ul",
        "li",
        "/li",
    ];
    let allowed_attributes = [
        "lang",
        "charset",
        "name",
        "content",
        "class",
        "id",
        "aria-labelledby",
        "scope",
        "colspan",
        "span",
        "data-likelihood",
        "data-impact",
        "role",
        "aria-label",
        "tabindex",
    ];
    let mut open: Vec<String> = Vec::new();
    for (name, attributes) in tags(html) {
        assert!(allowed_tags.contains(&name.as_str()), "unexpected tag <{name}>");
        for attribute in &attributes {
            assert!(
                allowed_attributes.contains(&attribute.as_str()),
                "unexpected attribute {attribute} on <{name}>"
            );
        }
        // The elements nest properly, so no text closed one early.
        if let Some(closed) = name.strip_prefix('/') {
            assert_eq!(open.pop().as_deref(), Some(closed), "</{closed}> closes the wrong element");
        } else if !matches!(name.as_str(), "!doctype" | "meta" | "col") {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "left open: {open:?}");
}

/// The fixture with every item in scope answered: the two not yet assessed are now open.
fn fully_answered() -> (ChecklistDefinition, Assessment) {
    edited(vec![
        Action::SetStatus { item: ItemId::new("foi"), status: Status::NotAchieved },
        Action::SetStatus { item: ItemId::new("mentions"), status: Status::PartiallyAchieved },
    ])
}

/// The value of attribute `name` in the opening tag `tag` (`<div ...>`), if it has one.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let from = tag.find(&format!(" {name}=\"")).map(|at| at + name.len() + 3)?;
    tag[from..].split('"').next()
}

/// Checks that every table in `html` sits directly inside a region that scrolls on its own, is
/// reachable from the keyboard and is named after the table's caption, so that a wide table
/// scrolls within itself and not the whole page. Returns how many tables there are.
fn check_tables_scroll_in_regions(html: &str) -> usize {
    let chunks: Vec<&str> = html.split("<table").collect();
    for (n, pair) in chunks.windows(2).enumerate() {
        let (before, table) = (pair[0].trim_end(), pair[1]);
        let at = before.rfind("<div").unwrap_or_else(|| panic!("table {n}: no <div> before it"));
        let wrapper = &before[at..];
        assert!(
            wrapper.ends_with('>') && wrapper.matches('>').count() == 1,
            "table {n}: {wrapper:?} is not directly around it"
        );
        assert_eq!(attribute(wrapper, "class"), Some("scroll"), "table {n}: {wrapper}");
        assert_eq!(attribute(wrapper, "role"), Some("region"), "table {n}: {wrapper}");
        assert_eq!(attribute(wrapper, "tabindex"), Some("0"), "table {n}: {wrapper}");
        let label = attribute(wrapper, "aria-label").unwrap_or_default();
        assert!(!label.trim().is_empty(), "table {n}: {wrapper} has no name");
        assert_eq!(
            label,
            between(table, "<caption>", "</caption>"),
            "table {n}: named by its caption"
        );
        let after = &table[table.find("</table>").expect("the table closes") + "</table>".len()..];
        assert!(after.trim_start().starts_with("</div>"), "table {n}: the region closes after it");
    }
    chunks.len() - 1
}

#[test]
fn every_table_of_the_html_report_scrolls_in_its_own_named_region() {
    let (def, a) = fully_answered();
    let html = render(&def, &a);
    assert!(html.contains("<p>Every item in scope is assessed.</p>"));
    // Summary (2 counts, heat map, sections), before go-live (still to do, not applicable),
    // open risks, acceptance, out of scope, and the two scale tables.
    assert_eq!(check_tables_scroll_in_regions(&html), 11);
    // The fixture adds the items not yet assessed; a review of it adds its counts and its
    // changes, and has no items out of scope.
    assert_eq!(check_tables_scroll_in_regions(&fixture_html()), 12);
    let (def, a) = reviewed();
    assert_eq!(check_tables_scroll_in_regions(&render(&def, &a)), 13);
}

/// The declarations of each rule of the report's stylesheet whose selector list is exactly
/// `selector`, media queries included.
fn css_rules<'a>(style: &'a str, selector: &str) -> Vec<&'a str> {
    style
        .match_indices(&format!("{selector} {{"))
        .filter(|(at, _)| at.checked_sub(1).is_none_or(|b| matches!(&style[b..*at], "\n" | " ")))
        .map(|(at, open)| between(&style[at..], open, "}"))
        .collect()
}

/// The value of `property` in a rule's declarations.
fn css_value<'a>(declarations: &'a str, property: &str) -> Option<&'a str> {
    declarations
        .split(';')
        .filter_map(|d| d.split_once(':'))
        .find(|(p, _)| p.trim() == property)
        .map(|(_, v)| v.trim())
}

/// The tracks of a grid-template-columns value, split at spaces outside parentheses.
fn tracks(value: &str) -> Vec<String> {
    let (mut out, mut track, mut depth) = (Vec::new(), String::new(), 0);
    for c in value.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if c.is_whitespace() && depth == 0 {
            if !track.is_empty() {
                out.push(std::mem::take(&mut track));
            }
        } else {
            track.push(c);
        }
    }
    out.extend((!track.is_empty()).then_some(track));
    out
}

#[test]
fn the_html_report_reflows_at_a_narrow_width() {
    let html = fixture_html();
    let style = between(&html, "<style>", "</style>");
    // A term as long as a scope question wraps: no column is as wide as its longest line.
    let lists = css_rules(style, "dl.fields");
    assert!(!lists.is_empty());
    for rule in lists {
        if let Some(columns) = css_value(rule, "grid-template-columns") {
            let tracks = tracks(columns);
            assert!(!tracks.is_empty(), "{columns}");
            for track in tracks {
                assert!(
                    !matches!(track.as_str(), "max-content" | "min-content" | "auto"),
                    "{columns}: the column {track} cannot be narrower than its content"
                );
            }
        }
    }
    let wraps = css_rules(style, "dl.fields dt, dl.fields dd");
    assert!(
        wraps.iter().any(|r| css_value(r, "overflow-wrap") == Some("anywhere")),
        "terms and values break long words: {wraps:?}"
    );
    // Tables scroll in their own regions, and print whole.
    let scroll = css_rules(style, ".scroll");
    assert_eq!(scroll.iter().find_map(|r| css_value(r, "overflow-x")), Some("auto"));
    assert!(between(style, "@media print", "\n}").contains(".scroll { overflow: visible; }"));
}

#[test]
fn a_bidi_override_stays_inside_its_isolate() {
    let (def, a) = edited(vec![Action::SetTitle { title: "Blog \u{202e}gnp.exe".into() }]);
    let html = render(&def, &a);
    let title = between(&html, "<title>", "</title>");
    assert!(title.starts_with("\u{2068}Blog \u{202e}gnp.exe\u{2069} – "));
    let body = &html[html.find("<body>").unwrap()..];
    let overrides: Vec<usize> = body.match_indices('\u{202e}').map(|(at, _)| at).collect();
    assert_eq!(
        overrides.len(),
        3,
        "the title in the heading, and the owner's name in the ranked risks and the answers"
    );
    for at in overrides {
        let before = &body[..at];
        let opened = before.matches("<bdi").count();
        let closed = before.matches("</bdi>").count();
        assert_eq!(opened, closed + 1, "a U+202E at byte {at} is not inside a <bdi>");
    }
}

/// The sign-off block of the fixture with its sign-off replaced.
fn check_signoff(signoff: Option<SignOff>, present: &[&str], absent: &[&str]) {
    let doc = fixture();
    let mut a = doc.assessment;
    a.signoff = signoff.clone();
    let html = render(&doc.definition, &a);
    check(
        &format!("{signoff:?}"),
        between(&html, "<h2 id=\"signoff\">", "</section>"),
        present,
        absent,
    );
}

#[test]
fn the_sign_off_block_says_where_the_decision_stands() {
    let decided = fixture().assessment.signoff.unwrap();
    assert!(decided.needs_review, "the fixture's answers changed after its sign-off");
    check_signoff(
        Some(decided.clone()),
        &[
            &format!("<p class=\"needs-review\">{NEEDS_REVIEW}</p>"),
            "<dt>Risk owner</dt><dd><bdi>Jo &lt;b&gt;Bloggs&lt;/b&gt;</bdi></dd>",
            "<dt>Role</dt><dd><bdi>SIRO</bdi></dd>",
            "<dt>Decision</dt><dd>Proceed with conditions</dd>",
            "<dt>Conditions</dt><dd><bdi class=\"long\">Fix &quot;2SV&quot; &amp; recovery &lt;first&gt;</bdi></dd>",
            "<dt>Decision date</dt><dd><bdi>20 November 2026</bdi></dd>",
            "<dt>Review date</dt><dd><bdi>31 January 2027</bdi></dd>",
        ],
        &["Not signed off yet"],
    );
    check_signoff(
        Some(SignOff {
            needs_review: false,
            decision: Some(Decision::DoNotProceed),
            ..decided.clone()
        }),
        &["<dt>Decision</dt><dd>Do not proceed</dd>"],
        &[NEEDS_REVIEW, "Not signed off yet"],
    );
    check_signoff(
        Some(SignOff { owner: "Jo".into(), ..SignOff::default() }),
        &[
            "Not signed off yet",
            "<dt>Risk owner</dt><dd><bdi>Jo</bdi></dd>",
            "<dt>Decision</dt><dd><span class=\"none\">Not set</span></dd>",
        ],
        &[NEEDS_REVIEW],
    );
    check_signoff(None, &["<p>Not signed off yet.</p>"], &[NEEDS_REVIEW, "<dl"]);
}

#[test]
fn an_empty_assessment_reports_no_risks_and_every_item_to_do() {
    let doc = fixture();
    let a = Assessment::new(exported());
    let html = render(&doc.definition, &a);
    assert!(html.contains("<p class=\"overall\"><strong>There are no open risks.</strong></p>"));
    assert!(html.contains("<p>No open risks.</p>"));
    assert!(html.contains("<dt>Assessor</dt><dd><span class=\"none\">Not set</span></dd>"));
    assert_eq!(
        between(&html, "<h2 id=\"not-assessed\">", "</section>")
            .matches("<tr><th scope=\"row\">")
            .count(),
        doc.definition.item_count()
    );
    let rows = parse_csv(&csv_report(&doc.definition, &a, &exported()));
    assert_eq!(rows.len(), 1 + doc.definition.item_count());
    // With no scope question answered every item is in scope, and every baseline item is
    // still to do before go-live.
    for r in &rows[1..] {
        assert_eq!(r[3..6], ["Yes", "", "Not assessed"], "{r:?}");
        assert!(r[6..10].iter().chain(&r[11..]).all(String::is_empty), "{r:?}");
        assert_eq!(r[10] == "Outstanding", r[2] == "Yes", "{r:?}");
    }
}

// ---- Scope, baseline, acceptance and the scale ----

#[test]
fn the_html_report_shows_the_scope_answers_and_what_they_leave_out() {
    let html = fixture_html();
    let scope = between(&html, "<h2 id=\"scope\">", "</section>");
    check(
        "scope",
        scope,
        &[
            "<dt><bdi>Will you run a public channel?</bdi></dt><dd>Yes</dd>",
            "<dt><bdi>@Paid promotion: will you boost posts?</bdi></dt><dd>No</dd>",
            "<dt><bdi>Are children &lt;under 13&gt; likely to take part?</bdi></dt><dd><span class=\"none\">Not answered</span></dd>",
        ],
        &["no longer asks"],
    );
    let out = between(&html, "<h2 id=\"out-of-scope\">", "</section>");
    check(
        "out of scope",
        out,
        &[
            &format!("<tr><th scope=\"row\"><bdi>Ad account access is reviewed</bdi></th><td><bdi>Access &amp; accounts</bdi></td><td><bdi>{PAID_NO}</bdi></td></tr>"),
            &format!("<tr><th scope=\"row\"><bdi>No tracking pixel on our pages</bdi></th><td><bdi>Paid promotion</bdi></td><td><bdi>{PAID_NO}</bdi></td></tr>"),
        ],
        &["Two-step"],
    );
    let sections = between(&html, "<caption>Progress by section</caption>", "</table>");
    assert!(sections.contains(&format!(
        "<tr><th scope=\"row\"><bdi>Paid promotion</bdi></th><td>Out of scope: <bdi>{PAID_NO}</bdi></td><td>None</td></tr>"
    )));
    // Items out of scope are not to assess, and their answers are kept apart from the rest.
    let not_assessed = between(&html, "<h2 id=\"not-assessed\">", "</section>");
    check("not assessed", not_assessed, &["FOI requests"], &["Ad account"]);
    let answers = between(&html, "<h2 id=\"answers\">", "</section>");
    let kept = between(answers, "<h3>Items out of scope</h3>", "<h3>Retired items</h3>");
    check("kept", kept, &["No tracking pixel on our pages", "Kept while out of scope"], &[]);
    let ranked = between(&html, "<h2 id=\"open-risks\">", "</section>");
    check("open risks", ranked, &["Recovery"], &["No tracking pixel"]);
}

#[test]
fn scope_answers_to_questions_the_checklist_lacks_are_shown_as_kept() {
    let doc = fixture();
    let mut a = doc.assessment;
    a.scope.insert(risk_checklist::core::definition::QuestionId::new("retired-question"), true);
    let html = render(&doc.definition, &a);
    let scope = between(&html, "<h2 id=\"scope\">", "</section>");
    check(
        "scope",
        scope,
        &["no longer asks", "<dt><bdi>retired-question</bdi></dt><dd>Yes</dd>"],
        &[],
    );
}

#[test]
fn the_html_report_lists_what_remains_before_go_live() {
    let html = fixture_html();
    let before = between(&html, "<h2 id=\"before-go-live\">", "</section>");
    let todo = between(before, "<caption>Baseline items still to do", "</table>");
    let rows: Vec<&str> = todo
        .split("<tr><th scope=\"row\">")
        .skip(1)
        .map(|r| between(r, "<bdi>", "</bdi>"))
        .collect();
    assert_eq!(
        rows,
        [
            "=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)",
            "FOI requests are answered"
        ]
    );
    assert!(before.contains("<td>Not assessed</td>"));
    let answers = between(&html, "<h2 id=\"answers\">", "</section>");
    let two_step = between(answers, "Two-step verification", "</article>");
    assert!(two_step.contains("<p class=\"baseline\">Baseline: do not go live without it.</p>"));
    let recovery = between(answers, "Recovery &lt;img", "</article>");
    assert!(!recovery.contains("Baseline"), "not a baseline item");

    let (def, a) = edited(vec![
        Action::SetStatus { item: ItemId::new("shared-login"), status: Status::Achieved },
        Action::SetStatus { item: ItemId::new("foi"), status: Status::NotApplicable },
    ]);
    let html = render(&def, &a);
    let before = between(&html, "<h2 id=\"before-go-live\">", "</section>");
    check(
        "none left",
        before,
        &[
            "<p>None left: every baseline item in scope is achieved or not applicable.</p>",
            "<caption>Baseline items not applicable</caption>",
        ],
        &["Baseline items still to do"],
    );
}

#[test]
fn proceeding_with_baseline_items_open_is_warned_in_the_sign_off() {
    let decided = fixture().assessment.signoff.unwrap();
    let proceed = SignOff { decision: Some(Decision::Proceed), ..decided.clone() };
    // The fixture has two baseline items open (see Before go-live).
    check_signoff(
        Some(proceed.clone()),
        &["<p class=\"warning\"><strong>Warning:</strong> 2 baseline items are still to do (see Before go-live)."],
        &[],
    );
    // With conditions, or another decision, there is nothing to warn of.
    assert_eq!(decided.decision, Some(Decision::ProceedWithConditions));
    check_signoff(Some(decided), &[], &["class=\"warning\""]);
    check_signoff(
        Some(SignOff { decision: Some(Decision::DoNotProceed), ..proceed.clone() }),
        &[],
        &["class=\"warning\""],
    );
    let signoff_with = |actions: Vec<Action>| {
        let (def, mut a) = edited(actions);
        a.signoff = Some(proceed.clone());
        between(&render(&def, &a), "<h2 id=\"signoff\">", "</section>").to_owned()
    };
    let achieved =
        Action::SetStatus { item: ItemId::new("shared-login"), status: Status::Achieved };
    assert!(signoff_with(vec![achieved.clone()])
        .contains("Warning:</strong> 1 baseline item is still to do"));
    let not_applicable =
        Action::SetStatus { item: ItemId::new("foi"), status: Status::NotApplicable };
    assert!(!signoff_with(vec![achieved, not_applicable]).contains("Warning"));
}

#[test]
fn open_items_not_rated_follow_the_ranked_risks_marked_not_rated() {
    let html = fixture_html();
    let ranked = between(&html, "<h2 id=\"open-risks\">", "</section>");
    let last_rated = ranked.find("Recovery &lt;img").unwrap();
    let unrated = ranked.find("Posts are captured").unwrap();
    assert!(last_rated < unrated, "after the rated ones");
    assert!(ranked.contains(&format!(
        "<bdi>Posts are captured, with retention</bdi></th><td><bdi>Records</bdi></td><td>Not achieved</td><td>{NOT_RATED}</td><td>{NOT_RATED}</td>"
    )));

    // With every rated risk closed, the overall rating counts the open items not rated.
    let (def, a) = edited(vec![
        Action::SetStatus { item: ItemId::new("shared-login"), status: Status::Achieved },
        Action::SetStatus { item: ItemId::new("recovery"), status: Status::Achieved },
        Action::SetStatus { item: ItemId::new("approval"), status: Status::NotApplicable },
        Action::SetRisk { item: ItemId::new("mentions"), likelihood: None, impact: None },
    ]);
    let html = render(&def, &a);
    assert!(html.contains(
        "<p class=\"overall\"><strong>There is no overall rating yet: 1 open item is not rated.</strong></p>"
    ));
}

/// The value the first `<dt>{term}</dt>` of `html` has.
fn field<'a>(html: &'a str, term: &str) -> &'a str {
    between(html, &format!("<dt>{term}</dt><dd>"), "</dd>")
}

#[test]
fn a_missing_rating_or_band_is_not_rated_throughout_the_html_report() {
    let html = fixture_html();
    let answers = between(&html, "<h2 id=\"answers\">", "</section>");
    // Open and rated on impact only; not applicable and rated on neither.
    let posts = between(answers, "Posts are captured", "</article>");
    let links = between(answers, "Links never go to javascript", "</article>");
    for (name, article, rated) in [("posts", posts, &["Impact"][..]), ("links", links, &[])] {
        for term in ["Likelihood", "Impact", "Score", "Band"] {
            if !rated.contains(&term) {
                assert_eq!(field(article, term), NOT_RATED, "{name}: {term}");
            }
        }
        // A blank text field is still "Not set".
        assert_eq!(field(article, "Owner"), "<span class=\"none\">Not set</span>", "{name}");
    }
    assert_eq!(field(posts, "Impact"), "<bdi>3 – Severe</bdi>");

    // A review in which an open item's ratings were cleared: its changes say "Not rated" on the
    // side without them.
    let doc = fixture();
    let mut a = doc.assessment.start_review("a-1", t("2027-01-10T09:00:00Z"));
    let recovery =
        Action::SetRisk { item: ItemId::new("recovery"), likelihood: None, impact: None };
    assert!(a.apply(&doc.definition, recovery, t("2027-01-11T09:00:00Z")));
    let html = render(&doc.definition, &a);
    let changes = between(&html, "<h2 id=\"changes\">", "</section>");
    let row = between(changes, "Recovery &lt;img", "</tr>");
    let now = row.rsplit("<td>").next().unwrap();
    for term in ["Likelihood", "Impact", "Band"] {
        assert_eq!(field(now, term), NOT_RATED, "{term} now");
    }
    assert_eq!(field(row, "Band"), "<span class=\"band-medium\">Medium</span> (4)");
    let answers = between(&html, "<h2 id=\"answers\">", "</section>");
    assert_eq!(field(between(answers, "Recovery &lt;img", "</article>"), "Band"), NOT_RATED);
    // An achieved item shows no ratings at all, whatever it keeps: none counts.
    let two_step = between(answers, "Two-step verification", "</article>");
    for term in ["Likelihood", "Impact", "Score", "Band"] {
        assert_eq!(field(two_step, term), NOT_RATED, "two-step: {term}");
    }

    // Nowhere in the report is a rating, score or band "Not set".
    for html in [fixture_html(), html] {
        for term in ["Likelihood", "Impact", "Score", "Band"] {
            let set = format!("<dt>{term}</dt><dd><span class=\"none\">Not set</span>");
            assert!(!html.contains(&set), "{set}");
        }
        assert!(!html.contains("<td><span class=\"none\">Not set</span></td><td><bdi>3 – Severe"));
    }
}

#[test]
fn open_items_at_the_highest_impact_are_for_the_owner_to_accept() {
    let html = fixture_html();
    let acceptance = between(&html, "<h2 id=\"acceptance\">", "</section>");
    check(
        "acceptance",
        acceptance,
        &[
            "<p>Open items rated at the highest impact, <bdi>Severe</bdi>, whatever their band",
            "<td><bdi>3 – Probable</bdi></td><td><bdi>3 – Severe</bdi></td><td><span class=\"band-high\">High</span></td><td><span class=\"none\">No response chosen</span></td></tr>",
            &format!("<bdi>Posts are captured, with retention</bdi></th><td><bdi>Records</bdi></td><td>Highest impact</td><td>Not achieved</td><td>{NOT_RATED}</td><td><bdi>3 – Severe</bdi></td><td>{NOT_RATED}</td><td><span class=\"none\">No response chosen</span></td></tr>"),
        ],
        // Achieved, out of scope, retired: none is for acceptance.
        &["Two-step", "tracking pixel", "old-item"],
    );
    // Remote x severe is medium on this scale, and still for acceptance.
    let (def, a) = edited(vec![Action::SetRisk {
        item: ItemId::new("recovery"),
        likelihood: Some(1),
        impact: Some(3),
    }]);
    let html = render(&def, &a);
    let acceptance = between(&html, "<h2 id=\"acceptance\">", "</section>");
    assert!(acceptance.contains("<td><bdi>1 – Remote</bdi></td><td><bdi>3 – Severe</bdi></td><td><span class=\"band-medium\">Medium</span></td>"));
    let rows = parse_csv(&csv_report(&def, &a, &exported()));
    let recovery = rows.iter().find(|r| r[1].starts_with("Recovery")).unwrap();
    assert_eq!((recovery[9].as_str(), recovery[11].as_str()), ("Medium", "Needed"));
}

#[test]
fn the_html_report_says_what_each_scale_level_means() {
    let html = fixture_html();
    let scale = between(&html, "<h2 id=\"scale\">", "</section>");
    check(
        "scale",
        scale,
        &[
            "<caption>Likelihood levels</caption>",
            "<tr><th scope=\"row\">3</th><td><bdi>Probable</bdi></td><td><bdi>Expected, or &lt;already&gt; happened to us</bdi></td></tr>",
            "<caption>Impact levels</caption>",
            "<tr><th scope=\"row\">3</th><td><bdi>Severe</bdi></td><td><bdi>Serious harm &amp; national news</bdi></td></tr>",
        ],
        &["<already>"],
    );
}

#[test]
fn a_checklist_without_scope_baseline_or_descriptions_adds_none_of_their_sections() {
    let doc = fixture();
    let mut def = doc.definition;
    def.questions.clear();
    def.scale.likelihood_descriptions.clear();
    def.scale.impact_descriptions.clear();
    for section in &mut def.sections {
        section.applies_when = None;
        for item in &mut section.items {
            item.applies_when = None;
            item.baseline = false;
        }
    }
    let mut a = doc.assessment;
    a.scope.clear();
    let html = render(&def, &a);
    for absent in [
        "id=\"scope\"",
        "id=\"out-of-scope\"",
        "id=\"before-go-live\"",
        "id=\"scale\"",
        "Baseline:",
        "Items out of scope",
    ] {
        assert!(!html.contains(absent), "{absent}");
    }
    assert!(html.contains("id=\"acceptance\""), "every scale has a highest impact");
    let rows = parse_csv(&csv_report(&def, &a, &exported()));
    assert!(rows[1..rows.len() - 1]
        .iter()
        .all(|r| r[2].is_empty() && r[3] == "Yes" && r[4].is_empty()));
}

// ---- A review ----

/// A review of the fixture, edited since it started: shared login achieved (closed), recovery
/// rated more likely (raised, medium to high) with a new action, a new note on mentions, paid
/// promotion answered Yes (the ad account and tracking pixel items come into scope, the pixel
/// open), and the note of the retired item changed in the file.
fn reviewed() -> (ChecklistDefinition, Assessment) {
    let doc = fixture();
    let mut a = doc.assessment.start_review("a-mi3k2x1-4fz0qa", t("2027-01-10T09:00:00Z"));
    let def = doc.definition;
    for action in [
        Action::SetStatus { item: ItemId::new("shared-login"), status: Status::Achieved },
        Action::SetRisk { item: ItemId::new("recovery"), likelihood: Some(3), impact: Some(2) },
        Action::SetMitigation {
            item: ItemId::new("recovery"),
            action: "Reset =2 <b>now</b>".into(),
        },
        Action::SetNotes { item: ItemId::new("mentions"), notes: "+44 20 7946 0001".into() },
        Action::SetScope { question: QuestionId::new("paid-promotion"), answer: Some(true) },
    ] {
        assert!(a.apply(&def, action.clone(), t("2027-01-11T09:00:00Z")), "refused: {action:?}");
    }
    a.answers.get_mut(&ItemId::new("old-item")).unwrap().notes = "Retired, reviewed".into();
    (def, a)
}

#[test]
fn the_csv_of_a_review_matches_the_reviewed_file() {
    let (def, a) = reviewed();
    let csv = csv_report(&def, &a, &exported()).replace('\u{202e}', "{U+202E}");
    expect_file("assessment-review.csv", &csv);
}

#[test]
fn the_csv_of_a_review_says_each_item_s_previous_status_and_band() {
    let (def, a) = reviewed();
    let rows = parse_csv(&csv_report(&def, &a, &exported()));
    assert_eq!(rows[0][16..19], ["Previous status", "Previous band", "Open risk"]);
    let previous = |item: &str| {
        let row = rows.iter().find(|r| r[1] == item).unwrap_or_else(|| panic!("no row {item:?}"));
        (row[5].as_str(), row[9].as_str(), row[16].as_str(), row[17].as_str())
    };
    let cases = [
        // Item, then status and band now, then at the last review.
        (
            "'=HYPERLINK(\"http://evil.example\",\"click\")",
            ("Achieved", "", "Not achieved", "High"),
        ),
        (
            "Recovery <img src=x onerror=alert(1)>",
            ("Partially achieved", "High", "Partially achieved", "Medium"),
        ),
        // Open and not rated, then as now.
        (
            "Posts are captured, with retention",
            ("Not achieved", NOT_RATED, "Not achieved", NOT_RATED),
        ),
        // Not answered then.
        ("FOI requests are answered", ("Not assessed", "", "Not assessed", "")),
        // Out of scope then, rated: no band then, as the Band column shows none out of scope.
        ("No tracking pixel on our pages", ("Not achieved", "High", "Not achieved", "")),
        ("old-item", ("Not achieved", "High", "Not achieved", "High")),
    ];
    for (item, expected) in cases {
        assert_eq!(previous(item), expected, "{item}");
    }
    assert!(rows.iter().all(|r| r.len() == CSV_HEADER.len()));
}

#[test]
fn the_html_report_of_a_review_shows_the_changes_since_the_last_review() {
    let (def, a) = reviewed();
    let html = render(&def, &a);
    let changes =
        between(&html, &format!("<h2 id=\"changes\">{CHANGES_HEADING}</h2>"), "</section>");
    check(
        "changes",
        changes,
        &[
            "<p>This assessment reviews <bdi>Team blog &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;</bdi>, decided 20 November 2026 by <bdi>Jo &lt;b&gt;Bloggs&lt;/b&gt;</bdi> (Proceed with conditions).</p>\n<p>Its conditions: <bdi class=\"long\">Fix &quot;2SV&quot; &amp; recovery &lt;first&gt;</bdi></p>",
            "<p>Overall rating: <strong><span class=\"band-high\">High</span></strong> at the last review, <strong><span class=\"band-high\">High</span></strong> now.</p>",
            "<tr><th scope=\"row\">Opened</th><td>1</td></tr>",
            "<tr><th scope=\"row\">Closed</th><td>1</td></tr>",
            "<tr><th scope=\"row\">Raised</th><td>1</td></tr>",
            "<tr><th scope=\"row\">Lowered</th><td>0</td></tr>",
            "<td><dl class=\"fields\"><dt>Status</dt><dd>Not achieved</dd><dt>Band</dt><dd><span class=\"band-high\">High</span> (9)</dd></dl></td><td><dl class=\"fields\"><dt>Status</dt><dd>Achieved</dd><dt>Band</dt><dd>Not rated</dd></dl></td>",
            "<td><dl class=\"fields\"><dt>Likelihood</dt><dd><bdi>2 – Possible</bdi></dd><dt>Band</dt><dd><span class=\"band-medium\">Medium</span> (4)</dd><dt>Action</dt><dd><bdi class=\"long\">&lt;script&gt;alert(1)&lt;/script&gt;</bdi></dd></dl></td>",
            "<dd><bdi class=\"long\">Reset =2 &lt;b&gt;now&lt;/b&gt;</bdi></dd>",
            &format!("<tr><th scope=\"row\"><bdi>No tracking pixel on our pages</bdi></th><td><bdi>Paid promotion</bdi></td><td><dl class=\"fields\"><dt>Scope</dt><dd>Out of scope: <bdi>{PAID_NO}</bdi></dd></dl></td><td><dl class=\"fields\"><dt>Scope</dt><dd>In scope</dd></dl></td></tr>"),
            "<dt>Notes</dt><dd><span class=\"none\">Not repeated here</span></dd></dl></td><td><dl class=\"fields\"><dt>Notes</dt><dd>Changed</dd>",
            &format!("<tr><th scope=\"row\"><bdi>old-item</bdi></th><td><bdi>{RETIRED_SECTION}</bdi></td>"),
        ],
        // Unchanged items are not listed, and notes are not repeated.
        &["Two-step", "FOI", "7946 0001", "Retired, reviewed"],
    );
    let rows: Vec<&str> = changes
        .split("<tr><th scope=\"row\"><bdi>")
        .skip(1)
        .map(|r| r.split("</bdi>").next().unwrap())
        .collect();
    assert_eq!(
        rows,
        [
            "=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)",
            "Recovery &lt;img src=x onerror=alert(1)&gt;",
            "Ad account access is reviewed",
            "@mentions are monitored",
            "No tracking pixel on our pages",
            "old-item",
        ],
        "in checklist order, retired items last"
    );
}

#[test]
fn only_a_review_has_changes_and_one_without_any_says_so() {
    assert!(!fixture_html().contains("id=\"changes\""));
    let doc = fixture();
    let mut review = doc.assessment.start_review("a-1", t("2027-01-10T09:00:00Z"));
    let html = render(&doc.definition, &review);
    check(
        "no changes",
        between(&html, "<h2 id=\"changes\">", "</section>"),
        &[
            "<p>No answer has changed since the last review.</p>",
            "<tr><th scope=\"row\">Opened</th><td>0</td></tr>",
        ],
        &["<table class=\"changes\">"],
    );
    // The earlier assessment had no decision recorded.
    review.review_of.as_mut().unwrap().decided = None;
    review.review_of.as_mut().unwrap().previous.signoff = None;
    let html = render(&doc.definition, &review);
    assert!(html.contains(", which had no recorded decision.</p>"));
}

/// The HTML report ends, after its main content, with the app and the version that wrote it,
/// so a copy filed in a records system says which release made it.
#[test]
fn the_html_report_ends_with_the_app_and_its_version() {
    let doc = fixture();
    let html = html_report(&doc.definition, &doc.assessment, &exported());
    let footer = format!(
        "</main>\n<footer>\n<p>risk-checklist {}</p>\n</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    let end = html.char_indices().rev().nth(120).map_or(0, |(i, _)| i);
    assert!(html.ends_with(&footer), "the report ends with {:?}", &html[end..]);
}

// ---- The Summary page model ----

#[test]
fn the_page_lists_each_item_in_scope_not_yet_assessed_with_its_section() {
    let doc = fixture();
    let (def, a) = (&doc.definition, &doc.assessment);
    let page = SummaryPage::of(def, a, &exported());
    // Worked out from the definition: each item in scope whose answer is not assessed.
    let mut expected = Vec::new();
    for (index, section) in def.sections.iter().enumerate() {
        for item in &section.items {
            let in_scope = !OUT_OF_SCOPE.contains(&item.id.as_str());
            if in_scope && a.answer(&item.id).status == Status::NotAssessed {
                expected.push((index, section.title.clone(), item.id.as_str().to_owned()));
            }
        }
    }
    let listed: Vec<_> = page
        .not_assessed
        .iter()
        .map(|at| (at.index, at.section.title.clone(), at.item.id.as_str().to_owned()))
        .collect();
    assert!(!expected.is_empty(), "the fixture has items not yet assessed");
    assert_eq!(listed, expected);
    assert_eq!(page.today, "2026-11-25");
    // The report lists the same, in the same order.
    let html = fixture_html();
    let section = between(&html, "<h2 id=\"not-assessed\">", "</section>");
    for at in &page.not_assessed {
        assert!(section.contains(&at.item.title.replace('<', "&lt;")), "{}", at.item.title);
    }
}

#[test]
fn the_page_s_heat_map_cells_hold_the_count_and_the_band_of_their_score() {
    let doc = fixture();
    let (def, a) = (&doc.definition, &doc.assessment);
    let map = SummaryPage::of(def, a, &exported()).heat_map;
    let grid = heat_map(def, a);
    let scale = &def.scale;
    assert_eq!(map.impacts.len(), scale.impact.len());
    assert_eq!(map.impacts[0], format!("1 – {}", scale.impact[0]));
    assert_eq!(map.rows.len(), scale.likelihood.len());
    let top = scale.likelihood.len();
    assert_eq!(map.rows[0].likelihood, format!("{top} – {}", scale.likelihood[top - 1]));
    for (r, row) in map.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            assert_eq!((cell.likelihood, cell.impact), (top - r, c + 1));
            assert_eq!(cell.count, grid[r][c]);
            assert_eq!(cell.band, band_of(def, ((top - r) * (c + 1)) as u32));
        }
    }
    let counted: usize = map.rows.iter().flat_map(|r| &r.cells).map(|c| c.count).sum();
    assert_eq!(counted, Summary::of(def, a).open_risks.len());
}

#[test]
fn the_page_s_open_risks_are_the_rated_ones_highest_first_then_those_not_rated() {
    let doc = fixture();
    let (def, a) = (&doc.definition, &doc.assessment);
    let page = SummaryPage::of(def, a, &exported());
    let rows: Vec<_> = page.risks().collect();
    let s = &page.summary;
    assert_eq!(rows.len(), s.open_risks.len() + s.unrated.len());
    let rated = rows.iter().take_while(|r| r.risk.is_some()).count();
    assert_eq!(rated, s.open_risks.len(), "the rated ones first, then none rated");
    assert!(rows[rated..].iter().all(|r| r.risk.is_none()));
    let scores: Vec<u32> = rows[..rated].iter().filter_map(|r| r.risk.map(|r| r.score)).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "highest first: {scores:?}");
    for r in &rows {
        assert_eq!(
            page.section_title(r.section),
            def.sections[page.section_index(r.section)].title
        );
        assert_eq!(r.risk, def.scale.risk(a.answer(r.item)).filter(|_| r.risk.is_some()));
    }
    // The retired answer keeps its status and risk.
    let old = a.answer(&ItemId::new("old-item"));
    assert_eq!(page.retired.len(), 1);
    assert_eq!(
        (page.retired[0].id.as_str(), page.retired[0].status, page.retired[0].risk),
        ("old-item", old.status, def.scale.risk(old))
    );
}

/// The review of the fixture with the decision reviewed recorded by `owner` with `conditions`.
fn reviewed_by(owner: &str, conditions: &str) -> (ChecklistDefinition, Assessment) {
    let (def, mut a) = reviewed();
    let review = a.review_of.as_mut().unwrap();
    let signoff = review.previous.signoff.as_mut().unwrap();
    signoff.owner = owner.into();
    signoff.conditions = conditions.into();
    (def, a)
}

fn line_text(line: &[Part]) -> String {
    line.iter()
        .map(|p| match p {
            Part::Words(w) => w.as_str(),
            Part::Outside(o) => o.as_str(),
        })
        .collect()
}

#[test]
fn the_review_line_names_what_it_reviews_and_leaves_out_a_blank_owner_or_conditions() {
    let (def, a) = reviewed_by("Jo Bloggs", "Fix 2SV first");
    let review = Review::of(&def, &a).unwrap();
    let title = &a.review_of.as_ref().unwrap().title;
    assert_eq!(
        line_text(&review.line),
        format!("This assessment reviews {title}, decided 20 November 2026 by Jo Bloggs (Proceed with conditions).")
    );
    assert!(review.line.contains(&Part::Outside("Jo Bloggs".into())), "the owner isolated");
    assert_eq!(review.conditions.as_deref(), Some("Fix 2SV first"));

    for blank in ["", "   ", "\t\n"] {
        let (def, a) = reviewed_by(blank, blank);
        let review = Review::of(&def, &a).unwrap();
        let line = line_text(&review.line);
        assert_eq!(
            line,
            format!(
                "This assessment reviews {title}, decided 20 November 2026 (Proceed with conditions)."
            )
        );
        assert_eq!(review.conditions, None, "{blank:?}");
        // The report reads the same: no " by ", no conditions.
        let html = render(&def, &a);
        let changes = between(&html, "<h2 id=\"changes\">", "<p>Overall rating");
        assert!(
            changes.contains("</bdi>, decided 20 November 2026 (Proceed with conditions).</p>"),
            "{changes}"
        );
        assert!(!changes.contains(" by ") && !changes.contains("Its conditions"), "{changes}");
    }

    // Without a recorded decision, no owner or decision is said, whoever was written down.
    let (def, mut a) = reviewed_by("Jo Bloggs", "");
    a.review_of.as_mut().unwrap().decided = None;
    let line = line_text(&Review::of(&def, &a).unwrap().line);
    assert_eq!(line, format!("This assessment reviews {title}, which had no recorded decision."));
    assert!(Review::of(&def, &fixture().assessment).is_none(), "only a review has the line");
}

#[test]
fn the_decision_line_leaves_out_a_blank_owner() {
    let signoff = |owner: &str, decided: Option<&str>| SignOff {
        owner: owner.into(),
        decision: Some(Decision::Proceed),
        decided: decided.map(str::to_owned),
        ..SignOff::default()
    };
    let on = Some("2026-03-04");
    assert_eq!(decision_line(&signoff("Jo", on)), "Decision: Proceed on 4 March 2026 by Jo");
    assert_eq!(decision_line(&signoff("  ", on)), "Decision: Proceed on 4 March 2026");
    assert_eq!(decision_line(&signoff("Jo", None)), "Decision: Proceed (date not recorded yet)");
    assert_eq!(decision_line(&SignOff::default()), "Not signed off yet.");
}
