//! Build orchestration for risk-checklist: `cargo xtask <task>`.
//!
//! Each task first installs what this machine lacks and skips what it has:
//! the wasm32 target, trunk, a wasm-bindgen-cli of exactly Cargo.lock's wasm-bindgen version,
//! a wasm-opt that reads current rustc output, cargo-cyclonedx (the release's SBOM), Chromium
//! and ChromeDriver (Debian), and the end-to-end tests' npm packages from their lock file.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{exit, Command};

const TRUNK_VERSION: &str = "0.22.1";
const BINARYEN_VERSION: &str = "132.0.0";
/// Writes the release bundle's software bill of materials.
const CYCLONEDX_VERSION: &str = "0.5.9";
const E2E_DIR: &str = "tests/e2e";
/// Where `cargo xtask embed` writes the embed bundle (see docs/EMBEDDING.md).
const EMBED_DIR: &str = "dist-embed";

type Result<T = ()> = std::result::Result<T, String>;

fn main() {
    let task = env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "serve" => serve(),
        "test" => repeat_arg().and_then(test),
        "bench" => bench(),
        "setup" => setup(Need::All),
        "build" => setup(Need::Build).and_then(|_| build_release()),
        "embed" => setup(Need::Build).and_then(|_| build_release()).and_then(|_| embed_bundle()),
        "release" => setup(Need::Release)
            .and_then(|_| build_release())
            .and_then(|_| embed_bundle())
            .and_then(|_| release_bundle()),
        _ => {
            eprintln!(
                "usage: cargo xtask <task>\n\n  serve   build and serve the app on http://127.0.0.1:8080\n  test    run every test: formatting, lints, native, browser (wasm) and end-to-end;\n          --repeat N runs the browser and end-to-end suites N times and counts the passes\n  bench   build the release bundle and print size and speed figures\n  build   build the release bundle into dist/\n  embed   build the embed bundle into dist-embed/ (risk-checklist.js, _bg.wasm, .css)\n  release build both, then target/bundle/risk-checklist-<version>.zip (and its folder) for\n          an intranet editor: site, embed, docs, changelog, checksums and SBOM\n  setup   install whatever is missing"
            );
            exit(2);
        }
    };
    if let Err(e) = result {
        eprintln!("xtask {task}: {e}");
        exit(1);
    }
}

/// The repository root. `cargo xtask` sets CARGO_MANIFEST_DIR for the run: the checkout that
/// asked, even when a target directory shared by several checkouts holds an xtask binary built
/// from another one (whose build-time path would send the work there).
fn root() -> PathBuf {
    let xtask = env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let xtask = xtask.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    xtask.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Runs a command in the repository root; fails with its name if it fails.
fn run(program: &str, args: &[&str]) -> Result {
    run_with(program, args, &[], None)
}

fn run_with(program: &str, args: &[&str], envs: &[(&str, &str)], dir: Option<&Path>) -> Result {
    eprintln!("$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .envs(envs.iter().copied())
        .current_dir(dir.map(Path::to_path_buf).unwrap_or_else(root))
        .status()
        .map_err(|e| format!("could not start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// The output of a command, if it ran and succeeded.
fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    })
}

fn has(program: &str) -> bool {
    output("sh", &["-c", &format!("command -v {program}")]).is_some()
}

#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Need {
    Build,
    Release,
    All,
}

/// Installs what is missing. `Build` is enough to build and serve; `Release` adds the SBOM
/// tool; `All` adds the browsers and npm packages the tests need.
fn setup(need: Need) -> Result {
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        run("rustup", &["target", "add", "wasm32-unknown-unknown"])?;
    }

    let wanted = wasm_bindgen_version()?;
    check_trunk_tools(&wanted)?;
    let have = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(wanted.as_str()) {
        // Without --locked: the CLI's own lock file names a crate version the registry lacks.
        run("cargo", &["install", "--force", "wasm-bindgen-cli", "--version", &wanted])?;
    }

    let trunk = output("trunk", &["--version"]).unwrap_or_default();
    if !trunk.contains(TRUNK_VERSION) {
        // trunk 0.22 declares a newer rust-version than it needs; thin LTO halves its build time.
        run_with(
            "cargo",
            &["install", "--locked", "--ignore-rust-version", "trunk", "--version", TRUNK_VERSION],
            &[
                ("CARGO_PROFILE_RELEASE_LTO", "false"),
                ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
            ],
            None,
        )?;
    }

    let wasm_opt = output("wasm-opt", &["--version"]).unwrap_or_default();
    if !wasm_opt.contains(&format!("version {}", binaryen_major())) {
        as_root(&[
            "npm",
            "install",
            "--global",
            "--no-audit",
            "--no-fund",
            &format!("binaryen@{BINARYEN_VERSION}"),
        ])?;
    }

    if need >= Need::Release {
        let cyclonedx = output("cargo", &["cyclonedx", "--version"]).unwrap_or_default();
        if !cyclonedx.contains(CYCLONEDX_VERSION) {
            // Its lock file builds on this Rust; thin LTO shortens the build as for trunk.
            run_with(
                "cargo",
                &["install", "--locked", "cargo-cyclonedx", "--version", CYCLONEDX_VERSION],
                &[
                    ("CARGO_PROFILE_RELEASE_LTO", "false"),
                    ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
                ],
                None,
            )?;
        }
    }

    if need == Need::All {
        // The test command checks formatting and lints first.
        if output("cargo", &["fmt", "--version"]).is_none()
            || output("cargo", &["clippy", "--version"]).is_none()
        {
            run("rustup", &["component", "add", "rustfmt", "clippy"])?;
        }
        // Chromium and ChromeDriver run the browser tests; pdftotext reads the printed PDF.
        if !has("chromium") || !has("chromedriver") || !has("pdftotext") {
            as_root(&["apt-get", "update", "-q"])?;
            as_root(&[
                "apt-get",
                "install",
                "-y",
                "-q",
                "chromium",
                "chromium-driver",
                "poppler-utils",
            ])?;
        }
        let e2e = root().join(E2E_DIR);
        let stamp = e2e.join("node_modules/.package-lock.json");
        let fresh = modified(&stamp).is_some_and(|installed| {
            modified(&e2e.join("package-lock.json")).is_some_and(|lock| installed >= lock)
        });
        if !fresh {
            run_with("npm", &["ci", "--no-audit", "--no-fund"], &[], Some(&e2e))?;
        }
    }
    Ok(())
}

