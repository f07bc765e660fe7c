/**
 * The demo organization's published knowledge page: facts about its invented product, written for the
 * demo, laid out the way the health score rewards (one H1, ordered headings, visible questions and
 * answers that become FAQPage structured data).
 */
export const DEMO_PAGE = {
  slug: 'lumora-analytics-faq',
  title: 'Lumora Analytics: facts and frequently asked questions',
  description:
    'What Lumora Analytics is, who it is for, how it handles privacy and what it costs, in plain answers.',
  product: {
    name: 'Lumora Analytics',
    description: 'Product analytics for small software teams, with privacy controls built in.',
  },
  body_md: `# Lumora Analytics: facts and frequently asked questions

Lumora Analytics is a product analytics service for small software teams. It records how people use a
web or mobile product, shows which features they adopt and where they drop off, and keeps the data
in the region the team chooses.

## Who is Lumora for?

Teams of two to fifty people who ship a software product and want answers about usage without hiring
a data analyst. Most customers are business-to-business SaaS companies.

## What does Lumora measure?

- Feature adoption: how many active accounts used a feature in a period.
- Funnels: the share of people who complete each step of a flow, such as sign-up to first report.
- Retention: how many accounts come back week after week, by the month they joined.

## How does Lumora handle privacy?

Lumora does not use third-party cookies. IP addresses are dropped after the country is derived, and
each workspace picks where its data is stored (European Union or United States). Data can be exported
or deleted at any time from the workspace settings.

## How much does Lumora cost?

There is a free plan for up to 10,000 tracked events a month. Paid plans are priced by monthly events,
not by seats, so adding colleagues costs nothing.

## How is Lumora different from Brightdesk?

Brightdesk is a mature suite aimed at larger companies, priced per seat. Lumora focuses on small teams,
prices by usage and sets up in under an hour with one script tag or SDK call.
`,
};
