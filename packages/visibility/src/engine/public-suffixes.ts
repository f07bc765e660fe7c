// Multi-label public suffixes, modelled on the Public Suffix List and kept compact: the suffixes
// under which different organisations register names. Without them `bbc.co.uk` and `gov.uk` sites would all collapse into
// "co.uk", and every GitHub Pages site into "github.io", which would merge unrelated owners in the
// citation counts. Single-label TLDs (.com, .de, .io…) need no entry: any last label is a suffix.
//
// Chosen for what LLM answers cite: second-level registries of the largest ccTLD markets, and the
// hosting platforms whose subdomains belong to different people (docs, blogs, demos). A suffix not
// listed here degrades gracefully: `shop.example.xx.yy` is counted as `xx.yy`, never as an error.

/** Second-level suffixes of country-code TLDs. */
const COUNTRY = {
  uk: ['co', 'org', 'me', 'ltd', 'plc', 'net', 'ac', 'gov', 'nhs', 'police', 'sch'],
  au: ['com', 'net', 'org', 'edu', 'gov', 'asn', 'id'],
  nz: ['co', 'org', 'net', 'govt', 'ac', 'school', 'geek'],
  jp: ['co', 'ne', 'or', 'ac', 'go', 'ad', 'ed', 'gr', 'lg'],
  kr: ['co', 'ne', 'or', 're', 'go', 'ac'],
  in: ['co', 'net', 'org', 'firm', 'gen', 'ind', 'ac', 'edu', 'gov', 'res'],
  br: ['com', 'net', 'org', 'gov', 'edu', 'art', 'blog', 'eco', 'app'],
  cn: ['com', 'net', 'org', 'gov', 'edu', 'ac'],
  hk: ['com', 'net', 'org', 'gov', 'edu', 'idv'],
  tw: ['com', 'net', 'org', 'gov', 'edu', 'idv'],
  sg: ['com', 'net', 'org', 'gov', 'edu', 'per'],
  my: ['com', 'net', 'org', 'gov', 'edu'],
  id: ['co', 'or', 'ac', 'go', 'web', 'my'],
  ph: ['com', 'net', 'org', 'gov', 'edu'],
  th: ['co', 'or', 'ac', 'go', 'in'],
  vn: ['com', 'net', 'org', 'gov', 'edu'],
  pk: ['com', 'net', 'org', 'gov', 'edu'],
  za: ['co', 'org', 'net', 'gov', 'ac', 'web'],
  ng: ['com', 'net', 'org', 'gov', 'edu'],
  ke: ['co', 'or', 'ac', 'go'],
  eg: ['com', 'net', 'org', 'gov', 'edu'],
  il: ['co', 'org', 'net', 'ac', 'gov', 'muni'],
  tr: ['com', 'net', 'org', 'gov', 'edu', 'gen'],
  sa: ['com', 'net', 'org', 'gov', 'edu'],
  ae: ['co', 'net', 'org', 'gov', 'ac'],
  mx: ['com', 'net', 'org', 'gob', 'edu'],
  ar: ['com', 'net', 'org', 'gob', 'edu'],
  co: ['com', 'net', 'org', 'gov', 'edu'],
  pe: ['com', 'net', 'org', 'gob', 'edu'],
  cl: ['gob', 'gov'],
  ua: ['com', 'net', 'org', 'gov', 'edu', 'in'],
  ru: ['com', 'net', 'org'],
  pl: ['com', 'net', 'org', 'gov', 'edu', 'info', 'biz'],
  es: ['com', 'org', 'nom', 'gob', 'edu'],
  fr: ['gouv', 'asso', 'com', 'tm'],
  it: ['gov', 'edu'],
  at: ['co', 'or', 'gv', 'ac'],
  be: ['ac'],
  gr: ['com', 'net', 'org', 'gov', 'edu'],
  pt: ['com', 'org', 'gov', 'edu'],
  us: ['ny', 'ca', 'tx', 'fl', 'wa', 'ma', 'il'],
} satisfies Record<string, string[]>;

/** Platforms whose customers each get their own subdomain. */
const PLATFORMS = [
  'github.io',
  'gitlab.io',
  'githubusercontent.com',
  'herokuapp.com',
  'vercel.app',
  'netlify.app',
  'pages.dev',
  'workers.dev',
  'fly.dev',
  'onrender.com',
  'web.app',
  'firebaseapp.com',
  'appspot.com',
  'azurewebsites.net',
  'cloudfront.net',
  's3.amazonaws.com',
  'blogspot.com',
  'wordpress.com',
  'wixsite.com',
  'myshopify.com',
  'webflow.io',
  'notion.site',
  'readthedocs.io',
  'gitbook.io',
  'substack.com',
  'glitch.me',
  'replit.app',
  'framer.website',
  'carrd.co',
];

export const PUBLIC_SUFFIXES: ReadonlySet<string> = new Set([
  ...Object.entries(COUNTRY).flatMap(([tld, seconds]) => seconds.map((s) => `${s}.${tld}`)),
  ...PLATFORMS,
]);
