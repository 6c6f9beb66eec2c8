//! Components and storage in a real browser (headless Chromium through wasm-bindgen-test).
//! Each test mounts a widget into a fresh host element with its own storage namespace.
#![cfg(target_arch = "wasm32")]

use risk_checklist::core::default_checklist::default_checklist;
use risk_checklist::ui;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The storage key of the assessment open in namespace `ns`, read from its index.
fn key(ns: &str) -> String {
    let index =
        storage().get_item(&format!("risk-checklist/v1/{ns}/index")).unwrap().unwrap_or_default();
    let value: serde_json::Value = serde_json::from_str(&index).unwrap_or_default();
    format!("risk-checklist/v1/{ns}/assessment/{}", value["current"].as_str().unwrap_or("none"))
}

/// Removes every key of a namespace, so a test starts from nothing.
fn clear(ns: &str) {
    let s = storage();
    let prefix = format!("risk-checklist/v1/{ns}/");
    let keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(&prefix))
        .collect();
    for k in keys {
        s.remove_item(&k).unwrap();
    }
}

/// Stores `raw` as the assessment `a-test` of namespace `ns`, and makes it the current one.
fn plant(ns: &str, raw: &str) {
    clear(ns);
    let s = storage();
    s.set_item(&format!("risk-checklist/v1/{ns}/assessment/a-test"), raw).unwrap();
    s.set_item(
        &format!("risk-checklist/v1/{ns}/index"),
        r#"{"format":"risk-checklist/index","format_version":1,"current":"a-test","entries":[{"id":"a-test","title":"","checklist_id":"social-media-collaboration-risk","checklist_title":"x","progress":{"assessed":0,"total":0},"updated":"2026-01-01T00:00:00Z"}]}"#,
    )
    .unwrap();
}

/// Mounts a widget into a new host element and waits for it to render.
async fn open(ns: &str) -> Element {
    let host = document().create_element("div").unwrap();
    host.set_attribute("data-risk-checklist", "").unwrap();
    host.set_attribute("data-namespace", ns).unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    std::mem::forget(ui::mount(host.clone()));
    yew::scheduler::flush().await;
    host
}

/// How often [`wait_for`] looks again.
const POLL_MS: u32 = 10;
/// How long [`wait_for`] waits before the test fails: long enough for the slowest machine.
const DEADLINE_MS: f64 = 10_000.0;

/// Waits until `check` gives a value, letting the widget render in between, and returns it.
/// A slow machine makes a test slower, never red; a condition that never holds fails it.
async fn wait_for<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let start = js_sys::Date::now();
    loop {
        yew::scheduler::flush().await;
        if let Some(value) = check() {
            return value;
        }
        assert!(js_sys::Date::now() - start < DEADLINE_MS, "{what}: not within {DEADLINE_MS} ms");
        gloo_timers::future::TimeoutFuture::new(POLL_MS).await;
    }
}

/// Saves every pending change now, as leaving the page does, instead of waiting out the pause
/// after typing.
async fn save_now() {
    yew::scheduler::flush().await;
    let hide = web_sys::Event::new("pagehide").unwrap();
    web_sys::window().unwrap().dispatch_event(&hide).unwrap();
    yew::scheduler::flush().await;
}

/// The item group whose legend is `title`.
fn item(host: &Element, title: &str) -> Element {
    let groups = host.query_selector_all("fieldset.rc-item").unwrap();
    (0..groups.length())
        .filter_map(|i| groups.item(i)?.dyn_into::<Element>().ok())
        .find(|g| {
            g.query_selector("legend").unwrap().unwrap().text_content().as_deref() == Some(title)
        })
        .unwrap_or_else(|| panic!("no item titled {title}"))
}

/// The control labelled `label` inside `scope`.
fn control<T: JsCast>(scope: &Element, label: &str) -> T {
    let labels = scope.query_selector_all("label").unwrap();
    let for_id = (0..labels.length())
        .filter_map(|i| labels.item(i)?.dyn_into::<Element>().ok())
        .find(|l| l.text_content().as_deref() == Some(label))
        .and_then(|l| l.get_attribute("for"))
        .unwrap_or_else(|| panic!("no label {label}"));
    document().get_element_by_id(&for_id).unwrap().dyn_into::<T>().ok().unwrap()
}

