export const CLAIM_LINES = `query ClaimLines($id: ID!) {
  claim(id: $id) {
    id version currency
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

export interface LineEdit {
  approvedAmount: string;
  reason: string;
}

const DECIMAL = /^\d+(\.\d{1,4})?$/;

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
