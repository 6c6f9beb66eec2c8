//! The current time, read from the browser and handed to the core, new assessment ids, and
//! user-timing measures of the longer steps (a save, a comparison, a merge), which the
//! benchmark reads.

use crate::core::library::AssessmentId;
use crate::core::Timestamp;

/// Now, as a UTC timestamp. `Date.toISOString` has the form the core accepts for years
/// 0 to 9999; a clock outside that gives the epoch rather than a panic.
pub fn now() -> Timestamp {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    Timestamp::parse(&iso).unwrap_or_else(Timestamp::epoch)
}

/// Today in the person's own time zone, `YYYY-MM-DD`: the date of a decision recorded now,
/// and the day a review is due against.
pub fn today() -> String {
    local_date(&js_sys::Date::new_0())
}

/// A UTC timestamp in the person's own time zone: its date, `YYYY-MM-DD`, and time, `HH:MM`.
pub fn local(t: &Timestamp) -> (String, String) {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(t.as_str()));
    if d.get_time().is_nan() {
        return (t.date().to_owned(), t.to_the_minute()[11..].to_owned());
    }
    (local_date(&d), format!("{:02}:{:02}", d.get_hours(), d.get_minutes()))
}

fn local_date(d: &js_sys::Date) -> String {
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// A new id from the clock and a random number.
pub fn new_id() -> AssessmentId {
    AssessmentId::generate(
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 2f64.powi(40)) as u64,
    )
}

/// Marks the start of the step that [`measure`] with the same name ends.
pub fn start(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(&format!("{name}-start"));
    }
}

/// Records the time since [`start`] as the measure `name`, replacing the last one, so that
/// the browser keeps one entry however often it runs (an observer still sees each).
pub fn measure(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let start = format!("{name}-start");
        perf.clear_measures_with_measure_name(name);
        let _ = perf.measure_with_start_mark(name, &start);
        perf.clear_marks_with_mark_name(&start);
    }
}
