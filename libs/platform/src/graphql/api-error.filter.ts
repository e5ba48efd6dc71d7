import { Catch, type ArgumentsHost, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '@payforward/contracts';
import { GraphQLError } from 'graphql';

/**
 * Refusals (domain errors, contract-coded GraphQL errors) are answers, not failures: hand them
 * to GraphQL as they are, without Nest logging each one as an ERROR with a stack. The error
 * formatter then shapes them for the client.
 */
@Catch(DomainError, GraphQLError)
export class ApiErrorFilter implements GqlExceptionFilter {
  catch(exception: DomainError | GraphQLError, _host: ArgumentsHost) {
    return exception;
  }
}

export const apiErrorFilterProvider: Provider = { provide: APP_FILTER, useClass: ApiErrorFilter };