fn progress(host: &Element) -> String {
    host.query_selector("[aria-label='Overall progress']")
        .unwrap()
        .unwrap()
        .get_attribute("aria-valuenow")
        .unwrap()
}

fn first_title() -> String {
    default_checklist().sections[0].items[0].title.clone()
}

#[wasm_bindgen_test]
async fn renders_the_first_section_with_every_status_choice() {
    let host = open("render").await;
    let def = default_checklist();
    let section = &def.sections[0];
    let heading = host.query_selector(".rc-section-heading").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap().trim(), section.title);
    assert_eq!(
        host.query_selector_all("fieldset.rc-item").unwrap().length() as usize,
        section.items.len()
    );
    let group = item(&host, &section.items[0].title);
    for label in ["Achieved", "Partially achieved", "Not achieved", "Not applicable"] {
        let radio: HtmlInputElement = control(&group, label);
        assert_eq!(radio.type_(), "radio");
        assert!(!radio.checked());
    }
    assert_eq!(progress(&host), "0");
    let nav = host.query_selector_all("nav[aria-label='Sections'] button").unwrap();
    assert_eq!(nav.length() as usize, def.sections.len());
}

#[wasm_bindgen_test]
async fn choosing_a_status_updates_progress_badge_and_storage() {
    clear("status");
    let host = open("status").await;
    let group = item(&host, &first_title());
    control::<HtmlElement>(&group, "Achieved").click();
    yew::scheduler::flush().await;
    let total = default_checklist().item_count();
    assert_eq!(progress(&host), (100 / total).to_string());
    assert_eq!(
        item(&host, &first_title())
            .query_selector(".rc-badge")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Achieved"
    );

    save_now().await;
    let stored = storage().get_item(&key("status")).unwrap().expect("saved");
    assert!(stored.contains("\"achieved\""), "{stored}");
}

#[wasm_bindgen_test]
async fn ratings_show_the_band_as_text() {
    let host = open("rating").await;
    let group = item(&host, &first_title());
    for (label, value) in [("Likelihood", "3"), ("Impact", "3")] {
        let select: web_sys::HtmlSelectElement = control(&group, label);
        select.set_value(value);
        select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
        yew::scheduler::flush().await;
    }
    let risk = item(&host, &first_title()).query_selector(".rc-risk").unwrap().unwrap();
    assert_eq!(risk.text_content().unwrap(), "Risk: High (score 9)");
    assert!(risk.class_name().split_whitespace().any(|c| c == "rc-band-high"));
}

#[wasm_bindgen_test]
async fn a_saved_assessment_is_restored_exactly() {
    clear("restore");
    let host = open("restore").await;
    let group = item(&host, &first_title());
    control::<HtmlElement>(&group, "Not achieved").click();
    let notes: web_sys::HtmlTextAreaElement = control(&group, "Notes");
    notes.set_value("Two admins share one password – café ☕");
    notes.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    save_now().await;

    let again = open("restore").await;
    let group = item(&again, &first_title());
    assert!(control::<HtmlInputElement>(&group, "Not achieved").checked());
    assert_eq!(
        control::<web_sys::HtmlTextAreaElement>(&group, "Notes").value(),
        "Two admins share one password – café ☕"
    );
}

#[wasm_bindgen_test]
async fn an_unreadable_stored_value_is_backed_up_and_never_overwritten() {
    let raw =
        "{\"format\": \"risk-checklist/stored-assessment\", \"format_version\": 1, \"checklist\": ";
    plant("broken", raw);
    let host = open("broken").await;
    let alert = host.query_selector("[role='alert']").unwrap().expect("a warning");
    assert!(alert.text_content().unwrap().contains("could not be opened"));
    // Working on never touches it: the new answers go to a new assessment.
    control::<HtmlElement>(&item(&host, &first_title()), "Achieved").click();
    save_now().await;
    assert_eq!(
        storage().get_item("risk-checklist/v1/broken/assessment/a-test").unwrap().as_deref(),
        Some(raw)
    );
    assert_ne!(key("broken"), "risk-checklist/v1/broken/assessment/a-test");
    let backup_prefix = "risk-checklist/v1/broken/backup/a-test/";
    let s = storage();
    let backups: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(backup_prefix))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(s.get_item(&backups[0]).unwrap().as_deref(), Some(raw));
    s.remove_item(&backups[0]).unwrap();
}

