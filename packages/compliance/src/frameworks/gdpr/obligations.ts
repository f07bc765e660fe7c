import { controlFamily, facet } from '../define.ts';
import { ENCRYPT, NOTIFY, PERIODIC, PERSONAL_DATA, POLICY_REVIEW } from '../terms.ts';

const controller = controlFamily('gdpr', 'Controller and processor');
const security = controlFamily('gdpr', 'Security of personal data');
const dpo = controlFamily('gdpr', 'Data protection officer');
const transfers = controlFamily('gdpr', 'Transfers to third countries');

const PROCESSOR = 'processor*|subprocessor*|sub-processor*|vendor*|service provider*|supplier*';
const AUTHORITY =
  'supervisory authorit*|data protection authorit*|data protection commission*|information commissioner*|regulator*|=ico|relevant authorit*|competent authorit*';
const DPO = 'data protection officer|dpo';
const ABROAD =
  'outside the eea|outside the european economic area|outside the eu|outside the european union|third countr*|international*|outside the uk|other countries|cross-border';

export const obligations = [
  controller('Art.24', {
    title: 'Responsibility of the controller',
    summary:
      'Taking into account the risks, the controller puts appropriate technical and organisational measures in place, can show they work, and keeps them under review.',
    severity: 'high',
    facets: [
      facet(
        'measures',
        'implement appropriate technical and organisational measures',
        'technical and organi*|organi* measure*|appropriate measure*|security measure*|technical measure*|safeguard*',
        'implement*|maintain*|appl*|put in place|take*|adopt*|use*|protect*',
      ),
      facet(
        'review',
        'review and update those measures',
        'measure*|safeguard*|polic*|control*',
        POLICY_REVIEW,
        `${PERIODIC}|necessary|where needed`,
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  controller('Art.25', {
    title: 'Data protection by design and by default',
    summary:
      'Data protection is built into systems and processes from the start, and by default only the data needed for each purpose is processed.',
    severity: 'high',
    facets: [
      facet(
        'by-design',
        'build data protection into systems by design',
        'by design|privacy review*|privacy impact|privacy engineering',
      ),
      facet(
        'by-default',
        'limit processing by default to what each purpose needs',
        'by default|default setting*|privacy-friendly default*|defaults',
        'only|minim*|necessary|limited|restrict*|private|off|disabled',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  controller('Art.26', {
    title: 'Joint controllers',
    summary:
      'Joint controllers set out their respective responsibilities in an arrangement whose essence is made available to data subjects.',
    severity: 'medium',
    facets: [
      facet(
        'arrangement',
        'agree the responsibilities of joint controllers',
        'joint controller*|jointly',
        'arrangement*|agreement*|responsibilit*|determin*|allocat*',
      ),
    ],
    appliesWhen: 'joint-controllers',
  }),
  controller('Art.28', {
    title: 'Processors',
    summary:
      'Controllers use only processors giving sufficient guarantees, bound by a contract that limits them to documented instructions, confidentiality, approved sub-processors and return or deletion of data at the end.',
    severity: 'high',
    facets: [
      facet(
        'guarantees',
        'use only processors that give sufficient guarantees',
        PROCESSOR,
        'guarantee*|due diligence|assess*|evaluat*|vet*|sufficient',
      ),
      facet(
        'contract',
        'sign a data processing agreement with each processor',
        PROCESSOR,
        'contract*|agreement*|dpa*|addend*',
      ),
      facet(
        'instructions',
        'have processors act only on documented instructions',
        'instruction*',
        'documented|written|only|solely',
      ),
      facet(
        'sub-processors',
        'require approval before processors engage sub-processors',
        'sub-processor*|subprocessor*|sub processor*|subcontract*',
        'authori*|consent*|approv*|notif*|inform*|object*',
      ),
      facet(
        'confidentiality',
        'bind people who process the data to confidentiality',
        'confidentiality|confidential*|non-disclosure|nda*',
        'personnel|staff|employee*|authori* person*|people|workforce|contractor*',
      ),
      facet(
        'end-of-service',
        'have processors delete or return data at the end of the service',
        'delet*|return*',
        'end of|termination|terminat*|expir*|conclusion|cessation',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  controller('Art.29', {
    title: 'Processing under authority',
    summary:
      "Processors and anyone acting under the controller's authority process personal data only on the controller's instructions.",
    severity: 'medium',
    facets: [
      facet(
        'instructions',
        'ensure staff and processors handle personal data only on instruction',
        'only|solely',
        'instruction*|authoris*|authoriz*|direct*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  controller('Art.30', {
    title: 'Records of processing activities',
    summary:
      'A written record of processing activities is kept, covering purposes, categories of data and people, recipients, transfers, retention and security measures.',
    severity: 'medium',
    facets: [
      facet(
        'record',
        'keep a record of processing activities',
        'record*|register*|inventor*|=ropa|data map*',
        'processing activit*|processing operation*|of processing|=ropa|data map*',
      ),
      facet(
        'contents',
        'include purposes, data categories, recipients and retention in those records',
        'record*|register*|inventor*|ropa',
        'purpose*|categor*|recipient*|retention',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  security('Art.32', {
    title: 'Security of processing',
    summary:
      'Security proportionate to the risk is applied, such as encryption or pseudonymisation, ongoing confidentiality, integrity, availability and resilience, timely restoration, and regular testing.',
    severity: 'critical',
    facets: [
      facet(
        'encryption',
        'encrypt or pseudonymise personal data',
        `${ENCRYPT}|pseudonymi*|pseudonymis*|tokeni*`,
        `${PERSONAL_DATA}|data|information|at rest|in transit`,
      ),
      facet(
        'cia',
        'keep systems confidential, intact, available and resilient',
        'confidentiality|integrity|availability|resilien*',
        'system*|service*|data|processing',
      ),
      facet(
        'restore',
        'restore availability and access to data promptly after an incident',
        'restor*|recover*',
        'availability|access|data|system*|service*',
        'timely|promptly|within|hours|recovery time|quickly|rto',
      ),
      facet(
        'testing',
        'test and evaluate security measures regularly',
        'test*|evaluat*|assess*|audit*|penetration',
        'effectiveness|security measure*|control*|safeguard*|security',
        PERIODIC,
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  security('Art.33', {
    title: 'Breach notification to the supervisory authority',
    summary:
      'A personal data breach is reported to the supervisory authority within 72 hours of becoming aware of it unless it is unlikely to harm anyone, and every breach is documented.',
    severity: 'critical',
    facets: [
      facet(
        'authority',
        'notify the supervisory authority within 72 hours',
        AUTHORITY,
        '72 hours|seventy-two hours|seventy two hours|without undue delay',
      ),
      facet('document', 'document every personal data breach', 'document*|record*|log*|register*', 'breach*'),
    ],
    appliesWhen: 'personal-data',
  }),
  security('Art.34', {
    title: 'Breach communication to data subjects',
    summary:
      'When a breach is likely to put people at high risk, they are told about it without undue delay in clear language.',
    severity: 'high',
    facets: [
      facet(
        'subjects',
        'tell affected people about high-risk breaches without undue delay',
        NOTIFY,
        'data subject*|individual*|affected person*|affected people|affected user*|you|user*',
        'breach*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  security('Art.35', {
    title: 'Data protection impact assessment',
    summary:
      'Before processing likely to create a high risk to people, the controller assesses its impact on data protection.',
    severity: 'high',
    facets: [
      facet(
        'dpia',
        'carry out data protection impact assessments',
        'data protection impact assessment*|dpia*|privacy impact assessment*|impact assessment*',
      ),
      facet(
        'trigger',
        'run them before high-risk processing begins',
        'high risk|high-risk|likely to result|new technolog*|large scale|large-scale|systematic monitoring|profiling',
        'assess*|dpia*|impact|before|prior',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  security('Art.36', {
    title: 'Prior consultation',
    summary:
      'Where an impact assessment shows high risk that cannot be reduced, the supervisory authority is consulted before processing.',
    severity: 'medium',
    facets: [
      facet(
        'consult',
        'consult the supervisory authority before high-risk processing that cannot be mitigated',
        'consult*',
        AUTHORITY,
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  dpo('Art.37', {
    title: 'Designation of a data protection officer',
    summary:
      'Where required, a data protection officer is appointed for expert knowledge, and their contact details are published and given to the regulator.',
    severity: 'medium',
    facets: [
      facet('designate', 'appoint a data protection officer', DPO, 'appoint*|designat*|=named|has|have|our'),
      facet('publish', "publish the DPO's contact details", DPO, 'contact*|email*|reach*|address*|publish*'),
    ],
    appliesWhen: 'personal-data',
  }),
  dpo('Art.38', {
    title: 'Position of the data protection officer',
    summary:
      'The DPO is involved early, given resources, reports to the highest management, takes no instructions on their tasks and has no conflicting duties.',
    severity: 'medium',
    facets: [
      facet(
        'independence',
        'give the DPO independence, resources and a reporting line to top management',
        DPO,
        'independen*|report* directly|highest management|senior management|board|conflict* of interest|resources|involved',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  dpo('Art.39', {
    title: 'Tasks of the data protection officer',
    summary:
      "The DPO advises, monitors compliance, trains staff, advises on impact assessments and is the regulator's contact point.",
    severity: 'medium',
    facets: [
      facet(
        'tasks',
        'have the DPO advise on and monitor compliance',
        DPO,
        'monitor*|advis*|advice|inform*|train*|cooperat*|contact point|audit*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  transfers('Art.44', {
    title: 'General principle for transfers',
    summary:
      'Personal data leaves the EEA only when the transfer rules of Chapter V are met, so protection is not undermined.',
    severity: 'high',
    facets: [
      facet(
        'conditions',
        'transfer personal data outside the EEA only under the Chapter V conditions',
        'transfer*',
        ABROAD,
        'safeguard*|adequa*|standard contractual clauses|sccs|binding corporate rules|compl*|chapter v',
      ),
    ],
    appliesWhen: 'international-transfers',
  }),
  transfers('Art.45', {
    title: 'Transfers on the basis of adequacy',
    summary: 'Transfers may go to countries the European Commission has found to offer adequate protection.',
    severity: 'medium',
    facets: [
      facet(
        'adequacy',
        'rely on adequacy decisions for transfers where available',
        'adequacy|adequate level|adequate protection',
        'decision*|countr*|european commission|recogni*',
      ),
    ],
    appliesWhen: 'international-transfers',
  }),
  transfers('Art.46', {
    title: 'Transfers subject to appropriate safeguards',
    summary:
      'Without adequacy, transfers need safeguards such as standard contractual clauses or binding corporate rules, with enforceable rights for people.',
    severity: 'high',
    facets: [
      facet(
        'safeguards',
        'use standard contractual clauses or other appropriate safeguards for transfers',
        'standard contractual clauses|sccs|=scc|model clauses|binding corporate rules|bcrs|appropriate safeguard*|data privacy framework|transfer impact assessment*',
      ),
    ],
    appliesWhen: 'international-transfers',
  }),
];
