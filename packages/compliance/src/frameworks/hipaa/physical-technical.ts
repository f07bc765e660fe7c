import { controlFamily, facet } from '../define.ts';
import { DELETE, ENCRYPT } from '../terms.ts';

const physical = controlFamily('hipaa', 'Physical safeguards', { appliesWhen: 'health-information' });
const technical = controlFamily('hipaa', 'Technical safeguards', { appliesWhen: 'health-information' });

const EPHI =
  'ephi|e-phi|phi|protected health information|health information|patient data|patient information';
const FACILITY =
  'facilit*|physical access|premises|building*|office*|data center*|data centre*|datacenter*|server room*';
const WORKSTATION = 'workstation*|laptop*|computer*|device*|endpoint*';
const MEDIA = 'media|hardware|device*|drive*|disk*|equipment|laptop*|usb';
const TRANSIT = 'transmi*|transit|transfer*|=sent|send*|network*|email*|communicat*';

export const physicalSafeguards = [
  physical('164.310(a)(1)', {
    title: 'Facility access controls',
    summary:
      'Physical access to systems holding ePHI and the buildings housing them is limited, while authorized access remains possible.',
    severity: 'high',
    facets: [
      facet(
        'limit',
        'limit physical access to facilities housing ePHI systems',
        FACILITY,
        'limit*|restrict*|control*|authori*|only|lock*|badge*',
      ),
    ],
  }),
  physical('164.310(a)(2)(i)', {
    title: 'Contingency operations',
    summary: 'Facility access is arranged to support restoring lost data during an emergency.',
    severity: 'low',
    facets: [
      facet(
        'emergency-access',
        'allow facility access to restore data during emergencies',
        'facility access|physical access|access to the facilit*|facilities|premises',
        'emergenc*|disaster*|contingency|restor*|recover*',
      ),
    ],
  }),
  physical('164.310(a)(2)(ii)', {
    title: 'Facility security plan',
    summary:
      'The facility and its equipment are protected from unauthorized physical access, tampering and theft.',
    severity: 'medium',
    facets: [
      facet(
        'protect',
        'protect facilities and equipment from unauthorized access, tampering and theft',
        `${FACILITY}|equipment`,
        'tamper*|theft|unauthori*|intru*',
      ),
    ],
  }),
  physical('164.310(a)(2)(iii)', {
    title: 'Access control and validation procedures',
    summary:
      "A person's physical access is controlled and validated by role, including visitor control and access to software testing areas.",
    severity: 'medium',
    facets: [
      facet(
        'validate',
        'validate physical access by role and control visitors',
        'visitor*|role*|identit*|badge*',
        'validat*|verif*|escort*|control*|sign in|sign-in|check*|log*',
      ),
    ],
  }),
  physical('164.310(a)(2)(iv)', {
    title: 'Maintenance records',
    summary:
      'Repairs and changes to the security-related physical parts of a facility, such as doors, locks and walls, are documented.',
    severity: 'low',
    facets: [
      facet(
        'records',
        'document repairs and changes to physical security components',
        'repair*|modif*|maintenance',
        'record*|document*|log*',
        'physical|facilit*|door*|lock*|wall*|hardware',
      ),
    ],
  }),
  physical('164.310(b)', {
    title: 'Workstation use',
    summary:
      'Rules state what each workstation that can reach ePHI may be used for, how, and in what physical surroundings.',
    severity: 'medium',
    facets: [
      facet(
        'use',
        'define how workstations with ePHI access may be used',
        WORKSTATION,
        'use|used|usage|acceptable use|function*',
      ),
    ],
  }),
  physical('164.310(c)', {
    title: 'Workstation security',
    summary:
      'Workstations that can reach ePHI are physically safeguarded so only authorized users can use them.',
    severity: 'medium',
    facets: [
      facet(
        'physical',
        'physically secure workstations that can reach ePHI',
        WORKSTATION,
        'physical*|cable lock*|locked|privacy screen*|unattended|secure location*',
      ),
    ],
  }),
  physical('164.310(d)(1)', {
    title: 'Device and media controls',
    summary:
      'Hardware and electronic media holding ePHI are controlled as they arrive at, leave and move within a facility.',
    severity: 'high',
    facets: [
      facet(
        'movement',
        'control the receipt, removal and movement of hardware and media with ePHI',
        MEDIA,
        'receipt|removal|move*|movement*|transport*|track*|inventor*|into and out of|in and out',
      ),
    ],
  }),
  physical('164.310(d)(2)(i)', {
    title: 'Disposal',
    summary: 'ePHI and the hardware or media holding it are finally disposed of securely.',
    severity: 'high',
    facets: [
      facet('dispose', 'securely dispose of ePHI and the media holding it', DELETE, `${EPHI}|${MEDIA}`),
    ],
  }),
  physical('164.310(d)(2)(ii)', {
    title: 'Media re-use',
    summary: 'ePHI is removed from electronic media before the media are reused.',
    severity: 'high',
    facets: [
      facet(
        'reuse',
        'wipe ePHI from media before they are reused',
        're-use|reuse|re-used|reused|repurpos*|reassign*|redeploy*|reissu*',
        'remov*|wip*|eras*|sanitiz*|sanitis*|delet*|purg*|reimag*|re-imag*',
      ),
    ],
  }),
  physical('164.310(d)(2)(iii)', {
    title: 'Accountability',
    summary:
      'A record is kept of movements of hardware and electronic media and of who is responsible for them.',
    severity: 'low',
    facets: [
      facet(
        'record',
        'record movements of hardware and media and who is responsible',
        'record*|track*|log*|inventor*',
        'movement*|location*|custod*|assign*|responsible',
        MEDIA,
      ),
    ],
  }),
  physical('164.310(d)(2)(iv)', {
    title: 'Data backup and storage',
    summary: 'A retrievable exact copy of ePHI is made before equipment is moved.',
    severity: 'low',
    facets: [
      facet(
        'copy-before-move',
        'copy ePHI before moving equipment',
        'copy|copies|backup*|back up|backed up|back-up*',
        'before|prior to',
        'mov*|relocat*|transport*',
      ),
    ],
  }),
];

