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

#[test]
fn the_core_knows_nothing_of_the_browser() {
    let banned = ["yew", "web_sys", "gloo", "gloo_timers", "gloo_events", "wasm_bindgen", "js_sys"];
    let files = rust_files(&src("core"));
    assert!(files.len() >= 5, "expected the core modules under src/core");
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for word in code_words(&text) {
            assert!(
                !banned.contains(&word.as_str()),
                "{} uses `{word}`: the core must stay pure Rust",
                file.display()
            );
        }
    }
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
                "{} uses `{word}`: only src/ui/storage.rs may touch browser storage",
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
        let app_code = text.split("#[cfg(test)]").next().unwrap_or("");
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
