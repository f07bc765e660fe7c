import { controlFamily, facet } from '../define.ts';
import { BACKUP, PERIODIC, POLICY_REVIEW } from '../terms.ts';

const admin = controlFamily('hipaa', 'Administrative safeguards', { appliesWhen: 'health-information' });

const EPHI =
  'ephi|e-phi|phi|protected health information|health information|patient data|patient information';
const WORKFORCE = 'workforce|employee*|staff|personnel|member*|contractor*|new hire*';
const PLAN =
  'contingency plan*|disaster recovery|continuity plan*|recovery plan*|emergency mode|emergency plan*|business continuity';
const TEST = 'test*|exercis*|drill*|tabletop*';

export const administrativeSafeguards = [
  admin('164.308(a)(1)(i)', {
    title: 'Security management process',
    summary: 'Policies and procedures exist to prevent, detect, contain and correct security violations.',
    severity: 'high',
    facets: [
      facet(
        'program',
        'run a security management process that prevents, detects, contains and corrects violations',
        'security management process*|security management program*|information security program*|security program*|security polic*',
        'prevent*|detect*|contain*|correct*',
      ),
    ],
  }),
  admin('164.308(a)(1)(ii)(A)', {
    title: 'Risk analysis',
    summary:
      'An accurate and thorough assessment is made of the risks and vulnerabilities to the confidentiality, integrity and availability of ePHI.',
    severity: 'critical',
    facets: [
      facet(
        'analysis',
        'assess risks and vulnerabilities to ePHI',
        'risk analys*|risk assessment*|assess* risk*|assess* the risk*',
        `${EPHI}|vulnerabilit*|threat*|confidentiality`,
      ),
      facet(
        'refresh',
        'repeat the risk analysis periodically or when operations change',
        'risk*',
        `${PERIODIC}|whenever|significant change*|operational change*`,
      ),
    ],
  }),
  admin('164.308(a)(1)(ii)(B)', {
    title: 'Risk management',
    summary:
      'Security measures are applied that bring risks and vulnerabilities down to a reasonable and appropriate level.',
    severity: 'high',
    facets: [
      facet(
        'reduce',
        'reduce risks to a reasonable and appropriate level with security measures',
        'risk*',
        'reduc*|mitigat*|treat*|remediat*',
        'reasonable and appropriate|acceptable level|security measure*|safeguard*|control*|plan*',
      ),
    ],
  }),
  admin('164.308(a)(1)(ii)(C)', {
    title: 'Sanction policy',
    summary: 'Workforce members who break security policies and procedures face appropriate sanctions.',
    severity: 'medium',
    facets: [
      facet(
        'sanctions',
        'sanction workforce members who fail to follow security policies',
        'sanction*|disciplin*',
        `${WORKFORCE}|anyone|user*`,
        'fail*|violat*|non-compliance|noncompliance|comply|breach*',
      ),
    ],
  }),
  admin('164.308(a)(1)(ii)(D)', {
    title: 'Information system activity review',
    summary:
      'Records of system activity, such as audit logs, access reports and incident tracking reports, are reviewed regularly.',
    severity: 'high',
    facets: [
      facet(
        'review',
        'regularly review audit logs, access reports and incident tracking reports',
        'review*|examin*|analy*',
        'audit log*|=logs|access report*|system activity|activity log*|access log*|audit trail*|incident tracking report*',
      ),
    ],
  }),
  admin('164.308(a)(2)', {
    title: 'Assigned security responsibility',
    summary:
      'One named security official is responsible for developing and implementing the security policies and procedures.',
    severity: 'high',
    facets: [
      facet(
        'official',
        'designate a security official responsible for the security policies',
        'security official|security officer|ciso|chief information security officer|head of security',
        'designat*|appoint*|assign*|responsib*|accountab*|=named|lead*|own*|serves as|acts as|authority',
      ),
    ],
  }),
  admin('164.308(a)(3)(i)', {
    title: 'Workforce security',
    summary: 'Workforce members get appropriate access to ePHI and those without a need are kept from it.',
    severity: 'high',
    facets: [
      facet(
        'appropriate-access',
        'limit workforce access to ePHI to what each role needs',
        WORKFORCE,
        `${EPHI}|appropriate access`,
        'only|limit*|restrict*|prevent*|need',
      ),
    ],
  }),
  admin('164.308(a)(3)(ii)(A)', {
    title: 'Authorization and/or supervision',
    summary:
      'Workforce members who handle ePHI, or work where it can be reached, are authorized or supervised.',
    severity: 'medium',
    facets: [
      facet(
        'supervision',
        'authorize or supervise workforce members who work with ePHI',
        'supervis*|authori*',
        WORKFORCE,
        `${EPHI}|location*|access`,
      ),
    ],
  }),
  admin('164.308(a)(3)(ii)(B)', {
    title: 'Workforce clearance procedure',
    summary:
      "A procedure determines whether a workforce member's access to ePHI is appropriate, for example through screening.",
    severity: 'medium',
    facets: [
      facet(
        'clearance',
        'screen workforce members before they get access to ePHI',
        'background check*|clearance|screen*|vetting|vetted',
        `${WORKFORCE}|hire*|candidate*`,
      ),
    ],
  }),
  admin('164.308(a)(3)(ii)(C)', {
    title: 'Termination procedures',
    summary: 'Access to ePHI ends when employment ends or when clearance is no longer appropriate.',
    severity: 'high',
    facets: [
      facet(
        'termination',
        'end access to ePHI when employment ends',
        'terminat*|end of employment|employment ends|last day|last working day|departure|leave*|leaver*|offboard*|separat*',
        'access|account*|credential*|badge*|key*',
        'revok*|remov*|disabl*|deactivat*|terminat*|collect*|return*',
      ),
    ],
  }),
  admin('164.308(a)(4)(i)', {
    title: 'Information access management',
    summary: 'Access to ePHI is authorized through policies consistent with the Privacy Rule.',
    severity: 'high',
    facets: [
      facet(
        'authorize',
        'authorize access to ePHI through documented policies',
        'authoriz*|authoris*|approv*',
        'access',
        EPHI,
      ),
    ],
  }),
  admin('164.308(a)(4)(ii)(A)', {
    title: 'Isolating health care clearinghouse functions',
    summary:
      'A clearinghouse that is part of a larger organization keeps its ePHI isolated from the rest of that organization.',
    severity: 'medium',
    facets: [
      facet(
        'isolate',
        'isolate clearinghouse functions from the larger organization',
        'clearinghouse*',
        'isolat*|separat*|segregat*|protect*',
      ),
    ],
    appliesWhen: 'health-care-clearinghouse',
  }),
  admin('164.308(a)(4)(ii)(B)', {
    title: 'Access authorization',
    summary:
      'Access to ePHI is granted through an approved process, for example to a workstation, transaction, program or process.',
    severity: 'medium',
    facets: [
      facet(
        'grant',
        'grant access to ePHI only through an approved process',
        'grant*|authoriz*|authoris*|approv*',
        'access',
        `workstation*|transaction*|program*|system*|application*|${EPHI}`,
      ),
    ],
  }),
  admin('164.308(a)(4)(ii)(C)', {
    title: 'Access establishment and modification',
    summary:
      "Each user's right of access is established, documented, reviewed and changed according to policy.",
    severity: 'medium',
    facets: [
      facet(
        'modify',
        "document, review and modify users' access rights",
        'access|privilege*|permission*',
        'review*|modif*|chang*|updat*|document*',
      ),
    ],
  }),
  admin('164.308(a)(5)(i)', {
    title: 'Security awareness and training',
    summary: 'A security awareness and training programme covers all workforce members, management included.',
    severity: 'high',
    facets: [
      facet(
        'training',
        'train all workforce members in security awareness',
        'security awareness|awareness training|security training|hipaa training|awareness program*|privacy and security training',
        `${WORKFORCE}|all users|everyone`,
      ),
    ],
  }),
  admin('164.308(a)(5)(ii)(A)', {
    title: 'Security reminders',
    summary: 'Workforce members receive periodic security updates and reminders.',
    severity: 'low',
    facets: [
      facet(
        'reminders',
        'send periodic security reminders',
        'reminder*|security update*|newsletter*|phishing simulation*|phishing test*|security bulletin*|security tip*',
      ),
    ],
  }),
  admin('164.308(a)(5)(ii)(B)', {
    title: 'Protection from malicious software',
    summary: 'Procedures guard against, detect and report malicious software.',
    severity: 'high',
    facets: [
      facet(
        'malware',
        'guard against, detect and report malicious software',
        'malicious software|malware|virus*|anti-virus|antivirus|anti-malware|antimalware|endpoint protection|endpoint detection|=edr',
        'protect*|guard*|detect*|report*|prevent*|scan*|install*|run*|deploy*|equipped',
      ),
    ],
  }),
  admin('164.308(a)(5)(ii)(C)', {
    title: 'Log-in monitoring',
    summary: 'Log-in attempts are monitored and discrepancies reported.',
    severity: 'medium',
    facets: [
      facet(
        'monitor',
        'monitor log-in attempts and report discrepancies',
        'log-in attempt*|login attempt*|log in attempt*|failed login*|failed log-in*|unsuccessful login*|unsuccessful log-in*|failed authentication*|login activity|log-in activity|sign-in attempt*|failed sign-in*|logon attempt*|failed logon*',
        'monitor*|review*|report*|alert*|lock*|track*|logged|record*',
      ),
    ],
  }),
  admin('164.308(a)(5)(ii)(D)', {
    title: 'Password management',
    summary: 'Procedures cover creating, changing and protecting passwords.',
    severity: 'medium',
    facets: [
      facet(
        'passwords',
        'set rules for creating, changing and protecting passwords',
        'password*|passphrase*',
        'creat*|chang*|rotat*|safeguard*|protect*|complex*|length|minimum|characters|strong|!shar*|manager*',
      ),
    ],
  }),
  admin('164.308(a)(6)(i)', {
    title: 'Security incident procedures',
    summary: 'Policies and procedures address security incidents.',
    severity: 'high',
    facets: [
      facet(
        'procedures',
        'maintain procedures that address security incidents',
        'security incident*|incident*',
        'procedure*|plan*|process*|polic*',
        'address*|respond*|handl*|manag*|report*|document*',
      ),
    ],
  }),
  admin('164.308(a)(6)(ii)', {
    title: 'Response and reporting',
    summary:
      'Suspected or known incidents are identified and responded to, their harmful effects reduced where practicable, and they and their outcomes documented.',
    severity: 'high',
    facets: [
      facet(
        'respond',
        'identify and respond to suspected or known incidents',
        'identif*|respond*|detect*|investigat*|report*',
        'incident*',
      ),
      facet(
        'mitigate',
        'mitigate the harmful effects of incidents',
        'mitigat*|minimi*|contain*|limit*',
        'harm*|effect*|impact*|damage*|incident*',
      ),
      facet('document', 'document incidents and their outcomes', 'document*|record*|logged', 'incident*'),
    ],
  }),
  admin('164.308(a)(7)(i)', {
    title: 'Contingency plan',
    summary:
      'Policies and procedures cover responding to emergencies such as fire, vandalism, system failure or natural disaster that damage systems holding ePHI.',
    severity: 'high',
    facets: [
      facet('plan', 'maintain a contingency plan for emergencies that damage systems with ePHI', PLAN),
    ],
  }),
  admin('164.308(a)(7)(ii)(A)', {
    title: 'Data backup plan',
    summary: 'Retrievable exact copies of ePHI are created and maintained.',
    severity: 'high',
    facets: [
      facet(
        'backup',
        'create and keep retrievable exact copies of ePHI',
        `${BACKUP}|exact cop*|retrievable cop*`,
        `${EPHI}|data|daily|regular*|nightly|hourly`,
      ),
    ],
  }),
  admin('164.308(a)(7)(ii)(B)', {
    title: 'Disaster recovery plan',
    summary: 'Procedures exist to restore any loss of data.',
    severity: 'high',
    facets: [
      facet(
        'restore',
        'restore lost data through documented procedures',
        'disaster recovery|recovery plan*|restor*|recover*',
        `${EPHI}|data|system*|loss|lost`,
      ),
    ],
  }),
  admin('164.308(a)(7)(ii)(C)', {
    title: 'Emergency mode operation plan',
    summary: 'Critical business processes that protect ePHI keep running while operating in emergency mode.',
    severity: 'medium',
    facets: [
      facet(
        'emergency',
        'keep critical processes and ePHI protections running during an emergency',
        'emergency mode|emergency operation*|emergenc*|crisis',
        'continu*|operat*|protect*|critical business process*',
      ),
    ],
  }),
  admin('164.308(a)(7)(ii)(D)', {
    title: 'Testing and revision procedures',
    summary: 'Contingency plans are tested periodically and revised.',
    severity: 'medium',
    facets: [
      facet('test', 'test contingency plans periodically', TEST, PLAN),
      facet('revise', 'revise contingency plans after tests or changes', POLICY_REVIEW, PLAN),
    ],
  }),
  admin('164.308(a)(7)(ii)(E)', {
    title: 'Applications and data criticality analysis',
    summary: 'The relative importance of applications and data is assessed to support the contingency plan.',
    severity: 'low',
    facets: [
      facet(
        'criticality',
        'rank applications and data by criticality',
        'critical*|priorit*|tier*',
        'application*|system*|data',
        'assess*|analy*|identif*|rank*|classif*|determin*',
      ),
    ],
  }),
  admin('164.308(a)(8)', {
    title: 'Evaluation',
    summary:
      'Technical and non-technical evaluations check periodically, and after environmental or operational changes, how well security policies meet the rule.',
    severity: 'medium',
    facets: [
      facet(
        'evaluate',
        'evaluate security safeguards periodically and after significant changes',
        'evaluat*|assess*|audit*|review*',
        'technical and nontechnical|technical and non-technical|security polic*|safeguard*|compliance|hipaa|security rule|controls',
        `${PERIODIC}|environmental|operational change*|significant change*`,
      ),
    ],
  }),
  admin('164.308(b)(1)', {
    title: 'Business associate contracts',
    summary:
      'A business associate may create, receive, keep or transmit ePHI only after giving satisfactory written assurances that it will safeguard it.',
    severity: 'high',
    facets: [
      facet(
        'assurances',
        'obtain assurances from business associates before they handle ePHI',
        'business associate*|subcontractor*',
        'contract*|agreement*|=baa|=baas|assurance*',
      ),
    ],
  }),
  admin('164.308(b)(3)', {
    title: 'Written contract or other arrangement',
    summary: 'The assurances from business associates are documented in a written contract or arrangement.',
    severity: 'high',
    facets: [
      facet(
        'written',
        'document business associate assurances in a written contract',
        'business associate agreement*|business associate contract*|=baa|=baas|written contract*|written agreement*',
      ),
    ],
  }),
];
