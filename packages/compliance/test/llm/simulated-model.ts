import type { FakeRequest, Reply } from '../../../core/test/ai/fake-providers.ts';

/**
 * A stand-in for a model, answering the compliance prompt from what it contains: for each control it
 * cites the first passage sharing a word with the control's title, quoting its first words. Controls
 * listed in `hallucinate` get a quote that is not in the document; `skip` controls are left out.
 */
export function simulatedAuditor(options: { hallucinate?: string[]; skip?: string[] } = {}) {
  return (request: FakeRequest): Reply => {
    const passages = [...request.prompt.matchAll(/^\[(\d+)\] (.+)$/gm)].map((m) => ({
      n: Number(m[1]),
      text: m[2],
    }));
    const controls = [...request.prompt.matchAll(/^([A-Za-z0-9.()]+): (.+)$/gm)]
      .map((m) => ({ id: m[1], title: m[2].toLowerCase() }))
      .filter((c) => !/^\[/.test(c.id) && c.id !== 'Passages' && c.id !== 'Controls');
    const findings = controls
      .filter((c) => !options.skip?.includes(c.id))
      .map((c) => {
        const words = c.title.split(/\W+/).filter((w) => w.length > 4);
        const hit = passages.find((p) => words.some((w) => p.text.toLowerCase().includes(w)));
        const quote = options.hallucinate?.includes(c.id)
          ? 'All data is protected by quantum-proof encryption at every moment.'
          : hit?.text.split(' ').slice(0, 8).join(' ');
        return {
          control_id: c.id,
          status: hit ? 'met' : 'missing',
          confidence: 0.8,
          evidence: hit && quote ? [{ passage: hit.n, quote }] : [],
          gaps: hit ? [] : ['No statement addresses this control.'],
          recommendations: hit ? [] : ['Add a binding statement.'],
          rationale: hit ? 'A passage commits to it.' : null,
        };
      });
    return { json: { findings }, inputTokens: 1200, outputTokens: 300 };
  };
}
