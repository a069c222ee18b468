import type { Hooks } from "../../platform/composition/hooks.js";
import { SortDirection } from "../../platform/graphql/connection.js";
import { READ_ROOTS, READ_TYPES } from "../../platform/read-compiler/definition.js";
import { WorkCalendarSortField, type WorkCalendarFilter } from "./work-calendar.inputs.js";
import { workCalendarWhere } from "./work-calendar.resolver.js";

/**
 * WorkCalendar on the compiled read path (platform/read-compiler), with its roots
 * `workCalendar(id)` and `workCalendars`. Left to the resolvers: holidays (computed in
 * TypeScript by date-holidays for the year asked).
 */
export function registerWorkCalendarReads(hooks: Hooks): void {
  hooks.add(READ_TYPES, {
    type: "WorkCalendar",
    entity: "WorkCalendar",
    columns: [
      "id",
      "name",
      "country",
      "region",
      "weekendDays",
      "closures",
      "openDays",
      "timeZone",
      "version",
      "createdAt",
      "updatedAt",
    ],
  });
  hooks.add(READ_ROOTS, { field: "workCalendar", kind: "byId", type: "WorkCalendar", arg: "id" });
  hooks.add(READ_ROOTS, {
    field: "workCalendars",
    kind: "connection",
    type: "WorkCalendar",
    // The resolver's own where-builder and defaults (WorkCalendarResolver.workCalendars).
    where: (_em, args) => {
      const filter = (args.filter ?? null) as WorkCalendarFilter | null;
      return Promise.resolve(() => workCalendarWhere(filter) as never);
    },
    sort: (args) => {
      const orderBy = args.orderBy as { field?: WorkCalendarSortField; direction?: SortDirection } | null;
      return {
        field: orderBy?.field ?? WorkCalendarSortField.NAME,
        direction: orderBy?.direction ?? SortDirection.ASC,
      };
    },
  });
}
