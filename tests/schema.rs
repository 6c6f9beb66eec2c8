//! The committed JSON Schemas in schemas/ must match the Rust types they describe.
//! After changing a type, regenerate them with
//! `UPDATE_SCHEMAS=1 cargo test --features schema --test schema`.
#![cfg(feature = "schema")]

use risk_checklist::core::default_checklist::DEFAULT_CHECKLIST_JSON;
use risk_checklist::core::{ChecklistDefinition, Document};
use serde_json::Value;
use std::path::Path;

fn check(file: &str, schema: schemars::Schema) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas").join(file);
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schemas/{file} is out of date: run UPDATE_SCHEMAS=1 cargo test --features schema --test schema"
    );
}

#[test]
fn the_export_schema_matches_the_types() {
    check("assessment-export.schema.json", schemars::schema_for!(Document));
}

#[test]
fn the_definition_schema_matches_the_types() {
    check("checklist-definition.schema.json", schemars::schema_for!(ChecklistDefinition));
}

fn committed(file: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas").join(file);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Whether a JSON value is of a JSON Schema type.
fn is_type(value: &Value, name: &str) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        _ => false,
    }
}

/// What `value` at path `at` breaks in `schema`, a part of the schema `root`. It reads the
/// keywords the generated schemas use and reports any other, so that none is passed over.
fn problems(root: &Value, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    let Some(rules) = schema.as_object() else {
        if schema == &Value::Bool(false) {
            out.push(format!("{at}: not allowed"));
        }
        return;
    };
    let declared = |name: &str| rules.get("properties").is_some_and(|p| p.get(name).is_some());
    for (keyword, rule) in rules {
        match keyword.as_str() {
            "$schema" | "title" | "description" | "default" | "format" | "$defs" => {}
            "$ref" => {
                let name = rule.as_str().and_then(|r| r.strip_prefix("#/$defs/")).unwrap();
                problems(root, &root["$defs"][name], value, at, out);
            }
            "type" => {
                let names: Vec<&str> = match rule {
                    Value::Array(names) => names.iter().filter_map(Value::as_str).collect(),
                    other => other.as_str().into_iter().collect(),
                };
                if !names.iter().any(|name| is_type(value, name)) {
                    out.push(format!("{at}: not of type {}", names.join(" or ")));
                }
            }
            "enum" if !rule.as_array().unwrap().contains(value) => {
                out.push(format!("{at}: {value} is not one of {rule}"));
            }
            "enum" => {}
            "minimum" if value.as_f64().is_some_and(|n| n < rule.as_f64().unwrap()) => {
                out.push(format!("{at}: {value} is below {rule}"));
            }
            "maximum" if value.as_f64().is_some_and(|n| n > rule.as_f64().unwrap()) => {
                out.push(format!("{at}: {value} is above {rule}"));
            }
            "minimum" | "maximum" => {}
            "required" => {
                for name in rule.as_array().unwrap().iter().filter_map(Value::as_str) {
                    if value.is_object() && value.get(name).is_none() {
                        out.push(format!("{at}.{name}: missing"));
                    }
                }
            }
            "properties" => {
                for (name, part) in rule.as_object().unwrap() {
                    if let Some(field) = value.get(name) {
                        problems(root, part, field, &format!("{at}.{name}"), out);
                    }
                }
            }
            "additionalProperties" => {
                let extra = value.as_object().into_iter().flatten().filter(|(k, _)| !declared(k));
                for (name, field) in extra {
                    problems(root, rule, field, &format!("{at}.{name}"), out);
                }
            }
            "items" => {
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    problems(root, rule, item, &format!("{at}[{i}]"), out);
                }
            }
            "anyOf" => {
                let fits = |part: &Value| {
                    let mut found = Vec::new();
                    problems(root, part, value, at, &mut found);
                    found.is_empty()
                };
                if !rule.as_array().unwrap().iter().any(fits) {
                    out.push(format!("{at}: fits none of {rule}"));
                }
            }
            other => {
                out.push(format!("{at}: the schema uses `{other}`, which this test does not read"))
            }
        }
    }
}

fn problems_of(schema: &Value, value: &Value) -> Vec<String> {
    let mut found = Vec::new();
    problems(schema, schema, value, "$", &mut found);
    found
}

const FIXTURE: &str = include_str!("fixtures/assessment-mixed.json");

#[test]
fn the_shipped_checklist_and_real_exports_are_valid_against_the_committed_schemas() {
    let definition: Value = serde_json::from_str(DEFAULT_CHECKLIST_JSON).unwrap();
    let found = problems_of(&committed("checklist-definition.schema.json"), &definition);
    assert!(found.is_empty(), "the shipped checklist: {found:?}");

    let export = committed("assessment-export.schema.json");
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let found = problems_of(&export, &fixture);
    assert!(found.is_empty(), "the fixture as committed: {found:?}");
    // Written again by this app, with the summary it computes and every field it fills in.
    let rewritten: Value =
        serde_json::from_str(&Document::from_json(FIXTURE).unwrap().to_json()).unwrap();
    assert!(rewritten["assessment"]["signoff"].is_object() && rewritten["summary"].is_object());
    let found = problems_of(&export, &rewritten);
    assert!(found.is_empty(), "the fixture written again: {found:?}");
    // A review of it, which carries a copy of the fixture's answers, scope and sign-off.
    let doc = Document::from_json(FIXTURE).unwrap();
    let at = risk_checklist::core::Timestamp::parse("2027-01-10T09:00:00Z").unwrap();
    let review = doc.assessment.start_review("a-mi3k2x1-4fz0qa", at.clone());
    let review: Value =
        serde_json::from_str(&Document::new(&doc.definition, &review, at).to_json()).unwrap();
    assert!(review["assessment"]["review_of"]["previous"]["signoff"].is_object());
    let found = problems_of(&export, &review);
    assert!(found.is_empty(), "a review of the fixture: {found:?}");
}

/// A change to a file, given the id of an item it answers.
type Edit = fn(&mut Value, &str);

#[test]
fn a_file_the_schema_refuses_the_reader_refuses_too() {
    let export = committed("assessment-export.schema.json");
    let item = Document::from_json(FIXTURE).unwrap().definition.sections[0].items[0].id.clone();
    let cases: [(&str, Edit); 5] = [
        ("$.format_version: missing", |v, _| {
            v.as_object_mut().unwrap().remove("format_version");
        }),
        ("$.colour: not allowed", |v, _| v["colour"] = "red".into()),
        ("$.format_version: -1 is below 0", |v, _| v["format_version"] = (-1).into()),
        ("$.definition.sections: not of type array", |v, _| {
            v["definition"]["sections"] = "x".into()
        }),
        ("status: \"done\" is not one of", |v, item| {
            v["assessment"]["answers"][item] = serde_json::json!({ "status": "done" });
        }),
    ];
    for (expected, edit) in cases {
        let mut value: Value = serde_json::from_str(FIXTURE).unwrap();
        edit(&mut value, item.as_str());
        let found = problems_of(&export, &value);
        assert!(found.iter().any(|p| p.contains(expected)), "{expected}: found {found:?}");
        assert!(Document::from_json(&value.to_string()).is_err(), "{expected}: the reader took it");
    }
}