export const technicalSafeguards = [
  technical('164.312(a)(1)', {
    title: 'Access control',
    summary:
      'Technical policies allow access to systems holding ePHI only to people or programs that have been granted access rights.',
    severity: 'critical',
    facets: [
      facet(
        'restrict',
        'allow access to ePHI systems only to authorized people and programs',
        'authori*|access control*|restrict* access|limit* access',
        `${EPHI}|information system*|system*`,
        'access|only',
      ),
    ],
  }),
  technical('164.312(a)(2)(i)', {
    title: 'Unique user identification',
    summary: 'Each user gets a unique name or number for identification and tracking.',
    severity: 'high',
    facets: [
      facet(
        'unique',
        'give each user a unique identifier',
        'unique user id*|unique id*|unique name*|unique username*|unique account*|individual account*|individual username*|individual user id*|individual login*|personal user account*|unique identifier*|unique login*|unique log-in*|unique user identification|!shared account*|!generic account*|!shared login*|!generic login*|!shared user*',
      ),
    ],
  }),
  technical('164.312(a)(2)(ii)', {
    title: 'Emergency access procedure',
    summary: 'Procedures allow needed ePHI to be reached during an emergency.',
    severity: 'medium',
    facets: [
      facet(
        'emergency',
        'provide a procedure for emergency access to ePHI',
        'emergency access|break-glass|break glass|emergency account*|emergency access procedure*',
      ),
    ],
  }),
  technical('164.312(a)(2)(iii)', {
    title: 'Automatic logoff',
    summary: 'Electronic sessions end after a set period of inactivity.',
    severity: 'medium',
    facets: [
      facet(
        'logoff',
        'end or lock sessions after a period of inactivity',
        'automatic logoff|automatic log-off|auto logoff|automatic logout|auto-logout|automatic log out|session timeout*|session time-out*|idle timeout*|inactivity|screen lock*|lock screen|automatically lock*|auto-lock*|locks automatically|timeout*|time out|without activity|idle*',
      ),
    ],
  }),
  technical('164.312(a)(2)(iv)', {
    title: 'Encryption and decryption',
    summary: 'A mechanism encrypts and decrypts ePHI.',
    severity: 'high',
    facets: [
      facet(
        'encrypt',
        'encrypt ePHI at rest',
        ENCRYPT,
        `${EPHI}|at rest|stored|storage|databas*|disk*|device*|laptop*`,
      ),
    ],
  }),
  technical('164.312(b)', {
    title: 'Audit controls',
    summary: 'Hardware, software or procedures record and examine activity in systems holding ePHI.',
    severity: 'high',
    facets: [
      facet(
        'audit',
        'record and examine activity in systems holding ePHI',
        'audit log*|audit control*|audit trail*|logging|logged|activity log*|=logs',
        'activit*|access|system*|ephi|phi|event*|record*|examin*',
      ),
    ],
  }),
  technical('164.312(c)(1)', {
    title: 'Integrity',
    summary: 'ePHI is protected from improper change or destruction.',
    severity: 'high',
    facets: [
      facet(
        'protect',
        'protect ePHI from improper alteration or destruction',
        'integrity|alter*|destr*|tamper*|modif*',
        EPHI,
        'protect*|prevent*|improper|unauthori*|safeguard*',
      ),
    ],
  }),
  technical('164.312(c)(2)', {
    title: 'Mechanism to authenticate ePHI',
    summary:
      'Electronic mechanisms confirm that ePHI has not been changed or destroyed without authorization.',
    severity: 'medium',
    facets: [
      facet(
        'mechanism',
        'use checksums, hashes or signatures to confirm ePHI is unaltered',
        'checksum*|hash*|digital signature*|integrity check*|integrity verification|file integrity monitoring|message authentication|hmac',
      ),
    ],
  }),
  technical('164.312(d)', {
    title: 'Person or entity authentication',
    summary: 'Anyone seeking access to ePHI is verified to be who they claim to be.',
    severity: 'critical',
    facets: [
      facet(
        'authenticate',
        'verify the identity of anyone seeking access to ePHI',
        'authenticat*|verif* identit*|identity verif*|verif* the identity|password*|multi-factor|mfa|two-factor',
        'person*|user*|entit*|individual*|anyone|workforce|access*',
      ),
    ],
  }),
  technical('164.312(e)(1)', {
    title: 'Transmission security',
    summary: 'ePHI sent over electronic networks is protected from unauthorized access.',
    severity: 'high',
    facets: [
      facet(
        'protect',
        'protect ePHI sent over networks',
        TRANSIT,
        'protect*|secur*|safeguard*|encrypt*|tls',
        `${EPHI}|data`,
      ),
    ],
  }),
  technical('164.312(e)(2)(i)', {
    title: 'Integrity controls',
    summary: 'Transmitted ePHI cannot be altered undetected before it is disposed of.',
    severity: 'medium',
    facets: [
      facet(
        'integrity',
        'detect alteration of ePHI in transit',
        'integrity|tamper*|modif*|alter*|checksum*|hash*',
        'transmi*|transit|transfer*|=sent|network*',
      ),
    ],
  }),
  technical('164.312(e)(2)(ii)', {
    title: 'Encryption in transit',
    summary: 'ePHI is encrypted whenever that is deemed appropriate for its transmission.',
    severity: 'high',
    facets: [facet('encrypt', 'encrypt ePHI in transit', `${ENCRYPT}|tls|ssl|https|sftp|vpn|ipsec`, TRANSIT)],
  }),
];
