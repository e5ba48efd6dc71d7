import type { Provider } from '@nestjs/common';
import { MemberHistoryHandler } from './member-history/member-history.handler.js';
import { MemberHistoryResolver } from './member-history/member-history.resolver.js';

export const HISTORY_PROVIDERS: Provider[] = [MemberHistoryResolver, MemberHistoryHandler];
