import { expiryReminders, localTime, reminderNotification, remindersEndedBy, sessionReminders, stillTimely, type ReminderToSend } from './reminder.rules.js';

const request = { requestId: 'r-1', mentorId: 'mentor', seekerId: 'seeker', kind: 'ADVICE_CALL' as const };
const at = (iso: string) => new Date(iso);

describe('reminder due times', () => {
  it('given a request submitted with 7 days to live, when planned, then the mentor is reminded 48 h before it expires', () => {
    const planned = expiryReminders(request, at('2026-03-08T10:00:00Z'), at('2026-03-01T10:00:00Z'));
    expect(planned).toEqual([
      { kind: 'EXPIRY_48H', requestId: 'r-1', recipientId: 'mentor', subjectId: 'seeker', helpKind: 'ADVICE_CALL', eventAt: at('2026-03-08T10:00:00Z'), dueAt: at('2026-03-06T10:00:00Z') },
    ]);
  });

  it('given a request that expires in less than 48 h, when planned, then no expiry reminder is created', () => {
    expect(expiryReminders(request, at('2026-03-08T10:00:00Z'), at('2026-03-06T10:00:01Z'))).toEqual([]);
  });

  it('given an accepted session two days ahead, when planned, then both parties get one 24 h and one 1 h reminder naming the other', () => {
    const planned = sessionReminders(request, at('2026-03-10T14:00:00Z'), at('2026-03-08T09:00:00Z'));
    expect(planned.map((r) => [r.kind, r.recipientId, r.subjectId, r.dueAt.toISOString()])).toEqual([
      ['SESSION_24H', 'mentor', 'seeker', '2026-03-09T14:00:00.000Z'],
      ['SESSION_24H', 'seeker', 'mentor', '2026-03-09T14:00:00.000Z'],
      ['SESSION_1H', 'mentor', 'seeker', '2026-03-10T13:00:00.000Z'],
      ['SESSION_1H', 'seeker', 'mentor', '2026-03-10T13:00:00.000Z'],
    ]);
  });

  it('given a session accepted 3 hours before it starts, when planned, then only the 1 h reminders exist', () => {
    const planned = sessionReminders(request, at('2026-03-10T14:00:00Z'), at('2026-03-10T11:00:00Z'));
    expect(planned.map((r) => r.kind)).toEqual(['SESSION_1H', 'SESSION_1H']);
  });

  it('given a session accepted 30 minutes before it starts, when planned, then no reminder exists', () => {
    expect(sessionReminders(request, at('2026-03-10T14:00:00Z'), at('2026-03-10T13:30:00Z'))).toEqual([]);
  });

  it.each([
    ['HelpRequestAccepted', ['EXPIRY_48H']],
    ['HelpRequestDeclined', ['EXPIRY_48H']],
    ['HelpRequestWithdrawn', ['EXPIRY_48H']],
    ['HelpRequestExpired', ['EXPIRY_48H']],
    ['HelpRequestCompleted', ['EXPIRY_48H', 'SESSION_24H', 'SESSION_1H']],
    ['NoShowReported', ['EXPIRY_48H', 'SESSION_24H', 'SESSION_1H']],
    ['IntroDeclined', ['EXPIRY_48H', 'SESSION_24H', 'SESSION_1H']],
    ['FeedbackLeft', null],
  ])('given %s, when asked what it ends, then %j', (type, kinds) => {
    expect(remindersEndedBy(type)).toEqual(kinds);
  });

  it('given a due reminder, when the moment it announces has passed, then it is no longer timely', () => {
    expect(stillTimely(at('2026-03-10T14:00:00Z'), at('2026-03-10T13:59:59Z'))).toBe(true);
    expect(stillTimely(at('2026-03-10T14:00:00Z'), at('2026-03-10T14:00:00Z'))).toBe(false);
  });
});

describe('reminder texts', () => {
  const session: ReminderToSend = { kind: 'SESSION_1H', recipientId: 'seeker', subjectId: 'mentor', helpKind: 'ADVICE_CALL', eventAt: at('2026-10-25T01:30:00Z'), recipientIsMentor: false };

  it('given a session reminder, when rendered for a seeker in Berlin on the night clocks go back, then it says 02:30 CET local time, SESSIONS, and links to their requests', () => {
    expect(reminderNotification(session, 'Europe/Berlin')).toEqual({
      recipientId: 'seeker',
      category: 'SESSIONS',
      template: 'Your advice call with {name} starts in 1 hour, on Sun 25 Oct, 02:30 (Europe/Berlin).',
      subjectId: 'mentor',
      link: '/requests',
    });
  });

  it('given the same session for a mentor in New York, when rendered, then it is their local time and links to the dashboard', () => {
    const draft = reminderNotification({ ...session, kind: 'SESSION_24H', recipientId: 'mentor', subjectId: 'seeker', recipientIsMentor: true }, 'America/New_York');
    expect(draft.template).toBe('Your advice call with {name} starts in 24 hours, on Sat 24 Oct, 21:30 (America/New_York).');
    expect(draft.link).toBe('/dashboard');
  });

  it('given an expiry reminder for a résumé review, when rendered, then it is a REMINDERS nudge with the right article', () => {
    const draft = reminderNotification({ kind: 'EXPIRY_48H', recipientId: 'mentor', subjectId: 'seeker', helpKind: 'RESUME_REVIEW', eventAt: at('2026-03-08T10:00:00Z'), recipientIsMentor: true }, 'UTC');
    expect(draft.category).toBe('REMINDERS');
    expect(draft.template).toBe("{name}'s request for a résumé review expires in 48 hours, on Sun 8 Mar, 10:00 (UTC). A short answer, yes or no, helps them move on.");
  });

  it('given an unknown zone, when formatting, then UTC is used and named', () => {
    expect(localTime(at('2026-03-08T10:00:00Z'), 'Nowhere/Land')).toEqual({ text: 'Sun 8 Mar, 10:00', zone: 'UTC' });
  });
});
