import type { MediaTag } from './types.js';

/** One demo story; times are relative to when the demo is seeded. */
export interface DemoStory {
  slug: string;
  title: string;
  mediaTag?: MediaTag;
  summary: string;
  body: string;
  author: 'maya' | 'daniel' | 'priya';
  topics: string[];
  sources?: { name: string; url: string }[];
  videoUrl?: string;
  image?: { asset: string; alt: string };
  /** Hours before the seed time; a negative number schedules it that far ahead. */
  hoursAgo?: number;
  draft?: boolean;
}

export const DEMO_TOPICS = [
  { slug: 'city-hall', name: 'City Hall', description: 'Council votes, budgets and the people who run Millbrook.' },
  { slug: 'housing', name: 'Housing', description: 'Rents, repairs, evictions and who gets to live here.' },
  { slug: 'environment', name: 'Environment', description: 'The river, the air, the heat and what the city does about them.' },
  { slug: 'schools', name: 'Schools', description: 'Classrooms, closures and the school board.' },
  { slug: 'transit', name: 'Transit', description: 'Buses, bike lanes and getting around without a car.' },
  { slug: 'culture', name: 'Culture', description: 'Markets, music, libraries and neighborhood life.' },
  { slug: 'public-health', name: 'Public Health', description: 'Clinics, water and air quality, and the data behind them.' },
];

