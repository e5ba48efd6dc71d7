import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { Logger } from 'pino';
import {
  IdentityEventTypes,
  type AdminRoleGrantedData,
  type EventEnvelope,
  type HelpRequestAcceptedData,
  type HelpRequestSubmittedData,
  type MemberErasedData,
  type MemberRegisteredData,
} from '@payforward/contracts';
import { applyBlockingEvent, LOGGER, PersonalDataCodec, PG_POOL, ServiceConsumer } from '@payforward/platform';
import { handleAccountMail } from '../account-mail/account-mail.handler.js';
import { sessionInviteFor } from '../calendar/session-calendar.read-model.js';
import { deliverEmail, releaseWaitingDrafts, type EmailDeps } from '../email/deliver-email.js';
import { EmailDelivery } from '../email/email-delivery.provider.js';
import { emailFor } from '../email/email.rules.js';
import { eraseMemberMail } from '../email/erase-mail.js';
import { activeAdmins, eraseMemberName, markAdmin, recordMember } from '../members/members.read-model.js';
import { notificationsFor, type RuleContext } from '../rules/notification.rules.js';
import { NOTIFICATIONS_CLOCK, type Clock } from '../notifications.clock.js';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../notifications.settings.js';
import { projectSessionEvent } from '../sessions/session-events.projection.js';
import { storeNotifications } from './notifications.read-model.js';

const IDENTITY_TYPES: ReadonlySet<string> = new Set(Object.values(IdentityEventTypes));

/**
 * Identity's events → the member mirror (names, time zone, the address still sealed as it
 * arrived in `raw`) and blocked_members (whose tokens are refused). Erasure scrubs mail first.
 */
async function projectIdentityEvent(envelope: EventEnvelope, tx: pg.ClientBase, raw: EventEnvelope, email: EmailDeps | null): Promise<void> {
  if (envelope.type === IdentityEventTypes.MemberRegistered || envelope.type === IdentityEventTypes.MemberProfileUpdated) {
    const { memberId, displayName, timezone } = envelope.data as Pick<MemberRegisteredData, 'memberId' | 'displayName' | 'timezone'>;
    const sealedEmail = envelope.type === IdentityEventTypes.MemberRegistered ? (raw.data as { email?: unknown }).email : null;
    await recordMember(tx, { memberId, displayName, timezone: timezone ?? null, sealedEmail: typeof sealedEmail === 'string' ? sealedEmail : null });
    if ((envelope.data as Partial<MemberRegisteredData>).roles?.includes('ADMIN')) await markAdmin(tx, memberId);
    if (email) await releaseWaitingDrafts(tx, memberId, email);
  } else if (envelope.type === IdentityEventTypes.AdminRoleGranted) {
    await markAdmin(tx, (envelope.data as AdminRoleGrantedData).memberId);
  } else if (envelope.type === IdentityEventTypes.MemberErased) {
    const { memberId, erasedAt } = envelope.data as MemberErasedData;
    await eraseMemberMail(tx, memberId);
    await eraseMemberName(tx, memberId, erasedAt);
    // Mails to others that waited to name them now say "Erased member"; theirs find no address.
    if (email) await releaseWaitingDrafts(tx, memberId, email);
  }
  await applyBlockingEvent(tx, envelope);
}

