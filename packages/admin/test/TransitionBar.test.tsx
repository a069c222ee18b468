// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { buildSchema } from "graphql";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AdminContext, Notification, RecordContextProvider, ResourceContextProvider, type RaRecord } from "react-admin";
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeSchema } from "../scripts/lib/introspect.mjs";
import { createDataProvider, type TransitionParams } from "../src/data/dataProvider";
import type { Request } from "../src/data/graphqlClient";
import { createLocaleState } from "../src/i18n/i18nProvider";
import { TransitionBar } from "../src/transitions/TransitionBar";
import { UnsavedEditsProvider, useUnsavedEdits } from "../src/transitions/unsavedEdits";

const meta = describeSchema(buildSchema(readFileSync(join(import.meta.dirname, "fixture.graphql"), "utf8")));
const orders = meta.resources.find((r) => r.name === "orders")!;

/** A panel of the page with an edit not yet saved, as the claim's line amounts report one. */
function UnsavedPanel({ hint }: { hint: string | null }) {
  const { setHint } = useUnsavedEdits();
  return (
    <button type="button" data-testid="toggle-unsaved" onClick={() => setHint(hint)}>
      toggle
    </button>
  );
}

function setup(
  record: RaRecord,
  answer: (params: TransitionParams) => Promise<RaRecord> = async () => record,
  unsavedHint: string | null = null,
) {
  const request: Request = async () => ({}) as never;
  const dataProvider = { ...createDataProvider(meta, request), getOne: async () => ({ data: record }) } as ReturnType<
    typeof createDataProvider
  >;
  const transition = vi.fn(async (_resource: string, params: TransitionParams) => ({ data: await answer(params) }));
  dataProvider.transition = transition;
  render(
    <AdminContext dataProvider={dataProvider} i18nProvider={createLocaleState().i18nProvider}>
      <ResourceContextProvider value="orders">
        <RecordContextProvider value={record}>
          <UnsavedEditsProvider>
            <TransitionBar meta={orders} />
            <UnsavedPanel hint={unsavedHint} />
          </UnsavedEditsProvider>
          <Notification />
        </RecordContextProvider>
      </ResourceContextProvider>
    </AdminContext>,
  );
  return { transition };
}

const order = (availableTransitions: string[]): RaRecord => ({
  id: "o1",
  number: "ORD-7",
  version: 5,
  status: "IN_VERIFICATION",
  availableTransitions,
});

afterEach(cleanup);

describe("TransitionBar", () => {
  it("shows one button per available event, in the schema order, and none for other events", async () => {
    setup(order(["VOID", "REJECT", "APPROVE"]));
    const bar = await screen.findByTestId("transition-bar");
    expect(
      within(bar)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Approve", "Reject", "Void"]);
  });

  it("holds every event, saying why, while a panel of the page has unsaved edits", async () => {
    const { transition } = setup(order(["APPROVE", "REJECT"]), undefined, "clinigraph.claims.unsaved_lines");
    fireEvent.click(screen.getByTestId("toggle-unsaved"));
    const approve = await screen.findByRole("button", { name: "Approve" });
    await waitFor(() => expect((approve as HTMLButtonElement).disabled).toBe(true));
    expect(((await screen.findByRole("button", { name: "Reject" })) as HTMLButtonElement).disabled).toBe(true);
    expect((await screen.findByTestId("transitions-held")).textContent).toContain("Save or discard");
    fireEvent.click(approve);
    expect(transition).not.toHaveBeenCalled();
  });

  it("leaves out the events whose own mutation carries their data (saveVisitFindings…)", async () => {
    const withDomain = { ...orders, transition: { ...orders.transition!, domainEvents: { APPROVE: "approveOrder" } } };
    const request: Request = async () => ({}) as never;
    const record = order(["APPROVE", "REJECT"]);
    render(
      <AdminContext
        dataProvider={
          { ...createDataProvider(meta, request), getOne: async () => ({ data: record }) } as ReturnType<
            typeof createDataProvider
          >
        }
        i18nProvider={createLocaleState().i18nProvider}
      >
        <ResourceContextProvider value="orders">
          <RecordContextProvider value={record}>
            <TransitionBar meta={withDomain} />
          </RecordContextProvider>
        </ResourceContextProvider>
      </AdminContext>,
    );
    await screen.findByRole("button", { name: "Reject" });
    expect(screen.queryByRole("button", { name: "Approve" })).toBeNull();
  });

  it("renders nothing when no event is available", async () => {
    setup(order([]));
    await waitFor(() => expect(screen.queryByTestId("transition-bar")).toBeNull());
  });

  it("runs an event without a dialog when it needs nothing, sending the record version", async () => {
    const { transition } = setup(order(["RESUME"]));
    fireEvent.click(await screen.findByRole("button", { name: "Resume" }));
    await waitFor(() => expect(transition).toHaveBeenCalledTimes(1));
    expect(transition.mock.calls[0][1]).toMatchObject({ id: "o1", event: "RESUME", previousData: { version: 5 } });
    expect(await screen.findByText("Done: Resume")).toBeTruthy();
  });

  it("asks before approving an order, which has no way back, and approves once confirmed", async () => {
    const { transition } = setup(order(["APPROVE"]));
    fireEvent.click(await screen.findByRole("button", { name: "Approve" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("This cannot be undone.");
    expect(transition).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole("button", { name: "Approve" }));
    await waitFor(() => expect(transition).toHaveBeenCalledTimes(1));
    expect(transition.mock.calls[0][1]).toMatchObject({ event: "APPROVE" });
  });

  it("asks for a reason code and a reason before rejecting", async () => {
    const { transition } = setup(order(["REJECT"]));
    fireEvent.click(await screen.findByRole("button", { name: "Reject" }));
    const dialog = await screen.findByRole("dialog");
    const confirm = within(dialog).getByRole("button", { name: "Reject" });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(within(dialog).getByTestId("transition-reason"), { target: { value: "Report is unreadable" } });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.mouseDown(within(dialog).getByRole("combobox"));
    fireEvent.click(await screen.findByRole("option", { name: "ILLEGIBLE" }));
    await waitFor(() => expect((confirm as HTMLButtonElement).disabled).toBe(false));

    fireEvent.click(confirm);
    await waitFor(() => expect(transition).toHaveBeenCalledTimes(1));
    expect(transition.mock.calls[0][1]).toMatchObject({
      event: "REJECT",
      reason: "Report is unreadable",
      reasonCode: "ILLEGIBLE",
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("confirms before voiding and keeps the dialog open with an error notification when the API refuses", async () => {
    const { transition } = setup(order(["VOID"]), async () => {
      throw new Error("Order was changed by someone else");
    });
    fireEvent.click(await screen.findByRole("button", { name: "Void" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("This cannot be undone.")).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId("transition-reason"), { target: { value: "Duplicate" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Void" }));
    await waitFor(() => expect(transition).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("Order was changed by someone else")).toBeTruthy();
    expect(screen.getByRole("dialog")).toBeTruthy();
  });

  it("disables every button while a transition runs", async () => {
    let finish: () => void = () => undefined;
    const record = order(["RESUME", "SUSPEND"]);
    setup(record, () => new Promise((resolve) => (finish = () => resolve(record))));
    fireEvent.click(await screen.findByRole("button", { name: "Resume" }));
    await waitFor(() =>
      expect((screen.getByRole("button", { name: "Suspend" }) as HTMLButtonElement).disabled).toBe(true),
    );
    finish();
    await waitFor(() =>
      expect((screen.getByRole("button", { name: "Suspend" }) as HTMLButtonElement).disabled).toBe(false),
    );
  });
});
