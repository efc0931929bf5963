// A deterministic, realistic demo roster (about 540 people) sized like the plan's target groups.
// Pure: the same output on every run, so re-seeding and tests are reproducible.
import { seededRandom } from "~/domain/quiz";

export type DemoPerson = {
  employeeNumber: string;
  title: string;
  firstName: string;
  lastName: string;
  position: string;
  personnelType: string;
  divisionCode: string;
  activeFrom: string; // ISO date (CE)
  activeUntil?: string;
  roles: string[];
};

export const DEMO_PASSWORD = "sujarit-demo";

/** One account per role, with a known password (demo seed only; listed in the README). */
export const DEMO_ACCOUNTS: DemoPerson[] = [
  {
    employeeNumber: "100001",
    title: "นาย",
    firstName: "ธนากร",
    lastName: "ใจดี",
    position: "นักวิชาการคอมพิวเตอร์ชำนาญการ",
    personnelType: "municipal_officer",
    divisionCode: "clerk-admin",
    activeFrom: "2015-06-01",
    roles: ["admin", "staff"],
  },
  {
    employeeNumber: "100002",
    title: "นางสาว",
    firstName: "พิมพ์ชนก",
    lastName: "วงศ์ลำปาง",
    position: "นักทรัพยากรบุคคลชำนาญการ",
    personnelType: "municipal_officer",
    divisionCode: "personnel-management",
    activeFrom: "2012-10-01",
    roles: ["hr", "staff"],
  },
  {
    employeeNumber: "100003",
    title: "นาง",
    firstName: "สุดารัตน์",
    lastName: "คำแสน",
    position: "ผู้อำนวยการกองคลัง",
    personnelType: "municipal_officer",
    divisionCode: "finance",
    activeFrom: "2008-04-01",
    roles: ["manager", "staff"],
  },
  {
    employeeNumber: "100004",
    title: "นาย",
    firstName: "ชยพล",
    lastName: "ศรีวิชัย",
    position: "เจ้าพนักงานพัสดุปฏิบัติงาน",
    personnelType: "municipal_officer",
    divisionCode: "finance-procurement",
    activeFrom: "2019-02-01",
    roles: ["staff"],
  },
];

