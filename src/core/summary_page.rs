//! The Summary page as one model: what the risk owner's page shows, computed once from the
//! checklist, the assessment and today's date. The widget's Summary view, its printout and the
//! HTML report all render this model, so a figure, a list or the review line cannot differ
//! between them; [`AnswersRecord`] does the same for the record of every answer.

use super::assessment::{unknown_items, Assessment, Decision, SignOff, Status};
use super::compare::{since_review, Comparison};
use super::definition::{ChecklistDefinition, Item, ItemId, Section, SectionId};
use super::scoring::{heat_map, Band, Risk, Summary};
use super::time::Timestamp;
use super::words::{display_title, filled, level_text};

/// Everything the Summary page shows, as computed from one assessment on one day.
pub struct SummaryPage<'a> {
    pub def: &'a ChecklistDefinition,
    /// The figures and lists of [`Summary::of`]: progress, counts, sections, open risks, before
    /// go-live, for the owner's acceptance, out of scope.
    pub summary: Summary,
    pub heat_map: HeatMap,
    /// Items in scope not yet assessed, by section in checklist order.
    pub not_assessed: Vec<ItemAt<'a>>,
    /// Answers to items the checklist no longer has: kept, counted in no figure.
    pub retired: Vec<RetiredAnswer>,
    /// For a review, which assessment it reviews and what changed since.
    pub review: Option<Review>,
    /// Today's date, `YYYY-MM-DD`: when the page is printed or the report exported.
    pub today: String,
}

/// An item with its section and the section's place in the checklist, for a link to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemAt<'a> {
    pub index: usize,
    pub section: &'a Section,
    pub item: &'a Item,
}

/// The heat map: open, rated risks counted by likelihood (rows, highest first) and impact
/// (columns, lowest first), each cell with its band.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeatMap {
    /// The impact levels in words, `1 – Minor`, lowest first.
    pub impacts: Vec<String>,
    pub rows: Vec<HeatRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeatRow {
    /// The likelihood level in words, `3 – Probable`.
    pub likelihood: String,
    pub cells: Vec<HeatCell>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeatCell {
    pub likelihood: usize,
    pub impact: usize,
    pub count: usize,
    /// The band of the score likelihood x impact.
    pub band: Band,
}

/// An answer to an item the checklist no longer has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetiredAnswer {
    pub id: ItemId,
    pub status: Status,
    pub risk: Option<Risk>,
}

/// A review's part of the page: the line saying what it reviews, the conditions set then, and
/// what changed since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub line: Vec<Part>,
    /// The conditions of the decision reviewed, when any were written.
    pub conditions: Option<String>,
    pub changes: Comparison,
}

/// A piece of a sentence: the page's own words, or text from a file or a person, which a
/// renderer isolates (and the report escapes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Words(String),
    Outside(String),
}

/// An open risk as the Open risks list shows it: rated, or not rated (after the rated ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RiskRow<'s> {
    pub item: &'s ItemId,
    pub section: &'s SectionId,
    pub title: &'s str,
    pub status: Status,
    pub risk: Option<Risk>,
    pub owner: &'s str,
    pub due: Option<&'s str>,
    pub action: &'s str,
}

impl<'a> SummaryPage<'a> {
    pub fn of(def: &'a ChecklistDefinition, a: &Assessment, now: &Timestamp) -> SummaryPage<'a> {
        let not_assessed = def
            .sections
            .iter()
            .enumerate()
            .flat_map(|(index, section)| {
                section
                    .items
                    .iter()
                    .filter(move |item| def.in_scope(section, item, &a.scope))
                    .filter(|item| !a.answer(&item.id).status.is_assessed())
                    .map(move |item| ItemAt { index, section, item })
            })
            .collect();
        let retired = unknown_items(def, a)
            .into_iter()
            .map(|id| {
                let answer = a.answer(&id);
                RetiredAnswer { status: answer.status, risk: def.scale.risk(answer), id }
            })
            .collect();
        SummaryPage {
            def,
            summary: Summary::of(def, a),
            heat_map: HeatMap::of(def, a),
            not_assessed,
            retired,
            review: Review::of(def, a),
            today: now.date().to_owned(),
        }
    }

    /// The open risks, highest score first, then the open items not rated, in checklist order.
    pub fn risks(&self) -> impl Iterator<Item = RiskRow<'_>> {
        let s = &self.summary;
        let rated = s.open_risks.iter().map(|r| RiskRow {
            item: &r.item,
            section: &r.section,
            title: &r.title,
            status: r.status,
            risk: Some(Risk { score: r.score, band: r.band }),
            owner: &r.owner,
            due: r.due.as_deref(),
            action: &r.action,
        });
        let unrated = s.unrated.iter().map(|r| RiskRow {
            item: &r.item,
            section: &r.section,
            title: &r.title,
            status: r.status,
            risk: None,
            owner: &r.owner,
            due: r.due.as_deref(),
            action: &r.action,
        });
        rated.chain(unrated)
    }

    /// The place of a section in the checklist (the first for an id it lacks).
    pub fn section_index(&self, id: &SectionId) -> usize {
        self.def.sections.iter().position(|s| &s.id == id).unwrap_or(0)
    }

