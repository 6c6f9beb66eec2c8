//! The widget's own sentences: every sentence, label and fragment the components in `src/ui`
//! show that is built from a value. Words shared with the report come from `core::words` and
//! `core::summary_page`; the shell's announcements from `announcements`. Plain functions, so how
//! each one reads is tested natively; a second language would replace this file.

use super::merging::answers;
use crate::core::decision::ReviewState;
use crate::core::library::Decided;
use crate::core::summary_page::decision_line;
use crate::core::time::long_date;
use crate::core::words::filled;
use crate::core::SignOff;
use std::fmt::Display;

/// "1 item is" or "3 items are".
pub fn items_are(n: usize) -> String {
    if n == 1 {
        "1 item is".into()
    } else {
        format!("{n} items are")
    }
}

/// Why a checklist definition could not be fetched: the request failed.
pub fn request_failed(message: &str) -> String {
    format!("the request failed ({message}). Check the address, and that the server lets this page read it (same origin, or CORS and the page's Content-Security-Policy connect-src).")
}

/// Why a checklist definition could not be fetched: the server's answer.
pub fn server_answered(status: u16, text: &str) -> String {
    if text.is_empty() {
        format!("the server answered HTTP {status}.")
    } else {
        format!("the server answered HTTP {status} {text}.")
    }
}

/// Why a checklist definition could not be fetched: its body.
pub fn body_unreadable(message: &str) -> String {
    format!("its content could not be read ({message}).")
}

/// Why a checklist definition cannot be shown: how many problems it has.
pub fn it_has_problems(n: usize) -> String {
    format!("it has {n} problem{}.", if n == 1 { "" } else { "s" })
}

/// After "The checklist definition at …": how many problems it has, before their list.
pub fn has_problems(n: usize) -> String {
    format!(" has {n} problem{}:", if n == 1 { "" } else { "s" })
}

/// The heading of what changed in the checklist since an assessment's version.
pub fn changes_heading(from: &str) -> String {
    format!("What changed in the checklist since version {from}")
}

/// Which versions an assessment taken up was answered with and is now.
pub fn changes_intro(from: &str, to: &str) -> String {
    format!("This assessment was answered with version {from} of the checklist; this is version {to}. Its answers are kept.")
}

/// The lead-in of one version's summary of changes.
pub fn version_lead(version: &str) -> String {
    format!("Version {version}: ")
}

/// How many items are new or changed since an assessment's answers.
pub fn changed_items(n: usize) -> String {
    let theirs = if n == 1 { "its answer" } else { "their answers" };
    format!("{} new or changed in substance since its answers: check {theirs}.", items_are(n))
}

/// How many answers to items a version no longer has were kept.
pub fn kept_retired(n: usize) -> String {
    let (answers, are) = if n == 1 { ("answer", "is") } else { ("answers", "are") };
    format!("{n} {answers} to items this version no longer has {are} kept under “Retired items”, after the checklist.")
}

/// After an overall rating in a comparison: whose it is, then a comma, or a full stop when
/// `last`.
pub fn rating_side(side: &str, last: bool) -> String {
    format!(" {side}{}", if last { "." } else { ", " })
}

/// The decision in the header, as the report words it, ended as a sentence.
pub fn decision_sentence(signoff: &SignOff) -> String {
    let line = decision_line(signoff);
    if line.ends_with('.') {
        line
    } else {
        line + "."
    }
}

/// What the progress bar says to a screen reader.
pub fn progress_value(assessed: usize, total: usize, percent: u8) -> String {
    format!("{percent}%: {assessed} of {total} items assessed")
}

/// How much of the checklist applies, and how many scope questions are open.
pub fn scope_line(applying: usize, total: usize, unanswered: usize) -> String {
    let open = match unanswered {
        0 => String::new(),
        1 => " (1 scope question not answered yet)".to_owned(),
        n => format!(" ({n} scope questions not answered yet)"),
    };
    format!("Scope: {applying} of {total} items apply{open}")
}

/// The technical detail of a file refused for its size: over `mib` MB.
pub fn over_size(mib: u64) -> String {
    format!("The file is over {mib} MB; an export is at most 4 MB.")
}

