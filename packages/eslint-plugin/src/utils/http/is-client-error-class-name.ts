// Words of the 4xx family, anywhere in the name (ReportNotFoundError, InvalidReportTypeError)…
const CLIENT_CONDITION =
  /NotFound|Expired|Invalid|Forbidden|Unauthori[sz]ed|Unauthenticated|Conflict|BadRequest|Validation|Permission|AccessDenied|RateLimit|TooManyRequests|Duplicate|AlreadyExists|NotAllowed|Unprocessable|PaymentRequired|PreconditionFailed/u;
// …or an error made for API clients (DubApiError, HttpError, PublicError, UserError)…
const CLIENT_AUDIENCE = /(?:Api|API|Http|HTTP|Public|User)(?:Error|Exception)$/u;
// …unless it comes from a driver, client or parser, whose messages describe internals.
const LIBRARY_PREFIX =
  /^(?:Prisma|Sequelize|Mongo|Mongoose|TypeORM|Typeorm|Query|Database|Db|DB|Sql|SQL|Sqlite|SQLite|Pg|Postgres|Mysql|MySQL|Redis|Knex|Kysely|Drizzle|Axios|Fetch|Aws|AWS|S3|Stripe|Supabase|Firebase|Grpc|GRPC|Json|JSON|JsonWebToken|Syntax|Type|Range|Reference)/u;

/**
 * Whether an error class's name says it describes a client error (a 4xx condition or an error
 * written for API clients), whose message is meant to be shown, as Koa and http-errors expose
 * the messages of 4xx errors. Library errors (`PrismaClientValidationError`) are excluded by
 * their prefix.
 *
 * @param name - the class name
 * @example
 * isClientErrorClassName('ReportNotFoundError'); // true
 * isClientErrorClassName('PrismaClientValidationError'); // false
 */
export function isClientErrorClassName(name: string): boolean {
  return /(?:Error|Exception)$/u.test(name) && !LIBRARY_PREFIX.test(name) && (CLIENT_CONDITION.test(name) || CLIENT_AUDIENCE.test(name));
}
