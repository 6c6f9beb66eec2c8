//! Checks checklist definition files before they are published for the widget:
//!
//! ```sh
//! cargo run --bin validate-checklist -- my-checklist.json [more.json ...]
//! ```
//!
//! The same parser and rules as the widget (`ChecklistDefinition::from_bytes`). For each file it
//! prints either every problem, one a line with the path of the field at fault, or one line
//! `OK` with the numbers of sections, items and scope questions. Exit status: 0 when every file is valid, 1 when
//! any has a problem or cannot be read, 2 on a usage error. Native only: built for the browser
//! (wasm32) its `main` does nothing.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(cli::run(&args));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use risk_checklist::core::ChecklistDefinition;
    use std::io::Read;

    const USAGE: &str = "usage: validate-checklist FILE.json [FILE.json ...]\n\n\
        Checks risk-checklist definition files (format: docs/CHECKLIST.md). Prints every\n\
        problem with the path of the field at fault, or OK with the section, item and scope\n\
        question counts.\n\
        Use - to read standard input. Exit status: 0 all valid, 1 a problem found, 2 usage.";

    pub fn run(args: &[String]) -> i32 {
        if args.iter().any(|a| a == "-h" || a == "--help") {
            println!("{USAGE}");
            return 0;
        }
        if args.is_empty() {
            eprintln!("{USAGE}");
            return 2;
        }
        let mut status = 0;
        for file in args {
            if !check(file) {
                status = 1;
            }
        }
        status
    }

    /// Checks one file and prints the outcome; true when it is valid.
    fn check(file: &str) -> bool {
        let bytes = match read(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                println!("{file}: cannot be read: {e}");
                return false;
            }
        };
        match ChecklistDefinition::from_bytes(&bytes) {
            Ok(def) => {
                let (sections, items) = (def.sections.len(), def.item_count());
                // Scope questions are named only when there are some, so a checklist without
                // them reads as it always has.
                let questions = match def.questions.len() {
                    0 => String::new(),
                    n => format!(", {n} scope question{}", plural(n)),
                };
                println!(
                    "{file}: OK: \"{}\" (id {}, version {}): {sections} section{}, {items} item{}{questions}",
                    def.title,
                    def.id,
                    def.version,
                    plural(sections),
                    plural(items)
                );
                true
            }
            Err(errors) => {
                for e in &errors {
                    let path = if e.path.is_empty() { "(whole file)" } else { e.path.as_str() };
                    println!("{file}: {path}: {}", e.problem);
                }
                println!("{file}: {} problem{} found", errors.len(), plural(errors.len()));
                false
            }
        }
    }

    /// The file's bytes: whether they are UTF-8 text is the checklist reader's to say.
    fn read(file: &str) -> std::io::Result<Vec<u8>> {
        if file == "-" {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes)?;
            Ok(bytes)
        } else {
            std::fs::read(file)
        }
    }

    fn plural(n: usize) -> &'static str {
        if n == 1 {
            ""
        } else {
            "s"
        }
    }
}
