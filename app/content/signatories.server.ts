import path from "node:path";
import { z } from "zod";
import { CONTENT_ROOT, loadYamlFile } from "./yaml-file.server";

// content/organization/signatories.yaml: which position signs each printed document, validated on load.

const signatoriesSchema = z.object({
  certificate: z.object({ position: z.string().min(1), printedPosition: z.string().min(1) }),
});
export type Signatories = z.infer<typeof signatoriesSchema>;

let cached: Signatories | undefined;
export function signatories(root = CONTENT_ROOT): Signatories {
  if (root !== CONTENT_ROOT) return loadYamlFile(path.join(root, "organization", "signatories.yaml"), signatoriesSchema);
  cached ??= loadYamlFile(path.join(CONTENT_ROOT, "organization", "signatories.yaml"), signatoriesSchema);
  return cached;
}
