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

/// The macros whose first string literal is the text they build, and whether a writer comes
/// before it (`write!(f, "..")`).
const TEXT_MACROS: [(&str, bool); 4] =
    [("format!(", false), ("write!(", true), ("writeln!(", true), ("format_args!(", false)];

/// The string literal `rest` starts with (after blanks), escapes left as written.
fn literal_at(rest: &str) -> Option<&str> {
    let rest = rest.trim_start().strip_prefix('"')?;
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(&rest[..i]),
            _ => escaped = false,
        }
    }
    None
}

/// Whether a format string builds a sentence: it has a space, unless every word of it is a
/// class name (`rc-…`), as in a class list.
fn is_sentence(literal: &str) -> bool {
    let words: Vec<&str> = literal.split_whitespace().collect();
    literal.contains(' ') && !words.iter().all(|w| w.starts_with("rc-"))
}

/// The format strings in `text` that build a sentence, with their line numbers; comments left
/// out.
fn sentences_built(text: &str) -> Vec<(usize, String)> {
    let code: String = text
        .lines()
        .map(|l| if l.trim_start().starts_with("//") { "" } else { l })
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    for (mac, writer_first) in TEXT_MACROS {
        for (at, _) in code.match_indices(mac) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // `format_args!` when looking for `args!`, and the like
            }
            let mut rest = &code[at + mac.len()..];
            if writer_first {
                rest = rest.split_once(',').map_or("", |(_, r)| r);
            }
            if let Some(literal) = literal_at(rest).filter(|l| is_sentence(l)) {
                found.push((code[..at].matches('\n').count() + 1, literal.to_owned()));
            }
        }
    }
    found
}

#[test]
fn the_sentence_scan_finds_a_sentence_built_in_a_component() {
    let found = |code: &str| sentences_built(code).len();
    assert_eq!(found(r#"{ format!("Previous: {}", def.sections[p].title) }"#), 1);
    assert_eq!(found(r#"aria-label={format!("Open {title}")}"#), 1);
    assert_eq!(found("let intro = format!(\n    \"The file adds {}.\",\n    n\n);"), 1);
    assert_eq!(found(r#"write!(f, "it has {} problem{}.", n, s)"#), 1);
    assert_eq!(found(r#"{ format!(" – {}", sec.title) }"#), 1);
    assert_eq!(found(r#"format!("He said \"hi {n}\"")"#), 1);
    assert_eq!(found(r#"class={format!("rc-band rc-band-{}", b.key())}"#), 0);
    assert_eq!(found(r#"shell.id(&format!("{}-{field}", item.id))"#), 0);
    assert_eq!(found(r#"format!("rc-nav-button{}{}", a, b)"#), 0);
    assert_eq!(found(r#"// format!("Previous: {}", title)"#), 0);
    assert_eq!(found(r#"{ words::previous(&title) }"#), 0);
}

#[test]
fn no_component_builds_a_sentence() {
    let files = rust_files(&src("ui/components"));
    assert!(files.len() >= 10, "expected the components under src/ui/components");
    let mut built = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for (line, literal) in sentences_built(&text) {
            built.push(format!("{}:{line}: \"{literal}\"", file.display()));
        }
    }
    assert!(
        built.is_empty(),
        "sentences built in a component (word them in src/app/words.rs):\n{}",
        built.join("\n")
    );
}
