// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { AdminContext, RecordContextProvider } from "react-admin";
import { afterEach, describe, expect, it } from "vitest";
import { ObjectField } from "../src/fields/ObjectField";
import { createLocaleState } from "../src/i18n/i18nProvider";
import type { FieldMeta } from "../src/resources/types";

afterEach(cleanup);

const statusChange: FieldMeta = {
  name: "lastStatusChange",
  kind: "object",
  list: false,
  required: false,
  fields: [
    { name: "actorId", kind: "string", list: false, required: false },
    { name: "actorKind", kind: "string", list: false, required: true },
    { name: "createdAt", kind: "datetime", list: false, required: true },
    { name: "entityType", kind: "string", list: false, required: true },
    { name: "event", kind: "string", list: false, required: true },
    { name: "toStatus", kind: "string", list: false, required: true },
    { name: "updatedAt", kind: "datetime", list: false, required: true },
    { name: "version", kind: "int", list: false, required: true },
  ],
} as FieldMeta;

describe("a nested record shown as one line", () => {
  it("shows what the status change says, without ids or the row's bookkeeping", () => {
    const record = {
      id: "o1",
      lastStatusChange: {
        actorId: "k1",
        actorKind: "PARTNER",
        createdAt: "2026-11-15T03:00:00.000Z",
        entityType: "Order",
        event: "SUBMIT_FOR_REVIEW",
        toStatus: "IN_VERIFICATION",
        updatedAt: "2026-11-26T08:12:00.000Z",
        version: 1,
      },
    };
    render(
      <AdminContext i18nProvider={createLocaleState().i18nProvider}>
        <RecordContextProvider value={record}>
          <ObjectField source="lastStatusChange" meta={statusChange} />
        </RecordContextProvider>
      </AdminContext>,
    );
    const text = screen.getByText(/SUBMIT_FOR_REVIEW/).textContent ?? "";
    expect(text).toContain("PARTNER");
    expect(text).toContain("IN_VERIFICATION");
    expect(text).toMatch(/15/);
    expect(text).not.toContain("08:12");
    expect(text).not.toContain("Order");
    expect(text).not.toContain("k1");
    expect(text.split(" · ")).toHaveLength(4);
  });
});
