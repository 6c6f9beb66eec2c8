//! Checks on the content of the shipped default checklist: its size per part and per typical
//! assessment, the scope rule, the guidance on every item, and the terms it must never use.
//!
//! The file is read as plain JSON rather than through the crate's types, so that these checks
//! judge the text alone and keep working whatever the types look like.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::collections::BTreeSet;

const JSON: &str = include_str!("../src/core/default_checklist.json");

/// The two questions that decide which kind of project an assessment is about.
const PUBLIC: &str = "public-channel";
const COLLAB: &str = "collaboration-tool";
/// The question that sets aside what was settled when the platform or tool was first adopted.
const NEW: &str = "new-platform";

/// The questions every version of this checklist must ask, so that its parts can be scoped.
const REQUIRED_QUESTIONS: [&str; 7] =
    [PUBLIC, NEW, COLLAB, "paid-promotion", "children", "ai-features", "welsh-language"];

/// The most words read, by the rule in docs/CHECKLIST.md ("How long it reads"), with guidance
/// open, for a public channel on a platform new to the organisation: the longest common case.
/// Beyond this the checklist stops being "just a checklist" and becomes a workshop.
const MAX_WORDS_PUBLIC_NEW: usize = 2_500;
/// The most items for a public channel on a platform already in use: most projects.
const MAX_ITEMS_PUBLIC_IN_USE: usize = 30;
/// The most words any assessment of one kind of project reads, whatever else it answers.
const MAX_WORDS_ANY: usize = 3_000;
/// The longest "why it matters" line, in words: one sentence a reader takes in at a glance.
const MAX_WHY_WORDS: usize = 20;

/// Practice copied from other countries, terms that are out of date and claims that overstate the
/// law. Each is matched case-insensitively anywhere in the checklist's text.
const DENIED: [&str; 22] = [
    // United States practice with no UK equivalent.
    "exit notice",
    "exit disclaimer",
    "leaving notice",
    "you are leaving",
    "amended terms",
    "government-amended",
    "government-friendly",
    // Out of date: the marking scheme before 2014, and a paid platform mark used as a control.
    "protectively marked",
    "protective marking",
    "verified badge",
    "verified account",
    "verified tick",
    "verification badge",
    "blue tick",
    // The accreditation model: security advises and the risk owner accepts.
    "accreditation",
    "accredited",
    "approved by security",
    "security approval",
    "security has approved",
    // Overstated law: losing messages is a records failing, not in itself a breach of FOI.
    "foi breach",
    "breach of foi",
    "subject to foi",
];

/// Anchors for the topics version 1 lacked, so that a later edit cannot silently drop one.
const REQUIRED_ANCHORS: [&str; 24] = [
    "Art 28",
    "C-210/16",
    "C-40/17",
    "PECR",
    "16 March 2023",
    "Inquiries Act 2005",
    "FOIA s77",
    "The National Archives",
    "Children's code",
    "within 72 hours",
    "Welsh Language",
    "authenticator app",
    "Local Authority Publicity",
    "NCSC Cloud Security Principles",
    // Version 2.1: the law and guidance of 2023-2026, and the owner of the information.
    "Data (Use and Access) Act 2025",
    "Information Asset Owner",
    "information asset register",
    "FOISA s61 Code",
    "non-corporate",
    "disappearing messages",
    "GCS SAFER framework",
    "GCS generative AI policy",
    "Article 9",
    "Accessibility Regulations 2018",
];

/// One answer to a scope question.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Answer {
    Yes,
    No,
    Unanswered,
}

const ANSWERS: [Answer; 3] = [Answer::Yes, Answer::No, Answer::Unanswered];

/// One item with the conditions that govern it: one list of question ids for its section's
/// `applies_when` and one for its own, whichever are present.
struct Item {
    id: String,
    title: String,
    why: String,
    good: String,
    baseline: bool,
    conditions: Vec<Vec<String>>,
}

impl Item {
    fn words(&self) -> usize {
        [&self.title, &self.why, &self.good].iter().map(|t| t.split_whitespace().count()).sum()
    }

    fn mentions(&self, question: &str) -> bool {
        self.conditions.iter().flatten().any(|q| q == question)
    }
}