    /// A section's title (empty for an id the checklist lacks).
    pub fn section_title(&self, id: &SectionId) -> &'a str {
        self.def.sections.iter().find(|s| &s.id == id).map_or("", |s| s.title.as_str())
    }
}

impl HeatMap {
    pub fn of(def: &ChecklistDefinition, a: &Assessment) -> HeatMap {
        let scale = &def.scale;
        let rows = heat_map(def, a)
            .into_iter()
            .enumerate()
            .map(|(row, counts)| {
                let likelihood = scale.likelihood.len() - row;
                let cells = counts
                    .into_iter()
                    .enumerate()
                    .map(|(column, count)| {
                        let impact = column + 1;
                        let band = scale.band((likelihood * impact) as u32);
                        HeatCell { likelihood, impact, count, band }
                    })
                    .collect();
                HeatRow { likelihood: level_text(likelihood as u8, &scale.likelihood), cells }
            })
            .collect();
        let impacts =
            (1..=scale.impact.len()).map(|i| level_text(i as u8, &scale.impact)).collect();
        HeatMap { impacts, rows }
    }
}

impl Review {
    /// The review part of the page, when the assessment is a review. The line reads "This
    /// assessment reviews Pilot, decided 2026-03-04 by Jo Bloggs (Proceed)."; the owner and the
    /// decision only when a decision was recorded, and a blank owner or blank conditions are
    /// left out, never shown as spaces.
    pub fn of(def: &ChecklistDefinition, a: &Assessment) -> Option<Review> {
        let (review, changes) = (a.review_of.as_ref()?, since_review(def, a)?);
        let words = |text: &str| Part::Words(text.to_owned());
        let mut line = vec![
            words("This assessment reviews "),
            Part::Outside(display_title(&review.title).to_owned()),
        ];
        let signoff = review.previous.signoff.as_ref();
        match &review.decided {
            Some(date) => line.extend([words(", decided "), Part::Outside(date.clone())]),
            None => line.push(words(", which had no recorded decision")),
        }
        let decided = signoff.filter(|_| review.decided.is_some());
        if let Some(owner) = decided.and_then(|s| filled(&s.owner)) {
            line.extend([words(" by "), Part::Outside(owner.to_owned())]);
        }
        if let Some(decision) = decided.and_then(|s| s.decision) {
            line.push(Part::Words(format!(" ({})", decision.label())));
        }
        line.push(words("."));
        let conditions = signoff.and_then(|s| filled(&s.conditions)).map(str::to_owned);
        Some(Review { line, conditions, changes })
    }
}

/// The sign-off's warning when the decision is to proceed, without conditions, while
/// `baseline_open` baseline items in scope are not achieved: it warns and does not block.
pub fn baseline_warning(signoff: &SignOff, baseline_open: usize) -> Option<String> {
    (signoff.decision == Some(Decision::Proceed) && baseline_open > 0).then(|| {
        format!(
            "{baseline_open} baseline {} still to do (see Before go-live). These are items not to go live without: proceeding without conditions leaves them open.",
            if baseline_open == 1 { "item is" } else { "items are" }
        )
    })
}

/// Where the decision stands, in a line: "Decision: Proceed on 2026-03-04 by Jo Bloggs", the
/// owner left out when blank, as in the review line.
pub fn decision_line(signoff: &SignOff) -> String {
    match (signoff.decision, signoff.decided.as_deref()) {
        (Some(d), Some(on)) => {
            let by = filled(&signoff.owner).map(|owner| format!(" by {owner}"));
            format!("Decision: {} on {on}{}", d.label(), by.unwrap_or_default())
        }
        (Some(d), None) => format!("Decision: {} (date not recorded yet)", d.label()),
        _ => "Not signed off yet.".to_owned(),
    }
}

/// The answers of an assessment as its record lists them: by section the items in scope, then
/// the items out of scope and the retired ones, whose answers are kept but count for nothing.
/// The HTML report and the printout both list them so.
pub struct AnswersRecord<'a> {
    /// Each section with answered items in scope, and those items, in checklist order.
    pub sections: Vec<(&'a Section, Vec<&'a Item>)>,
    /// Answered items out of scope, in checklist order.
    pub out_of_scope: Vec<&'a Item>,
    /// Answers to items the checklist no longer has, by id.
    pub retired: Vec<ItemId>,
}

impl<'a> AnswersRecord<'a> {
    pub fn of(def: &'a ChecklistDefinition, a: &Assessment) -> AnswersRecord<'a> {
        let mut record = AnswersRecord {
            sections: Vec::new(),
            out_of_scope: Vec::new(),
            retired: unknown_items(def, a),
        };
        for section in &def.sections {
            let mut answered = Vec::new();
            for item in section.items.iter().filter(|i| a.answers.contains_key(&i.id)) {
                if def.in_scope(section, item, &a.scope) {
                    answered.push(item);
                } else {
                    record.out_of_scope.push(item);
                }
            }
            if !answered.is_empty() {
                record.sections.push((section, answered));
            }
        }
        record
    }
}
