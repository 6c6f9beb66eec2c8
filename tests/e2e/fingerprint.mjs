// The fingerprint of a signed assessment, recomputed here from an exported file by the rules of
// docs/FORMAT.md ("Fingerprint"), with no code of the app: what anyone checking a file without
// the widget would write. The end-to-end tests sign a file with it and expect the app to agree.

import { createHash } from 'node:crypto';

const ESCAPES = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One line of the canonical form: the fields escaped, joined by tabs, ended by a line feed. */
const line = (fields) => `${fields.map((f) => String(f ?? '').replace(/[\\\t\n\r]/g, (c) => ESCAPES[c])).join('\t')}\n`;

/** Byte order of UTF-8 text, as the documented sort asks. */
const byBytes = (a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** A section or item applies unless every question its condition names is answered No. */
const applies = (when, scope) => !when || !when.any_yes.every((q) => scope[q] === false);

/** Whether an answer has anything set other than when it changed. */
const answered = (answer) => Object.keys(answer).some((k) => k !== 'changed' && (k !== 'status' || answer.status !== 'not_assessed'));

/** The canonical form of `doc` (an exported file) with the sign-off `signoff`. */
export function canonical(doc, signoff) {
  const { definition, assessment } = doc;
  const scope = assessment.scope ?? {};
  let out = line(['risk-checklist fingerprint 1']) + line(['checklist', definition.id, definition.version]);
  for (const q of Object.keys(scope).sort(byBytes)) out += line(['scope', q, scope[q] ? 'yes' : 'no']);
  const inScope = definition.sections
    .filter((s) => applies(s.applies_when, scope))
    .flatMap((s) => s.items.filter((i) => applies(i.applies_when, scope)).map((i) => i.id));
  const answers = assessment.answers ?? {};
  for (const id of inScope.filter((id) => answers[id] && answered(answers[id])).sort(byBytes)) {
    const a = answers[id];
    out += line(['item', id, a.status, a.likelihood, a.impact, a.response, a.owner, a.due, a.action, a.notes]);
  }
  const s = signoff;
  return out + line(['decision', s.decision, s.owner, s.role, s.decided, s.review_date, s.conditions]);
}

/** The SHA-256 of the canonical form, 64 lowercase hex digits. */
export const fingerprint = (doc, signoff) => createHash('sha256').update(canonical(doc, signoff), 'utf8').digest('hex');

/** A fingerprint as people read it: its first 12 digits in groups of four. */
export const shown = (hex) => hex.slice(0, 12).match(/.{4}/g).join(' ');

/** `doc` with the decision `signoff` recorded on it, fingerprint included, as the app records one. */
export function signed(doc, signoff) {
  const copy = structuredClone(doc);
  const record = { ...signoff, recorded: `${signoff.decided}T10:00:00Z` };
  copy.assessment.signoff = { ...record, fingerprint: fingerprint(copy, record) };
  return copy;
}
