import type { UserError } from "../data/graphqlClient";
import { userErrorsToHttpError } from "../data/userErrors";
import type { Request } from "../data/graphqlClient";

const ASSIGN = `mutation Assign($input: AssignVisitInput!) {
  assignVisit(input: $input) { visits { id status version } userErrors { code field message } }
}`;

export interface AssignRequest {
  visitIds: string[];
  expectedVersions: number[];
  visitorId: string;
  notifySms: boolean;
}

/** All-or-nothing assignment of pending visits; userErrors become one HttpError. */
export async function assignVisits(request: Request, input: AssignRequest) {
  const data = await request<{ assignVisit: { visits: { id: string }[] | null; userErrors: UserError[] } }>(ASSIGN, {
    input,
  });
  if (data.assignVisit.userErrors.length) throw userErrorsToHttpError(data.assignVisit.userErrors);
  return data.assignVisit.visits ?? [];
}
