import { digestDue, groupDigest, type DigestItem } from './digest.grouping.js';

const item = (category: DigestItem['category'], kind: string, subjectName: string, vars: Record<string, string>, createdAt: string): DigestItem => ({ category, kind, subjectName, vars, createdAt: new Date(createdAt) });

describe('daily digest', () => {
  it('given nothing waiting, when grouped, then there is no digest', () => {
    expect(groupDigest([], 'UTC')).toBeNull();
  });

  it('given items of two categories out of order, when grouped, then sections follow the contract order and lines are oldest first', () => {
    const digest = groupDigest(
      [
        item('REPUTATION', 'reputation-adjusted', 'Admin', { points: '-5' }, '2026-03-03T10:00:00Z'),
        item('REQUESTS', 'request-submitted', 'Sam', { kind: 'an advice call' }, '2026-03-03T09:00:00Z'),
        item('REPUTATION', 'paid-forward', 'Ann', { kind: 'a résumé review', points: '+10' }, '2026-03-02T10:00:00Z'),
      ],
      'UTC',
    );
    expect(digest).toEqual({
      subject: 'Your Payforward digest: 3 updates',
      paragraphs: [
        'Requests:',
        '• Sam asked you for an advice call.',
        'Reputation:',
        '• You paid it forward: a résumé review with Ann is complete (up to +10 points).',
        '• An admin adjusted your reputation by -5 points.',
      ],
      mainCategory: 'REPUTATION',
    });
  });

  it('given one item, when grouped, then the subject says one update and the unsubscribe is for its category', () => {
    expect(groupDigest([item('INTROS', 'intro-consent', 'Dana', {}, '2026-03-03T10:00:00Z')], 'UTC')).toMatchObject({ subject: 'Your Payforward digest: 1 update', mainCategory: 'INTROS' });
  });

  it('given the digest hour 08:00, when asked in Berlin and Tokyo at one instant, then each member\'s own clock and date decide', () => {
    const now = new Date('2026-03-29T06:30:00Z'); // 08:30 CEST (the day Berlin sprang forward), 15:30 in Tokyo
    expect(digestDue(now, 'Europe/Berlin', 8)).toEqual({ due: true, localDate: '2026-03-29' });
    expect(digestDue(new Date('2026-03-29T05:30:00Z'), 'Europe/Berlin', 8)).toEqual({ due: false, localDate: '2026-03-29' });
    expect(digestDue(new Date('2026-03-29T23:30:00Z'), 'Asia/Tokyo', 8)).toEqual({ due: true, localDate: '2026-03-30' });
    expect(digestDue(new Date('2026-03-29T22:30:00Z'), 'Asia/Tokyo', 8)).toEqual({ due: false, localDate: '2026-03-30' });
  });
});
