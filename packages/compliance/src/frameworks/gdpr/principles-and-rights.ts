import { controlFamily, facet, prohibition } from '../define.ts';
import { PERSONAL_DATA } from '../terms.ts';

const principles = controlFamily('gdpr', 'Principles');
const rights = controlFamily('gdpr', 'Rights of the data subject');

const PD = `${PERSONAL_DATA}|data`;
const REQUEST = 'request*|right*|ask*|may|can|entitled';
const DEADLINE = 'one month|1 month|30 days|thirty days|within a month|without undue delay';

export const principlesAndRights = [
  principles('Art.5', {
    title: 'Principles of processing',
    summary:
      'Personal data must be handled lawfully, fairly and openly, for set purposes, kept to what is needed, accurate, held no longer than necessary and secure, and the controller must be able to show it complies.',
    severity: 'critical',
    facets: [
      facet(
        'lawful-fair',
        'process personal data lawfully, fairly and transparently',
        'lawful*|fair*|transparen*',
        `${PD}|process*`,
      ),
      facet(
        'purpose',
        'collect personal data only for specified, explicit and legitimate purposes',
        'specified|explicit|legitimate|stated|identified|specific',
        'purpose*',
      ),
      facet(
        'minimisation',
        'limit personal data to what is necessary',
        'minimi*|minimum necessary|only what is necessary|limited to what is necessary|no more than necessary|only the data|only the personal|only collect|strictly necessary|adequate, relevant',
      ),
      facet('accuracy', 'keep personal data accurate and up to date', 'accura*|up to date|up-to-date', PD),
      facet(
        'storage-limitation',
        'keep personal data no longer than necessary',
        'retain*|retention|keep*|kept|stor*',
        'no longer than|as long as|only as long|necessary|retention period*',
      ),
      facet(
        'security',
        'protect personal data with appropriate security',
        'secur*|protect*|confidential*|integrity',
        PD,
      ),
      facet(
        'accountability',
        'be able to demonstrate compliance with these principles',
        'accountab*|demonstrat* compliance|able to demonstrate|demonstrat* that',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  principles('Art.6', {
    title: 'Lawful basis',
    summary:
      'Processing is lawful only when it rests on one of the listed grounds, such as consent, contract, legal duty or legitimate interests.',
    severity: 'critical',
    facets: [
      facet(
        'basis',
        'rely on a lawful basis for each processing activity',
        'lawful basis|legal basis|lawful bases|legal bases|legitimate interest*|performance of a contract|legal obligation*|vital interest*|public task',
        'process*|use*|collect*|rely|relies|basis|bases|ground*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  principles('Art.7', {
    title: 'Conditions for consent',
    summary:
      'Where consent is the basis, the controller must be able to prove it, ask for it clearly and separately, and let people withdraw it as easily as they gave it.',
    severity: 'high',
    facets: [
      facet(
        'proof',
        'keep evidence that consent was given',
        'consent*',
        'record*|demonstrat*|evidence|log*|proof|document*|store*',
      ),
      facet(
        'clear-request',
        'ask for consent in a clear and distinct way',
        'consent*',
        'clear*|plain language|distinguishabl*|separate*|specific|informed|freely given|unambiguous',
      ),
      facet(
        'withdrawal',
        'let people withdraw consent at any time, as easily as they gave it',
        'withdraw*|revok*|unsubscrib*|opt out|opt-out',
        'consent*|newsletter*|marketing|any time|anytime',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  principles('Art.8', {
    title: "Children's consent",
    summary:
      'When online services are offered directly to children under the national age threshold, consent must come from a parent, and reasonable efforts must be made to check it.',
    severity: 'high',
    facets: [
      facet(
        'parental',
        'obtain parental consent for children below the age threshold',
        'parent*|guardian*',
        'consent*|authori*|approv*',
      ),
      facet(
        'verify',
        'make reasonable efforts to verify parental consent or age',
        'verif*|reasonable effort*|check*',
        'parent*|guardian*|age',
      ),
    ],
    appliesWhen: 'children',
  }),
  principles('Art.9', {
    title: 'Special categories of data',
    summary:
      'Sensitive data such as health, biometric, religious or ethnic information may only be processed under one of the narrow exceptions, such as explicit consent.',
    severity: 'critical',
    facets: [
      facet(
        'condition',
        'process special category data only under an allowed condition such as explicit consent',
        'special categor*|sensitive personal data|health data|biometric*|genetic*|racial|ethnic origin|religious|sexual orientation|political opinion*|trade union*',
        'explicit consent|only|condition*|exception*|legal basis|lawful basis|prohibit*',
      ),
    ],
    appliesWhen: 'special-category-data',
  }),
  rights('Art.12', {
    title: 'Transparent communication and handling of requests',
    summary:
      'Information and replies to data subjects must be clear and plain, given free of charge, and requests must be answered within one month.',
    severity: 'high',
    facets: [
      facet(
        'plain-language',
        'communicate with data subjects in clear and plain language',
        'clear|plain|concise|easily accessible|intelligible',
        'language|information|notice|communicat*|form|terms',
      ),
      facet(
        'deadline',
        'answer data subject requests within one month',
        DEADLINE,
        'request*|respond*|reply|answer*',
      ),
      facet(
        'free',
        'handle requests free of charge',
        'free of charge|no charge|no fee|without charge|at no cost|not charge|no cost',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  rights('Art.13', {
    title: 'Information when data is collected from the person',
    summary:
      'When collecting data from someone, the controller must tell them who it is, how to reach the DPO, why and on what basis it processes, who receives the data, how long it is kept and what rights they have, including complaining to a regulator.',
    severity: 'high',
    facets: [
      facet(
        'identity',
        'identify the controller and how to contact it',
        'controller',
        'contact*|address|email*|is|are|act*',
      ),
      facet(
        'dpo-contact',
        'give contact details of the data protection officer',
        'data protection officer|dpo',
        'contact*|email*|reach*|address*|writ*',
      ),
      facet(
        'purposes-basis',
        'state the purposes and the lawful basis of processing',
        'purpose*|use*|using',
        'lawful basis|legal basis|legitimate interest*|consent|contract*|legal obligation*',
      ),
      facet(
        'recipients',
        'name the recipients or categories of recipients',
        'recipient*|share*|shar*|disclos*',
        'vendor*|supplier*|third part*|service provider*|processor*|partner*|affiliat*|authorit*|categories of recipients',
      ),
      facet(
        'retention',
        'state how long data is kept',
        'retain*|retention|keep*|kept|stor*',
        'period*|years|months|days|as long as|criteria',
      ),
      facet(
        'complaint',
        'tell people they can complain to a supervisory authority',
        'supervisory authorit*|data protection authorit*|=ico|cnil|regulator',
        'complain*|lodge|contact|right*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  rights('Art.14', {
    title: 'Information when data comes from elsewhere',
    summary:
      'When data is obtained from someone other than the person, the controller must tell them the source and the other required details within a month.',
    severity: 'medium',
    facets: [
      facet(
        'source',
        'tell people where their data came from when it was not collected from them',
        'source*|obtain*|receiv*|collect*|provided',
        'from|source*|publicly available|third part*',
        PD,
      ),
      facet(
        'timing',
        'give that information within one month of obtaining the data',
        'one month|1 month|30 days|within a month|first communication|at the latest|reasonable period',
        'inform*|notice|notif*|provid*|tell*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  rights('Art.15', {
    title: 'Right of access',
    summary:
      'People can find out whether their data is processed and get a copy along with details of purposes, recipients and retention.',
    severity: 'high',
    facets: [
      facet(
        'access',
        'let people confirm and obtain a copy of their personal data',
        'access|copy|copies|confirmation',
        `${PERSONAL_DATA}|data we hold|information we hold|data we process`,
        REQUEST,
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  rights('Art.16', {
    title: 'Right to rectification',
    summary:
      'People can have inaccurate data about them corrected, and incomplete data completed, without undue delay.',
    severity: 'medium',
    facets: [
      facet(
        'rectify',
        'correct inaccurate personal data on request',
        'rectif*|correct*|amend*|updat*',
        `inaccura*|incorrect|incomplete|${PERSONAL_DATA}`,
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  rights('Art.17', {
    title: 'Right to erasure',
    summary:
      'People can have their data deleted when one of the grounds applies, for example it is no longer needed or consent is withdrawn.',
    severity: 'high',
    facets: [
      facet(
        'erase',
        'erase personal data on request when the grounds apply',
        'eras*|delet*|right to be forgotten|remov*',
        `${PD}|account*`,
        REQUEST,
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  rights('Art.18', {
    title: 'Right to restriction',
    summary:
      'People can ask that processing of their data be limited, for example while accuracy is disputed.',
    severity: 'medium',
    facets: [
      facet(
        'restrict',
        'restrict processing on request',
        'restrict*|limit*',
        'processing|use of|how we use|process*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  rights('Art.19', {
    title: 'Passing on corrections and deletions',
    summary:
      'Recipients of the data are told about any correction, deletion or restriction unless that is impossible or disproportionate.',
    severity: 'low',
    facets: [
      facet(
        'notify-recipients',
        'tell recipients about corrections, deletions or restrictions',
        'recipient*|third part*|processor*|partner*|to whom',
        'rectif*|eras*|delet*|restrict*|correct*',
        'inform*|notif*|communicat*|tell*|pass* on',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  rights('Art.20', {
    title: 'Right to data portability',
    summary:
      'People can receive data they provided in a structured, machine-readable format and have it sent to another controller.',
    severity: 'medium',
    facets: [
      facet(
        'portability',
        'provide personal data in a portable, machine-readable format',
        'portab*|machine-readable|machine readable|structured, commonly used|commonly used format|=csv|=json|export*|transmit* to another|another controller|another provider|another service',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  rights('Art.21', {
    title: 'Right to object',
    summary:
      'People can object to processing based on legitimate interests and, without conditions, to direct marketing.',
    severity: 'medium',
    facets: [
      facet(
        'object',
        'let people object to processing based on legitimate interests',
        'object*',
        'processing|legitimate interest*|profil*|process*',
      ),
      facet(
        'marketing',
        'stop direct marketing when people object',
        'direct marketing|marketing|newsletter*',
        'object*|opt out|opt-out|unsubscrib*|stop*|withdraw*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  rights('Art.22', {
    title: 'Automated decisions',
    summary:
      'People are protected from decisions with legal or similar effects made purely by automated means, and can get human review.',
    severity: 'medium',
    facets: [
      prohibition(
        'automated',
        'avoid solely automated decisions with legal effects, or offer human review',
        'automated decision*|automated processing|solely automated|automated individual decision*|profiling',
        'human*|contest*|intervention|review*|not|never|no|only|safeguard*|right*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
];
