//! Components and storage in a real browser (headless Chromium through wasm-bindgen-test):
//! what only a test inside the page can see, such as how components render, which of them a
//! keystroke re-renders, and what lands in storage. Journeys a person takes are tested end to
//! end in tests/e2e. Each test mounts a widget into a fresh host element with its own storage
//! namespace.
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
async fn choosing_a_status_updates_the_badge_and_progress() {
    let host = open("status").await;
    control::<HtmlElement>(&item(&host, &first_title()), "Achieved").click();
    yew::scheduler::flush().await;
    let total = default_checklist().item_count();
    assert_eq!(progress(&host), (100 / total).to_string());
    let badge = item(&host, &first_title()).query_selector(".rc-badge").unwrap().unwrap();
    assert_eq!(badge.text_content().unwrap(), "Achieved");
    assert!(badge.class_name().split_whitespace().any(|c| c == "rc-badge-achieved"));
}

#[wasm_bindgen_test]
async fn ratings_show_the_band_as_text() {
    clear("rating");
    let host = open("rating").await;
    control::<HtmlElement>(&item(&host, &first_title()), "Not achieved").click();
    yew::scheduler::flush().await;
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

/// The button with exactly this text inside `scope`.
fn button(scope: &Element, text: &str) -> HtmlElement {
    let buttons = scope.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().as_deref() == Some(text))
        .unwrap_or_else(|| panic!("no button {text}"))
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
    let focused = || document().active_element().map(|el| el.outer_html()).unwrap_or_default();
    // Rename puts the focus in the name field; Cancel puts it back on Rename.
    let rename = "button[aria-label='Rename First project']";
    let by_label = |selector: &str| {
        host.query_selector(selector).unwrap().unwrap().dyn_into::<HtmlElement>().unwrap()
    };
    by_label(rename).click();
    yew::scheduler::flush().await;
    let name: HtmlInputElement = control(&host, "New name for First project");
    assert_eq!(document().active_element(), Some(name.clone().into()), "{}", focused());
    button(&host, "Cancel").click();
    yew::scheduler::flush().await;
    assert_eq!(document().active_element(), Some(by_label(rename).into()), "{}", focused());
    let delete = host
        .query_selector("button[aria-label='Delete First project']")
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap();
    delete.focus().unwrap();
    delete.click();
    yew::scheduler::flush().await;
    assert_eq!(host.query_selector_all(".rc-library tbody tr").unwrap().length(), 1);
    // The deleted row took the focused button with it: the focus is on the banner saying so,
    // with Undo inside it, at the top of the view; nothing else says it again.
    let banner = || host.query_selector(".rc-banner").unwrap().expect("a notification banner");
    assert_eq!(document().active_element(), Some(banner()), "{}", focused());
    assert_eq!(banner().get_attribute("role").as_deref(), Some("region"));
    assert!(banner().text_content().unwrap_or_default().contains("Deleted “First project”"));
    assert_eq!(host.query_selector(".rc-live span").unwrap(), None, "said once, in the banner");
    let undo =
        banner().query_selector("button").unwrap().unwrap().dyn_into::<HtmlElement>().unwrap();
    assert_eq!(undo.text_content().as_deref(), Some("Undo"));
    undo.click();
    yew::scheduler::flush().await;
    let rows = host.query_selector_all(".rc-library tbody tr").unwrap();
    assert_eq!(rows.length(), 2);
    // The row put back reads as before: its title and its progress through the checklist.
    let back = (0..rows.length())
        .filter_map(|i| rows.item(i)?.text_content())
        .find(|t| t.contains("First project"))
        .expect("the row put back shows its title");
    assert!(back.contains("0 of"), "its progress: {back}");
    let def = default_checklist();
    assert!(back.contains(&def.title) && !back.contains(&def.id), "the checklist's title: {back}");
    // Undo took itself away: the focus is on the banner saying it is back.
    assert_eq!(document().active_element(), Some(banner()), "{}", focused());
    assert!(banner().text_content().unwrap_or_default().contains("is back"));
}

