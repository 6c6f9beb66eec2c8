//! Native tests of the core through its public API: the document round trip, the summary,
//! and properties that must hold for any assessment.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use risk_checklist::core::default_checklist::default_checklist;
use risk_checklist::core::document::{slug, DocumentError, EXPORT_FORMAT, FORMAT_VERSION};
use risk_checklist::core::scoring::OverallRating;
use risk_checklist::core::{
    Action, Assessment, Band, ChecklistDefinition, Decision, Document, ItemId, SignOff, Status,
    StoredAssessment, Summary, Timestamp,
};

fn t(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn ids(def: &ChecklistDefinition) -> Vec<ItemId> {
    def.items().map(|(_, i)| i.id.clone()).collect()
}

/// An assessment built by applying `actions` to the default checklist.
fn assessed(actions: Vec<Action>) -> (ChecklistDefinition, Assessment) {
    let def = default_checklist();
    let mut a = Assessment::new(t("2026-01-05T10:00:00Z"));
    for action in actions {
        assert!(a.apply(&def, action.clone(), t("2026-01-06T11:30:00Z")), "refused: {action:?}");
    }
    (def, a)
}

fn rate(item: &ItemId, status: Status, l: u8, i: u8) -> Vec<Action> {
    vec![
        Action::SetStatus { item: item.clone(), status },
        Action::SetRisk { item: item.clone(), likelihood: Some(l), impact: Some(i) },
    ]
}

#[test]
fn an_export_reads_back_unchanged_and_names_its_format() {
    let def = default_checklist();
    let id = ids(&def);
    let mut actions = rate(&id[0], Status::NotAchieved, 3, 3);
    actions.push(Action::SetNotes {
        item: id[0].clone(),
        notes: "Zwei Admins – ein Passwort. «Ça va» 日本 \"quoted\"\n2nd line".into(),
    });
    actions.push(Action::SetTitle { title: "Team blog on WordPress".into() });
    let (def, a) = assessed(actions);
    let doc = Document::new(&def, &a, t("2026-01-07T09:00:00Z"));
    let json = doc.to_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], EXPORT_FORMAT);
    assert_eq!(value["format_version"], FORMAT_VERSION);
    assert_eq!(value["checklist"]["id"], def.id);
    assert_eq!(value["definition"]["sections"].as_array().unwrap().len(), def.sections.len());
    assert_eq!(value["assessment"]["answers"][id[0].as_str()]["status"], "not_achieved");
    assert_eq!(value["summary"]["by_band"]["high"], 1);
    assert_eq!(Document::from_json(&json).unwrap(), doc);
    assert_eq!(doc.file_name("json"), "team-blog-on-wordpress-2026-01-07.json");
}

#[test]
fn reading_refuses_other_formats_and_newer_versions_with_plain_reasons() {
    let (def, a) = assessed(vec![]);
    let good: serde_json::Value =
        serde_json::from_str(&Document::new(&def, &a, t("2026-01-07T09:00:00Z")).to_json())
            .unwrap();
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        f(&mut v);
        Document::from_json(&v.to_string()).unwrap_err()
    };
    assert_eq!(
        with(&|v| v["format"] = "something-else".into()),
        DocumentError::WrongFormat { found: Some("something-else".into()) }
    );
    assert_eq!(
        with(&|v| {
            v.as_object_mut().unwrap().remove("format");
        }),
        DocumentError::WrongFormat { found: None }
    );
    assert_eq!(
        with(&|v| {
            v.as_object_mut().unwrap().remove("format_version");
        }),
        DocumentError::MissingVersion
    );
    let newer = FORMAT_VERSION + 1;
    assert_eq!(
        with(&|v| v["format_version"] = newer.into()),
        DocumentError::NewerVersion { found: newer.into() }
    );
    assert!(
        matches!(with(&|v| v["extra"] = 1.into()), DocumentError::Syntax { message, .. } if message.contains("extra"))
    );
    let item = ids(&def)[0].clone();
    assert!(
        matches!(with(&|v| v["assessment"]["answers"][item.as_str()] = serde_json::json!({"likelihood": 7})),
        DocumentError::Answer { item: i, .. } if i == item)
    );
    assert_eq!(Document::from_json("  "), Err(DocumentError::Empty));
    // A file cut short says so, where it ends, without the parser's words.
    let cut = Document::from_json("{\"format\":");
    assert_eq!(cut, Err(DocumentError::CutShort { line: 1, column: 10 }));
    let said = cut.unwrap_err().to_string();
    assert!(
        said.starts_with("The text ends too soon (at line 1, column 10): it was cut short"),
        "{said}"
    );
    assert!(!said.contains("EOF"), "{said}");
    assert!(matches!(
        Document::from_json("{\"format\": }"),
        Err(DocumentError::Syntax { line: 1, .. })
    ));
}

