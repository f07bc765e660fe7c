import { controlFamily, facet } from '../define.ts';
import { PERIODIC, POLICY_REVIEW } from '../terms.ts';

const environment = controlFamily('soc2', 'Control Environment');
const communication = controlFamily('soc2', 'Information and Communication');
const risk = controlFamily('soc2', 'Risk Assessment');
const monitoring = controlFamily('soc2', 'Monitoring Activities');
const activities = controlFamily('soc2', 'Control Activities');

const CONDUCT = 'code of conduct|code of ethics|code of business conduct|ethic*|standards of conduct';
const DEFICIENCY = 'deficienc*|finding*|weakness*|gap*|nonconformit*|non-conformit*|exception*';

export const governanceCriteria = [
  environment('CC1.1', {
    title: 'Integrity and ethical values',
    summary:
      'Leadership sets and lives by standards of integrity and ethics, staff are held to them, and departures from them are dealt with.',
    severity: 'medium',
    facets: [
      facet(
        'standards',
        'maintain written standards of conduct and ethics',
        CONDUCT,
        'maintain*|establish*|document*|adopt*|publish*|set*|follow*|adhere*|comply|abide|uphold*',
      ),
      facet(
        'acknowledgement',
        'have personnel acknowledge the standards of conduct',
        'acknowledg*|attest*|sign*|agree*|accept*',
        `${CONDUCT}|polic*`,
      ),
      facet(
        'violations',
        'address violations of the standards of conduct',
        'violat*|misconduct|non-compliance|noncompliance|breach*',
        'disciplin*|sanction*|terminat*|investigat*|corrective action*',
      ),
    ],
  }),
  environment('CC1.2', {
    title: 'Board independence and oversight',
    summary:
      'A board or equivalent body, independent of management, oversees how internal control and security are designed and run.',
    severity: 'medium',
    facets: [
      facet(
        'oversight',
        'have a board or governing body oversee security and internal control',
        'board*|board of directors|governing body|audit committee|steering committee|risk committee',
        'overs*|review*|brief*|report*|govern*|approv*|monitor*',
      ),
      facet(
        'independence',
        'include members independent of management in that oversight body',
        'independen*',
        'board*|director*|committee*|member*|overs*',
      ),
    ],
  }),
  environment('CC1.3', {
    title: 'Structures, reporting lines and responsibilities',
    summary:
      'Management, overseen by the board, sets up the organization, its reporting lines and the authority and duties each role needs to meet objectives.',
    severity: 'medium',
    facets: [
      facet(
        'structure',
        'define the organizational structure and reporting lines',
        'organizational chart|organisational chart|org chart|organization chart|reporting line*|reporting structure*|organizational structure|organisational structure|=reports to|=reporting to',
      ),
      facet(
        'responsibilities',
        'assign security roles and responsibilities',
        'role*|responsib*|accountab*|authorit*',
        'information security|security|compliance|internal control*|privacy',
        'assign*|defin*|document*|designat*|appoint*|responsible for|accountable for|own*|lead*',
      ),
    ],
  }),
  environment('CC1.4', {
    title: 'Competent personnel',
    summary: 'The organization hires, develops and keeps people with the skills its objectives require.',
    severity: 'medium',
    facets: [
      facet(
        'screening',
        'screen candidates with background checks before hiring',
        'background check*|background screening|background verification|background investigation*|screen*|vetting|vetted|reference check*',
        'hire*|hiring|candidate*|employ*|onboard*|prior to|before|personnel|contractor*|staff',
      ),
      facet(
        'competence',
        'define the skills and qualifications each role requires',
        'job description*|role description*|competenc*|qualification*|skill*|expertise',
      ),
      facet(
        'development',
        'train personnel to build and keep their competence',
        'train*|professional development|education|certification*',
        'employee*|personnel|staff|workforce|contractor*|new hire*|all users|team member*|engineer*',
      ),
    ],
  }),
  environment('CC1.5', {
    title: 'Accountability',
    summary:
      'People are held answerable for their part in internal control, through performance measures, incentives and consequences.',
    severity: 'medium',
    facets: [
      facet(
        'accountability',
        'hold personnel accountable for their control responsibilities',
        'performance review*|performance evaluation*|performance appraisal*|accountab*|held responsible|hold* responsible',
      ),
      facet(
        'discipline',
        'apply disciplinary measures when policies are not followed',
        'disciplin*|sanction*',
        'violat*|non-compliance|noncompliance|fail*|breach*|disregard*|misconduct',
      ),
    ],
  }),
  communication('CC2.1', {
    title: 'Quality information',
    summary:
      'The organization gathers or produces relevant, good-quality information so that internal control can work.',
    severity: 'low',
    facets: [
      facet(
        'inventory',
        'maintain an inventory of systems, data and data flows',
        'inventor*|data flow*|data map*|asset register*|system description*|data catalog*',
        'asset*|system*|data|information|flow*|application*|device*',
      ),
      facet(
        'quality',
        'make sure information used by controls is accurate, complete and timely',
        'accura*|complete*|reliab*|timely|quality',
        'information|data|report*|log*|record*',
      ),
    ],
  }),
  communication('CC2.2', {
    title: 'Internal communication',
    summary:
      'Objectives and responsibilities for internal control are communicated inside the organization, with a way to raise concerns.',
    severity: 'medium',
    facets: [
      facet(
        'policies',
        'make security policies available to personnel',
        'polic*',
        'publish*|communicat*|distribut*|made available|available to|intranet|wiki|portal|accessible|shared with',
      ),
      facet(
        'awareness',
        'give personnel security awareness training',
        'security awareness|awareness training|security training|awareness program*|awareness course*',
      ),
      facet(
        'reporting',
        'provide a channel for reporting security concerns or misconduct',
        'report*|whistleblow*|hotline|raise|speak up',
        'concern*|suspect*|misconduct|violat*|incident*|anonymous*|whistleblow*|hotline|weakness*',
      ),
    ],
  }),
  communication('CC2.3', {
    title: 'External communication',
    summary:
      'The organization tells customers, regulators and other outside parties what they need to know about its controls and commitments.',
    severity: 'medium',
    facets: [
      facet(
        'commitments',
        'communicate security commitments and changes to customers and other external parties',
        'customer*|client*|external part*|regulator*|auditor*',
        'communicat*|inform*|notif*|publish*|disclos*|tell*',
      ),
      facet(
        'inbound',
        'give outside parties a way to report security issues or complaints',
        'vulnerability disclosure|responsible disclosure|bug bounty|security contact|report* vulnerabilit*|report* security|complain*|contact us',
      ),
    ],
  }),
  risk('CC3.1', {
    title: 'Clear objectives',
    summary:
      'Objectives are spelled out clearly enough that the risks to reaching them can be found and assessed.',
    severity: 'medium',
    facets: [
      facet(
        'objectives',
        'define security and business objectives',
        'objective*|goal*',
        'security|business|operation*|complian*|reporting|privacy|availability',
      ),
      facet('review', 'review those objectives periodically', 'objective*|goal*', `${POLICY_REVIEW}|approv*`),
    ],
  }),
  risk('CC3.2', {
    title: 'Risk identification and analysis',
    summary:
      'Risks to objectives are identified across the organization and analysed to decide how they should be handled.',
    severity: 'high',
    facets: [
      facet(
        'assessment',
        'perform a risk assessment',
        'risk assessment*|risk analys*|risk evaluation*|assess* risk*|risk review*|risk register*',
      ),
      facet('frequency', 'repeat the risk assessment on a set schedule', 'risk*', PERIODIC),
      facet(
        'analysis',
        'rate risks by likelihood and impact',
        'likelihood|probability',
        'impact|severity|magnitude|consequence*',
      ),
      facet(
        'treatment',
        'decide how each risk is treated',
        'treat*|mitigat*|remediat*|accept*|transfer*|avoid*|response*|owner*',
        'risk*',
      ),
    ],
  }),
  risk('CC3.3', {
    title: 'Fraud risk',
    summary: 'The chance of fraud is taken into account when risks to objectives are assessed.',
    severity: 'medium',
    facets: [
      facet(
        'fraud',
        'consider the potential for fraud when assessing risk',
        'fraud*',
        'risk*|assess*|consider*|evaluat*|analy*',
      ),
    ],
  }),
  risk('CC3.4', {
    title: 'Significant change',
    summary: 'Changes that could materially affect internal control are spotted and assessed.',
    severity: 'medium',
    facets: [
      facet(
        'changes',
        'identify and assess significant changes to the business, technology or vendors',
        'significant change*|major change*|material change*|organizational change*|organisational change*|changes to the business|changes in the business|new technolog*|acquisition*|reorgani*|changes in the environment',
        'assess*|evaluat*|identif*|review*|consider*|risk*',
      ),
    ],
  }),
  monitoring('CC4.1', {
    title: 'Ongoing and separate evaluations',
    summary: 'Controls are checked, continuously or at intervals, to confirm they exist and work.',
    severity: 'medium',
    facets: [
      facet(
        'evaluations',
        'evaluate whether controls operate as intended',
        'internal audit*|control assessment*|controls assessment*|control testing|test* control*|test* of control*|audit* control*|evaluat* control*|control* evaluat*|self-assessment*|compliance review*|external audit*|independent audit*|independent assessment*|monitor* control*|control monitoring',
      ),
      facet(
        'technical-testing',
        'commission penetration tests or vulnerability assessments',
        'penetration test*|pen test*|pentest*|vulnerability assessment*',
      ),
    ],
  }),
  monitoring('CC4.2', {
    title: 'Communicating deficiencies',
    summary:
      'Weaknesses in internal control are reported promptly to the people who must fix them, including senior management and the board where needed.',
    severity: 'medium',
    facets: [
      facet(
        'communicate',
        'report control deficiencies to those responsible for fixing them',
        DEFICIENCY,
        'report*|communicat*|escalat*|notif*|track*|assign*',
      ),
      facet(
        'remediate',
        'remediate deficiencies in a timely way',
        `${DEFICIENCY}|issue*`,
        'remediat*|correct*|fix*|resolv*|address*|corrective action*|action plan*',
      ),
    ],
  }),
  activities('CC5.1', {
    title: 'Control activities that reduce risk',
    summary:
      'Control activities are chosen and built to bring risks to objectives down to acceptable levels.',
    severity: 'medium',
    facets: [
      facet(
        'mitigation',
        'select controls that mitigate identified risks',
        'control*|safeguard*|measure*',
        'mitigat*|reduc*|address*|treat*',
        'risk*',
      ),
      facet(
        'segregation',
        'segregate incompatible duties',
        'segregation of duties|separation of duties|segregat*|incompatible duties|separate duties',
      ),
    ],
  }),
  activities('CC5.2', {
    title: 'General controls over technology',
    summary: 'General controls over the technology stack are chosen and built to support the objectives.',
    severity: 'medium',
    facets: [
      facet(
        'infrastructure',
        'set controls over technology infrastructure',
        'infrastructure|technology|platform*|network*|cloud',
        'control*|safeguard*|harden*|secure configuration*|baseline*',
      ),
      facet(
        'development',
        'set controls over acquiring, building and maintaining technology',
        'acquisition*|software development|develop*|sdlc|lifecycle|life cycle|procure*|maintenance',
        'secur*|control*|review*|test*|approv*',
      ),
    ],
  }),
  activities('CC5.3', {
    title: 'Policies and procedures',
    summary:
      'Controls are put into practice through policies that state expectations and procedures that carry them out.',
    severity: 'medium',
    facets: [
      facet(
        'documented',
        'document controls in policies and procedures',
        'polic*|procedure*|standards',
        'document*|establish*|maintain*|writ*|defin*|publish*|adopt*',
      ),
      facet(
        'reviewed',
        'review and update policies on a set schedule',
        'polic*|procedure*|standards',
        POLICY_REVIEW,
        PERIODIC,
      ),
      facet(
        'ownership',
        'assign an owner responsible for each policy',
        'owner*|=owns|=owned|responsib*|accountab*|approv*',
        'polic*|procedure*|standard',
      ),
    ],
  }),
];
