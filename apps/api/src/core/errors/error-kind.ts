/** What kind of failure an error is; the exception filter turns each into its HTTP status. */
export enum ErrorKind {
  Invalid = 'invalid',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Gone = 'gone',
  TooManyRequests = 'too_many_requests',
}
