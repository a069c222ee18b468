import { describe, expect, it } from "vitest";
import { GraphQLError } from "graphql";
import { DriverException, UniqueConstraintViolationException } from "@mikro-orm/core";
import { isDatabaseUnavailable } from "./unavailable.js";
import { toUserError } from "../graphql/payload.js";
import { DomainError } from "../errors/domain-error.js";
import { PlatformErrorCode } from "../errors/error-codes.js";

/** The shapes pg, knex and Node give these failures (codes and messages as they print them). */
const withCode = (message: string, code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { code, ...extra });
const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED", { syscall: "connect" })],
    ["a reset connection", withCode("read ECONNRESET", "ECONNRESET")],
    ["a connect timeout", withCode("connect ETIMEDOUT 10.0.0.5:5432", "ETIMEDOUT")],
    ["admin_shutdown (57P01)", withCode("terminating connection due to administrator command", "57P01")],
    ["crash_shutdown (57P02)", withCode("terminating connection because of crash of another server process", "57P02")],
    ["cannot_connect_now (57P03)", withCode("the database system is starting up", "57P03")],
    ["too_many_connections (53300)", withCode("sorry, too many clients already", "53300")],
    ["connection_exception (08006)", withCode("connection failure", "08006")],
    ["sqlclient_unable_to_establish_sqlconnection (08001)", withCode("could not connect", "08001")],
    ["knex's pool acquire timeout", named("KnexTimeoutError", "Knex: Timeout acquiring a connection.")],
    ["a socket that died mid-query", new Error("Connection terminated unexpectedly")],
    [
      "a query on a dead client (knex prefixes the SQL)",
      new Error("select 1 - Client has encountered a connection error and is not queryable"),
    ],
    ["a pool destroyed while in use", new Error("Unable to acquire a connection")],
  ])("says yes for %s", (_label, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ["a malformed uuid (22P02)", withCode('invalid input syntax for type uuid: "x"', "22P02")],
    ["a NUL byte in a parameter (08P01, the caller's value)", withCode("invalid message format", "08P01")],
    ["a unique violation (23505)", withCode("duplicate key value violates unique constraint", "23505")],
    ["a deadlock (40P01)", withCode("deadlock detected", "40P01")],
    ["a DomainError", new DomainError(PlatformErrorCode.NOT_FOUND, "Order not found.")],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    [
      "ioredis giving up on a command",
      named("MaxRetriesPerRequestError", "Reached the max retries per request limit (which is 2)."),
    ],
    ["a string", "ECONNREFUSED"],
    ["null", null],
  ])("says no for %s", (_label, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });

  it("looks through MikroORM's DriverException, GraphQL's originalError, cause and AggregateError", () => {
    const refused = withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED");
    expect(isDatabaseUnavailable(new DriverException(refused))).toBe(true);
    expect(isDatabaseUnavailable(new GraphQLError("wrapped", { originalError: refused }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("while loading", { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([new Error("x"), refused], "all attempts failed"))).toBe(true);
    expect(isDatabaseUnavailable(new GraphQLError("wrapped", { originalError: new Error("boom") }))).toBe(false);
  });

  it("stops on a cycle of causes", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("toUserError on a database outage", () => {
  it("returns null so the mutation fails as SERVICE_UNAVAILABLE instead of a userError", () => {
    expect(toUserError(withCode("terminating connection due to administrator command", "57P01"))).toBeNull();
    expect(
      toUserError(new DriverException(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))),
    ).toBeNull();
    expect(toUserError(named("KnexTimeoutError", "Knex: Timeout acquiring a connection."))).toBeNull();
  });

  it("still maps the caller's own faults", () => {
    expect(toUserError(new DriverException(withCode("invalid input syntax", "22P02")))?.code).toBe("VALIDATION_FAILED");
    expect(toUserError(new DriverException(withCode("invalid message format", "08P01")))?.code).toBe(
      "VALIDATION_FAILED",
    );
    expect(toUserError(new UniqueConstraintViolationException(withCode("duplicate key", "23505")))?.code).toBe(
      "ALREADY_EXISTS",
    );
  });
});
