import { EMAIL_TEMPLATES, layoutMail, templateText } from './email.templates.js';
import { formatInZone } from './zoned-time.js';

const layout = { recipientName: 'Sam', category: 'REQUESTS' as const, link: 'https://app.test/requests', unsubscribeUrl: 'https://api.test/unsubscribe?token=t', settingsUrl: 'https://app.test/settings/notifications' };
const vars = {
  kind: 'an advice call',
  at: '2026-03-02T10:00:00.000Z',
  expiresAt: '2026-03-09T10:00:00.000Z',
  scheduledAt: '2026-03-10T15:00:00.000Z',
  durationMinutes: '30',
  guidance: 'Try a mentor with places left this week.',
  points: '+10',
  lead: 'in 1 hour',
};

/** Templates about no other party (an admin's act, the review queue). */
const NAMELESS = new Set(['reputation-adjusted', 'flag-raised', 'flag-resolved']);

describe('e-mail templates', () => {
  it.each(Object.keys(EMAIL_TEMPLATES))('given the template %s, when rendered, then it has a subject, text and an HTML part naming the other party (if any)', (kind) => {
    const mail = layoutMail(templateText(kind, { name: 'Dana', vars, timezone: 'Europe/Berlin' }), layout);
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.text).toMatch(/^Hi Sam,\n/);
    expect(mail.text).toContain('Unsubscribe: https://api.test/unsubscribe?token=t');
    expect(mail.html).toContain('<a href="https://api.test/unsubscribe?token=t">Unsubscribe from requests</a>');
    if (!NAMELESS.has(kind)) expect(mail.text).toContain('Dana');
    else expect(mail.text).not.toContain('Dana');
    expect(mail.text).not.toMatch(/@/);
  });

  it('given an accepted session, when rendered for Berlin and for New York, then each reads the time on their own clock', () => {
    const berlin = templateText('request-accepted', { name: 'Dana', vars, timezone: 'Europe/Berlin' });
    const newYork = templateText('request-accepted', { name: 'Dana', vars, timezone: 'America/New_York' });
    expect(berlin.paragraphs).toContain('Your session: Tue, 10 Mar 2026, 16:00 (Europe/Berlin), 30 minutes.');
    // New York is on daylight time from 8 March, Berlin not until 29 March: five hours apart, not six.
    expect(newYork.paragraphs).toContain('Your session: Tue, 10 Mar 2026, 11:00 (America/New_York), 30 minutes.');
  });

  it('given times on both sides of a DST change, when formatted, then the local clock follows the change', () => {
    expect(formatInZone('2026-03-29T00:30:00Z', 'Europe/Berlin')).toBe('Sun, 29 Mar 2026, 01:30 (Europe/Berlin)');
    expect(formatInZone('2026-03-29T01:30:00Z', 'Europe/Berlin')).toBe('Sun, 29 Mar 2026, 03:30 (Europe/Berlin)');
    expect(formatInZone('2026-11-01T05:30:00Z', 'America/New_York')).toBe('Sun, 1 Nov 2026, 01:30 (America/New_York)');
    expect(formatInZone('2026-11-01T06:30:00Z', 'America/New_York')).toBe('Sun, 1 Nov 2026, 01:30 (America/New_York)');
    expect(formatInZone('2026-11-01T07:30:00Z', 'Nowhere/Unknown')).toBe('Sun, 1 Nov 2026, 07:30 (UTC)');
  });

  it('given a decline and an expiry, when rendered, then the mail carries the guidance', () => {
    expect(templateText('request-declined', { name: 'Dana', vars, timezone: 'UTC' }).paragraphs).toEqual(['Dana declined your request.', vars.guidance]);
    expect(templateText('request-expired', { name: 'Dana', vars, timezone: 'UTC' }).paragraphs).toContain(vars.guidance);
  });

  it('given a name with markup, when laid out, then the HTML part escapes it and the text part keeps it as written', () => {
    const mail = layoutMail(templateText('referral-vouched', { name: '<script>x</script> & "Co"', vars: {}, timezone: 'UTC' }), layout);
    expect(mail.html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; &quot;Co&quot; vouched for you.');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('<script>x</script> & "Co" vouched for you.');
  });

  it('given an unknown template, when rendered, then it needs vars.subject and vars.text or is refused', () => {
    expect(templateText('new-thing', { name: 'Dana', vars: { subject: 'S', text: 'T' }, timezone: 'UTC' })).toMatchObject({ subject: 'S', paragraphs: ['T'] });
    expect(() => templateText('new-thing', { name: 'Dana', vars: {}, timezone: 'UTC' })).toThrow(/no e-mail template/);
  });
});
