import { escapeHtml, categoryWords } from '../email/email.templates.js';
import type { NotificationCategory } from '../rules/notification.rules.js';

/** The tiny pages of the unsubscribe link. Pure HTML; nothing from the request is echoed unescaped. */
const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
  `<body style="font-family: sans-serif; max-width: 36rem; margin: 3rem auto; line-height: 1.5"><h1>${escapeHtml(title)}</h1>${body}</body></html>`;

/** GET: a link scanner that follows the link must not unsubscribe anyone, so a person confirms with a button (a POST). */
export const confirmPage = (category: NotificationCategory, token: string, settingsUrl: string): string =>
  page(
    'Unsubscribe',
    `<p>Stop e-mails about ${escapeHtml(categoryWords(category))}? You will still see them in your Payforward inbox.</p>` +
      `<form method="post" action="unsubscribe?token=${encodeURIComponent(token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
      `<button type="submit">Unsubscribe from ${escapeHtml(categoryWords(category))}</button></form>` +
      `<p><a href="${escapeHtml(settingsUrl)}">All notification settings</a></p>`,
  );

export const donePage = (category: NotificationCategory, settingsUrl: string): string =>
  page(
    'Unsubscribed',
    `<p>You will get no more e-mails about ${escapeHtml(categoryWords(category))}. They stay in your Payforward inbox.</p>` +
      `<p>Changed your mind? <a href="${escapeHtml(settingsUrl)}">Notification settings</a></p>`,
  );

export const invalidPage = (): string => page('This link does not work', '<p>This unsubscribe link is not valid. You can change every e-mail setting on the settings page after signing in.</p>');
