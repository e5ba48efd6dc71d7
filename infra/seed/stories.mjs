// What happens in the demo marketplace, in order: each story is one help request and what
// became of it. Together they cover every request state the API can produce (EXPIRED needs
// 7 days of silence, so it is not seeded), every offer kind, both decline paths of an intro,
// a grounded referral vouched, and a blind one refused.
//
// then: accept (calls get the mentor's next free slot) | decline | withdraw | complete |
// feedback | noShow | vouch | outcome | intro (the target's answer)

export const STORIES = [
  {
    seeker: 'sam', offer: 'maya.resume',
    message: 'Hi Maya, I finished a backend bootcamp in March and have sent out forty applications without a single interview. I think my résumé undersells the two group projects I built in Go. Could you tell me what a hiring manager would skip?',
    goal: 'Get my résumé to the point where it earns first interviews for junior backend roles.',
    then: ['accept', 'complete', { feedback: { seeker: [5, 'Incredibly concrete comments. I rewrote the projects section the same evening.'], mentor: [5, 'Sam took every comment seriously and came back with sharp questions.'] } }],
  },
  {
    seeker: 'jonas', offer: 'maya.referral', workedTogether: { context: 'Built the settlement reconciliation service together at Ledgerline, 2022–2024.' },
    message: 'Hi Maya, the platform team at Ledgerline is hiring a senior backend engineer again. Since we built the reconciliation service together, would you be comfortable referring me? I can send you my current résumé.',
    goal: 'A referral for the senior backend role on the platform team.',
    then: ['accept', { vouch: 'I worked with Jonas for two years on settlement reconciliation; he owned the idempotency design and the on-call runbook.' }],
  },
  {
    seeker: 'sam', offer: 'maya.referral', afterEligible: true,
    message: 'Hi Maya, thank you again for the résumé review. Ledgerline has an opening for a junior backend engineer in the payments team. Would you feel able to refer me, based on the work you reviewed?',
    goal: 'A referral for the junior backend engineer opening in payments.',
    then: ['accept', { vouch: 'I reviewed Sam’s Go projects in depth here; the code is careful, tested and well explained, and Sam acts on feedback fast.' }, 'complete', { outcome: 'INTERVIEWED' }],
  },
  {
    seeker: 'sam', offer: 'maya.intro', introTarget: 'dana',
    message: 'Hi Maya, I would love to learn how payments teams onboard junior engineers. Could you introduce me to Dana Díaz? I would keep it to one short call and come prepared with specific questions.',
    goal: 'A 20-minute conversation with an engineering manager in payments.',
    then: ['accept', { intro: true }, 'complete', { feedback: { seeker: [5, 'Dana was generous with her time. Thank you for the intro!'] } }],
  },
  { seeker: 'sam', offer: 'dana.call', message: 'Hi Dana, thank you for agreeing to the intro. I would like to continue the conversation in a proper call about what your team expects from juniors in their first six months.', goal: 'Understand what a payments team expects from a junior engineer.', then: ['accept'] },
  { seeker: 'sam', offer: 'ana.resume', message: 'Hi Ana, I am also applying to a few full-stack roles and my frontend project is the weakest part of my portfolio. Could you look at it and my résumé from a frontend hiring panel’s point of view?', goal: 'Know whether to keep or drop the frontend project from my portfolio.', then: [] },
  { seeker: 'sam', offer: 'omar.resume', message: 'Hi Omar, I would really value a recruiter’s view on my LinkedIn profile: I get views but no messages. My headline and summary were written in a hurry after the bootcamp.', goal: 'A LinkedIn profile that recruiters actually message.', then: [{ decline: ['NO_CAPACITY', 'Fully booked for the next two weeks. Please ask again after that, I would be glad to help.'] }] },
  { seeker: 'sam', offer: 'priya.call', message: 'Hi Priya, I keep wondering whether data engineering would suit me better than backend work. Could we talk about what a first year in data science or data engineering looks like?', goal: 'Decide between backend and data engineering for my first job.', then: ['withdraw'] },
  { seeker: 'sam', offer: 'kenji.mock', message: 'Hi Kenji, a company I applied to has an SRE-flavoured troubleshooting round. I have never done one and would love to practise debugging a broken system out loud before the real thing.', goal: 'Practise a troubleshooting interview before the real one.', then: [] },

  { seeker: 'lee', offer: 'ana.resume', message: 'Hi Ana, I taught maths for eight years and now build dashboards. My résumé still reads like a teacher’s. Could you help me make it read like an analyst’s without hiding where I come from?', goal: 'A résumé that presents teaching as an asset for data roles.', then: ['accept', 'complete', { feedback: { seeker: [5, 'Ana showed me how to turn lesson planning into stakeholder management. Brilliant.'], mentor: [4, 'Lee did the homework and the new version is much stronger.'] } }] },
  { seeker: 'zoe', offer: 'lee.resume', message: 'Hi Lee, I studied economics and I am trying to move into data analysis. I saw that you made a similar switch last year. Could you look at my résumé and tell me what to emphasise?', goal: 'Present my economics background well for data analyst roles.', then: ['accept', 'complete', { feedback: { seeker: [5, 'Lee knew exactly how it feels to switch. Practical and kind.'], mentor: [5, 'Zoe has a great story to tell; the résumé now tells it.'] } }] },
  { seeker: 'lee', offer: 'maya.call', message: 'Hi Maya, I am considering moving from data analysis towards data platform engineering. I would like to understand which backend skills matter most for that move and how long it realistically takes.', goal: 'A realistic plan for moving into data platform engineering.', then: [] },
  { seeker: 'lee', offer: 'omar.intro', introTarget: 'priya', message: 'Hi Omar, I would love an introduction to Priya Raman. I am exploring healthcare analytics and would value fifteen minutes of her perspective on the field and the skills it needs.', goal: 'A short conversation with a data scientist in healthcare.', then: ['accept', { intro: false }] },

  { seeker: 'nadia', offer: 'maya.mock', message: 'Hi Maya, I have a system design round in three weeks for a mid-level backend role. I have read the usual books but never designed anything live in front of someone. A realistic mock would help a lot.', goal: 'Be calm and structured in a live system design interview.', then: [] },
  { seeker: 'nadia', offer: 'grace.intro', introTarget: 'hannah', message: 'Hi Grace, I am curious about developer tools companies and would love an introduction to Hannah Becker. I would ask her about how her team decides what to build for developers.', goal: 'Learn how devtools teams decide what to build.', then: ['accept'] },
  { seeker: 'arjun', offer: 'maya.resume', message: 'Hi Maya, I graduate in June and I am applying to backend internships that convert to full-time. My résumé lists coursework and one internship. Could you tell me what is missing for fintech companies?', goal: 'A résumé that gets me into fintech backend interviews.', then: [] },
  { seeker: 'arjun', offer: 'ifeoma.resume', message: 'Hi Ifeoma, I built a small serverless project for my final-year thesis and I am not sure how to describe it for cloud roles. Could you review my résumé with that in mind?', goal: 'Describe my serverless thesis project convincingly for cloud roles.', then: ['accept', 'complete', { feedback: { seeker: [5, 'Clear, direct feedback. I finally understand what to say about architecture.'], mentor: [5, 'A pleasure: Arjun came prepared.'] } }] },
  { seeker: 'chloe', offer: 'maya.call', message: 'Hi Maya, after four years in QA I am moving into backend development at my company. I would like advice on how to catch up on system design while already working in the new team.', goal: 'A learning plan for my first six months as a developer.', then: ['accept'] },
  { seeker: 'mateo', offer: 'maya.mock', message: 'Hi Maya, I am interviewing for senior Java roles and keep failing the system design round on payment flows. A mock with someone who actually builds payment systems would be invaluable.', goal: 'Pass a senior-level system design round on payments.', then: ['accept'] },
  { seeker: 'fatima', offer: 'maya.call', message: 'Hi Maya, I build WordPress sites for clients and want to move into a product company. Could you help me choose themes and plugins that look good on a portfolio for my next clients?', goal: 'A stronger WordPress portfolio for freelance clients.', then: [{ decline: ['NOT_A_FIT', 'I only know backend systems, so I would not be much help with WordPress. Ana Costa’s portfolio reviews might suit you better.'] }] },
  { seeker: 'ben', offer: 'omar.resume', message: 'Hi Omar, I have been applying everywhere for months. Could you have a look at my résumé and tell me honestly why I am not hearing back from anyone?', goal: 'Find out why my applications get no answer.', then: ['accept', 'complete', { feedback: { seeker: [3, 'Useful, if a bit blunt.'] } }] },
  { seeker: 'ravi', offer: 'grace.intro', introTarget: 'hannah', message: 'Hi Grace, we are a two-person edtech startup and need advice on developer tooling. Could you introduce me to Hannah Becker? I would also love to pitch her company our product.', goal: 'Meet Hannah to talk about developer tooling.', then: [{ decline: ['DONT_KNOW_YOU_WELL_ENOUGH', 'I introduce people once I know them a little. Book an advice call with me first and we can take it from there.'] }] },
  { seeker: 'ravi', offer: 'grace.call', message: 'Hi Grace, as you suggested, an advice call first. We are about to hire our first two engineers and I have no idea how to interview them or set expectations.', goal: 'A hiring plan for our first two engineers.', then: ['accept'] },
  { seeker: 'emma', offer: 'lucas.resume', message: 'Hi Lucas, I am a graphic designer learning UX and I have written my first case study. Could you review it and tell me whether it reads like UX work or still like visual design?', goal: 'A first UX case study that reads like UX work.', then: [{ decline: ['OTHER', 'I am on parental leave until March. Please ask again then; your case study sounds interesting.'] }] },
  { seeker: 'sara', offer: 'lucas.resume', message: 'Hi Lucas, I am a product manager exploring a move into product design. Could you look at the portfolio case study I made from a feature I shipped and tell me what designers would question?', goal: 'Know whether my PM case study convinces design hiring managers.', then: ['accept', 'complete', { feedback: { seeker: [4, 'Thoughtful feedback on storytelling.'], mentor: [5, 'Sara’s product thinking shows; the visuals will follow.'] } }] },
  { seeker: 'olivia', offer: 'kenji.call', message: 'Hi Kenji, I am a support engineer and I would like to move into SRE. I am not sure whether to start with Kubernetes, Linux internals or programming. What would you do in my place?', goal: 'Know what to learn first to move from support into SRE.', then: ['withdraw'] },
  { seeker: 'olivia', offer: 'kenji.mock', message: 'Hi Kenji, I withdrew my call request because an interview came up sooner than expected: an SRE troubleshooting round next month. Could we do a mock of that round instead?', goal: 'Practise an SRE troubleshooting round before my interview.', then: ['accept'] },
  { seeker: 'wei', offer: 'ifeoma.resume', message: 'Hi Ifeoma, I am an associate cloud engineer aiming for a mid-level role. My résumé lists many AWS services but says little about what I designed. Could you review it?', goal: 'Show design decisions rather than a list of services on my résumé.', then: ['accept', { noShow: 'SEEKER' }] },
  { seeker: 'noah', offer: 'tomas.resume', message: 'Hi Tomás, I am returning to Android development after three years caring for a family member. How should I present the gap and my side projects on my résumé?', goal: 'Present a career break honestly and confidently.', then: ['accept', 'complete', { feedback: { seeker: [4, 'Very reassuring about the gap.'], mentor: [3, 'Good start; the Play Store listing still needs work.'] } }] },
  { seeker: 'yusuf', offer: 'tomas.mock', message: 'Hi Tomás, my first iOS interviews are coming up and I am nervous about Swift concurrency questions. Could we practise a technical round together?', goal: 'Answer Swift concurrency questions with confidence.', then: ['accept'] },
  { seeker: 'mia', offer: 'sofia.call', message: 'Hi Sofia, I work in a SOC and want to move into application security. Is it worth doing a certification first, or should I contribute to open-source security tools?', goal: 'Choose the next step from SOC analyst to AppSec engineer.', then: ['accept'] },
  { seeker: 'aisha', offer: 'ana.call', message: 'Hi Ana, my agency is asking me to build an accessible component library and I have never run an accessibility audit. Could you walk me through how you approach it?', goal: 'Know how to run my first accessibility audit.', then: ['accept'] },
  { seeker: 'amara', offer: 'dana.mock', message: 'Hi Dana, I taught at a bootcamp before becoming a developer and behavioural interviews still trip me up. Could we practise with a few realistic questions?', goal: 'Tell my career story well in behavioural interviews.', then: ['accept'] },
  { seeker: 'diego', offer: 'priya.mock', message: 'Hi Priya, I am a data engineer applying to ML platform roles and the ML fundamentals round worries me. Could you run a practice round with me?', goal: 'Feel ready for an ML fundamentals interview.', then: [] },
  { seeker: 'hiro', offer: 'kenji.call', message: 'Hi Kenji, I run batch jobs on VMs and my company is moving to Kubernetes. How did you learn it while keeping production running?', goal: 'A way to learn Kubernetes without breaking production.', then: [] },
  { seeker: 'zoe', offer: 'priya.call', message: 'Hi Priya, Lee helped me with my résumé and suggested I ask you about data science. Which first project would show an economics graduate can do real data work?', goal: 'Pick a first data project that shows real skills.', then: [] },
];

/** A blind referral: no engagement and no attestation between them, so the API must refuse it. */
export const BLIND_REFERRAL = {
  seeker: 'ben', offer: 'maya.referral',
  message: 'Hi Maya, we have not met but I saw you work at Ledgerline. I am applying there and a referral would really help me get noticed. I can send my résumé right away.',
  goal: 'A referral to Ledgerline.',
};
