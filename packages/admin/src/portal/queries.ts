/** GraphQL text of the partner portal's screens. */
import { PROVIDER_TRAYS, PROVIDER_TRAY_NAMES } from "./access";

const trayCount = (tray: string) =>
  `${tray}: orders(first: 1, filter: { status: [${PROVIDER_TRAYS[tray as keyof typeof PROVIDER_TRAYS].join(", ")}] }) { totalCount }`;

export const PROVIDER_TRAY_COUNTS = `query PortalTrayCounts { ${PROVIDER_TRAY_NAMES.map(trayCount).join(" ")} }`;

export const PROVIDER_TRAY_ORDERS = `query PortalTray($filter: OrderFilter, $orderBy: OrderOrder) {
  orders(first: 100, filter: $filter, orderBy: $orderBy) {
    totalCount
    nodes { id number specialty status confirmBy dueAt overdue case { id number } rejection { label } }
  }
}`;

export interface TrayOrder {
  id: string;
  number: string;
  specialty: string;
  status: string;
  confirmBy: string;
  dueAt: string;
  overdue: boolean;
  case: { id: string; number: string } | null;
  rejection: { label: string } | null;
}

export const PORTAL_ORDER = `query PortalOrder($id: ID!) {
  order(id: $id) {
    id number version specialty kind status confirmBy dueAt overdue requestedCodes availableTransitions readyTransitions
    case { id number scanKey }
    rejection { code label text at }
    reports {
      id kind createdAt serviceCode form templateSpecialty templateVersion submittedByKind
      file { id fileName contentType size downloadPath }
    }
    history { id event fromStatus toStatus reason reasonCode reference actorKind actorName createdAt }
  }
}`;

export const TRANSITION_ORDER = `mutation PortalTransition($input: TransitionOrderInput!) {
  transitionOrder(input: $input) { order { id version status } userErrors { code field message } }
}`;

export const ATTACH_REPORT = `mutation PortalAttach($input: AttachOrderReportInput!) {
  attachOrderReport(input: $input) { order { id version } userErrors { code field message } }
}`;

export const ACTIVE_TEMPLATE = `query PortalTemplate($specialty: String) {
  formTemplates(specialty: $specialty) { id specialty templateVersion title schema }
}`;
