//! The Summary page as one model: what the risk owner's page shows, computed once from the
//! checklist, the assessment and today's date. The widget's Summary view, its printout and the
//! HTML report all render this model, so a figure, a list or the review line cannot differ
//! between them; [`AnswersRecord`] does the same for the record of every answer.

use super::assessment::{
    unknown_items, Assessment, Decision, Response, SignOff, Status, Withdrawn,
};
use super::compare::{since_review, Comparison};
use super::decision::ReviewState;
use super::definition::{ChecklistDefinition, Item, ItemId, RiskScale, Section, SectionId};
use super::fingerprint::{shown, Signed};
use super::scoring::{heat_map, is_overdue, Band, OverallRating, Risk, Summary};
use super::time::{date_text, Timestamp};
use super::words::{display_title, filled, level_text, score_range};

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
    /// The assessment the page shows.
    pub assessment: &'a Assessment,
    /// Baseline items in scope marked not applicable, with the reason given, in checklist
    /// order: listed under Before go-live apart from those still to do.
    pub not_applicable: Vec<NotApplicable<'a>>,
    /// The open risks for the risk owner's explicit acceptance: those rated at the highest
    /// impact and those to be tolerated, in checklist order.
    pub acceptance: Vec<AcceptanceRow>,
    /// The decision on record, its fingerprint and its review, when a decision is recorded; or
    /// the decision withdrawn when the assessment was reopened.
    pub record: Record,
}

/// A baseline item marked not applicable, with the reason given in its notes (`None` when
/// blank).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotApplicable<'a> {
    pub at: ItemAt<'a>,
    pub reason: Option<String>,
}

/// An open risk the risk owner accepts explicitly when recording a decision: a link to it,
/// and why it is listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptanceRow {
    pub item: ItemId,
    /// The place of its section in the checklist, for a link to it.
    pub section: usize,
    pub section_title: String,
    pub title: String,
    pub status: Status,
    pub likelihood: Option<u8>,
    pub impact: Option<u8>,
    pub risk: Option<Risk>,
    pub response: Option<Response>,
    /// Rated at the highest impact of the scale.
    pub top_impact: bool,
    /// Its response is to tolerate the risk.
    pub tolerated: bool,
}

impl AcceptanceRow {
    /// Why the row is listed, in a few words.
    pub fn why(&self) -> &'static str {
        match (self.top_impact, self.tolerated) {
            (true, true) => "Highest impact, to be tolerated",
            (true, false) => "Highest impact",
            _ => "To be tolerated",
        }
    }
}

/// What the page says of the decision on record: its fingerprint (as people read it), whether
/// the answers still match it, when its review is due, and a decision withdrawn by reopening.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// The fingerprint recorded with the decision, `3a5e ff73 6f80`.
    pub fingerprint: Option<String>,
    /// "This assessment matches the signed version." or that it has changed since.
    pub signed: Option<&'static str>,
    /// "Review due on 15 February 2027" or "Review overdue since ...", from 30 days before.
    pub review: Option<String>,
    /// "Its decision was withdrawn on 7 December 2026.", when reopened and not decided again.
    pub withdrawn: Option<String>,
}

impl Record {
    /// The record of assessment `a` of checklist `def` on `today` (`YYYY-MM-DD`).
    pub fn of(def: &ChecklistDefinition, a: &Assessment, today: &str) -> Record {
        let signoff = a.signoff.as_ref().filter(|_| a.is_signed());
        let review =
            signoff.map_or(ReviewState::None, |s| ReviewState::of(s.review_date.as_deref(), today));
        Record {
            fingerprint: a.signoff.as_ref().and_then(|s| s.fingerprint.as_deref()).map(shown),
            signed: Signed::of(def, a).sentence(),
            review: review.sentence(),
            withdrawn: withdrawn_line(a),
        }
    }
}

/// "Its decision was withdrawn on 7 December 2026.": the latest decision withdrawn, when the
/// assessment was reopened and no decision is recorded since.
pub fn withdrawn_line(a: &Assessment) -> Option<String> {
    let last = a.withdrawn.last().filter(|_| !a.is_signed())?;
    Some(format!("Its decision was withdrawn on {}.", date_text(last.withdrawn.date())))
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
    /// The response chosen, if one is.
    pub response: Option<Response>,
    pub owner: &'s str,
    pub due: Option<&'s str>,
    /// The due date is already past.
    pub overdue: bool,
    pub action: &'s str,
}