/// The scope answers in one line, once every question is answered.
pub fn scope_summary(yes: usize, no: usize, applying: usize, total: usize) -> String {
    let questions = if yes + no == 1 { "The scope question is" } else { "All scope questions are" };
    format!("{questions} answered ({yes} Yes, {no} No): {applying} of {total} items apply.")
}

/// A scope question followed by its answer.
pub fn question_and_answer(question: &str, answer: &str) -> String {
    format!("{question} {answer}")
}

/// After a checklist's title: its version.
pub fn version_after(version: &str) -> String {
    format!(" (version {version})")
}

/// How many items a file's answers cover.
pub fn items_answered(assessed: usize, total: usize) -> String {
    format!("{assessed} of {total} items")
}

/// Answers in a file to items the checklist does not have.
pub fn unknown_answers(n: usize) -> String {
    if n == 1 {
        "1 answer belongs to items this checklist does not have. It is kept in the assessment and its exports, shown as retired.".to_owned()
    } else {
        format!("{n} answers belong to items this checklist does not have. They are kept in the assessment and its exports, shown as retired.")
    }
}

/// An assessment's progress in the list: the items answered, or of how many when it is known.
pub fn entry_progress(assessed: usize, total: usize) -> String {
    if total == 0 {
        format!("{assessed} answered")
    } else {
        assessed_of(assessed, total)
    }
}

/// "3 of 10 assessed".
pub fn assessed_of(assessed: usize, total: usize) -> String {
    format!("{assessed} of {total} assessed")
}

/// The accessible name of a control acting on one assessment of the list, by `verb`
/// ("Open", "Rename", "Duplicate", "Delete").
pub fn act_on(verb: &str, title: &str) -> String {
    format!("{verb} {title}")
}

/// The label of the field renaming an assessment.
pub fn new_name_for(title: &str) -> String {
    format!("New name for {title}")
}

/// The accessible name of Compare on one assessment of the list.
pub fn compare_with_open(title: &str) -> String {
    format!("Compare {title} with the open assessment")
}

/// What a merge will do, before any choice.
pub fn merge_intro(added: usize, differ: usize, same: usize) -> String {
    format!(
        "The file adds {}. {} answered differently: for each, your answer is kept unless you choose theirs. {} answered the same. Nothing changes until you apply the merge; your assessment as it is now is kept as a backup first, and Undo takes the merge back.",
        answers(added),
        items_are(differ),
        items_are(same)
    )
}

/// Scope answers only the file has.
pub fn scope_added(n: usize) -> String {
    format!("Scope answers only the file has are added: {n}.")
}

/// Answers to retired items a merge adds, and those where yours are kept.
pub fn retired_merged(added: usize, kept: usize) -> String {
    format!("Of the answers to items this checklist no longer has, {added} only the file has are added, and yours are kept where both differ ({kept}).")
}

/// An answer a merge leaves out, and why.
pub fn left_out(title: &str, problem: impl Display) -> String {
    format!("Left out, as this checklist refuses it: {title} ({problem}).")
}

/// What applying a merge as chosen does, and the notes of mine that taking theirs removes.
pub fn merge_outcome(added: usize, theirs: usize, both: usize, notes_removed: usize) -> String {
    let removed = match notes_removed {
        0 => String::new(),
        1 => " It removes your note on 1 item, as the file has none there.".into(),
        n => format!(" It removes your notes on {n} items, as the file has none there."),
    };
    format!(
        "Applying the merge adds {}, takes {theirs} from the file and keeps both notes for {both}.{removed}",
        answers(added)
    )
}

/// Beside an answer the file adds: its status and, when rated, its risk.
pub fn status_and(status: &str, risk: Option<&str>) -> String {
    risk.map_or_else(|| status.to_owned(), |r| format!("{status}, {r}"))
}

/// A merge's note cell when that side has no notes.
pub const NO_NOTES: &str = "(no notes)";

/// Beside an item whose notes are mine alone: what taking theirs does to them.
pub const THEIRS_REMOVES_NOTE: &str =
    "Taking theirs removes your note: the file has none for this item.";

/// The accessible name of the choice for a whole section of a merge.
pub fn section_choice(section: &str) -> String {
    format!("Choice for every difference in {section}")
}

/// The heading of the items only the file has.
pub fn only_in_file(n: usize) -> String {
    format!("Only in the file, added ({n})")
}