#[wasm_bindgen_test]
async fn a_value_from_a_newer_version_is_left_untouched() {
    let raw = "{\"format\": \"risk-checklist/stored-assessment\", \"format_version\": 99}";
    plant("newer", raw);
    let host = open("newer").await;
    control::<HtmlElement>(&item(&host, &first_title()), "Achieved").click();
    save_now().await;
    assert_eq!(
        storage().get_item("risk-checklist/v1/newer/assessment/a-test").unwrap().as_deref(),
        Some(raw)
    );
    let alert = host.query_selector("[role='alert']").unwrap().expect("a warning");
    assert!(alert.text_content().unwrap().contains("newer version"));
}

#[wasm_bindgen_test]
async fn blocked_storage_leaves_a_working_widget_with_a_warning() {
    // Make window.localStorage throw, as a sandboxed iframe or disabled storage does.
    let window = web_sys::window().unwrap();
    let descriptor = js_sys::Object::get_own_property_descriptor(&window, &"localStorage".into());
    let thrower =
        js_sys::Function::new_no_args("throw new DOMException('blocked', 'SecurityError')");
    let getter = js_sys::Object::new();
    js_sys::Reflect::set(&getter, &"get".into(), &thrower).unwrap();
    js_sys::Reflect::set(&getter, &"configurable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(&window, &"localStorage".into(), &getter);

    let host = open("blocked").await;
    control::<HtmlElement>(&item(&host, &first_title()), "Achieved").click();
    yew::scheduler::flush().await;
    let alert_text =
        host.query_selector("[role='alert']").unwrap().map(|a| a.text_content().unwrap());

    if descriptor.is_undefined() {
        js_sys::Reflect::delete_property(&window, &"localStorage".into()).unwrap();
    } else {
        js_sys::Object::define_property(
            &window,
            &"localStorage".into(),
            &descriptor.unchecked_into(),
        );
    }
    assert!(alert_text.unwrap_or_default().contains("not being saved"));
    assert_ne!(progress(&host), "0");
}

#[wasm_bindgen_test]
async fn an_invalid_inline_definition_lists_every_problem() {
    let host = document().create_element("div").unwrap();
    host.set_inner_html(
        r#"<script type="application/json" data-checklist>{"id":"x","version":"1","title":"",
        "scale":{"likelihood":["a","b"],"impact":["a","b"],"bands":{"low_max":1,"medium_max":2}},
        "sections":[{"id":"s","title":"S","items":[{"id":"i","title":""},{"id":"i","title":"T"}]}]}</script>"#,
    );
    document().body().unwrap().append_child(&host).unwrap();
    std::mem::forget(ui::mount(host.clone()));
    yew::scheduler::flush().await;
    let text = host
        .query_selector("[role='alert']")
        .unwrap()
        .expect("problems shown")
        .text_content()
        .unwrap();
    for path in ["title", "sections[0].items[0].title", "sections[0].items[1].id"] {
        assert!(text.contains(path), "{path} missing from: {text}");
    }
}

/// The button with exactly this text inside `scope`.
fn button(scope: &Element, text: &str) -> HtmlElement {
    let buttons = scope.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().as_deref() == Some(text))
        .unwrap_or_else(|| panic!("no button {text}"))
}

/// Puts a file into the widget's import input, as choosing it in the file picker does.
async fn choose_file(host: &Element, name: &str, text: &str) {
    let input: HtmlInputElement = control(host, "Import JSON");
    let put = js_sys::Function::new_with_args(
        "input, text, name",
        "const dt = new DataTransfer(); dt.items.add(new File([text], name, {type: 'application/json'})); \
         input.files = dt.files; input.dispatchEvent(new Event('change', {bubbles: true}));",
    );
    put.call3(&wasm_bindgen::JsValue::NULL, &input, &text.into(), &name.into()).unwrap();
}

/// The import preview, once the chosen file has been read.
async fn import_preview(host: &Element) -> Element {
    wait_for("the import preview", || host.query_selector("[aria-label='Import preview']").unwrap())
        .await
}

