import { describe, expect, inject, it } from "vitest";
import { browserSession, gql, staffToken } from "./support";

const consoleUrl = inject("consoleUrl");
const apiUrl = inject("apiUrl");

const session = browserSession();

// A 1×1 PNG: the visitor's photo of the ward's notice board.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

interface Doc {
  id: string;
  fileName: string;
  documentType: { code: string };
}

describe("supporting documents in the console against the real API", () => {
  it("the reviewer sees every document of a claim under review, with its checklist, and opens each one", async () => {
    const token = await staffToken(apiUrl, "reviewer");
    const { claims } = await gql<{ claims: { nodes: { id: string; documents: Doc[] }[] } }>(
      apiUrl,
      token,
      `{ claims(first: 20, filter: { status: [IN_REVIEW] }) { nodes { id documents { id fileName documentType { code } } } } }`,
    );
    const claim = claims.nodes.find((c) => c.documents.length >= 2);
    expect(claim, "the demo seed files the documents of every submitted claim").toBeDefined();

    const page = await session.signedIn("reviewer");
    await page.goto(`${consoleUrl}/#/claims/${claim!.id}/show`);
    const panel = page.getByTestId("claim-documents");
    await panel.waitFor();
    // the kind's checklist: everything required is there (the claim was submitted)
    const chips = panel.getByTestId("document-checklist").locator("[data-present]");
    await expect.poll(() => chips.count()).toBeGreaterThan(0);
    expect(await panel.locator('[data-present="false"]').count()).toBe(0);
    for (const doc of claim!.documents) {
      const row = page.getByTestId(`document-${doc.id}`);
      await row.waitFor();
      // opened: the PDF fetched through /documents/:id/file and previewed inline
      await row.locator(`iframe[title="${doc.fileName}"], img[alt="${doc.fileName}"]`).waitFor();
    }
    // every opening is in the audit trail as the reviewer's download
    const admin = await staffToken(apiUrl, "admin");
    await expect
      .poll(async () => {
        const { auditEvents } = await gql<{ auditEvents: { nodes: { entityId: string }[] } }>(
          apiUrl,
          admin,
          `{ auditEvents(first: 100, filter: { action: "document.download" }) { nodes { entityId } } }`,
        );
        return claim!.documents.every((d) => auditEvents.nodes.some((n) => n.entityId === d.id));
      })
      .toBe(true);
    await page.context().close();
  });

  it("the visitor attaches a photo to a visit assigned to them and sees it among the visit's materials", async () => {
    const token = await staffToken(apiUrl, "visitor");
    const { visits } = await gql<{ visits: { nodes: { id: string; caseId: string | null }[] } }>(
      apiUrl,
      token,
      `{ visits(first: 20, filter: { status: [SCHEDULED, IN_PROGRESS] }) { nodes { id caseId } } }`,
    );
    const visit = visits.nodes.find((v) => v.caseId);
    expect(visit, "the demo visitor has open field visits").toBeDefined();

    const page = await session.signedIn("visitor");
    await page.goto(`${consoleUrl}/#/visits/${visit!.id}/show`);
    const control = page.getByTestId("attach-document");
    await control.waitFor();
    await page
      .getByTestId("attach-document-file")
      .setInputFiles({ name: "ward-board.png", mimeType: "image/png", buffer: PNG });
    await page.getByTestId("attach-document-submit").click();
    // the photo comes back as a document of the visit, previewed through its own door
    await page.getByTestId("visit-documents").locator('img[alt="ward-board.png"]').waitFor();

    const { visit: after } = await gql<{
      visit: { documents: (Doc & { scanKey: string })[]; case: { scanKey: string } };
    }>(
      apiUrl,
      token,
      `query($id: ID!) { visit(id: $id) { case { scanKey } documents { id fileName scanKey documentType { code } } } }`,
      { id: visit!.id },
    );
    const photo = after.documents.find((d) => d.fileName === "ward-board.png");
    expect(photo).toMatchObject({ documentType: { code: "PHOTO" }, scanKey: after.case.scanKey });
    await page.context().close();
  });
});
