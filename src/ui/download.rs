//! Hands a file to the browser to download, through a Blob and an object URL.

use wasm_bindgen::JsCast;

/// Starts a download of `contents` as `file_name`. Returns a message if the browser refused.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let fail = |what: &str| {
        format!("The download could not start ({what}). Try again, or use another browser.")
    };
    let document =
        web_sys::window().and_then(|w| w.document()).ok_or_else(|| fail("no document"))?;
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("object URL"))?;
    let anchor = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| fail("link"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoke later: some browsers read the URL after click() returns.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