fn exported_with_first_item(status: Status, notes: &str) -> String {
    use risk_checklist::core::{Action, Assessment, Document, Timestamp};
    let def = default_checklist();
    let t = Timestamp::parse("2026-02-01T10:00:00Z").unwrap();
    let mut a = Assessment::new(t.clone());
    let item = def.sections[0].items[0].id.clone();
    a.apply(&def, Action::SetTitle { title: "Imported team blog".into() }, t.clone());
    a.apply(&def, Action::SetStatus { item: item.clone(), status }, t.clone());
    a.apply(&def, Action::SetNotes { item, notes: notes.into() }, t.clone());
    Document::new(&def, &a, t).to_json()
}

use risk_checklist::core::Status;

#[wasm_bindgen_test]
async fn an_imported_file_is_previewed_then_opened_as_a_new_assessment() {
    clear("import");
    let host = open("import").await;
    control::<HtmlElement>(&item(&host, &first_title()), "Achieved").click();
    save_now().await;
    choose_file(
        &host,
        "team-blog.json",
        &exported_with_first_item(Status::NotAchieved, "<b>bold?</b>"),
    )
    .await;
    let preview = import_preview(&host).await;
    assert!(preview.text_content().unwrap().contains("Imported team blog"));
    // Nothing changed yet.
    assert!(control::<HtmlInputElement>(&item(&host, &first_title()), "Achieved").checked());
    button(&host, "Open as a new assessment").click();
    save_now().await;
    let group = item(&host, &first_title());
    assert!(control::<HtmlInputElement>(&group, "Not achieved").checked());
    assert_eq!(control::<web_sys::HtmlTextAreaElement>(&group, "Notes").value(), "<b>bold?</b>");
    let index = storage().get_item("risk-checklist/v1/import/index").unwrap().unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&index).unwrap()["entries"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[wasm_bindgen_test]
async fn replacing_by_import_can_be_undone() {
    clear("replace");
    let host = open("replace").await;
    control::<HtmlElement>(&item(&host, &first_title()), "Achieved").click();
    save_now().await;
    choose_file(&host, "other.json", &exported_with_first_item(Status::NotApplicable, "")).await;
    import_preview(&host).await;
    button(&host, "Replace the current assessment").click();
    yew::scheduler::flush().await;
    assert!(control::<HtmlInputElement>(&item(&host, &first_title()), "Not applicable").checked());
    button(&host, "Undo").click();
    yew::scheduler::flush().await;
    assert!(control::<HtmlInputElement>(&item(&host, &first_title()), "Achieved").checked());
}

#[wasm_bindgen_test]
async fn a_bad_file_is_explained_and_changes_nothing() {
    clear("badfile");
    let host = open("badfile").await;
    control::<HtmlElement>(&item(&host, &first_title()), "Partially achieved").click();
    save_now().await;
    let before = storage().get_item(&key("badfile")).unwrap();
    assert!(before.is_some(), "the answer was saved before the bad files");
    for (text, expect) in [
        ("{\"format\": \"risk-checklist/assessment\", \"format_version\": 1,", "line 1"),
        ("{\"format\": \"something-else\", \"format_version\": 1}", "something-else"),
        ("{\"format\": \"risk-checklist/assessment\", \"format_version\": 7}", "newer version"),
        ("", "empty"),
    ] {
        choose_file(&host, "bad.json", text).await;
        // Each file's own explanation replaces the last one's.
        let said = wait_for(&format!("an explanation naming {expect}"), || {
            let alert = host.query_selector(".rc-import [role='alert']").unwrap()?;
            alert.text_content().filter(|t| t.contains(expect))
        })
        .await;
        assert!(said.contains(expect) && said.contains("Nothing was changed"), "{said}");
    }
    save_now().await;
    assert_eq!(storage().get_item(&key("badfile")).unwrap(), before);
    assert!(
        control::<HtmlInputElement>(&item(&host, &first_title()), "Partially achieved").checked()
    );
}

/// Sends the `storage` event another tab's write would cause.
fn storage_event(key: &str, value: &str) {
    let send = js_sys::Function::new_with_args(
        "key, value",
        "window.dispatchEvent(new StorageEvent('storage', {key, newValue: value, storageArea: window.localStorage}));",
    );
    send.call2(&wasm_bindgen::JsValue::NULL, &key.into(), &value.into()).unwrap();
}

#[wasm_bindgen_test]
async fn a_change_saved_in_another_tab_is_shown_or_asked_about() {
    use risk_checklist::core::{Action, ChecklistDefinition, StoredAssessment, Timestamp};
    clear("tabs");
    let host = open("tabs").await;
    control::<HtmlElement>(&item(&host, &first_title()), "Achieved").click();
    save_now().await;
    let k = key("tabs");
    let stored = StoredAssessment::from_json(&storage().get_item(&k).unwrap().unwrap()).unwrap();
    let def: ChecklistDefinition = default_checklist();
    let theirs = |status| {
        let mut s = stored.clone();
        s.assessment.apply(
            &def,
            Action::SetStatus { item: def.sections[0].items[0].id.clone(), status },
            Timestamp::parse("2026-03-01T00:00:00Z").unwrap(),
        );
        s.to_json()
    };
    // No unsaved change here: the other tab's version is shown.
    storage_event(&k, &theirs(Status::NotApplicable));
    yew::scheduler::flush().await;
    assert!(control::<HtmlInputElement>(&item(&host, &first_title()), "Not applicable").checked());

    // An unsaved change here: the person is asked, and nothing is overwritten meanwhile.
    control::<HtmlElement>(&item(&host, &first_title()), "Not achieved").click();
    yew::scheduler::flush().await;
    storage_event(&k, &theirs(Status::PartiallyAchieved));
    yew::scheduler::flush().await;
    assert!(host.text_content().unwrap().contains("changed in another tab"));
    assert!(control::<HtmlInputElement>(&item(&host, &first_title()), "Not achieved").checked());
    button(&host, "Use the other tab's version").click();
    save_now().await;
    assert!(
        control::<HtmlInputElement>(&item(&host, &first_title()), "Partially achieved").checked()
    );
    let s = storage();
    let backups = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with("risk-checklist/v1/tabs/backup/"))
        .count();
    assert_eq!(backups, 1, "this tab's version is kept as a backup");
}

