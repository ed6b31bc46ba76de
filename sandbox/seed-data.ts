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

/** Tuned so the reference's example contact scores exactly 87 (see score.ts). */
export const FIXED_PEOPLE: FixedPerson[] = [
  {
    id: 'cnt_8821',
    name: 'Rahul Sharma',
    email: 'rahul.sharma@acme-tech.example',
    company: 'Acme Technologies',
    stage: 'qualified',
    tags: ['enterprise', 'inbound'],
    created_at: '2026-06-01T08:00:00Z',
    deals: [
      {
        id: 'dl_4420',
        title: 'Acme Technologies — Annual plan',
        value: 1_250_000,
        stage: 'proposal',
      },
    ],
    activities: [
      ['note', 14, 'Budget approved for Q1; procurement wants a volume discount.'],
      ['email', 6, 'Sent the revised annual-plan proposal.'],
      ['call', 5, 'Spoke for 20 mins. Interested in annual plan.'],
      ['email', 4, 'Shared the security questionnaire answers.'],
      ['meeting', 3, 'Demo for the ops team in Pune; 6 attendees.'],
      ['email', 2, 'Follow-up on rollout dates.'],
      ['meeting', 1, 'Commercials review with Rahul and finance.'],
    ],
  },
  {
    id: 'cnt_8822',
    name: 'Priya Kapoor',
    email: 'priya.kapoor@bluestone.example',
    company: 'BlueStone Foods',
    stage: 'qualified',
    tags: ['inbound', 'demo-request'],
    created_at: '2026-06-12T10:30:00Z',
    deals: [
      { id: 'dl_4421', title: 'BlueStone Foods — Annual plan', value: 650_000, stage: 'qualified' },
    ],
    activities: [
      ['email', 20, 'Demo request from the website form.'],
      ['call', 9, 'Discovery call: 40 outlets, wants WhatsApp follow-ups.'],
    ],
  },
  {
    id: 'cnt_8823',
    name: 'Ananya Iyer',
    email: 'ananya.iyer@bluestone.example',
    company: 'BlueStone Foods',
    stage: 'proposal',
    tags: ['procurement'],
    created_at: '2026-07-03T06:15:00Z',
    deals: [
      {
        id: 'dl_4422',
        title: 'BlueStone Foods — Cold-chain add-on',
        value: 2_400_000,
        stage: 'proposal',
      },
    ],
    activities: [
      ['meeting', 12, 'Vendor evaluation with the procurement team.'],
      ['email', 3, 'Asked for revised payment terms.'],
    ],
  },
  {
    id: 'cnt_8824',
    name: 'Vikram Reddy',
    email: 'vikram.reddy@bluestone.example',
    company: 'BlueStone Foods',
    stage: 'new',
    tags: ['finance'],
    created_at: '2026-08-19T11:00:00Z',
    deals: [],
    activities: [['email', 25, 'Introduced by Ananya; CFO office.']],
  },
  {
    id: 'cnt_8825',
    name: 'Sneha Kulkarni',
    email: 'sneha.kulkarni@acme-tech.example',
    company: 'Acme Technologies',
    stage: 'qualified',
    tags: ['it', 'champion'],
    created_at: '2026-06-20T09:45:00Z',
    deals: [],
    activities: [
      ['call', 16, 'SSO and data residency questions.'],
      ['note', 8, 'Prefers calls after 4 pm IST.'],
    ],
  },
  {
    id: 'cnt_8826',
    name: 'Deepa Menon',
    email: 'deepa.menon@kiran-logistics.example',
    company: 'Kiran Logistics',
    stage: 'won',
    tags: ['customer', 'renewal'],
    created_at: '2026-02-11T07:20:00Z',
    deals: [
      { id: 'dl_4423', title: 'Kiran Logistics — Fleet plan', value: 18_000_000, stage: 'won' },
    ],
    activities: [
      ['meeting', 60, 'Contract signing in Kochi.'],
      ['call', 10, 'Quarterly check-in; happy with dispatch tracking.'],
    ],
  },
];

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
