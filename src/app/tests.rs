//! The reducer's tests: each message applied to a state, checked field by field against the
//! state as the message should leave it; announcements are compared as values (how each
//! reads is tested in `announcements.rs`).

#![cfg(test)]

use super::announcements::Announcement as A;
use super::filter::Filter;
use super::import::{ImportPreview, Refusal, Unfit};
use super::merging::{Choice, Merging};
use super::state::*;
use crate::app::comparing::comparing;
use crate::core::default_checklist::default_checklist;
use crate::core::library::{AssessmentId, Library};
use crate::core::merge::Keep;
use crate::core::{Action, Assessment, ChecklistDefinition, Document, Status, Timestamp};
use std::rc::Rc;

fn now() -> Timestamp {
    Timestamp::parse("2026-03-01T10:00:00Z").unwrap()
}

fn id(n: &str) -> AssessmentId {
    AssessmentId::parse(&format!("a-{n}")).unwrap()
}

fn library(current: Option<&str>) -> Rc<Library> {
    let mut lib = Library::new();
    lib.current = current.map(id);
    Rc::new(lib)
}

/// A widget of the default checklist showing the blank assessment `a-open`.
fn start() -> Rc<AppState> {
    let def = Rc::new(default_checklist());
    Rc::new(AppState::new(def, id("open"), Assessment::new(now()), Library::new()))
}

/// `a` after `action`.
fn edited(def: &ChecklistDefinition, a: &Assessment, action: Action) -> Rc<Assessment> {
    let mut a = a.clone();
    assert!(a.apply(def, action, now()), "the action changes the assessment");
    Rc::new(a)
}

/// The first item of the default checklist achieved.
fn achieved() -> Action {
    let item = default_checklist().sections[0].items[0].id.clone();
    Action::SetStatus { item, status: Status::Achieved }
}

/// Applies `msg` to `before` and checks that the result is `before` as `change` leaves it;
/// when `change` changes nothing, the very same `Rc` must come back.
/// Where the reducer last asked the focus to go.
fn focused(s: &AppState) -> Option<&FocusTarget> {
    s.focus.as_ref().map(|(_, target)| target)
}

fn check(before: &Rc<AppState>, msg: Msg, change: impl FnOnce(&mut AppState)) -> Rc<AppState> {
    let mut expected = (**before).clone();
    change(&mut expected);
    let after = before.clone().reduce(msg);
    assert_eq!(*after, expected);
    assert_eq!(Rc::ptr_eq(&after, before), expected == **before, "the same Rc when unchanged");
    after
}

/// Sets a scope question of the default checklist.
fn scope(question: &str, answer: Option<bool>) -> Action {
    Action::SetScope { question: crate::core::definition::QuestionId::new(question), answer }
}

/// The index of the default checklist's section with this id.
fn section(id: &str) -> usize {
    default_checklist().sections.iter().position(|s| s.id.as_str() == id).unwrap()
}

#[test]
fn a_scope_answer_moves_off_a_section_it_sets_aside_and_that_section_cannot_be_shown() {
    let public = section("public-channel");
    let s = start().reduce(Msg::ShowSection(public));
    assert_eq!(s.section, public);
    // "No" sets the whole section aside: the next section in scope is shown instead.
    let a = edited(&s.def, &s.assessment, scope("public-channel", Some(false)));
    let s =
        check(&s, Msg::Edit { action: scope("public-channel", Some(false)), now: now() }, |s| {
            s.assessment = a;
            s.origin = Origin::Local;
            s.section = public + 1;
            // Open while the person answers, so the last answer does not fold them away.
            s.scope_open = true;
        });
    check(&s, Msg::ShowSection(public), |_| {});
    // Answered "Yes" again, it can be shown again.
    let s = s.reduce(Msg::Edit { action: scope("public-channel", Some(true)), now: now() });
    assert_eq!(s.reduce(Msg::ShowSection(public)).section, public);
    // Both parts set aside from the last section: the section before them is shown.
    let collab = section("collaboration-tool");
    let s = start().reduce(Msg::ShowSection(collab));
    let s = s.reduce(Msg::Edit { action: scope("collaboration-tool", Some(false)), now: now() });
    let s = s.reduce(Msg::Edit { action: scope("public-channel", Some(false)), now: now() });
    assert_eq!(s.section, public - 1);
}

#[test]
fn an_edit_changes_the_assessment_and_marks_it_to_be_saved() {
    let s = start();
    let action = achieved();
    let a = edited(&s.def, &s.assessment, action.clone());
    let s = check(&s, Msg::Edit { action: action.clone(), now: now() }, |s| {
        s.assessment = a;
        s.origin = Origin::Local;
    });
    // The same answer again, or an item the checklist lacks, changes nothing.
    check(&s, Msg::Edit { action, now: now() }, |_| {});
    let unknown = Action::SetStatus {
        item: crate::core::ItemId::new("no-such-item"),
        status: Status::Achieved,
    };
    check(&s, Msg::Edit { action: unknown, now: now() }, |_| {});
}

#[test]
fn start_again_asks_then_clears_everything_and_returns_to_the_first_section() {
    let s = start();
    // The question takes the focus to its safe choice; closed, the focus goes back to "Start
    // again", whose place it took.
    let s = check(&s, Msg::AskReset, |s| {
        s.confirm_reset = true;
        s.focus_on(FocusTarget::ResetQuestion);
    });
    check(&s, Msg::AskReset, |_| {});
    let closed = check(&s, Msg::CancelReset, |s| {
        s.confirm_reset = false;
        s.focus_on(FocusTarget::StartAgain);
    });
    check(&closed, Msg::CancelReset, |_| {});
    // Nothing to clear: the question closes all the same.
    check(&s, Msg::Edit { action: Action::Reset, now: now() }, |s| {
        s.confirm_reset = false;
        s.focus_on(FocusTarget::StartAgain);
    });

    let s = s.reduce(Msg::Edit { action: achieved(), now: now() });
    let s = s.reduce(Msg::SetFilter(Filter::HighRisk)).reduce(Msg::ShowSection(2));
    let s = s.reduce(Msg::AskReset);
    let cleared = edited(&s.def, &s.assessment, Action::Reset);
    check(&s, Msg::Edit { action: Action::Reset, now: now() }, |s| {
        s.assessment = cleared;
        s.confirm_reset = false;
        s.focus_on(FocusTarget::StartAgain);
        s.section = 0;
        s.filter = Filter::All;
        s.announce(A::Cleared);
    });
}