#[wasm_bindgen_test]
async fn assessments_can_be_created_listed_deleted_and_brought_back() {
    clear("library");
    let host = open("library").await;
    let title: HtmlInputElement = control(&host, "Project or tool assessed");
    title.set_value("First project");
    title.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    save_now().await;
    button(&host, "Assessments").click();
    yew::scheduler::flush().await;
    button(&host, "New assessment").click();
    save_now().await;
    assert_eq!(control::<HtmlInputElement>(&host, "Project or tool assessed").value(), "");
    button(&host, "Assessments").click();
    yew::scheduler::flush().await;
    let rows = host.query_selector_all(".rc-library tbody tr").unwrap();
    assert_eq!(rows.length(), 2);
    let delete = host
        .query_selector("button[aria-label='Delete First project']")
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap();
    delete.click();
    yew::scheduler::flush().await;
    assert_eq!(host.query_selector_all(".rc-library tbody tr").unwrap().length(), 1);
    button(&host, "Undo").click();
    yew::scheduler::flush().await;
    assert_eq!(host.query_selector_all(".rc-library tbody tr").unwrap().length(), 2);
}

#[wasm_bindgen_test]
async fn the_embedding_page_sets_the_heading_level_and_a_new_assessments_title() {
    clear("embedded");
    let host = document().create_element("div").unwrap();
    host.set_attribute("data-namespace", "embedded").unwrap();
    host.set_attribute("data-title", "Team chat pilot").unwrap();
    host.set_attribute("data-heading-level", "3").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    std::mem::forget(ui::mount(host.clone()));
    yew::scheduler::flush().await;
    assert_eq!(host.query_selector(".rc-heading").unwrap().unwrap().tag_name(), "H3");
    assert_eq!(host.query_selector(".rc-section-heading").unwrap().unwrap().tag_name(), "H4");
    assert!(host.query_selector("h1, h2").unwrap().is_none());
    assert_eq!(
        control::<HtmlInputElement>(&host, "Project or tool assessed").value(),
        "Team chat pilot"
    );
}

