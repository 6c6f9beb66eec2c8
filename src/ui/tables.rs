//! Tables on a narrow screen. Below about 40rem every table of the widget (the comparison, the
//! merge preview, the heat map, the Summary's tables, the list of assessments) is laid out as
//! stacked rows (style/widget.css), so none needs scrolling sideways; each cell then shows the
//! header of its column before it, from its `data-label`. [`use_stacked_tables`] writes those
//! labels from each table's own header row after every render, so no component repeats its
//! headers and a new table needs nothing more than a `<thead>`.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The attribute the stacked layout reads a cell's column header from.
const LABEL: &str = "data-label";

/// Labels the cells of every table inside the element `root_id`, after every render.
#[hook]
pub fn use_stacked_tables(root_id: String) {
    use_effect(move || {
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(root) = document.and_then(|d| d.get_element_by_id(&root_id)) {
            label_cells(&root);
        }
    });
}

/// The elements a selector finds under `el`.
fn all(el: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = el.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
}

/// Gives each body cell of each table under `root` its column's header as `data-label`; an
/// unchanged label is not written again, so a render that changed nothing changes no attribute.
pub fn label_cells(root: &web_sys::Element) {
    for table in all(root, "table") {
        let headers: Vec<String> = all(&table, ":scope > thead > tr:last-child > *")
            .iter()
            .map(|th| th.text_content().unwrap_or_default().trim().to_owned())
            .collect();
        for row in all(&table, ":scope > tbody > tr") {
            for (cell, header) in all(&row, ":scope > th, :scope > td").iter().zip(&headers) {
                if header.is_empty() {
                    let _ = cell.remove_attribute(LABEL);
                } else if cell.get_attribute(LABEL).as_deref() != Some(header.as_str()) {
                    let _ = cell.set_attribute(LABEL, header);
                }
            }
        }
    }
}