const MALE_NAMES = [
  "สมชาย",
  "ประเสริฐ",
  "วิชัย",
  "อนุชา",
  "กิตติพงษ์",
  "ธีรวัฒน์",
  "ณัฐพล",
  "สุริยา",
  "ชาญวิทย์",
  "ปกรณ์",
  "อภิชาติ",
  "วีระพงษ์",
  "ศักดิ์ชัย",
  "เอกชัย",
  "ธนวัฒน์",
  "พงศกร",
  "ภูมิพัฒน์",
  "จักรพันธ์",
  "ศุภชัย",
  "นพดล",
  "ไพโรจน์",
  "บุญเลิศ",
  "สมศักดิ์",
  "อดิศักดิ์",
  "ทวีศักดิ์",
  "วรวุฒิ",
  "สุรเชษฐ์",
  "กฤษดา",
  "ปิยะพงษ์",
  "ชัยวัฒน์",
  "มานพ",
  "ยุทธนา",
  "เกรียงไกร",
  "สิทธิชัย",
  "อำนาจ",
  "ประพันธ์",
  "วสันต์",
  "ธีระ",
  "คมสัน",
  "ภาณุวัฒน์",
];
const FEMALE_NAMES = [
  "สมหญิง",
  "วันเพ็ญ",
  "กาญจนา",
  "สุภาพร",
  "นงลักษณ์",
  "พรทิพย์",
  "อรุณี",
  "จันทร์เพ็ญ",
  "ศิริพร",
  "รัตนา",
  "วิไลวรรณ",
  "ปวีณา",
  "ณัฐธิดา",
  "กมลชนก",
  "ชุติมา",
  "ธิดารัตน์",
  "อัญชลี",
  "เบญจวรรณ",
  "มณีรัตน์",
  "สุนันทา",
  "ดวงใจ",
  "พัชราภรณ์",
  "ลำดวน",
  "บุษบา",
  "ศศิธร",
  "จิราพร",
  "นภาพร",
  "อรวรรณ",
  "ปราณี",
  "วรรณา",
  "เยาวลักษณ์",
  "กัลยา",
  "ทิพวรรณ",
  "สุกัญญา",
  "อรอุมา",
  "พิไลพร",
  "ขวัญใจ",
  "ราตรี",
  "จารุวรรณ",
  "ยุพิน",
];
const SURNAMES = [
  "ศรีสุข",
  "แก้วมูล",
  "ปัญญาดี",
  "อินต๊ะ",
  "กันทะวงศ์",
  "ใจมา",
  "สุริยะ",
  "คำปัน",
  "ธรรมวงศ์",
  "เรือนแก้ว",
  "บุญเรือง",
  "วงศ์ใหญ่",
  "จันทร์แก้ว",
  "ปิงเมืองเหล็ก",
  "สายสุวรรณ",
  "ทองคำ",
  "มหาวงศ์",
  "ชัยมงคล",
  "อุ่นเรือน",
  "ไชยวงศ์",
  "ศรีบุญเรือง",
  "นันทวงศ์",
  "พรหมมินทร์",
  "ดวงแก้ว",
  "กาวิละ",
  "เขื่อนแก้ว",
  "ยะปัญญา",
  "ปันดี",
  "สมบัติใหม่",
  "หน่อคำ",
  "วังซ้าย",
  "แสนคำ",
  "ตาคำ",
  "บุญมา",
  "ชมภูมิ่ง",
  "ธิวงศ์",
  "เตชะ",
  "มูลละ",
  "ขัติยะ",
  "พิมสาร",
  "อ้ายวงศ์",
  "ทิพย์วงศ์",
  "นาคสุข",
  "เมืองมา",
  "จินะ",
  "กาศเมฆ",
  "สิทธิวงศ์",
  "ศรีเมือง",
  "ปงเมฆ",
  "ใจปิง",
];

type Slot = { divisionCode: string; personnelType: string; position: string; count: number };

