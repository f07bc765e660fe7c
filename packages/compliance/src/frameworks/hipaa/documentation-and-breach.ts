import { controlFamily, facet } from '../define.ts';
import { NOTIFY, PERIODIC, POLICY_REVIEW } from '../terms.ts';

const organizational = controlFamily('hipaa', 'Organizational requirements', {
  appliesWhen: 'health-information',
});
const documentation = controlFamily('hipaa', 'Policies, procedures and documentation', {
  appliesWhen: 'health-information',
});
const breach = controlFamily('hipaa', 'Breach notification', { appliesWhen: 'health-information' });

const DOCS = 'documentation|polic*|procedure*';
const HHS = 'secretary|hhs|health and human services|office for civil rights|=ocr';

export const documentationAndBreach = [
  organizational('164.314(a)(1)', {
    title: 'Business associate contract terms',
    summary:
      'Business associate contracts require the associate to protect ePHI, bind its subcontractors likewise and report security incidents and breaches.',
    severity: 'high',
    facets: [
      facet(
        'safeguards',
        'require business associates by contract to safeguard ePHI',
        'business associate*|subcontractor*',
        'safeguard*|protect*|comply|security rule|secur*',
      ),
      facet(
        'reporting',
        'require business associates to report security incidents and breaches',
        'business associate*|subcontractor*',
        NOTIFY,
        'incident*|breach*',
      ),
    ],
  }),
  documentation('164.316(a)', {
    title: 'Policies and procedures',
    summary:
      'Reasonable and appropriate policies and procedures are implemented to comply with the Security Rule.',
    severity: 'high',
    facets: [
      facet(
        'implement',
        'implement written policies and procedures for the Security Rule',
        'polic*|procedure*',
        'implement*|maintain*|adopt*|document*|establish*|written',
        'security rule|hipaa|ephi|phi|health information|security standard*',
      ),
    ],
  }),
  documentation('164.316(b)(1)', {
    title: 'Documentation',
    summary:
      'Policies, procedures and required actions or assessments are kept in written, possibly electronic, form.',
    severity: 'medium',
    facets: [
      facet(
        'written',
        'keep policies and required records in written form',
        'document*|written|writing|record*',
        'polic*|procedure*|action*|activit*|assessment*',
      ),
    ],
  }),
  documentation('164.316(b)(2)(i)', {
    title: 'Documentation time limit',
    summary:
      'Required documentation is kept for six years from when it was created or last in effect, whichever is later.',
    severity: 'medium',
    facets: [
      facet(
        'six-years',
        'keep required documentation for six years',
        'six years|6 years|6-year|six-year|six (6) years',
        'retain*|keep*|kept|stor*|maintain*|retention',
      ),
    ],
  }),
  documentation('164.316(b)(2)(ii)', {
    title: 'Documentation availability',
    summary: 'Documentation is available to those who implement the procedures it covers.',
    severity: 'low',
    facets: [
      facet(
        'available',
        'make documentation available to those who implement it',
        DOCS,
        'available|accessible',
        'responsible|workforce|those who|staff|employee*|personnel|implement*',
      ),
    ],
  }),
  documentation('164.316(b)(2)(iii)', {
    title: 'Documentation updates',
    summary:
      'Documentation is reviewed periodically and updated after environmental or operational changes affecting ePHI security.',
    severity: 'medium',
    facets: [
      facet(
        'update',
        'review and update documentation periodically and after changes',
        DOCS,
        POLICY_REVIEW,
        `${PERIODIC}|in response to|environmental|operational change*|significant change*`,
      ),
    ],
  }),
  breach('164.402', {
    title: 'Breach risk assessment',
    summary:
      'An impermissible use or disclosure of PHI is presumed a breach unless a documented risk assessment shows a low probability that the PHI was compromised.',
    severity: 'high',
    facets: [
      facet(
        'assessment',
        'assess the probability that PHI was compromised in each incident',
        'risk assessment*|assess*|evaluat*',
        'breach*|incident*|impermissible',
        'probability|compromis*|factor*|nature and extent',
      ),
    ],
  }),
  breach('164.404', {
    title: 'Notification to individuals',
    summary:
      'Individuals whose unsecured PHI is breached are notified in writing without unreasonable delay and within 60 days of discovery, with a description of what happened and what they can do.',
    severity: 'critical',
    facets: [
      facet(
        'notify',
        'notify affected individuals of breaches of unsecured PHI',
        NOTIFY,
        'individual*|patient*|affected|member*|person*',
        'breach*',
      ),
      facet(
        'deadline',
        'notify within 60 days of discovering the breach',
        '60 days|sixty days|60 calendar days|sixty calendar days|sixty (60) days',
      ),
      facet(
        'content',
        'describe the breach, the data involved and the steps individuals should take',
        'description|describ*|what happened|types of|steps|toll-free',
        'notice*|notification*|letter*',
      ),
      facet(
        'method',
        'send the notice by first-class mail or agreed email',
        'first-class mail|first class mail|written notice|written notification|substitute notice',
        'notif*|notice*|sent|send*|provid*',
      ),
    ],
  }),
  breach('164.406', {
    title: 'Notification to the media',
    summary:
      'A breach affecting more than 500 residents of a state or jurisdiction is also announced through prominent media outlets there.',
    severity: 'medium',
    facets: [
      facet(
        'media',
        'notify prominent media outlets of breaches affecting more than 500 residents',
        'media|press|news outlet*',
        '500|five hundred',
      ),
    ],
  }),
  breach('164.408', {
    title: 'Notification to the Secretary',
    summary:
      'HHS is notified of breaches: at once for those affecting 500 or more people, and in an annual log for smaller ones.',
    severity: 'high',
    facets: [
      facet('notify', 'notify HHS of breaches of unsecured PHI', HHS, `${NOTIFY}|submit*`),
      facet(
        'timing',
        'report large breaches contemporaneously and smaller ones annually',
        HHS,
        '500|five hundred|annual*|calendar year|contemporaneous*|60 days|sixty days',
      ),
    ],
  }),
  breach('164.410', {
    title: 'Notification by a business associate',
    summary:
      'A business associate reports a breach of unsecured PHI to the covered entity without unreasonable delay and within 60 days of discovery.',
    severity: 'high',
    facets: [
      facet(
        'notify',
        'have business associates report breaches to the covered entity',
        'business associate*',
        NOTIFY,
        'breach*',
      ),
    ],
  }),
  breach('164.412', {
    title: 'Law enforcement delay',
    summary:
      'Notification is delayed when a law enforcement official states that it would impede an investigation.',
    severity: 'low',
    facets: [
      facet(
        'delay',
        'delay notification when law enforcement requests it',
        'law enforcement',
        'delay*|postpon*|defer*',
      ),
    ],
  }),
  breach('164.414', {
    title: 'Burden of proof',
    summary:
      'The covered entity or business associate can show that all required notifications were made, or that an event was not a breach.',
    severity: 'medium',
    facets: [
      facet(
        'evidence',
        'keep evidence that required breach notifications were made',
        'document*|record*|evidence|demonstrat*|burden of proof',
        'notification*|notice*',
      ),
    ],
  }),
];
