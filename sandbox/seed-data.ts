/**
 * Raw material for the seeded workspace: fictional Indian B2B people and
 * companies (all on `.example` domains), plus the people the Gmail fixtures and
 * the API reference name, so the extension has true-looking data to show.
 */
import type { ActivityType, Stage } from './types';

export interface FixedPerson {
  id: string;
  name: string;
  email: string;
  company: string;
  stage: Stage;
  tags: string[];
  created_at: string;
  deals: Array<{ id: string; title: string; value: number; stage: Stage }>;
  /** Activities as [type, days before the seed date, note]. */
  activities: Array<[ActivityType, number, string]>;
}

type PersonRow = [
  id: string,
  name: string,
  email: string,
  company: string,
  stage: Stage,
  created_at: string,
  tags: string[],
];

/** The people the API reference and the Gmail fixtures name, one a row. */
// prettier-ignore
const PEOPLE: PersonRow[] = [
  // id        name              email                                  company              stage        created_at              tags
  ['cnt_8821', 'Rahul Sharma',   'rahul.sharma@acme-tech.example',      'Acme Technologies', 'qualified', '2026-06-01T08:00:00Z', ['enterprise', 'inbound']],
  ['cnt_8822', 'Priya Kapoor',   'priya.kapoor@bluestone.example',      'BlueStone Foods',   'qualified', '2026-06-12T10:30:00Z', ['inbound', 'demo-request']],
  ['cnt_8823', 'Ananya Iyer',    'ananya.iyer@bluestone.example',       'BlueStone Foods',   'proposal',  '2026-07-03T06:15:00Z', ['procurement']],
  ['cnt_8824', 'Vikram Reddy',   'vikram.reddy@bluestone.example',      'BlueStone Foods',   'new',       '2026-08-19T11:00:00Z', ['finance']],
  ['cnt_8825', 'Sneha Kulkarni', 'sneha.kulkarni@acme-tech.example',    'Acme Technologies', 'qualified', '2026-06-20T09:45:00Z', ['it', 'champion']],
  ['cnt_8826', 'Deepa Menon',    'deepa.menon@kiran-logistics.example', 'Kiran Logistics',   'won',       '2026-02-11T07:20:00Z', ['customer', 'renewal']],
];

/** Their deals: [contact, id, title, value in paise, stage]. */
const DEALS: Array<[contact: string, id: string, title: string, value: number, stage: Stage]> = [
  ['cnt_8821', 'dl_4420', 'Acme Technologies — Annual plan', 1_250_000, 'proposal'],
  ['cnt_8822', 'dl_4421', 'BlueStone Foods — Annual plan', 650_000, 'qualified'],
  ['cnt_8823', 'dl_4422', 'BlueStone Foods — Cold-chain add-on', 2_400_000, 'proposal'],
  ['cnt_8826', 'dl_4423', 'Kiran Logistics — Fleet plan', 18_000_000, 'won'],
];

/** Their activities: [contact, type, days before the seed date, note], in the order they are seeded. */
const ACTIVITIES: Array<[contact: string, type: ActivityType, daysAgo: number, note: string]> = [
  ['cnt_8821', 'note', 14, 'Budget approved for Q1; procurement wants a volume discount.'],
  ['cnt_8821', 'email', 6, 'Sent the revised annual-plan proposal.'],
  ['cnt_8821', 'call', 5, 'Spoke for 20 mins. Interested in annual plan.'],
  ['cnt_8821', 'email', 4, 'Shared the security questionnaire answers.'],
  ['cnt_8821', 'meeting', 3, 'Demo for the ops team in Pune; 6 attendees.'],
  ['cnt_8821', 'email', 2, 'Follow-up on rollout dates.'],
  ['cnt_8821', 'meeting', 1, 'Commercials review with Rahul and finance.'],
  ['cnt_8822', 'email', 20, 'Demo request from the website form.'],
  ['cnt_8822', 'call', 9, 'Discovery call: 40 outlets, wants WhatsApp follow-ups.'],
  ['cnt_8823', 'meeting', 12, 'Vendor evaluation with the procurement team.'],
  ['cnt_8823', 'email', 3, 'Asked for revised payment terms.'],
  ['cnt_8824', 'email', 25, 'Introduced by Ananya; CFO office.'],
  ['cnt_8825', 'call', 16, 'SSO and data residency questions.'],
  ['cnt_8825', 'note', 8, 'Prefers calls after 4 pm IST.'],
  ['cnt_8826', 'meeting', 60, 'Contract signing in Kochi.'],
  ['cnt_8826', 'call', 10, 'Quarterly check-in; happy with dispatch tracking.'],
];

/** The three tables as people. Rahul's rows are tuned so he scores exactly 87 (see score.ts). */
export const FIXED_PEOPLE: FixedPerson[] = PEOPLE.map(
  ([id, name, email, company, stage, created_at, tags]) => ({
    id,
    name,
    email,
    company,
    stage,
    tags,
    created_at,
    deals: DEALS.filter(([contact]) => contact === id).map(
      ([, dealId, title, value, dealStage]) => ({ id: dealId, title, value, stage: dealStage }),
    ),
    activities: ACTIVITIES.filter(([contact]) => contact === id).map(([, ...activity]) => activity),
  }),
);

