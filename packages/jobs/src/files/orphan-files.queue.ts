import { storageFor } from "@clinigraph/api/domain";
import { scanJobOptions, type QueueDefinition } from "../queue-definition.js";
import { sweepOrphanFiles } from "./orphan-files.js";

/**
 * The orphan-files queue: every hour, the uploaded files no row references once
 * ORPHAN_FILE_GRACE_HOURS have passed are deleted (orphan-files.ts). A failed sweep is
 * redone by its retries, and anyway by the next hour's run.
 */
export type OrphanFilesJobData = Readonly<Record<string, never>>;

export const orphanFilesQueue: QueueDefinition<OrphanFilesJobData> = {
  key: "orphanFiles",
  // Hourly, off the hour; the stable scheduler id must not change (see docs/jobs.md).
  schedule: { id: "orphan-files-sweep", jobName: "sweep", pattern: "23 * * * *" },
  jobOptions: scanJobOptions,
  concurrency: () => 1,
  processor:
    ({ orm, config, logger }) =>
    async () => {
      const deleted = await sweepOrphanFiles(orm, storageFor(config.FILE_STORAGE_DIR), {
        graceMs: config.ORPHAN_FILE_GRACE_HOURS * 3600_000,
        chunk: config.SCAN_CHUNK_SIZE,
      });
      if (deleted > 0) logger.info({ deleted }, "orphan files: deleted files never attached");
      return `${deleted} files deleted`;
    },
};
