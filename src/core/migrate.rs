//! Upgrades of documents written by older versions, one format version at a time.
//!
//! Each step is a pure function on the JSON value, from version `n` to `n + 1`, so an old file
//! passes through every step in order and each step is tested on its own fixture. Format
//! version 1 is the first, so there is no step yet: the first change to the format adds
//! `STEPS[0]` (1 to 2) with a fixture of a version 1 file under `tests/fixtures/formats/`.

use super::json::without_position;
use std::borrow::Cow;
use std::fmt;

/// One upgrade step: changes a document of version `n` into one of version `n + 1`.
pub type Step = fn(&mut serde_json::Value) -> Result<(), String>;

/// `STEPS[i]` upgrades format version `i + 1` to `i + 2`.
pub const STEPS: &[Step] = &[];

/// The newest format version this app reads and the one it writes. It follows from the steps,
/// so adding a step cannot leave the version behind.
pub const FORMAT_VERSION: u32 = STEPS.len() as u32 + 1;

/// Why a document could not be upgraded. The document reader turns each into its own error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UpgradeError {
    /// The text is not JSON; with the position where reading stopped.
    Syntax { message: String, line: usize, column: usize },
    /// The version is 0 or newer than the steps reach.
    UnknownVersion { found: u32 },
    /// The step from format version `from` failed.
    Step { from: u32, problem: String },
}

impl fmt::Display for UpgradeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UpgradeError::Syntax { message, line, column } => {
                write!(f, "line {line}, column {column}: {message}")
            }
            UpgradeError::UnknownVersion { found } => {
                write!(f, "format version {found} cannot be upgraded")
            }
            UpgradeError::Step { from, problem } => {
                write!(f, "the upgrade from format version {from} failed: {problem}")
            }
        }
    }
}

impl std::error::Error for UpgradeError {}

/// Brings a document of format version `from` up to this app's version. The text is returned
/// unchanged when it is current; a step that fails leaves nothing changed and says why.
pub fn upgrade(text: &str, from: u32) -> Result<Cow<'_, str>, UpgradeError> {
    upgrade_with(STEPS, text, from)
}

/// [`upgrade`] with the steps given, so the mechanism is tested before any real step exists.
pub fn upgrade_with<'a>(
    steps: &[Step],
    text: &'a str,
    from: u32,
) -> Result<Cow<'a, str>, UpgradeError> {
    let current = steps.len() as u32 + 1;
    if from == current {
        return Ok(Cow::Borrowed(text));
    }
    if from == 0 || from > current {
        return Err(UpgradeError::UnknownVersion { found: from });
    }
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        UpgradeError::Syntax { message: without_position(&e), line: e.line(), column: e.column() }
    })?;
    for (n, step) in steps.iter().enumerate().skip(from as usize - 1) {
        let failed = |problem: String| UpgradeError::Step { from: n as u32 + 1, problem };
        step(&mut value).map_err(failed)?;
        // Indexing a value that is not an object would panic; a header check lets arrays through.
        let object = value
            .as_object_mut()
            .ok_or_else(|| failed("the document is not a JSON object".to_owned()))?;
        object.insert("format_version".to_owned(), serde_json::Value::from(n as u32 + 2));
    }
    Ok(Cow::Owned(value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A made-up history: version 1 named the field `colour`, version 2 `color`, version 3
    /// moved it under `style`.
    fn rename(v: &mut serde_json::Value) -> Result<(), String> {
        let c = v.as_object_mut().ok_or("not an object")?.remove("colour").ok_or("no colour")?;
        v["color"] = c;
        Ok(())
    }
    fn nest(v: &mut serde_json::Value) -> Result<(), String> {
        let c = v.as_object_mut().ok_or("not an object")?.remove("color").ok_or("no color")?;
        v["style"] = json!({ "color": c });
        Ok(())
    }

    fn check(text: &str, from: u32, expected: Result<serde_json::Value, UpgradeError>) {
        let got = upgrade_with(&[rename, nest], text, from)
            .map(|t| serde_json::from_str::<serde_json::Value>(&t).unwrap());
        assert_eq!(got, expected, "{text} from {from}");
    }

    #[test]
    fn each_step_runs_in_order_from_the_version_found() {
        check(
            r#"{"format_version":1,"colour":"red"}"#,
            1,
            Ok(json!({"format_version":3,"style":{"color":"red"}})),
        );
        check(
            r#"{"format_version":2,"color":"red"}"#,
            2,
            Ok(json!({"format_version":3,"style":{"color":"red"}})),
        );
        check(
            r#"{"format_version":3,"style":{"color":"red"}}"#,
            3,
            Ok(json!({"format_version":3,"style":{"color":"red"}})),
        );
    }

    #[test]
    fn a_failing_step_says_which_and_why() {
        check(
            r#"{"format_version":1}"#,
            1,
            Err(UpgradeError::Step { from: 1, problem: "no colour".into() }),
        );
        check(r#"{"format_version":0}"#, 0, Err(UpgradeError::UnknownVersion { found: 0 }));
    }

    #[test]
    fn a_document_that_is_not_an_object_is_refused_not_a_panic() {
        fn keep(_: &mut serde_json::Value) -> Result<(), String> {
            Ok(())
        }
        let got = upgrade_with(&[keep], r#"["risk-checklist/assessment",1]"#, 1);
        assert_eq!(
            got,
            Err(UpgradeError::Step {
                from: 1,
                problem: "the document is not a JSON object".into()
            })
        );
    }

    #[test]
    fn the_current_version_passes_through_untouched() {
        let text = "{\"format_version\": 1,   \"x\": 1}";
        assert!(matches!(upgrade(text, FORMAT_VERSION), Ok(Cow::Borrowed(t)) if t == text));
    }
}
