PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __EFMigrationsHistory VALUES('20261122000917_InitialInbox','9.0.22');
CREATE TABLE IF NOT EXISTS "WebhookDeliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WebhookDeliveries" PRIMARY KEY AUTOINCREMENT,
    "IntegrationId" INTEGER NULL,
    "ReceivedAt" TEXT NOT NULL,
    "SourceIp" TEXT NULL,
    "HeadersJson" TEXT NOT NULL,
    "Body" BLOB NOT NULL,
    "Signature" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NULL,
    "Error" TEXT NULL,
    "NewCount" INTEGER NOT NULL,
    "DuplicateCount" INTEGER NOT NULL,
    "AnswerMs" REAL NULL,
    "ProcessingMs" REAL NULL,
    "ProcessedAt" TEXT NULL
);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('WebhookDeliveries',0);
CREATE INDEX "IX_WebhookDeliveries_ReceivedAt" ON "WebhookDeliveries" ("ReceivedAt");
CREATE INDEX "IX_WebhookDeliveries_Status_Id" ON "WebhookDeliveries" ("Status", "Id");
COMMIT;
