/**
 * The text of an uploaded CSV file. Thai Excel on Windows saves "CSV" in Windows-874 (TIS-620 plus a few
 * punctuation marks); newer Excel saves "CSV UTF-8" with a BOM. Valid UTF-8 (with or without BOM) is read as
 * UTF-8; anything else is read as Windows-874, which covers every byte a Thai Windows file can hold.
 */
export type CsvEncoding = "utf-8" | "windows-874";

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-874").decode(bytes), encoding: "windows-874" };
  }
}
