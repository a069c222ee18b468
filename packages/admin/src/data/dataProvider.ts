import type {
  CreateParams,
  DataProvider,
  GetListParams,
  GetManyParams,
  GetManyReferenceParams,
  GetOneParams,
  RaRecord,
  UpdateParams,
} from "react-admin";
import type { ResourceMeta, SchemaMeta } from "../resources/types";
import type { Request, UserError } from "./graphqlClient";
import { isUpperBound, toInstant } from "./dateFilters";
import { changedInput, pickInput } from "./inputs";
import { normalizeRecord, recordSelection, rowSelection } from "./selection";
import { userErrorsToHttpError } from "./userErrors";

/** The API caps page size; larger react-admin pages are clamped rather than rejected. */
export const MAX_PAGE_SIZE = 100;
/** The API's cap on an `ids` filter. */
export const MAX_IDS = 100;

export interface TransitionParams {
  id: string;
  event: string;
  reason?: string;
  reasonCode?: string;
  reference?: string;
  /** the new date and time, for RESCHEDULE (ISO instant) */
  scheduledAt?: string;
  previousData: RaRecord;
}

export interface ClinigraphDataProvider extends DataProvider {
  transition(resource: string, params: TransitionParams): Promise<{ data: RaRecord }>;
}

interface Connection {
  nodes: Record<string, unknown>[];
  totalCount: number;
  pageInfo?: { hasNextPage: boolean; hasPreviousPage: boolean };
}

type Payload = Record<string, unknown> & { userErrors: UserError[] };

function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * react-admin filter values → the resource's XFilter input; unknown keys are dropped and
 * picked days become instants in the operator's zone (dateFilters.ts).
 */
export function toFilter(resource: ResourceMeta, raw: Record<string, unknown> = {}): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const name = key === "q" ? "search" : key;
    const meta = resource.filters.find((f) => f.name === name);
    if (!meta || value === undefined || value === "" || value === null) continue;
    if (meta.kind === "datetime") {
      const instant = toInstant(value, isUpperBound(name));
      if (instant !== undefined) filter[name] = instant;
      continue;
    }
    filter[name] = meta.list && !Array.isArray(value) ? [value] : value;
  }
  return filter;
}

export function toOrderBy(resource: ResourceMeta, sort?: { field: string; order: string }) {
  const sortable = sort && resource.sortable.find((s) => s.source === sort.field);
  if (!sortable) return undefined;
  return { field: sortable.value, direction: sort.order === "ASC" ? "ASC" : "DESC" };
}

