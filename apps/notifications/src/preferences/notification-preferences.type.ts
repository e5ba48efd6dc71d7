import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NotificationCategory } from '../inbox/notification.type.js';
import type { EmailSetting } from './preferences.policy.js';

export enum NotificationChannelSetting {
  INSTANT = 'INSTANT',
  DIGEST = 'DIGEST',
  OFF = 'OFF',
}
registerEnumType(NotificationChannelSetting, { name: 'NotificationChannelSetting' });

// The policy's union and this enum must list the same values; this fails to compile otherwise.
const sameSettings: Record<EmailSetting, NotificationChannelSetting> = NotificationChannelSetting;
void sameSettings;

@ObjectType('NotificationPreference')
export class NotificationPreferenceType {
  @Field(() => NotificationCategory)
  category!: NotificationCategory;

  @Field(() => NotificationChannelSetting, { description: 'E-mail: at once, in the daily digest, or not at all. In-app is always on.' })
  email!: NotificationChannelSetting;
}

/** The contract's NotificationPreferences; slice calendar adds `calendarFeedUrl` with a field resolver of its own. */
@ObjectType('NotificationPreferences')
export class NotificationPreferencesType {
  @Field(() => [NotificationPreferenceType])
  preferences!: NotificationPreferenceType[];

  @Field(() => String, { nullable: true, description: 'Quiet hours in the member\'s time zone, "HH:MM"; e-mail waits until they end.' })
  quietHoursStart!: string | null;

  @Field(() => String, { nullable: true })
  quietHoursEnd!: string | null;
}

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationCategory)
  category!: NotificationCategory;

  @Field(() => NotificationChannelSetting)
  email!: NotificationChannelSetting;
}

@InputType()
export class NotificationPreferencesInput {
  @Field(() => [NotificationPreferenceInput], { nullable: true })
  preferences?: NotificationPreferenceInput[] | null;

  @Field(() => String, { nullable: true })
  quietHoursStart?: string | null;

  @Field(() => String, { nullable: true })
  quietHoursEnd?: string | null;
}