#[test]
fn moving_around_changes_only_what_is_on_screen() {
    let s = start();
    let last = s.def.sections.len() - 1;
    let s = check(&s, Msg::ShowSection(last), |s| s.section = last);
    check(&s, Msg::ShowSection(last), |_| {});
    check(&s, Msg::ShowSection(last + 1), |_| {});
    let s = check(&s, Msg::ShowView(View::Summary), |s| s.view = View::Summary);
    // A section link in the summary goes back to the checklist.
    check(&s, Msg::ShowSection(0), |s| {
        s.section = 0;
        s.view = View::Checklist;
    });
    check(&s, Msg::ShowView(View::Summary), |_| {});
    let s = check(&s, Msg::SetFilter(Filter::NotAssessed), |s| s.filter = Filter::NotAssessed);
    check(&s, Msg::SetFilter(Filter::NotAssessed), |_| {});
}

#[test]
fn items_answered_under_a_filter_stay_in_view_until_the_filter_section_or_view_changes() {
    let item = default_checklist().sections[0].items[0].id.clone();
    let kept = |s: &mut AppState| s.kept_in_view = Rc::new(vec![item.clone()]);
    // Under All nothing needs keeping.
    let s = start().reduce(Msg::Edit { action: achieved(), now: now() });
    assert!(s.kept_in_view.is_empty());
    let s = start().reduce(Msg::SetFilter(Filter::NotAssessed));
    let t = now();
    let s = check(&s, Msg::Edit { action: achieved(), now: t.clone() }, |s| {
        s.assessment = Rc::new({
            let mut a = (*s.assessment).clone();
            a.apply(&s.def, achieved(), t);
            a
        });
        s.origin = Origin::Local;
        kept(s);
    });
    // A second edit of the same item keeps it once; a title is no item.
    let notes = Action::SetNotes { item: item.clone(), notes: "Done.".into() };
    let s = s.reduce(Msg::Edit { action: notes, now: now() });
    assert_eq!(*s.kept_in_view, vec![item.clone()]);
    let s = s.reduce(Msg::Edit { action: Action::SetTitle { title: "T".into() }, now: now() });
    assert_eq!(*s.kept_in_view, vec![item.clone()]);
    // Each change of filter, section or view lets the filter's rule apply again.
    check(&s, Msg::SetFilter(Filter::HighRisk), |s| {
        s.filter = Filter::HighRisk;
        s.kept_in_view = Rc::default();
    });
    // Another section shows all its items: the filter goes back to All.
    check(&s, Msg::ShowSection(1), |s| {
        s.section = 1;
        s.filter = Filter::All;
        s.kept_in_view = Rc::default();
    });
    check(&s, Msg::ShowView(View::Summary), |s| {
        s.view = View::Summary;
        s.kept_in_view = Rc::default();
    });
    // The section and view already on screen keep it.
    check(&s, Msg::ShowSection(0), |_| {});
    check(&s, Msg::SetFilter(Filter::NotAssessed), |_| {});
}

#[test]
fn a_link_from_the_summary_shows_the_section_and_says_what_takes_the_focus() {
    let def = default_checklist();
    let item = def.sections[1].items[2].id.clone();
    let s = start().reduce(Msg::ShowView(View::Summary));
    check(&s, Msg::GoTo { section: 1, item: None }, |s| {
        s.section = 1;
        s.view = View::Checklist;
        s.focus_on(FocusTarget::SectionHeading);
    });
    // Under a filter of its section that hides it, the item is kept in view.
    let s = s.reduce(Msg::ShowSection(1)).reduce(Msg::SetFilter(Filter::HighRisk));
    let s = s.reduce(Msg::ShowView(View::Summary));
    let s = check(&s, Msg::GoTo { section: 1, item: Some(item.clone()) }, |s| {
        s.view = View::Checklist;
        s.kept_in_view = Rc::new(vec![item.clone()]);
        s.focus_on(FocusTarget::Item(item.clone()));
    });
    // A later move from a control that stays on the page moves no focus.
    check(&s, Msg::SetFilter(Filter::All), |s| {
        s.filter = Filter::All;
        s.kept_in_view = Rc::default();
    });
    check(&s, Msg::ShowView(View::Summary), |s| {
        s.view = View::Summary;
        s.kept_in_view = Rc::default();
    });
    // The same link again moves the focus again: the pager and "Skip to the items" are such
    // links, to the section on screen or the next.
    let s = s.reduce(Msg::SetFilter(Filter::All));
    check(&s, Msg::GoTo { section: 1, item: None }, |s| {
        s.focus_on(FocusTarget::SectionHeading);
    });
    // A section that is not there, or is out of scope, changes nothing.
    let out = section("public-channel");
    let s = start().reduce(Msg::Edit { action: scope("public-channel", Some(false)), now: now() });
    check(&s, Msg::GoTo { section: out, item: None }, |_| {});
    check(&s, Msg::GoTo { section: def.sections.len(), item: None }, |_| {});
}

#[test]
fn back_to_summary_returns_to_the_row_followed_with_the_focus_on_it() {
    let def = default_checklist();
    let item = def.sections[1].items[2].id.clone();
    let row = format!("sum-risks-{item}");
    let follow = || Msg::FromSummary { section: 1, item: Some(item.clone()), row: row.clone() };
    // Only from the Summary, where the row is.
    check(&start(), follow(), |_| {});
    let summary = start().reduce(Msg::ShowView(View::Summary));
    let s = check(&summary, follow(), |s| {
        s.section = 1;
        s.view = View::Checklist;
        s.summary_row = Some(row.clone());
        s.focus_on(FocusTarget::Item(item.clone()));
    });
    // Moving between sections keeps the way back; leaving the checklist forgets it.
    let s = check(&s, Msg::ShowSection(2), |s| s.section = 2);
    check(&s, Msg::ShowView(View::Assessments), |s| {
        s.view = View::Assessments;
        s.summary_row = None;
    });
    let back = check(&s, Msg::BackToSummary, |s| {
        s.view = View::Summary;
        s.summary_row = None;
        s.focus_on(FocusTarget::SummaryRow(row.clone()));
    });
    // Once back, there is nowhere to go back to.
    check(&back, Msg::BackToSummary, |_| {});
    // A link to a section that cannot be shown changes nothing, and remembers nothing.
    let out = section("public-channel");
    let s = summary.reduce(Msg::Edit { action: scope("public-channel", Some(false)), now: now() });
    check(&s, Msg::FromSummary { section: out, item: None, row: "sum-sec-x".into() }, |_| {});
}

