// Who the demo marketplace is made of: members, the mentors' offers and weekly availability.
// Keys (`maya`, `sam`, …) are how stories.mjs refers to them.

export const DEMO_PASSWORD = 'payforward-demo-2026';
const at = (name) => `${name}@demo.payforward.dev`;

export const MEMBERS = {
  // The two demo logins.
  sam: { email: at('seeker'), displayName: 'Sam Okafor', headline: 'Bootcamp grad looking for a first backend role', timezone: 'Europe/London' },
  maya: { email: at('mentor'), displayName: 'Maya Lindqvist', headline: 'Staff engineer, payments platform at Ledgerline', timezone: 'Europe/Berlin' },
  // Mentors.
  dana: { email: at('dana'), displayName: 'Dana Díaz', headline: 'Engineering manager, payments', timezone: 'America/New_York' },
  ana: { email: at('ana'), displayName: 'Ana Costa', headline: 'Senior frontend engineer, design systems', timezone: 'America/Sao_Paulo' },
  omar: { email: at('omar'), displayName: 'Omar Haddad', headline: 'Recruiter turned developer advocate', timezone: 'Africa/Cairo' },
  priya: { email: at('priya'), displayName: 'Priya Raman', headline: 'Principal data scientist, healthcare ML', timezone: 'Asia/Kolkata' },
  kenji: { email: at('kenji'), displayName: 'Kenji Watanabe', headline: 'SRE lead; has been paged at 3 a.m. more than once', timezone: 'Asia/Tokyo' },
  grace: { email: at('grace'), displayName: 'Grace Mensah', headline: 'VP Engineering at a Series B climate startup', timezone: 'Europe/London' },
  lucas: { email: at('lucas'), displayName: 'Lucas Moreau', headline: 'Product designer, ex-agency, now in-house', timezone: 'Europe/Paris' },
  sofia: { email: at('sofia'), displayName: 'Sofia Rossi', headline: 'Application security engineer', timezone: 'Europe/Rome' },
  tomas: { email: at('tomas'), displayName: 'Tomás Herrera', headline: 'Mobile lead (iOS and Android)', timezone: 'America/Mexico_City' },
  hannah: { email: at('hannah'), displayName: 'Hannah Becker', headline: 'Engineering manager, developer tools', timezone: 'America/Los_Angeles' },
  ifeoma: { email: at('ifeoma'), displayName: 'Ifeoma Nwosu', headline: 'Cloud architect and AWS community builder', timezone: 'Africa/Lagos' },
  // Seekers (Lee also pays it forward with a résumé review offer of their own).
  lee: { email: at('lee'), displayName: 'Lee Park', headline: 'Career switcher from teaching to data analysis', timezone: 'Asia/Seoul' },
  nadia: { email: at('nadia'), displayName: 'Nadia Rahman', headline: 'Junior backend developer, two years in', timezone: 'Asia/Dhaka' },
  arjun: { email: at('arjun'), displayName: 'Arjun Mehta', headline: 'CS student graduating in June', timezone: 'Asia/Kolkata' },
  chloe: { email: at('chloe'), displayName: 'Chloé Martin', headline: 'QA engineer moving into development', timezone: 'Europe/Paris' },
  mateo: { email: at('mateo'), displayName: 'Mateo Silva', headline: 'Mid-level Java developer preparing for senior interviews', timezone: 'America/Sao_Paulo' },
  fatima: { email: at('fatima'), displayName: 'Fatima Zahra El Amrani', headline: 'Self-taught web developer', timezone: 'Africa/Casablanca' },
  jonas: { email: at('jonas'), displayName: 'Jonas Weber', headline: 'Backend engineer, worked with Maya at Ledgerline', timezone: 'Europe/Berlin' },
  emma: { email: at('emma'), displayName: 'Emma Johansson', headline: 'Graphic designer learning UX', timezone: 'Europe/Stockholm' },
  ravi: { email: at('ravi'), displayName: 'Ravi Kumar', headline: 'Founder of a two-person edtech startup', timezone: 'Asia/Kolkata' },
  olivia: { email: at('olivia'), displayName: 'Olivia Brown', headline: 'Support engineer who wants to become an SRE', timezone: 'Australia/Sydney' },
  wei: { email: at('wei'), displayName: 'Wei Zhang', headline: 'Cloud engineer, associate level', timezone: 'Asia/Shanghai' },
  noah: { email: at('noah'), displayName: 'Noah Williams', headline: 'Android developer returning after a career break', timezone: 'America/Chicago' },
  zoe: { email: at('zoe'), displayName: 'Zoe Adeyemi', headline: 'Economics graduate curious about data roles', timezone: 'Africa/Lagos' },
  aisha: { email: at('aisha'), displayName: 'Aisha Bello', headline: 'Frontend developer at an agency', timezone: 'Europe/London' },
  diego: { email: at('diego'), displayName: 'Diego Fernández', headline: 'Data engineer interested in ML platforms', timezone: 'Europe/Madrid' },
  mia: { email: at('mia'), displayName: 'Mia Novak', headline: 'Security analyst (SOC) aiming for AppSec', timezone: 'Europe/Prague' },
  yusuf: { email: at('yusuf'), displayName: 'Yusuf Demir', headline: 'iOS developer, first job hunt', timezone: 'Europe/Istanbul' },
  sara: { email: at('sara'), displayName: 'Sara Lopes', headline: 'Product manager exploring design', timezone: 'Europe/Lisbon' },
  ben: { email: at('ben'), displayName: 'Ben Carter', headline: 'Looking for a referral anywhere, honestly', timezone: 'America/Denver' },
  hiro: { email: at('hiro'), displayName: 'Hiroshi Tanaka', headline: 'Operations engineer learning Kubernetes', timezone: 'Asia/Tokyo' },
  amara: { email: at('amara'), displayName: 'Amara Okeke', headline: 'Bootcamp instructor turned junior developer', timezone: 'Africa/Lagos' },
};

