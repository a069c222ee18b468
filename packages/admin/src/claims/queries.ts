export const CLAIM_LINES = `query ClaimLines($id: ID!) {
  claim(id: $id) {
    id version currency gross deductibleApplied covered patientShare payable
    approvedTotals { gross deductibleApplied covered patientShare payable }
    lines { id position serviceCode description quantity unitPrice discount amount approvedAmount adjustmentReason }
  }
}`;

export const SET_APPROVED_AMOUNTS = `mutation SetApproved($input: SetApprovedAmountsInput!) {
  setApprovedAmounts(input: $input) { claim { id version } userErrors { code field message } }
}`;

export interface ClaimLine {
  id: string;
  position: number;
  serviceCode: string;
  description: string;
  quantity: number;
  unitPrice: string;
  discount: string;
  amount: string;
  approvedAmount: string | null;
  adjustmentReason: string | null;
}

const DECIMAL = /^\d+(\.\d{1,4})?$/;

/** The claim's totals as the API computed them; approvedTotals once approved. */
export interface ClaimTotalsData {
  currency: string;
  gross: string;
  deductibleApplied: string;
  covered: string;
  patientShare: string;
  payable: string;
  approvedTotals: Omit<ClaimTotalsData, "currency" | "approvedTotals"> | null;
}

/** Σ of decimal strings, exactly (no float); null when one is not a decimal. */
export function sumDecimals(values: string[]): string | null {
  let units = 0n;
  for (const raw of values) {
    const value = raw.trim();
    if (!DECIMAL.test(value)) return null;
    const [whole, fraction = ""] = value.split(".");
    units += BigInt(whole) * 10000n + BigInt(fraction.padEnd(4, "0"));
  }
  const whole = units / 10000n;
  const fraction = (units % 10000n).toString().padStart(4, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** Σ of the lines' approved amounts with the reviewer's unsaved edits in. */
export function editedGross(lines: ClaimLine[], edits: Record<string, LineEdit>): string | null {
  return sumDecimals(lines.map((line) => edits[line.id]?.approvedAmount ?? line.approvedAmount ?? line.amount));
}

export interface LineEdit {
  approvedAmount: string;
  reason: string;
}

/** Lines whose approved amount the reviewer changed, as ApprovedLineInput; null when one is invalid. */
export function changedLines(lines: ClaimLine[], edits: Record<string, LineEdit>) {
  const changed = lines.filter((line) => {
    const edit = edits[line.id];
    return edit && edit.approvedAmount !== (line.approvedAmount ?? line.amount);
  });
  const inputs = changed.map((line) => ({
    lineId: line.id,
    approvedAmount: edits[line.id].approvedAmount.trim(),
    reason: edits[line.id].reason.trim(),
  }));
  const valid = inputs.every((i) => DECIMAL.test(i.approvedAmount) && i.reason !== "");
  return valid ? inputs : null;
}

/** The lines as setClaimLines takes them back (ClaimLinesEdit). */
export const CLAIM_LINES_FOR_EDIT = `query ClaimLinesForEdit($id: ID!) {
  claim(id: $id) { id lines { id position serviceSystem serviceCode quantity unitPrice scheduleUnitPrice } }
}`;

export interface EditableLine {
  id: string;
  position: number;
  serviceSystem: string;
  serviceCode: string;
  quantity: number;
  unitPrice: string;
  scheduleUnitPrice: string | null;
}
