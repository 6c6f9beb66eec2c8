//! Compare and merge at the size the browser benchmark uses: two fully answered assessments of a
//! generated checklist of 500 items (10 sections of 50, as tests/e2e/bench.mjs generates it).
//! Only correctness is checked here; how long each takes is measured in the browser.
#![cfg(not(target_arch = "wasm32"))]

use risk_checklist::core::compare::Field;
use risk_checklist::core::merge::Keep;
use risk_checklist::core::{
    apply_merge, compare, plan_merge, Answer, Assessment, ChecklistDefinition, Choices, ItemId,
    Response, Status, Summary, Timestamp,
};

const SECTIONS: usize = 10;
const PER_SECTION: usize = 50;

fn t(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

/// The benchmark's generated checklist: sections `s1`.., items `s1-i1`.., the default scale.
fn generated() -> ChecklistDefinition {
    let sections: Vec<serde_json::Value> = (1..=SECTIONS)
        .map(|s| {
            let items: Vec<serde_json::Value> = (1..=PER_SECTION)
                .map(|i| {
                    serde_json::json!({
                        "id": format!("s{s}-i{i}"),
                        "title": format!("Item {s}.{i}"),
                        "why": format!("Why item {s}.{i} matters: a sentence or two of guidance text of a realistic length."),
                        "good": format!("What good looks like for item {s}.{i}: the evidence that it is handled."),
                    })
                })
                .collect();
            serde_json::json!({ "id": format!("s{s}"), "title": format!("Section {s}"), "items": items })
        })
        .collect();
    let def = serde_json::json!({
        "id": "bench-500", "version": "1", "title": "Generated checklist of 500 items",
        "scale": {
            "likelihood": ["Remote", "Possible", "Probable"],
            "impact": ["Minimal", "Significant", "Severe"],
            "bands": { "low_max": 2, "medium_max": 4 }
        },
        "sections": sections
    });
    ChecklistDefinition::from_json(&def.to_string()).unwrap()
}

/// Every item answered, each answer changed at `at`: its status, ratings, owner, due date,
/// action and notes follow from its position `n`, and every `every`th item (none when 0) has
/// another status and another note.
fn answered(def: &ChecklistDefinition, every: usize, at: &str) -> Assessment {
    let mut a = Assessment::new(t("2026-01-01T09:00:00Z"));
    for (n, (_, item)) in def.items().enumerate() {
        let other = every > 0 && n % every == 0;
        let status = Status::CHOICES[(n + usize::from(other)) % Status::CHOICES.len()];
        let answer = Answer {
            status,
            likelihood: Some((n % 3) as u8 + 1),
            impact: Some((n / 3 % 3) as u8 + 1),
            notes: if other { format!("Their note on {n}") } else { format!("Note on {n}") },
            owner: format!("Owner {}", n % 7),
            due: Some(format!("2026-{:02}-15", n % 12 + 1)),
            action: format!("Action {n}"),
            response: Some(Response::ALL[n % Response::ALL.len()]),
            changed: Some(t(at)),
        };
        a.answers.insert(item.id.clone(), answer);
    }
    a
}

#[test]
fn compare_and_merge_two_fully_answered_500_item_assessments() {
    let def = generated();
    assert_eq!(def.item_count(), SECTIONS * PER_SECTION);
    let mine = answered(&def, 0, "2026-02-01T09:00:00Z");
    let theirs = answered(&def, 5, "2026-03-01T09:00:00Z");
    let differ: Vec<ItemId> = def
        .items()
        .enumerate()
        .filter(|(n, _)| n % 5 == 0)
        .map(|(_, (_, i))| i.id.clone())
        .collect();
    assert_eq!(differ.len(), 100);

    let c = compare(&def, &mine, &theirs);
    let listed: Vec<ItemId> = c.items.iter().map(|i| i.item.clone()).collect();
    assert_eq!(listed, differ, "every fifth item, in checklist order");
    assert!(c.retired.is_empty());
    // Status and notes, and the band when the status opens or closes the risk.
    let fields_ok = |i: &risk_checklist::core::compare::ItemChange| {
        let [Field::Status, rest @ ..] = i.fields.as_slice() else { return false };
        matches!(rest, [Field::Notes] | [Field::Band, Field::Notes])
    };
    assert!(c.items.iter().all(fields_ok), "status and notes");
    assert!(c.items.iter().any(|i| i.fields.contains(&Field::Band)));
    let open = |a: &Assessment| {
        let s = Summary::of(&def, a);
        s.open_risks.len() + s.unrated.len()
    };
    assert_eq!(open(&mine) + c.opened - c.closed, open(&theirs));
    assert!(c.opened > 0 && c.closed > 0);
    assert_eq!((c.raised, c.lowered), (0, 0), "no rating changed");
    assert!(compare(&def, &mine, &mine).is_empty());

    let plan = plan_merge(&def, &mine, &theirs);
    assert_eq!(plan.sections.len(), SECTIONS);
    assert_eq!(plan.conflict_count(), differ.len());
    assert!(plan.sections.iter().all(|s| s.added.is_empty() && s.same.len() == 40));
    let now = t("2026-06-01T12:00:00Z");
    let kept = apply_merge(&def, &mine, &theirs, &plan, &Choices::default(), "f.json", now.clone());
    assert_eq!(kept, mine, "both fully answered: by default nothing changes");
    let taken = apply_merge(
        &def,
        &mine,
        &theirs,
        &plan,
        &Choices::all(Keep::Theirs),
        "f.json",
        now.clone(),
    );
    // Answers the same on both sides keep mine, with when mine changed; the rest are theirs.
    assert_eq!(taken.answers.len(), theirs.answers.len());
    for (id, answer) in &theirs.answers {
        let got = &taken.answers[id];
        assert!(got.same_as(answer), "{id}: {got:?}");
        let from = if differ.contains(id) { answer } else { &mine.answers[id] };
        assert_eq!(got.changed, from.changed, "{id}");
    }
    let both = apply_merge(&def, &mine, &theirs, &plan, &Choices::all(Keep::Both), "f.json", now);
    for id in &differ {
        let (answer, my) = (&both.answers[id], &mine.answers[id]);
        assert_eq!(answer.status, my.status, "{id}: the rest of mine");
        assert!(answer.notes.starts_with(&my.notes), "{id}: {:?}", answer.notes);
        assert!(answer.notes.ends_with(&theirs.answers[id].notes), "{id}: {:?}", answer.notes);
    }
    assert!(compare(&def, &mine, &both).items.iter().all(|i| i.fields == [Field::Notes]));
}
