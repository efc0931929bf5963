import { fullName, isActiveOn } from "~/domain/personnel";
import { fieldRefusal, refusal } from "~/domain/refusal";
import { bangkokMidnightUtc } from "~/domain/thai-date";
import { parseEmployeeNumbers, type DelegationOrderInput } from "~/schemas/delegation-order";
import type { Tx } from "~/utils/db.server";

// What a draft's form names, checked against the people and units on file, and the child rows it becomes.

/** A refusal about the input (with a field, tied to that form field). */
function orderRefused(message: string, status = 400, field?: string) {
  return field ? fieldRefusal(field, message, status) : refusal(status, message);
}

function parseDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return bangkokMidnightUtc(y!, m!, d!);
}

/** Check the people and units an input names; returns what the rows need. Throws Thai field errors. */
export async function resolveInput(tx: Tx, input: DelegationOrderInput, now: Date) {
  const delegator = await tx.person.findUnique({
    where: { employeeNumber: input.delegatorEmployeeNumber },
    include: { roles: true },
  });
  if (!delegator) throw orderRefused("ไม่พบผู้มอบอำนาจเลขประจำตัวนี้", 400, "delegatorEmployeeNumber");
  if (!delegator.roles.some((r) => r.role === "manager")) {
    throw orderRefused("ผู้มอบอำนาจต้องเป็นผู้บังคับบัญชา (มีบทบาทผู้บังคับบัญชาในระบบ)", 400, "delegatorEmployeeNumber");
  }
  if (!isActiveOn(delegator, now)) throw orderRefused("ผู้มอบอำนาจไม่ได้ปฏิบัติงานอยู่", 400, "delegatorEmployeeNumber");
  if (!(await tx.division.findUnique({ where: { id: input.issuingDivisionId } }))) {
    throw orderRefused("ไม่พบหน่วยงานที่เลือก", 400, "issuingDivisionId");
  }
  const delegates: { personId: number | null; positionTitle: string | null }[] = [];
  for (const [index, d] of input.delegates.entries()) {
    const field = `delegates.${index}.employeeNumber`;
    if (d.employeeNumber) {
      const person = await tx.person.findUnique({ where: { employeeNumber: d.employeeNumber } });
      if (!person) throw orderRefused(`ไม่พบบุคลากรเลขประจำตัว ${d.employeeNumber}`, 400, field);
      if (person.id === delegator.id) throw orderRefused("มอบอำนาจให้ตนเองไม่ได้", 400, field);
      if (!isActiveOn(person, now)) throw orderRefused(`${fullName(person)} ไม่ได้ปฏิบัติงานอยู่ มอบอำนาจให้ไม่ได้`, 400, field);
      if (delegates.some((x) => x.personId === person.id)) throw orderRefused("ระบุผู้รับมอบอำนาจซ้ำ", 400, field);
      delegates.push({ personId: person.id, positionTitle: null });
    } else {
      if (d.positionTitle === delegator.position)
        throw orderRefused("มอบอำนาจให้ตำแหน่งของผู้มอบอำนาจเองไม่ได้", 400, `delegates.${index}.positionTitle`);
      delegates.push({ personId: null, positionTitle: d.positionTitle! });
    }
  }
  const recipientNumbers = parseEmployeeNumbers(input.recipientEmployeeNumbers);
  const recipients = recipientNumbers.length
    ? await tx.person.findMany({ where: { employeeNumber: { in: recipientNumbers } } })
    : [];
  const unknown = recipientNumbers.filter((n) => !recipients.some((p) => p.employeeNumber === n));
  if (unknown.length) throw orderRefused(`ไม่พบบุคลากรเลขประจำตัว ${unknown.join(", ")}`, 400, "recipientEmployeeNumbers");
  const divisionIds = [...new Set(input.recipientDivisionIds)];
  if (divisionIds.length && (await tx.division.count({ where: { id: { in: divisionIds } } })) !== divisionIds.length) {
    throw orderRefused("มีหน่วยงานผู้รับที่ไม่มีอยู่ในระบบ", 400, "recipientDivisionIds");
  }
  let supersedesId: number | null = null;
  if (input.supersedesId) {
    const old = await tx.delegationOrder.findUnique({ where: { id: input.supersedesId } });
    if (!old || (old.status !== "signed" && old.status !== "circulated")) {
      throw orderRefused("คำสั่งที่จะแทนที่ต้องเป็นคำสั่งที่ลงนามแล้วและยังมีผล", 400, "supersedesId");
    }
    // Only the same delegator may replace their own order (others would end it without the right to revoke it).
    if (old.delegatorId !== delegator.id) {
      throw orderRefused("คำสั่งที่จะแทนที่ต้องเป็นคำสั่งของผู้มอบอำนาจคนเดียวกัน", 400, "supersedesId");
    }
    supersedesId = old.id;
  }
  return {
    row: {
      title: input.title,
      body: input.body,
      issuingDivisionId: input.issuingDivisionId,
      delegatorId: delegator.id,
      effectiveFrom: parseDate(input.effectiveFrom),
      effectiveUntil: input.effectiveUntil ? parseDate(input.effectiveUntil) : null,
      supersedesId,
    },
    delegates,
    powers: input.powers.map((p, position) => ({
      position,
      kind: p.kind,
      description: p.description,
      legalBasis: p.legalBasis,
      limits: p.limits ?? null,
      ceilingBaht: p.ceilingBaht ?? null,
    })),
    recipientPersonIds: recipients.map((p) => p.id),
    divisionIds,
  };
}

export async function writeChildren(tx: Tx, orderId: number, resolved: ResolvedInput) {
  await tx.delegationDelegate.deleteMany({ where: { orderId } });
  await tx.delegationPower.deleteMany({ where: { orderId } });
  await tx.delegationRecipientDivision.deleteMany({ where: { orderId } });
  await tx.delegationAcknowledgement.deleteMany({ where: { orderId } });
  await tx.delegationDelegate.createMany({
    data: resolved.delegates.map((d, position) => ({ orderId, position, ...d })),
  });
  await tx.delegationPower.createMany({ data: resolved.powers.map((p) => ({ orderId, ...p })) });
  await tx.delegationRecipientDivision.createMany({
    data: resolved.divisionIds.map((divisionId) => ({ orderId, divisionId })),
  });
  // Named recipients are kept as unacknowledged rows from the start; units are expanded at circulation.
  await tx.delegationAcknowledgement.createMany({
    data: resolved.recipientPersonIds.map((personId) => ({ orderId, personId, named: true })),
  });
}

export type ResolvedInput = Awaited<ReturnType<typeof resolveInput>>;
