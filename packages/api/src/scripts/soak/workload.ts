import { randomUUID } from "node:crypto";
import type pg from "pg";
import { sleep } from "./services.js";

const LAB_KEY = "ck_DEMOLAB1_demo-lab-key-not-for-production-0001";
const AGENCY_KEY = "ck_DEMOAGY1_demo-agency-key-not-for-production-0001";
const OPERATOR = { email: "operator@clinigraph.demo", password: "demo-operator-2026" };

const ISSUE = `mutation($i: IssueOrderInput!) { issueOrder(input: $i) { order { id status version } userErrors { code } } }`;
const TRANSITION = `mutation($i: TransitionOrderInput!) { transitionOrder(input: $i) { order { id status version } userErrors { code } } }`;
const CLAIM = `mutation($i: RegisterClaimInput!) { registerClaim(input: $i) { claim { id status } userErrors { code } } }`;
const APPOINT = `mutation($i: ScheduleAppointmentInput!) { scheduleAppointment(input: $i) { visit { id status version } userErrors { code } } }`;
const LIST = `query { orders(first: 20) { edges { node { id status version } } } }`;

/** A fixed-offset zone where it is 14:00 now (Etc/GMT signs are inverted). */
function afternoonZone(now = new Date()): string {
  const offset = ((14 - now.getUTCHours() + 36) % 24) - 12;
  return offset === 0 ? "UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

export type CreateOp = "issueOrder" | "registerClaim" | "scheduleAppointment";
export interface AckedCreate {
  op: CreateOp;
  key: string;
  id: string;
}
export interface AckedTransition {
  orderId: string;
  event: string;
  to: string;
  version: number;
}

/** What one GraphQL call came to; `kind` names the error class for the report. */
interface Outcome {
  ok: boolean;
  kind: string;
  payload?: Record<string, unknown> & { userErrors?: { code: string }[] };
}

export class Workload {
  served = 0;
  ok = 0;
  readonly errors = new Map<string, number>();
  readonly creates: AckedCreate[] = [];
  /** Keys sent at least once: an unacknowledged one may still have been written. */
  readonly attemptedKeys = new Set<string>();
  readonly transitions: AckedTransition[] = [];
  lastOkAt = 0;
  private readonly orders = new Map<string, { status: string; version: number }>();
  private readonly busy = new Set<string>();
  private operatorToken = "";
  private setup!: {
    order: { case_id: string; provider_id: string; kind: string; specialty: string; requested_codes: string[] };
    claim: { liability_id: string; case_id: string; kind: string; policy_id: string };
    patients: string[];
  };
  private running = false;
  private inflight = new Set<Promise<void>>();

  constructor(
    private readonly apiUrl: () => string,
    private readonly db: pg.Pool,
  ) {}

  async prepare(): Promise<void> {
    const order = (
      await this.db.query(
        `select o.case_id, o.provider_id, o.kind, o.specialty, o.requested_codes from attention_order o
           join api_key k on k.organization_id = o.provider_id join medical_case c on c.id = o.case_id
          where k.prefix = 'DEMOLAB1' and c.status = 'OPEN' order by o.created_at limit 1`,
      )
    ).rows[0];
    const claim = (
      await this.db.query(
        `select c.liability_id, c.case_id, c.kind, c.policy_id from claim c
           join api_key k on k.organization_id = c.registered_by_id where k.prefix = 'DEMOAGY1' limit 1`,
      )
    ).rows[0];
    // Reminders must actually go out during the run: patients who consented to SMS, and a
    // site whose local time is mid-afternoon, outside the quiet hours that defer sends.
    await this.db.query(`update organization set time_zone = $1 where id = $2`, [afternoonZone(), order.provider_id]);
    const patients = (
      await this.db.query(`select id from patient where phone is not null and sms_consent limit 20`)
    ).rows.map((r: { id: string }) => r.id);
    if (!order || !claim || patients.length === 0) throw new Error("the seed lacks the rows the workload builds on");
    this.setup = { order, claim, patients };
    const login = await this.call(
      `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`,
      { i: OPERATOR },
      null,
      "login",
    );
    this.operatorToken = String((login.payload as { accessToken?: string } | undefined)?.accessToken ?? "");
    if (!this.operatorToken) throw new Error("operator login failed");
  }

  /** Fires one request every 1000/rate ms until stop(); requests overlap freely. */
  start(rate: number): void {
    this.running = true;
    let tick = 0;
    const loop = async () => {
      const interval = 1000 / rate;
      const t0 = Date.now();
      while (this.running) {
        const p = this.one(tick++).catch(() => undefined);
        this.inflight.add(p);
        void p.finally(() => this.inflight.delete(p));
        const next = t0 + tick * interval;
        await sleep(Math.max(0, next - Date.now()));
      }
    };
    void loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all([...this.inflight]);
  }

  private one(tick: number): Promise<void> {
    switch (tick % 10) {
      case 0:
      case 5:
        return this.issueOrder();
      case 1:
      case 6:
        return this.transitionOne();
      case 3:
        return this.registerClaim();
      case 8:
        return this.scheduleAppointment();
      case 9:
        return this.call(LIST, {}, this.operatorToken, "orders").then(() => undefined);
      default:
        return this.call(LIST, {}, LAB_KEY, "orders").then(() => undefined);
    }
  }

  /**
   * A create is retried with the same idempotency key, as a client would after a network
   * error or a 5xx: the server must answer with the first write, never a second row.
   */
  private async create(op: CreateOp, query: string, input: Record<string, unknown>, token: string, field: string) {
    const key = `soak-${op}-${randomUUID()}`;
    this.attemptedKeys.add(key);
    for (let attempt = 0; attempt < 6 && this.running; attempt++) {
      const res = await this.call(query, { i: { ...input, idempotencyKey: key } }, token, op);
      const obj = res.payload?.[field] as { id: string; status: string; version?: number } | undefined;
      if (res.ok && obj) {
        this.creates.push({ op, key, id: obj.id });
        return obj;
      }
      if (res.payload) return null; // a userError: the caller's fault, not retried
      await sleep(1000);
    }
    return null;
  }

  private async issueOrder(): Promise<void> {
    const o = this.setup.order;
    const order = await this.create(
      "issueOrder",
      ISSUE,
      {
        caseId: o.case_id,
        providerId: o.provider_id,
        kind: o.kind,
        specialty: o.specialty,
        serviceCodes: o.requested_codes,
      },
      this.operatorToken,
      "order",
    );
    if (order) this.orders.set(order.id, { status: order.status, version: order.version ?? 1 });
  }

  private async transitionOne(): Promise<void> {
    const entry = [...this.orders].find(([id, o]) => !this.busy.has(id) && ["ISSUED", "CONFIRMED"].includes(o.status));
    if (!entry) return this.call(LIST, {}, LAB_KEY, "orders").then(() => undefined);
    const [id, o] = entry;
    const event = o.status === "ISSUED" ? "CONFIRM" : "START_EVALUATION";
    this.busy.add(id);
    try {
      const res = await this.call(
        TRANSITION,
        { i: { id, event, expectedVersion: o.version } },
        LAB_KEY,
        "transitionOrder",
      );
      const order = res.payload?.order as { status: string; version: number } | undefined;
      if (res.ok && order) {
        this.transitions.push({ orderId: id, event, to: order.status, version: order.version });
        this.orders.set(id, { status: order.status, version: order.version });
      } else this.orders.delete(id); // outcome unknown or refused: leave this order alone
    } finally {
      this.busy.delete(id);
    }
  }

  private async registerClaim(): Promise<void> {
    const c = this.setup.claim;
    await this.create(
      "registerClaim",
      CLAIM,
      { liabilityId: c.liability_id, caseId: c.case_id, policyId: c.policy_id, kind: c.kind },
      AGENCY_KEY,
      "claim",
    );
  }

  private async scheduleAppointment(): Promise<void> {
    const p = this.setup.patients[Math.floor(Math.random() * this.setup.patients.length)]!;
    // Just over 24 h ahead: the reminder (due 24 h before) falls due seconds from now.
    const scheduledAt = new Date(Date.now() + 24 * 3600_000 + 5_000).toISOString();
    await this.create(
      "scheduleAppointment",
      APPOINT,
      { patientId: p, providerId: this.setup.order.provider_id, scheduledAt },
      this.operatorToken,
      "visit",
    );
  }

  private count(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }

  private async call(
    query: string,
    variables: Record<string, unknown>,
    token: string | null,
    field: string,
  ): Promise<Outcome> {
    this.served++;
    let res: Response;
    try {
      res = await fetch(`${this.apiUrl()}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      this.count(`network:${cause}`);
      return { ok: false, kind: "network" };
    }
    let body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      this.count(`http:${res.status}`);
      return { ok: false, kind: "http" };
    }
    if (body.errors?.length || !body.data) {
      const code = body.errors?.[0]?.extensions?.code ?? "NONE";
      this.count(`graphql:${res.status}:${code}`);
      return { ok: false, kind: "graphql" };
    }
    const payload = body.data[field] as Outcome["payload"];
    const userErrors = payload?.userErrors ?? [];
    if (userErrors.length > 0) {
      this.count(`userError:${userErrors[0]!.code}`);
      return { ok: false, kind: "userError", payload };
    }
    this.ok++;
    this.lastOkAt = Date.now();
    return { ok: true, kind: "ok", payload: payload ?? {} };
  }
}