/** Offers by mentor; `key` names an offer for the stories. Capacities leave room for what the stories accept. */
export const OFFERS = [
  { key: 'maya.call', mentor: 'maya', kind: 'ADVICE_CALL', title: 'Backend career chat: growing from mid to senior', description: 'Thirty minutes on system design habits, code review, and how to make your impact visible. I cannot help with frontend or mobile questions.', topics: ['backend', 'career growth', 'system design'], capacity: 3, period: 'WEEK', durationMinutes: 30 },
  { key: 'maya.resume', mentor: 'maya', kind: 'RESUME_REVIEW', title: 'Résumé review for backend and platform roles', description: 'Send me your résumé and the role you are aiming at; I return written comments within a week, focused on impact and clarity.', topics: ['resume', 'backend'], capacity: 4, period: 'MONTH' },
  { key: 'maya.mock', mentor: 'maya', kind: 'MOCK_INTERVIEW', title: 'System design mock interview', description: 'A realistic 60-minute system design round (payments, queues, idempotency) with honest feedback afterwards.', topics: ['system design', 'interviews'], capacity: 2, period: 'WEEK', durationMinutes: 60 },
  { key: 'maya.intro', mentor: 'maya', kind: 'INTRO', title: 'Intros to engineering managers in fintech', description: 'I can introduce you to engineering managers I know well in fintech and payments, if they agree to it.', topics: ['fintech', 'networking'], capacity: 2, period: 'MONTH' },
  { key: 'maya.referral', mentor: 'maya', kind: 'REFERRAL', title: 'Referral to Ledgerline (backend roles)', description: 'Only for people I have actually worked with or helped here and whose work I can speak to. No cold referrals, sorry.', topics: ['referral', 'backend', 'fintech'], capacity: 2, period: 'MONTH' },
  { key: 'dana.call', mentor: 'dana', kind: 'ADVICE_CALL', title: 'First-time manager questions', description: 'Thinking about the manager track, or two months into it? Bring your hardest one-on-one or hiring question.', topics: ['management', 'leadership'], capacity: 2, period: 'WEEK', durationMinutes: 45 },
  { key: 'dana.mock', mentor: 'dana', kind: 'MOCK_INTERVIEW', title: 'Behavioural interview practice', description: 'Practice the STAR stories that hiring managers actually listen for, with feedback on structure and signal.', topics: ['interviews', 'behavioural'], capacity: 2, period: 'WEEK', durationMinutes: 45 },
  { key: 'dana.referral', mentor: 'dana', kind: 'REFERRAL', title: 'Referral for payments engineering roles', description: 'For people I have mentored through at least two completed sessions here. I will say what I can genuinely vouch for.', topics: ['referral', 'payments'], capacity: 1, period: 'MONTH', minCompletedEngagements: 2 },
  { key: 'ana.resume', mentor: 'ana', kind: 'RESUME_REVIEW', title: 'Frontend portfolio and résumé review', description: 'I look at your résumé and one portfolio project and tell you what a hiring panel will notice first.', topics: ['frontend', 'portfolio', 'resume'], capacity: 5, period: 'MONTH' },
  { key: 'ana.call', mentor: 'ana', kind: 'ADVICE_CALL', title: 'React, accessibility and design systems', description: 'Stuck on component APIs or accessibility audits? Thirty minutes of pairing-style advice.', topics: ['react', 'accessibility', 'frontend'], capacity: 2, period: 'WEEK', durationMinutes: 30 },
  { key: 'omar.resume', mentor: 'omar', kind: 'RESUME_REVIEW', title: 'Recruiter’s-eye résumé and LinkedIn review', description: 'Eight years of screening résumés: I will tell you what gets skipped in the first six seconds and how to fix it.', topics: ['resume', 'linkedin', 'job search'], capacity: 3, period: 'WEEK' },
  { key: 'omar.intro', mentor: 'omar', kind: 'INTRO', title: 'Intros to developer advocates and data folks', description: 'I know many people in developer relations and a few data scientists; happy to connect you if they say yes.', topics: ['devrel', 'networking', 'data'], capacity: 2, period: 'MONTH' },
  { key: 'priya.call', mentor: 'priya', kind: 'ADVICE_CALL', title: 'Breaking into data science', description: 'What the job really is, which skills matter in the first year, and how to pick a first project that shows them.', topics: ['data science', 'career change'], capacity: 2, period: 'WEEK', durationMinutes: 30 },
  { key: 'priya.mock', mentor: 'priya', kind: 'MOCK_INTERVIEW', title: 'Machine learning interview practice', description: 'An ML fundamentals and case-study round, modelled on the interviews my team runs.', topics: ['machine learning', 'interviews'], capacity: 1, period: 'WEEK', durationMinutes: 60 },
  { key: 'kenji.mock', mentor: 'kenji', kind: 'MOCK_INTERVIEW', title: 'SRE interview: incident and troubleshooting round', description: 'I break a system, you debug it out loud. Then we talk about what interviewers look for in on-call candidates.', topics: ['sre', 'interviews', 'linux'], capacity: 2, period: 'WEEK', durationMinutes: 60 },
  { key: 'kenji.call', mentor: 'kenji', kind: 'ADVICE_CALL', title: 'From support or ops into SRE', description: 'How I moved from operations into SRE, and what to learn first (and what to ignore).', topics: ['sre', 'career change'], capacity: 2, period: 'WEEK', durationMinutes: 30 },
  { key: 'grace.intro', mentor: 'grace', kind: 'INTRO', title: 'Intros to engineering leaders at climate startups', description: 'I can introduce founders and senior engineers to engineering leaders I know in climate tech, with their consent.', topics: ['climate', 'leadership', 'startups'], capacity: 2, period: 'MONTH' },
  { key: 'grace.call', mentor: 'grace', kind: 'ADVICE_CALL', title: 'Engineering leadership for startup founders', description: 'Hiring your first engineers, setting up on-call, and when to stop writing code yourself.', topics: ['leadership', 'startups', 'hiring'], capacity: 1, period: 'WEEK', durationMinutes: 45 },
  { key: 'lucas.resume', mentor: 'lucas', kind: 'RESUME_REVIEW', title: 'UX portfolio review', description: 'Case studies, storytelling and the mistakes I made in my own portfolio. Written feedback on one case study.', topics: ['ux', 'portfolio'], capacity: 3, period: 'MONTH' },
  { key: 'sofia.call', mentor: 'sofia', kind: 'ADVICE_CALL', title: 'Getting into application security', description: 'From SOC or development into AppSec: certifications worth it, and the skills that matter more.', topics: ['security', 'appsec', 'career change'], capacity: 2, period: 'WEEK', durationMinutes: 30 },
  { key: 'tomas.resume', mentor: 'tomas', kind: 'RESUME_REVIEW', title: 'Mobile developer résumé review', description: 'For iOS and Android developers: I review your résumé and your App Store or Play Store presence.', topics: ['mobile', 'ios', 'android', 'resume'], capacity: 4, period: 'MONTH' },
  { key: 'tomas.mock', mentor: 'tomas', kind: 'MOCK_INTERVIEW', title: 'iOS technical interview practice', description: 'Swift, concurrency and architecture questions as asked in mid-level mobile interviews.', topics: ['ios', 'interviews'], capacity: 1, period: 'WEEK', durationMinutes: 45 },
  { key: 'hannah.call', mentor: 'hannah', kind: 'ADVICE_CALL', title: 'Developer tools careers', description: 'What it is like to build for developers, and how to get into a devtools company.', topics: ['devtools', 'career growth'], capacity: 2, period: 'WEEK', durationMinutes: 30 },
  { key: 'hannah.mock', mentor: 'hannah', kind: 'MOCK_INTERVIEW', title: 'Engineering manager interview practice', description: 'People-management scenarios as asked in EM loops. Paused while I am hiring for my own team.', topics: ['management', 'interviews'], capacity: 1, period: 'WEEK', durationMinutes: 60 },
  { key: 'ifeoma.resume', mentor: 'ifeoma', kind: 'RESUME_REVIEW', title: 'Cloud engineer résumé review', description: 'For cloud and DevOps roles: I check that your résumé shows the architecture decisions you made, not only the services you used.', topics: ['cloud', 'devops', 'resume'], capacity: 4, period: 'MONTH' },
  { key: 'ifeoma.call', mentor: 'ifeoma', kind: 'ADVICE_CALL', title: 'AWS certification study plan (old)', description: 'A 30-minute call to plan your certification path. Retired: I now point people to the community study group instead.', topics: ['aws', 'certification'], capacity: 2, period: 'WEEK', durationMinutes: 30 },
  { key: 'lee.resume', mentor: 'lee', kind: 'RESUME_REVIEW', title: 'Career-switch résumé review (teaching to tech)', description: 'I switched from teaching to data analysis last year. I will help you translate classroom experience into a tech résumé.', topics: ['career change', 'resume', 'data'], capacity: 2, period: 'MONTH' },
];

