import type { Actor } from "~/domain/actor";
import { isHr } from "~/domain/actor";
import { parseBaht } from "~/domain/approvers";
import {
  POWER_KINDS,
  POWER_KIND_LABELS,
  formatOrderCode,
  formatOrderNumber,
  type PowerKind,
} from "~/domain/delegation";
import { mayDraftOrder, orderActions, orderStanding } from "~/domain/delegation-actions";
import { fullName } from "~/domain/personnel";
import { refusal } from "~/domain/refusal";
import { bangkokCalendarDate, bangkokMidnightUtc, toBuddhistYear } from "~/domain/thai-date";
import { toDateInputValue } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { listDivisionOptions } from "~/models/people/organization.server";
import { resolvePersonNumber } from "../people/search.server";
import { whoMayDecide } from "./approvers.server";
import {
  listOrders,
  myDraftCount,
  myDrafts,
  orderFormOptions,
  ordersToAcknowledge,
  ordersToSign,
  ordersWaitingCounts,
  powersHeldBy,
} from "./order-queries.server";
import { toOrderRow } from "./order-rows.server";
import { checkOrderAction, findOrder, hashMatches } from "./order-store.server";

// What each order page shows, read once, with the viewer's permitted actions from `orderActions`
// (app/domain/delegation-actions.ts): the same rules the commands enforce.

type Viewer = Actor;

export const ORDER_VIEWS = ["inbox", "mine", "all"] as const;
export type OrderView = (typeof ORDER_VIEWS)[number];

/** /orders: the to-do list (to sign, to acknowledge), one's own drafts, or every order with filters. */
export async function ordersPage(viewer: Viewer, query: URLSearchParams, now = new Date()) {
  const asked = query.get("view") === "sign" ? "inbox" : (query.get("view") ?? "");
  const view: OrderView = (ORDER_VIEWS as readonly string[]).includes(asked) ? (asked as OrderView) : "all";
  const division = Number(query.get("division"));
  const filters = {
    divisionId: Number.isInteger(division) && division > 0 ? division : undefined,
    status: query.get("status") || undefined,
    year: Number(query.get("year")) || undefined,
    delegate: (await resolvePersonNumber(query.get("delegate") ?? "")) || undefined,
    q: query.get("q")?.trim() || undefined,
  };
  // The lists only for the tab shown; the other tabs show counts.
  const [toSign, toAck, drafts, waiting, draftCount] = await Promise.all([
    view === "inbox" ? ordersToSign(viewer.personId) : [],
    view === "inbox" ? ordersToAcknowledge(viewer.personId, now) : [],
    view === "mine" ? myDrafts(viewer.personId) : [],
    view === "inbox" ? null : ordersWaitingCounts(viewer.personId, now),
    view === "mine" ? null : myDraftCount(viewer.personId),
  ]);
  const row = (o: Parameters<typeof toOrderRow>[0]) => toOrderRow(o, now);
  return {
    view,
    filters: {
      division: filters.divisionId ?? "",
      status: filters.status ?? "",
      year: filters.year ?? "",
      delegate: filters.delegate ?? "",
      q: filters.q ?? "",
    },
    counts: {
      inbox: waiting ? waiting.toSign + waiting.toAcknowledge : toSign.length + toAck.length,
      mine: draftCount ?? drafts.length,
    },
    mayDraft: mayDraftOrder(viewer),
    divisions: view === "all" ? (await listDivisionOptions()).filter((d) => d.depth === 0) : [],
    thisYear: toBuddhistYear(bangkokCalendarDate(now).year),
    toSign: toSign.map(row),
    toAcknowledge: toAck.map(row),
    rows:
      view === "mine"
        ? drafts.map(row)
        : view === "all"
          ? (await listOrders(filters, { personId: viewer.personId, mayReadDrafts: isHr(viewer) }, now)).map(row)
          : [],
  };
}

/** The new-order form: managers and HR only. */
export async function newOrderPage(viewer: Viewer, myEmployeeNumber: string) {
  if (!mayDraftOrder(viewer)) throw refusal(403, "เฉพาะผู้บังคับบัญชาและกองการเจ้าหน้าที่เท่านั้นที่ร่างคำสั่งได้");
  return { ...(await orderFormOptions()), me: viewer.roles.includes("manager") ? myEmployeeNumber : "" };
}