/// The heading of the items answered differently.
pub fn answered_differently(n: usize) -> String {
    format!("Answered differently ({n})")
}

/// The heading of the items answered the same.
pub fn same_in_both(n: usize) -> String {
    format!("The same in both ({n})")
}

/// A time, to the minute, in UTC.
pub fn utc(minute: &str) -> String {
    format!("{minute} UTC")
}

/// Storage refused the latest save.
pub fn save_refused(reason: &str) -> String {
    format!(
        "Your latest changes could not be saved: {reason}. The last saved copy is still in this browser. \
         Use Export JSON to keep your work; saving is tried again with your next change."
    )
}

/// Storage was written by a newer version of the widget.
pub fn read_only(version: impl Display) -> String {
    format!(
        "A newer version of this checklist saved the assessments in this browser (index format \
         {version}), so this version changes nothing here: it lists what it can read, and your \
         answers are not saved. Use Export JSON to keep new work."
    )
}

/// Why the assessment last open could not be opened.
pub fn not_opened(reason: &str) -> String {
    format!("The assessment last open in this browser could not be opened: {reason}. ")
}

/// Where a copy of an assessment that could not be opened is kept.
pub fn copy_kept_under(key: &str) -> String {
    format!("A copy is also kept under the storage key “{key}”. ")
}

/// An assessment deleted, until Undo.
pub fn deleted(title: &str) -> String {
    if title.trim().is_empty() {
        "An untitled assessment was deleted.".to_owned()
    } else {
        format!("“{title}” was deleted.")
    }
}

/// Where a section is and how much of it is assessed.
pub fn section_meta(position: usize, count: usize, assessed: usize, total: usize) -> String {
    format!("Section {position} of {count} · {}", assessed_of(assessed, total))
}

/// The pager's button to the section before.
pub fn previous(title: &str) -> String {
    format!("Previous: {title}")
}

/// The pager's button to the section after.
pub fn next(title: &str) -> String {
    format!("Next: {title}")
}

/// After a retired item's id: its status.
pub fn after_id(status: &str) -> String {
    format!(": {status}")
}

/// A section's worst band in the navigation.
pub fn band_risk(band: &str) -> String {
    format!("{band} risk")
}

/// How many open items of a section are not rated.
pub fn count_not_rated(n: usize) -> String {
    format!("{n} not rated")
}

/// After an overall band: what is not rated as well.
pub fn and_also(what: &str) -> String {
    format!(" and {what}")
}

/// The line at the top of the printout.
pub fn print_title(title: &str, checklist: &str, today: &str) -> String {
    format!("{title} · {checklist} · printed {today}")
}

/// How many items have a status, as in "3 achieved".
pub fn status_count(n: usize, status: &str) -> String {
    format!("{n} {}", status.to_ascii_lowercase())
}

/// Open risks by band.
pub fn open_risk_counts(high: usize, medium: usize, low: usize, unrated: usize) -> String {
    format!("{high} high, {medium} medium, {low} low, {unrated} not rated")
}

/// How many baseline items are open before go-live.
pub fn baseline_open(n: usize) -> String {
    let are = if n == 1 { "item is" } else { "items are" };
    format!("{n} baseline {are} still to do. These are the items not to go live without:")
}

/// A hint after a title: " – " and the text.
pub fn hint(text: &str) -> String {
    format!(" – {text}")
}

/// A hint of an item's status and, when rated, its risk.
pub fn status_hint(status: &str, risk: Option<&str>) -> String {
    hint(&status_and(status, risk))
}

/// A column of the heat map.
pub fn impact_heading(impact: impl Display) -> String {
    format!("Impact {impact}")
}

/// A row of the heat map.
pub fn likelihood_heading(likelihood: impl Display) -> String {
    format!("Likelihood {likelihood}")
}

/// "3 of 10".
pub fn of(part: usize, whole: usize) -> String {
    format!("{part} of {whole}")
}

/// After a scope question: its answer.
pub fn answer_after(answer: &str) -> String {
    format!(" {answer}")
}

/// An item's owner in the printout.
pub fn owner(owner: &str) -> String {
    format!("Owner: {owner}")
}

/// An item's due date in the printout.
pub fn due(due: &str) -> String {
    format!("Due: {due}")
}