#[wasm_bindgen_test]
async fn scope_answered_folds_to_one_line_with_change_scope_which_opens_it_again() {
    let ns = "scope-fold";
    clear(ns);
    let def = default_checklist();
    let scope: serde_json::Map<String, serde_json::Value> =
        def.questions.iter().map(|q| (q.id.as_str().to_owned(), true.into())).collect();
    let mut a = serde_json::to_value(risk_checklist::core::Assessment::new(
        risk_checklist::core::Timestamp::parse("2026-01-01T00:00:00Z").unwrap(),
    ))
    .unwrap();
    a["scope"] = scope.into();
    let raw = serde_json::json!({
        "format": "risk-checklist/stored-assessment",
        "format_version": 3,
        "checklist": {"id": def.id, "version": def.version},
        "assessment": a,
    });
    plant(ns, &raw.to_string());
    let host = open(ns).await;
    let folded = host.query_selector(".rc-scope-folded").unwrap().expect("scope folded");
    assert!(folded.text_content().unwrap_or_default().contains("All scope questions are answered"));
    assert_eq!(host.query_selector(".rc-scope input").unwrap(), None, "no question shown");
    button(&host, "Change scope").click();
    yew::scheduler::flush().await;
    let first = host.query_selector(".rc-scope input[type=radio]").unwrap().expect("questions");
    assert_eq!(document().active_element(), Some(first));
    assert_eq!(host.query_selector(".rc-scope-folded").unwrap(), None);
}

