using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MootaDesk.Core.Data.Inbox.Migrations
{
    /// <inheritdoc />
    public partial class IngestInboxProblemsAndRedaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BodyRedacted",
                table: "WebhookDeliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ProblemsJson",
                table: "WebhookDeliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_BodyNotRedacted",
                table: "WebhookDeliveries",
                column: "Id",
                filter: "NOT \"BodyRedacted\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_BodyNotRedacted",
                table: "WebhookDeliveries");

            migrationBuilder.DropColumn(
                name: "BodyRedacted",
                table: "WebhookDeliveries");

            migrationBuilder.DropColumn(
                name: "ProblemsJson",
                table: "WebhookDeliveries");
        }
    }
}
