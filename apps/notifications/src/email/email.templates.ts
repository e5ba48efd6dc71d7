import type { NotificationCategory } from '../rules/notification.rules.js';
import { formatInZone } from './zoned-time.js';

/**
 * Mail texts per template key (`kind`), pure. A template gets the other party's display name
 * (never an address or any other contact detail: we put nobody's address in mail but the
 * recipient's own envelope) and the draft's vars; times are written in the recipient's zone.
 */
export interface TemplateInput {
  /** The other party's display name ("A member" when unknown, "Erased member" after erasure). */
  name: string;
  vars: Record<string, string>;
  timezone: string;
}

export interface TemplateText {
  subject: string;
  /** Plain sentences; the layout escapes them for HTML. */
  paragraphs: string[];
  /** The call to action's label. */
  action: string;
}

const when = (iso: string | undefined, timezone: string): string | null => (iso && !Number.isNaN(Date.parse(iso)) ? formatInZone(iso, timezone) : null);
const compact = (...lines: (string | null | undefined | false)[]): string[] => lines.filter((l): l is string => typeof l === 'string' && l.length > 0);

export const EMAIL_TEMPLATES: Record<string, (input: TemplateInput) => TemplateText> = {
  'request-submitted': ({ name, vars, timezone }) => ({
    subject: `${name} asked you for ${vars.kind ?? 'help'}`,
    paragraphs: compact(
      `${name} asked you for ${vars.kind ?? 'help'}${when(vars.at, timezone) ? ` on ${when(vars.at, timezone)}` : ''}.`,
      when(vars.expiresAt, timezone) && `Please answer by ${when(vars.expiresAt, timezone)}: a kind no is one click and costs you nothing.`,
    ),
    action: 'Open your dashboard',
  }),
  'request-accepted': ({ name, vars, timezone }) => ({
    subject: `${name} accepted your request`,
    paragraphs: compact(
      `${name} accepted your request for ${vars.kind ?? 'help'}.`,
      when(vars.scheduledAt, timezone) && `Your session: ${when(vars.scheduledAt, timezone)}${vars.durationMinutes ? `, ${vars.durationMinutes} minutes` : ''}.`,
      `How to reach ${name} is on your requests page.`,
    ),
    action: 'See your request',
  }),
  'intro-consent': ({ name }) => ({
    subject: `${name} would like to introduce someone to you`,
    paragraphs: [`${name} would like to introduce someone to you. Will you agree to the introduction?`, 'Your contact details are shared only if you say yes.'],
    action: 'Answer the introduction',
  }),
  'request-declined': ({ name, vars }) => ({
    subject: `${name} declined your request`,
    paragraphs: compact(`${name} declined your request.`, vars.guidance),
    action: 'See your requests',
  }),
  'request-expired': ({ name, vars }) => ({
    subject: `Your request to ${name} expired`,
    paragraphs: compact(`Your request to ${name} expired without an answer. It costs nobody anything.`, vars.guidance),
    action: 'See your requests',
  }),
  'referral-vouched': ({ name }) => ({
    subject: `${name} vouched for you`,
    paragraphs: [`${name} vouched for you.`],
    action: 'See your request',
  }),
  'paid-forward': ({ name, vars }) => ({
    subject: 'You paid it forward',
    paragraphs: [`You paid it forward: ${vars.kind ?? 'your help'} with ${name} is complete (up to ${vars.points ?? '+0'} points).`],
    action: 'See your reputation',
  }),
  'reputation-adjusted': ({ vars }) => ({
    subject: 'Your reputation was adjusted',
    paragraphs: [`An admin adjusted your reputation by ${vars.points ?? '0'} points.`],
    action: 'See your reputation',
  }),
  'flag-raised': ({ vars }) => ({
    subject: 'A new flag is waiting in the review queue',
    paragraphs: [vars.text ?? 'A new flag is waiting in the review queue.'],
    action: 'Open the review queue',
  }),
  'flag-resolved': ({ vars }) => ({
    subject: 'An admin reviewed a flag on your account',
    paragraphs: [vars.text ?? 'An admin reviewed activity flagged for review on your account.'],
    action: 'See your reputation',
  }),
  'request-expiring': ({ name, vars, timezone }) => ({
    subject: `${name}'s request expires soon`,
    paragraphs: compact(`${name}'s request is still waiting for your answer${when(vars.expiresAt, timezone) ? ` and expires on ${when(vars.expiresAt, timezone)}` : ''}.`),
    action: 'Answer it',
  }),
  'session-reminder': ({ name, vars, timezone }) => ({
    subject: `Reminder: your session with ${name}${vars.lead ? ` ${vars.lead}` : ''}`,
    paragraphs: compact(`Your ${vars.kind ?? 'session'} with ${name} starts ${when(vars.scheduledAt, timezone) ? `on ${when(vars.scheduledAt, timezone)}` : 'soon'}.`),
    action: 'See your sessions',
  }),
};

const CATEGORY_WORDS: Record<NotificationCategory, string> = {
  REQUESTS: 'requests',
  REMINDERS: 'reminders',
  SESSIONS: 'sessions',
  INTROS: 'introductions',
  REPUTATION: 'reputation',
  ADMIN: 'admin news',
};
export const categoryWords = (category: NotificationCategory): string => CATEGORY_WORDS[category];

/** The template's text; an unknown key with vars.subject and vars.text still makes a mail (a new trigger before its template). */
export function templateText(kind: string, input: TemplateInput): TemplateText {
  const template = EMAIL_TEMPLATES[kind];
  if (template) return template(input);
  if (input.vars.subject && input.vars.text) return { subject: input.vars.subject, paragraphs: [input.vars.text], action: 'Open Payforward' };
  throw new RangeError(`no e-mail template "${kind}"`);
}

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface Layout {
  recipientName: string;
  category: NotificationCategory;
  link: string | null;
  unsubscribeUrl: string;
  settingsUrl: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Text and HTML parts of one mail: greeting, the template's sentences, the link, and how to stop these mails. */
export function layoutMail(body: Pick<TemplateText, 'subject' | 'action'> & { paragraphs: string[] }, layout: Layout): RenderedMail {
  const footer = `You get this because e-mail for ${categoryWords(layout.category)} is on. Unsubscribe: ${layout.unsubscribeUrl} · All settings: ${layout.settingsUrl}`;
  const text = [`Hi ${layout.recipientName},`, '', ...body.paragraphs.flatMap((p) => [p, '']), ...(layout.link ? [`${body.action}: ${layout.link}`, ''] : []), '-- ', footer, ''].join('\n');
  const e = escapeHtml;
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    `<p>Hi ${e(layout.recipientName)},</p>`,
    ...body.paragraphs.map((p) => `<p>${e(p)}</p>`),
    layout.link ? `<p><a href="${e(layout.link)}">${e(body.action)}</a></p>` : '',
    `<hr><p style="font-size: small; color: #555">You get this because e-mail for ${e(categoryWords(layout.category))} is on. ` +
      `<a href="${e(layout.unsubscribeUrl)}">Unsubscribe from ${e(categoryWords(layout.category))}</a> · <a href="${e(layout.settingsUrl)}">All settings</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: body.subject, text, html };
}