#[test]
fn the_saver_reports_failures_until_a_save_succeeds() {
    let s = start();
    check(&s, Msg::Saved(Ok(())), |_| {});
    let full = StorageError::Refused { reason: "this browser's storage is full".into() };
    let s = check(&s, Msg::Saved(Err(full.clone())), |s| s.storage = Some(full.clone()));
    check(&s, Msg::Saved(Err(full)), |_| {});
    check(&s, Msg::Saved(Ok(())), |s| {
        s.storage = None;
        s.announce(A::SavingWorksAgain);
    });
}

/// `Msg::Opened` with `how`, of an assessment titled "Pilot" with its first item achieved.
fn check_opened(how: Opening, origin: Origin) {
    let s = start();
    let s = s.reduce(Msg::ShowView(View::Summary)).reduce(Msg::SetFilter(Filter::HighRisk));
    let mut a = Assessment::new(now());
    a.apply(&s.def, Action::SetTitle { title: "Pilot".into() }, now());
    a.apply(&s.def, achieved(), now());
    let (a, lib) = (Rc::new(a), library(Some("other")));
    let msg = opened_msg("other", &a, &how, &lib);
    check(&s, msg, |s| {
        s.current = id("other");
        s.assessment = a;
        s.origin = origin;
        s.view = View::Checklist;
        s.filter = Filter::All;
        s.library = lib;
        // The control is gone with what it finished: the banner says what was done, with the
        // focus; else the focus goes to the section's heading and the status region says it.
        let banner =
            matches!(how, Opening::Review | Opening::ImportedAsNew { .. } | Opening::Undone { .. });
        if banner {
            s.notify(A::Opened { how, title: "Pilot".into() });
        } else {
            s.focus_on(FocusTarget::SectionHeading);
            s.announce(A::Opened { how, title: "Pilot".into() });
        }
    });
}

#[test]
fn an_assessment_of_an_earlier_checklist_version_says_what_changed_until_dismissed() {
    let s = start();
    let mut a = Assessment::new(now());
    let changes = Rc::new(crate::core::changes::take_up(&s.def, "2.0.1", &mut a));
    let how = Opening::TakenUp(changes.clone());
    let opened = s.reduce(Msg::Opened {
        id: id("old"),
        assessment: Rc::new(a),
        how: how.clone(),
        library: library(Some("old")),
    });
    assert_eq!(opened.changes.as_ref(), Some(&changes));
    assert_eq!(opened.origin, Origin::Local, "saved at once in this version");
    let title = opened.assessment.title.clone();
    assert_eq!(opened.status.as_ref().map(|(_, a)| a), Some(&A::Opened { how, title }));
    let said = opened.status.as_ref().map(|(_, a)| a.to_string()).unwrap_or_default();
    assert!(said.contains("made with version 2.0.1 of the checklist"), "{said}");
    let hidden = opened.clone().reduce(Msg::DismissChanges);
    assert_eq!(hidden.changes, None);
    let other = Rc::new(Assessment::new(now()));
    let next = opened.reduce(Msg::Opened {
        id: id("other"),
        assessment: other,
        how: Opening::Chosen,
        library: library(Some("other")),
    });
    assert_eq!(next.changes, None, "another assessment on screen: the notice goes");
}

#[test]
fn opening_from_the_import_preview_or_deleting_puts_the_focus_on_the_banner() {
    // "Open as a new assessment" in the import preview: the preview goes with its button.
    let s = start();
    let a = Rc::new(Assessment::new(now()));
    let how = Opening::ImportedAsNew { file_name: "pilot.json".into() };
    let lib = library(Some("other"));
    let opened = s.reduce(Msg::Opened { id: id("other"), assessment: a, how, library: lib });
    assert_eq!((opened.view, focused(&opened)), (View::Checklist, Some(&FocusTarget::Banner)));
    assert!(matches!(opened.banner, Some(A::Opened { .. })) && opened.status.is_none());
    // Deleting the open assessment opens the next one in the Assessments view, where the
    // focus goes to the banner with Undo, not to a heading.
    let listed = start().reduce(Msg::ShowView(View::Assessments));
    let next = Some((id("next"), Rc::new(Assessment::new(now()))));
    let deleted = listed.reduce(Msg::Deleted {
        id: id("current"),
        title: "Pilot".into(),
        raw: Some(Rc::new("{}".into())),
        next,
        library: library(Some("next")),
    });
    assert_eq!((deleted.view, focused(&deleted)), (View::Assessments, Some(&FocusTarget::Banner)));
    assert_eq!(deleted.banner, Some(A::Deleted { title: "Pilot".into() }));
    assert!(deleted.banner.as_ref().is_some_and(A::offers_undo) && deleted.undo.is_some());
}

#[test]
fn each_way_of_opening_says_what_happened_and_whether_it_must_be_saved() {
    check_opened(Opening::Chosen, Origin::Stored);
    check_opened(Opening::New, Origin::Local);
    check_opened(Opening::ImportedAsNew { file_name: "pilot.json".into() }, Origin::Local);
    check_opened(Opening::Theirs { backup: "key".into() }, Origin::Stored);
    check_opened(
        Opening::Undone { by: Replacement::Import, backup: Some("key".into()) },
        Origin::Local,
    );
    check_opened(Opening::Undone { by: Replacement::Import, backup: None }, Origin::Local);
}

