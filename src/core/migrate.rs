//! Upgrades of documents written by older versions, one format version at a time.
//!
//! Each step is a pure function on the JSON value, from version `n` to `n + 1`, so an old file
//! passes through every step in order and each step is tested on its own fixture (a file of
//! that version under `tests/fixtures/formats/`). docs/FORMAT.md lists what each step does.
//! The same steps upgrade an exported file and a stored record: both keep the assessment
//! under `assessment`.

use super::json::without_position;
use serde::de::{
    Deserialize, DeserializeSeed, Deserializer, Error, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;

/// One upgrade step: changes a document of version `n` into one of version `n + 1`.
pub type Step = fn(&mut serde_json::Value) -> Result<(), String>;

/// `STEPS[i]` upgrades format version `i + 1` to `i + 2`.
pub const STEPS: &[Step] = &[answers_changed_when_updated];

/// 1 to 2: each answer gains `changed`, when it last changed. Version 1 did not record it, so
/// the best time known is the assessment's `updated`, when anything in it last changed.
/// Version 2 also adds `scope`, which version 1 files simply lack. A part not of the expected
/// shape is left as it is, for reading to refuse with its own message.
pub fn answers_changed_when_updated(doc: &mut Value) -> Result<(), String> {
    let Some(assessment) = doc.get_mut("assessment").and_then(Value::as_object_mut) else {
        return Ok(());
    };
    let Some(updated) = assessment.get("updated").cloned() else {
        return Ok(());
    };
    if let Some(answers) = assessment.get_mut("answers").and_then(Value::as_object_mut) {
        for answer in answers.values_mut().filter_map(Value::as_object_mut) {
            answer.entry("changed").or_insert_with(|| updated.clone());
        }
    }
    Ok(())
}

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
    let Strict(mut value) = serde_json::from_str(text).map_err(|e| UpgradeError::Syntax {
        message: without_position(&e),
        line: e.line(),
        column: e.column(),
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

/// A JSON value read like [`Value`], but refusing an object key given twice. JSON allows it,
/// and a plain value keeps the last one without a word, where reading the current format
/// refuses it: an answer given twice in an old file would otherwise lose one of the two. The
/// summary of an export is read past, as reading the current format reads past it, so a file
/// is not refused for what is there.
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        StrictSeed { parent: None, top: true }.deserialize(d).map(Strict)
    }
}

/// Reads one value of a [`Strict`] document, knowing the key it sits under.
struct StrictSeed<'k> {
    parent: Option<&'k str>,
    top: bool,
}

impl<'de> DeserializeSeed<'de> for StrictSeed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictSeed<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(StrictSeed { parent: None, top: false })? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if self.top && key == "summary" {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            if out.contains_key(&key) {
                return Err(A::Error::custom(given_twice(self.parent, &key)));
            }
            let value = map.next_value_seed(StrictSeed { parent: Some(&key), top: false })?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

/// The message for a key given twice, worded as reading the current format words it.
fn given_twice(parent: Option<&str>, key: &str) -> String {
    let key: String = key.chars().take(60).collect();
    match parent {
        Some("answers") => format!("the answer to \"{key}\" is given twice"),
        Some("scope") => format!("the scope answer to \"{key}\" is given twice"),
        _ => format!("\"{key}\" is given twice in the same object"),
    }
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

    /// Runs the real steps on `input` from version `from` and compares with `expected`.
    fn check_real(input: serde_json::Value, from: u32, expected: serde_json::Value) {
        let got = upgrade(&input.to_string(), from)
            .map(|t| serde_json::from_str::<serde_json::Value>(&t).unwrap());
        assert_eq!(got, Ok(expected), "{input} from {from}");
    }

    #[test]
    fn version_1_answers_changed_when_the_assessment_was_last_updated() {
        let updated = "2026-02-04T10:30:00Z";
        for format in ["risk-checklist/assessment", "risk-checklist/stored-assessment"] {
            check_real(
                json!({ "format": format, "format_version": 1, "assessment": {
                    "updated": updated,
                    "answers": { "a": { "status": "achieved" }, "b": {} }
                } }),
                1,
                json!({ "format": format, "format_version": 2, "assessment": {
                    "updated": updated,
                    "answers": { "a": { "status": "achieved", "changed": updated }, "b": { "changed": updated } }
                } }),
            );
        }
        // Parts of another shape are left for reading to refuse.
        for odd in [
            json!({ "format_version": 1 }),
            json!({ "format_version": 1, "assessment": [] }),
            json!({ "format_version": 1, "assessment": { "answers": { "a": {} } } }),
            json!({ "format_version": 1, "assessment": { "updated": "x", "answers": [1] } }),
            json!({ "format_version": 1, "assessment": { "updated": "x", "answers": { "a": 7 } } }),
        ] {
            let mut expected = odd.clone();
            expected["format_version"] = 2.into();
            check_real(odd, 1, expected);
        }
    }

    /// Upgrades `text` from version 1 and returns the message of the syntax error, on line 2.
    fn refused(text: &str) -> String {
        match upgrade(text, 1) {
            Err(UpgradeError::Syntax { message, line: 2, .. }) => message,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_key_given_twice_in_an_old_file_is_refused_with_its_position() {
        let cases = [
            (r#"{"answers": {"a": {}, "a": {}}}"#, "the answer to \"a\" is given twice"),
            (r#"{"scope": {"q": true, "q": false}}"#, "the scope answer to \"q\" is given twice"),
            (r#"{"title": "x", "title": "y"}"#, "\"title\" is given twice in the same object"),
        ];
        for (assessment, message) in cases {
            let text = format!("{{\"format_version\": 1,\n \"assessment\": {assessment}}}");
            assert_eq!(refused(&text), message);
        }
    }

    #[test]
    fn the_summary_of_an_old_file_is_read_past() {
        let deep = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
        let text =
            format!("{{\"format_version\": 1, \"summary\": {deep}, \"x\": {{\"summary\": 1}}}}");
        let got = upgrade(&text, 1).map(|t| serde_json::from_str::<serde_json::Value>(&t).unwrap());
        assert_eq!(got, Ok(json!({ "format_version": 2, "x": { "summary": 1 } })));
        let deep_elsewhere = format!("{{\"format_version\": 1,\n \"notes\": {deep}}}");
        assert!(refused(&deep_elsewhere).contains("recursion limit"));
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
        let text = "{\"format_version\": 2,   \"x\": 1}";
        assert!(matches!(upgrade(text, FORMAT_VERSION), Ok(Cow::Borrowed(t)) if t == text));
    }
}
