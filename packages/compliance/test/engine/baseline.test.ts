import { describe, expect, it } from 'vitest';
import { assessBaseline } from '../../src/engine/baseline.ts';
import { buildDocumentIndex } from '../../src/engine/document-index.ts';
import { facet } from '../../src/frameworks/define.ts';
import { requireBuiltinFramework } from '../../src/frameworks/registry.ts';
import { assessOne, doc, laptopEncryption, testControl } from './support.ts';

const status = (markdown: string) => assessOne(markdown).status;

describe('binding statements', () => {
  it.each([
    'All laptops must be encrypted.',
    'Laptops shall be encrypted before they are issued.',
    'IT will encrypt every laptop.',
    'Staff are required to encrypt their laptops.',
    'Laptops are encrypted with FileVault or BitLocker.',
    'We encrypt all company laptops.',
    'The service desk encrypts each laptop before handing it over.',
    'No laptop is issued without full-disk encryption.',
  ])('"%s" meets the requirement', (sentence) => {
    const finding = assessOne(`# Endpoints\n\n${sentence}`);
    expect(finding.status).toBe('met');
    expect(finding.evidence.map((e) => e.quote)).toEqual([sentence]);
    expect(finding.gaps).toEqual([]);
  });

  it.each([
    'Laptops should be encrypted.',
    'Where possible, laptops are encrypted.',
    'We aim to encrypt laptops over time.',
    'Laptops may be encrypted at the discretion of the owner.',
    'Some laptops are encrypted.',
  ])('hedged "%s" is only partial', (sentence) => {
    const finding = assessOne(sentence);
    expect(finding.status).toBe('partial');
    expect(finding.gaps[0]).toMatch(/non-binding/);
  });

  it('a hedge in another clause does not weaken a commitment', () => {
    expect(status('Laptops are encrypted, and we may add hardware keys later.')).toBe('met');
  });
});

describe('negation', () => {
  it.each([
    'Laptops are not encrypted.',
    'We do not encrypt laptops.',
    "Laptop encryption isn't enforced.",
    'No laptop is encrypted.',
    'Laptops are never encrypted.',
    'Nobody encrypts the laptops.',
    'We encrypt servers, but not laptops.',
  ])('"%s" is missing, and the gap quotes the denial', (sentence) => {
    const finding = assessOne(sentence);
    expect(finding.status).toBe('missing');
    expect(finding.gaps[0]).toContain(sentence);
    expect(finding.evidence[0].quote).toBe(sentence);
  });

  it('a denial in another independent clause does not negate', () => {
    expect(status('Laptops are encrypted, and production data is never copied to them.')).toBe('met');
  });

  it('deadline phrases are not denials', () => {
    const notify = testControl([facet('notify', 'notify people', 'notif*', 'breach*')]);
    expect(
      assessOne('We will notify affected people of a breach no later than 60 days after discovery.', notify)
        .status,
    ).toBe('met');
    expect(assessOne('Breaches will be notified without undue delay.', notify).status).toBe('met');
  });

  it('a commitment contradicted elsewhere is partial', () => {
    const finding = assessOne('All laptops are encrypted.\n\nLaptops used by contractors are not encrypted.');
    expect(finding.status).toBe('partial');
    expect(finding.gaps[0]).toMatch(
      /contradicted elsewhere: "Laptops used by contractors are not encrypted\."/,
    );
  });

  it('inverted terms: forbidding or denying the bad practice commits, asserting it does not', () => {
    const noSharing = testControl([facet('no-sharing', 'keep passwords personal', 'password*', '!shar*')]);
    expect(assessOne('Passwords must not be shared.', noSharing).status).toBe('met');
    expect(assessOne('Sharing of passwords is prohibited.', noSharing).status).toBe('met');
    expect(assessOne('Passwords are shared within each team.', noSharing).status).toBe('missing');
  });
});

describe('topics that are only named', () => {
  it.each([
    '# Laptop Encryption\n\nThis section is intentionally short.',
    '## Contents\n\n3. Laptop encryption ........ 12',
    'We maintain the following policies:\n\n- Laptop Encryption Policy\n- Access Control Policy',
    'We maintain the Laptop Encryption Policy and the Access Control Policy.',
    'All staff must read the Laptop Encryption Policy.',
    '| Topic | Owner |\n|---|---|\n| Laptop encryption | IT |',
  ])('naming the topic is not a commitment: %s', (markdown) => {
    const finding = assessOne(markdown);
    expect(finding.status).toBe('missing');
    expect(finding.gaps[0]).toMatch(/only named|No statement/);
  });

  it('a document about itself commits to nothing', () => {
    expect(status('This policy describes how laptops are encrypted.')).toBe('missing');
  });

  it('a list item completes the sentence that introduces it', () => {
    const finding = assessOne(
      'All staff must:\n\n- lock their screens\n- encrypt their laptops\n- report lost devices',
    );
    expect(finding.status).toBe('met');
    expect(finding.evidence.map((e) => e.quote)).toEqual(['All staff must:', 'encrypt their laptops']);
  });

  it('the introducing sentence can supply a term ("You have the right to:")', () => {
    const access = testControl([facet('access', 'give access', 'access', 'personal data', 'right*')]);
    expect(
      assessOne('You have the right to:\n\n- access your personal data;\n- object to marketing.', access)
        .status,
    ).toBe('met');
  });
});

