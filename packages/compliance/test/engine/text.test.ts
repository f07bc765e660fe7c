import { describe, expect, it } from 'vitest';
import { buildBm25 } from '../../src/engine/bm25.ts';
import { commitmentStrength, hedgedClauses } from '../../src/engine/commitment.ts';
import { analyzeNegation } from '../../src/engine/negation.ts';
import { splitSentences } from '../../src/engine/text/sentences.ts';
import { stem } from '../../src/engine/text/stem.ts';
import { compilePhrase, findPhrases } from '../../src/engine/text/terms.ts';
import { tokenize } from '../../src/engine/text/tokenize.ts';

const strength = (text: string) => commitmentStrength(tokenize(text), text);

describe('stemming and tokens', () => {
  it('gives word families one stem', () => {
    for (const family of [
      ['encrypt', 'encrypted', 'encryption', 'encrypts', 'encrypting'],
      ['authorize', 'authorised', 'authorization', 'authorisation'],
      ['review', 'reviewed', 'reviews', 'reviewing'],
      ['use', 'used', 'uses', 'using'],
      ['policy', 'policies'],
      ['log', 'logs', 'logged', 'logging'],
    ])
      expect(new Set(family.map(stem)).size).toBe(1);
  });

  it('keeps offsets into the text', () => {
    const text = "Staff don't share MFA-codes.";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.raw)).toEqual(['staff', "don't", 'share', 'mfa', 'codes']);
    for (const t of tokens) expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.raw);
  });

  it('matches phrases by stem, prefix and exact word', () => {
    const tokens = tokenize('Third-party vendors encrypted the logs; logging is enabled.');
    expect(findPhrases([compilePhrase('third part*')], tokens)).toEqual([[0, 2]]);
    expect(findPhrases([compilePhrase('encryption')], tokens)).toEqual([[3, 4]]);
    expect(findPhrases([compilePhrase('=logs')], tokens)).toEqual([[5, 6]]);
    expect(findPhrases([compilePhrase('!shared log*')], tokenize('shared logins'))).toEqual([[0, 2, true]]);
  });
});

describe('sentences', () => {
  it('splits on sentence ends but not on abbreviations or section numbers', () => {
    const text = '4.2 Keys are rotated, e.g. every year. See Art. 32 for details! Is this done? Yes.';
    expect(splitSentences(text).map(([s, e]) => text.slice(s, e))).toEqual([
      '4.2 Keys are rotated, e.g. every year.',
      'See Art. 32 for details!',
      'Is this done?',
      'Yes.',
    ]);
  });
});

describe('commitment strength', () => {
  it.each([
    'Staff must report incidents.',
    'Keys shall be rotated yearly.',
    'We will notify you within 72 hours.',
    'Vendors are required to sign an NDA.',
    'Data at rest is encrypted.',
    'We review access quarterly.',
    'The CISO approves exceptions.',
    'You may request a copy of your data.',
    'Admin access may only be granted by the CTO.',
    'MFA is mandatory.',
  ])('"%s" is binding', (text) => expect(strength(text)).toBe('strong'));

  it.each([
    'Staff should report incidents.',
    'We may share data with partners.',
    'We plan to introduce MFA.',
    'Encryption requirements are described in the Encryption Policy.',
  ])('"%s" is hedged', (text) => expect(strength(text)).toBe('weak'));

  it('marks hedged clauses so that a hedge weakens only its own clause', () => {
    const hedged = (text: string) => {
      const tokens = tokenize(text);
      return [...hedgedClauses(tokens, analyzeNegation(tokens, text).clause)];
    };
    expect(hedged('Where possible, keys are rotated.')).toEqual([0]);
    expect(hedged('Keys are rotated, and we may add an HSM later.')).toEqual([1]);
    expect(hedged('Only the owner can approve access.')).toEqual([]);
  });

  it.each([
    'Encryption Policy',
    'This policy describes our approach to encryption.',
    'Is MFA enabled?',
    'Access control and logging',
  ])('"%s" commits to nothing', (text) => expect(strength(text)).toBe('none'));
});

describe('BM25', () => {
  it('ranks passages with more and rarer query terms first', () => {
    const index = buildBm25([
      ['encrypt', 'laptop'],
      ['laptop', 'issu'],
      ['backup', 'daili'],
      ['encrypt', 'laptop', 'disk'],
    ]);
    const results = index.search(['encrypt', 'laptop'], 10);
    expect(results.map((r) => r.id)).toEqual([0, 3, 1]);
    expect(index.search(['unknown'], 10)).toEqual([]);
    expect(index.search(['laptop'], 1)).toHaveLength(1);
  });
});
