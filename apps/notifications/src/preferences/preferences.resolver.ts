import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { CurrentViewer, PG_POOL, requireViewer, type Viewer } from '@payforward/platform';
import { NotificationPreferencesInput, NotificationPreferencesType } from './notification-preferences.type.js';
import { applyPreferencesInput, effectivePreferences } from './preferences.policy.js';
import { preferencesFor, savePreferences, storedPreferencesFor } from './preferences.read-model.js';

@Resolver(() => NotificationPreferencesType)
export class PreferencesResolver {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Query(() => NotificationPreferencesType, { description: "The signed-in member's e-mail settings per category and quiet hours." })
  async notificationPreferences(@CurrentViewer() viewer: Viewer | null): Promise<NotificationPreferencesType> {
    const { memberId } = requireViewer(viewer, 'read your notification preferences');
    return (await preferencesFor(this.pool, memberId)) as NotificationPreferencesType;
  }

  @Mutation(() => NotificationPreferencesType, { description: 'Changes the named categories and/or quiet hours; in-app notifications cannot be turned off.' })
  async updateNotificationPreferences(
    @Args('input', { type: () => NotificationPreferencesInput }) input: NotificationPreferencesInput,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<NotificationPreferencesType> {
    const { memberId } = requireViewer(viewer, 'change your notification preferences');
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Two updates at once (two tabs, or an unsubscribe link) must not lose one another's change.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 17))', [memberId]);
      const next = applyPreferencesInput(await storedPreferencesFor(client, memberId), input);
      await savePreferences(client, memberId, next);
      await client.query('COMMIT');
      return effectivePreferences(next) as NotificationPreferencesType;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