fn checklist() -> Value {
    serde_json::from_str(JSON).expect("the default checklist is JSON")
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// The question ids of an `applies_when`, if the object has one.
fn condition(v: &Value) -> Option<Vec<String>> {
    let ids = v.get("applies_when")?["any_yes"].as_array().expect("any_yes is a list");
    Some(ids.iter().map(text).collect())
}

fn questions(def: &Value) -> Vec<String> {
    def["questions"].as_array().expect("questions").iter().map(|q| text(&q["id"])).collect()
}

fn items(def: &Value) -> Vec<Item> {
    def["sections"].as_array().expect("sections").iter().flat_map(items_of).collect()
}

fn items_of(section: &Value) -> Vec<Item> {
    let items = section["items"].as_array().expect("items");
    items
        .iter()
        .map(|item| Item {
            id: text(&item["id"]),
            title: text(&item["title"]),
            why: text(&item["why"]),
            good: text(&item["good"]),
            baseline: item["baseline"].as_bool().unwrap_or(false),
            conditions: [condition(section), condition(item)].into_iter().flatten().collect(),
        })
        .collect()
}

/// The format's scope rule: a condition holds when any question it lists is answered Yes or not
/// yet answered, so it fails only when every listed question is answered No; an item is in scope
/// when all its conditions (its section's and its own) hold.
fn in_scope(conditions: &[Vec<String>], answer: impl Fn(&str) -> Answer) -> bool {
    conditions.iter().all(|any_yes| any_yes.iter().any(|q| answer(q) != Answer::No))
}

/// Every combination of Yes, No and unanswered over the questions, each as a list in question
/// order.
fn all_combinations(n: usize) -> Vec<Vec<Answer>> {
    let mut combos = vec![Vec::new()];
    for _ in 0..n {
        combos = combos
            .into_iter()
            .flat_map(|c| {
                ANSWERS.iter().map(move |a| {
                    let mut next = c.clone();
                    next.push(*a);
                    next
                })
            })
            .collect();
    }
    combos
}

/// One combination of scope answers, by question id.
type Answers = Vec<(String, Answer)>;

/// For each combination of answers, the items an assessment with those answers sees.
fn scopes(def: &Value) -> Vec<(Answers, Vec<Item>)> {
    let qs = questions(def);
    all_combinations(qs.len())
        .into_iter()
        .map(|combo| {
            let answers: Vec<(String, Answer)> = qs.iter().cloned().zip(combo).collect();
            let seen = items(def)
                .into_iter()
                .filter(|i| in_scope(&i.conditions, |q| answer_of(&answers, q)))
                .collect();
            (answers, seen)
        })
        .collect()
}

fn answer_of(answers: &[(String, Answer)], q: &str) -> Answer {
    answers.iter().find(|(id, _)| id == q).map_or(Answer::Unanswered, |(_, a)| *a)
}

fn words(text: &Value) -> usize {
    text.as_str().unwrap_or_default().split_whitespace().count()
}

/// The items seen and the words read with guidance open, by the rule in docs/CHECKLIST.md:
/// the checklist's title and description, every scope question and its help, the scale's level
/// names and descriptions, and the title and intro of each section with an item in scope, with
/// each such item's title, why and good.
fn reading(def: &Value, answers: &[(String, Answer)]) -> (usize, usize) {
    let mut read = words(&def["title"]) + words(&def["description"]);
    for q in def["questions"].as_array().expect("questions") {
        read += words(&q["question"]) + words(&q["help"]);
    }
    let scale = &def["scale"];
    for key in ["likelihood", "impact", "likelihood_descriptions", "impact_descriptions"] {
        read += scale[key].as_array().expect(key).iter().map(words).sum::<usize>();
    }
    let mut seen = 0;
    for section in def["sections"].as_array().expect("sections") {
        let items: Vec<Item> = items_of(section)
            .into_iter()
            .filter(|i| in_scope(&i.conditions, |q| answer_of(answers, q)))
            .collect();
        if !items.is_empty() {
            read += words(&section["title"]) + words(&section["intro"]);
            read += items.iter().map(Item::words).sum::<usize>();
            seen += items.len();
        }
    }
    (seen, read)
}

/// Answers with the questions named Yes and every other question No.
fn only(def: &Value, yes: &[&str]) -> Answers {
    let qs = questions(def);
    qs.into_iter()
        .map(|q| {
            let a = if yes.contains(&q.as_str()) { Answer::Yes } else { Answer::No };
            (q, a)
        })
        .collect()
}

/// The assessments of one kind of project: `yes` answered Yes, `no` No, the other questions
/// any way at all. Returns the fewest and most items, and the most words read.
fn typical(def: &Value, yes: &str, no: &str) -> (usize, usize, usize) {
    let mut min_items = usize::MAX;
    let mut max_items = 0;
    let mut max_words = 0;
    for (answers, _) in scopes(def) {
        if answer_of(&answers, yes) == Answer::Yes && answer_of(&answers, no) == Answer::No {
            let (seen, read) = reading(def, &answers);
            min_items = min_items.min(seen);
            max_items = max_items.max(seen);
            max_words = max_words.max(read);
        }
    }
    (min_items, max_items, max_words)
}

/// Every piece of text a reader of the checklist can see.
fn all_text(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| all_text(x, out)),
        Value::Object(o) => o.values().for_each(|x| all_text(x, out)),
        _ => {}
    }
}