#[wasm_bindgen_test]
async fn an_assessment_of_an_older_checklist_version_opens_and_keeps_retired_answers() {
    let def = default_checklist();
    let first = def.sections[0].items[0].id.as_str().to_owned();
    let raw = serde_json::json!({
        "format": "risk-checklist/stored-assessment", "format_version": 1,
        "checklist": { "id": def.id, "version": "0.9.0" },
        "assessment": {
            "title": "Older version", "created": "2026-01-01T00:00:00Z", "updated": "2026-01-02T00:00:00Z",
            "answers": { first.clone(): { "status": "achieved" }, "removed-in-1-0": { "status": "not_achieved", "notes": "still here" } }
        }
    })
    .to_string();
    plant("versions", &raw);
    let host = open("versions").await;
    assert!(control::<HtmlInputElement>(&item(&host, &first_title()), "Achieved").checked());
    let retired = host
        .query_selector("[aria-label='Retired items']")
        .unwrap()
        .expect("retired answers shown");
    let text = retired.text_content().unwrap();
    assert!(text.contains("removed-in-1-0") && text.contains("still here"), "{text}");

    control::<HtmlElement>(&item(&host, &first_title()), "Not applicable").click();
    save_now().await;
    let stored: serde_json::Value =
        serde_json::from_str(&storage().get_item(&key("versions")).unwrap().unwrap()).unwrap();
    assert_eq!(stored["assessment"]["answers"]["removed-in-1-0"]["notes"], "still here");
    assert_eq!(stored["assessment"]["answers"][first.as_str()]["status"], "not_applicable");
    assert_eq!(
        stored["checklist"]["version"],
        def.version.as_str(),
        "saved as answering the current version"
    );
}

#[wasm_bindgen_test]
async fn a_decision_shows_in_the_header_and_says_when_it_needs_review() {
    clear("decision");
    let host = open("decision").await;
    button(&host, "Summary").click();
    yew::scheduler::flush().await;
    for (label, value) in [("Risk owner", "Jo Bloggs"), ("Date of decision", "2026-11-20")] {
        let input: HtmlInputElement = control(&host, label);
        input.set_value(value);
        input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
        yew::scheduler::flush().await;
    }
    control::<HtmlElement>(&host, "Proceed").click();
    yew::scheduler::flush().await;
    let line =
        || host.query_selector(".rc-signoff-line").unwrap().map(|l| l.text_content().unwrap());
    assert_eq!(line().as_deref(), Some("Decision: Proceed on 2026-11-20 by Jo Bloggs."));
    button(&host, "Checklist").click();
    yew::scheduler::flush().await;
    control::<HtmlElement>(&item(&host, &first_title()), "Not achieved").click();
    yew::scheduler::flush().await;
    assert!(line().unwrap_or_default().contains("Needs review"));
}

#[wasm_bindgen_test]
async fn when_another_app_clears_storage_the_open_assessment_is_written_back() {
    clear("cleared");
    let host = open("cleared").await;
    control::<HtmlElement>(&item(&host, &first_title()), "Achieved").click();
    // The key is known only once the first save has named it in the index.
    let k = wait_for("the first save", || {
        let k = key("cleared");
        storage().get_item(&k).unwrap().map(|_| k)
    })
    .await;
    clear("cleared");
    // What another tab's localStorage.clear() sends: a storage event with no key.
    let send = js_sys::Function::new_no_args("window.dispatchEvent(new StorageEvent('storage', {key: null, storageArea: window.localStorage}));");
    send.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    // Written back at once, with no pause: closing the tab right now would lose nothing.
    let stored = storage().get_item(&k).unwrap().expect("written back");
    assert!(stored.contains("\"achieved\""), "{stored}");
    assert_eq!(key("cleared"), k, "the index names it again");
}

/// Every key of a namespace with its value, sorted.
fn namespace_entries(ns: &str) -> Vec<(String, String)> {
    let s = storage();
    let prefix = format!("risk-checklist/v1/{ns}/");
    let mut out: Vec<(String, String)> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(&prefix))
        .map(|k| (k.clone(), s.get_item(&k).unwrap().unwrap_or_default()))
        .collect();
    out.sort();
    out
}

