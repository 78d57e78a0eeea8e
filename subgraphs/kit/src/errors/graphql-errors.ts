import { GraphQLError } from 'graphql';
import { RECORD_NAMES } from './record-names';

/**
 * The error codes clients can rely on. Every error the platform raises on purpose carries
 * one of them in `extensions.code`; anything else is an internal error.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT' | 'FAILED_PRECONDITION';

/** Invalid input; `field` names the argument or input field so a form can highlight it. */
export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', field },
  });
}

/** `what` is a kind of `RECORD_NAMES` (`'task'`), named in Chinese and English. */
export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`未找到${RECORD_NAMES[what] ?? what} ${id} / ${what} ${id} not found`, { extensions: { code: 'NOT_FOUND' } });
}

/**
 * No HTTP status on purpose: a subgraph that answered 403 would have its error replaced by the
 * gateway's generic "403: Forbidden", losing the reason and the field. As a GraphQL error in a
 * 200 response it reaches the client as written.
 */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/**
 * A field that needs a signed-in caller. No HTTP status, for the same reason as `forbidden`: a
 * subgraph's 401 would make the gateway drop every field of that fetch (the public ones too)
 * and hand the client the subgraph's URL and raw body instead of this field's error.
 */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

/** A token that was presented and failed verification: the whole request is refused with 401. */
export function invalidToken(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/**
 * Someone else changed the record first; reading it again and retrying is the way out. No HTTP
 * status of its own: the gateway turns any subgraph status but 401/403 into an internal error.
 */
export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT' } });
}

/**
 * The record is in a state that forbids the change, whoever asks: referenced by the audit trail
 * or a case's basis, archived, or held by a case under way (docs/retention.md).
 */
export function failedPrecondition(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FAILED_PRECONDITION' } });
}