fn is_id(s: &str) -> bool {
    let first_ok = s.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    let rest_ok =
        s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c));
    first_ok && rest_ok && s.len() <= 64
}

#[test]
fn it_is_version_2_of_the_same_checklist() {
    // Keeping the id lets assessments of version 1 open against version 2.
    let def = checklist();
    assert_eq!(def["id"], "social-media-collaboration-risk");
    assert_eq!(def["version"], "2.1.0");
    let description = text(&def["description"]).to_lowercase();
    for phrase in ["as things stand today", "not fully achieved", "action"] {
        assert!(description.contains(phrase), "the description must say what is rated: {phrase:?}");
    }
}

#[test]
fn each_scale_level_is_described_in_words() {
    // Two teams rate alike only if each level means the same to both.
    let scale = &checklist()["scale"];
    for (levels, descriptions) in
        [("likelihood", "likelihood_descriptions"), ("impact", "impact_descriptions")]
    {
        let levels = scale[levels].as_array().expect("levels");
        let described = scale[descriptions].as_array().expect(descriptions);
        assert_eq!(levels.len(), described.len(), "{descriptions}");
        assert!(described.iter().all(|d| !text(d).trim().is_empty()), "{descriptions}");
    }
}

#[test]
fn the_scope_rule_follows_the_format() {
    // The counts below rest on this rule, so it is pinned on small cases first.
    let cond = |qs: &[&str]| vec![qs.iter().map(|q| q.to_string()).collect::<Vec<_>>()];
    let answers = |a: Answer, b: Answer| move |q: &str| if q == "a" { a } else { b };
    use Answer::*;
    assert!(in_scope(&[], answers(No, No)), "no condition: always in scope");
    assert!(in_scope(&cond(&["a", "b"]), answers(No, Unanswered)), "unanswered keeps it");
    assert!(in_scope(&cond(&["a", "b"]), answers(No, Yes)), "any Yes keeps it");
    assert!(!in_scope(&cond(&["a", "b"]), answers(No, No)), "all No sets it aside");
    let both = [cond(&["a"]), cond(&["b"])].concat();
    assert!(!in_scope(&both, answers(Yes, No)), "the section and the item must both hold");
}

#[test]
fn counts_per_part_are_in_range() {
    let all = items(&checklist());
    let every = all.iter().filter(|i| i.conditions.is_empty()).count();
    let public = all.iter().filter(|i| i.mentions(PUBLIC) && !i.mentions(COLLAB)).count();
    let collab = all.iter().filter(|i| i.mentions(COLLAB) && !i.mentions(PUBLIC)).count();
    let baseline = all.iter().filter(|i| i.baseline).count();
    let counts = format!(
        "total {}, every project {every}, public channel {public}, collaboration tool {collab}, \
         baseline {baseline}",
        all.len()
    );
    assert!((45..=55).contains(&all.len()), "{counts}");
    assert!((15..=30).contains(&every), "{counts}");
    assert!((12..=18).contains(&public), "{counts}");
    assert!((6..=10).contains(&collab), "{counts}");
    assert!((6..=10).contains(&baseline), "{counts}");
}

