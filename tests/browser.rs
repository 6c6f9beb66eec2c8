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

fn key(ns: &str) -> String {
    format!("risk-checklist/v1/{ns}/assessment")
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

async fn settle(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
    yew::scheduler::flush().await;
}

/// The item group whose legend is `title`.
fn item(host: &Element, title: &str) -> Element {
    let groups = host.query_selector_all("fieldset.rc-item").unwrap();
    (0..groups.length())
        .filter_map(|i| groups.item(i)?.dyn_into::<Element>().ok())
        .find(|g| g.query_selector("legend").unwrap().unwrap().text_content().as_deref() == Some(title))
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
    host.query_selector("[aria-label='Overall progress']").unwrap().unwrap().get_attribute("aria-valuenow").unwrap()
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
    assert_eq!(host.query_selector_all("fieldset.rc-item").unwrap().length() as usize, section.items.len());
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
    storage().remove_item(&key("status")).unwrap();
    let host = open("status").await;
    let group = item(&host, &first_title());
    control::<HtmlElement>(&group, "Achieved").click();
    yew::scheduler::flush().await;
    let total = default_checklist().item_count();
    assert_eq!(progress(&host), (100 / total).to_string());
    assert_eq!(item(&host, &first_title()).query_selector(".rc-badge").unwrap().unwrap().text_content().unwrap(), "Achieved");

    settle(500).await;
    let stored = storage().get_item(&key("status")).unwrap().expect("saved after the pause");
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
    storage().remove_item(&key("restore")).unwrap();
    let host = open("restore").await;
    let group = item(&host, &first_title());
    control::<HtmlElement>(&group, "Not achieved").click();
    let notes: web_sys::HtmlTextAreaElement = control(&group, "Notes");
    notes.set_value("Two admins share one password – café ☕");
    notes.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    settle(500).await;

    let again = open("restore").await;
    let group = item(&again, &first_title());
    assert!(control::<HtmlInputElement>(&group, "Not achieved").checked());
    assert_eq!(control::<web_sys::HtmlTextAreaElement>(&group, "Notes").value(), "Two admins share one password – café ☕");
}

#[wasm_bindgen_test]
async fn an_unreadable_stored_value_is_backed_up_and_never_overwritten() {
    let raw = "{\"format\": \"risk-checklist/stored-assessment\", \"format_version\": 1, \"checklist\": ";
    storage().set_item(&key("broken"), raw).unwrap();
    let host = open("broken").await;
    let alert = host.query_selector("[role='alert']").unwrap().expect("a warning");
    assert!(alert.text_content().unwrap().contains("could not be opened"));
    let backup_prefix = "risk-checklist/v1/broken/backup/";
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
    storage().set_item(&key("newer"), raw).unwrap();
    let host = open("newer").await;
    control::<HtmlElement>(&item(&host, &first_title()), "Achieved").click();
    settle(500).await;
    assert_eq!(storage().get_item(&key("newer")).unwrap().as_deref(), Some(raw));
    let alert = host.query_selector("[role='alert']").unwrap().expect("a warning");
    assert!(alert.text_content().unwrap().contains("newer version"));
}

#[wasm_bindgen_test]
async fn blocked_storage_leaves_a_working_widget_with_a_warning() {
    // Make window.localStorage throw, as a sandboxed iframe or disabled storage does.
    let window = web_sys::window().unwrap();
    let descriptor = js_sys::Object::get_own_property_descriptor(&window, &"localStorage".into());
    let thrower = js_sys::Function::new_no_args("throw new DOMException('blocked', 'SecurityError')");
    let getter = js_sys::Object::new();
    js_sys::Reflect::set(&getter, &"get".into(), &thrower).unwrap();
    js_sys::Reflect::set(&getter, &"configurable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(&window, &"localStorage".into(), &getter);

    let host = open("blocked").await;
    control::<HtmlElement>(&item(&host, &first_title()), "Achieved").click();
    yew::scheduler::flush().await;
    let alert_text = host.query_selector("[role='alert']").unwrap().map(|a| a.text_content().unwrap());

    if descriptor.is_undefined() {
        js_sys::Reflect::delete_property(&window, &"localStorage".into()).unwrap();
    } else {
        js_sys::Object::define_property(&window, &"localStorage".into(), &descriptor.unchecked_into());
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
    let text = host.query_selector("[role='alert']").unwrap().expect("problems shown").text_content().unwrap();
    for path in ["title", "sections[0].items[0].title", "sections[0].items[1].id"] {
        assert!(text.contains(path), "{path} missing from: {text}");
    }
}
