import { tokenStore } from "../auth/tokenStore";
import { client } from "../data/api";

/**
 * POST /files with the bearer token (retried once after a token refresh, as the GraphQL
 * client does); returns the stored file's id. The API checks size and type and answers
 * a JSON error, whose message is thrown.
 */
export async function uploadFile(file: File): Promise<string> {
  const send = () => {
    const form = new FormData();
    form.append("file", file, file.name);
    return fetch("/files", {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${tokenStore.accessToken() ?? ""}` },
    });
  };
  let response = await send();
  if (response.status === 401 && (await client.refresh())) response = await send();
  const body = (await response.json()) as { id?: string; errors?: { message: string }[] };
  if (!response.ok || !body.id) throw new Error(body.errors?.[0]?.message ?? `${response.status}`);
  return body.id;
}
