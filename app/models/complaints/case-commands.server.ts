import type { Actor } from "~/domain/actor";
import { caseActions, investigatorConflict, type CaseAction } from "~/domain/complaints";
import { refusal } from "~/domain/refusal";
import {
  assignSchema,
  classifySchema,
  closeSchema,
  declareSchema,
  findingsSchema,
  officerMessageSchema,
} from "~/schemas/complaints";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { validate } from "~/utils/forms";
import { readCase, requireIntegrity, viewReporterIdentity } from "./cases.server";

// What integrity officers do to a case. Each command reads the case once inside its transaction, asks the rule
// in app/domain/complaints.ts whether the step is allowed, writes, and audits in the same transaction.

const NOT_NOW: Record<CaseAction, string> = {
  acknowledge: "เรื่องนี้ตรวจรับแล้ว",
  classify: "จัดประเภทได้หลังตรวจรับเรื่อง และก่อนเริ่มตรวจสอบ",
  assign: "มอบหมายผู้ตรวจสอบได้เมื่อเรื่องอยู่ระหว่างตรวจสอบ",
  declare: "เฉพาะผู้ตรวจสอบที่ได้รับมอบหมาย และยังไม่ได้ยืนยัน",
  findings: "บันทึกผลได้หลังผู้ตรวจสอบยืนยันว่าไม่มีส่วนได้เสีย",
  close: "ยุติเรื่องได้หลังบันทึกผลการตรวจสอบ",
  message: "ส่งข้อความไม่ได้",
  identity: "ท่านไม่มีสิทธิ์ดูข้อมูลผู้ร้อง",
};

function parse<T>(schema: Parameters<typeof validate>[0], fields: Record<string, unknown>): T {
  const checked = validate(schema, fields);
  if (!checked.success) throw refusal(400, "กรุณาตรวจสอบข้อมูลที่กรอก", checked.fieldErrors);
  return checked.data as T;
}

async function step<T>(
  actor: Actor,
  id: number,
  action: CaseAction,
  run: (tx: Tx, c: Awaited<ReturnType<typeof readCase>>) => Promise<T>,
) {
  requireIntegrity(actor);
  return db.$transaction(async (tx) => {
    const c = await readCase(tx, id);
    if (!caseActions(c, actor).has(action)) throw refusal(409, NOT_NOW[action]);
    return run(tx, c);
  });
}

const audit = (tx: Tx, actor: Actor, id: number, action: string, before: unknown, after: unknown) =>
  writeAudit(tx, {
    actorId: actor.personId,
    ip: actor.ip,
    action,
    entityType: "Complaint",
    entityId: id,
    before,
    after,
  });

/** The divisions a person belongs to: their own and every unit above it. */
async function divisionChain(tx: Tx, divisionId: number): Promise<number[]> {
  const divisions = await tx.division.findMany({ select: { id: true, parentId: true } });
  const parent = new Map(divisions.map((d) => [d.id, d.parentId]));
  const chain: number[] = [];
  for (let id: number | null | undefined = divisionId; id != null && !chain.includes(id); id = parent.get(id))
    chain.push(id);
  return chain;
}

export type CaseIntent =
  "acknowledge" | "classify" | "assign" | "declare" | "findings" | "close" | "message" | "identity";