#[wasm_bindgen_test]
async fn every_table_cell_is_labelled_by_its_column_header_for_narrow_screens() {
    let ns = "table-labels";
    clear(ns);
    let host = open(ns).await;
    button(&host, "Summary").click();
    let cells = wait_for("labelled cells", || {
        let cells = host.query_selector_all(".rc-table tbody td, .rc-table tbody th").ok()?;
        (cells.length() > 0).then_some(cells)
    })
    .await;
    yew::scheduler::flush().await;
    for i in 0..cells.length() {
        let cell = cells.item(i).unwrap().dyn_into::<Element>().unwrap();
        let table = cell.closest("table").unwrap().unwrap();
        let label = cell.get_attribute("data-label");
        let siblings = cell.parent_element().unwrap().query_selector_all(":scope > *").unwrap();
        let column = (0..siblings.length())
            .find(|&j| siblings.item(j).as_ref() == Some(cell.as_ref()))
            .unwrap();
        let header = table
            .query_selector_all("thead tr:last-child > *")
            .unwrap()
            .item(column)
            .and_then(|h| h.text_content())
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty());
        assert_eq!(label, header, "cell {i}: {}", cell.outer_html());
    }
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
async fn an_assessment_of_checklist_2_0_says_what_changed_and_links_each_item() {
    let def = default_checklist();
    let raw = include_str!("fixtures/formats/v2-stored-checklist-2.0.1.json");
    plant("changes-2-0", raw);
    let host = open("changes-2-0").await;
    let notice = wait_for("the notice of what changed", || {
        host.query_selector(".rc-changes").ok().flatten()
    })
    .await;
    let text = notice.text_content().unwrap_or_default();
    assert!(text.contains("version 2.0.1") && text.contains(&def.version), "{text}");
    let links = notice.query_selector_all(".rc-todo button").unwrap();
    let latest = &def.changes[0];
    let listed: std::collections::BTreeSet<_> =
        latest.changed.iter().chain(latest.merged.iter().map(|m| &m.into)).collect();
    assert_eq!(links.length() as usize, listed.len(), "one link per item changed or merged into");
    // Every item merged into had its own answer, so the merged items' answers are kept as
    // retired items: the notice counts them and they are listed under "Retired items".
    assert!(text.contains("4 answers to items this version no longer has"), "{text}");
    let first: HtmlElement = links.item(0).unwrap().dyn_into().unwrap();
    let title = first.text_content().unwrap_or_default();
    first.click();
    wait_for("the linked item on screen", || {
        host.query_selector_all("fieldset.rc-item legend").ok().and_then(|all| {
            (0..all.length())
                .find(|&i| all.item(i).and_then(|n| n.text_content()) == Some(title.clone()))
        })
    })
    .await;
    button(&host, "Hide what changed").click();
    wait_for("the notice gone", || {
        host.query_selector(".rc-changes").ok().flatten().is_none().then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_decision_is_recorded_by_its_button_after_its_checks_and_then_locks_the_title() {
    clear("decision");
    let host = open("decision").await;
    button(&host, "Summary").click();
    yew::scheduler::flush().await;
    control::<HtmlElement>(&host, "Proceed").click();
    yew::scheduler::flush().await;
    let line =
        || host.query_selector(".rc-signoff-line").unwrap().map(|l| l.text_content().unwrap());
    assert_eq!(line(), None, "choosing a decision records nothing");
    button(&host, "Record the decision").click();
    let summary = wait_for("the error summary with the focus", || {
        let active = document().active_element()?;
        active.class_name().contains("rc-error-summary").then_some(active)
    })
    .await;
    let text = summary.text_content().unwrap();
    assert!(text.starts_with("There is a problem"), "{text}");
    assert!(text.contains("Enter the risk owner's name"), "{text}");
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    for (label, value) in [("Risk owner", "Jo Bloggs"), ("Role", "SIRO")] {
        let input: HtmlInputElement = control(&host, label);
        input.set_value(value);
        input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
        yew::scheduler::flush().await;
    }
    button(&host, "Record the decision").click();
    yew::scheduler::flush().await;
    assert!(host.query_selector(".rc-error-summary").unwrap().is_none());
    assert!(line().unwrap_or_default().starts_with("Decision: Proceed on "), "{:?}", line());
    let locked = host.query_selector(".rc-locked").unwrap().expect("the read-only line");
    let locked = locked.text_content().unwrap();
    assert!(locked.ends_with("by Jo Bloggs (SIRO). Answers are read-only."), "{locked}");
    let labels = host.query_selector_all("label").unwrap();
    let title_field = (0..labels.length())
        .filter_map(|i| labels.item(i)?.text_content())
        .any(|t| t == "Project or tool assessed");
    assert!(!title_field, "the title is shown as text, not a field");
}

#[wasm_bindgen_test]
async fn a_date_is_typed_as_day_month_and_year_and_an_impossible_one_is_said_beside_it() {
    clear("dates");
    let host = open("dates").await;
    button(&host, "Summary").click();
    yew::scheduler::flush().await;
    let group = host.query_selector(".rc-signoff .rc-date").unwrap().expect("the review date");
    assert_eq!(
        group.query_selector("legend").unwrap().unwrap().text_content().unwrap(),
        "Review date"
    );
    for (label, value) in [("Day", "31"), ("Month", "2"), ("Year", "2027")] {
        let input: HtmlInputElement = control(&group, label);
        input.set_value(value);
        input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
        yew::scheduler::flush().await;
    }
    let message = group.query_selector(".rc-error-message").unwrap().expect("the message");
    assert_eq!(message.text_content().unwrap(), "Error: Review date must be a real date");
    let day: HtmlInputElement = control(&group, "Day");
    assert_eq!(day.value(), "31", "what was typed stays");
    let stored = wait_for("the draft saved as typed", || {
        storage().get_item(&key("dates")).unwrap().filter(|r| r.contains("2027-2-31"))
    })
    .await;
    assert!(stored.contains("\"review_date\":\"2027-2-31\""), "{stored}");
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

/// Types `text` into a text field as a keystroke does: the value changes, then `input` fires.
fn type_into(field: &HtmlElement, text: &str) {
    js_sys::Reflect::set(field, &"value".into(), &text.into()).unwrap();
    field.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
}

/// The components rendered by typing `text` into `field`, with how often.
async fn renders_of_typing(field: &HtmlElement, text: &str) -> Vec<(&'static str, u32)> {
    yew::scheduler::flush().await;
    ui::context::take_renders();
    type_into(field, text);
    yew::scheduler::flush().await;
    ui::context::take_renders().into_iter().collect()
}

#[wasm_bindgen_test]
async fn a_keystroke_re_renders_only_the_components_that_show_the_field() {
    let host = open("renders").await;
    // The widget's root renders, as it holds the state; below it, only what shows the field.
    let notes = control(&item(&host, &first_title()), "Notes");
    let shown = renders_of_typing(&notes, "A").await;
    assert_eq!(shown, [("Checklist", 1), ("ItemView", 1), ("SectionView", 1)]);
    let title = control(&host, "Project or tool assessed");
    assert_eq!(renders_of_typing(&title, "T").await, [("Checklist", 1), ("Header", 1)]);
    button(&host, "Summary").click();
    yew::scheduler::flush().await;
    let owner = control(&host, "Risk owner");
    assert_eq!(
        renders_of_typing(&owner, "J").await,
        [("Checklist", 1), ("SignOffForm", 1), ("SummaryView", 1)]
    );
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

#[wasm_bindgen_test]
async fn an_assessment_the_index_lost_to_another_tab_s_write_is_listed_again() {
    // As when two tabs save at the same moment and the second writes the index without the
    // first one's new entry: the record is there, its entry is not.
    plant_all("lost-entry", &[("a-listed", exported_stored("Listed"))]);
    let s = storage();
    s.set_item(
        "risk-checklist/v1/lost-entry/assessment/a-lost",
        &exported_stored("Saved by the other tab"),
    )
    .unwrap();
    let host = open("lost-entry").await;
    button(&host, "Assessments").click();
    yew::scheduler::flush().await;
    let list = host.query_selector(".rc-library").unwrap().expect("the list").text_content();
    let list = list.unwrap_or_default();
    assert!(list.contains("Listed") && list.contains("Saved by the other tab"), "{list}");
    // And the index is written back with it, for every tab.
    let index = s.get_item("risk-checklist/v1/lost-entry/index").unwrap().unwrap_or_default();
    assert!(index.contains("\"a-lost\"") && index.contains("\"a-listed\""), "{index}");
}

/// A stored record of the default checklist with this title and the first item achieved.
fn exported_stored(title: &str) -> String {
    use risk_checklist::core::{Action, Assessment, StoredAssessment, Timestamp};
    let def = default_checklist();
    let t = Timestamp::parse("2026-02-01T10:00:00Z").unwrap();
    let mut a = Assessment::new(t.clone());
    a.apply(&def, Action::SetTitle { title: title.into() }, t.clone());
    let item = def.sections[0].items[0].id.clone();
    a.apply(&def, Action::SetStatus { item, status: risk_checklist::core::Status::Achieved }, t);
    StoredAssessment::new(&def, &a).to_json()
}

/// A stored record of the default checklist titled `title`, its first item at `status`, last
/// changed on `day` of March 2026, after `edit`.
fn record(
    title: &str,
    day: u8,
    status: risk_checklist::core::Status,
    edit: impl FnOnce(&mut risk_checklist::core::Assessment),
) -> String {
    use risk_checklist::core::{Action, Assessment, StoredAssessment, Timestamp};
    let def = default_checklist();
    let t = Timestamp::parse(&format!("2026-03-{day:02}T10:00:00Z")).unwrap();
    let mut a = Assessment::new(t.clone());
    a.apply(&def, Action::SetTitle { title: title.into() }, t.clone());
    let item = def.sections[0].items[0].id.clone();
    a.apply(&def, Action::SetStatus { item, status }, t);
    edit(&mut a);
    StoredAssessment::new(&def, &a).to_json()
}

/// Stores each (id, record) in namespace `ns`, with an index listing them; the first is open.
fn plant_all(ns: &str, records: &[(&str, String)]) {
    clear(ns);
    let s = storage();
    let entries: Vec<String> = records
        .iter()
        .map(|(id, raw)| {
            s.set_item(&format!("risk-checklist/v1/{ns}/assessment/{id}"), raw).unwrap();
            let title = serde_json::from_str::<serde_json::Value>(raw).unwrap()["assessment"]
                ["title"]
                .clone();
            format!(
                r#"{{"id":"{id}","title":{title},"checklist_id":"social-media-collaboration-risk","checklist_title":"x","progress":{{"assessed":1,"total":9}},"updated":"2026-03-01T00:00:00Z"}}"#
            )
        })
        .collect();
    s.set_item(
        &format!("risk-checklist/v1/{ns}/index"),
        &format!(
            r#"{{"format":"risk-checklist/index","format_version":1,"current":"{}","entries":[{}]}}"#,
            records[0].0,
            entries.join(",")
        ),
    )
    .unwrap();
}

/// The text of each row of the table captioned `caption`, cells joined by " | ".
fn table_rows(host: &Element, caption: &str) -> Vec<String> {
    let tables = host.query_selector_all("table").unwrap();
    let table = (0..tables.length())
        .filter_map(|i| tables.item(i)?.dyn_into::<Element>().ok())
        .find(|t| {
            t.query_selector("caption").unwrap().and_then(|c| c.text_content()).as_deref()
                == Some(caption)
        })
        .unwrap_or_else(|| panic!("no table captioned {caption}"));
    let rows = table.query_selector_all("tbody tr").unwrap();
    (0..rows.length())
        .filter_map(|i| rows.item(i)?.dyn_into::<Element>().ok())
        .map(|row| {
            let cells = row.query_selector_all("th, td").unwrap();
            (0..cells.length())
                .filter_map(|i| cells.item(i)?.text_content())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

#[wasm_bindgen_test]
async fn comparing_with_another_assessment_shows_the_item_that_differs_side_by_side() {
    use risk_checklist::core::Status;
    plant_all(
        "compare",
        &[
            ("a-open", record("Pilot", 5, Status::NotAchieved, |_| {})),
            ("a-earlier", record("Pilot draft", 3, Status::Achieved, |_| {})),
        ],
    );
    let host = open("compare").await;
    button(&host, "Assessments").click();
    yew::scheduler::flush().await;
    host.query_selector("button[aria-label='Compare Pilot draft with the open assessment']")
        .unwrap()
        .expect("a Compare button on the other row")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
    let heading = host.query_selector(".rc-compare h2").unwrap().expect("the comparison");
    assert_eq!(document().active_element(), Some(heading), "focus moves to its heading");
    let section = &default_checklist().sections[0].title;
    assert_eq!(
        table_rows(&host, "Items that differ"),
        [format!("{} | {section} | StatusAchieved | StatusNot achieved", first_title())]
    );
    let text = host.query_selector(".rc-compare").unwrap().unwrap().text_content().unwrap();
    assert!(text.contains("Risks: 1 risk opened, 0 closed, 0 raised, 0 lowered."), "{text}");
    assert!(text.contains("“Pilot draft” (last changed 2026-03-03)"), "{text}");
    button(&host, "Close the comparison").click();
    yew::scheduler::flush().await;
    assert!(host.query_selector(".rc-compare").unwrap().is_none());
    assert!(host.query_selector(".rc-library").unwrap().is_some(), "back to the list");
}

/// A review of "Team chat", decided on 2026-03-04 by `owner` with `conditions`, opened on its
/// Summary: the text of its Changes since last review.
async fn review_changes_text(ns: &str, owner: &str, conditions: &str) -> (Element, String) {
    use risk_checklist::core::{Action, Decision, SignOff, Status, Timestamp};
    let (owner, conditions) = (owner.to_owned(), conditions.to_owned());
    let review = record("Team chat", 3, Status::Achieved, |a| {
        let def = default_checklist();
        let t = Timestamp::parse("2026-03-04T10:00:00Z").unwrap();
        let signoff = SignOff {
            owner,
            conditions,
            decision: Some(Decision::Proceed),
            decided: Some("2026-03-04".into()),
            recorded: Some(t.clone()),
            ..SignOff::default()
        };
        a.apply(&def, Action::Record { signoff }, t.clone());
        *a = a.start_review("a-signed", t.clone());
        let item = def.sections[0].items[0].id.clone();
        a.apply(&def, Action::SetStatus { item, status: Status::NotAchieved }, t);
    });
    plant_all(ns, &[("a-review", review)]);
    let host = open(ns).await;
    button(&host, "Summary").click();
    yew::scheduler::flush().await;
    let changes = host.query_selector(".rc-review-changes").unwrap().expect("the section");
    let text = changes.text_content().unwrap();
    (host, text)
}

#[wasm_bindgen_test]
async fn a_review_shows_what_changed_since_the_last_review_in_its_summary() {
    let (host, text) = review_changes_text("review", "Jo Bloggs", "Fix recovery first").await;
    assert!(text.starts_with("Changes since last review"), "{text}");
    assert!(
        text.contains(
            "This assessment reviews Team chat, decided 4 March 2026 by Jo Bloggs (Proceed)."
        ),
        "{text}"
    );
    assert!(text.contains("Its conditions: Fix recovery first"), "{text}");
    let section = &default_checklist().sections[0].title;
    assert_eq!(
        table_rows(&host, "Items changed since the last review"),
        [format!("{} | {section} | StatusAchieved | StatusNot achieved", first_title())]
    );
}

#[wasm_bindgen_test]
async fn a_review_line_leaves_out_a_blank_owner_and_blank_conditions_as_the_report_does() {
    let (_, text) = review_changes_text("review-blank", "   ", " \n ").await;
    assert!(
        text.contains("This assessment reviews Team chat, decided 4 March 2026 (Proceed)."),
        "{text}"
    );
    assert!(!text.contains(" by ") && !text.contains("Its conditions"), "{text}");
}

/// The scope question group whose legend is `question`.
fn scope_question(host: &Element, question: &str) -> Element {
    let groups = host.query_selector_all("fieldset.rc-question").unwrap();
    (0..groups.length())
        .filter_map(|i| groups.item(i)?.dyn_into::<Element>().ok())
        .find(|g| {
            g.query_selector("legend").unwrap().unwrap().text_content().as_deref() == Some(question)
        })
        .unwrap_or_else(|| panic!("no scope question {question}"))
}

/// The section list's button for the section titled `title`.
fn nav_button(host: &Element, title: &str) -> HtmlElement {
    let buttons = host.query_selector_all("nav[aria-label='Sections'] button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| {
            b.query_selector(".rc-nav-title").unwrap().and_then(|t| t.text_content()).as_deref()
                == Some(title)
        })
        .unwrap_or_else(|| panic!("no section button {title}"))
}

/// The section titles the section list offers.
fn listed_sections(host: &Element) -> Vec<String> {
    let titles = host.query_selector_all("nav[aria-label='Sections'] .rc-nav-title").unwrap();
    (0..titles.length()).filter_map(|i| titles.item(i)?.text_content()).collect()
}

#[wasm_bindgen_test]
async fn a_scope_question_answered_no_hides_its_part_and_yes_brings_it_back_with_its_answers() {
    clear("scope");
    let def = default_checklist();
    let question = def.questions.iter().find(|q| q.id.as_str() == "public-channel").unwrap();
    let index = def
        .sections
        .iter()
        .position(|s| s.applies_when.as_ref().is_some_and(|c| c.any_yes.contains(&question.id)))
        .unwrap();
    let section = &def.sections[index];
    let host = open("scope").await;
    assert!(listed_sections(&host).contains(&section.title));
    // An answer in the part, then "No": the part leaves the list and the page.
    nav_button(&host, &section.title).click();
    yew::scheduler::flush().await;
    control::<HtmlElement>(&item(&host, &section.items[0].title), "Not achieved").click();
    yew::scheduler::flush().await;
    control::<HtmlElement>(&scope_question(&host, &question.question), "No").click();
    yew::scheduler::flush().await;
    assert!(!listed_sections(&host).contains(&section.title));
    assert_eq!(listed_sections(&host).len(), def.sections.len() - 1);
    let shown = host.query_selector_all("fieldset.rc-item legend").unwrap();
    let titles: Vec<String> =
        (0..shown.length()).filter_map(|i| shown.item(i)?.text_content()).collect();
    assert!(!titles.contains(&section.items[0].title), "{titles:?}");
    // "Yes" brings the part back with the answer it had.
    control::<HtmlElement>(&scope_question(&host, &question.question), "Yes").click();
    yew::scheduler::flush().await;
    nav_button(&host, &section.title).click();
    yew::scheduler::flush().await;
    assert!(control::<HtmlInputElement>(&item(&host, &section.items[0].title), "Not achieved")
        .checked());
}

/// The labels inside `scope`, in order.
fn labels(scope: &Element) -> Vec<String> {
    let found = scope.query_selector_all("label, legend").unwrap();
    (0..found.length()).filter_map(|i| found.item(i)?.text_content()).collect()
}

#[wasm_bindgen_test]
async fn an_item_asks_for_a_rating_only_when_found_wanting_and_keeps_what_was_typed() {
    clear("reveal");
    let host = open("reveal").await;
    let title = first_title();
    let asks = |field: &str| labels(&item(&host, &title)).iter().any(|l| l == field);
    let fields = ["Likelihood", "Impact", "Response", "Owner", "Due date", "Action"];
    // Not assessed, then achieved: no rating fields, no response, owner, due date or action.
    assert!(fields.iter().all(|f| !asks(f)), "{:?}", labels(&item(&host, &title)));
    control::<HtmlElement>(&item(&host, &title), "Achieved").click();
    yew::scheduler::flush().await;
    assert!(fields.iter().all(|f| !asks(f)), "{:?}", labels(&item(&host, &title)));
    assert!(asks("Notes"));
    // Not achieved: revealed under the status, which says what it controls.
    control::<HtmlElement>(&item(&host, &title), "Not achieved").click();
    yew::scheduler::flush().await;
    assert!(fields.iter().all(|f| asks(f)), "{:?}", labels(&item(&host, &title)));
    let reveal = item(&host, &title).query_selector(".rc-reveal").unwrap().expect("revealed");
    for status in ["Partially achieved", "Not achieved"] {
        let radio: HtmlInputElement = control(&item(&host, &title), status);
        assert_eq!(radio.get_attribute("aria-controls"), Some(reveal.id()), "{status}");
    }
    let achieved: HtmlInputElement = control(&item(&host, &title), "Achieved");
    assert_eq!(achieved.get_attribute("aria-controls"), None);
    // The four responses, each with its meaning read with it.
    for response in risk_checklist::core::Response::ALL {
        let radio: HtmlInputElement = control(&item(&host, &title), response.label());
        let hint = radio.get_attribute("aria-describedby").unwrap();
        let hint = document().get_element_by_id(&hint).unwrap().text_content().unwrap();
        assert_eq!(hint, response.meaning());
    }
    // The risk line is a polite live region before the rating changes it.
    let risk = || item(&host, &title).query_selector(".rc-risk").unwrap().unwrap();
    assert_eq!(risk().get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(risk().text_content().unwrap(), "Risk: not rated");
    for (label, value) in [("Likelihood", "3"), ("Impact", "3")] {
        let select: web_sys::HtmlSelectElement = control(&item(&host, &title), label);
        select.set_value(value);
        select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
        yew::scheduler::flush().await;
    }
    control::<HtmlElement>(&item(&host, &title), "Tolerate").click();
    type_into(&control(&item(&host, &title), "Owner"), "Sam Jones");
    yew::scheduler::flush().await;
    assert_eq!(risk().text_content().unwrap(), "Risk: High (score 9)");
    // Achieved again: the fields go, and the item counts as no risk in the Summary ...
    control::<HtmlElement>(&item(&host, &title), "Achieved").click();
    yew::scheduler::flush().await;
    assert!(fields.iter().all(|f| !asks(f)));
    // ... and back to partially achieved, everything typed is still there.
    control::<HtmlElement>(&item(&host, &title), "Partially achieved").click();
    yew::scheduler::flush().await;
    let group = item(&host, &title);
    assert_eq!(control::<web_sys::HtmlSelectElement>(&group, "Likelihood").value(), "3");
    assert_eq!(control::<web_sys::HtmlSelectElement>(&group, "Impact").value(), "3");
    assert!(control::<HtmlInputElement>(&group, "Tolerate").checked());
    assert_eq!(control::<HtmlInputElement>(&group, "Owner").value(), "Sam Jones");
    assert_eq!(risk().text_content().unwrap(), "Risk: High (score 9)");
}

#[wasm_bindgen_test]
async fn not_applicable_asks_why_in_the_notes_field() {
    clear("why");
    let host = open("why").await;
    let title = first_title();
    let notes: HtmlElement = control(&item(&host, &title), "Notes");
    control::<HtmlElement>(&item(&host, &title), "Not applicable").click();
    yew::scheduler::flush().await;
    let why: HtmlElement = control(&item(&host, &title), "Why is this not applicable?");
    assert_eq!(why.id(), notes.id(), "the same field, which an error can link to");
    assert!(why.id().ends_with("-notes"));
}

/// A stored record whose first item is not achieved, rated, and due on `due`, signed off when
/// `signed`.
fn open_item_record(due: &str, signed: bool) -> String {
    use risk_checklist::core::{Action, Decision, SignOff, Timestamp};
    let due = due.to_owned();
    record("Pilot", 2, risk_checklist::core::Status::NotAchieved, move |a| {
        let def = default_checklist();
        let t = Timestamp::parse("2026-03-02T11:00:00Z").unwrap();
        let item = def.sections[0].items[0].id.clone();
        let risk = Action::SetRisk { item: item.clone(), likelihood: Some(2), impact: Some(3) };
        a.apply(&def, risk, t.clone());
        a.apply(&def, Action::SetDue { item, due: Some(due) }, t.clone());
        if signed {
            a.signoff = Some(SignOff {
                owner: "Jo Bloggs".into(),
                role: "Director".into(),
                decision: Some(Decision::Proceed),
                decided: Some("2026-03-02".into()),
                recorded: Some(t),
                ..SignOff::default()
            });
        }
    })
}

#[wasm_bindgen_test]
async fn a_due_date_already_past_is_marked_overdue_in_words() {
    let overdue = |host: &Element| {
        item(host, &first_title())
            .query_selector(".rc-overdue")
            .unwrap()
            .and_then(|o| o.text_content())
    };
    plant_all("overdue", &[("a-past", open_item_record("2020-01-31", false))]);
    let host = open("overdue").await;
    assert_eq!(overdue(&host).as_deref(), Some("Overdue"));
    plant_all("not-overdue", &[("a-future", open_item_record("2999-01-31", false))]);
    let host = open("not-overdue").await;
    assert_eq!(overdue(&host), None);
}

#[wasm_bindgen_test]
async fn a_signed_assessment_s_items_cannot_be_changed() {
    plant_all("signed-items", &[("a-signed", open_item_record("2020-01-31", true))]);
    let host = open("signed-items").await;
    let group = item(&host, &first_title());
    let controls = group.query_selector_all("input, select, textarea").unwrap();
    assert!(controls.length() > 10);
    for n in 0..controls.length() {
        let control = controls.item(n).unwrap().dyn_into::<Element>().unwrap();
        assert!(control.matches(":disabled").unwrap(), "{}", control.outer_html());
    }
    // The item itself can still take the focus a link to it gives.
    assert!(!group.matches(":disabled").unwrap());
    let achieved: HtmlInputElement = control(&group, "Achieved");
    achieved.click();
    yew::scheduler::flush().await;
    assert!(!achieved.checked());
    assert!(control::<HtmlInputElement>(&item(&host, &first_title()), "Not achieved").checked());
}

/// The id of the element with the focus.
fn focused_id() -> String {
    document().active_element().map(|el| el.id()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_summary_row_links_to_its_item_and_back_to_summary_returns_the_focus_to_it() {
    use risk_checklist::core::{Action, ItemId, Status, Timestamp};
    let def = default_checklist();
    let (section, target) = (&def.sections[1], &def.sections[1].items[1]);
    let id = target.id.clone();
    let raw = record("Links", 5, Status::Achieved, |a| {
        let t = Timestamp::parse("2026-03-05T10:00:00Z").unwrap();
        let item = ItemId::new(id.as_str());
        a.apply(
            &def,
            Action::SetStatus { item: item.clone(), status: Status::NotAchieved },
            t.clone(),
        );
        a.apply(&def, Action::SetRisk { item, likelihood: Some(2), impact: Some(2) }, t);
    });
    plant_all("back", &[("a-back", raw)]);
    let host = open("back").await;
    button(&host, "Summary").click();
    yew::scheduler::flush().await;
    // The row of Open risks is a link named after the item.
    let link: HtmlElement = wait_for("the open risk's link", || {
        let links = host.query_selector_all(".rc-summary .rc-table th .rc-link").ok()?;
        (0..links.length())
            .filter_map(|i| links.item(i)?.dyn_into::<HtmlElement>().ok())
            .find(|l| l.text_content().as_deref() == Some(target.title.as_str()))
    })
    .await;
    let row = link.id();
    assert!(row.ends_with(&format!("sum-risks-{}", target.id)), "{row}");
    link.click();
    let item_id = wait_for("the focus on the item", || {
        let focused = focused_id();
        focused.ends_with(&format!("{}-item", target.id)).then_some(focused)
    })
    .await;
    assert!(document().get_element_by_id(&item_id).is_some());
    let heading = host.query_selector(".rc-section-heading").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap().trim(), section.title);
    button(&host, "Back to summary").click();
    wait_for("the focus back on the row", || (focused_id() == row).then_some(())).await;
    assert!(host.query_selector(".rc-summary").unwrap().is_some());
    assert!(host.query_selector(".rc-back").unwrap().is_none(), "no way back once back");
}

#[wasm_bindgen_test]
async fn the_browser_s_own_print_renders_the_record_from_the_checklist_and_takes_it_away_after() {
    clear("print");
    let host = open("print").await;
    let title: HtmlInputElement = control(&host, "Project or tool assessed");
    title.set_value("Team chat pilot");
    title.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert!(host.query_selector(".rc-print-record").unwrap().is_none(), "nothing extra on screen");
    // Ctrl+P, or the browser's menu: the browser says so before it lays the page out for paper.
    let window = web_sys::window().unwrap();
    window.dispatch_event(&web_sys::Event::new("beforeprint").unwrap()).unwrap();
    yew::scheduler::flush().await;
    let record = host.query_selector(".rc-print-record .rc-summary").unwrap().expect("the record");
    let text = record.text_content().unwrap();
    assert!(text.contains("All answers") && text.contains("Decision and sign-off"), "{text}");
    // Each text field of the record has its value beside it, as printed in place of the box.
    let printed = host.query_selector(".rc-header .rc-print-value").unwrap().unwrap();
    assert_eq!(printed.text_content().unwrap(), "Team chat pilot");
    // The Checklist stays on screen as it was.
    assert!(host.query_selector(".rc-section-heading").unwrap().is_some());
    window.dispatch_event(&web_sys::Event::new("afterprint").unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert!(host.query_selector(".rc-print-record").unwrap().is_none(), "taken away after");
}