// Head counts follow the plan's target groups: about 500 officers and employees, the executives,
// 24 council members, about 50 people in สำนักช่าง and the teachers of the municipal schools.
const SLOTS: Slot[] = [
  { divisionCode: "executive", personnelType: "executive", position: "นายกเทศมนตรีนครลำปาง", count: 1 },
  { divisionCode: "executive", personnelType: "executive", position: "รองนายกเทศมนตรี", count: 3 },
  { divisionCode: "executive", personnelType: "executive", position: "เลขานุการนายกเทศมนตรี", count: 2 },
  { divisionCode: "executive", personnelType: "executive", position: "ที่ปรึกษานายกเทศมนตรี", count: 2 },
  { divisionCode: "council", personnelType: "council_member", position: "ประธานสภาเทศบาล", count: 1 },
  { divisionCode: "council", personnelType: "council_member", position: "รองประธานสภาเทศบาล", count: 1 },
  { divisionCode: "council", personnelType: "council_member", position: "สมาชิกสภาเทศบาล", count: 22 },
  { divisionCode: "clerk-office", personnelType: "municipal_officer", position: "ปลัดเทศบาล", count: 1 },
  { divisionCode: "clerk-office", personnelType: "municipal_officer", position: "รองปลัดเทศบาล", count: 2 },
  { divisionCode: "clerk-admin", personnelType: "municipal_officer", position: "นักจัดการงานทั่วไปชำนาญการ", count: 8 },
  { divisionCode: "clerk-admin", personnelType: "contract_employee", position: "ผู้ช่วยเจ้าพนักงานธุรการ", count: 24 },
  {
    divisionCode: "clerk-council-affairs",
    personnelType: "municipal_officer",
    position: "เจ้าพนักงานธุรการชำนาญงาน",
    count: 4,
  },
  { divisionCode: "clerk-council-affairs", personnelType: "contract_employee", position: "พนักงานจ้างทั่วไป", count: 10 },
  {
    divisionCode: "clerk-disaster",
    personnelType: "municipal_officer",
    position: "เจ้าพนักงานป้องกันและบรรเทาสาธารณภัย",
    count: 12,
  },
  { divisionCode: "clerk-disaster", personnelType: "permanent_employee", position: "พนักงานขับรถดับเพลิง", count: 10 },
  { divisionCode: "clerk-disaster", personnelType: "contract_employee", position: "พนักงานดับเพลิง", count: 22 },
  { divisionCode: "personnel", personnelType: "municipal_officer", position: "ผู้อำนวยการกองการเจ้าหน้าที่", count: 1 },
  { divisionCode: "personnel-management", personnelType: "municipal_officer", position: "นักทรัพยากรบุคคล", count: 6 },
  {
    divisionCode: "personnel-development",
    personnelType: "municipal_officer",
    position: "นักทรัพยากรบุคคลปฏิบัติการ",
    count: 4,
  },
  {
    divisionCode: "personnel-development",
    personnelType: "contract_employee",
    position: "ผู้ช่วยเจ้าพนักงานธุรการ",
    count: 4,
  },
  { divisionCode: "finance-revenue", personnelType: "municipal_officer", position: "นักวิชาการจัดเก็บรายได้", count: 10 },
  {
    divisionCode: "finance-revenue",
    personnelType: "contract_employee",
    position: "ผู้ช่วยเจ้าพนักงานจัดเก็บรายได้",
    count: 12,
  },
  { divisionCode: "finance-procurement", personnelType: "municipal_officer", position: "นักวิชาการพัสดุ", count: 6 },
  { divisionCode: "finance-procurement", personnelType: "contract_employee", position: "ผู้ช่วยเจ้าพนักงานพัสดุ", count: 6 },
  { divisionCode: "finance-accounting", personnelType: "municipal_officer", position: "นักวิชาการเงินและบัญชี", count: 8 },
  {
    divisionCode: "finance-accounting",
    personnelType: "permanent_employee",
    position: "เจ้าหน้าที่การเงินและบัญชี",
    count: 4,
  },
  { divisionCode: "engineering", personnelType: "municipal_officer", position: "ผู้อำนวยการสำนักช่าง", count: 1 },
  { divisionCode: "engineering-design", personnelType: "municipal_officer", position: "วิศวกรโยธา", count: 6 },
  { divisionCode: "engineering-design", personnelType: "municipal_officer", position: "สถาปนิก", count: 2 },
  {
    divisionCode: "engineering-building-control",
    personnelType: "municipal_officer",
    position: "นายช่างโยธา",
    count: 8,
  },
  {
    divisionCode: "engineering-building-control",
    personnelType: "contract_employee",
    position: "ผู้ช่วยนายช่างโยธา",
    count: 6,
  },
  { divisionCode: "engineering-works", personnelType: "permanent_employee", position: "คนงานประจำรถขยะ", count: 12 },
  {
    divisionCode: "engineering-works",
    personnelType: "contract_employee",
    position: "พนักงานขับเครื่องจักรกลขนาดกลาง",
    count: 15,
  },
  { divisionCode: "education", personnelType: "municipal_officer", position: "ผู้อำนวยการสำนักการศึกษา", count: 1 },
  { divisionCode: "education-admin", personnelType: "municipal_officer", position: "นักวิชาการศึกษา", count: 8 },
  { divisionCode: "education-admin", personnelType: "contract_employee", position: "ผู้ช่วยเจ้าพนักงานธุรการ", count: 16 },
  { divisionCode: "school-1", personnelType: "teacher", position: "ผู้อำนวยการสถานศึกษา", count: 1 },
  { divisionCode: "school-1", personnelType: "teacher", position: "ครู", count: 13 },
  { divisionCode: "school-2", personnelType: "teacher", position: "ผู้อำนวยการสถานศึกษา", count: 1 },
  { divisionCode: "school-2", personnelType: "teacher", position: "ครู", count: 11 },
  { divisionCode: "school-3", personnelType: "teacher", position: "ผู้อำนวยการสถานศึกษา", count: 1 },
  { divisionCode: "school-3", personnelType: "teacher", position: "ครู", count: 9 },
  {
    divisionCode: "health",
    personnelType: "municipal_officer",
    position: "ผู้อำนวยการสำนักการสาธารณสุขและสิ่งแวดล้อม",
    count: 1,
  },
  { divisionCode: "health", personnelType: "municipal_officer", position: "นักวิชาการสุขาภิบาล", count: 10 },
  { divisionCode: "health", personnelType: "permanent_employee", position: "พนักงานรักษาความสะอาด", count: 30 },
  { divisionCode: "health", personnelType: "contract_employee", position: "คนงานทั่วไป", count: 85 },
  {
    divisionCode: "strategy",
    personnelType: "municipal_officer",
    position: "ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ",
    count: 1,
  },
  {
    divisionCode: "strategy-planning",
    personnelType: "municipal_officer",
    position: "นักวิเคราะห์นโยบายและแผน",
    count: 6,
  },
  { divisionCode: "strategy-research", personnelType: "municipal_officer", position: "นักวิชาการสถิติ", count: 3 },
  {
    divisionCode: "strategy-planning",
    personnelType: "contract_employee",
    position: "ผู้ช่วยนักวิเคราะห์นโยบายและแผน",
    count: 4,
  },
  { divisionCode: "social-welfare", personnelType: "municipal_officer", position: "ผู้อำนวยการกองสวัสดิการสังคม", count: 1 },
  { divisionCode: "social-welfare-community", personnelType: "municipal_officer", position: "นักพัฒนาชุมชน", count: 8 },
  {
    divisionCode: "social-welfare-assistance",
    personnelType: "municipal_officer",
    position: "นักสังคมสงเคราะห์",
    count: 6,
  },
  {
    divisionCode: "social-welfare-community",
    personnelType: "contract_employee",
    position: "ผู้ช่วยนักพัฒนาชุมชน",
    count: 24,
  },
  { divisionCode: "internal-audit", personnelType: "municipal_officer", position: "นักวิชาการตรวจสอบภายใน", count: 4 },
  { divisionCode: "finance", personnelType: "contract_employee", position: "พนักงานจ้างทั่วไป", count: 40 },
  { divisionCode: "clerk-office", personnelType: "permanent_employee", position: "พนักงานขับรถยนต์", count: 14 },
];

