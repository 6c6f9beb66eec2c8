//! Tidy tests: the boundaries docs/ARCHITECTURE.md states, checked on the source text.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

fn src(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(rel)
}

/// Words of Rust code, comments and strings left out.
fn code_words(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .flat_map(|l| {
            l.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Fails if a file under `src/<dir>` names a browser crate.
fn assert_pure(dir: &str, min_files: usize) {
    let banned = ["yew", "web_sys", "gloo", "gloo_timers", "gloo_events", "wasm_bindgen", "js_sys"];
    let files = rust_files(&src(dir));
    assert!(files.len() >= min_files, "expected the modules under src/{dir}");
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for word in code_words(&text) {
            assert!(
                !banned.contains(&word.as_str()),
                "{} uses `{word}`: src/{dir} must stay pure Rust",
                file.display()
            );
        }
    }
}

#[test]
fn the_core_knows_nothing_of_the_browser() {
    assert_pure("core", 5);
}

#[test]
fn the_shell_logic_knows_nothing_of_the_browser() {
    assert_pure("app", 5);
}

#[test]
fn the_shell_logic_is_compiled_natively() {
    // Gated to wasm32, it would not be tested by `cargo test`.
    let lib = fs::read_to_string(src("lib.rs")).unwrap();
    let gated = lib.lines().zip(lib.lines().skip(1)).any(|(before, line)| {
        line.trim() == "pub mod app;" && before.trim_start().starts_with("#[cfg")
    });
    assert!(lib.contains("pub mod app;") && !gated, "src/lib.rs declares `pub mod app;` ungated");
}

#[test]
fn only_the_storage_module_touches_local_storage() {
    let storage = src("ui/storage.rs");
    for file in rust_files(&src("")) {
        if file == storage {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        for word in code_words(&text) {
            assert!(
                !matches!(
                    word.as_str(),
                    "local_storage"
                        | "session_storage"
                        | "localStorage"
                        | "get_item"
                        | "set_item"
                        | "remove_item"
                ),
                "{} uses `{word}`: only src/ui/storage.rs may touch browser storage; the rest \
                 reaches it through the port in src/app/port.rs",
                file.display()
            );
        }
    }
}

#[test]
fn nothing_panics_on_outside_data_in_the_app_code() {
    // unwrap/expect are allowed in tests only; app code handles every failure.
    for file in rust_files(&src("")) {
        let text = fs::read_to_string(&file).unwrap();
        // A file of tests only (`#![cfg(test)]`) has no app code.
        let tests_only = text.lines().any(|l| l.trim() == "#![cfg(test)]");
        let app_code =
            if tests_only { "" } else { text.split("#[cfg(test)]").next().unwrap_or("") };
        for (n, line) in app_code.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            assert!(
                !code.contains(".unwrap()") && !code.contains(".expect("),
                "{}:{}: unwrap/expect in app code",
                file.display(),
                n + 1
            );
        }
    }
}

/// The core's modules, lowest first. A module may use only the modules before it, so the core
/// has no cycles; docs/ARCHITECTURE.md shows the same order.
const CORE_LAYERS: [&str; 18] = [
    "words",
    "time",
    "json",
    "definition",
    "default_checklist",
    "assessment",
    "calendar",
    "changes",
    "scoring",
    "fingerprint",
    "decision",
    "compare",
    "merge",
    "migrate",
    "document",
    "library",
    "summary_page",
    "report",
];

/// The core modules a file's code names, with the line and the reference: `super::x`,
/// `crate::core::x` and each `x` in `super::{x::.., y}`. Comments are left out; names that are
/// not core modules (`super::*`, `super::Thing`) are ignored.
fn core_imports(text: &str) -> Vec<(usize, String, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for prefix in ["crate::core::", "super::"] {
            let mut rest = code;
            while let Some(at) = rest.find(prefix) {
                let after = &rest[at + prefix.len()..];
                // In `super::super::x` the first name found is `super`, not a module, and the
                // search goes on to find `x`.
                let names: Vec<&str> = match after.strip_prefix('{') {
                    Some(group) => group
                        .split(['}', ';'])
                        .next()
                        .unwrap_or("")
                        .split(',')
                        .map(|part| part.trim().split("::").next().unwrap_or(""))
                        .collect(),
                    None => vec![after.split("::").next().unwrap_or("")],
                };
                for name in names {
                    let name: String =
                        name.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    if CORE_LAYERS.contains(&name.as_str()) {
                        found.push((n + 1, name, code.trim().to_owned()));
                    }
                }
                rest = after;
            }
        }
    }
    found
}

#[test]
fn the_import_reader_finds_each_way_of_naming_a_module() {
    let check = |code: &str, expected: &[&str]| {
        let names: Vec<String> = core_imports(code).into_iter().map(|(_, m, _)| m).collect();
        assert_eq!(names, expected, "{code}");
    };
    check("use super::definition::{ChecklistDefinition, ItemId};", &["definition"]);
    check("use crate::core::scoring::heat_map;", &["scoring"]);
    check("let m = super::json::without_position(&e);", &["json"]);
    check("use super::{document::Document, time};", &["document", "time"]);
    check("use super::*; use super::Timestamp;", &[]);
    check("// use super::report::csv_report;", &[]);
}

#[test]
fn each_core_module_uses_only_the_modules_below_it() {
    let mut files: Vec<String> = rust_files(&src("core"))
        .iter()
        .filter_map(|p| p.file_stem()?.to_str().map(str::to_owned))
        .filter(|name| name != "mod")
        .collect();
    files.sort();
    let mut listed = CORE_LAYERS.map(str::to_owned).to_vec();
    listed.sort();
    assert_eq!(files, listed, "every file in src/core has its place in CORE_LAYERS");

    let mut upward = Vec::new();
    for (level, module) in CORE_LAYERS.iter().enumerate() {
        let file = src("core").join(format!("{module}.rs"));
        let text = fs::read_to_string(&file).unwrap();
        for (line, used, code) in core_imports(&text) {
            let used_level = CORE_LAYERS.iter().position(|m| *m == used).unwrap();
            if used_level > level {
                upward.push(format!("src/core/{module}.rs:{line} uses `{used}`: `{code}`"));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "a core module uses one above it (the layers, lowest first: {}):\n{}",
        CORE_LAYERS.join(" < "),
        upward.join("\n")
    );
}

/// What a component must not do itself, as found in its code: word a rating level (`3 –
/// Probable`), a risk from its band and score, a missing rating or blank text, or clip a
/// timestamp into a date. `core::words`, `Risk::text` and `Timestamp` do each once.
const FORMATTED_IN_A_COMPONENT: [(&str, &str); 7] = [
    ("} – {", "a rating level with its label: use words::level_text"),
    (".score", "a risk's score: use Risk::text or words::item_risk"),
    ("\"Not rated\"", "a missing rating: use words::NOT_RATED"),
    ("\"Not set\"", "blank text: use words::or_not_set"),
    ("[..10]", "a date clipped by hand: use Timestamp::date"),
    ("get(..", "a timestamp clipped by hand: use Timestamp::date or to_the_minute"),
    ("replace('T'", "a timestamp reworded by hand: use Timestamp::to_the_minute"),
];

/// The lines of `text` that format one of [`FORMATTED_IN_A_COMPONENT`] themselves, comments
/// left out, with the line number and what to use instead.
fn formatting_by_hand(text: &str) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for (pattern, instead) in FORMATTED_IN_A_COMPONENT {
            if code.contains(pattern) {
                found.push((n + 1, instead));
            }
        }
    }
    found
}

#[test]
fn the_formatting_scan_finds_what_the_components_used_to_do_by_hand() {
    let found = |code: &str| formatting_by_hand(code).len();
    assert_eq!(found(r#"format!("{n} – {label}")"#), 1);
    assert_eq!(found(r#"format!("Likelihood {level} – {label}")"#), 1);
    assert_eq!(found(r#"format!("{} ({})", r.band.label(), r.score)"#), 1);
    assert_eq!(found(r#"<option value="">{"Not rated"}</option>"#), 1);
    assert_eq!(found(r#"if text.is_empty() { "Not set".into() }"#), 1);
    assert_eq!(found(r#"t.as_str().get(..16).unwrap_or(t.as_str()).replace('T', " ")"#), 2);
    assert_eq!(found(r#"&self.0[..10]"#), 1);
    assert_eq!(found(r#"{ format!(" – {}", sec.title) } // {n} – {label}, r.score"#), 0);
    assert_eq!(found(r#"{ level_text(n, labels) }{ risk.text() }{ NOT_RATED }"#), 0);
}

#[test]
fn no_component_formats_a_level_a_risk_or_a_date_itself() {
    let files = rust_files(&src("ui/components"));
    assert!(files.len() >= 10, "expected the components under src/ui/components");
    let mut by_hand = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for (line, instead) in formatting_by_hand(&text) {
            by_hand.push(format!("{}:{line}: {instead}", file.display()));
        }
    }
    assert!(by_hand.is_empty(), "formatted in a component:\n{}", by_hand.join("\n"));
}
