/**
 * What packages/jobs uses of the API package: the configuration, the ORM, the entities,
 * the state machines and the services. The domain lives here; the workers only schedule.
 */
import "reflect-metadata";
export { loadConfig, loadConfigOrExit, type Config } from "./config.js";
export { createLogger, type Logger } from "./logger.js";
export { forkFor, sessionTimeouts, type MikroORM, type EntityManager } from "./platform/db/orm.js";
export { createDomain, initOrm, ormOptions, type Domain } from "./app.js";
export { SYSTEM, type Principal } from "./platform/auth/principal.js";
export { FieldCipher, setFieldCipher } from "./platform/crypto/field-encryption.js";
export { fireTransition, availableEvents } from "./platform/state-machine/engine.js";
export { recordAudit } from "./platform/audit/audit.js";
export { Notification, NotificationChannel, NotificationStatus } from "./modules/notification/notification.entity.js";
export { enqueueNotification, enqueueNotifications, type OutboxMessage } from "./modules/notification/outbox.js";
export {
  NOTICE_LANGUAGES,
  noticeLanguage,
  type NoticeLanguage,
  type Localized,
  type NoticeText,
} from "./modules/notification/notice-language.js";
export { Organization, OrganizationKind } from "./modules/organization/organization.entity.js";
export { Patient } from "./modules/patient/patient.entity.js";
export { User } from "./modules/user/user.entity.js";
export { Case } from "./modules/case/case.entity.js";
export { QUEUE_NAMES, DEFAULT_QUEUE_PREFIX, type QueueName } from "./platform/queues/queue-names.js";
export { expireOrder, expireLockedOrders } from "./modules/order/order.expiry.js";
export { ORDER_DEADLINES, type OrderDeadline } from "./modules/order/order.deadlines.js";
export { computeMonthlyStatistics, previousMonth } from "./modules/statistics/monthly-statistics.service.js";
export {
  STATISTICS_MAX_ATTEMPTS,
  STATISTICS_BACKOFF_BASE_MS,
  type MonthlyStatisticsJobData,
} from "./modules/statistics/monthly-statistics.job.js";
export { MonthlyStatistic } from "./modules/statistics/monthly-statistic.entity.js";
export { flagOverdueClaim } from "./modules/claim/claim.overdue.js";
export {
  firstNonPublicAddress,
  resolveDeliveryTarget,
  type DeliveryTarget,
} from "./modules/webhook/webhook.url-policy.js";
export { signWebhook, type SignedWebhookHeaders } from "./modules/webhook/webhook.signing.js";
export { createMetricsRegistry, registerDbPoolMetrics, boundedLabel } from "./platform/metrics/metrics.js";
export { storageFor, type FileStorage } from "./modules/order/files/file-storage.js";
export { queueReportDigests, digestWindow } from "./modules/order/report-inbox.js";
export { REPORT_INBOX_RULE } from "./modules/order/report-inbox.rule.js";
export { onShutdownSignals } from "./platform/process/shutdown.js";
export { inStoredTrace, queueTelemetry, traceFields } from "./platform/telemetry/trace-context.js";
export {
  watchRedis,
  watchRedisUser,
  isRedisConnectionError,
  REDIS_ERROR_LOG_EVERY_MS,
} from "./platform/redis/redis-errors.js";
