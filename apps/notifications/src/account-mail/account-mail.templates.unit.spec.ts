import { accountLink, renderAccountMail } from './account-mail.templates.js';

const token = 'Ab-_'.repeat(10) + 'xyz';

describe('account mails', () => {
  it('given a verification token, when linked, then the web client page /verify-email carries it (trailing slashes ignored)', () => {
    expect(accountLink('VERIFY_EMAIL', 'http://localhost:4200/', token)).toBe(`http://localhost:4200/verify-email?token=${token}`);
    expect(accountLink('RESET_PASSWORD', 'https://payforward.dev', token)).toBe(`https://payforward.dev/reset-password?token=${token}`);
  });

  it('given each kind, when rendered, then text and HTML both hold the link and say how long it works', () => {
    const verify = renderAccountMail('VERIFY_EMAIL', accountLink('VERIFY_EMAIL', 'http://localhost:4200', token));
    expect(verify.subject).toMatch(/confirm your e-mail/i);
    expect(verify.text).toContain(`http://localhost:4200/verify-email?token=${token}`);
    expect(verify.html).toContain(`href="http://localhost:4200/verify-email?token=${token}"`);
    expect(verify.text).toMatch(/48 hours/);
    const reset = renderAccountMail('RESET_PASSWORD', accountLink('RESET_PASSWORD', 'http://localhost:4200', token));
    expect(reset.subject).toMatch(/reset your payforward password/i);
    expect(reset.text).toMatch(/30 minutes/);
    expect(reset.html).toMatch(/30 minutes/);
    expect(reset.text).toMatch(/ignore this mail/);
  });

  it('given a link with characters HTML gives meaning to, when rendered, then the HTML escapes them', () => {
    const mail = renderAccountMail('VERIFY_EMAIL', 'http://x.test/verify-email?token=a&b="<c>"');
    expect(mail.html).toContain('href="http://x.test/verify-email?token=a&amp;b=&quot;&lt;c&gt;&quot;"');
    expect(mail.html).not.toContain('<c>');
  });
});