#[test]
fn the_summary_counts_ranks_and_finds_the_worst_band() {
    let def = default_checklist();
    let id = ids(&def);
    let mut actions = Vec::new();
    actions.extend(rate(&id[0], Status::PartiallyAchieved, 2, 2)); // 4 medium, open
    actions.extend(rate(&id[1], Status::NotAchieved, 3, 2)); // 6 high, open
    actions.extend(rate(&id[2], Status::Achieved, 3, 3)); // achieved: not open
    actions.extend(rate(&id[3], Status::NotAchieved, 1, 1)); // 1 low, open
    actions.push(Action::SetStatus { item: id[4].clone(), status: Status::NotApplicable });
    actions.push(Action::SetRisk { item: id[5].clone(), likelihood: Some(3), impact: Some(1) }); // not assessed yet: not open
    let (def, a) = assessed(actions);
    let s = Summary::of(&def, &a);
    assert_eq!(s.progress.assessed, 5);
    assert_eq!(s.progress.total, def.item_count());
    assert_eq!(
        (
            s.by_status.achieved,
            s.by_status.partially_achieved,
            s.by_status.not_achieved,
            s.by_status.not_applicable
        ),
        (1, 1, 2, 1)
    );
    assert_eq!(s.by_status.not_assessed, def.item_count() - 5);
    assert_eq!((s.by_band.low, s.by_band.medium, s.by_band.high), (1, 1, 1));
    assert_eq!(s.overall, Some(Band::High));
    let ranked: Vec<(&str, u32)> =
        s.open_risks.iter().map(|r| (r.item.as_str(), r.score)).collect();
    assert_eq!(ranked, vec![(id[1].as_str(), 6), (id[0].as_str(), 4), (id[3].as_str(), 1)]);
    let first_section = &s.sections[0];
    assert_eq!(first_section.worst, Some(Band::High));
    assert_eq!(first_section.rating(), OverallRating::Band(Band::High));
}

#[test]
fn a_section_with_open_items_not_rated_says_how_many() {
    let def = default_checklist();
    let first: Vec<ItemId> = def.sections[0].items.iter().map(|i| i.id.clone()).collect();
    let section = |actions: Vec<Action>| {
        let (def, a) = assessed(actions);
        let s = Summary::of(&def, &a).sections[0].clone();
        (s.rating(), s.unrated)
    };
    let status = |n: usize, status: Status| Action::SetStatus { item: first[n].clone(), status };
    assert_eq!(section(vec![]), (OverallRating::NoOpenRisks, 0));
    // Achieved, not applicable or not assessed: nothing open, whatever the ratings say.
    let mut closed = rate(&first[0], Status::Achieved, 3, 3);
    closed.push(status(1, Status::NotApplicable));
    assert_eq!(section(closed), (OverallRating::NoOpenRisks, 0));
    // Found not achieved or partially achieved, without both ratings: open and counted.
    let open = vec![status(0, Status::NotAchieved), status(1, Status::PartiallyAchieved)];
    assert_eq!(section(open.clone()), (OverallRating::NotRated { open: 2 }, 2));
    assert_eq!(OverallRating::NotRated { open: 2 }.label(), "2 open items not rated");
    // A rated open risk gives the band, and the unrated ones are still counted beside it.
    let mut both = open;
    both.extend(rate(&first[2], Status::NotAchieved, 1, 2));
    assert_eq!(section(both), (OverallRating::Band(Band::Low), 2));
}

#[test]
fn an_empty_assessment_has_no_overall_band() {
    let (def, a) = assessed(vec![]);
    let s = Summary::of(&def, &a);
    assert_eq!(s.overall, None);
    assert!(s.open_risks.is_empty());
    assert_eq!(s.progress.percent(), 0);
}

#[test]
fn the_stored_record_round_trips() {
    let def = default_checklist();
    let (def, a) = assessed(rate(&ids(&def)[2], Status::NotAchieved, 1, 3));
    let stored = StoredAssessment::new(&def, &a);
    assert_eq!(StoredAssessment::from_json(&stored.to_json()), Ok(stored));
    assert!(matches!(
        StoredAssessment::from_json(&Document::new(&def, &a, t("2026-01-07T09:00:00Z")).to_json()),
        Err(DocumentError::WrongFormat { .. })
    ));
}