/** Addresses the fixtures show that must NOT be in Vivre, so the "not in Vivre" path is exercised. */
export const NOT_IN_VIVRE = ['procurement-team@bluestone.example', 'arjun.patel@bluestone.example'];

export const FIRST_NAMES = (
  'Aarav Aditi Akash Amit Anjali Arjun Bhavna Chetan Divya Farhan Gaurav Harini Ishaan Jyoti ' +
  'Karan Kavya Lakshmi Manish Meera Mohit Nandini Naveen Neha Nikhil Pooja Pranav Rajesh Ritu ' +
  'Rohan Sakshi Sandeep Sanjay Shalini Siddharth Simran Sunita Suresh Swati Tanvi Tarun Uday ' +
  'Varun Vidya Vivek Yash Zoya Abhishek Deepak Geeta Harsh Imran Kiran Madhav Nisha Om ' +
  'Radhika Sameer Tara Usha Zubin'
).split(' ');

export const LAST_NAMES = (
  'Agarwal Bhat Banerjee Chatterjee Chopra Das Desai Dutta Gill Gupta Hegde Jain Joshi Kaur ' +
  'Khan Krishnan Kumar Malhotra Mehta Mishra Nair Naidu Pandey Patil Pillai Prasad Rao ' +
  'Rathore Saxena Sethi Shah Shetty Singh Sinha Srinivasan Thakur Trivedi Varma Verma Yadav'
).split(' ');

export const COMPANIES: Array<[name: string, domain: string]> = [
  ['Sahyadri Textiles', 'sahyadri-textiles.example'],
  ['Ganga Agro Exports', 'gangaagro.example'],
  ['Nilgiri Tea Estates', 'nilgiritea.example'],
  ['Deccan Steel Works', 'deccansteel.example'],
  ['Konkan Shipping', 'konkanship.example'],
  ['Vayu Aerospace', 'vayu-aero.example'],
  ['Indus Fintech', 'indusfin.example'],
  ['Coromandel Pharma', 'coromandelpharma.example'],
  ['Thar Solar Power', 'tharsolar.example'],
  ['Malabar Spices Co.', 'malabarspices.example'],
  ['Aravalli Cement', 'aravallicement.example'],
  ['Kaveri Software Labs', 'kaverilabs.example'],
  ['Himalaya Outdoor Gear', 'himalayagear.example'],
  ['Shakti Electricals', 'shaktielectricals.example'],
  ['Pragati Edutech', 'pragatiedu.example'],
  ['Surya Healthcare', 'suryahealth.example'],
  ['Lotus Hospitality Group', 'lotushospitality.example'],
  ['Bharat Auto Components', 'bharatauto.example'],
  ['Narmada Water Systems', 'narmadawater.example'],
  ['Chennai Cloud Services', 'chennaicloud.example'],
  ['Mysore Silk House', 'mysoresilk.example'],
  ['Rann Salt Industries', 'rannsalt.example'],
  ['Udaan Retail', 'udaanretail.example'],
  ['Sundarbans Seafood', 'sundarbansseafood.example'],
  ['Jaipur Gems Collective', 'jaipurgems.example'],
  ['Vindhya Infra Projects', 'vindhyainfra.example'],
  ['Brahmaputra Tea Traders', 'brahmaputratea.example'],
  ['Godavari Dairy', 'godavaridairy.example'],
  ['Orbit Payments', 'orbitpay.example'],
  ['Saffron Analytics', 'saffronanalytics.example'],
];

export const TAGS = (
  'inbound outbound referral demo-request enterprise smb partner event webinar renewal ' +
  'champion decision-maker procurement finance it'
).split(' ');

export const DEAL_TITLES = [
  'Annual plan',
  'Pilot',
  'Expansion',
  'Renewal',
  'Onboarding package',
  'Analytics add-on',
  'Multi-branch rollout',
  'Support upgrade',
];

export const ACTIVITY_NOTES: Record<ActivityType, string[]> = {
  call: [
    'Intro call; wants pricing for 25 seats.',
    'Discussed integration with Tally and Zoho Books.',
    'Left a voicemail, will try Thursday.',
    'Walked through the rollout timeline.',
  ],
  email: [
    'Sent the product deck and case studies.',
    'Shared GST-inclusive quote.',
    'Followed up after the demo.',
    'Replied to security questions.',
  ],
  meeting: [
    'Demo with the sales head and two managers.',
    'On-site visit; met the operations team.',
    'Negotiation meeting; asked for a 10% discount.',
  ],
  note: [
    'Decision expected after the board meeting.',
    'Budget cycle starts in April.',
    'Competitor in the running; price sensitive.',
    'Prefers WhatsApp for quick updates.',
  ],
};
