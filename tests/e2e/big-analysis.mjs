// A published analysis (`analysis@1`) of a 50,000-quote article, generated (body under the
// 1,000,000-character cap: about 11.9 MB of JSON), for caps.test.mjs and published-read.test.mjs.

export const QUOTES = 50_000;
export const SPEAKERS = 40;
export const PER_PARAGRAPH = 50;

/** An `analysis@1` with QUOTES short quotes by SPEAKERS people, and a chain of relations. */
export function bigAnalysis() {
  const names = Array.from({ length: SPEAKERS }, (_, i) => `Person ${String.fromCharCode(65 + (i % 26))}${i}`);
  const ids = names.map((n) => n.toLowerCase().replace(/ /g, '-'));
  const mentions = names.map(() => []);
  let body = '';
  const paragraphs = [];
  const quotes = [];
  // The first paragraph names everyone (the mentions the relations' evidence points at).
  let start = 0;
  body = names.map((n, i) => {
    const at = body.length + names.slice(0, i).reduce((a, m) => a + m.length + 2, 0);
    mentions[i].push({ field: 'body', start: at, end: at + n.length, text: n });
    return n;
  }).join(', ') + '.';
  paragraphs.push({ start: 0, end: body.length });
  for (let p = 0; p < QUOTES / PER_PARAGRAPH; p++) {
    body += '\n\n';
    start = body.length;
    const parts = [];
    for (let k = 0; k < PER_PARAGRAPH; k++) {
      const n = p * PER_PARAGRAPH + k;
      const text = `Point ${n}.`;
      const at = start + parts.reduce((a, s) => a + s.length + 1, 0);
      parts.push(`“${text}”`);
      quotes.push({
        id: `q${n + 1}`, text, field: 'body', start: at + 1, end: at + 1 + text.length, speaker: ids[n % SPEAKERS],
        kind: 'direct', paragraph: p + 1, confidence: 0.9, cue: null, speaker_mention: null, method: 'editor', mentions: [],
      });
    }
    body += parts.join(' ');
    paragraphs.push({ start, end: body.length });
  }
  const stakeholders = names.map((name, i) => ({
    id: ids[i], name, kind: 'person', role: i % 3 ? null : 'spokesperson', role_mention: null, aliases: [name],
    mentions: mentions[i], affiliations: [], mention_count: 1, quote_count: QUOTES / SPEAKERS, prominence: 1 - i / SPEAKERS,
  }));
  const relations = names.slice(1).map((_, i) => ({
    id: `r${i + 1}`, source: ids[i], target: ids[i + 1], kind: i % 2 ? 'supports' : 'criticises', stance: i % 2 ? 'positive' : 'negative',
    evidence: mentions[i + 1][0], negated: false, reported_by: null, object: null,
  }));
  return { schema: 'stakeholder-map/analysis@1', headline: `${QUOTES} quotes`, date: null, body, paragraphs, stakeholders, quotes, relations };
}