#[test]
fn opening_closes_a_conflict_and_an_import_and_undoing_an_import_ends_its_undo() {
    let s = start();
    let previous = s.assessment.clone();
    let mut s = (*s).clone();
    s.conflict = Some(previous.clone());
    s.undo = Some(Rc::new(Undo::Replaced {
        id: id("open"),
        previous: previous.clone(),
        by: Replacement::Import,
    }));
    let s = Rc::new(s);
    let opened = |how| {
        s.clone().reduce(Msg::Opened {
            id: id("open"),
            assessment: previous.clone(),
            how,
            library: library(None),
        })
    };
    let chosen = opened(Opening::Chosen);
    assert_eq!((chosen.conflict.is_none(), chosen.undo.is_some()), (true, true));
    let undone = opened(Opening::Undone { by: Replacement::Import, backup: None });
    assert_eq!((undone.conflict.is_none(), undone.undo.is_none()), (true, true));
}

#[test]
fn the_assessments_view_shows_the_list_as_stored() {
    let s = start();
    let lib = library(Some("open"));
    let s = check(&s, Msg::Listed(lib.clone()), |s| {
        s.library = lib.clone();
        s.view = View::Assessments;
    });
    check(&s, Msg::Listed(lib), |_| {});
    let lib = library(None);
    let s = check(&s, Msg::Renamed(lib.clone()), |s| s.library = lib.clone());
    let lib = library(Some("copy"));
    check(&s, Msg::Copied { title: String::new(), library: lib.clone() }, |s| {
        s.library = lib;
        s.announce(A::Copied { title: String::new() });
    });
}

#[test]
fn deleting_keeps_the_text_for_undo_and_opens_another_when_the_open_one_goes() {
    let s = start();
    let (raw, lib) = (Rc::new("{}".to_owned()), library(None));
    let deleted = |id_: &str, raw: Option<Rc<String>>, next| Msg::Deleted {
        id: id(id_),
        title: "Old".into(),
        raw,
        next,
        library: lib.clone(),
    };
    check(&s, deleted("other", Some(raw.clone()), None), |s| {
        s.undo =
            Some(Rc::new(Undo::Deleted { id: id("other"), raw: raw.clone(), title: "Old".into() }));
        // The row's Delete button is gone: the banner, with Undo, takes the focus; the status
        // region says nothing more.
        s.notify(A::Deleted { title: "Old".into() });
    });
    // The open one, never stored: nothing to undo, and the next one opens in the list.
    let next = Rc::new(Assessment::new(now()));
    check(&s, deleted("open", None, Some((id("next"), next.clone()))), |s| {
        s.current = id("next");
        s.assessment = next;
        s.view = View::Assessments;
        // Nothing to undo: the focus goes to the list's heading.
        s.focus_on(FocusTarget::ViewHeading);
    });
    let s = s.reduce(deleted("other", Some(raw.clone()), None));
    check(&s, Msg::Restored { title: "Old".into(), library: lib.clone() }, |s| {
        s.undo = None;
        // Undo is gone with its banner: the new one takes the focus.
        s.notify(A::Restored { title: "Old".into() });
    });
}

#[test]
fn import_previews_failures_and_closing() {
    let s = start();
    let doc = Document::new(&s.def, &s.assessment, now());
    let preview = preview_of(doc);
    // The banner and the preview take the focus: they may follow a drop far up the page.
    let refusal = Refusal { file_name: "f.json".into(), why: Unfit::Empty, detail: None };
    let failed = check(&s, Msg::ImportFailed(refusal.clone()), |s| {
        s.notify(A::Refused(refusal.clone()));
    });
    assert_eq!(failed.banner.as_ref().map(A::is_failure), Some(true));
    let read = check(&failed, Msg::ImportRead(preview.clone()), |s| {
        s.import = Some(preview.clone());
        s.banner = None;
        s.focus_on(FocusTarget::Notification);
    });
    // Closed, they send the focus back to what was focused when they appeared.
    check(&read, Msg::CloseImport, |s| {
        s.import = None;
        s.focus_on(FocusTarget::Opener(Overlay::Import));
    });
    check(&failed, Msg::CloseImport, |s| {
        s.banner = None;
        s.focus_on(FocusTarget::Opener(Overlay::Import));
    });
    check(&s, Msg::CloseImport, |_| {});
}

#[test]
fn replacing_by_import_keeps_the_previous_answers_for_undo_and_says_where() {
    let s = start();
    let s = s.reduce(Msg::Edit { action: achieved(), now: now() });
    let previous = s.assessment.clone();
    let imported = Rc::new(Assessment::new(now()));
    for backup in [Some("key".to_owned()), None] {
        let backup_kept = backup.is_some();
        let msg = Msg::Replaced {
            assessment: imported.clone(),
            file_name: "f.json".into(),
            backup,
            library: library(None),
        };
        check(&s, msg, |s| {
            s.undo = Some(Rc::new(Undo::Replaced {
                id: id("open"),
                previous: previous.clone(),
                by: Replacement::Import,
            }));
            s.assessment = imported.clone();
            // The preview is gone with its button: the banner, with Undo, takes the focus.
            s.notify(A::Replaced { file_name: "f.json".into(), backup_kept });
        });
    }
    let undone = |backup| Msg::PutBack {
        title: "Pilot".into(),
        by: Replacement::Import,
        backup,
        library: library(None),
    };
    // Undo is gone with its banner: the new banner takes the focus.
    check(&s, undone(None), |s| {
        s.notify(A::PutBack { title: "Pilot".into(), by: Replacement::Import, backup_kept: false });
    });
    check(&s, undone(Some("key".into())), |s| {
        s.notify(A::PutBack { title: "Pilot".into(), by: Replacement::Import, backup_kept: true });
    });
}

#[test]
fn a_comparison_is_shown_in_place_of_the_view_until_closed_or_moved_away_from() {
    let s = start();
    let other = edited(&s.def, &s.assessment, achieved());
    let c = Rc::new(comparing(&s.def, &s.assessment, &other, "“Other”"));
    // Its heading takes the focus; closed, the focus goes back to what opened it.
    let shown = check(&s, Msg::Compared(c.clone()), |s| {
        s.compare = Some(c.clone());
        s.focus_on(FocusTarget::ViewHeading);
    });
    check(&shown, Msg::CloseComparison, |s| {
        s.compare = None;
        s.focus_on(FocusTarget::Opener(Overlay::Panel));
    });
    check(&s, Msg::CloseComparison, |_| {});
    // Any view, a section or another assessment takes its place.
    check(&shown, Msg::ShowView(View::Checklist), |s| s.compare = None);
    check(&shown, Msg::ShowSection(1), |s| {
        s.compare = None;
        s.section = 1;
    });
    let lib = library(None);
    check(&shown, Msg::Listed(lib.clone()), |s| {
        s.compare = None;
        s.library = lib;
        s.view = View::Assessments;
    });
}