export function demoRoster(): DemoPerson[] {
  const random = seededRandom(25662570);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const used = new Set(DEMO_ACCOUNTS.map((p) => `${p.firstName} ${p.lastName}`));
  const people: DemoPerson[] = [...DEMO_ACCOUNTS];
  let serial = 1;
  for (const slot of SLOTS) {
    for (let i = 0; i < slot.count; i++) {
      const female = random() < 0.52;
      let firstName: string;
      let lastName: string;
      do {
        firstName = pick(female ? FEMALE_NAMES : MALE_NAMES);
        lastName = pick(SURNAMES);
      } while (used.has(`${firstName} ${lastName}`));
      used.add(`${firstName} ${lastName}`);
      const title = female ? (random() < 0.55 ? "นาง" : "นางสาว") : "นาย";
      const startYear =
        slot.personnelType === "council_member" || slot.personnelType === "executive"
          ? 2021
          : 2000 + Math.floor(random() * 24);
      const startMonth = 1 + Math.floor(random() * 12);
      const employeeNumber = String(200000 + serial++);
      people.push({
        employeeNumber,
        title,
        firstName,
        lastName,
        position: slot.position,
        personnelType: slot.personnelType,
        divisionCode: slot.divisionCode,
        activeFrom: `${startYear}-${String(startMonth).padStart(2, "0")}-01`,
        roles: ["staff"],
      });
    }
  }
  return people;
}
