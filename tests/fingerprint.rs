//! The fingerprint of what was signed: its canonical form, byte for byte as docs/FORMAT.md
//! describes it, and its SHA-256 checked against a value computed once with `sha256sum`.
#![cfg(not(target_arch = "wasm32"))]

use risk_checklist::core::definition::QuestionId;
use risk_checklist::core::fingerprint::{canonical, fingerprint, shown};
use risk_checklist::core::{
    Action, Assessment, Decision, Document, ItemId, Response, SignOff, Status, Timestamp,
};

const MIXED: &str = include_str!("fixtures/assessment-mixed.json");

/// The canonical form of tests/fixtures/assessment-mixed.json, written out by the rules of
/// docs/FORMAT.md: the two scope answers by id; the answers in scope by id (`pixel` is in a
/// section for paid promotion, answered No, and `old-item` is not in the checklist, so both
/// are left out; `mentions` is in scope while "children" is unanswered); a backslash, tab,
/// line feed or carriage return in text escaped; and the decision.
const MIXED_CANONICAL: &str = concat!(
    "risk-checklist fingerprint 1\n",
    "checklist\tmixed-demo\t1.2.0\n",
    "scope\tpaid-promotion\tno\n",
    "scope\tpublic-channel\tyes\n",
    "item\tapproval\tnot_achieved\t3\t2\t\t-Sam, comms\t\t\t@SUM(1+1)\n",
    "item\tcapture\tnot_achieved\t\t3\t\t\t\t\t\n",
    "item\tlinks\tnot_applicable\t\t\t\t\t\t\tSee javascript:alert(document.cookie)\n",
    "item\tmentions\tnot_assessed\t1\t2\t\t\t\t\t+44 20 7946 0000\n",
    "item\trecovery\tpartially_achieved\t2\t2\t\tAli \u{202e}evil.exe\t\t<script>alert(1)</script>\t\\rCR-led note\n",
    "item\tshared-login\tnot_achieved\t3\t3\t\t=1+1\t2026-03-31\t\\tTab-led action\t\n",
    "item\ttwo-step\tachieved\t2\t3\t\t\t\t\tDone, see \"policy\" doc,\\nline two\n",
    "decision\tproceed_with_conditions\tJo <b>Bloggs</b>\tSIRO\t2026-11-20\t2027-01-31\tFix \"2SV\" & recovery <first>\n",
);

/// Computed once, independently of this crate, on the bytes the test below writes:
/// `sha256sum target/tmp/fingerprint-canonical.txt` (under the cargo target directory).
const MIXED_SHA256: &str = "3a5eff736f80d9b9fc057df7494bdf9a97d9502794554df88948bd3f2888c432";

fn doc() -> Document {
    Document::from_json(MIXED).unwrap()
}

fn of(doc: &Document) -> String {
    fingerprint(&doc.definition, &doc.assessment, doc.assessment.signoff.as_ref().unwrap())
}

#[test]
fn the_fixture_s_canonical_form_and_fingerprint_are_as_documented() {
    let d = doc();
    let text = canonical(&d.definition, &d.assessment, d.assessment.signoff.as_ref().unwrap());
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("fingerprint-canonical.txt");
    std::fs::write(&path, text.as_bytes()).unwrap();
    assert_eq!(text, MIXED_CANONICAL, "written to {}", path.display());
    assert_eq!(of(&d), MIXED_SHA256);
    assert_eq!(shown(&of(&d)), "3a5e ff73 6f80");
}

fn at() -> Timestamp {
    Timestamp::parse("2026-12-07T09:00:00Z").unwrap()
}

/// The fixture with `action` applied, which must change something.
fn applied(action: Action) -> Document {
    applied_all(vec![action])
}

/// The fixture with `actions` applied in turn, each of which must change something. The
/// fixture is signed, so the widget would refuse them: they are made as an edit of the file
/// would make them, the sign-off set aside and put back.
fn applied_all(actions: Vec<Action>) -> Document {
    let mut d = doc();
    let signoff = d.assessment.signoff.take();
    for action in actions {
        assert!(d.assessment.apply(&d.definition, action.clone(), at()), "{action:?}");
    }
    d.assessment.signoff = signoff;
    d
}

