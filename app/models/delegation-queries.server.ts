// Moved to app/models/orders/ (decision 044). Kept only for app/routes/_index.tsx, which another branch edits in
// this round; the lead may point that import at ~/models/orders/order-queries.server and delete this file.
export { ordersToAcknowledge, ordersToSign } from "./orders/order-queries.server";