/// The preview of a file "f.json" holding `doc`, readable and of this checklist version.
fn preview_of(doc: Document) -> Rc<ImportPreview> {
    Rc::new(ImportPreview {
        file_name: "f.json".into(),
        doc,
        unknown: 0,
        blocked: None,
        changes: None,
        signed: crate::core::fingerprint::Signed::NotSigned,
        withdrawn: None,
    })
}

/// The outcome of opening assessment `n` with `a`, the way `how` says, with the list `lib`.
fn opened_msg(n: &str, a: &Rc<Assessment>, how: &Opening, lib: &Rc<Library>) -> Msg {
    Msg::Opened { id: id(n), assessment: a.clone(), how: how.clone(), library: lib.clone() }
}

/// The merge on screen in `s`, applied to the open assessment with the choices made.
fn applied(s: &AppState, theirs: &Assessment) -> Rc<Assessment> {
    let m = s.merge.clone().unwrap();
    Rc::new(crate::core::apply_merge(
        &s.def,
        &s.assessment,
        theirs,
        &m.plan,
        &m.choices,
        &m.their_name,
        now(),
    ))
}

/// A widget whose open assessment has the first item achieved, previewing a file whose
/// first item is not achieved and whose second is achieved.
fn previewing_theirs() -> (Rc<AppState>, Rc<Assessment>) {
    let s = start().reduce(Msg::Edit { action: achieved(), now: now() });
    let mut theirs = Assessment::new(now());
    let first = s.def.sections[0].items[0].id.clone();
    let second = s.def.sections[0].items[1].id.clone();
    theirs.apply(&s.def, Action::SetStatus { item: first, status: Status::NotAchieved }, now());
    theirs.apply(&s.def, Action::SetStatus { item: second, status: Status::Achieved }, now());
    let doc = Document::new(&s.def, &theirs, now());
    let preview = preview_of(doc);
    (s.reduce(Msg::ImportRead(preview)), Rc::new(theirs))
}

#[test]
fn a_previewed_file_is_planned_as_a_merge_and_sides_are_chosen_in_it() {
    let (s, theirs) = previewing_theirs();
    let m = Rc::new(Merging::new(&s.def, "f.json", &s.assessment, theirs));
    let merging = check(&s, Msg::MergeImport, |s| {
        s.import = None;
        s.merge = Some(m.clone());
        s.focus_on(FocusTarget::ViewHeading);
    });
    assert_eq!(m.plan.conflict_count(), 1);
    let (section, item) = (s.def.sections[0].id.clone(), s.def.sections[0].items[0].id.clone());
    let choice = Choice::Item { section, item };
    let chosen = check(&merging, Msg::Choose { choice: choice.clone(), keep: Keep::Theirs }, |s| {
        let mut m = (*m).clone();
        m.choose(choice.clone(), Keep::Theirs);
        s.merge = Some(Rc::new(m));
    });
    check(&chosen, Msg::Choose { choice: choice.clone(), keep: Keep::Theirs }, |_| {});
    check(&chosen, Msg::CloseMerge, |s| {
        s.merge = None;
        s.focus_on(FocusTarget::Opener(Overlay::Panel));
    });
    check(&s, Msg::CloseMerge, |_| {});
    // Without a merge on screen, a choice changes nothing.
    check(&s, Msg::Choose { choice, keep: Keep::Theirs }, |_| {});
    // A merge takes the place of a comparison, and moving away closes it.
    let c = Rc::new(comparing(&s.def, &s.assessment, &m.theirs, "f.json"));
    let compared = merging.clone().reduce(Msg::Compared(c.clone()));
    assert_eq!((compared.merge.is_none(), compared.compare.as_ref()), (true, Some(&c)));
    check(&s.clone().reduce(Msg::Compared(c)), Msg::MergeImport, |s| {
        s.import = None;
        s.compare = None;
        s.merge = Some(m.clone());
        s.focus_on(FocusTarget::ViewHeading);
    });
    check(&merging, Msg::ShowView(View::Summary), |s| {
        s.merge = None;
        s.view = View::Summary;
    });
    // A file that cannot be opened here cannot be merged either.
    let mut blocked = (**s.import.as_ref().unwrap()).clone();
    blocked.blocked = Some("Another checklist.".into());
    let s = s.reduce(Msg::ImportRead(Rc::new(blocked)));
    check(&s, Msg::MergeImport, |_| {});
}

#[test]
fn applying_a_merge_keeps_the_assessment_as_it_was_for_undo_and_says_what_it_did() {
    let (s, theirs) = previewing_theirs();
    let s = s.reduce(Msg::MergeImport);
    let item = s.def.sections[0].items[0].id.clone();
    let choice = Choice::Item { section: s.def.sections[0].id.clone(), item };
    let s = s.reduce(Msg::Choose { choice, keep: Keep::Theirs });
    let merged = applied(&s, &theirs);
    let previous = s.assessment.clone();
    let lib = library(Some("open"));
    for backup in [Some("key".to_owned()), None] {
        let backup_kept = backup.is_some();
        let msg = Msg::Merged { assessment: merged.clone(), backup, library: lib.clone() };
        check(&s, msg, |s| {
            s.merge = None;
            s.library = lib.clone();
            s.undo = Some(Rc::new(Undo::Replaced {
                id: id("open"),
                previous: previous.clone(),
                by: Replacement::Merge,
            }));
            s.assessment = merged.clone();
            // The merge is gone with its button: the banner, with Undo, takes the focus.
            s.notify(A::Merged {
                file_name: "f.json".into(),
                added: 1,
                theirs: 1,
                both: 0,
                backup_kept,
            });
        });
    }
    // A merge that changes nothing leaves nothing to undo.
    let same = Msg::Merged { assessment: previous.clone(), backup: None, library: lib.clone() };
    check(&s, same, |s| {
        s.merge = None;
        s.library = lib.clone();
        s.notify(A::MergedNothing { file_name: "f.json".into() });
    });
    // Without a merge on screen, there is nothing to apply.
    let s = s.reduce(Msg::CloseMerge);
    check(&s, Msg::Merged { assessment: merged, backup: None, library: lib }, |_| {});
}