#[test]
fn any_change_to_an_answer_in_scope_or_a_scope_answer_changes_it() {
    let base = of(&doc());
    let item = ItemId::new("shared-login");
    let changes = [
        Action::SetStatus { item: item.clone(), status: Status::PartiallyAchieved },
        Action::SetRisk { item: item.clone(), likelihood: Some(2), impact: Some(3) },
        Action::SetRisk { item: item.clone(), likelihood: Some(3), impact: Some(2) },
        Action::SetResponse { item: item.clone(), response: Some(Response::Tolerate) },
        Action::SetNotes { item: item.clone(), notes: "n".into() },
        Action::SetOwner { item: item.clone(), owner: "=1+2".into() },
        Action::SetDue { item: item.clone(), due: Some("2026-04-01".into()) },
        Action::SetMitigation { item: item.clone(), action: "\tTab-led action.".into() },
        Action::SetStatus { item: ItemId::new("foi"), status: Status::Achieved },
        Action::SetScope { question: QuestionId::new("children"), answer: Some(true) },
        Action::SetScope { question: QuestionId::new("paid-promotion"), answer: None },
    ];
    let mut seen = vec![base];
    for action in changes {
        let changed = of(&applied(action.clone()));
        assert!(!seen.contains(&changed), "{action:?}");
        seen.push(changed);
    }
}

#[test]
fn any_change_to_the_checklist_version_or_the_decision_changes_it() {
    let base = of(&doc());
    let mut d = doc();
    d.definition.version = "1.2.1".into();
    assert_ne!(of(&d), base);
    let edits: [fn(&mut SignOff); 6] = [
        |s| s.decision = Some(Decision::Proceed),
        |s| s.owner.push(' '),
        |s| s.role = "SIRO, deputy".into(),
        |s| s.decided = Some("2026-11-21".into()),
        |s| s.review_date = None,
        |s| s.conditions.push('.'),
    ];
    for (n, edit) in edits.iter().enumerate() {
        let mut d = doc();
        edit(d.assessment.signoff.as_mut().unwrap());
        assert_ne!(of(&d), base, "edit {n}");
    }
}

#[test]
fn what_was_not_signed_does_not_change_it() {
    let base = of(&doc());
    let mut d = doc();
    let a: &mut Assessment = &mut d.assessment;
    a.updated = at();
    a.created = at();
    a.answers.values_mut().for_each(|answer| answer.changed = Some(at()));
    let s = a.signoff.as_mut().unwrap();
    s.needs_review = false;
    s.recorded = Some(at());
    s.fingerprint = Some(base.clone());
    assert_eq!(of(&d), base, "when things changed, and the record of the decision");
    // Answers kept for items out of scope or no longer in the checklist count for nothing.
    for item in ["pixel", "old-item"] {
        let mut d = doc();
        d.assessment.answers.get_mut(&ItemId::new(item)).unwrap().notes.push('!');
        assert_eq!(of(&d), base, "{item}");
    }
    // An answer cleared back to nothing is the same as none.
    let d = applied_all(vec![
        Action::SetNotes { item: ItemId::new("foi"), notes: "x".into() },
        Action::SetNotes { item: ItemId::new("foi"), notes: String::new() },
    ]);
    assert_eq!(of(&d), base);
}

#[test]
fn text_is_escaped_so_that_no_field_can_pass_for_another() {
    let item = ItemId::new("foi");
    // Without escaping, both would end "a<TAB>b<TAB>c".
    let answer = |action: &str, notes: &str| {
        of(&applied_all(vec![
            Action::SetMitigation { item: item.clone(), action: action.into() },
            Action::SetNotes { item: item.clone(), notes: notes.into() },
        ]))
    };
    assert_ne!(answer("a\tb", "c"), answer("a", "b\tc"));
    let line_in_notes = applied(Action::SetNotes { item, notes: "a\nitem\tx".into() });
    let text = canonical(
        &line_in_notes.definition,
        &line_in_notes.assessment,
        line_in_notes.assessment.signoff.as_ref().unwrap(),
    );
    assert_eq!(text.lines().count(), MIXED_CANONICAL.lines().count() + 1, "one line per item");
    assert!(text.contains("\ta\\nitem\\tx\n"));
}

#[test]
fn a_fingerprint_shows_its_first_twelve_digits_in_groups_of_four() {
    assert_eq!(shown(&"0123456789abcdef".repeat(4)), "0123 4567 89ab");
    assert_eq!(shown("abc"), "abc");
}
