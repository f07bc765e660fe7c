import { controlFamily, facet } from '../define.ts';
import { DELETE, INCIDENT, NOTIFY, PERSONAL_DATA, VENDOR } from '../terms.ts';

const privacy = controlFamily('soc2', 'Privacy');
const SHARE = 'disclos*|shar*|transfer*|sell*|sold|provid*';

export const privacyCriteria = [
  privacy('P1.1', {
    title: 'Privacy notice',
    summary:
      'Data subjects are told, in a timely way, about the privacy practices that apply to their personal information.',
    severity: 'medium',
    facets: [
      facet(
        'purposes',
        'tell individuals why their personal information is collected and used',
        'purpose*|reason*|use*|using',
        PERSONAL_DATA,
      ),
      facet(
        'changes',
        'tell individuals when the privacy notice changes',
        'chang*|updat*|revis*|amend*',
        'notice|privacy polic*|privacy statement|practices|this polic*',
        'notif*|inform*|post*|publish*|email*|tell*|communicat*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P2.1', {
    title: 'Choice and consent',
    summary:
      'Individuals are told what choices they have about their personal information, and consent is obtained where required.',
    severity: 'medium',
    facets: [
      facet(
        'consent',
        'obtain consent where it is required',
        'consent*|opt in|opt-in|permission',
        'obtain*|ask*|request*|seek*|collect*|rely on|based on|with your|give*|record*',
      ),
      facet(
        'withdraw',
        'let individuals withdraw consent or opt out',
        'withdraw*|revok*|opt out|opt-out|unsubscrib*|change* preference*|manage* preference*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P3.1', {
    title: 'Collection limited to purpose',
    summary: 'Only the personal information needed for the stated purposes is collected.',
    severity: 'medium',
    facets: [
      facet(
        'minimal-collection',
        'collect only the personal information needed for stated purposes',
        'collect*|gather*|obtain*|request*',
        'only|minimum|minimi*|necessary|needed|limited|adequate|relevant',
        `${PERSONAL_DATA}|data|information`,
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P3.2', {
    title: 'Explicit consent',
    summary:
      'Where explicit consent is required, it is obtained and recorded, and individuals are told what happens if they refuse.',
    severity: 'medium',
    facets: [
      facet(
        'explicit',
        'obtain explicit consent when the law requires it',
        'explicit*|express*|affirmative*|opt-in|opt in',
        'consent*|permission|agree*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P4.1', {
    title: 'Use limited to purpose',
    summary: 'Personal information is used only for the purposes stated in the notice.',
    severity: 'high',
    facets: [
      facet(
        'use-limitation',
        'use personal information only for the stated purposes',
        'use*|process*',
        'only|solely|exclusively|limited to|compatible',
        'purpose*|reason*|described|stated|identified|specified',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P4.2', {
    title: 'Retention',
    summary: 'Personal information is kept only as long as needed to meet the stated objectives.',
    severity: 'medium',
    facets: [
      facet(
        'limited',
        'retain personal information only as long as needed',
        'retain*|retention|keep*|kept|stor*|hold*',
        'as long as|no longer than|only for|only as long|necessary|needed|required',
      ),
      facet(
        'schedule',
        'define retention periods',
        'retention period*|retention schedule*|retention polic*|retention timeline*|retention rule*|retained for|kept for|stored for|deleted after|years|months|days',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P4.3', {
    title: 'Disposal',
    summary: 'Personal information is disposed of securely once it is no longer needed.',
    severity: 'medium',
    facets: [
      facet(
        'dispose',
        'securely delete or anonymize personal information when it is no longer needed',
        DELETE,
        `${PERSONAL_DATA}|data|information|record*`,
        'no longer|expir*|end of|after|upon|once|retention|request*|clos*|cancel*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P5.1', {
    title: 'Access by data subjects',
    summary:
      'Identified and authenticated individuals can see their stored personal information, and reasons are given if access is refused.',
    severity: 'medium',
    facets: [
      facet(
        'access',
        'let individuals access their personal information on request',
        'access|copy|copies|obtain*',
        `${PERSONAL_DATA}|data we hold|information we hold`,
        'request*|right*|ask*|may|can',
      ),
      facet(
        'identity',
        'verify the identity of people who make requests',
        'verif*|confirm*|authenticat*|validat*',
        'identit*|requester*|requestor*|who you are',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P5.2', {
    title: 'Correction',
    summary:
      'Individuals can have their personal information corrected or amended, and the change is passed on where needed.',
    severity: 'medium',
    facets: [
      facet(
        'correct',
        'let individuals correct inaccurate personal information',
        'correct*|rectif*|updat*|amend*',
        `inaccura*|incorrect|incomplete|out of date|out-of-date|${PERSONAL_DATA}`,
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P6.1', {
    title: 'Disclosure to third parties',
    summary:
      'Personal information is passed to third parties only for the purposes stated and with consent where needed.',
    severity: 'high',
    facets: [
      facet(
        'disclosure',
        'share personal information with third parties only for stated purposes or with consent',
        SHARE,
        `${VENDOR}|partner*|affiliat*|other compan*`,
        'consent*|only|purpose*|necessary|instruction*|contract*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P6.2', {
    title: 'Record of authorized disclosures',
    summary:
      'A complete, accurate and timely record of authorized disclosures of personal information is kept.',
    severity: 'low',
    facets: [
      facet(
        'record',
        'keep a record of disclosures of personal information',
        'record*|log*|track*|document*|register*',
        'disclos*|sharing|shared|transfer*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P6.3', {
    title: 'Record of unauthorized disclosures',
    summary: 'A record of detected or reported unauthorized disclosures, including breaches, is kept.',
    severity: 'medium',
    facets: [
      facet(
        'record',
        'keep a record of breaches and unauthorized disclosures',
        'record*|log*|document*|track*|register*',
        INCIDENT,
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P6.4', {
    title: 'Vendor privacy commitments',
    summary:
      "Third parties that receive personal information commit to protecting it in line with the organization's own commitments.",
    severity: 'high',
    facets: [
      facet(
        'commitments',
        'obtain privacy commitments from vendors that handle personal information',
        VENDOR,
        'contract*|agreement*|dpa*|commit*|obligat*|terms',
        'privacy|personal*|data protection|confidential*|protect*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P6.5', {
    title: 'Vendor breach notice',
    summary:
      'Third parties holding personal information must report unauthorized disclosures to the organization.',
    severity: 'high',
    facets: [facet('notify', 'require vendors to report unauthorized disclosures', VENDOR, NOTIFY, INCIDENT)],
    appliesWhen: 'personal-data',
  }),
  privacy('P6.6', {
    title: 'Breach notice to individuals',
    summary:
      'Affected individuals and others are told about breaches and incidents as commitments and law require.',
    severity: 'high',
    facets: [
      facet(
        'notify',
        'notify affected individuals of breaches',
        NOTIFY,
        'individual*|data subject*|affected person*|affected people|affected user*|user*|you',
        INCIDENT,
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P6.7', {
    title: 'Accounting of personal information',
    summary:
      'On request, individuals get an account of the personal information held about them and of its disclosures.',
    severity: 'low',
    facets: [
      facet(
        'accounting',
        'give individuals, on request, a list of disclosures of their personal information',
        'list*|account*|record*|details|categor*',
        'disclos*|shared|recipient*|third part*',
        'request*|ask*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P7.1', {
    title: 'Data quality',
    summary: 'Personal information is kept accurate, complete and relevant for its purposes.',
    severity: 'low',
    facets: [
      facet(
        'quality',
        'keep personal information accurate and up to date',
        'accura*|up to date|up-to-date|current|quality',
        `${PERSONAL_DATA}|data|information|record*`,
      ),
    ],
    appliesWhen: 'personal-data',
  }),
  privacy('P8.1', {
    title: 'Inquiries, complaints and disputes',
    summary:
      'Individuals can send privacy inquiries, complaints and disputes, which are handled and resolved.',
    severity: 'medium',
    facets: [
      facet(
        'channel',
        'provide a way to raise privacy inquiries and complaints',
        'complain*|inquir*|enquir*|question*|concern*|disput*',
        'privacy|personal*|data protection|dpo|contact*|email*',
      ),
      facet(
        'resolution',
        'respond to and resolve complaints',
        'respond*|resolv*|investigat*|reply|replies|answer*|handl*',
        'complain*|inquir*|enquir*|disput*|concern*',
      ),
    ],
    appliesWhen: 'personal-data',
  }),
];
