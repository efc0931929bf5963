// npm run seal:legacy-orders — seal delegation orders signed before seals existed (decision 022). Also run by setup.
import { sealLegacyOrders } from "~/models/orders/order-verify.server";
import { db } from "~/utils/db.server";

sealLegacyOrders()
  .then(({ sealed, refused }) => {
    console.log(`seal: ${sealed} order(s) sealed`);
    if (refused.length)
      console.log(`seal: refused (signed after the audit chain began, or content changed): ${refused.join(", ")}`);
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