#[test]
fn undoing_a_merge_or_starting_a_review_says_so() {
    let by = Replacement::Merge;
    check_opened(Opening::Undone { by, backup: Some("key".into()) }, Origin::Local);
    check_opened(Opening::Review, Origin::Local);
    let s = start();
    let lib = library(None);
    let put_back = Msg::PutBack { title: "Pilot".into(), by, backup: None, library: lib };
    check(&s, put_back, |s| {
        s.notify(A::PutBack { title: "Pilot".into(), by, backup_kept: false });
    });
    let full = StorageError::Refused { reason: "this browser's storage is full".into() };
    let problem = Problem::NoBackup { of: Version::Brought(by), cause: full };
    check(&s, Msg::Failed { problem: problem.clone(), library: None }, |s| {
        s.announce(A::Failed(problem))
    });
}

#[test]
fn exports_are_announced_and_a_json_export_counts_as_kept() {
    let s = start();
    let s = s.reduce(Msg::Edit { action: achieved(), now: now() });
    let mut unsaved = (*s).clone();
    unsaved.storage = Some(StorageError::Unavailable);
    let s = Rc::new(unsaved);
    assert!(s.has_unkept_changes(), "changed, and not saved in this browser");
    let report = check(&s, Msg::Exported { file_name: "r.csv".into(), json: None }, |s| {
        s.announce(A::Exported { file_name: "r.csv".into(), json: false })
    });
    assert!(report.has_unkept_changes(), "a report cannot be imported back");
    let a = s.assessment.clone();
    let json =
        check(&s, Msg::Exported { file_name: "a.json".into(), json: Some(a.clone()) }, |s| {
            s.exported = Some(a);
            s.announce(A::Exported { file_name: "a.json".into(), json: true });
        });
    assert!(!json.has_unkept_changes());
    let later =
        json.reduce(Msg::Edit { action: Action::SetTitle { title: "New".into() }, now: now() });
    assert!(later.has_unkept_changes(), "a change after the export");
}

#[test]
fn problems_are_said_and_storage_failures_shown_as_the_storage_notice() {
    let s = start();
    check(&s, Msg::Failed { problem: Problem::NotStored, library: None }, |s| {
        s.announce(A::Failed(Problem::NotStored))
    });
    let lib = library(Some("x"));
    check(
        &s,
        Msg::Failed {
            problem: Problem::Storage(StorageError::Unavailable),
            library: Some(lib.clone()),
        },
        |s| {
            s.storage = Some(StorageError::Unavailable);
            s.library = lib;
        },
    );
    let full = StorageError::Refused { reason: "this browser's storage is full".into() };
    let problem = Problem::NoBackup { of: Version::OtherTabs, cause: full };
    check(&s, Msg::Failed { problem: problem.clone(), library: None }, |s| {
        s.announce(A::Failed(problem))
    });
}

#[test]
fn another_tabs_version_is_shown_asked_about_or_kept_as_a_backup() {
    let s = start();
    let theirs = edited(&s.def, &s.assessment, achieved());
    check(&s, Msg::External(s.assessment.clone()), |_| {});
    let mut local = (*s).clone();
    local.origin = Origin::Local;
    check(&Rc::new(local), Msg::External(theirs.clone()), |s| {
        s.assessment = theirs.clone();
        s.origin = Origin::Stored;
        s.announce(A::UpdatedElsewhere);
    });
    let asked = check(&s, Msg::Conflict(theirs.clone()), |s| s.conflict = Some(theirs.clone()));
    let lib = library(None);
    check(
        &asked,
        Msg::KeptMine { backup: Some("key".into()), saved: Ok(()), library: lib.clone() },
        |s| {
            s.conflict = None;
            s.library = lib.clone();
            s.announce(A::KeptMine { backup_kept: true });
            // The question is gone with its buttons.
            s.focus_on(FocusTarget::ViewHeading);
        },
    );
    check(
        &asked,
        Msg::KeptMine { backup: None, saved: Err(StorageError::Unavailable), library: lib.clone() },
        |s| {
            s.conflict = None;
            s.storage = Some(StorageError::Unavailable);
            s.library = lib;
            s.announce(A::KeptMine { backup_kept: false });
            s.focus_on(FocusTarget::ViewHeading);
        },
    );
}

#[test]
fn an_index_change_updates_the_list_and_may_make_this_tab_read_only_or_take_up_theirs() {
    let s = start();
    let lib = library(Some("theirs"));
    let changed = |newer, take_up| Msg::IndexChanged { library: lib.clone(), newer, take_up };
    check(&s, changed(None, None), |s| s.library = lib.clone());
    check(&s, changed(Some(2), None), |s| {
        s.library = lib.clone();
        s.storage = Some(StorageError::ReadOnly { version: 2 });
    });
    let theirs = Rc::new(Assessment::new(now()));
    check(&s, changed(None, Some((id("theirs"), theirs.clone()))), |s| {
        s.library = lib.clone();
        s.current = id("theirs");
        s.assessment = theirs.clone();
        s.announce(A::TakenUp);
    });
    // Its own id is no other tab's assessment.
    check(&s, changed(None, Some((id("open"), theirs))), |s| s.library = lib.clone());
}

// The focus policy: where the focus goes when the control pressed goes away with what it
// changed, or a link leads elsewhere. Moves from a control that stays on the page (a tab, a
// filter, a status) move no focus; those are checked with the messages above.

#[test]
fn undo_of_a_merge_puts_the_focus_on_the_banner_saying_so() {
    // Applied, the merge goes and the banner with Undo takes the focus; Undo then goes too,
    // and the banner saying it was undone takes the focus: never the page.
    let (s, theirs) = previewing_theirs();
    let s = s.reduce(Msg::MergeImport);
    let merged = applied(&s, &theirs);
    let previous = s.assessment.clone();
    let s = s.reduce(Msg::Merged { assessment: merged, backup: None, library: library(None) });
    assert_eq!(focused(&s), Some(&FocusTarget::Banner));
    let how = Opening::Undone { by: Replacement::Merge, backup: Some("key".into()) };
    let lib = library(Some("open"));
    let msg = opened_msg("open", &previous, &how, &lib);
    check(&s, msg, |s| {
        s.assessment = previous;
        s.undo = None;
        s.library = lib;
        s.notify(A::Opened { how, title: String::new() });
    });
}

