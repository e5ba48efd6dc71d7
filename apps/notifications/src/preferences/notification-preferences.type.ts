import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NotificationCategory } from '../inbox/notification.type.js';

/*
 * MINIMAL STAND-IN (slice `calendar`, seams §5): the mail slice owns this file and its full
 * version (preference resolution, quiet hours). Calendar needs only the type to hang
 * `calendarFeedUrl` and `rotateCalendarFeedToken` on. On merge, keep mail's version.
 */

export enum NotificationChannelSetting {
  INSTANT = 'INSTANT',
  DIGEST = 'DIGEST',
  OFF = 'OFF',
}
registerEnumType(NotificationChannelSetting, { name: 'NotificationChannelSetting' });

@ObjectType('NotificationPreference')
export class NotificationPreferenceType {
  @Field(() => NotificationCategory)
  category!: NotificationCategory;

  @Field(() => NotificationChannelSetting)
  email!: NotificationChannelSetting;
}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesType {
  @Field(() => [NotificationPreferenceType])
  preferences!: NotificationPreferenceType[];

  @Field(() => String, { nullable: true, description: 'Quiet hours in the member\'s time zone, "HH:MM"; e-mail waits until they end.' })
  quietHoursStart!: string | null;

  @Field(() => String, { nullable: true })
  quietHoursEnd!: string | null;
}