#[test]
fn a_public_channel_on_a_new_platform_reads_at_most_2500_words() {
    let def = checklist();
    let (seen, read) = reading(&def, &only(&def, &[PUBLIC, NEW]));
    println!("a public channel on a new platform: {seen} items, {read} words");
    assert!(read <= MAX_WORDS_PUBLIC_NEW, "{read} words");
}

#[test]
fn a_public_channel_on_a_platform_in_use_has_at_most_30_items() {
    let def = checklist();
    let (seen, read) = reading(&def, &only(&def, &[PUBLIC]));
    println!("a public channel on a platform in use: {seen} items, {read} words");
    assert!(seen <= MAX_ITEMS_PUBLIC_IN_USE, "{seen} items");
    let (on_new, _) = reading(&def, &only(&def, &[PUBLIC, NEW]));
    assert!(seen < on_new, "a platform in use sets aside what was settled when it was adopted");
}

#[test]
fn the_counting_rule_counts_what_a_reader_sees() {
    // Pinned on a small checklist so that the figures above mean what the rule says.
    let def = serde_json::json!({
        "title": "Two words", "description": "three words here",
        "questions": [{ "id": "q", "question": "Is it?", "help": "Say so." }],
        "scale": { "likelihood": ["Low", "High"], "impact": ["Low", "High"],
                   "likelihood_descriptions": ["Not likely", "Likely"], "impact_descriptions": [] },
        "sections": [
            { "title": "Always", "intro": "An intro", "items": [{ "title": "Do it", "why": "Because", "good": "Done well" }] },
            { "title": "Sometimes", "applies_when": { "any_yes": ["q"] }, "items": [{ "title": "Other thing" }] }
        ]
    });
    let no = vec![("q".to_owned(), Answer::No)];
    // 2 + 3 + (2 + 2) + (4 + 3) + (1 + 2 + 5) = 24 with the second section set aside.
    assert_eq!(reading(&def, &no), (1, 24));
    assert_eq!(reading(&def, &[]), (2, 24 + 1 + 2), "its title and item count once in scope");
}

#[test]
fn typical_assessments_see_a_checklist_not_a_workshop() {
    let def = checklist();
    let (min, max, words) = typical(&def, PUBLIC, COLLAB);
    assert!(min >= 20 && max <= 45, "a public channel sees {min} to {max} items");
    assert!(words <= MAX_WORDS_ANY, "a public channel reads up to {words} words");
    let (min, max, words) = typical(&def, COLLAB, PUBLIC);
    assert!(min >= 20 && max <= 45, "a collaboration tool sees {min} to {max} items");
    assert!(words <= MAX_WORDS_ANY, "a collaboration tool reads up to {words} words");
}

#[test]
fn why_it_matters_is_one_short_sentence() {
    for item in items(&checklist()) {
        let n = item.why.split_whitespace().count();
        assert!(n <= MAX_WHY_WORDS, "{}: why it matters runs to {n} words", item.id);
    }
}

#[test]
fn every_item_of_2_0_is_still_here_or_in_the_change_list() {
    // An item that vanished without a line in the change list would leave its answers
    // unexplained; the stored 2.0.1 fixture answers every item 2.0.1 had.
    let old: Value =
        serde_json::from_str(include_str!("fixtures/formats/v2-stored-checklist-2.0.1.json"))
            .expect("JSON");
    let def = checklist();
    let now: BTreeSet<String> = items(&def).into_iter().map(|i| i.id).collect();
    let mut gone = BTreeSet::new();
    for version in def["changes"].as_array().expect("a change list") {
        for key in ["merged", "retired"] {
            for entry in version[key].as_array().into_iter().flatten() {
                gone.insert(text(&entry["item"]));
            }
        }
    }
    assert_eq!(def["changes"][0]["version"], def["version"], "the newest entry is this version");
    for id in old["assessment"]["answers"].as_object().expect("answers").keys() {
        assert!(now.contains(id) || gone.contains(id), "{id} vanished without a change");
    }
}

