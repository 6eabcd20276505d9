using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MootaDesk.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class MoveWebhookInboxToOwnFile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rows are kept, not dropped: WebhookInboxFile.MoveLegacyDeliveriesAsync copies them into the inbox
            // file at start-up (it knows that file's path, a migration does not) and only then drops this table.
            // A holding table rather than a rename: after a Down and Up again it may still hold rows not yet moved.
            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS "WebhookDeliveriesMoved" AS SELECT * FROM "WebhookDeliveries" WHERE 0;
                INSERT INTO "WebhookDeliveriesMoved" SELECT * FROM "WebhookDeliveries";
                DROP TABLE "WebhookDeliveries";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Mutations_WebhookDeliveryId",
                table: "Mutations",
                column: "WebhookDeliveryId",
                filter: "\"WebhookDeliveryId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Mutations_WebhookDeliveryId",
                table: "Mutations");

            // Going back gives the main file an empty inbox table; the deliveries stay in the inbox file.
            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnswerMs = table.Column<double>(type: "REAL", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DuplicateCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    HeadersJson = table.Column<string>(type: "TEXT", nullable: false),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: true),
                    NewCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProcessingMs = table.Column<double>(type: "REAL", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Signature = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_ReceivedAt",
                table: "WebhookDeliveries",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_Status_Id",
                table: "WebhookDeliveries",
                columns: new[] { "Status", "Id" });
        }
    }
}
