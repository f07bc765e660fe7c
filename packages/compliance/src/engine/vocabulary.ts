// Word lists used to tell binding statements from hedges, descriptions and topic names.

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

export const STRONG_MODALS = words('must shall will');

export const STRONG_WORDS =
  words(`required requires require mandatory prohibited forbidden responsible accountable
  ensure ensures enforce enforces enforced guarantee guarantees committed obliged obligated`);

export const WEAK_WORDS =
  words(`should could might would encouraged recommended recommend recommends ideally optionally
  optional strive strives endeavour endeavor endeavours endeavors hope hopes generally typically usually often sometimes
  eventually preferably some most several selected partially`);

/** Multi-word hedges, matched on raw tokens. */
export const WEAK_PHRASES = [
  'where possible',
  'where feasible',
  'if possible',
  'when possible',
  'where practical',
  'where practicable',
  'if feasible',
  'as needed',
  'when time permits',
  'as time permits',
  'best effort',
  'best efforts',
  'plan to',
  'plans to',
  'planning to',
  'intend to',
  'intends to',
  'in the future',
  'working on',
  'working towards',
  'working toward',
  'aim to',
  'aims to',
  'try to',
  'tries to',
  'attempt to',
  'attempts to',
  'on our roadmap',
  'is being considered',
  'are being considered',
  'is planned',
  'are planned',
  'at our discretion',
  'in some cases',
].map((p) => p.split(' '));

/** People to whom "may" and "can" grant a right ("you may request a copy"), which binds the organization. */
export const RIGHT_HOLDERS =
  words(`you individuals individual users user customers customer subjects subject patients
  patient requesters people persons members residents consumers`);

export const BE_FORMS = words('is are be been being get gets am');

export const IRREGULAR_PARTICIPLES =
  words(`kept held made done given taken written run sent built set shown met read put
  bound known drawn chosen driven stolen lost found taught sought told brought spent withdrawn undertaken overseen
  forbidden hidden split cut shut`);

/** Predicates after "is/are" that state a standing rule ("MFA is mandatory", "logging is in place"). */
export const STATE_PREDICATES = words(
  'mandatory required prohibited forbidden enabled responsible subject committed available entitled free',
);

/** Verbs that policies use to state practices; third-person and plural forms are derived. */
export const POLICY_VERBS =
  words(`maintain review encrypt monitor log retain delete dispose destroy test train assess
  evaluate perform conduct use require ensure enforce implement restrict limit grant revoke remove disable approve
  authorize authorise document record track notify inform report respond investigate contain remediate patch update
  scan protect apply assign designate appoint define establish provide obtain collect process store share disclose
  transfer sell verify validate classify label identify detect prevent block deploy install configure harden segregate
  separate isolate escort lock wipe sanitize sanitise shred erase purge anonymize anonymise pseudonymize pseudonymise
  hash acknowledge screen vet back backup restore recover replicate rotate change manage operate run keep hold give
  offer allow honor honour answer resolve handle communicate publish post email send receive accept reject audit
  inspect examine analyze analyse rate rank prioritize prioritise triage escalate alert consult engage bind minimize
  minimise rely seek ask request confirm correct rectify amend return stop cease archive schedule comply follow adhere
  uphold complete attend sign read mitigate sanction discipline supervise oversee approve measure forecast scale
  replicate require terminate deprovision deactivate suspend enable commit undergo receive tell let check reconcile
  retry include consider serve act`);

/** Words after which a verb-looking "-s" word is a plural noun ("access reviews", "the logs"). */
export const NOUN_BEFORE =
  words(`the a an all our their its your his her these those such any each every of for with to
  in on by from periodic regular annual quarterly monthly weekly security access code user system vendor risk internal
  external formal no some many several two three policy data change incident backup audit log`);

/** Words after which a verb-looking "-s" word is a noun subject ("reviews are performed"). */
export const NOUN_AFTER = words('are were is was will must shall should may can have has of');

/** Subjects and adverbs after which a bare verb is a present-tense statement ("we encrypt", "staff complete"). */
export const SUBJECT_BEFORE_VERB =
  words(`we they who that which staff employees users personnel managers administrators
  engineers members owners teams contractors vendors processors systems also always automatically only regularly
  routinely promptly immediately continuously annually quarterly monthly never centrally formally`);

export const META_SUBJECTS =
  words(`policy document section standard procedure plan program programme chapter appendix
  notice statement guide page`);

export const META_VERBS =
  words(`describes describe covers cover outlines outline defines define explains explain sets set
  summarizes summarises lists list addresses address contains contain includes include provides applies apply
  establishes introduces`);

export const REFERRAL_PHRASES = [
  'see',
  'refer to',
  'described in',
  'documented in',
  'defined in',
  'outlined in',
  'covered in',
  'set out in',
  'detailed in',
  'specified in',
  'addressed in',
  'governed by',
  'found in',
].map((p) => p.split(' '));

export const PURPOSE_OPENINGS = [
  'purpose',
  'the purpose',
  'the objective',
  'the goal',
  'the aim',
  'objective',
  'goal',
  'this policy aims',
  'this policy is intended',
  'this document aims',
  'this document is intended',
].map((p) => p.split(' '));
