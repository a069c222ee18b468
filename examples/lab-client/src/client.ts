import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

/**
 * A minimal Clinigraph API client: GraphQL over fetch, and POST /files. No SDK needed;
 * `request` takes the typed documents GraphQL Code Generator makes from schema.graphql.
 */
export interface UserError {
  code: string;
  field: string[] | null;
  message: string;
}

export class ClinigraphError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export class ClinigraphClient {
  constructor(
    readonly apiUrl: string,
    private readonly apiKey: string,
  ) {}

  /** Runs a query or mutation; top-level errors (auth, limits, faults) throw. */
  async gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(`${this.apiUrl}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      // Over the rate limit: wait as long as the API says, then try again.
      if (res.status === 429 && attempt < 5) {
        await new Promise((r) => setTimeout(r, Number(res.headers.get("retry-after") ?? "1") * 1000));
        continue;
      }
      const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
      if (body.errors?.length)
        throw new ClinigraphError(body.errors[0]!.message, body.errors[0]!.extensions?.code ?? "ERROR");
      return body.data as T;
    }
  }

  /** Runs a typed document: the result and the variables are typed from schema.graphql. */
  async request<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
    return this.gql<R>(print(document), variables);
  }

  /** A mutation payload's object, or a ClinigraphError with its first userError. */
  payloadObject<T>(name: string, payload: { userErrors: UserError[] }, object: T | null | undefined): T {
    const [first] = payload.userErrors;
    if (first) throw new ClinigraphError(`${name}: ${first.code}: ${first.message}`, first.code);
    if (object == null) throw new ClinigraphError(`${name}: no object and no userErrors`, "EMPTY_PAYLOAD");
    return object;
  }

  /** Runs a mutation and throws on userErrors, returning the payload's object. */
  async mutate<T>(name: string, query: string, variables: Record<string, unknown>): Promise<T> {
    const data = await this.gql<Record<string, { userErrors: UserError[] } & Record<string, unknown>>>(
      query,
      variables,
    );
    const payload = data[name]!;
    const [first] = payload.userErrors;
    if (first) throw new ClinigraphError(`${name}: ${first.code}: ${first.message}`, first.code);
    return payload as T;
  }

  /** Uploads a file (multipart, field "file"); the returned id goes into attachOrderReport. */
  async upload(
    fileName: string,
    contentType: string,
    bytes: Uint8Array<ArrayBuffer>,
  ): Promise<{ id: string; sha256: string }> {
    const form = new FormData();
    form.append("file", new Blob([bytes], { type: contentType }), fileName);
    const res = await fetch(`${this.apiUrl}/files`, {
      method: "POST",
      headers: { authorization: `Bearer ${this.apiKey}` },
      body: form,
    });
    const body = (await res.json()) as { id?: string; sha256?: string; errors?: { message: string }[] };
    if (!res.ok || !body.id)
      throw new ClinigraphError(`upload failed: ${body.errors?.[0]?.message ?? res.status}`, "UPLOAD_FAILED");
    return { id: body.id, sha256: body.sha256! };
  }
}