#[test]
fn every_combination_of_answers_scopes_sensibly() {
    // Until a question is answered nothing is hidden, Yes hides nothing that unanswered shows,
    // and every question, answered No, sets something aside.
    let def = checklist();
    let all = items(&def);
    let every = all.iter().filter(|i| i.conditions.is_empty()).count();
    for (answers, seen) in scopes(&def) {
        if answers.iter().all(|(_, a)| *a != Answer::No) {
            assert_eq!(seen.len(), all.len(), "something is hidden without a No: {answers:?}");
        }
        assert!(seen.len() >= every, "items for every project were hidden: {answers:?}");
    }
    for q in questions(&def) {
        let hidden = all
            .iter()
            .filter(|i| !in_scope(&i.conditions, |x| if x == q { Answer::No } else { Answer::Yes }))
            .count();
        assert!(hidden > 0, "answering {q:?} No sets nothing aside");
    }
}

#[test]
fn the_scope_questions_are_the_ones_the_parts_need() {
    let qs = questions(&checklist());
    for q in REQUIRED_QUESTIONS {
        assert!(qs.iter().any(|x| x == q), "missing the question {q:?}");
    }
}

#[test]
fn every_question_is_used_and_every_condition_names_a_question() {
    let def = checklist();
    let qs: BTreeSet<String> = questions(&def).into_iter().collect();
    let mut used = BTreeSet::new();
    for item in items(&def) {
        for q in item.conditions.iter().flatten() {
            assert!(qs.contains(q), "{} depends on {q:?}, which is not a question", item.id);
            used.insert(q.clone());
        }
    }
    let unused: Vec<_> = qs.difference(&used).collect();
    assert!(unused.is_empty(), "questions that change nothing: {unused:?}");
}

#[test]
fn ids_are_well_formed_and_unique() {
    // Answers are kept by item id, so a repeated id would attach one answer to two items.
    let def = checklist();
    let sections: Vec<String> =
        def["sections"].as_array().unwrap().iter().map(|s| text(&s["id"])).collect();
    let item_ids: Vec<String> = items(&def).into_iter().map(|i| i.id).collect();
    for (kind, ids) in [("question", questions(&def)), ("section", sections), ("item", item_ids)] {
        let mut seen = BTreeSet::new();
        for id in &ids {
            assert!(is_id(id), "{kind} id {id:?} is not a valid id");
            assert!(seen.insert(id), "{kind} id {id:?} is used twice");
        }
    }
}

#[test]
fn titles_are_unique_and_every_item_has_guidance() {
    let mut titles = BTreeSet::new();
    for item in items(&checklist()) {
        assert!(titles.insert(item.title.clone()), "the title {:?} is used twice", item.title);
        assert!(!item.title.trim().is_empty() && item.title.len() <= 200, "{}: title", item.id);
        assert!(!item.why.trim().is_empty(), "{} does not say why it matters", item.id);
        assert!(!item.good.trim().is_empty(), "{} does not say what good looks like", item.id);
        assert!(item.why.len() <= 4000 && item.good.len() <= 4000, "{}: guidance", item.id);
    }
}

#[test]
fn no_foreign_outdated_or_overstated_terms() {
    let mut texts = Vec::new();
    all_text(&checklist(), &mut texts);
    for t in &texts {
        let lower = t.to_lowercase();
        for term in DENIED {
            assert!(!lower.contains(term), "{term:?} in: {t}");
        }
    }
}

#[test]
fn codes_of_conduct_are_not_civil_service_only() {
    // Councils, the NHS, police forces and arm's-length bodies use the checklist too.
    for item in items(&checklist()) {
        let guidance = format!("{} {}", item.why, item.good);
        if guidance.contains("Civil Service Code") {
            assert!(guidance.contains("council"), "{} names only the Civil Service Code", item.id);
        }
    }
}

#[test]
fn the_topics_version_1_lacked_are_covered() {
    let mut texts = Vec::new();
    all_text(&checklist(), &mut texts);
    let all = texts.join("\n");
    for anchor in REQUIRED_ANCHORS {
        assert!(all.contains(anchor), "nothing mentions {anchor:?}");
    }
}