/// An item's response in the printout.
pub fn response(response: &str) -> String {
    format!("Response: {response}")
}

/// An item's status and risk in the printout.
pub fn status_and_risk(status: &str, risk: &str) -> String {
    format!("Status: {status} · Risk: {risk}")
}

/// What the sign-off says while no decision is on record.
pub const NOT_SIGNED: &str = "Not signed off yet.";

/// The one line at the top of a signed assessment: "Signed off on 20 November 2026 by Jane
/// Smith (Director of Communications). Answers are read-only." The name and role are left out
/// when blank.
pub fn signed_banner(signoff: &SignOff) -> String {
    let on = signoff.decided.as_deref().map(|d| long_date(d).unwrap_or_else(|| d.to_owned()));
    let mut text = String::from("Signed off");
    if let Some(on) = on {
        text.push_str(&format!(" on {on}"));
    }
    if let Some(owner) = filled(&signoff.owner) {
        text.push_str(&format!(" by {owner}"));
        if let Some(role) = filled(&signoff.role) {
            text.push_str(&format!(" ({role})"));
        }
    }
    text + ". Answers are read-only."
}

/// A date the person typed that is not a real one: "Due date must be a real date".
pub fn must_be_real_date(label: &str) -> String {
    format!("{label} must be a real date")
}

/// Where an assessment in the list stands, in a line or two: "Draft", or "Proceed on 1
/// December 2026", then "Needs review" or when its review is due, on `today`.
pub fn entry_state(decision: Option<&Decided>, today: &str) -> (String, Option<String>) {
    let Some(d) = decision else { return ("Draft".to_owned(), None) };
    let mut first = d.decision.label().to_owned();
    if let Some(on) = d.decided.as_deref().and_then(long_date) {
        first.push_str(&format!(" on {on}"));
    }
    let second = if d.needs_review {
        Some("Needs review".to_owned())
    } else {
        ReviewState::of(d.review_date.as_deref(), today).sentence()
    };
    (first, second)
}

/// When an assessment last changed, in the person's time: "7 December 2026, 14:05".
pub fn local_when(date: &str, time: &str) -> String {
    format!("{}, {time}", long_date(date).unwrap_or_else(|| date.to_owned()))
}

