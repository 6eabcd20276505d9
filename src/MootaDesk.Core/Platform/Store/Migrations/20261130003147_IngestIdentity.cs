using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MootaDesk.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class IngestIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Mutations_Source_SourceId",
                table: "Mutations");

            migrationBuilder.AddColumn<DateOnly>(
                name: "BankDate",
                table: "Mutations",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "MootaMutationId",
                table: "Mutations",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            // Backfill so the one-row rule covers rows stored before it (hand-written; carry over when regenerating).
            // 1. Bank date: the stored UTC time back to a wall date. Day-only rows sit at local midnight, which +9 h puts on
            //    the right day in WIB, WITA and WIT alike; rows with a time use WIB (Moota's clock and the default zone).
            migrationBuilder.Sql("""
                UPDATE "Mutations" SET "BankDate" = date("TransactionTime", CASE WHEN "HasTimeOfDay" THEN '+7 hours' ELSE '+9 hours' END);
                """);
            // 2. Moota identity: webhook (0) and API (1) rows carry mutation_id as SourceId. The oldest row of each id gets it;
            //    later copies (webhook and pull stored twice) stay without and are listed in "Duplikat lintas sumber" to merge.
            migrationBuilder.Sql("""
                UPDATE "Mutations" SET "MootaMutationId" = "SourceId"
                WHERE "Id" IN (SELECT MIN("Id") FROM "Mutations" WHERE "Source" IN (0, 1) GROUP BY "SourceId", "IsSandbox");
                """);

            migrationBuilder.AddColumn<int>(
                name: "ConflictCount",
                table: "MootaSyncRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "MutationConflicts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MutationId = table.Column<long>(type: "INTEGER", nullable: false),
                    MootaMutationId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    WebhookDeliveryId = table.Column<long>(type: "INTEGER", nullable: true),
                    DetectedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Fields = table.Column<int>(type: "INTEGER", nullable: false),
                    IncomingAccountId = table.Column<int>(type: "INTEGER", nullable: true),
                    IncomingAccountText = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    IncomingAmount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    IncomingDirection = table.Column<int>(type: "INTEGER", nullable: false),
                    IncomingTransactionTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IncomingHasTimeOfDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    IncomingBankDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IncomingDescription = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IncomingBalanceAfter = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    IncomingRawSource = table.Column<string>(type: "TEXT", nullable: true),
                    StoredAmount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    StoredDirection = table.Column<int>(type: "INTEGER", nullable: false),
                    StoredAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    StoredBankDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ResolvedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MutationConflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MutationConflicts_Mutations_MutationId",
                        column: x => x.MutationId,
                        principalTable: "Mutations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MutationMerges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    KeptMutationId = table.Column<long>(type: "INTEGER", nullable: false),
                    OtherMutationId = table.Column<long>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ById = table.Column<string>(type: "TEXT", nullable: true),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: true),
                    UndoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MutationMerges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MutationSightings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MutationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalRef = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WebhookDeliveryId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MutationSightings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MutationSightings_Mutations_MutationId",
                        column: x => x.MutationId,
                        principalTable: "Mutations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Mutations_AccountId_BankDate_Amount",
                table: "Mutations",
                columns: new[] { "AccountId", "BankDate", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_Mutations_MootaCopies",
                table: "Mutations",
                column: "SourceId",
                filter: "\"MootaMutationId\" IS NULL AND \"Source\" IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "IX_Mutations_MootaIdentity",
                table: "Mutations",
                columns: new[] { "MootaMutationId", "IsSandbox" },
                unique: true,
                filter: "\"MootaMutationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Mutations_Source_SourceId_IsSandbox",
                table: "Mutations",
                columns: new[] { "Source", "SourceId", "IsSandbox" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MutationConflicts_MutationId",
                table: "MutationConflicts",
                column: "MutationId");

            migrationBuilder.CreateIndex(
                name: "IX_MutationConflicts_Status_DetectedAt",
                table: "MutationConflicts",
                columns: new[] { "Status", "DetectedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MutationConflicts_WebhookDeliveryId",
                table: "MutationConflicts",
                column: "WebhookDeliveryId",
                filter: "\"WebhookDeliveryId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MutationMerges_At",
                table: "MutationMerges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_MutationMerges_KeptMutationId_OtherMutationId",
                table: "MutationMerges",
                columns: new[] { "KeptMutationId", "OtherMutationId" });

            migrationBuilder.CreateIndex(
                name: "IX_MutationSightings_MutationId_Channel",
                table: "MutationSightings",
                columns: new[] { "MutationId", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MutationSightings_WebhookDeliveryId",
                table: "MutationSightings",
                column: "WebhookDeliveryId",
                filter: "\"WebhookDeliveryId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MutationConflicts");

            migrationBuilder.DropTable(
                name: "MutationMerges");

            migrationBuilder.DropTable(
                name: "MutationSightings");

            migrationBuilder.DropIndex(
                name: "IX_Mutations_AccountId_BankDate_Amount",
                table: "Mutations");

            migrationBuilder.DropIndex(
                name: "IX_Mutations_MootaCopies",
                table: "Mutations");

            migrationBuilder.DropIndex(
                name: "IX_Mutations_MootaIdentity",
                table: "Mutations");

            migrationBuilder.DropIndex(
                name: "IX_Mutations_Source_SourceId_IsSandbox",
                table: "Mutations");

            migrationBuilder.DropColumn(
                name: "BankDate",
                table: "Mutations");

            migrationBuilder.DropColumn(
                name: "MootaMutationId",
                table: "Mutations");

            migrationBuilder.DropColumn(
                name: "ConflictCount",
                table: "MootaSyncRuns");

            migrationBuilder.CreateIndex(
                name: "IX_Mutations_Source_SourceId",
                table: "Mutations",
                columns: new[] { "Source", "SourceId" },
                unique: true);
        }
    }
}