/** One order: its content, the seal check, the viewer's buttons and (for those involved or HR) who has acknowledged. */
export async function orderPage(orderId: number, viewer: Viewer, now = new Date()) {
  const order = await findOrder(db, orderId);
  checkOrderAction("view", order, viewer, undefined, now);
  const acknowledgements = await db.delegationAcknowledgement.findMany({
    where: { orderId: order.id },
    include: { person: { include: { division: true } } },
    orderBy: [{ named: "desc" }, { acknowledgedAt: "asc" }],
  });
  const mine = acknowledgements.find((a) => a.personId === viewer.personId);
  // The author and the delegator are never asked to acknowledge their own order (decision 044).
  const recipients = acknowledgements.filter((a) => a.personId !== order.authorId && a.personId !== order.delegatorId);
  const seeAcknowledgements =
    isHr(viewer) || order.authorId === viewer.personId || order.delegatorId === viewer.personId;
  return {
    order: {
      id: order.id,
      label: formatOrderNumber(order.number, order.year),
      title: order.title,
      body: order.body,
      status: orderStanding(order, now),
      division: order.issuingDivision.name,
      delegator: `${fullName(order.delegator)} · ${order.delegator.position}`,
      author: fullName(order.author),
      effectiveFrom: order.effectiveFrom.toISOString(),
      effectiveUntil: order.effectiveUntil?.toISOString() ?? null,
      signedAt: order.signedAt?.toISOString() ?? null,
      signer: order.signerName ? `${order.signerName} · ${order.signerPosition}` : null,
      circulatedAt: order.circulatedAt?.toISOString() ?? null,
      endedAt: order.endedAt?.toISOString() ?? null,
      endReason: order.endReason,
      supersedes: order.supersedes
        ? { id: order.supersedes.id, label: formatOrderNumber(order.supersedes.number, order.supersedes.year) }
        : null,
      verifyCode: order.verifyCode ? formatOrderCode(order.verifyCode) : null,
      contentHash: order.contentHash,
      version: order.updatedAt.toISOString(),
      hashMatches: hashMatches(order),
      delegates: order.delegates.map((d) =>
        d.person
          ? `${fullName(d.person)} (${d.person.employeeNumber}) · ${d.person.position}`
          : `ผู้ดำรงตำแหน่ง${d.positionTitle}`,
      ),
      powers: order.powers.map((p) => ({
        kind: POWER_KIND_LABELS[p.kind as PowerKind] ?? p.kind,
        description: p.description,
        legalBasis: p.legalBasis,
        limits: p.limits,
        ceilingBaht: p.ceilingBaht,
      })),
      recipientDivisions: order.recipientDivisions.map((r) => r.division.name),
    },
    can: orderActions(order, viewer, mine, now),
    myAcknowledgement: mine?.acknowledgedAt?.toISOString() ?? null,
    acknowledgements: seeAcknowledgements
      ? recipients.map((a) => ({
          id: a.id,
          name: fullName(a.person),
          employeeNumber: a.person.employeeNumber,
          division: a.person.division.name,
          named: a.named,
          acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
        }))
      : null,
  };
}

/** The edit form of a draft the viewer wrote (403/409 otherwise, from the same rules as `updateDraft`). */
export async function orderEditPage(orderId: number, viewer: Viewer) {
  const order = await findOrder(db, orderId);
  checkOrderAction("edit", order, viewer);
  const named = await db.delegationAcknowledgement.findMany({
    where: { orderId: order.id, named: true },
    include: { person: true },
  });
  return {
    id: order.id,
    values: {
      title: order.title,
      issuingDivisionId: String(order.issuingDivisionId),
      delegatorEmployeeNumber: order.delegator.employeeNumber,
      effectiveFrom: toDateInputValue(order.effectiveFrom),
      effectiveUntil: toDateInputValue(order.effectiveUntil),
      body: order.body,
      delegates: order.delegates.map((d) => ({
        employeeNumber: d.person?.employeeNumber ?? "",
        positionTitle: d.positionTitle ?? "",
      })),
      powers: order.powers.map((p) => ({
        kind: p.kind,
        description: p.description,
        legalBasis: p.legalBasis,
        limits: p.limits ?? "",
        ceilingBaht: p.ceilingBaht == null ? "" : String(p.ceilingBaht),
      })),
      recipientDivisionIds: order.recipientDivisions.map((r) => String(r.divisionId)),
      recipientEmployeeNumbers: named.map((a) => a.person.employeeNumber).join(", "),
      supersedesId: order.supersedesId ? String(order.supersedesId) : "",
    },
    ...(await orderFormOptions()),
  };
}