/// Runs a command as root: directly when this is root, else through sudo (system installs).
fn as_root(args: &[&str]) -> Result {
    let root = output("id", &["-u"]).is_some_and(|id| id.trim() == "0");
    let mut all: Vec<&str> = if root { vec![] } else { vec!["sudo"] };
    all.extend_from_slice(args);
    match all.split_first() {
        Some((program, rest)) => {
            run_with(program, rest, &[("DEBIAN_FRONTEND", "noninteractive")], None)
        }
        None => Ok(()),
    }
}

/// The binaryen major version, which `wasm-opt --version` prints and Trunk.toml names.
fn binaryen_major() -> &'static str {
    BINARYEN_VERSION.split('.').next().unwrap_or(BINARYEN_VERSION)
}

/// Trunk runs offline with the tool versions Trunk.toml names: they must be the ones installed
/// here, or the build fails later with a less clear message.
fn check_trunk_tools(wasm_bindgen: &str) -> Result {
    let toml = fs::read_to_string(root().join("Trunk.toml"))
        .map_err(|e| format!("cannot read Trunk.toml: {e}"))?;
    let named = |key: &str| {
        toml.lines()
            .filter_map(|l| l.trim().strip_prefix(key)?.trim_start().strip_prefix('='))
            .map(|v| v.trim().trim_matches('"').to_owned())
            .next()
    };
    let expected = [
        ("wasm_bindgen", wasm_bindgen.to_owned()),
        ("wasm_opt", format!("version_{}", binaryen_major())),
    ];
    for (key, want) in expected {
        if named(key).as_deref() != Some(want.as_str()) {
            return Err(format!("Trunk.toml [tools] {key} must be \"{want}\" (Cargo.lock and xtask's pinned versions), found {:?}", named(key)));
        }
    }
    Ok(())
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The wasm-bindgen version in Cargo.lock, which the CLI must match exactly.
fn wasm_bindgen_version() -> Result<String> {
    let lock = fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.trim().strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

/// The release build in dist/, with a precompressed copy of each asset beside it.
fn build_release() -> Result {
    run("trunk", &["build", "--release", "--skip-version-check"])?;
    run("node", &[ASSETS, "precompress", "dist"])
}

/// The script that measures the bundles, holds the page-weight budget and precompresses.
const ASSETS: &str = "xtask/assets.mjs";

/// `--repeat N` after `test`: how many times the browser suites run (1 without it).
fn repeat_arg() -> Result<u32> {
    let args: Vec<String> = env::args().skip(2).collect();
    match args.as_slice() {
        [] => Ok(1),
        [flag, n] if flag == "--repeat" => match n.parse::<u32>() {
            Ok(n) if n >= 1 => Ok(n),
            _ => Err(format!("--repeat needs a whole number of runs, 1 or more, not {n:?}")),
        },
        other => Err(format!("unknown arguments {other:?}: the only option is --repeat N")),
    }
}

/// Writes the embed bundle into dist-embed/ from the release build in dist/, with names that
/// never change, so that a host page can link them:
///
/// - `risk-checklist.js`: one ES module, the wasm-bindgen JS Trunk built, followed by
///   `embed/rc-fallback.js` and `embed/bundle-tail.js`, which call its init with
///   `risk-checklist_bg.wasm` next to the file (a URL relative to `import.meta.url`) and show a
///   plain message in the hosts if the wasm cannot start;
/// - `risk-checklist_bg.wasm`: the optimised wasm Trunk built;
/// - `risk-checklist.css`: `embed/guard.css` then `style/widget.css`.
fn embed_bundle() -> Result {
    let root = root();
    let dist = root.join("dist");
    let read = |path: &Path| {
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let index = read(&dist.join("index.html"))?;
    // Trunk.toml's pattern_script names the hashed files in the loader's data attributes.
    let file_of = |attr: &str| -> Result<PathBuf> {
        let url = attribute(&index, attr).ok_or_else(|| {
            format!("dist/index.html has no {attr} attribute (see pattern_script in Trunk.toml)")
        })?;
        let name = url.rsplit('/').next().unwrap_or_default();
        Ok(dist.join(name))
    };
    let (glue_path, wasm_path) = (file_of("data-rc-glue")?, file_of("data-rc-wasm")?);
    let glue = read(&glue_path)?;
    // One file only: a wasm-bindgen module that imports JS snippets would need them beside it.
    if dist.join("snippets").exists() || glue.contains("./snippets/") {
        return Err("the wasm-bindgen module imports JS snippets (dist/snippets/): the embed bundle would need them too".into());
    }
    // The tail calls the module's own init function by its name in wasm-bindgen's output.
    if !glue.contains("__wbg_init as default") {
        return Err(format!(
            "{} does not export `__wbg_init as default`: has wasm-bindgen's output changed?",
            glue_path.display()
        ));
    }
    let fallback = read(&root.join("embed/rc-fallback.js"))?;
    let fallback =
        fallback.replacen("export function showStartFailure", "function showStartFailure", 1);
    if glue.contains("showStartFailure")
        || glue.contains("startFailureReason")
        || !fallback.contains("\nfunction showStartFailure")
    {
        return Err(
            "cannot join embed/rc-fallback.js to the wasm-bindgen module: names clash or changed"
                .into(),
        );
    }
    let tail = read(&root.join("embed/bundle-tail.js"))?;
    let js = format!("{}\n\n// ---- embed/rc-fallback.js ----\n{fallback}{tail}", glue.trim_end());

    let css = format!(
        "/* risk-checklist {}: embed/guard.css, then style/widget.css. Every rule is scoped to .rc. */\n{}\n{}",
        package_version()?,
        read(&root.join("embed/guard.css"))?,
        read(&root.join("style/widget.css"))?
    );

    let out = root.join(EMBED_DIR);
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let write = |name: &str, bytes: &[u8]| {
        fs::write(out.join(name), bytes)
            .map_err(|e| format!("cannot write {EMBED_DIR}/{name}: {e}"))
    };
    write("risk-checklist.js", js.as_bytes())?;
    write("risk-checklist.css", css.as_bytes())?;
    let wasm =
        fs::read(&wasm_path).map_err(|e| format!("cannot read {}: {e}", wasm_path.display()))?;
    write("risk-checklist_bg.wasm", &wasm)?;
    run("node", &[ASSETS, "precompress", EMBED_DIR])?;
    eprintln!(
        "embed bundle in {EMBED_DIR}/: risk-checklist.js ({} B), risk-checklist_bg.wasm ({} B), risk-checklist.css ({} B)",
        js.len(),
        wasm.len(),
        css.len()
    );
    Ok(())
}

/// The app's version, from the `[package]` table of the root Cargo.toml (xtask's own
/// CARGO_PKG_VERSION is the xtask crate's).
fn package_version() -> Result<String> {
    let toml = fs::read_to_string(root().join("Cargo.toml"))
        .map_err(|e| format!("cannot read Cargo.toml: {e}"))?;
    toml.split("\n[")
        .find(|table| table.trim_start_matches('[').starts_with("package]"))
        .and_then(|table| {
            table.lines().find_map(|l| l.trim().strip_prefix("version")?.trim().strip_prefix('='))
        })
        .map(|v| v.trim().trim_matches('"').to_owned())
        .ok_or_else(|| "Cargo.toml has no [package] version".into())
}

/// The release bundle from the builds in dist/ and dist-embed/: the SBOM of the crates compiled
/// into the wasm (normal dependencies for wasm32, with versions and licences), then
/// `xtask/release.mjs`, which lays out target/bundle/risk-checklist-<version>/ and zips it.
/// SOURCE_DATE_EPOCH, the commit's time unless set, makes the SBOM and the zip reproducible.
fn release_bundle() -> Result {
    let version = package_version()?;
    let epoch = env::var("SOURCE_DATE_EPOCH")
        .ok()
        .or_else(|| output("git", &["log", "-1", "--format=%ct"]).map(|t| t.trim().to_owned()))
        .filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or_else(|| "315532800".into()); // 1980-01-01, the zip format's first day
    let envs = [("SOURCE_DATE_EPOCH", epoch.as_str())];
    let args = ["cyclonedx", "--format", "json", "--spec-version", "1.5", "--target", WASM];
    run_with("cargo", &[&args[..], &["--all", "--no-build-deps"]].concat(), &envs, None)?;
    // The tool writes one file beside each workspace member's Cargo.toml.
    let root = root();
    let sbom = root.join("target/bundle/sbom.cdx.json");
    fs::create_dir_all(root.join("target/bundle"))
        .and_then(|_| fs::rename(root.join("risk-checklist.cdx.json"), &sbom))
        .map_err(|e| format!("cannot move the SBOM into target/bundle/: {e}"))?;
    let _ = fs::remove_file(root.join("xtask/xtask.cdx.json"));
    run_with("node", &["xtask/release.mjs", &version, &sbom.to_string_lossy()], &envs, None)?;
    fs::remove_file(&sbom).map_err(|e| format!("cannot remove {}: {e}", sbom.display()))
}

/// The value of the first `name=` attribute in minified or ordinary HTML.
fn attribute(html: &str, name: &str) -> Option<String> {
    let start = html.find(&format!("{name}="))? + name.len() + 1;
    let rest = &html[start..];
    let (value, _) = match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].split_once(q)?,
        _ => rest.split_once(|c: char| c.is_whitespace() || c == '>')?,
    };
    Some(value.to_owned()).filter(|v| !v.is_empty())
}

fn serve() -> Result {
    setup(Need::Build)?;
    eprintln!("Serving on http://127.0.0.1:8080 (Ctrl-C to stop)");
    // Its own directory, so that dist/ only ever holds what `build` makes, and no auto-reload:
    // that is an inline script, which the page's Content-Security-Policy refuses, and a
    // websocket to the dev server every few seconds. The page served is the page shipped.
    run(
        "trunk",
        &[
            "serve",
            "--release",
            "--skip-version-check",
            "--dist",
            "target/serve",
            "--no-autoreload",
        ],
    )
}

fn test(repeat: u32) -> Result {
    setup(Need::All)?;
    // 0. Formatting and lints, before anything slow.
    run("cargo", &["fmt", "--all", "--check"])?;
    run(
        "cargo",
        &["clippy", "--workspace", "--all-targets", "--features", SCHEMA, "--", "-D", "warnings"],
    )?;
    run(
        "cargo",
        &[
            "clippy",
            "--package",
            "risk-checklist",
            "--target",
            WASM,
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    // 1. The pure core and the architecture rules, natively.
    run("cargo", &["test", "--workspace", "--features", SCHEMA])?;
    // 2. The release build and the embed bundle, then their weight against the budget.
    build_release()?;
    embed_bundle()?;
    run("node", &[ASSETS, "check", "dist"])?;
    // The release bundle from these two builds, for its end-to-end test.
    release_bundle()?;
    // 3. Components and storage in headless Chromium, then the release build and the embed
    //    bundle end to end; `--repeat N` runs both N times, as a new machine's first run would.
    let chromedriver = output("sh", &["-c", "command -v chromedriver"]).unwrap_or_default();
    let browser = || {
        run_with(
            "cargo",
            &["test", "--target", WASM, "--test", "browser"],
            &[("CHROMEDRIVER", chromedriver.trim())],
            None,
        )
    };
    let e2e = || run_with("npm", &["test"], &[], Some(&root().join(E2E_DIR)));
    if repeat == 1 {
        browser()?;
        return e2e();
    }
    let (mut browser_passed, mut e2e_passed) = (0, 0);
    for round in 1..=repeat {
        eprintln!("-- round {round} of {repeat}");
        browser_passed += u32::from(browser().is_ok());
        e2e_passed += u32::from(e2e().is_ok());
    }
    println!("browser suite: {browser_passed} of {repeat} runs passed");
    println!("end-to-end suite: {e2e_passed} of {repeat} runs passed");
    if browser_passed == repeat && e2e_passed == repeat {
        Ok(())
    } else {
        Err("a suite failed in at least one run: a test that passes only sometimes is a failing test".into())
    }
}

const WASM: &str = "wasm32-unknown-unknown";
/// The feature that derives the JSON Schemas, so the schema test runs: native only.
const SCHEMA: &str = "risk-checklist/schema";

fn bench() -> Result {
    setup(Need::All)?;
    build_release()?;
    run("node", &[&format!("{E2E_DIR}/bench.mjs")])
}
