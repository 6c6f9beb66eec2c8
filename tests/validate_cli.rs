//! The `validate-checklist` command line, run as built on the definition files in
//! tests/fixtures/definitions/ (and on the shipped default checklist).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/definitions").join(name)
}

fn validate(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_validate-checklist"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn a_valid_definition_gives_one_ok_line_with_counts_and_exit_0() {
    let file = fixture("valid-small.json");
    let out = validate(&[&file]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    assert!(lines[0].ends_with(r#"OK: "Team chat pilot checklist" (id team-chat-pilot, version 1.0.0): 2 sections, 3 items"#), "{text}");
    assert!(lines[0].starts_with(&file.display().to_string()), "{text}");
}

#[test]
fn the_shipped_default_checklist_is_valid() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core/default_checklist.json");
    let out = validate(&[&file]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains(": OK: "), "{}", stdout(&out));
}

#[test]
fn every_rule_broken_is_listed_with_its_path_and_exit_1() {
    let file = fixture("invalid-rules.json");
    let out = validate(&[&file]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let name = file.display().to_string();
    let expected = [
        ("id", "an id uses only"),
        ("title", "must not be empty"),
        ("scale.likelihood", "needs 2 to"),
        ("scale.bands", "needs 1 <= low_max < medium_max < 2 (the highest score), found low_max"),
        ("sections[0].items[0].title", "must not be empty"),
        ("sections[0].items[1].id", "the id \"a\" is used more than once"),
        ("sections[1].items", "found 0"),
    ];
    for (path, problem) in expected {
        let prefix = format!("{name}: {path}: ");
        assert!(
            text.lines().any(|l| l.starts_with(&prefix) && l.contains(problem)),
            "no line `{prefix}…{problem}…` in:\n{text}"
        );
    }
    let problems = text.lines().filter(|l| !l.ends_with("found")).count();
    assert_eq!(problems, expected.len(), "one line per problem:\n{text}");
    assert!(
        text.lines().last().unwrap().ends_with(&format!("{} problems found", expected.len())),
        "{text}"
    );
    assert!(!text.contains("OK"), "{text}");
}

#[test]
fn a_definition_with_scope_questions_counts_them_in_its_ok_line() {
    let out = validate(&[&fixture("valid-scoped.json")]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.trim_end().ends_with(r#"OK: "Channel and tool checklist" (id channel-and-tool, version 1.0.0): 3 sections, 8 items, 3 scope questions"#),
        "{text}"
    );
}

#[test]
fn every_scope_rule_broken_is_listed_with_its_path() {
    let file = fixture("invalid-scope.json");
    let out = validate(&[&file]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let name = file.display().to_string();
    let expected = [
        ("scale.likelihood_descriptions[1]", "longer than 500 characters"),
        (
            "scale.impact_descriptions",
            "needs one description for each of the 2 levels, found 1; give all or none",
        ),
        ("questions[1].id", "the id \"public\" is used more than once"),
        ("questions[2].question", "must not be empty"),
        (
            "sections[0].items[0].applies_when.any_yes[1]",
            "no question has the id \"nope\"; add it to \"questions\" or correct the id",
        ),
        ("sections[1].applies_when.any_yes", "needs 1 to 20 entries, found 0"),
        (
            "questions[3]",
            "the question \"unused\" is not used by any \"applies_when\"; use it or remove it",
        ),
    ];
    for (path, problem) in expected {
        let line = format!("{name}: {path}: {problem}");
        assert!(text.lines().any(|l| l == line), "no line `{line}` in:\n{text}");
    }
    let problems = text.lines().filter(|l| !l.ends_with("found")).count();
    assert_eq!(problems, expected.len(), "one line per problem:\n{text}");
}

#[test]
fn invalid_json_names_the_line_and_column() {
    let out = validate(&[&fixture("invalid-syntax.json")]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("(whole file): line 1, column "), "{text}");
    assert!(text.contains("1 problem found"), "{text}");
}

#[test]
fn an_unknown_field_is_refused_by_name() {
    let out = validate(&[&fixture("invalid-shape.json")]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("unknown field `colour`"), "{text}");
}

#[test]
fn several_files_are_all_checked_and_one_bad_file_fails_the_run() {
    let (good, bad) = (fixture("valid-small.json"), fixture("invalid-syntax.json"));
    let out = validate(&[&good, &bad]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains(&format!("{}: OK: ", good.display())), "{text}");
    assert!(text.contains(&format!("{}: (whole file): line 1", bad.display())), "{text}");
}

#[test]
fn a_missing_file_fails_and_no_argument_is_a_usage_error() {
    let missing = fixture("no-such-file.json");
    let out = validate(&[&missing]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("cannot be read"), "{}", stdout(&out));

    let out = validate(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: validate-checklist"));
}

#[test]
fn a_file_in_another_encoding_or_a_web_page_is_refused_with_what_to_do() {
    let valid = std::fs::read(fixture("valid-small.json")).unwrap();
    let dir = std::env::temp_dir().join(format!("rc-validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Notepad's "Unicode" (UTF-16 with its byte order mark) and "ANSI" (Windows-1252: é is E9).
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(
        String::from_utf8(valid.clone()).unwrap().encode_utf16().flat_map(u16::to_le_bytes),
    );
    let ansi = String::from_utf8(valid).unwrap().replacen(
        "\"title\": \"",
        "\"title\": \"Donn\u{e9}es ",
        1,
    );
    let ansi: Vec<u8> = ansi.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect();
    let cases: [(&str, Vec<u8>, &str); 3] = [
        ("utf16.json", utf16, "(whole file): the file is UTF-16 text (which Notepad calls \"Unicode\"), not UTF-8: save it again as UTF-8"),
        ("ansi.json", ansi, "(whole file): the file is not UTF-8 text (it may have been saved as \"ANSI\" or Windows-1252): save it again as UTF-8"),
        ("login.json", b"\n  <!doctype html><title>Sign in</title>".to_vec(), "(whole file): this is a web page (HTML), not a checklist in JSON; a server may have sent a sign-in or error page in its place"),
    ];
    for (name, bytes, said) in cases {
        let file = dir.join(name);
        std::fs::write(&file, bytes).unwrap();
        let out = validate(&[&file]);
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert_eq!(
            text.lines().next(),
            Some(format!("{}: {said}", file.display()).as_str()),
            "{text}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