describe('partial coverage', () => {
  const twoFacets = testControl([
    laptopEncryption,
    facet('usb', 'block removable media', 'usb|removable media'),
  ]);

  it('is partial when some facets are committed to, with a gap per missing facet', () => {
    const finding = assessOne('Laptops must be encrypted.', twoFacets);
    expect(finding.status).toBe('partial');
    expect(finding.gaps).toEqual(['No statement that the organization will block removable media.']);
    expect(finding.recommendations[0]).toContain('block removable media');
    expect(finding.evidence.map((e) => e.facet)).toEqual(['laptops']);
    expect(finding.rationale).toBe('1 of 2 requirement elements have a binding statement.');
  });

  it('is met only when every facet is committed to', () => {
    expect(
      assessOne('Laptops must be encrypted. USB storage is blocked on all endpoints.', twoFacets).status,
    ).toBe('met');
  });
});

describe('not applicable', () => {
  const hipaa = requireBuiltinFramework('hipaa');
  const encryption = hipaa.controls.find((c) => c.id === '164.312(a)(2)(iv)')!;

  it('follows a scope statement in the document, quoting it', () => {
    const finding = assessOne(
      '# Scope\n\nWe do not collect, store or process protected health information.\n\nLaptops are encrypted.',
      encryption,
    );
    expect(finding.status).toBe('not_applicable');
    expect(finding.evidence[0].quote).toBe(
      'We do not collect, store or process protected health information.',
    );
    expect(finding.rationale).toMatch(/does not handle protected health information/);
  });

  it('does not treat a narrower statement as a scope exclusion', () => {
    const gdpr = requireBuiltinFramework('gdpr');
    const art32 = gdpr.controls.find((c) => c.id === 'Art.32')!;
    expect(assessOne('We do not store personal data on laptops.', art32).status).not.toBe('not_applicable');
  });

  it('follows what the caller declares, over the document', () => {
    const md = 'We do not process protected health information.';
    expect(
      assessOne('Laptops are encrypted.', encryption, { scopes: { 'health-information': false } }),
    ).toMatchObject({
      status: 'not_applicable',
      confidence: 0.95,
    });
    expect(assessOne(md, encryption, { scopes: { 'health-information': true } }).status).toBe('missing');
  });

  it('needs a mention for scopes that are not assumed (children)', () => {
    const art8 = requireBuiltinFramework('gdpr').controls.find((c) => c.id === 'Art.8')!;
    expect(assessOne('We sell hiking boots.', art8).status).toBe('not_applicable');
    const children =
      'Children under 16 must provide consent from a parent, and we verify parental consent by email.';
    expect(assessOne(children, art8).status).toBe('met');
  });

  it('follows a statement that names the control or puts its topic out of scope', () => {
    const soc2 = requireBuiltinFramework('soc2');
    const cc64 = soc2.controls.find((c) => c.id === 'CC6.4')!;
    expect(assessOne('CC6.4 is not applicable because we have no offices.', cc64).status).toBe(
      'not_applicable',
    );
    const finding = assessOne('Physical security controls are outside the scope of this standard.', cc64);
    expect(finding.status).toBe('not_applicable');
    expect(finding.evidence[0].quote).toBe(
      'Physical security controls are outside the scope of this standard.',
    );
  });
});

describe('findings', () => {
  it('quote the document word for word and say they come from the baseline engine', () => {
    const markdown =
      '# Security\n\nLaptops must be encrypted.   Backups are taken daily.\n\n- Staff must use MFA.';
    const document = doc(markdown);
    const findings = assessBaseline(document, requireBuiltinFramework('soc2').controls);
    expect(findings).toHaveLength(61);
    for (const finding of findings) {
      expect(finding.method).toBe('baseline');
      expect(finding.confidence).toBeGreaterThanOrEqual(0);
      expect(finding.confidence).toBeLessThanOrEqual(1);
      for (const { quote } of finding.evidence) expect(document.text).toContain(quote);
    }
  });

  it('are the same with a reused index', () => {
    const document = doc('Laptops must be encrypted. We do not use USB drives.');
    const controls = requireBuiltinFramework('soc2').controls;
    const index = buildDocumentIndex(document);
    expect(assessBaseline(document, controls, { index })).toEqual(assessBaseline(document, controls));
  });
});
