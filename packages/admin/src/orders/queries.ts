/** GraphQL text of the order screens; the generated selection covers the rest. */
export const TRAY_COUNTS = `query TrayCounts($filter: OrderFilter) {
  orderTrayCounts(filter: $filter) { inProcess worked toManage closed }
}`;

export const ORDER_DETAIL = `query OrderDetail($id: ID!) {
  order(id: $id) {
    id specialty
    reports {
      id kind createdAt acknowledgedAt serviceCode form templateSpecialty templateVersion submittedByKind
      file { id fileName contentType size downloadPath }
    }
    history { id event fromStatus toStatus reason reasonCode reference actorKind actorName createdAt }
  }
}`;

export const FORM_TEMPLATES = `query Templates($specialty: String) {
  formTemplates(specialty: $specialty, all: true) { id specialty templateVersion title schema }
}`;

export interface TrayCounts {
  inProcess: number;
  worked: number;
  toManage: number;
  closed: number;
}

export interface StoredFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  downloadPath: string;
}

export interface Report {
  id: string;
  kind: string;
  createdAt: string;
  /** the requested service the report answers, when the order has several */
  serviceCode?: string | null;
  form: Record<string, unknown> | null;
  templateSpecialty: string | null;
  templateVersion: number | null;
  submittedByKind: string | null;
  acknowledgedAt: string | null;
  file: StoredFile | null;
}

export interface StatusChange {
  id: string;
  event: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  reasonCode: string | null;
  reference: string | null;
  actorKind: string;
  /** the actor by name, as far as the reader may know it (StatusChange.actorName) */
  actorName: string | null;
  createdAt: string;
}

export interface OrderDetail {
  id: string;
  specialty: string;
  reports: Report[];
  history: StatusChange[];
}

export interface FormTemplate {
  id: string;
  specialty: string;
  templateVersion: number;
  title: string;
  schema: { properties?: Record<string, { type?: string; title?: string; format?: string }>; required?: string[] };
}

export const ACKNOWLEDGE_REPORTS = `mutation AcknowledgeOrderReports($input: AcknowledgeOrderReportsInput!) {
  acknowledgeOrderReports(input: $input) { order { id } userErrors { code field message } }
}`;
