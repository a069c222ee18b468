/**
 * The scaffolding of a compiled-read equivalence test (issue 17), in one place: the seeded
 * read world (test-support/read-world.fixtures.ts) with its principals of every kind, the
 * property that the compiled path answers a random selection byte for byte as the resolvers
 * do, for `x(id)` roots over own and foreign ids, connection roots over filters, orderBy,
 * page sizes, offsets and cursors, and list roots; and the statement count (one statement
 * per read, plus at most the credential's look-up on a cache miss).
 *
 *   const reads = describeCompiledReads("compiled branch reads", { byId: [...], lists: [...] });
 *   it("…", () => reads.world.read(...));   // more tests of the same file share the world
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  expectSameAnswer,
  expectSamePage,
  PAGE_MODE,
  startReadWorld,
  statementRecorder,
  connectionOf,
  type ReadWorld,
} from "../../../test-support/read-world.fixtures.js";

/** The credential's look-up on a cache miss (the one statement a read may add). */
export const AUTH_LOOKUP = /\bfrom app_user u\b[^;]*?\bwhere u\.id\b|\bapi_key\b/;

export interface ByIdCase {
  /** The root field, e.g. `branch`. */
  field: string;
  /** Ids to ask for (own and foreign: each principal asks for all of them). */
  ids: (world: ReadWorld) => Promise<string[]> | string[];
  /** A random selection set of the type, braces included. */
  selection: fc.Arbitrary<string>;
  runs?: number;
}

export interface ConnectionCase {
  field: string;
  /** The GraphQL input types of its `filter` and `orderBy` arguments. */
  types: { filter: string; order: string };
  node: fc.Arbitrary<string>;
  filter?: fc.Arbitrary<Record<string, unknown>>;
  orderBy?: fc.Arbitrary<Record<string, unknown>>;
  runs?: number;
}

export interface ListCase {
  field: string;
  /** Random argument lists, parentheses included ("" for none). */
  args?: fc.Arbitrary<string>;
  selection: fc.Arbitrary<string>;
  runs?: number;
}

export interface StatementCase {
  name: string;
  /** A query; a variable `$n: Int` is the page size (10, 50 and 100 in turn). */
  query: string;
  variables?: (world: ReadWorld) => Record<string, unknown>;
  principals: string[];
}

export interface CompiledReadsSpec {
  /** Principals this file adds to the read world's (an insurer's key, a partner user…). */
  principals?: (world: ReadWorld) => Promise<Record<string, string>>;
  /** Rows this file adds before its properties run. */
  seed?: (world: ReadWorld) => Promise<void>;
  byId?: ByIdCase[];
  connections?: ConnectionCase[];
  lists?: ListCase[];
  statements?: StatementCase[];
}

export interface CompiledReads {
  /** The started world (after beforeAll). */
  readonly world: ReadWorld;
  /** Names of every principal, the file's own included. */
  readonly who: string[];
}

/** Defines the file's world (beforeAll/afterAll at file level) and the property tests of `spec`. */
export function describeCompiledReads(title: string, spec: CompiledReadsSpec): CompiledReads {
  let world: ReadWorld | undefined;
  beforeAll(async () => {
    world = await startReadWorld();
    await spec.seed?.(world);
    Object.assign(world.principals, (await spec.principals?.(world)) ?? {});
  }, 600_000);
  afterAll(async () => world?.api.close());
  const handle: CompiledReads = {
    get world() {
      if (!world) throw new Error("the read world is not started yet");
      return world;
    },
    get who() {
      return Object.keys(handle.world.principals);
    },
  };
  const principal = () => fc.constantFrom(...handle.who);

  describe(title, () => {
    for (const c of spec.byId ?? [])
      it(`${c.field}(id) equals the resolvers' answer: random selections, every principal, own and foreign ids`, async () => {
        const w = handle.world;
        const ids = await c.ids(w);
        expect(ids.length).toBeGreaterThan(0);
        await fc.assert(
          fc.asyncProperty(c.selection, principal(), fc.nat(), async (sel, who, n) =>
            expectSameAnswer(
              w,
              `query($id: ID!) { ${c.field}(id: $id) ${sel} }`,
              { id: ids[n % ids.length] },
              who,
              w.principals[who]!,
            ),
          ),
          { numRuns: c.runs ?? 30 },
        );
      }, 600_000);

    for (const c of spec.connections ?? [])
      it(`${c.field} equals the resolvers' answer: filters, orderBy, page sizes, offsets and cursors both ways`, async () => {
        const w = handle.world;
        await fc.assert(
          fc.asyncProperty(
            connectionOf(c.node),
            principal(),
            fc.option(c.filter ?? fc.constant(null)),
            fc.option(c.orderBy ?? fc.constant(null)),
            fc.integer({ min: 1, max: 5 }),
            PAGE_MODE,
            fc.nat(),
            async (sel, who, f, o, size, mode, n) =>
              expectSamePage(w, c.field, c.types, sel, who, w.principals[who]!, { f, o }, size, mode, n),
          ),
          { numRuns: c.runs ?? 30 },
        );
      }, 600_000);

    for (const c of spec.lists ?? [])
      it(`${c.field} equals the resolvers' answer: random arguments and selections, every principal`, async () => {
        const w = handle.world;
        await fc.assert(
          fc.asyncProperty(c.args ?? fc.constant(""), c.selection, principal(), async (args, sel, who) =>
            expectSameAnswer(w, `{ ${c.field}${args} ${sel} }`, {}, who, w.principals[who]!),
          ),
          { numRuns: c.runs ?? 20 },
        );
      }, 600_000);

    for (const c of spec.statements ?? [])
      it(`${c.name} is one SQL statement (page sizes 10, 50 and 100)`, async () => {
        const w = handle.world;
        const recorder = statementRecorder(w.api);
        try {
          for (const who of c.principals) {
            const token = w.principals[who]!;
            const vars = c.variables?.(w) ?? {};
            // The first request of a key or session may look it up (and cache it).
            await recorder.run(c.query, { ...vars, n: 5 }, token);
            for (const n of c.query.includes("$n") ? [10, 50, 100] : [null]) {
              const { sql } = await recorder.run(c.query, n == null ? vars : { ...vars, n }, token);
              const reads = sql.filter((q) => !AUTH_LOOKUP.test(q));
              expect(
                reads,
                `${who} ${c.name} (${String(n)}): ${sql.map((q) => q.slice(0, 200)).join(" ;; ")}`,
              ).toHaveLength(1);
              expect(sql.length, `${who} ${c.name} (${String(n)})`).toBeLessThanOrEqual(2);
            }
          }
        } finally {
          recorder.stop();
        }
      }, 600_000);
  });
  return handle;
}