/// Why the import preview offers neither Replace nor Merge: the open assessment is signed.
pub const SIGNED_IMPORT: &str = "This assessment is signed off, so the file cannot replace it or be merged into it. Open the file as a new assessment, or compare it with this one.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Decision;

    #[test]
    fn items_are_counts_one_and_many() {
        assert_eq!(items_are(1), "1 item is");
        assert_eq!(items_are(0), "0 items are");
        assert_eq!(items_are(3), "3 items are");
    }

    #[test]
    fn request_failed_gives_the_message() {
        assert!(request_failed("offline")
            .starts_with("the request failed (offline). Check the address"));
    }

    #[test]
    fn server_answered_adds_the_status_text_when_there_is_one() {
        assert_eq!(server_answered(404, ""), "the server answered HTTP 404.");
        assert_eq!(server_answered(404, "Not Found"), "the server answered HTTP 404 Not Found.");
    }

    #[test]
    fn the_scope_in_one_line() {
        assert_eq!(
            scope_summary(3, 4, 52, 60),
            "All scope questions are answered (3 Yes, 4 No): 52 of 60 items apply."
        );
        assert_eq!(
            scope_summary(0, 1, 5, 9),
            "The scope question is answered (0 Yes, 1 No): 5 of 9 items apply."
        );
    }

    #[test]
    fn body_unreadable_gives_the_message() {
        assert_eq!(body_unreadable("aborted"), "its content could not be read (aborted).");
    }

    #[test]
    fn it_has_problems_counts_one_and_many() {
        assert_eq!(it_has_problems(1), "it has 1 problem.");
        assert_eq!(it_has_problems(3), "it has 3 problems.");
    }

    #[test]
    fn has_problems_counts_one_and_many() {
        assert_eq!(has_problems(1), " has 1 problem:");
        assert_eq!(has_problems(2), " has 2 problems:");
    }

    #[test]
    fn changes_heading_names_the_version() {
        assert_eq!(changes_heading("2.0"), "What changed in the checklist since version 2.0");
    }

    #[test]
    fn changes_intro_names_both_versions() {
        assert_eq!(
            changes_intro("2.0", "2.1"),
            "This assessment was answered with version 2.0 of the checklist; this is version 2.1. Its answers are kept."
        );
    }

    #[test]
    fn version_lead_ends_with_a_colon() {
        assert_eq!(version_lead("2.1"), "Version 2.1: ");
    }

    #[test]
    fn changed_items_counts_one_and_many() {
        assert_eq!(
            changed_items(1),
            "1 item is new or changed in substance since its answers: check its answer."
        );
        assert_eq!(
            changed_items(2),
            "2 items are new or changed in substance since its answers: check their answers."
        );
    }

    #[test]
    fn kept_retired_counts_one_and_many() {
        assert!(kept_retired(1).starts_with("1 answer to items this version no longer has is kept"));
        assert!(
            kept_retired(4).starts_with("4 answers to items this version no longer has are kept")
        );
    }

    #[test]
    fn rating_side_ends_with_a_comma_or_a_full_stop() {
        assert_eq!(rating_side("before", false), " before, ");
        assert_eq!(rating_side("after", true), " after.");
    }

    #[test]
    fn decision_sentence_is_the_reports_line_ended() {
        let mut so = SignOff {
            decision: Some(Decision::Proceed),
            decided: Some("2026-11-20".into()),
            owner: "Jo Bloggs".into(),
            ..SignOff::default()
        };
        assert_eq!(decision_sentence(&so), "Decision: Proceed on 20 November 2026 by Jo Bloggs.");
        so.owner = "  ".into();
        assert_eq!(decision_sentence(&so), "Decision: Proceed on 20 November 2026.");
        so.decided = None;
        assert_eq!(decision_sentence(&so), "Decision: Proceed (date not recorded yet).");
        so.decision = None;
        assert_eq!(decision_sentence(&so), "Not signed off yet.");
    }

    #[test]
    fn progress_value_leads_with_the_percentage() {
        assert_eq!(progress_value(3, 10, 30), "30%: 3 of 10 items assessed");
    }

    #[test]
    fn scope_line_counts_open_questions() {
        assert_eq!(scope_line(5, 9, 0), "Scope: 5 of 9 items apply");
        assert_eq!(
            scope_line(5, 9, 1),
            "Scope: 5 of 9 items apply (1 scope question not answered yet)"
        );
        assert_eq!(
            scope_line(5, 9, 2),
            "Scope: 5 of 9 items apply (2 scope questions not answered yet)"
        );
    }

    #[test]
    fn question_and_answer_reads_in_order() {
        assert_eq!(question_and_answer("Public?", "Yes"), "Public? Yes");
    }

    #[test]
    fn version_after_is_in_brackets() {
        assert_eq!(version_after("2.1"), " (version 2.1)");
    }

    #[test]
    fn items_answered_counts_of_the_total() {
        assert_eq!(items_answered(3, 10), "3 of 10 items");
    }

    #[test]
    fn unknown_answers_counts_one_and_many() {
        assert!(unknown_answers(1).starts_with("1 answer belongs to items"));
        assert!(unknown_answers(1).contains(" It is kept"));
        assert!(unknown_answers(2).starts_with("2 answers belong to items"));
        assert!(unknown_answers(2).contains(" They are kept"));
    }

    #[test]
    fn entry_progress_without_a_total_counts_answers() {
        assert_eq!(entry_progress(4, 0), "4 answered");
        assert_eq!(entry_progress(4, 10), "4 of 10 assessed");
    }

    #[test]
    fn assessed_of_counts_of_the_total() {
        assert_eq!(assessed_of(0, 1), "0 of 1 assessed");
    }

    #[test]
    fn act_on_puts_the_verb_first() {
        assert_eq!(act_on("Delete", "Pilot"), "Delete Pilot");
    }

    #[test]
    fn new_name_for_names_the_assessment() {
        assert_eq!(new_name_for("Pilot"), "New name for Pilot");
    }

    #[test]
    fn compare_with_open_names_the_assessment() {
        assert_eq!(compare_with_open("Pilot"), "Compare Pilot with the open assessment");
    }

    #[test]
    fn merge_intro_counts_one_and_many() {
        let one = merge_intro(1, 1, 1);
        assert!(one.starts_with("The file adds 1 answer. 1 item is answered differently"));
        assert!(one.contains(" 1 item is answered the same."));
        let many = merge_intro(2, 0, 3);
        assert!(many.starts_with("The file adds 2 answers. 0 items are answered differently"));
        assert!(many.contains(" 3 items are answered the same."));
    }

    #[test]
    fn scope_added_counts() {
        assert_eq!(scope_added(2), "Scope answers only the file has are added: 2.");
    }

    #[test]
    fn retired_merged_gives_both_counts() {
        assert_eq!(
            retired_merged(2, 1),
            "Of the answers to items this checklist no longer has, 2 only the file has are added, and yours are kept where both differ (1)."
        );
    }

    #[test]
    fn left_out_says_why() {
        assert_eq!(
            left_out("Logins", "too long"),
            "Left out, as this checklist refuses it: Logins (too long)."
        );
    }

    #[test]
    fn merge_outcome_counts_one_and_many() {
        assert_eq!(
            merge_outcome(1, 2, 0, 0),
            "Applying the merge adds 1 answer, takes 2 from the file and keeps both notes for 0."
        );
        assert!(merge_outcome(3, 0, 0, 0).starts_with("Applying the merge adds 3 answers,"));
        assert!(merge_outcome(0, 1, 0, 1)
            .ends_with(" It removes your note on 1 item, as the file has none there."));
        assert!(merge_outcome(0, 2, 0, 2)
            .ends_with(" It removes your notes on 2 items, as the file has none there."));
        assert_eq!(status_and("Not achieved", Some("High (9)")), "Not achieved, High (9)");
        assert_eq!(status_and("Achieved", None), "Achieved");
    }

    #[test]
    fn section_choice_names_the_section() {
        assert_eq!(section_choice("Access"), "Choice for every difference in Access");
    }

    #[test]
    fn only_in_file_counts() {
        assert_eq!(only_in_file(2), "Only in the file, added (2)");
    }

    #[test]
    fn answered_differently_counts() {
        assert_eq!(answered_differently(1), "Answered differently (1)");
    }

    #[test]
    fn same_in_both_counts() {
        assert_eq!(same_in_both(0), "The same in both (0)");
    }

    #[test]
    fn utc_follows_the_time() {
        assert_eq!(utc("2026-01-02 10:30"), "2026-01-02 10:30 UTC");
    }

    #[test]
    fn save_refused_gives_the_reason() {
        assert!(save_refused("quota exceeded")
            .starts_with("Your latest changes could not be saved: quota exceeded. The last"));
    }

    #[test]
    fn read_only_names_the_index_format() {
        assert!(read_only(3).contains("(index format 3), so this version changes nothing here"));
    }

    #[test]
    fn not_opened_gives_the_reason() {
        assert_eq!(
            not_opened("bad JSON"),
            "The assessment last open in this browser could not be opened: bad JSON. "
        );
    }

    #[test]
    fn copy_kept_under_quotes_the_key() {
        assert_eq!(copy_kept_under("k1"), "A copy is also kept under the storage key “k1”. ");
    }

    #[test]
    fn deleted_names_the_title_or_says_untitled() {
        assert_eq!(deleted("Pilot"), "“Pilot” was deleted.");
        assert_eq!(deleted("  "), "An untitled assessment was deleted.");
    }

    #[test]
    fn section_meta_reads_position_then_progress() {
        assert_eq!(section_meta(2, 5, 1, 4), "Section 2 of 5 · 1 of 4 assessed");
    }

    #[test]
    fn previous_names_the_section() {
        assert_eq!(previous("Access"), "Previous: Access");
    }

    #[test]
    fn next_names_the_section() {
        assert_eq!(next("Access"), "Next: Access");
    }

    #[test]
    fn after_id_gives_the_status() {
        assert_eq!(after_id("Achieved"), ": Achieved");
    }

    #[test]
    fn band_risk_names_the_band() {
        assert_eq!(band_risk("High"), "High risk");
    }

    #[test]
    fn count_not_rated_counts() {
        assert_eq!(count_not_rated(2), "2 not rated");
    }

    #[test]
    fn and_also_adds_to_the_band() {
        assert_eq!(and_also("2 not rated"), " and 2 not rated");
    }

    #[test]
    fn print_title_joins_its_parts() {
        assert_eq!(
            print_title("Pilot", "Checklist", "2026-12-07"),
            "Pilot · Checklist · printed 2026-12-07"
        );
    }

    #[test]
    fn status_count_lowers_the_status() {
        assert_eq!(status_count(3, "Not achieved"), "3 not achieved");
    }

    #[test]
    fn open_risk_counts_by_band() {
        assert_eq!(open_risk_counts(1, 2, 3, 4), "1 high, 2 medium, 3 low, 4 not rated");
    }

    #[test]
    fn baseline_open_counts_one_and_many() {
        assert!(baseline_open(1).starts_with("1 baseline item is still to do."));
        assert!(baseline_open(2).starts_with("2 baseline items are still to do."));
    }

    #[test]
    fn hint_follows_a_dash() {
        assert_eq!(hint("Access"), " – Access");
    }

    #[test]
    fn status_hint_adds_the_risk_when_rated() {
        assert_eq!(status_hint("Partly achieved", None), " – Partly achieved");
        assert_eq!(
            status_hint("Partly achieved", Some("High (12)")),
            " – Partly achieved, High (12)"
        );
    }

    #[test]
    fn impact_heading_names_the_level() {
        assert_eq!(impact_heading(3), "Impact 3");
    }

    #[test]
    fn likelihood_heading_names_the_level() {
        assert_eq!(likelihood_heading(4), "Likelihood 4");
    }

    #[test]
    fn of_counts_of_the_total() {
        assert_eq!(of(2, 7), "2 of 7");
    }

    #[test]
    fn answer_after_follows_a_space() {
        assert_eq!(answer_after("No"), " No");
    }

    #[test]
    fn owner_is_labelled() {
        assert_eq!(owner("Jo"), "Owner: Jo");
    }

    #[test]
    fn due_is_labelled() {
        assert_eq!(due("1 January 2027"), "Due: 1 January 2027");
    }

    #[test]
    fn response_is_labelled() {
        assert_eq!(response("Tolerate"), "Response: Tolerate");
    }

    #[test]
    fn status_and_risk_reads_both() {
        assert_eq!(status_and_risk("Achieved", "Not rated"), "Status: Achieved · Risk: Not rated");
    }

    #[test]
    fn a_signed_assessment_says_once_by_whom_and_that_it_is_read_only() {
        let mut so = SignOff {
            decision: Some(Decision::Proceed),
            decided: Some("2026-11-20".into()),
            owner: "Jane Smith".into(),
            role: "Director of Communications".into(),
            ..SignOff::default()
        };
        assert_eq!(
            signed_banner(&so),
            "Signed off on 20 November 2026 by Jane Smith (Director of Communications). Answers are read-only."
        );
        so.role = " ".into();
        assert_eq!(
            signed_banner(&so),
            "Signed off on 20 November 2026 by Jane Smith. Answers are read-only."
        );
        so.owner = String::new();
        so.decided = None;
        assert_eq!(signed_banner(&so), "Signed off. Answers are read-only.");
        assert_eq!(must_be_real_date("Due date"), "Due date must be a real date");
    }

    #[test]
    fn each_row_of_the_list_says_where_its_assessment_stands() {
        let today = "2027-11-15";
        assert_eq!(entry_state(None, today), ("Draft".to_owned(), None));
        let mut d = Decided {
            decision: Decision::ProceedWithConditions,
            decided: Some("2026-12-01".into()),
            review_date: Some("2027-12-01".into()),
            needs_review: false,
        };
        let first = "Proceed with conditions on 1 December 2026".to_owned();
        let due = Some("Review due on 1 December 2027".to_owned());
        assert_eq!(entry_state(Some(&d), today), (first.clone(), due));
        let overdue = Some("Review overdue since 1 December 2027".to_owned());
        assert_eq!(entry_state(Some(&d), "2027-12-02"), (first.clone(), overdue));
        assert_eq!(entry_state(Some(&d), "2027-10-01"), (first.clone(), None));
        d.needs_review = true;
        assert_eq!(entry_state(Some(&d), today), (first, Some("Needs review".to_owned())));
        assert_eq!(local_when("2026-12-07", "09:05"), "7 December 2026, 09:05");
    }
}
