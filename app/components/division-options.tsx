import type { DivisionOption } from "~/models/people/organization.server";

/** <option>s for the org chart, indented by depth (sections under their สำนัก/กอง). */
export function DivisionOptions({ divisions }: { divisions: DivisionOption[] }) {
  return (
    <>
      {divisions.map((d) => (
        <option key={d.id} value={d.id}>
          {"\u00a0\u00a0".repeat(d.depth * 2)}
          {d.name}
        </option>
      ))}
    </>
  );
}