const baht = (n: number) => `วงเงินไม่เกิน ${n.toLocaleString("th-TH")} บาท`;

/** The official print view of a signed order; the verify code only while the stored order matches its seal. */
export async function orderPrintPage(orderId: number, viewer: Viewer, origin: string) {
  const order = await findOrder(db, orderId);
  checkOrderAction("view", order, viewer);
  if (!order.signedAt) throw refusal(409, "ฉบับพิมพ์มีเฉพาะคำสั่งที่ลงนามแล้ว");
  return {
    id: order.id,
    label: formatOrderNumber(order.number, order.year),
    division: order.issuingDivision.name,
    title: order.title,
    body: order.body,
    delegates: order.delegates.map((d) =>
      d.person ? `${fullName(d.person)} ตำแหน่ง${d.person.position}` : `ผู้ดำรงตำแหน่ง${d.positionTitle}`,
    ),
    powers: order.powers.map((p) => ({
      text: `${POWER_KIND_LABELS[p.kind as PowerKind] ?? p.kind}: ${p.description}`,
      legalBasis: p.legalBasis,
      limits: [p.ceilingBaht != null ? baht(p.ceilingBaht) : null, p.limits].filter(Boolean).join(" "),
    })),
    effectiveFrom: order.effectiveFrom.toISOString(),
    effectiveUntil: order.effectiveUntil?.toISOString() ?? null,
    signedAt: order.signedAt.toISOString(),
    signerName: order.signerName,
    signerPosition: order.signerPosition,
    ended: order.endedAt ? order.endReason : null,
    // Printed only while the stored order verifies against its seal (decision 022).
    verifyCode: order.verifyCode && hashMatches(order) ? formatOrderCode(order.verifyCode) : null,
    verifyUrl: `${origin}/verify`,
  };
}

/** /orders/powers: who may decide a kind of case and amount on a date, and the powers one person holds. */
export async function powersPage(viewer: Viewer & { employeeNumber: string }, query: URLSearchParams) {
  const employeeNumber = (await resolvePersonNumber(query.get("person") ?? "")) || viewer.employeeNumber;
  const match = (query.get("date") ?? "").match(/^(\d{4})-(\d{2})-(\d{2})$/);
  // Noon in Bangkok: "on that day" includes orders taking effect that morning.
  const at = match
    ? new Date(bangkokMidnightUtc(Number(match[1]), Number(match[2]), Number(match[3])).getTime() + 12 * 3_600_000)
    : new Date();
  const person = await db.person.findUnique({ where: { employeeNumber } });
  const powers = person ? await powersHeldBy(person.id, at) : [];
  const kindParam = query.get("kind") ?? "";
  const kind = (POWER_KINDS as readonly string[]).includes(kindParam) ? (kindParam as PowerKind) : null;
  const amountText = query.get("amount")?.trim() ?? "";
  const amount = amountText ? parseBaht(amountText) : null;
  const amountError = amountText && amount == null ? "จำนวนเงินต้องเป็นตัวเลข เช่น 50000 หรือ 50,000" : "";
  return {
    ask: { kind: kind ?? "approve", amount: amountText, amountError, asked: Boolean(kind), amountValue: amount },
    approvers: kind && !amountError ? await whoMayDecide(kind, amount, at) : null,
    query: { person: employeeNumber, date: toDateInputValue(at) },
    at: at.toISOString(),
    person: person ? { name: fullName(person), position: person.position } : null,
    powers: powers.map(({ order, power }) => ({
      orderId: order.id,
      orderLabel: formatOrderNumber(order.number, order.year),
      orderTitle: order.title,
      kind: POWER_KIND_LABELS[power.kind as PowerKind] ?? power.kind,
      description: power.description,
      legalBasis: power.legalBasis,
      limits: [power.ceilingBaht != null ? baht(power.ceilingBaht) : null, power.limits].filter(Boolean).join(" · "),
      delegator: fullName(order.delegator),
    })),
  };
}
