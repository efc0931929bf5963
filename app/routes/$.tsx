import { json } from "@remix-run/node";

export async function loader() {
  throw json({ message: "ไม่พบหน้าที่ต้องการ หน้านี้อาจถูกย้ายหรือไม่มีอยู่" }, { status: 404 });
}

export default function NotFound() {
  return null;
}