/** What the rules need beyond the event: an accepted INTRO's target, remembered from its submission. */
async function contextFor(envelope: EventEnvelope, tx: pg.ClientBase): Promise<RuleContext> {
  if (envelope.type === 'HelpRequestSubmitted') {
    const data = envelope.data as HelpRequestSubmittedData;
    if (data.introTargetId) {
      await tx.query({
        name: 'notifications-record-intro-target',
        text: 'INSERT INTO intro_targets (request_id, target_id) VALUES ($1, $2) ON CONFLICT (request_id) DO NOTHING',
        values: [data.requestId, data.introTargetId],
      });
    }
  }
  if (envelope.type === 'HelpRequestAccepted' && (envelope.data as HelpRequestAcceptedData).kind === 'INTRO') {
    const { rows } = await tx.query<{ target_id: string }>({
      name: 'notifications-intro-target',
      text: 'SELECT target_id FROM intro_targets WHERE request_id = $1',
      values: [(envelope.data as HelpRequestAcceptedData).requestId],
    });
    return { introTargetId: rows[0]?.target_id ?? null };
  }
  // The review queue's arrivals go to whoever is an admin when the flag is raised.
  if (envelope.type === 'FlagRaised') return { introTargetId: null, adminIds: await activeAdmins(tx) };
  return { introTargetId: null };
}

export interface HandleOptions {
  /** The envelope as consumed, personal fields still sealed (the mirror keeps the address sealed). */
  raw?: EventEnvelope;
  /** E-mail: null writes in-app notifications only. */
  email?: EmailDeps | null;
  /** The service clock: reminders are planned from it, so past due times are not created. */
  now?: Date;
}

/**
 * One consumed event, in the consumer's transaction (which also stores its processed-event id):
 * the in-app notifications, and for each the e-mail its recipient's preferences ask for.
 */
export async function handleEvent(envelope: EventEnvelope, tx: pg.ClientBase, options: HandleOptions = {}): Promise<string[]> {
  await projectSessionEvent(envelope, tx, options.now ?? new Date());
  if (IDENTITY_TYPES.has(envelope.type)) {
    await projectIdentityEvent(envelope, tx, options.raw ?? envelope, options.email ?? null);
    await handleAccountMail(envelope, tx); // verification and reset mails (ADR 019)
    return [];
  }
  const context = await contextFor(envelope, tx);
  const drafts = notificationsFor(envelope, context);
  const stored = await storeNotifications(tx, envelope.id, drafts, envelope.occurredAt);
  if (options.email) {
    for (const draft of drafts) {
      const email = emailFor(envelope, draft);
      if (!email) continue;
      // The seeker's acceptance mail carries the session's invite (the session row is already projected).
      if (envelope.type === 'HelpRequestAccepted' && draft.category === 'REQUESTS') {
        const invite = await sessionInviteFor(tx, (envelope.data as HelpRequestAcceptedData).requestId, draft.recipientId);
        if (invite) email.icalEvent = invite;
      }
      await deliverEmail(tx, email, options.email);
    }
  }
  return stored;
}

/**
 * Consumes identity's, the marketplace's help-request and reputation's admin topics as its own
 * group through the platform consumer (envelope validation, dead letters, processed-event ids),
 * so a redelivered event is skipped and the unique key stops any double that slips past it.
 */
@Injectable()
export class NotificationsConsumer extends ServiceConsumer {
  constructor(
    @Inject(NOTIFICATIONS_SETTINGS) settings: NotificationsSettings,
    @Inject(PG_POOL) pool: pg.Pool,
    @Inject(LOGGER) logger: Logger,
    @Inject(NOTIFICATIONS_CLOCK) clock: Clock,
    personalData: PersonalDataCodec,
    email: EmailDelivery,
  ) {
    super({
      config: settings.config,
      pool,
      logger,
      groupId: settings.groupId,
      topics: [settings.topics.identity, settings.topics.helpRequest, settings.topics.reputation, settings.topics.flags],
      component: 'notifications',
      consume: settings.consume,
      handler: async (envelope, tx) => {
        // Names arrive sealed (ADR 010); an erased member's never open again, here or in a replay.
        if (envelope.type === IdentityEventTypes.MemberErased) personalData.keys.forget((envelope.data as MemberErasedData).memberId);
        const opened = IDENTITY_TYPES.has(envelope.type) ? await personalData.unsealEvent(envelope) : envelope;
        await handleEvent(opened, tx, { raw: envelope, email: email.deps, now: clock.now() });
      },
    });
  }
}
