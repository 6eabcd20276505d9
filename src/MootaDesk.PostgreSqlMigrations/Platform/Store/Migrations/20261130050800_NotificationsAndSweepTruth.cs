using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MootaDesk.PostgreSqlMigrations.Platform.Store.Migrations
{
    /// <inheritdoc />
    public partial class NotificationsAndSweepTruth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountFigures",
                table: "Sweeps",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Sweeps",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "LikelyPaidByMutationId",
                table: "Orders",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmedAt",
                table: "Mutations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsProvisional",
                table: "Mutations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "NotificationDevices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TokenPrefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountIds = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AccountNumbers = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    FromConfiguration = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastPostAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationDevices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NotificationPosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceId = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AppPackage = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PostedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Verdict = table.Column<int>(type: "integer", nullable: true),
                    BankCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RuleId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Direction = table.Column<int>(type: "integer", nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ReasonJson = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MutationId = table.Column<long>(type: "bigint", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    IsSandbox = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationPosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationPosts_NotificationDevices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "NotificationDevices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Mutations_Provisional",
                table: "Mutations",
                columns: new[] { "AccountId", "TransactionTime" },
                filter: "\"IsProvisional\"");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDevices_TokenHash",
                table: "NotificationDevices",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationPosts_DeviceId",
                table: "NotificationPosts",
                column: "DeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationPosts_MutationId",
                table: "NotificationPosts",
                column: "MutationId",
                filter: "\"MutationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationPosts_ReceivedAt",
                table: "NotificationPosts",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationPosts_Status_ReceivedAt",
                table: "NotificationPosts",
                columns: new[] { "Status", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationPosts");

            migrationBuilder.DropTable(
                name: "NotificationDevices");

            migrationBuilder.DropIndex(
                name: "IX_Mutations_Provisional",
                table: "Mutations");

            migrationBuilder.DropColumn(
                name: "AccountFigures",
                table: "Sweeps");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "Sweeps");

            migrationBuilder.DropColumn(
                name: "LikelyPaidByMutationId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "Mutations");

            migrationBuilder.DropColumn(
                name: "IsProvisional",
                table: "Mutations");
        }
    }
}
