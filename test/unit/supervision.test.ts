import { describe, expect, it } from "vitest";
import { mayAppraisePerson, mayReviseProposal, positionRank, supervises } from "~/domain/supervision";

const units = [
  { id: 1, parentId: null }, // กองคลัง
  { id: 2, parentId: 1 }, // งานพัสดุ
  { id: 3, parentId: 1 }, // ฝ่ายพัฒนารายได้
  { id: 4, parentId: 2 }, // a team under งานพัสดุ
];
const manager = { personId: 10, divisionId: 2, position: "หัวหน้างานพัสดุ", roles: ["staff", "manager"] };

describe("supervision (decision 025)", () => {
  it("ranks heads, deputies and everyone else from the position", () => {
    expect(positionRank("ผู้อำนวยการกองคลัง")).toBe(2);
    expect(positionRank("ปลัดเทศบาล")).toBe(2);
    expect(positionRank("รองปลัดเทศบาล")).toBe(1);
    expect(positionRank("เลขานุการนายกเทศมนตรี")).toBe(0);
    expect(positionRank("นักวิชาการพัสดุ")).toBe(0);
  });
  it("covers the own unit and the units below, never above or beside, never oneself", () => {
    expect(supervises(manager, { id: 1, divisionId: 2, position: "นักวิชาการพัสดุ" }, units)).toBe(true);
    expect(supervises(manager, { id: 2, divisionId: 4, position: "หัวหน้าทีม" }, units)).toBe(true);
    expect(supervises(manager, { id: 3, divisionId: 1, position: "ผู้อำนวยการกองคลัง" }, units)).toBe(false);
    expect(supervises(manager, { id: 4, divisionId: 3, position: "นักวิชาการจัดเก็บรายได้" }, units)).toBe(false);
    expect(supervises(manager, { id: 10, divisionId: 2, position: "หัวหน้างานพัสดุ" }, units)).toBe(false);
  });
  it("never lets a non-head manager appraise the head of their own unit", () => {
    const clerk = { ...manager, personId: 11, position: "นักวิชาการพัสดุ" };
    expect(supervises(clerk, { id: 10, divisionId: 2, position: "หัวหน้างานพัสดุ" }, units)).toBe(false);
    expect(supervises(clerk, { id: 1, divisionId: 2, position: "ผู้ช่วยเจ้าพนักงานพัสดุ" }, units)).toBe(true);
  });
  it("lets HR appraise anyone but themselves, and only the recorder or HR revise a proposal", () => {
    const hr = { personId: 20, divisionId: 3, position: "นักทรัพยากรบุคคล", roles: ["staff", "hr"] };
    expect(mayAppraisePerson(hr, { id: 3, divisionId: 1, position: "ผู้อำนวยการกองคลัง" }, units)).toBe(true);
    expect(mayAppraisePerson(hr, { id: 20, divisionId: 3, position: "นักทรัพยากรบุคคล" }, units)).toBe(false);
    expect(mayReviseProposal(manager, null)).toBe(true);
    expect(mayReviseProposal(manager, 10)).toBe(true);
    expect(mayReviseProposal(manager, 99)).toBe(false);
    expect(mayReviseProposal(hr, 99)).toBe(true);
  });
});
