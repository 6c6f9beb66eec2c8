//! Merging a colleague's file into the open assessment: by section, what the file adds, the
//! items both answer differently (side by side, with when each last changed, and a choice for
//! each or for the whole section) and the items the same; then one step to apply it, which
//! Undo takes back.

use super::compare::value;
use super::field::button;
use super::Shown;
use crate::app::comparing::{field_value, side_of};
use crate::app::merging::{differing, Choice, Merging};
use crate::app::words;
use crate::app::Msg;
use crate::core::compare::{Field, Side};
use crate::core::definition::Section;
use crate::core::merge::{Conflict, Keep, ScopeConflict, SectionPlan};
use crate::core::words::filled;
use crate::core::{Answer, ItemId, Timestamp};
use crate::ui::context::{use_shell_of, Shell};
use crate::ui::ops::Op;
use yew::prelude::*;

/// The merge preview, shown in place of a view; the focus goes to its heading when it opens.
#[component]
pub fn MergeView(props: &Shown<Merging>) -> Html {
    let Some(shell) = use_shell_of("MergeView") else { return html! {} };
    let m = &props.of;
    let plan = &m.plan;
    let heading_id = shell.id("merge-heading");
    let count = |n: fn(&SectionPlan) -> usize| plan.sections.iter().map(n).sum::<usize>();
    let intro = words::merge_intro(
        count(|s| s.added.len()),
        plan.conflict_count(),
        count(|s| s.same.len()),
    );
    // What the sections do not show, in sentences.
    let mut more = Vec::new();
    if !plan.scope_added.is_empty() {
        more.push(words::scope_added(plan.scope_added.len()));
    }
    if !plan.retired_added.is_empty() || !plan.retired_kept.is_empty() {
        more.push(words::retired_merged(plan.retired_added.len(), plan.retired_kept.len()));
    }
    for r in &plan.refused {
        more.push(words::left_out(title_of(&shell, &r.item), &r.problem));
    }
    let outcome = m.outcome();
    html! {
        <section class="rc-merge" aria-labelledby={heading_id.clone()}>
            <@{shell.heading(1)} id={heading_id} tabindex="-1">
                {"Merge "}<bdi>{ &m.file_name }</bdi>{" into this assessment?"}
            </@>
            <p>{ intro }</p>
            if !plan.scope_conflicts.is_empty() {
                <section class="rc-merge-section">
                    { heading_of(&shell, 2, "merge-scope", "Scope answers".into()) }
                    { for plan.scope_conflicts.iter().map(|q| question(&shell, m, q)) }
                </section>
            }
            { for plan.sections.iter().filter_map(|part| {
                let section = shell.def.sections.iter().find(|s| s.id == part.section)?;
                Some(section_part(&shell, m, section, part))
            }) }
            { for more.into_iter().map(|text| html! { <p><bdi>{ text }</bdi></p> }) }
            <p><strong>{ words::merge_outcome(outcome.added, outcome.theirs, outcome.both, outcome.notes_removed) }</strong></p>
            <div class="rc-button-row">
                <button type="button" class="rc-button rc-primary" onclick={shell.on_click(|| Op::ApplyMerge)}>{"Apply the merge"}</button>
                { button("Cancel", shell.on_click_send(|| Msg::CloseMerge)) }
            </div>
        </section>
    }
}

/// A heading `below` levels under the widget's, with an id made from `id`.
fn heading_of(shell: &Shell, below: u8, id: &str, text: String) -> Html {
    html! { <@{shell.heading(below)} id={shell.id(id)}>{ text }</@> }
}

/// One section of the plan: the choice for the whole section, then what the file adds (each
/// with its status and risk, so an open risk does not come in unseen), the differences and the
/// items the same.
fn section_part(shell: &Shell, m: &Merging, section: &Section, part: &SectionPlan) -> Html {
    let id = |what: &str| format!("merge-{}{what}", section.id.as_str());
    let titles = |ids: &[ItemId]| -> Html {
        html! {
            <ul>{ for section.items.iter().filter(|i| ids.contains(&i.id)).map(|i| html! { <li><bdi>{ &i.title }</bdi></li> }) }</ul>
        }
    };
    let added = |ids: &[ItemId]| -> Html {
        let scale = &shell.def.scale;
        html! {
            <ul class="rc-merge-added">{ for section.items.iter().filter(|i| ids.contains(&i.id)).map(|i| {
                let answer = m.theirs.answer(&i.id);
                let risk = scale.risk(answer);
                let band = risk.map(|r| format!("rc-band rc-band-{}", r.band.key()));
                html! {
                    <li><bdi>{ &i.title }</bdi>{" – "}
                        <span class={band}>{ words::status_and(answer.status.label(), risk.map(|r| r.text()).as_deref()) }</span></li>
                }
            }) }</ul>
        }
    };
    let whole = |keep: Keep, label: &'static str| {
        let id = section.id.clone();
        let onclick =
            shell.on_click_send(move || Msg::Choose { choice: Choice::Section(id.clone()), keep });
        html! { <button type="button" class="rc-button" {onclick}>{ label }</button> }
    };
    html! {
        <section class="rc-merge-section" aria-labelledby={shell.id(&id(""))} key={section.id.as_str().to_owned()}>
            { heading_of(shell, 2, &id(""), section.title.clone()) }
            if !part.conflicts.is_empty() {
                <div class="rc-button-row" role="group" aria-label={words::section_choice(&section.title)}>
                    { whole(Keep::Mine, "Keep mine for the whole section") }
                    { whole(Keep::Theirs, "Take theirs for the whole section") }
                </div>
            }
            if !part.added.is_empty() {
                { heading_of(shell, 3, &id("-added"), words::only_in_file(part.added.len())) }
                { added(&part.added) }
            }
            if !part.conflicts.is_empty() {
                { heading_of(shell, 3, &id("-differ"), words::answered_differently(part.conflicts.len())) }
                { for part.conflicts.iter().map(|c| conflict(shell, m, section, c)) }
            }
            if !part.same.is_empty() {
                <details>
                    <summary>{ words::same_in_both(part.same.len()) }</summary>
                    { titles(&part.same) }
                </details>
            }
        </section>
    }
}

