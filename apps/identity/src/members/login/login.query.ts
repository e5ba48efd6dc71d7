import { Query } from '@nestjs/cqrs';
import type { Authenticated } from '../register-member/register-member.command.js';

/** Login changes no state, so it is a query: check the credentials, issue a token. */
export class LoginQuery extends Query<Authenticated> {
  constructor(
    readonly email: string,
    readonly password: string,
  ) {
    super();
  }
}