export const DEMO_STORIES: DemoStory[] = [
  {
    slug: 'river-cleanup-sediment-tests',
    title: 'Inside the Millbrook River cleanup: what the sediment tests show',
    mediaTag: 'video',
    summary: 'Two years and $31 million in, the first independent sediment tests show lead levels falling upstream — and a stubborn hot spot below the old tannery.',
    author: 'priya',
    topics: ['environment', 'city-hall', 'public-health'],
    videoUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
    image: { asset: 'demo-river.svg', alt: 'The Millbrook River at dusk below the Fifth Street bridge' },
    hoursAgo: 3,
    sources: [
      { name: 'Millbrook Water Authority: 2024 sediment sampling report', url: 'https://example.org/mwa/sediment-2024.pdf' },
      { name: 'State Department of Environmental Quality: river cleanup consent order', url: 'https://example.org/deq/consent-order' },
      { name: 'Tribune Ledger sampling data (spreadsheet)', url: 'https://example.org/ledger/river-samples.csv' },
    ],
    body: `We went out on the river with the crews who take the samples, and then paid an independent laboratory to test our own. Watch the trip above; the numbers are below.

## What improved

Upstream of the Fifth Street bridge, median lead in the top layer of sediment fell from **412 to 138 milligrams per kilogram** between the 2022 and 2024 sampling rounds. That is below the state's action level of 400 for the first time since testing began.

- Eleven of fourteen upstream sites are now below the action level.
- Our own samples, taken the same week, agreed with the authority's within 8%.
- Mercury was not detected at any site above the old rail yard.

## What did not

Below the former Hadley tannery, three sites still read above 900. The cleanup plan calls for dredging there in 2026, but the contract has not been put out to bid.

> "We did the easy stretch first. The tannery reach is the hard one, and it is the one next to where kids swim." — Rosa Delgado, who has fished the river for 30 years

## What happens next

The city council's environment committee takes up the dredging contract on **March 12**. The consent order gives the city until the end of 2027 to finish; missing it triggers fines of $10,000 a day.

We will publish our full sampling data with every update. If you live or fish along the river and want a site tested, [write to us](mailto:tips@example.org).`,
  },
  {
    slug: 'council-approves-water-main-replacement',
    title: 'Council approves $48 million water-main replacement; rates to rise 6%',
    summary: 'The 7–2 vote replaces 22 miles of cast-iron pipe laid before 1940. The average household bill goes up about $4 a month starting in July.',
    author: 'daniel',
    topics: ['city-hall', 'environment', 'public-health'],
    hoursAgo: 27,
    sources: [
      { name: 'City Council agenda packet, item 14', url: 'https://example.org/council/2025-02-agenda.pdf' },
      { name: 'Water rate study by Ortega & Lane', url: 'https://example.org/water/rate-study' },
    ],
    body: `The Millbrook City Council voted 7–2 on Tuesday night to borrow $48 million to replace the oldest water mains in the city, ending a year of debate over who should pay.

## Who pays

The plan is paid for by a 6% rate increase, phased in over two years. For a household using 5,000 gallons a month, the bill rises from $67.10 to about $71.

Council members Ana Whitfield and George Tran voted no. Whitfield argued the increase should have been tiered so heavy users pay more:

> "A family of five in a rental pays the same increase per gallon as a golf course. That is a choice, and it is the wrong one."

## Which streets come first

Crews start on the Eastside, where the pipes are oldest and the breaks most frequent — 61 of last year's 140 main breaks were east of the river. A street-by-street schedule will be posted in April.

## Why now

Federal infrastructure money covers $9 million of the cost, but only if work begins before October. The state's lead-service-line rules also require the city to replace lead connections it finds while digging.`,
  },
  {
    slug: 'riverside-towers-tenants-win-repairs',
    title: 'Riverside Towers tenants win repairs after a 14-month fight',
    summary: 'A settlement filed Friday requires the landlord to fix heat, elevators and mold in 212 apartments by September — and to pay back part of the rent.',
    author: 'maya',
    topics: ['housing', 'city-hall'],
    image: { asset: 'demo-towers.svg', alt: 'The two Riverside Towers apartment buildings seen from the park' },
    hoursAgo: 50,
    sources: [
      { name: 'Settlement agreement, Riverside Tenants Association v. RT Holdings LLC', url: 'https://example.org/court/riverside-settlement.pdf' },
      { name: 'City code enforcement inspection records, 2023–2025', url: 'https://example.org/city/inspections/riverside' },
    ],
    body: `For three winters, Lourdes Martín wore her coat indoors. On Friday, she and 300 of her neighbors won a settlement that requires their landlord to fix the heat for good.

## What the settlement requires

- Working heat in every unit, with a temperature logger the tenants' association can read.
- Both elevators in each tower repaired by **June 30**, with a penalty of $500 for every day one is out after that.
- Mold removal by a licensed contractor in the 48 units city inspectors flagged.
- A rent credit of 15% for every month a tenant went without heat, backdated to November 2023.

## How they won

The tenants' association documented every outage with photos and timestamps and filed them with code enforcement. City inspectors cited the building 86 times in 14 months — records the tenants' lawyer said made the case.

> "We did not win because anyone felt sorry for us. We won because we wrote everything down." — Lourdes Martín, association president

RT Holdings did not respond to questions before publication. In the settlement, it admits no wrongdoing.`,
  },
  {
    slug: 'rents-outpace-wages-fifth-year',
    title: 'Rents in Millbrook outpaced wages for the fifth year running',
    mediaTag: 'map',
    summary: 'Median rent for a two-bedroom rose 9% last year while the median wage rose 3%. Our map shows where the gap is widest.',
    author: 'maya',
    topics: ['housing'],
    hoursAgo: 75,
    sources: [{ name: 'U.S. Census Bureau, American Community Survey 5-year estimates', url: 'https://data.census.gov/' }],
    body: `A two-bedroom apartment in Millbrook now rents for a median of **$1,480 a month**, up 9% from a year ago. Over the same period, the median hourly wage rose 3%, to $21.40.

## Where the gap is widest

The map groups the city's 31 census tracts by how much rent grew compared with wages since 2019. In four tracts along the river, rent grew three times as fast as pay.

1. Riverside: rent +47%, wages +12%
2. Old Mill: rent +41%, wages +14%
3. Fifth Street: rent +38%, wages +11%
4. Eastside North: rent +36%, wages +15%

## What "affordable" means here

The usual rule of thumb says housing is affordable when it takes no more than 30% of income. At today's median rent and wage, a full-time worker spends **40%** of gross pay on a two-bedroom.

The data come from the Census Bureau's five-year survey, which smooths out year-to-year swings; the most recent year is likely worse.`,
  },
  {
    slug: 'school-board-delays-closure-vote',
    title: 'School board delays vote on closing two elementary schools',
    summary: 'After four hours of public comment, the board postponed a decision on Lincoln and Garfield elementaries until it studies bus times.',
    author: 'daniel',
    topics: ['schools', 'city-hall'],
    hoursAgo: 98,
    body: `The Millbrook school board put off a vote on Monday that would have closed Lincoln and Garfield elementary schools next fall, after more than 120 parents, teachers and students signed up to speak.

## Why the district wants to close them

Enrollment in the district has fallen 14% in ten years. Lincoln is at 54% of its capacity and Garfield at 61%. Closing both would save an estimated $2.3 million a year.

## What parents asked for

Most speakers opposed the closures. Many said the district had not said how long children would ride the bus to their new schools.

> "My son would leave at 6:50 in the morning. Nobody has told me that is wrong, so I assume it is right." — Tasha Greene, a Lincoln parent

Board chair Martin Oyelaran asked staff to return in **April** with bus times for every affected family and an estimate of what repairs the two buildings need.`,
  },
  {
    slug: 'route-7-returns-riders-want-more',
    title: 'Bus Route 7 is back, but riders say 30-minute gaps are too long',
    summary: 'The crosstown route cut during the pandemic returned Monday. Riders welcomed it — and lined up to ask for buses every 15 minutes.',
    author: 'priya',
    topics: ['transit'],
    image: { asset: 'demo-bus.svg', alt: 'A Route 7 bus waiting at the Central Station stop' },
    hoursAgo: 122,
    body: `Route 7, the only bus that crosses Millbrook without going downtown first, carried its first passengers in four years on Monday morning.

## The new schedule

- Every 30 minutes from 6 a.m. to 9 p.m. on weekdays
- Every 45 minutes on Saturdays, no Sunday service
- 38 stops, including Millbrook Community College and St. Anne's Hospital

## What riders say

At the hospital stop, nurse aide Kevin Bui said the route cuts his commute from 70 minutes to 25. But a 30-minute gap, he said, means one missed bus makes him late for his shift.

The transit authority says it needs eight more drivers to run buses every 15 minutes. It has 11 openings and is offering a $3,000 hiring bonus.`,
  },
  {
    slug: 'eastside-night-market-last-night',
    title: 'The last night of the Eastside Night Market season',
    mediaTag: 'photos',
    summary: 'Seventy vendors, a brass band and about 6,000 visitors closed out the market’s biggest season yet.',
    author: 'maya',
    topics: ['culture'],
    image: { asset: 'demo-market.svg', alt: 'Strings of lights over food stalls at the Eastside Night Market' },
    hoursAgo: 146,
    body: `The Eastside Night Market closed its seventh season on Saturday with its largest crowd yet.

![Strings of lights over the market's food stalls](/assets/demo-market.svg)

## By the numbers

- 70 vendors, 22 of them new this year
- About 6,000 visitors on the final night, by the organizers' count
- $4,100 raised for the Eastside Community Pantry

The market returns in **May**. Applications for vendor spaces open in March; the organizers say they will hold a third of the spaces for first-time vendors.`,
  },
  {
    slug: 'fifth-street-bike-lanes-explained',
    title: 'What the new bike lanes on Fifth Street mean for drivers',
    mediaTag: 'map',
    summary: 'Parking moves to the other side of the street and left turns at Mill Avenue change. Our map shows every block.',
    author: 'daniel',
    topics: ['transit', 'city-hall'],
    hoursAgo: 170,
    sources: [{ name: 'Public Works: Fifth Street protected bike lane design, final plans', url: 'https://example.org/publicworks/fifth-street' }],
    body: `Construction on protected bike lanes along 1.8 miles of Fifth Street begins April 7 and is expected to take nine weeks.

## What changes for drivers

- **Parking** moves from the east curb to a lane beside the new bike lane, between the bikes and traffic.
- **Left turns** from Fifth onto Mill Avenue will have their own signal phase.
- The speed limit drops from 35 to 25 mph.

## Why here

Fifth Street had 41 crashes involving cyclists or pedestrians in the last five years, more than any other street in the city. Cities that have added protected lanes typically see injury crashes drop for everyone, including drivers.`,
  },
  {
    slug: 'heat-map-least-shade-neighborhoods',
    title: 'Heat map: the neighborhoods with the least shade',
    mediaTag: 'map',
    summary: 'Satellite data show surface temperatures on the Eastside run up to 11°F hotter than in tree-lined Northgate on summer afternoons.',
    author: 'priya',
    topics: ['environment', 'public-health', 'housing'],
    hoursAgo: 194,
    sources: [{ name: 'Landsat 9 surface temperature data, U.S. Geological Survey', url: 'https://www.usgs.gov/landsat-missions' }],
    body: `On a July afternoon last summer, the pavement at the corner of Eastside Avenue and 12th Street measured **124°F**. Two miles north, under Northgate's oaks, it was 107°F.

## What the map shows

We combined satellite surface-temperature readings from eight clear summer days with the city's tree canopy survey. Tree cover explains most of the difference: tracts with less than 10% canopy were consistently the hottest.

## Who lives there

The five hottest tracts are also among the city's poorest, and have the highest share of residents over 65 — the people most at risk in a heat wave.

The city's tree-planting program planted 1,200 trees last year. At that pace, the Eastside would reach Northgate's canopy in about 40 years.`,
  },
  {
    slug: 'library-tutoring-enrollment-doubles',
    title: 'Library’s free tutoring program doubles its enrollment',
    summary: 'More than 400 students signed up this semester for after-school help staffed by volunteers and college students.',
    author: 'maya',
    topics: ['schools', 'culture'],
    hoursAgo: 218,
    body: `The Millbrook Public Library's homework help program, which pairs students with volunteer tutors four afternoons a week, enrolled 412 students this semester, up from 198 a year ago.

## Who is tutoring

About half of the 85 tutors are students from Millbrook Community College, who earn service credit. The rest are retirees and working adults.

> "I taught math for 31 years. This is the best part of the job without the grading." — Harold Nguyen, volunteer tutor

The library says it needs 30 more tutors, especially for high-school math and for students learning English. Sign-ups are at the main branch's front desk.`,
  },
  {
    slug: 'city-budget-hearing-line-by-line',
    title: 'The city budget hearing, line by line',
    summary: 'Our live notes from the council’s budget hearing: every department, every cut, every vote.',
    author: 'daniel',
    topics: ['city-hall'],
    hoursAgo: -48,
    body: `We will update this story throughout the council's budget hearing.

## Before the hearing

The proposed budget is $612 million, 4% more than this year. The biggest increases are for police overtime and the water utility; the biggest cut is to the parks department.`,
  },
  {
    slug: 'who-owns-millbrooks-vacant-lots',
    title: 'Who owns Millbrook’s vacant lots?',
    summary: 'Draft: 312 vacant parcels, 41 owners. Still checking LLC filings.',
    author: 'maya',
    topics: ['housing', 'city-hall'],
    draft: true,
    body: `*Draft — do not publish until the LLC filings are checked.*

We matched the county's list of 312 vacant parcels against property tax records. Forty-one owners hold 70% of them.

## To do

- Confirm the registered agents of the eight largest LLCs
- Ask each owner for comment
- Map the parcels`,
  },
];
