import { controlFamily, facet } from '../define.ts';
import { BACKUP, DELETE, PERIODIC } from '../terms.ts';

const availability = controlFamily('soc2', 'Availability');
const confidentiality = controlFamily('soc2', 'Confidentiality');
const integrity = controlFamily('soc2', 'Processing Integrity');

const RESTORE_TEST = 'test*|verif*|exercis*|drill*|simulat*|tabletop*|validat*';

export const additionalCriteria = [
  availability('A1.1', {
    title: 'Capacity management',
    summary:
      'Current processing capacity and use of system components are maintained, monitored and evaluated so that demand can be met.',
    severity: 'medium',
    facets: [
      facet(
        'monitor',
        'monitor capacity and resource usage',
        'capacit*|utiliz*|utilis*|resource usage|resource consumption|performance|load',
        'monitor*|track*|measur*|forecast*|alert*|review*',
      ),
      facet(
        'plan',
        'plan or scale capacity to meet demand',
        'autoscal*|auto-scal*|scale*|scaling|capacity planning|capacity plan*|forecast*|additional capacity|headroom',
      ),
    ],
  }),
  availability('A1.2', {
    title: 'Environmental protection, backup and recovery infrastructure',
    summary:
      'Environmental protections, software, data backup processes and recovery infrastructure are put in place and maintained to meet availability objectives.',
    severity: 'high',
    facets: [
      facet(
        'backups',
        'back up data on a regular schedule',
        BACKUP,
        `daily|hourly|weekly|nightly|automat*|schedul*|every|${PERIODIC}`,
      ),
      facet(
        'separate-location',
        'keep backups in a separate location',
        `${BACKUP}|replica*|=copies|=copy`,
        'offsite|off-site|separate|different|geographic*|second* region*|another region|multiple region*|multiple availability zone*|immutable',
      ),
      facet(
        'environment',
        'protect infrastructure against environmental threats and single points of failure',
        'environmental|fire suppression|uninterruptible power|generator*|climate control*|redundant power|availability zone*|multi-az|redundant infrastructure|high availability|redundan*|failover',
      ),
    ],
  }),
  availability('A1.3', {
    title: 'Recovery testing',
    summary: 'Procedures that support system recovery are tested so that availability objectives can be met.',
    severity: 'high',
    facets: [
      facet(
        'restore-test',
        'test restoring data from backups',
        'restor*|recover*',
        RESTORE_TEST,
        `${BACKUP}|data`,
      ),
      facet(
        'plan-test',
        'test the business continuity or disaster recovery plan',
        'business continuity|disaster recovery|continuity plan*|recovery plan*|bcp|drp|contingency plan*',
        RESTORE_TEST,
      ),
    ],
  }),
  confidentiality('C1.1', {
    title: 'Identifying and protecting confidential information',
    summary:
      'Confidential information is identified and kept protected so that confidentiality commitments are honoured.',
    severity: 'high',
    facets: [
      facet(
        'classification',
        'classify data to identify confidential information',
        'classif*|label*|categoriz*|categoris*',
        'data|information|confidential|asset*|record*',
      ),
      facet(
        'protection',
        'protect confidential information from unauthorized disclosure',
        'confidential*|sensitive|restricted',
        'protect*|restrict*|limit*|encrypt*|need to know|need-to-know|authori*|safeguard*',
      ),
      facet(
        'retention',
        'keep confidential information only as long as needed',
        'retain*|retention|kept|keep*|stor*',
        'as long as|no longer than|only for|only as long|retention period*|retention schedule*|necessary|needed|years|months|days',
      ),
    ],
  }),
  confidentiality('C1.2', {
    title: 'Disposing of confidential information',
    summary:
      'Confidential information is disposed of once its retention period ends or it is no longer needed.',
    severity: 'high',
    facets: [
      facet(
        'dispose',
        'dispose of confidential information when it is no longer needed',
        DELETE,
        'confidential*|sensitive|customer data|data|information|record*|media',
        'retention|no longer|expir*|end of|after|upon|termination|request*|once|clos*|cancel*',
      ),
    ],
  }),
  integrity('PI1.1', {
    title: 'Processing specifications',
    summary:
      'Relevant, good-quality information about processing objectives, including definitions of the data and product specifications, is obtained or produced and used.',
    severity: 'low',
    facets: [
      facet(
        'definitions',
        'document data definitions and processing specifications',
        'data definition*|data dictionar*|specification*|schema*|processing requirement*|processing objective*',
      ),
    ],
  }),
  integrity('PI1.2', {
    title: 'Complete and accurate inputs',
    summary: 'Inputs to the system are controlled so that they are complete and accurate.',
    severity: 'medium',
    facets: [
      facet(
        'input-validation',
        'validate system inputs for completeness and accuracy',
        'input*|data entry|submitted data|incoming data|received data',
        'validat*|check*|verif*|complete*|accura*|sanitiz*|sanitis*|reject*',
      ),
    ],
  }),
  integrity('PI1.3', {
    title: 'Complete, accurate and timely processing',
    summary:
      'Processing is controlled so that it is complete, accurate and timely, and errors are found and corrected.',
    severity: 'medium',
    facets: [
      facet(
        'errors',
        'detect and correct processing errors',
        'processing|job*|transaction*|batch*|pipeline*',
        'error*|exception*|fail*|reconcil*|retr*',
      ),
      facet(
        'monitor',
        'monitor processing for completeness and timeliness',
        'processing|job*|transaction*|batch*|pipeline*',
        'monitor*|complete*|timel*|accura*|alert*',
      ),
    ],
  }),
  integrity('PI1.4', {
    title: 'Complete and accurate outputs',
    summary: 'Outputs are complete, accurate and delivered only to the intended recipients.',
    severity: 'medium',
    facets: [
      facet(
        'outputs',
        'check outputs for completeness and accuracy',
        'output*|report*|result*',
        'complete*|accura*|validat*|reconcil*|verif*',
      ),
      facet(
        'recipients',
        'deliver outputs only to intended recipients',
        'output*|report*|result*|deliver*',
        'intended recipient*|authorized recipient*|authorised recipient*|only to',
      ),
    ],
  }),
  integrity('PI1.5', {
    title: 'Stored inputs and outputs',
    summary:
      'Inputs, work in progress and outputs are stored completely, accurately and on time, protected from unauthorized change.',
    severity: 'medium',
    facets: [
      facet(
        'storage',
        'store inputs and outputs completely and protect them from unauthorized change',
        'stor*|retain*|archiv*',
        'input*|output*|transaction*|record*',
        'complete*|accura*|integrity|unaltered|modif*|tamper*|checksum*|immutable',
      ),
    ],
  }),
];
