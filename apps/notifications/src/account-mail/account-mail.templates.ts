/**
 * The two transactional mails of identity's account events (ADR 019): text and HTML, the link
 * and how long it works. They are not a notification category: no preferences, no quiet hours,
 * no unsubscribe — a member who asked for a link must get it.
 */
export type AccountMailKind = 'VERIFY_EMAIL' | 'RESET_PASSWORD';

export interface AccountMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The page of the web client a link opens, with its token (base64url: nothing to escape in a query). */
export function accountLink(kind: AccountMailKind, webUrl: string, token: string): string {
  const path = kind === 'VERIFY_EMAIL' ? '/verify-email' : '/reset-password';
  return `${webUrl.replace(/\/+$/, '')}${path}?token=${encodeURIComponent(token)}`;
}

const COPY: Record<AccountMailKind, { subject: string; intro: string; action: string; validity: string; ignore: string }> = {
  VERIFY_EMAIL: {
    subject: 'Confirm your e-mail address for Payforward',
    intro: 'Please confirm that this is your e-mail address for Payforward.',
    action: 'Confirm my address',
    validity: 'The link works for 48 hours. You can ask for a new one on your profile.',
    ignore: 'If you did not create a Payforward account, ignore this mail.',
  },
  RESET_PASSWORD: {
    subject: 'Reset your Payforward password',
    intro: 'Someone (hopefully you) asked to reset the password of your Payforward account.',
    action: 'Choose a new password',
    validity: 'The link works for 30 minutes and only once. Setting a new password signs you out everywhere.',
    ignore: 'If you did not ask for this, ignore this mail: your password stays as it is.',
  },
};

export function renderAccountMail(kind: AccountMailKind, link: string): AccountMail {
  const copy = COPY[kind];
  const text = [copy.intro, '', `${copy.action}: ${link}`, '', copy.validity, copy.ignore, '', '— Payforward'].join('\n');
  const href = escapeHtml(link);
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    `<p>${escapeHtml(copy.intro)}</p>`,
    `<p><a href="${href}" style="display: inline-block; padding: 8px 16px; background: #1d4ed8; color: #fff; text-decoration: none; border-radius: 4px">${escapeHtml(copy.action)}</a></p>`,
    `<p>Or open this address: <br><a href="${href}">${href}</a></p>`,
    `<p>${escapeHtml(copy.validity)}<br>${escapeHtml(copy.ignore)}</p>`,
    '<p>— Payforward</p>',
    '</body></html>',
  ].join('\n');
  return { subject: copy.subject, text, html };
}