/// An item both answer differently: the parts that differ side by side with when each last
/// changed, and the choice.
fn conflict(shell: &Shell, m: &Merging, section: &Section, c: &Conflict) -> Html {
    let scale = &shell.def.scale;
    let (mine, theirs) = (side_of(scale, &c.mine), side_of(scale, &c.theirs));
    // Notes are what a person chooses between here, so both are shown in full, and a side
    // without notes says so.
    let cell = |field: Field, side: &Side, answer: &Answer| match field {
        Field::Notes if filled(&answer.notes).is_none() => value(words::NO_NOTES.into(), None),
        Field::Notes => value(answer.notes.clone(), None),
        field => {
            let (text, band) = field_value(scale, field, side);
            value(text, band)
        }
    };
    let mut rows: Vec<(&str, Html, Html)> = differing(scale, &c.mine, &c.theirs)
        .into_iter()
        .map(|f| (f.label(), cell(f, &mine, &c.mine), cell(f, &theirs, &c.theirs)))
        .collect();
    rows.push(("Last changed", when(&c.mine.changed), when(&c.theirs.changed)));
    let sides = if c.notes_differ() { &SIDES[..] } else { &SIDES[..2] };
    let choice = Choice::Item { section: section.id.clone(), item: c.item.clone() };
    let warning = c.theirs_removes_my_note().then_some(words::THEIRS_REMOVES_NOTE);
    group(shell, m, Group { legend: &c.title, part: c.item.as_str(), rows, choice, sides, warning })
}

/// A scope question both answer differently, and the choice between the two answers.
fn question(shell: &Shell, m: &Merging, q: &ScopeConflict) -> Html {
    let text = shell.def.question(&q.question).map_or(q.question.as_str(), |d| &d.question);
    let yes = |b: bool| Html::from(if b { "Yes" } else { "No" });
    let rows = vec![("Answer", yes(q.mine), yes(q.theirs))];
    let choice = Choice::Question(q.question.clone());
    let part = format!("scope-{}", q.question.as_str());
    group(
        shell,
        m,
        Group { legend: text, part: &part, rows, choice, sides: &SIDES[..2], warning: None },
    )
}

/// One choice to make: what it is about (an item's title, a scope question), the parts of
/// both sides that differ, and the sides it can keep. `part` makes its names unique.
struct Group<'a> {
    legend: &'a str,
    part: &'a str,
    rows: Vec<(&'a str, Html, Html)>,
    choice: Choice,
    sides: &'a [Keep],
    /// What taking theirs loses, said beside the choice.
    warning: Option<&'static str>,
}

/// One choice, as a radio group whose legend is what it is about: the two sides in a table,
/// theirs headed with the file's name, any warning, then a radio button for each side it can
/// keep, the side kept checked.
fn group(shell: &Shell, m: &Merging, g: Group) -> Html {
    let name = shell.id(&format!("merge-{}", g.part));
    let kept = m.kept(&g.choice);
    let warning_id = g.warning.map(|_| format!("{name}-warning"));
    html! {
        <fieldset class="rc-conflict" key={g.part.to_owned()}>
            <legend><bdi>{ g.legend }</bdi></legend>
            <div class="rc-scroll">
                <table class="rc-table">
                <thead><tr><td></td><th scope="col">{"Yours"}</th><th scope="col"><bdi>{ &m.their_name }</bdi></th></tr></thead>
                <tbody>
                    { for g.rows.into_iter().map(|(label, mine, theirs)| html! {
                        <tr><th scope="row">{ label }</th><td>{ mine }</td><td>{ theirs }</td></tr>
                    }) }
                </tbody>
                </table>
            </div>
            if let (Some(id), Some(text)) = (&warning_id, g.warning) {
                <p class="rc-merge-warning" id={id.clone()}><strong>{ text }</strong></p>
            }
            { for g.sides.iter().map(|&keep| {
                let (key, label) = match keep {
                    Keep::Mine => ("mine", "Keep mine"),
                    Keep::Theirs => ("theirs", "Take theirs"),
                    Keep::Both => ("both", "Keep both notes"),
                };
                let id = format!("{name}-{key}");
                let described = warning_id.clone().filter(|_| keep == Keep::Theirs);
                let onchange = {
                    let (dispatch, choice) = (shell.dispatch.clone(), g.choice.clone());
                    Callback::from(move |_: Event| {
                        dispatch.dispatch(Msg::Choose { choice: choice.clone(), keep })
                    })
                };
                html! {
                    <span class="rc-choice">
                        <input type="radio" id={id.clone()} name={name.clone()} checked={kept == keep} aria-describedby={described} {onchange} />
                        <label for={id}>{ label }</label>
                    </span>
                }
            }) }
        </fieldset>
    }
}

/// The sides a difference can keep.
const SIDES: [Keep; 3] = [Keep::Mine, Keep::Theirs, Keep::Both];

/// When an answer last changed, to the minute, or that it is not recorded.
fn when(changed: &Option<Timestamp>) -> Html {
    match changed {
        Some(t) => words::utc(&t.to_the_minute()).into(),
        None => "Not recorded".into(),
    }
}

/// An item's title, or its id when the checklist lacks it.
fn title_of<'a>(shell: &'a Shell, id: &'a ItemId) -> &'a str {
    shell.def.item(id).map_or(id.as_str(), |i| &i.title)
}
