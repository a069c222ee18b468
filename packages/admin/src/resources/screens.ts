import { lazy, type ComponentType } from "react";
import { apiKeys } from "../apiKeys";
import { auditEvents } from "../audit";
import { cases } from "../cases";
import { claims } from "../claims";
import { orders } from "../orders";
import { organizations } from "../organizations";
import { patients } from "../patients";
import { policies } from "../policies";
import { visits } from "../visits";
import { documents, serviceCodes, users, workCalendars } from "../reference";

type View = ComponentType | React.LazyExoticComponent<ComponentType>;

export interface Views {
  list: View;
  show?: View;
  edit?: View;
  create?: View;
}

// Each view is its own chunk: a user who only reads lists never downloads the form code.
const GenericList = lazy(() => import("../views/GenericList"));
const GenericShow = lazy(() => import("../views/GenericShow"));
const GenericEdit = lazy(() => import("../views/GenericEdit"));
const GenericCreate = lazy(() => import("../views/GenericCreate"));

/** Hand-written workflow views; every other resource is served by the generic ones. */
const OVERRIDES: Record<string, Partial<Views>> = {
  orders,
  visits,
  claims,
  apiKeys,
  auditEvents,
  organizations,
  cases,
  patients,
  policies,
  documents,
  users,
  workCalendars,
  serviceCodes,
};

export function viewsFor(resource: { name: string; oneQuery: string | null; create: unknown; update: unknown }): Views {
  const generic: Views = {
    list: GenericList,
    show: resource.oneQuery ? GenericShow : undefined,
    edit: resource.update && resource.oneQuery ? GenericEdit : undefined,
    create: resource.create ? GenericCreate : undefined,
  };
  return { ...generic, ...OVERRIDES[resource.name] };
}