impl<'a> SummaryPage<'a> {
    pub fn of(def: &'a ChecklistDefinition, a: &'a Assessment, now: &Timestamp) -> SummaryPage<'a> {
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
        let today = now.date().to_owned();
        let summary = Summary::of(def, a);
        SummaryPage {
            def,
            acceptance: acceptance(def, a, &summary),
            summary,
            heat_map: HeatMap::of(def, a),
            not_assessed,
            retired,
            review: Review::of(def, a),
            record: Record::of(def, a, &today),
            today,
            assessment: a,
            not_applicable: not_applicable(def, a),
        }
    }

    /// The open risks, highest score first, then the open items not rated, in checklist order.
    pub fn risks(&self) -> impl Iterator<Item = RiskRow<'_>> {
        let s = &self.summary;
        let rated = s.open_risks.iter().map(move |r| {
            let risk = Some(Risk { score: r.score, band: r.band });
            self.risk_row(&r.item, &r.section, &r.title, r.status, risk)
        });
        let unrated = s
            .unrated
            .iter()
            .map(move |r| self.risk_row(&r.item, &r.section, &r.title, r.status, None));
        rated.chain(unrated)
    }

    /// A row of the open risks: the item's response, owner, due date and action as answered.
    fn risk_row<'s>(
        &'s self,
        item: &'s ItemId,
        section: &'s SectionId,
        title: &'s str,
        status: Status,
        risk: Option<Risk>,
    ) -> RiskRow<'s> {
        let answer = self.assessment.answer(item);
        RiskRow {
            item,
            section,
            title,
            status,
            risk,
            response: answer.response,
            owner: &answer.owner,
            due: answer.due.as_deref(),
            overdue: is_overdue(answer, &self.today),
            action: &answer.action,
        }
    }

    /// Whether an item's due date is already past today.
    pub fn overdue(&self, item: &ItemId) -> bool {
        is_overdue(self.assessment.answer(item), &self.today)
    }

    /// The overall rating as a sentence.
    pub fn rating_sentence(&self) -> String {
        rating_sentence(self.summary.overall_rating(), self.summary.by_band.unrated)
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

/// Baseline items in scope marked not applicable, with their reasons, in checklist order.
fn not_applicable<'a>(def: &'a ChecklistDefinition, a: &Assessment) -> Vec<NotApplicable<'a>> {
    let mut out = Vec::new();
    for (index, section) in def.sections.iter().enumerate() {
        for item in
            section.items.iter().filter(|i| i.baseline && def.in_scope(section, i, &a.scope))
        {
            let answer = a.answer(&item.id);
            if answer.status == Status::NotApplicable {
                let reason = filled(&answer.notes).map(str::to_owned);
                out.push(NotApplicable { at: ItemAt { index, section, item }, reason });
            }
        }
    }
    out
}

/// The open risks for the owner's acceptance: those [`Summary::of`] finds at the highest
/// impact, and the open ones (rated or not) whose response is to tolerate them, once each, in
/// checklist order.
fn acceptance(def: &ChecklistDefinition, a: &Assessment, summary: &Summary) -> Vec<AcceptanceRow> {
    let top: Vec<&ItemId> = summary.needs_acceptance.iter().map(|l| &l.item).collect();
    let open: Vec<&ItemId> = summary
        .open_risks
        .iter()
        .map(|r| &r.item)
        .chain(summary.unrated.iter().map(|l| &l.item))
        .collect();
    let mut rows = Vec::new();
    for (index, section) in def.sections.iter().enumerate() {
        for item in &section.items {
            let answer = a.answer(&item.id);
            let top_impact = top.contains(&&item.id);
            let tolerated = answer.response == Some(Response::Tolerate) && open.contains(&&item.id);
            if !(top_impact || tolerated) {
                continue;
            }
            rows.push(AcceptanceRow {
                item: item.id.clone(),
                section: index,
                section_title: section.title.clone(),
                title: item.title.clone(),
                status: answer.status,
                likelihood: answer.likelihood,
                impact: answer.impact,
                risk: def.scale.risk(answer),
                response: answer.response,
                top_impact,
                tolerated,
            });
        }
    }
    rows
}

/// The overall rating as a sentence: "The overall rating is High. 4 open items are not rated
/// yet."
pub fn rating_sentence(rating: OverallRating, unrated: usize) -> String {
    let rest = match unrated {
        0 => String::new(),
        1 => " 1 open item is not rated yet.".to_owned(),
        n => format!(" {n} open items are not rated yet."),
    };
    match rating {
        OverallRating::Band(band) => format!("The overall rating is {}.{rest}", band.label()),
        OverallRating::NotRated { open: 1 } => {
            "There is no overall rating yet: 1 open item is not rated.".to_owned()
        }
        OverallRating::NotRated { open } => {
            format!("There is no overall rating yet: {open} open items are not rated.")
        }
        OverallRating::NoOpenRisks => "There are no open risks.".to_owned(),
    }
}

/// Which scores make each band on this scale, lowest band first: `(Low, "scores 1 to 2")`.
pub fn band_key(scale: &RiskScale) -> Vec<(Band, String)> {
    let top = (scale.likelihood.len() * scale.impact.len()) as u32;
    let (low, medium) = (scale.bands.low_max, scale.bands.medium_max);
    vec![
        (Band::Low, score_range(1, low)),
        (Band::Medium, score_range(low + 1, medium)),
        (Band::High, score_range(medium + 1, top)),
    ]
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
    /// assessment reviews Pilot, decided 4 March 2026 by Jo Bloggs (Proceed)."; the owner and the
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
            Some(date) => line.extend([words(", decided "), Part::Words(date_text(date))]),
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

/// Where the decision stands, in a line: "Decision: Proceed on 4 March 2026 by Jo Bloggs", the
/// owner left out when blank, as in the review line.
pub fn decision_line(signoff: &SignOff) -> String {
    match (signoff.decision, signoff.decided.as_deref()) {
        (Some(d), Some(on)) => {
            let by = filled(&signoff.owner).map(|owner| format!(" by {owner}"));
            format!("Decision: {} on {}{}", d.label(), date_text(on), by.unwrap_or_default())
        }
        (Some(d), None) => format!("Decision: {} (date not recorded yet)", d.label()),
        _ => "Not signed off yet.".to_owned(),
    }
}

/// A decision withdrawn, as its record lists it: "Decision: Proceed on 4 March 2026 by Jo
/// Bloggs; withdrawn on 7 December 2026".
pub fn withdrawn_decision(w: &Withdrawn) -> String {
    format!("{}; withdrawn on {}", decision_line(&w.signoff), date_text(w.withdrawn.date()))
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
