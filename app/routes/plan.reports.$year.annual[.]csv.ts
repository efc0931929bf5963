import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportCsv } from "~/utils/plan-report-route.server";

export const loader = (args: LoaderFunctionArgs) => reportCsv(args, "annual");
