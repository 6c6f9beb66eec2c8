// The standalone page's loader (dist/rc-loader.js), an external module so that the page has no
// inline script. Trunk writes its tag from `pattern_script` in Trunk.toml:
//   <script type="module" src="/rc-loader.js" data-rc-glue="/risk-checklist-<hash>.js"
//           data-rc-wasm="/risk-checklist-<hash>_bg.wasm"></script>
// It imports the wasm-bindgen module, runs its init (which runs the wasm's main, which mounts
// every [data-risk-checklist] host), and shows a plain message in the hosts if that fails.

import { showStartFailure } from './rc-fallback.js';

async function start() {
  const tag = document.querySelector('script[data-rc-glue][data-rc-wasm]');
  if (!tag) throw new Error('the page has no <script data-rc-glue data-rc-wasm> tag.');
  const { default: init } = await import(tag.getAttribute('data-rc-glue'));
  await init({ module_or_path: tag.getAttribute('data-rc-wasm') });
}

start().catch(showStartFailure);
