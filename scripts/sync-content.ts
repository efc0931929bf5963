import { syncAllContent } from "~/content/sync.server";
import { ContentError } from "~/content/yaml-file.server";
import { db } from "~/utils/db.server";

syncAllContent()
  .then((summary) => console.log(`content: ${summary}`))
  .catch((error) => {
    console.error(error instanceof ContentError ? `content error in ${error.message}` : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
