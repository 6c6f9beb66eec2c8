//! Native tests of merging a colleague's answers into mine: the plan on pairs of small
//! assessments of a checklist with scope questions (tests/fixtures/definitions/
//! valid-scoped.json), the merged result for each way of choosing, and properties that hold
//! for any pair: nothing of mine is lost unless chosen away.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use risk_checklist::core::definition::QuestionId;
use risk_checklist::core::merge::{both_notes, their_name};
use risk_checklist::core::{
    apply_merge, plan_merge, Action, Assessment, ChecklistDefinition, Choices, ItemId, Keep,
    MergePlan, SectionId, Status, Timestamp,
};

const SCOPED: &str = include_str!("fixtures/definitions/valid-scoped.json");

fn scoped() -> ChecklistDefinition {
    ChecklistDefinition::from_json(SCOPED).unwrap()
}

fn t(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn now() -> Timestamp {
    t("2026-06-01T12:00:00Z")
}

/// An assessment from the JSON of its parts (`answers`, `scope`, `assessor`, `signoff`),
/// read as the assessment of a file is, without checking the answers against the checklist:
/// a colleague's file may hold answers this checklist refuses.
fn given(parts: serde_json::Value) -> Assessment {
    let mut value = serde_json::json!({
        "created": "2026-03-01T09:00:00Z",
        "updated": "2026-03-01T09:00:00Z",
        "answers": {}
    });
    for (key, part) in parts.as_object().unwrap() {
        value[key] = part.clone();
    }
    serde_json::from_value(value).unwrap()
}

// ---- The plan ----

/// A plan as read in a test: a line per section and one each for scope, retired and refused
/// answers, leaving out what is empty.
fn plan_lines(p: &MergePlan) -> Vec<String> {
    let ids = |list: &[ItemId]| list.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    for s in &p.sections {
        let conflicts: Vec<&str> = s.conflicts.iter().map(|c| c.item.as_str()).collect();
        out.push(format!(
            "{}: added [{}] conflicts [{}] same [{}]",
            s.section,
            ids(&s.added),
            conflicts.join(" "),
            ids(&s.same)
        ));
    }
    if !(p.scope_added.is_empty() && p.scope_conflicts.is_empty()) {
        let added: Vec<&str> = p.scope_added.iter().map(|q| q.as_str()).collect();
        let conflicts: Vec<String> = p
            .scope_conflicts
            .iter()
            .map(|c| format!("{} {}/{}", c.question, c.mine, c.theirs))
            .collect();
        out.push(format!("scope: added [{}] conflicts [{}]", added.join(" "), conflicts.join(" ")));
    }
    if !(p.retired_added.is_empty() && p.retired_kept.is_empty()) {
        out.push(format!(
            "retired: added [{}] kept [{}]",
            ids(&p.retired_added),
            ids(&p.retired_kept)
        ));
    }
    for r in &p.refused {
        out.push(format!("refused {}: {}", r.item, r.problem));
    }
    out
}

fn check_plan(mine: serde_json::Value, theirs: serde_json::Value, expected: &[&str]) {
    let plan = plan_merge(&scoped(), &given(mine), &given(theirs));
    assert_eq!(plan_lines(&plan), expected);
}

#[test]
fn the_plan_lists_by_section_what_theirs_adds_where_both_differ_and_what_is_the_same() {
    check_plan(
        serde_json::json!({ "answers": {
            "owner": { "status": "achieved" },
            "records": { "status": "not_achieved", "changed": "2026-03-01T09:00:00Z" },
            "breach": { "status": "achieved", "notes": "mine only" }
        } }),
        serde_json::json!({ "answers": {
            "owner": { "status": "not_achieved", "likelihood": 2, "impact": 2 },
            "records": { "status": "not_achieved", "changed": "2026-05-01T09:00:00Z" },
            "moderation": { "status": "partially_achieved" },
            "guest-access": { "status": "achieved" }
        } }),
        &[
            // Only mine answers breach: it is not listed, and stays.
            "every-project: added [] conflicts [owner] same [records]",
            "public: added [moderation] conflicts [] same []",
            "collaboration: added [guest-access] conflicts [] same []",
        ],
    );
    check_plan(serde_json::json!({}), serde_json::json!({}), &[]);
}

#[test]
fn a_plan_with_only_answers_the_same_changes_nothing() {
    let same = given(serde_json::json!({ "answers": { "owner": { "status": "achieved" } } }));
    let plan = plan_merge(&scoped(), &same, &same);
    assert!(plan.changes_nothing());
    assert_eq!(plan_lines(&plan), ["every-project: added [] conflicts [] same [owner]"]);
    let theirs = given(serde_json::json!({ "answers": { "records": { "status": "achieved" } } }));
    assert!(!plan_merge(&scoped(), &same, &theirs).changes_nothing(), "theirs adds an answer");
}

#[test]
fn the_plan_puts_differing_scope_answers_to_the_person_and_adds_unanswered_ones() {
    check_plan(
        serde_json::json!({ "scope": { "public-channel": true, "paid-promotion": false } }),
        serde_json::json!({ "scope": { "public-channel": true, "paid-promotion": true, "collaboration-tool": false, "retired-question": true } }),
        &["scope: added [collaboration-tool retired-question] conflicts [paid-promotion false/true]"],
    );
}

#[test]
fn the_plan_adds_their_retired_answers_where_mine_has_none_and_refuses_what_the_checklist_would() {
    check_plan(
        serde_json::json!({ "answers": {
            "old-a": { "status": "achieved" },
            "old-b": { "status": "achieved" }
        } }),
        serde_json::json!({ "answers": {
            "old-a": { "status": "not_achieved" },
            "old-b": { "status": "achieved" },
            "old-c": { "notes": "theirs only" },
            "old-d": { "likelihood": 9 },
            "owner": { "likelihood": 4, "impact": 1 }
        } }),
        &[
            "retired: added [old-c] kept [old-a]",
            // The checklist's items first, in its order, then retired answers by id.
            "refused owner: likelihood 4 is not on the scale 1 to 3",
            "refused old-d: likelihood 9 is not on the scale 1 to 3",
        ],
    );
}

#[test]
fn a_conflict_holds_both_answers_with_when_each_changed() {
    let plan = plan_merge(
        &scoped(),
        &given(
            serde_json::json!({ "answers": { "owner": { "status": "achieved", "notes": "a", "changed": "2026-03-01T09:00:00Z" } } }),
        ),
        &given(
            serde_json::json!({ "answers": { "owner": { "status": "achieved", "notes": "b", "changed": "2026-05-01T09:00:00Z" } } }),
        ),
    );
    let c = &plan.sections[0].conflicts[0];
    assert_eq!((c.item.as_str(), c.title.as_str()), ("owner", "Name a senior risk owner"));
    assert_eq!(c.mine.changed, Some(t("2026-03-01T09:00:00Z")));
    assert_eq!(c.theirs.changed, Some(t("2026-05-01T09:00:00Z")));
    assert!(c.notes_differ());
    assert_eq!(plan.conflict_count(), 1);
}

// ---- Applying it ----

/// Merges `theirs` into `mine` as `choices` say, and checks the merged answers and scope
/// answers (as JSON), and whether the result was updated and its decision marked for review.
fn check_apply(
    mine: serde_json::Value,
    theirs: serde_json::Value,
    choices: Choices,
    expected: serde_json::Value,
) {
    let (mine, theirs) = (given(mine), given(theirs));
    let def = scoped();
    let plan = plan_merge(&def, &mine, &theirs);
    let source = their_name("theirs.json", &mine, &theirs);
    let merged = apply_merge(&def, &mine, &theirs, &plan, &choices, &source, now());
    let got = serde_json::json!({
        "answers": serde_json::to_value(&merged.answers).unwrap(),
        "scope": serde_json::to_value(&merged.scope).unwrap(),
        "updated": merged.updated.as_str(),
        "needs_review": merged.signoff.as_ref().map(|s| s.needs_review),
    });
    assert_eq!(got, expected, "choices {choices:?}");
    assert_eq!((&merged.title, &merged.assessor), (&mine.title, &mine.assessor));
}

/// Mine and theirs differing on three items of one section and one of another, and on a scope
/// answer; theirs alone answers one item and one scope question.
fn pair() -> (serde_json::Value, serde_json::Value) {
    (
        serde_json::json!({
            "scope": { "public-channel": true },
            "answers": {
                "owner": { "status": "achieved", "notes": "Mine", "changed": "2026-03-01T09:00:00Z" },
                "records": { "status": "not_achieved", "changed": "2026-03-01T09:00:00Z" },
                "breach": { "status": "not_achieved", "changed": "2026-03-01T09:00:00Z" },
                "moderation": { "status": "not_achieved", "changed": "2026-03-01T09:00:00Z" }
            },
            "signoff": { "owner": "Jo", "decision": "proceed", "decided": "2026-03-02" }
        }),
        serde_json::json!({
            "assessor": "Ana O'Neil",
            "scope": { "public-channel": false, "paid-promotion": true },
            "answers": {
                "owner": { "status": "not_achieved", "notes": "Theirs", "changed": "2026-05-01T09:00:00Z" },
                "records": { "status": "achieved", "changed": "2026-05-01T09:00:00Z" },
                "breach": { "status": "achieved", "changed": "2026-05-01T09:00:00Z" },
                "moderation": { "status": "achieved", "changed": "2026-05-01T09:00:00Z" },
                "official-list": { "status": "achieved", "changed": "2026-05-01T09:00:00Z" }
            }
        }),
    )
}

#[test]
fn by_default_mine_is_kept_and_only_what_theirs_adds_is_added() {
    let (mine, theirs) = pair();
    check_apply(
        mine,
        theirs,
        Choices::default(),
        serde_json::json!({
            "answers": {
                "breach": { "status": "not_achieved", "changed": "2026-03-01T09:00:00Z" },
                "moderation": { "status": "not_achieved", "changed": "2026-03-01T09:00:00Z" },
                "official-list": { "status": "achieved", "changed": "2026-05-01T09:00:00Z" },
                "owner": { "status": "achieved", "notes": "Mine", "changed": "2026-03-01T09:00:00Z" },
                "records": { "status": "not_achieved", "changed": "2026-03-01T09:00:00Z" }
            },
            "scope": { "paid-promotion": true, "public-channel": true },
            "updated": "2026-06-01T12:00:00Z",
            "needs_review": false
        }),
    );
}

#[test]
fn all_theirs_takes_their_answers_with_when_they_changed_and_their_scope_answers() {
    let (mine, theirs) = pair();
    check_apply(
        mine,
        theirs,
        Choices::all(Keep::Theirs),
        serde_json::json!({
            "answers": {
                "breach": { "status": "achieved", "changed": "2026-05-01T09:00:00Z" },
                "moderation": { "status": "achieved", "changed": "2026-05-01T09:00:00Z" },
                "official-list": { "status": "achieved", "changed": "2026-05-01T09:00:00Z" },
                "owner": { "status": "not_achieved", "notes": "Theirs", "changed": "2026-05-01T09:00:00Z" },
                "records": { "status": "achieved", "changed": "2026-05-01T09:00:00Z" }
            },
            "scope": { "paid-promotion": true, "public-channel": false },
            "updated": "2026-06-01T12:00:00Z",
            "needs_review": false
        }),
    );
}

#[test]
fn an_item_s_choice_wins_over_its_section_s_which_wins_over_all() {
    let (mine, theirs) = pair();
    let choices = Choices {
        all: Keep::Theirs,
        sections: vec![(SectionId::new("every-project"), Keep::Mine)],
        items: vec![
            (ItemId::new("records"), Keep::Mine),
            (ItemId::new("records"), Keep::Theirs),
            (ItemId::new("owner"), Keep::Both),
        ],
        questions: vec![(QuestionId::new("public-channel"), Keep::Mine)],
    };
    check_apply(
        mine,
        theirs,
        choices,
        serde_json::json!({
            "answers": {
                // No choice for itself, mine for its section, theirs for all: the section wins.
                "breach": { "status": "not_achieved", "changed": "2026-03-01T09:00:00Z" },
                // No choice for itself or its section: all decides.
                "moderation": { "status": "achieved", "changed": "2026-05-01T09:00:00Z" },
                "official-list": { "status": "achieved", "changed": "2026-05-01T09:00:00Z" },
                // Both notes, and the rest of mine; a new answer, changed now.
                "owner": { "status": "achieved", "notes": "Mine\n--- Notes from theirs.json (Ana O'Neil) ---\nTheirs", "changed": "2026-06-01T12:00:00Z" },
                // The later of two choices for one item wins.
                "records": { "status": "achieved", "changed": "2026-05-01T09:00:00Z" }
            },
            "scope": { "paid-promotion": true, "public-channel": true },
            "updated": "2026-06-01T12:00:00Z",
            "needs_review": false
        }),
    );
}

#[test]
fn a_signed_assessment_takes_nothing_in() {
    let (mut mine, theirs) = pair();
    mine["signoff"]["recorded"] = "2026-03-02T09:00:00Z".into();
    let (mine, theirs) = (given(mine), given(theirs));
    let def = scoped();
    let plan = plan_merge(&def, &mine, &theirs);
    let merged =
        apply_merge(&def, &mine, &theirs, &plan, &Choices::all(Keep::Theirs), "theirs.json", now());
    assert!(mine.is_signed());
    assert_eq!(merged, mine, "what was signed stays as it was signed");
}

#[test]
fn their_notes_are_credited_to_their_file_not_to_the_person_merging() {
    let mine = |assessor: &str| {
        given(
            serde_json::json!({ "assessor": assessor, "answers": { "owner": { "status": "achieved", "notes": "Mine" } } }),
        )
    };
    // Their file carries the name of the person merging: a copy of their own work.
    let theirs = given(
        serde_json::json!({ "assessor": "Ana O'Neil", "answers": { "owner": { "status": "not_achieved", "notes": "Theirs" } } }),
    );
    let def = scoped();
    let notes = |mine: &Assessment| {
        let plan = plan_merge(&def, mine, &theirs);
        let source = their_name("laptop copy.json", mine, &theirs);
        let merged =
            apply_merge(&def, mine, &theirs, &plan, &Choices::all(Keep::Both), &source, now());
        merged.answers[&ItemId::new("owner")].notes.clone()
    };
    assert_eq!(notes(&mine("ana o'neil ")), "Mine\n--- Notes from laptop copy.json ---\nTheirs");
    assert_eq!(
        notes(&mine("Sam Jones")),
        "Mine\n--- Notes from laptop copy.json (Ana O'Neil) ---\nTheirs"
    );
    assert_eq!(their_name(" ", &mine(""), &theirs), "the merged file (Ana O'Neil)");
}

#[test]
fn keeping_both_notes_names_their_file_and_repeats_nothing() {
    let cases = [
        (("Mine", "Theirs", "Ana"), "Mine\n--- Notes from Ana ---\nTheirs"),
        (("Mine", "Theirs", "  "), "Mine\n--- Notes from the merged file ---\nTheirs"),
        (("", "Theirs", "Ana"), "Theirs"),
        (("Mine", "", "Ana"), "Mine"),
        (("Same", "Same", "Ana"), "Same"),
    ];
    for ((mine, theirs, name), expected) in cases {
        assert_eq!(both_notes(mine, theirs, name), expected, "{mine:?} {theirs:?} {name:?}");
    }
    // Keeping both where the notes are the same keeps mine as it was, when it changed included.
    check_apply(
        serde_json::json!({ "answers": { "owner": { "status": "achieved", "notes": "n", "changed": "2026-03-01T09:00:00Z" } } }),
        serde_json::json!({ "answers": { "owner": { "status": "not_achieved", "notes": "n", "changed": "2026-05-01T09:00:00Z" } } }),
        Choices::all(Keep::Both),
        serde_json::json!({
            "answers": { "owner": { "status": "achieved", "notes": "n", "changed": "2026-03-01T09:00:00Z" } },
            "scope": {},
            "updated": "2026-03-01T09:00:00Z",
            "needs_review": null
        }),
    );
}

#[test]
fn retired_answers_theirs_alone_has_are_added_and_refused_ones_left_out() {
    check_apply(
        serde_json::json!({ "answers": { "old-a": { "status": "achieved" } } }),
        serde_json::json!({ "answers": {
            "old-a": { "status": "not_achieved" },
            "old-c": { "notes": "theirs only" },
            "owner": { "likelihood": 4 }
        } }),
        Choices::all(Keep::Theirs),
        serde_json::json!({
            "answers": { "old-a": { "status": "achieved" }, "old-c": { "status": "not_assessed", "notes": "theirs only" } },
            "scope": {},
            "updated": "2026-06-01T12:00:00Z",
            "needs_review": null
        }),
    );
}

// ---- Properties ----

/// A random assessment of the default checklist: edits (the item by position, wrapped; its
/// status, likelihood and impact; a note by number or none) made at one of two times, scope
/// questions answered in order (the rest unanswered), and answers to retired items by number.
fn assessment() -> impl Strategy<Value = Assessment> {
    let edit = (
        0usize..60,
        prop::sample::select(Status::ALL.to_vec()),
        prop::option::of(1u8..=3),
        prop::option::of(1u8..=3),
        prop::option::of(0u8..3),
    );
    (
        prop::collection::vec(edit, 0..30),
        any::<bool>(),
        prop::collection::vec(any::<bool>(), 0..8),
        prop::collection::vec(0u8..4, 0..3),
    )
        .prop_map(|(edits, later, scope, retired)| {
            let def = risk_checklist::core::default_checklist::default_checklist();
            let ids: Vec<ItemId> = def.items().map(|(_, i)| i.id.clone()).collect();
            let at = t(if later { "2026-02-02T10:00:00Z" } else { "2026-01-01T10:00:00Z" });
            let mut a = Assessment::new(t("2026-01-01T09:00:00Z"));
            for (n, status, likelihood, impact, note) in edits {
                let item = ids[n % ids.len()].clone();
                a.apply(&def, Action::SetStatus { item: item.clone(), status }, at.clone());
                a.apply(
                    &def,
                    Action::SetRisk { item: item.clone(), likelihood, impact },
                    at.clone(),
                );
                if let Some(note) = note {
                    a.apply(
                        &def,
                        Action::SetNotes { item, notes: format!("note {note}") },
                        at.clone(),
                    );
                }
            }
            for (q, yes) in def.questions.iter().zip(scope) {
                a.apply(
                    &def,
                    Action::SetScope { question: q.id.clone(), answer: Some(yes) },
                    at.clone(),
                );
            }
            for n in retired {
                let answer = risk_checklist::core::Answer {
                    notes: format!("retired {n}"),
                    ..Default::default()
                };
                a.answers.insert(ItemId::new(format!("retired-{}", n % 2)), answer);
            }
            a
        })
}

fn choices() -> impl Strategy<Value = Choices> {
    let keep = prop::sample::select(vec![Keep::Mine, Keep::Theirs, Keep::Both]);
    let def = risk_checklist::core::default_checklist::default_checklist();
    let sections: Vec<SectionId> = def.sections.iter().map(|s| s.id.clone()).collect();
    let ids: Vec<ItemId> = def.items().map(|(_, i)| i.id.clone()).collect();
    (
        keep.clone(),
        prop::collection::vec((prop::sample::select(sections), keep.clone()), 0..4),
        prop::collection::vec((prop::sample::select(ids), keep), 0..8),
    )
        .prop_map(|(all, sections, items)| Choices {
            all,
            sections,
            items,
            questions: Vec::new(),
        })
}

fn merge(mine: &Assessment, theirs: &Assessment, choices: &Choices) -> Assessment {
    let def = risk_checklist::core::default_checklist::default_checklist();
    let plan = plan_merge(&def, mine, theirs);
    apply_merge(&def, mine, theirs, &plan, choices, "theirs.json", now())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Merging an assessment with itself changes nothing, whatever is chosen.
    #[test]
    fn merging_with_itself_changes_nothing(a in assessment(), choices in choices()) {
        prop_assert_eq!(merge(&a, &a, &choices), a);
    }

    /// Merging an empty assessment in changes nothing, whatever is chosen.
    #[test]
    fn merging_an_empty_one_changes_nothing(a in assessment(), choices in choices()) {
        let empty = Assessment::new(t("2026-05-05T09:00:00Z"));
        prop_assert_eq!(merge(&a, &empty, &choices), a);
    }

    /// Merged into an empty assessment with all theirs, their answers and scope answers are
    /// what results.
    #[test]
    fn merging_into_an_empty_one_gives_theirs(b in assessment()) {
        let empty = Assessment::new(t("2026-05-05T09:00:00Z"));
        let merged = merge(&empty, &b, &Choices::all(Keep::Theirs));
        prop_assert_eq!(&merged.answers, &b.answers);
        prop_assert_eq!(&merged.scope, &b.scope);
    }

    /// Whatever two assessments say: by default every answer and scope answer of mine stays as
    /// it was, and every item either answers is answered after; with all theirs, every item
    /// they answer says what theirs says.
    #[test]
    fn nothing_is_lost_unless_chosen_away(a in assessment(), b in assessment()) {
        let kept = merge(&a, &b, &Choices::default());
        for (id, answer) in &a.answers {
            prop_assert_eq!(kept.answers.get(id), Some(answer));
        }
        for (q, yes) in &a.scope {
            prop_assert_eq!(kept.scope.get(q), Some(yes));
        }
        prop_assert!(b.answers.keys().chain(a.answers.keys()).all(|id| kept.answers.contains_key(id)));
        let theirs = merge(&a, &b, &Choices::all(Keep::Theirs));
        for (id, answer) in &b.answers {
            let got = &theirs.answers[id];
            // A retired answer both have keeps mine: the checklist no longer asks it.
            let retired = id.as_str().starts_with("retired-") && a.answers.contains_key(id);
            prop_assert!(got.same_as(answer) || retired, "{}: {:?} is not {:?}", id, got, answer);
        }
        prop_assert_eq!(&theirs.scope, &a.scope.iter().map(|(q, y)| (q.clone(), *b.scope.get(q).unwrap_or(y))).chain(b.scope.iter().map(|(q, y)| (q.clone(), *y))).collect::<std::collections::BTreeMap<_, _>>());
    }
}
