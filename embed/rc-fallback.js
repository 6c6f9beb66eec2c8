// What a host shows when the widget cannot start: a short plain-text message instead of a blank
// area. Shared by the standalone page's loader (rc-loader.js) and the embed bundle
// (`cargo xtask embed` appends it to risk-checklist.js with the `export` keyword removed).
// No styles, no markup: the text goes into each host's textContent.

export function showStartFailure(error) {
  const reason = startFailureReason(error);
  const hosts = document.querySelectorAll('[data-risk-checklist]');
  for (const host of hosts) {
    // A host the widget already mounted keeps working; only the others get the message.
    if (host.hasAttribute('data-mounted')) continue;
    host.textContent = `The risk checklist could not start in this browser: ${reason}`;
    host.setAttribute('data-start-failed', '');
  }
  console.warn('risk-checklist could not start:', error);
}

function startFailureReason(error) {
  const text = String((error && error.message) || error || 'unknown error');
  if (typeof WebAssembly !== 'object') return 'this browser does not run WebAssembly.';
  if (/Content Security Policy|wasm-unsafe-eval|unsafe-eval/i.test(text)) {
    return "the page's Content-Security-Policy does not allow WebAssembly (script-src needs 'wasm-unsafe-eval').";
  }
  if (/application\/wasm|MIME/i.test(text)) {
    return 'the WebAssembly file was not served as application/wasm.';
  }
  if (/magic word|expected magic|fetch|404|NetworkError|Failed to fetch|dynamically imported module/i.test(text)) {
    return `its files could not be loaded (${text.slice(0, 160)}).`;
  }
  return `${text.slice(0, 200)}.`;
}