/** The one command behind /complaints/:id's forms, chosen by `intent`. */
export async function actOnCase(
  actor: Actor,
  id: number,
  intent: string,
  fields: Record<string, unknown>,
  now = new Date(),
) {
  switch (intent) {
    case "identity":
      return { done: "identity" as const, ...(await viewReporterIdentity(actor, id)) };
    case "acknowledge":
      return step(actor, id, "acknowledge", async (tx) => {
        await tx.complaint.update({ where: { id }, data: { status: "acknowledged", acknowledgedAt: now } });
        await audit(tx, actor, id, "complaint.acknowledged", { status: "received" }, { status: "acknowledged" });
        return { done: "acknowledge" as const };
      });
    case "classify": {
      const input = parse<{ category: string; divisionId: number | "" }>(classifySchema, fields);
      return step(actor, id, "classify", async (tx, c) => {
        const outOfScope = input.category === "out_of_scope";
        const divisionId = input.divisionId === "" ? null : input.divisionId;
        if (divisionId != null && !(await tx.division.findUnique({ where: { id: divisionId } })))
          throw refusal(400, "ไม่พบหน่วยงานนี้", { divisionId: "ไม่พบหน่วยงานนี้" });
        const data = outOfScope
          ? {
              category: input.category,
              divisionId,
              classifiedAt: now,
              status: "closed",
              outcome: "referred_general",
              closedAt: now,
            }
          : { category: input.category, divisionId, classifiedAt: now, status: "investigating" };
        await tx.complaint.update({ where: { id }, data });
        await audit(
          tx,
          actor,
          id,
          "complaint.classified",
          { status: c.status, category: c.category },
          { category: input.category, divisionId, status: data.status },
        );
        return { done: "classify" as const };
      });
    }
    case "assign": {
      const input = parse<{ investigator: string }>(assignSchema, fields);
      return step(actor, id, "assign", async (tx, c) => {
        const person = await tx.person.findUnique({
          where: { employeeNumber: input.investigator },
          include: { roles: true },
        });
        if (!person || person.deactivatedAt)
          throw refusal(400, "ไม่พบบุคลากรตามเลขประจำตัวนี้", { investigator: "ไม่พบบุคลากรตามเลขประจำตัวนี้" });
        if (!person.roles.some((r) => r.role === "integrity")) {
          throw refusal(400, "ผู้ตรวจสอบต้องมีบทบาทผู้รับผิดชอบเรื่องร้องเรียนการทุจริต (ผู้ดูแลระบบกำหนดได้)", {
            investigator: "ผู้ตรวจสอบต้องมีบทบาทผู้รับผิดชอบเรื่องร้องเรียนการทุจริต",
          });
        }
        if (investigatorConflict(c.divisionId, await divisionChain(tx, person.divisionId))) {
          throw refusal(409, "ผู้ตรวจสอบสังกัดหน่วยงานที่ถูกร้องเรียน จึงตรวจสอบเรื่องนี้ไม่ได้", {
            investigator: "ผู้ตรวจสอบสังกัดหน่วยงานที่ถูกร้องเรียน",
          });
        }
        await tx.complaint.update({ where: { id }, data: { investigatorId: person.id, investigatorDeclaredAt: null } });
        await audit(
          tx,
          actor,
          id,
          "complaint.investigator_assigned",
          { investigatorId: c.investigatorId },
          { investigatorId: person.id },
        );
        return { done: "assign" as const };
      });
    }
    case "declare":
      parse(declareSchema, fields);
      return step(actor, id, "declare", async (tx) => {
        await tx.complaint.update({ where: { id }, data: { investigatorDeclaredAt: now } });
        await audit(tx, actor, id, "complaint.no_conflict_declared", null, { investigatorId: actor.personId });
        return { done: "declare" as const };
      });
    case "findings": {
      const input = parse<{ findings: string }>(findingsSchema, fields);
      return step(actor, id, "findings", async (tx, c) => {
        await tx.complaint.update({ where: { id }, data: { findings: input.findings } });
        await audit(
          tx,
          actor,
          id,
          "complaint.findings_recorded",
          { findings: c.findings },
          { findings: input.findings },
        );
        return { done: "findings" as const };
      });
    }
    case "close": {
      const input = parse<{ outcome: string }>(closeSchema, fields);
      return step(actor, id, "close", async (tx, c) => {
        await tx.complaint.update({ where: { id }, data: { status: "closed", outcome: input.outcome, closedAt: now } });
        await audit(
          tx,
          actor,
          id,
          "complaint.closed",
          { status: c.status },
          { status: "closed", outcome: input.outcome },
        );
        return { done: "close" as const };
      });
    }
    case "message": {
      const input = parse<{ body: string }>(officerMessageSchema, fields);
      return step(actor, id, "message", async (tx) => {
        const message = await tx.complaintMessage.create({
          data: { complaintId: id, fromReporter: false, authorId: actor.personId, body: input.body, at: now },
        });
        await tx.complaint.update({ where: { id }, data: { lastReportedAt: now } });
        await audit(tx, actor, id, "complaint.officer_message", null, { messageId: message.id });
        return { done: "message" as const };
      });
    }
    default:
      throw refusal(400, "ไม่รู้จักคำสั่งนี้");
  }
}
