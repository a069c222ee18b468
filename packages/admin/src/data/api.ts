import { tokenStore } from "../auth/tokenStore";
import { API_URL } from "../config";
import { RESOURCE_META } from "../resources/registry";
import { createDataProvider } from "./dataProvider";
import { createGraphQLClient } from "./graphqlClient";

/** The one GraphQL client of the app; workflow screens send their own queries through it. */
export const client = createGraphQLClient(API_URL);
export const request = client.request;
export const dataProvider = createDataProvider(RESOURCE_META, client.request);

/**
 * GET of a REST route (/files/:id, /exports/…) with the bearer token, retried
 * once after a token refresh, as the GraphQL client does.
 */
export async function authorizedFetch(path: string): Promise<Response> {
  const get = () => fetch(path, { headers: { authorization: `Bearer ${tokenStore.accessToken() ?? ""}` } });
  let response = await get();
  if (response.status === 401 && (await client.refresh())) response = await get();
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return response;
}

/** Saves a blob under a file name through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** POST /files with the bearer token (retried once after a refresh); the stored file's id. */
export async function authorizedUpload(file: File): Promise<{ id: string; fileName: string }> {
  const post = () => {
    const body = new FormData();
    body.append("file", file, file.name);
    return fetch("/files", {
      method: "POST",
      body,
      headers: { authorization: `Bearer ${tokenStore.accessToken() ?? ""}` },
    });
  };
  let response = await post();
  if (response.status === 401 && (await client.refresh())) response = await post();
  const body = (await response.json().catch(() => null)) as {
    id: string;
    fileName: string;
    errors?: { message: string }[];
  } | null;
  if (!response.ok || !body) throw new Error(body?.errors?.[0]?.message ?? `${response.status} ${response.statusText}`);
  return body;
}