#[test]
fn slugs_are_safe_file_names() {
    let cases = [
        ("Team blog", "team-blog"),
        ("  Yammer / Viva Engage!! ", "yammer-viva-engage"),
        ("", "risk-assessment"),
        ("日本", "risk-assessment"),
        ("../../etc/passwd", "etc-passwd"),
        ("Café Ω", "caf"),
    ];
    for (title, expected) in cases {
        assert_eq!(slug(title), expected, "{title:?}");
    }
    assert!(slug(&"x".repeat(500)).len() <= 60);
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn action(ids: Vec<ItemId>) -> impl Strategy<Value = Action> {
    let item = prop::sample::select(ids);
    prop_oneof![
        (item.clone(), status()).prop_map(|(item, status)| Action::SetStatus { item, status }),
        (item.clone(), prop::option::of(1u8..=3), prop::option::of(1u8..=3))
            .prop_map(|(item, likelihood, impact)| Action::SetRisk { item, likelihood, impact }),
        (item.clone(), any::<String>()).prop_map(|(item, notes)| Action::SetNotes { item, notes }),
        (item.clone(), "\\PC{0,40}").prop_map(|(item, owner)| Action::SetOwner { item, owner }),
        (
            item.clone(),
            prop::option::of(
                (2000u32..2100, 1u32..13, 1u32..29)
                    .prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"))
            )
        )
            .prop_map(|(item, due)| Action::SetDue { item, due }),
        (item, any::<String>()).prop_map(|(item, action)| Action::SetMitigation { item, action }),
        any::<String>().prop_map(|title| Action::SetTitle { title }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any assessment survives export and import unchanged, whatever text it holds.
    #[test]
    fn any_assessment_survives_export_and_import(actions in prop::collection::vec(action(ids(&default_checklist())), 0..40)) {
        let def = default_checklist();
        let mut a = Assessment::new(t("2026-01-05T10:00:00Z"));
        for act in actions {
            a.apply(&def, act, t("2026-01-06T11:30:00.250Z"));
        }
        let doc = Document::new(&def, &a, t("2026-01-07T09:00:00Z"));
        prop_assert_eq!(Document::from_json(&doc.to_json()), Ok(doc));
    }

    /// Progress never exceeds the total, and the summary's counts add up.
    #[test]
    fn summary_counts_add_up(actions in prop::collection::vec(action(ids(&default_checklist())), 0..60)) {
        let def = default_checklist();
        let mut a = Assessment::new(t("2026-01-05T10:00:00Z"));
        for act in actions {
            a.apply(&def, act, t("2026-01-06T11:30:00Z"));
        }
        let s = Summary::of(&def, &a);
        // Items out of scope (none here: no scope question is answered) leave the counts.
        let by_status: usize = Status::ALL.iter().map(|st| s.by_status.get(*st)).sum();
        prop_assert_eq!(by_status + s.out_of_scope.len(), def.item_count());
        prop_assert_eq!(s.by_band.low + s.by_band.medium + s.by_band.high, s.open_risks.len());
        prop_assert_eq!(s.by_band.unrated, s.unrated.len());
        prop_assert!(s.unrated.iter().all(|u| u.risk.is_none() && matches!(u.status, Status::NotAchieved | Status::PartiallyAchieved)));
        prop_assert!(s.progress.assessed <= s.progress.total && s.progress.percent() <= 100);
        prop_assert!(s.open_risks.windows(2).all(|w| w[0].score >= w[1].score));
        // The sections' ratings make up the overall one: an open item not rated is counted in
        // its section too.
        prop_assert_eq!(s.sections.iter().map(|x| x.unrated).sum::<usize>(), s.by_band.unrated);
        prop_assert_eq!(s.sections.iter().filter_map(|x| x.worst).max(), s.overall);
    }

    /// A real file damaged in one place (one value replaced, or the text cut short) is refused,
    /// or read into a document that writes and reads back the same; reading never panics.
    #[test]
    fn a_damaged_file_is_refused_or_read_whole(
        pick in any::<prop::sample::Index>(),
        value in damage(),
        cut in any::<prop::sample::Index>(),
    ) {
        let text = exported();
        let mut edited: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut at = Vec::new();
        pointers(&edited, String::new(), &mut at);
        *edited.pointer_mut(pick.get(&at).as_str()).unwrap() = value;
        let ends: Vec<usize> = (0..=text.len()).filter(|i| text.is_char_boundary(*i)).collect();
        for damaged in [edited.to_string(), text[..*cut.get(&ends)].to_owned()] {
            if let Ok(doc) = Document::from_json(&damaged) {
                prop_assert_eq!(Document::from_json(&doc.to_json()), Ok(doc));
            }
            // The same text as a stored record, and the definition inside as a checklist file
            // of its own, must not panic either.
            let _ = StoredAssessment::from_json(&damaged);
            let definition = serde_json::from_str::<serde_json::Value>(&damaged)
                .map(|v| v["definition"].to_string())
                .unwrap_or(damaged);
            let _ = ChecklistDefinition::from_json(&definition);
        }
    }
}

/// An exported file with ratings, notes, a due date, an owner and a decision: something worth
/// damaging.
fn exported() -> String {
    let def = default_checklist();
    let id = ids(&def);
    let mut actions = rate(&id[0], Status::NotAchieved, 3, 2);
    actions.extend(rate(&id[1], Status::PartiallyAchieved, 1, 3));
    actions
        .push(Action::SetNotes { item: id[0].clone(), notes: "Zwei Admins – «ça va»".into() });
    actions.push(Action::SetOwner { item: id[0].clone(), owner: "Sam".into() });
    actions.push(Action::SetDue { item: id[1].clone(), due: Some("2026-03-31".into()) });
    actions.push(Action::SetSignOff {
        signoff: SignOff {
            owner: "Jo".into(),
            decision: Some(Decision::Proceed),
            decided: Some("2026-01-06".into()),
            ..SignOff::default()
        },
    });
    let (def, a) = assessed(actions);
    Document::new(&def, &a, t("2026-01-07T09:00:00Z")).to_json()
}

/// The JSON pointer of every value in `value`, itself first.
fn pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    let children: Vec<(String, &serde_json::Value)> = match value {
        serde_json::Value::Object(map) => {
            map.iter().map(|(k, v)| (k.replace('~', "~0").replace('/', "~1"), v)).collect()
        }
        serde_json::Value::Array(list) => {
            list.iter().enumerate().map(|(i, v)| (i.to_string(), v)).collect()
        }
        _ => Vec::new(),
    };
    out.push(at.clone());
    for (key, child) in children {
        pointers(child, format!("{at}/{key}"), out);
    }
}

/// Values a damaged file might hold where another was: wrong types, levels off the scale,
/// bad dates, empty containers.
fn damage() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::json;
    prop::sample::select(vec![
        json!(null),
        json!(true),
        json!(-1),
        json!(0),
        json!(7),
        json!(256),
        json!(1.5),
        json!(""),
        json!("2026-02-30"),
        json!("x"),
        json!([]),
        json!({}),
    ])
}

#[test]
fn an_answer_given_twice_is_refused_with_its_position() {
    let (def, a) = assessed(vec![]);
    let json = Document::new(&def, &a, t("2026-01-07T09:00:00Z")).to_json();
    let id = ids(&def)[0].clone();
    let twice = json.replace(
        "\"answers\": {}",
        &format!("\"answers\": {{\"{id}\": {{\"status\": \"achieved\"}}, \"{id}\": {{\"status\": \"not_achieved\"}}}}"),
    );
    assert_ne!(twice, json, "the fixture edit must apply");
    match Document::from_json(&twice) {
        Err(DocumentError::Syntax { message, line, .. }) => {
            assert!(message.contains("given twice"), "{message}");
            assert!(line > 1);
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn answers_for_items_the_checklist_lacks_are_kept_and_reported() {
    let (def, a) = assessed(vec![]);
    let json = Document::new(&def, &a, t("2026-01-07T09:00:00Z")).to_json().replace(
        "\"answers\": {}",
        "\"answers\": {\"retired-item\": {\"status\": \"achieved\", \"notes\": \"kept\"}}",
    );
    let doc = Document::from_json(&json).unwrap();
    assert_eq!(doc.unknown_items(), vec![ItemId::new("retired-item")]);
    assert_eq!(doc.assessment.answers[&ItemId::new("retired-item")].notes, "kept");
    assert_eq!(Document::from_json(&doc.to_json()).unwrap().unknown_items().len(), 1);
}

#[test]
fn absurd_nesting_is_refused_not_overflowed() {
    let deep = format!(
        "{{\"format\":\"risk-checklist/assessment\",\"format_version\":1,\"x\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(matches!(Document::from_json(&deep), Err(DocumentError::Syntax { .. })));
}

#[test]
fn current_documents_need_no_upgrade_and_version_zero_is_refused() {
    use risk_checklist::core::document::older_version;
    let (def, a) = assessed(vec![]);
    assert_eq!(older_version(&Document::new(&def, &a, t("2026-01-07T09:00:00Z")).to_json()), None);
    assert_eq!(older_version(&StoredAssessment::new(&def, &a).to_json()), None);
    let zero = "{\"format\": \"risk-checklist/assessment\", \"format_version\": 0}";
    assert_eq!(older_version(zero), None);
    assert_eq!(Document::from_json(zero), Err(DocumentError::MissingVersion));
}
