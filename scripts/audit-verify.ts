// npm run audit:verify — recompute the audit log's hash chain (decision 022) and report any row that was
// rewritten, deleted, inserted or added without a seal. Exit code 1 when the chain is broken.
import { CHAIN_BREAK_LABELS, verifyAuditChain } from "~/models/audit-chain.server";
import { db } from "~/utils/db.server";

async function main() {
  const report = await verifyAuditChain();
  console.log(
    `audit:verify: ${report.rows} rows (${report.legacyRows} from before the chain began), last id ${report.lastId ?? "-"}`,
  );
  if (report.ok) {
    console.log("audit:verify: OK — the chain is intact (ห่วงโซ่บันทึกการใช้งานครบถ้วน)");
    return;
  }
  console.log(`audit:verify: BROKEN — ${report.breakCount} break(s)`);
  for (const b of report.breaks) console.log(`  row ${b.id}: ${b.kind} — ${CHAIN_BREAK_LABELS[b.kind]}`);
  process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 2;
  })
  .finally(() => db.$disconnect());