export function createDataProvider(meta: SchemaMeta, request: Request): ClinigraphDataProvider {
  const byName = new Map(meta.resources.map((r) => [r.name, r]));

  function resourceOf(name: string): ResourceMeta {
    const resource = byName.get(name);
    if (!resource) throw new Error(`Unknown resource "${name}"`);
    return resource;
  }

  /** `full` selects what a record page does (the CSV export wants every field). */
  async function list(resource: ResourceMeta, variables: Record<string, unknown>, full = false) {
    const args = [
      "$first: Int",
      "$offset: Int",
      resource.filterType && `$filter: ${resource.filterType}`,
      resource.orderType && `$orderBy: ${resource.orderType}`,
    ].filter(Boolean);
    const passed = [
      "first: $first",
      "offset: $offset",
      resource.filterType && "filter: $filter",
      resource.orderType && "orderBy: $orderBy",
    ].filter(Boolean);
    const query = `query List(${args.join(", ")}) { ${resource.listQuery}(${passed.join(", ")}) { nodes { ${full ? recordSelection(resource) : rowSelection(resource)} } totalCount pageInfo { hasNextPage hasPreviousPage } } }`;
    const data = await request<Record<string, Connection>>(query, variables);
    const connection = data[resource.listQuery];
    return {
      data: connection.nodes.map((node) => normalizeRecord(resource, node)),
      total: connection.totalCount,
      pageInfo: connection.pageInfo,
    };
  }

  async function one(resource: ResourceMeta, id: string) {
    if (!resource.oneQuery) throw new Error(`Resource "${resource.name}" has no single-record query`);
    const query = `query One($id: ID!) { ${resource.oneQuery}(id: $id) { ${recordSelection(resource)} } }`;
    const data = await request<Record<string, Record<string, unknown> | null>>(query, { id });
    const record = data[resource.oneQuery];
    if (!record) throw new Error("ra.notification.item_doesnt_exist");
    return normalizeRecord(resource, record);
  }

  /**
   * The records behind a page's references: one list query through the `ids` filter per
   * hundred ids, never one alias per id (the API refuses more than 15 aliases).
   */
  async function many(resource: ResourceMeta, ids: string[]) {
    const unique = [...new Set(ids)];
    if (resource.filters.some((f) => f.name === "ids")) {
      const chunks: string[][] = [];
      for (let start = 0; start < unique.length; start += MAX_IDS) chunks.push(unique.slice(start, start + MAX_IDS));
      const pages = await Promise.all(
        chunks.map((chunk) => list(resource, { first: chunk.length, offset: 0, filter: { ids: chunk } })),
      );
      return pages.flatMap((page) => page.data);
    }
    if (resource.oneQuery) {
      // every referenced resource with single reads has an ids filter (generatorConventions test)
      throw new Error(`Resource "${resource.name}" has no ids filter to load references with`);
    }
    // No single reads and no ids filter (webhook endpoints): a short list, read whole and picked.
    const wanted = new Set(unique);
    const { data } = await list(resource, { first: MAX_PAGE_SIZE, offset: 0 });
    return data.filter((record) => wanted.has(String(record.id)));
  }

  async function mutate(
    name: string,
    inputType: string,
    payloadField: string,
    selection: string,
    input: Record<string, unknown>,
  ) {
    const query = `mutation Mutate($input: ${inputType}!) { ${name}(input: $input) { ${payloadField} { ${selection} } userErrors { code field message } } }`;
    const data = await request<Record<string, Payload>>(query, { input });
    const payload = data[name];
    if (payload.userErrors.length) throw userErrorsToHttpError(payload.userErrors);
    const record = payload[payloadField] as Record<string, unknown> | null;
    if (!record) throw new Error("ra.notification.http_error");
    return record;
  }

  return {
    async getList(name: string, params: GetListParams) {
      const resource = resourceOf(name);
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      const first = Math.min(perPage, MAX_PAGE_SIZE);
      return list(
        resource,
        {
          first,
          offset: (page - 1) * first,
          filter: toFilter(resource, params.filter),
          orderBy: toOrderBy(resource, params.sort),
        },
        params.meta?.full === true,
      ) as never;
    },
    async getOne(name: string, params: GetOneParams) {
      return { data: (await one(resourceOf(name), String(params.id))) as never };
    },
    async getMany(name: string, params: GetManyParams) {
      return { data: (await many(resourceOf(name), params.ids.map(String))) as never };
    },
    async getManyReference(name: string, params: GetManyReferenceParams) {
      const resource = resourceOf(name);
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      const first = Math.min(perPage, MAX_PAGE_SIZE);
      return list(resource, {
        first,
        offset: (page - 1) * first,
        filter: { ...toFilter(resource, params.filter), [params.target]: params.id },
        orderBy: toOrderBy(resource, params.sort),
      }) as never;
    },
    async create(name: string, params: CreateParams) {
      const resource = resourceOf(name);
      const mutation = resource.create;
      if (!mutation) throw new Error(`Resource "${name}" cannot be created`);
      const input = pickInput(mutation.fields, params.data as Record<string, unknown>);
      if (mutation.idempotent) input.idempotencyKey = newIdempotencyKey();
      const record = await mutate(
        mutation.name,
        mutation.inputType,
        mutation.payloadField,
        recordSelection(resource),
        input,
      );
      return { data: normalizeRecord(resource, record) as never };
    },
    async update(name: string, params: UpdateParams) {
      const resource = resourceOf(name);
      const mutation = resource.update;
      if (!mutation) throw new Error(`Resource "${name}" cannot be edited`);
      const previous = (params.previousData ?? {}) as Record<string, unknown>;
      const input = changedInput(mutation.fields, params.data as Record<string, unknown>, previous);
      input.id = params.id;
      if (mutation.versioned) input.expectedVersion = previous.version;
      const record = await mutate(
        mutation.name,
        mutation.inputType,
        mutation.payloadField,
        recordSelection(resource),
        input,
      );
      return { data: normalizeRecord(resource, record) as never };
    },
    async transition(name: string, params: TransitionParams) {
      const resource = resourceOf(name);
      const transition = resource.transition;
      if (!transition) throw new Error(`Resource "${name}" has no transitions`);
      const input: Record<string, unknown> = {
        id: params.id,
        event: params.event,
        expectedVersion: params.previousData.version,
      };
      if (transition.accepts.reason && params.reason) input.reason = params.reason;
      if (transition.accepts.reasonCode && params.reasonCode) input.reasonCode = params.reasonCode;
      if (transition.accepts.reference && params.reference) input.reference = params.reference;
      if (transition.accepts.scheduledAt && params.scheduledAt) input.scheduledAt = params.scheduledAt;
      const record = await mutate(
        transition.mutation,
        transition.inputType,
        transition.payloadField,
        recordSelection(resource),
        input,
      );
      return { data: normalizeRecord(resource, record) };
    },
    async updateMany() {
      throw new Error("Bulk updates are not supported; use the record transitions");
    },
    async delete() {
      throw new Error("Records are never deleted; use a transition such as VOID or CANCEL");
    },
    async deleteMany() {
      throw new Error("Records are never deleted; use a transition such as VOID or CANCEL");
    },
  };
}