#[test]
fn the_banner_goes_when_the_person_moves_to_another_section_view_or_assessment() {
    let s = start().reduce(Msg::ImportFailed(Refusal {
        file_name: "f.json".into(),
        why: Unfit::NotAnExport,
        detail: Some("line 1".into()),
    }));
    assert!(s.banner.is_some());
    check(&s, Msg::ShowSection(0), |_| {});
    check(&s, Msg::SetFilter(Filter::HighRisk), |s| s.filter = Filter::HighRisk);
    check(&s, Msg::ShowSection(1), |s| {
        s.section = 1;
        s.banner = None;
    });
    check(&s, Msg::ShowView(View::Summary), |s| {
        s.view = View::Summary;
        s.banner = None;
    });
    let lib = library(None);
    check(&s, Msg::Listed(lib.clone()), |s| {
        s.view = View::Assessments;
        s.library = lib.clone();
        s.banner = None;
    });
    let a = Rc::new(Assessment::new(now()));
    let opened = s.reduce(opened_msg("other", &a, &Opening::Chosen, &library(None)));
    assert_eq!(opened.banner, None);
}

#[test]
fn a_filter_goes_back_to_all_items_when_the_section_changes() {
    let s = start().reduce(Msg::SetFilter(Filter::HighRisk));
    check(&s, Msg::ShowSection(1), |s| {
        s.section = 1;
        s.filter = Filter::All;
    });
    check(&s, Msg::GoTo { section: 2, item: None }, |s| {
        s.section = 2;
        s.filter = Filter::All;
        s.focus_on(FocusTarget::SectionHeading);
    });
    // The same section keeps it.
    check(&s, Msg::ShowSection(0), |_| {});
}

/// The default checklist's blank assessment with every scope question answered, opened.
fn scope_answered() -> Rc<AppState> {
    let def = Rc::new(default_checklist());
    let mut a = Assessment::new(now());
    for q in &def.questions {
        a.scope.insert(q.id.clone(), true);
    }
    Rc::new(AppState::new(def, id("open"), a, Library::new()))
}

#[test]
fn scope_folds_once_answered_and_change_scope_opens_it_with_the_focus_on_the_first_question() {
    // Unanswered, the questions stay open, and there is nothing to change.
    let s = start();
    assert!(!s.scope_folded());
    check(&s, Msg::ChangeScope, |_| {});
    // Answered on an earlier visit: folded, and the page is brought to the section to resume.
    let s = scope_answered();
    assert!(s.scope_folded());
    assert_eq!(s.scroll, Some((0, FocusTarget::SectionHeading)));
    assert_eq!(start().scroll, None, "a first visit starts at the top");
    let open = check(&s, Msg::ChangeScope, |s| {
        s.scope_open = true;
        s.focus_on(FocusTarget::ScopeQuestion);
    });
    assert!(!open.scope_folded());
    check(&open, Msg::ChangeScope, |_| {});
    // An answer changed keeps them open; another assessment opened folds them again.
    let q = s.def.questions[0].id.as_str().to_owned();
    let changed = open.reduce(Msg::Edit { action: scope(&q, Some(false)), now: now() });
    assert!(changed.scope_open && !changed.scope_folded());
    let answered = scope_answered().assessment.clone();
    let reopened = changed.reduce(opened_msg("open", &answered, &Opening::Chosen, &library(None)));
    assert!(reopened.scope_folded());
    // The last question answered now keeps them open, under the person's hand.
    let mut fresh = (*start()).clone();
    let (last, rest) = fresh.def.questions.split_last().unwrap();
    let last = last.id.as_str().to_owned();
    let mut a = (*fresh.assessment).clone();
    for q in rest {
        a.scope.insert(q.id.clone(), true);
    }
    fresh.assessment = Rc::new(a);
    let done = Rc::new(fresh).reduce(Msg::Edit { action: scope(&last, Some(true)), now: now() });
    assert!(!done.scope_folded(), "open until the next visit");
}

#[test]
fn next_summary_puts_the_focus_on_the_summary_and_its_tab_does_not() {
    let s = start();
    check(&s, Msg::GoToView(View::Summary), |s| {
        s.view = View::Summary;
        s.focus_on(FocusTarget::ViewHeading);
    });
    check(&s, Msg::ShowView(View::Summary), |s| s.view = View::Summary);
    // On the Summary already, the link still takes the focus there.
    let on_summary = s.reduce(Msg::ShowView(View::Summary));
    check(&on_summary, Msg::GoToView(View::Summary), |s| s.focus_on(FocusTarget::ViewHeading));
}

#[test]
fn the_same_target_asked_twice_is_moved_to_twice() {
    let s = start().reduce(Msg::GoTo { section: 0, item: None });
    let again = s.clone().reduce(Msg::GoTo { section: 0, item: None });
    assert_eq!(focused(&s), focused(&again));
    assert_ne!(s.focus, again.focus, "a new request, carried out again");
}

/// The open assessment with a complete draft of a decision to proceed (every field filled).
fn drafted() -> Rc<AppState> {
    use crate::core::{Decision, SignOff};
    let signoff = SignOff {
        owner: "Jane Smith".into(),
        role: "Director of Communications".into(),
        decision: Some(Decision::Proceed),
        review_date: Some("2027-03-01".into()),
        ..SignOff::default()
    };
    start().reduce(Msg::Edit { action: Action::SetSignOff { signoff }, now: now() })
}

fn record(today: &str) -> Msg {
    Msg::RecordDecision { today: today.into(), now: now() }
}

