//! The current time, read from the browser and handed to the core.

use crate::core::Timestamp;

/// Now, as a UTC timestamp. `Date.toISOString` has the form the core accepts for years
/// 0 to 9999; a clock outside that gives the epoch rather than a panic.
pub fn now() -> Timestamp {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    Timestamp::parse(&iso).unwrap_or_else(Timestamp::epoch)
}
