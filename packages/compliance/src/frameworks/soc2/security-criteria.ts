import { controlFamily, facet } from '../define.ts';
import { DELETE, ENCRYPT, INCIDENT, PERIODIC, TIMEFRAME, VENDOR } from '../terms.ts';

const access = controlFamily('soc2', 'Logical and Physical Access Controls');
const operations = controlFamily('soc2', 'System Operations');
const change = controlFamily('soc2', 'Change Management');
const mitigation = controlFamily('soc2', 'Risk Mitigation');

const ACCESS = 'access|account*|credential*|permission*|privilege*|entitlement*';
const REVIEW = 'review*|recertif*|=certify|=certifies|=certified|attest*';
const MEDIA = 'media|disk*|drive*|device*|equipment|hardware|laptop*|storage|server*|asset*';

export const securityCriteria = [
  access('CC6.1', {
    title: 'Logical access security',
    summary:
      'Software, infrastructure and architecture controls restrict logical access to protected information assets.',
    severity: 'critical',
    facets: [
      facet(
        'inventory',
        'keep an inventory of information assets',
        'inventor*|asset register*|asset list*|cmdb|configuration management database',
        'asset*|system*|device*|hardware|software|data|endpoint*|laptop*|server*|register*',
      ),
      facet(
        'authentication',
        'require users to authenticate with unique credentials',
        'authenticat*|=log in|=login|=logins|sign in|single sign-on|sso|unique user id*|unique id*|unique account*|unique credential*|individual account*|personal user account*|password*',
        'system*|application*|account*|access|network*|user*|service*',
      ),
      facet(
        'mfa',
        'require multi-factor authentication',
        'multi-factor|multifactor|mfa|two-factor|2fa|two-step|2-step|second factor',
      ),
      facet(
        'encryption-at-rest',
        'encrypt sensitive data at rest',
        ENCRYPT,
        'at rest|stored|storage|store|databas*|disk*|drive*|volume*|laptop*|device*|backup*',
      ),
    ],
  }),
  access('CC6.2', {
    title: 'User registration and removal',
    summary:
      'Before credentials are issued, new users are registered and approved; access is removed when it is no longer needed.',
    severity: 'high',
    facets: [
      facet(
        'approval',
        'approve access requests before accounts or access are granted',
        'approv*|authoriz*|authoris*|request*',
        ACCESS,
        'grant*|provision*|creat*|issu*|before|prior to|new user*|onboard*|given',
      ),
      facet(
        'removal',
        'remove access promptly when people leave or no longer need it',
        'remov*|revok*|disabl*|deactivat*|deprovision*|de-provision*|terminat*|suspend*',
        ACCESS,
        'terminat*|leave*|leaver*|depart*|offboard*|separat*|no longer|end of employment|employment ends|last day|last working day|exit*|role change*|resign*',
      ),
    ],
  }),
  access('CC6.3', {
    title: 'Role-based access and least privilege',
    summary:
      'Access to data and systems is granted, changed and removed according to roles, responsibilities and least privilege, with segregation of duties.',
    severity: 'high',
    facets: [
      facet(
        'least-privilege',
        'grant access on a least-privilege, role basis',
        'least privilege|least-privilege|need to know|need-to-know|role-based|role based|rbac|minimum necessary|job responsibilit*|job function*|business need*|perform their duties|perform their job|required for their role|needed for their role|required for their job|needed for their job',
      ),
      facet('reviews', 'review who has access', REVIEW, ACCESS),
      facet('review-schedule', 'repeat access reviews on a set schedule', REVIEW, ACCESS, PERIODIC),
      facet(
        'changes',
        'adjust access when a person changes role',
        'role change*|change* role*|change* in role|change* of role|transfer*|job change*|change* job*|change* in responsibilit*',
        ACCESS,
      ),
    ],
  }),
  access('CC6.4', {
    title: 'Physical access',
    summary:
      'Physical access to facilities and protected assets such as data centers, backup media and sensitive locations is limited to authorized people.',
    severity: 'high',
    facets: [
      facet(
        'restrict',
        'restrict physical access to facilities and equipment to authorized people',
        'physical access|physical security|badge*|keycard*|key card*|facilit*|data center*|datacenter*|data centre*|office*|server room*|premises',
        'restrict*|limit*|authoriz*|authoris*|control*|lock*|only|badge*',
      ),
      facet(
        'visitors',
        'log and escort visitors',
        'visitor*|guest*',
        'escort*|log*|sign in|sign-in|badge*|register*|accompan*',
      ),
    ],
  }),
  access('CC6.5', {
    title: 'Disposal of assets',
    summary:
      'Protections over physical and logical assets are only removed once the data on them can no longer be read or recovered.',
    severity: 'high',
    facets: [
      facet('sanitize', 'sanitize or destroy media and equipment before disposal or reuse', DELETE, MEDIA),
      facet(
        'verify',
        'confirm that disposed data cannot be recovered',
        'unrecoverabl*|cannot be recovered|can not be recovered|not recoverable|irrecoverabl*|certificate* of destruction|destruction certificate*|800-88|secure erasure|cryptographic erasure|crypto-shred*|crypto shred*|verif* destruction',
      ),
    ],
  }),
  access('CC6.6', {
    title: 'Threats from outside the boundary',
    summary: 'Logical access controls guard against threats coming from outside the system boundary.',
    severity: 'high',
    facets: [
      facet(
        'boundary',
        'protect the network boundary with firewalls or equivalent controls',
        'firewall*|security group*|waf|web application firewall|network segmentation|segment*|perimeter|intrusion prevention|boundary protection|network access control*|ddos',
      ),
      facet(
        'remote',
        'secure remote access',
        'remote access|remote connection*|remote*|vpn|virtual private network|zero trust|zero-trust',
        'encrypt*|vpn|multi-factor|mfa|authenticat*|secur*|tls|ssh|bastion*|approv*',
      ),
    ],
  }),
  access('CC6.7', {
    title: 'Restricting data transmission and movement',
    summary:
      'Movement of information between users and systems, over networks and onto removable media is limited to authorized channels and protected in transit.',
    severity: 'high',
    facets: [
      facet(
        'in-transit',
        'encrypt data in transit',
        `${ENCRYPT}|tls|ssl|https|sftp|ssh|ipsec`,
        'in transit|transit|transmi*|transfer*|over the network|over public network*|network*|email*|in motion|communicat*|connection*|traffic',
      ),
      facet(
        'removable',
        'restrict copying data to removable media or unapproved destinations',
        'removable media|usb|portable media|portable storage|external drive*|data loss prevention|dlp|exfiltrat*|removable storage',
      ),
    ],
  }),
  access('CC6.8', {
    title: 'Malicious and unauthorized software',
    summary: 'Controls prevent or detect the introduction of unauthorized or malicious software.',
    severity: 'high',
    facets: [
      facet(
        'anti-malware',
        'run anti-malware or endpoint protection',
        'anti-malware|antimalware|anti-virus|antivirus|malware|endpoint detection|endpoint protection|edr|virus*',
        'install*|deploy*|run*|protect*|scan*|detect*|prevent*|enabl*|maintain*|use*|updat*|equipped|required',
      ),
      facet(
        'unauthorized-software',
        'stop installation of unauthorized software',
        'software|application*|program*|package*|tool*',
        'unauthori*|unapproved|approved|authori*|allow list|allowlist|whitelist*|restrict*|prohibit*',
        'install*|download*|run*|execut*|deploy*',
      ),
    ],
  }),
  operations('CC7.1', {
    title: 'Vulnerability and configuration monitoring',
    summary:
      'Detection and monitoring procedures find configuration changes that introduce weaknesses and newly discovered vulnerabilities.',
    severity: 'high',
    facets: [
      facet(
        'scanning',
        'scan systems for vulnerabilities on a set schedule',
        'vulnerabilit*',
        'scan*|assess*|test*|identif*|detect*',
      ),
      facet(
        'baselines',
        'define and monitor secure configuration baselines',
        'configuration*|baseline*|harden*|cis benchmark*|golden image*',
        'baseline*|standard*|harden*|monitor*|drift|detect*|benchmark*',
      ),
      facet(
        'patching',
        'remediate vulnerabilities within defined timeframes',
        'patch*|remediat*|fix*|resolv*|mitigat*',
        'vulnerabilit*|critical|high|security update*|patch*',
        TIMEFRAME,
      ),
    ],
  }),
  operations('CC7.2', {
    title: 'Monitoring for anomalies',
    summary:
      'System components and their operation are watched for anomalies that point to malicious acts, disasters or errors, and those anomalies are analysed.',
    severity: 'high',
    facets: [
      facet(
        'logging',
        'log security-relevant events',
        'logging|logged|audit log*|event log*|audit trail*|security log*|siem|=logs|log data|log file*',
        'event*|activit*|access|action*|change*|authenticat*|administrat*|security|system*|retain*|collect*|central*|monitor*|review*',
      ),
      facet(
        'alerting',
        'monitor for and alert on suspicious activity',
        'monitor*|alert*|detect*|siem|intrusion detection',
        'anomal*|suspicious|unusual|malicious|threat*|unauthori*|intrusion*|attack*|security event*|indicator*',
      ),
    ],
  }),
  operations('CC7.3', {
    title: 'Evaluating security events',
    summary:
      'Security events are evaluated to decide whether they are incidents that could stop objectives being met.',
    severity: 'high',
    facets: [
      facet(
        'triage',
        'triage and analyse security events to decide whether they are incidents',
        'triag*|analy*|evaluat*|assess*|investigat*|review*',
        'security event*|event*|alert*|incident*',
      ),
      facet('severity', 'classify incidents by severity', 'severit*|priorit*|classif*|categor*', 'incident*'),
    ],
  }),
  operations('CC7.4', {
    title: 'Incident response',
    summary:
      'Identified incidents are handled through a defined response programme that contains, fixes and communicates them.',
    severity: 'critical',
    facets: [
      facet(
        'plan',
        'maintain a documented incident response plan',
        'incident response plan*|incident response procedure*|incident management plan*|incident response polic*|incident management procedure*|incident response process*|incident management process*|incident response program*|incident handling procedure*|incident response playbook*|incident runbook*',
      ),
      facet(
        'containment',
        'contain and remediate incidents',
        'contain*|eradicat*|mitigat*|remediat*|isolat*',
        INCIDENT,
      ),
      facet(
        'roles',
        'define incident response roles and communication',
        'role*|responsib*|incident commander|on-call|escalat*|communicat*|notif*|report*|raise*',
        'incident*',
      ),
    ],
  }),
  operations('CC7.5', {
    title: 'Recovery from incidents',
    summary:
      'Activities to recover from identified incidents are defined and carried out, and their lessons are used.',
    severity: 'high',
    facets: [
      facet(
        'restore',
        'restore affected systems and data after an incident',
        'restor*|recover*|rebuild*|resum*',
        'system*|data|service*|operation*|backup*',
      ),
      facet(
        'lessons',
        'hold post-incident reviews and act on the lessons learned',
        'lessons learned|lessons-learned|post-incident|post incident|postmortem*|post-mortem*|root cause*|retrospective*|after-action',
      ),
    ],
  }),
  change('CC8.1', {
    title: 'Change management',
    summary:
      'Changes to infrastructure, data, software and procedures are authorized, designed, documented, tested, approved and then implemented.',
    severity: 'high',
    facets: [
      facet(
        'approval',
        'authorize and approve changes before implementation',
        'change*|pull request*|merge request*|code',
        'approv*|authori*|peer review*|code review*|reviewed|review*',
      ),
      facet(
        'testing',
        'test changes before releasing them to production',
        'test*',
        'change*|release*|deploy*|code|production|update*',
      ),
      facet(
        'environments',
        'keep development and test environments separate from production',
        'separat*|segregat*|isolat*|distinct',
        'environment*|production|development|staging',
      ),
      facet(
        'tracking',
        'record changes in a ticketing or version control system',
        'version control|source control|=git|change ticket*|change request*|ticket*|change management system|change log*|change record*|pull request*|merge request*',
      ),
    ],
  }),
  mitigation('CC9.1', {
    title: 'Business disruption risk',
    summary:
      'Risk mitigation activities are chosen and built for risks arising from possible business disruptions.',
    severity: 'high',
    facets: [
      facet(
        'plan',
        'maintain a business continuity plan',
        'business continuity|continuity plan*|bcp|disaster recovery|contingency plan*|continuity of operation*',
      ),
      facet(
        'disruption-risk',
        'identify and mitigate the risk of business disruption',
        'disrupt*|outage*|interrupt*|downtime|disaster*',
        'risk*|mitigat*|prepar*|resilien*|minimi*|reduc*',
      ),
    ],
  }),
  mitigation('CC9.2', {
    title: 'Vendor and business partner risk',
    summary: 'Risks tied to vendors and business partners are assessed and managed.',
    severity: 'high',
    facets: [
      facet(
        'due-diligence',
        'assess the security of vendors before engaging them',
        VENDOR,
        'assess*|evaluat*|due diligence|vet*|questionnaire*|risk review*|security review*',
      ),
      facet(
        'contracts',
        'put security and confidentiality obligations in vendor contracts',
        VENDOR,
        'contract*|agreement*|dpa*|terms|nda*|non-disclosure',
        'secur*|confidential*|privacy|protect*|requirement*|obligation*',
      ),
      facet(
        'monitoring',
        'monitor vendors on an ongoing basis',
        VENDOR,
        `monitor*|reassess*|re-assess*|soc 2 report*|audit report*|${PERIODIC}`,
      ),
    ],
  }),
];