/** Weekly windows in each mentor's own time zone (weekday 1 = Monday), and a blackout date or two. */
export const AVAILABILITY = {
  maya: { windows: [{ weekday: 2, start: '17:00', end: '19:00' }, { weekday: 4, start: '17:00', end: '19:30' }, { weekday: 6, start: '10:00', end: '12:00' }], blackoutInDays: [20] },
  dana: { windows: [{ weekday: 1, start: '12:00', end: '13:30' }, { weekday: 3, start: '16:00', end: '18:00' }, { weekday: 5, start: '09:00', end: '11:00' }], blackoutInDays: [] },
  ana: { windows: [{ weekday: 2, start: '19:00', end: '21:00' }, { weekday: 4, start: '19:00', end: '21:00' }], blackoutInDays: [25, 26] },
  priya: { windows: [{ weekday: 6, start: '09:00', end: '12:00' }, { weekday: 7, start: '09:00', end: '11:00' }], blackoutInDays: [] },
  kenji: { windows: [{ weekday: 1, start: '20:00', end: '22:00' }, { weekday: 3, start: '20:00', end: '22:00' }, { weekday: 6, start: '10:00', end: '12:00' }], blackoutInDays: [] },
  grace: { windows: [{ weekday: 5, start: '14:00', end: '17:00' }], blackoutInDays: [] },
  sofia: { windows: [{ weekday: 2, start: '18:00', end: '20:00' }, { weekday: 6, start: '10:00', end: '12:00' }], blackoutInDays: [] },
  tomas: { windows: [{ weekday: 3, start: '19:00', end: '21:00' }, { weekday: 7, start: '10:00', end: '13:00' }], blackoutInDays: [] },
  hannah: { windows: [{ weekday: 4, start: '16:00', end: '18:00' }], blackoutInDays: [] },
  ifeoma: { windows: [{ weekday: 1, start: '18:00', end: '20:00' }, { weekday: 6, start: '09:00', end: '11:00' }], blackoutInDays: [] },
};