#[wasm_bindgen_test]
async fn an_index_from_a_newer_version_is_listed_and_never_written_over() {
    clear("newer-index");
    let s = storage();
    let record = exported_stored("Kept by the newer version");
    s.set_item("risk-checklist/v1/newer-index/assessment/a-newer", &record).unwrap();
    s.set_item(
        "risk-checklist/v1/newer-index/index",
        r#"{"format":"risk-checklist/index","format_version":2,"current":"a-newer","entries":[{"id":"a-newer","title":"Kept by the newer version","checklist_id":"social-media-collaboration-risk","checklist_title":"x","progress":{"assessed":1,"total":9},"updated":"2026-01-01T00:00:00Z","reviews":[]}],"colour":"red"}"#,
    )
    .unwrap();
    let before = namespace_entries("newer-index");
    let host = open("newer-index").await;
    let alert = host.query_selector("[role='alert']").unwrap().expect("a warning");
    assert!(alert.text_content().unwrap().contains("newer version"), "{:?}", alert.text_content());
    // Work goes on in the page, and nothing in the namespace changes.
    control::<HtmlElement>(&item(&host, &first_title()), "Not achieved").click();
    save_now().await;
    assert_eq!(namespace_entries("newer-index"), before);
    button(&host, "Assessments").click();
    yew::scheduler::flush().await;
    let list = host.query_selector(".rc-library").unwrap().expect("the list").text_content();
    assert!(
        list.unwrap_or_default().contains("Kept by the newer version"),
        "what it can read is listed"
    );
    assert_eq!(namespace_entries("newer-index"), before);
}

/// A stored record of the default checklist with this title and the first item achieved.
fn exported_stored(title: &str) -> String {
    use risk_checklist::core::{Action, Assessment, StoredAssessment, Timestamp};
    let def = default_checklist();
    let t = Timestamp::parse("2026-02-01T10:00:00Z").unwrap();
    let mut a = Assessment::new(t.clone());
    a.apply(&def, Action::SetTitle { title: title.into() }, t.clone());
    let item = def.sections[0].items[0].id.clone();
    a.apply(&def, Action::SetStatus { item, status: Status::Achieved }, t);
    StoredAssessment::new(&def, &a).to_json()
}

/// What another tab does when it starts an assessment: it stores the record, then names it
/// in the index; this page hears of the index change.
fn another_tab_starts(ns: &str, id: &str, title: &str) {
    let s = storage();
    s.set_item(&format!("risk-checklist/v1/{ns}/assessment/{id}"), &exported_stored(title))
        .unwrap();
    let index = format!(
        r#"{{"format":"risk-checklist/index","format_version":1,"current":"{id}","entries":[{{"id":"{id}","title":"{title}","checklist_id":"social-media-collaboration-risk","checklist_title":"x","progress":{{"assessed":1,"total":9}},"updated":"2026-02-01T10:00:00Z"}}]}}"#
    );
    let key = format!("risk-checklist/v1/{ns}/index");
    s.set_item(&key, &index).unwrap();
    storage_event(&key, &index);
}

#[wasm_bindgen_test]
async fn a_blank_tab_takes_up_the_assessment_another_tab_starts_and_a_used_one_keeps_its_own() {
    clear("fresh");
    let host = open("fresh").await;
    another_tab_starts("fresh", "a-other", "Started elsewhere");
    yew::scheduler::flush().await;
    assert_eq!(
        control::<HtmlInputElement>(&host, "Project or tool assessed").value(),
        "Started elsewhere"
    );
    assert!(control::<HtmlInputElement>(&item(&host, &first_title()), "Achieved").checked());
    // Answers given here now go to that one assessment.
    control::<HtmlElement>(&item(&host, &first_title()), "Not achieved").click();
    save_now().await;
    assert_eq!(key("fresh"), "risk-checklist/v1/fresh/assessment/a-other");
    let stored = storage().get_item(&key("fresh")).unwrap().unwrap();
    assert!(stored.contains("not_achieved") && stored.contains("Started elsewhere"), "{stored}");

    // A tab with answers of its own keeps them.
    clear("used");
    let used = open("used").await;
    control::<HtmlElement>(&item(&used, &first_title()), "Not applicable").click();
    yew::scheduler::flush().await;
    another_tab_starts("used", "a-other", "Started elsewhere");
    yew::scheduler::flush().await;
    assert_eq!(control::<HtmlInputElement>(&used, "Project or tool assessed").value(), "");
    assert!(control::<HtmlInputElement>(&item(&used, &first_title()), "Not applicable").checked());
}
