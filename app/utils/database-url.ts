// Shared by the app, the Prisma CLI config and the scripts, so all three open the same file.
export const DEFAULT_DATABASE_URL = "file:./data/sujarit.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function databaseFilePath(url = databaseUrl()): string {
  return url.replace(/^file:/, "");
}