#[test]
fn recording_with_errors_lists_them_and_puts_the_focus_on_their_summary() {
    use crate::core::decision::RecordError;
    let s = start();
    let after = check(&s, record("2026-03-01"), |s| {
        Rc::make_mut(&mut s.recording).errors =
            vec![RecordError::NoDecision, RecordError::NoOwner, RecordError::NoRole];
        s.focus_on(FocusTarget::ErrorSummary);
    });
    assert!(!after.assessment.is_signed(), "nothing recorded");
    // Pressed again, the focus goes to the summary again.
    let again = after.clone().reduce(record("2026-03-01"));
    assert_eq!(focused(&again), Some(&FocusTarget::ErrorSummary));
    assert_ne!(again.focus, after.focus);
    // A link of the summary puts the focus in its field.
    check(&after, Msg::ShowField(crate::core::decision::Field::Owner), |s| {
        s.focus_on(FocusTarget::Field(crate::core::decision::Field::Owner));
    });
    // A review date typed in part is an error on the review date.
    let mut typed = (*drafted()).clone();
    let mut a = (*typed.assessment).clone();
    a.signoff.as_mut().unwrap().review_date = Some("2027-2-".into());
    typed.assessment = Rc::new(a);
    let typed = Rc::new(typed).reduce(record("2026-03-01"));
    assert_eq!(typed.recording.errors, vec![RecordError::ReviewDateNotReal]);
}

#[test]
fn an_item_missing_its_reason_is_shown_with_the_focus_in_its_notes() {
    use crate::core::decision::Field;
    let s = start();
    let def = default_checklist();
    let (section, item) = def
        .sections
        .iter()
        .enumerate()
        .skip(1)
        .find_map(|(n, sec)| sec.items.iter().find(|i| i.baseline).map(|i| (n, i.id.clone())))
        .expect("a baseline item after the first section");
    let after = s.clone().reduce(Msg::ShowField(Field::Item(item.clone())));
    assert_eq!((after.view, after.section), (View::Checklist, section));
    assert_eq!(focused(&after), Some(&FocusTarget::Field(Field::Item(item))));
}

#[test]
fn recording_a_complete_draft_signs_and_puts_the_focus_on_the_decision() {
    let s = drafted();
    let after = s.clone().reduce(record("2026-03-01"));
    assert!(after.assessment.is_signed());
    let signoff = after.assessment.signoff.clone().unwrap();
    assert_eq!((signoff.decided.as_deref(), signoff.recorded), (Some("2026-03-01"), Some(now())));
    assert!(!signoff.warnings.is_empty(), "nothing is assessed yet: the warnings are kept");
    assert!(signoff.fingerprint.is_some());
    assert_eq!(focused(&after), Some(&FocusTarget::DecisionLine));
    assert_eq!(after.status.as_ref().map(|(_, a)| a), Some(&A::DecisionRecorded));
    assert_eq!(after.origin, Origin::Local);
    assert!(after.recording.errors.is_empty());
    // Signed: an edit changes nothing, and recording again neither.
    check(&after, Msg::Edit { action: achieved(), now: now() }, |_| {});
    check(&after, record("2026-03-02"), |_| {});
}

#[test]
fn reopening_asks_first_and_withdraws_the_decision_with_the_focus_on_the_sign_off() {
    let signed = drafted().reduce(record("2026-03-01"));
    // Not asked yet: nothing happens.
    check(&signed, Msg::Reopen { now: now() }, |_| {});
    let asked = check(&signed, Msg::AskReopen, |s| {
        Rc::make_mut(&mut s.recording).confirm_reopen = true;
        s.focus_on(FocusTarget::ReopenQuestion);
    });
    check(&asked, Msg::CancelReopen, |s| {
        Rc::make_mut(&mut s.recording).confirm_reopen = false;
        s.focus_on(FocusTarget::ReopenButton);
    });
    let reopened = edited(&signed.def, &signed.assessment, Action::Reopen);
    let after = check(&asked, Msg::Reopen { now: now() }, |s| {
        s.assessment = reopened;
        s.recording = Rc::default();
        s.focus_on(FocusTarget::DecisionLine);
        s.announce(A::DecisionWithdrawn);
    });
    assert!(!after.assessment.is_signed());
    assert_eq!(after.assessment.withdrawn.len(), 1);
    assert_eq!(after.assessment.withdrawn[0].signoff, signed.assessment.signoff.clone().unwrap());
    // An unsigned assessment has nothing to reopen.
    check(&after, Msg::AskReopen, |_| {});
}

#[test]
fn print_renders_the_record_whatever_the_view_and_leaves_the_view_as_it_was() {
    let s = start().reduce(Msg::SetFilter(Filter::HighRisk));
    assert!(!s.prints_apart());
    let asked = check(&s, Msg::Print, |s| s.printing = Some(Printing::Asked));
    assert!(asked.prints_apart(), "the Checklist is on screen: the record is rendered apart");
    // The browser says it starts printing when the dialog opens: still the printing asked for.
    check(&asked, Msg::PrintStarted, |_| {});
    check(&asked, Msg::Printed, |s| s.printing = None);
    check(&s, Msg::Printed, |_| {});
    // Ctrl+P, or the browser's menu, from any view.
    let started = check(&s, Msg::PrintStarted, |s| s.printing = Some(Printing::Started));
    check(&started, Msg::Printed, |s| s.printing = None);
    // The Summary on screen is the record itself, unless a merge or comparison is in its place.
    let summary = started.reduce(Msg::ShowView(View::Summary));
    assert_eq!((summary.view, summary.printing), (View::Summary, Some(Printing::Started)));
    assert!(!summary.prints_apart());
    let (previewing, _) = previewing_theirs();
    let mut merging = (*summary).clone();
    merging.merge = previewing.reduce(Msg::MergeImport).merge.clone();
    assert!(merging.merge.is_some() && merging.prints_apart());
}

#[test]
fn rename_puts_the_focus_in_the_name_field_and_closing_it_back_on_rename() {
    let s = start().reduce(Msg::ShowView(View::Assessments));
    let open = check(&s, Msg::Renaming(Some(id("other"))), |s| {
        s.renaming = Some(id("other"));
        s.focus_on(FocusTarget::RenameField(id("other")));
    });
    check(&open, Msg::Renaming(Some(id("other"))), |_| {});
    check(&open, Msg::Renaming(None), |s| {
        s.renaming = None;
        s.focus_on(FocusTarget::RenameButton(id("other")));
    });
    check(&s, Msg::Renaming(None), |_| {});
    // Leaving the list closes the name field, as does a comparison in its place.
    check(&open, Msg::ShowView(View::Checklist), |s| {
        s.renaming = None;
        s.view = View::Checklist;
    });
}
