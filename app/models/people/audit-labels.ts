// Thai labels for the audit actions and records of people: accounts, roles, sign-in. Combined in app/utils/audit.server.ts;
// test/unit/audit-labels.test.ts fails when an action written anywhere has no label here or in another feature.
export const ACTION_LABELS: Record<string, string> = {
  "auth.sign_in": "เข้าสู่ระบบ",
  "auth.sign_in_failed": "เข้าสู่ระบบไม่สำเร็จ",
  "auth.sign_in_throttled": "ถูกระงับการเข้าสู่ระบบชั่วคราว",
  "auth.sign_out": "ออกจากระบบ",
  "auth.password_changed": "เปลี่ยนรหัสผ่าน",
  "person.created": "เพิ่มบุคลากร",
  "person.updated": "แก้ไขข้อมูลบุคลากร",
  "person.roles_changed": "เปลี่ยนบทบาท",
  "person.deactivated": "ระงับการใช้งาน",
  "person.reactivated": "เปิดการใช้งานอีกครั้ง",
  "person.password_reset": "ตั้งรหัสผ่านใหม่โดยผู้ดูแล",
  "roster.imported": "นำเข้ารายชื่อบุคลากร",
  "auth.password_check_failed": "ใส่รหัสผ่านยืนยันไม่ถูกต้อง (ลงนาม/เปลี่ยนรหัสผ่าน)",
  "auth.password_check_throttled": "ถูกระงับการยืนยันรหัสผ่านชั่วคราว",
  "seed.demo": "สร้างข้อมูลตัวอย่าง (demo seed)",
};

/** What an audit record's entityType is called in Thai, e.g. "บุคลากร 100001". */
export const ENTITY_LABELS: Record<string, string> = {
  Person: "บุคลากร",
  Roster: "ทะเบียนบุคลากร",
  Database: "ฐานข้อมูล",
};
