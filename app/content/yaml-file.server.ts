import fs from "node:fs";
import path from "node:path";
import { LineCounter, isNode, parseDocument } from "yaml";
import type { z } from "zod";

/** A content file that failed to load: the message names the file, the line and the field. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}\n  ${problems.join("\n  ")}`);
    this.name = "ContentError";
  }
}

export const CONTENT_ROOT = path.resolve(process.env.CONTENT_DIR ?? "content");

export function relativeContentPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** Parse a YAML file and validate it with `schema`; every problem is reported as file:line field: message. */
export function loadYamlFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const shown = relativeContentPath(file);
  const text = fs.readFileSync(file, "utf8");
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ContentError(
      shown,
      doc.errors.map((e) => `${shown}:${lineCounter.linePos(e.pos[0]).line}: YAML: ${e.message.split("\n")[0]}`),
    );
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const fieldPath = issue.path.map(String);
    let line = 1;
    // Walk up the path until a node with a position is found (a missing field points at its parent).
    for (let depth = fieldPath.length; depth >= 0; depth--) {
      const node = doc.getIn(fieldPath.slice(0, depth), true);
      if (isNode(node) && node.range) {
        line = lineCounter.linePos(node.range[0]).line;
        break;
      }
    }
    return `${shown}:${line}: ${fieldPath.join(".") || "(root)"}: ${issue.message}`;
  });
  throw new ContentError(shown, problems);
}
