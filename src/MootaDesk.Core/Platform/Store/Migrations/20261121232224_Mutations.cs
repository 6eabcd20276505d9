using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MootaDesk.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Mutations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AutoTagRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    IsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    DescriptionContains = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DescriptionPattern = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AmountMin = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    AmountMax = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    Direction = table.Column<int>(type: "INTEGER", nullable: true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: true),
                    CounterpartyContains = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AddTagIds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SetStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    StopAfterMatch = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutoTagRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedViews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SystemKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedViews", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Mutations_IsSandbox_TransactionTime",
                table: "Mutations",
                columns: new[] { "IsSandbox", "TransactionTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Mutations_Source_TransactionTime",
                table: "Mutations",
                columns: new[] { "Source", "TransactionTime" });

            migrationBuilder.CreateIndex(
                name: "IX_AutoTagRules_Position",
                table: "AutoTagRules",
                column: "Position");

            migrationBuilder.CreateIndex(
                name: "IX_SavedViews_OwnerUserId",
                table: "SavedViews",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedViews_SystemKey",
                table: "SavedViews",
                column: "SystemKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AutoTagRules");

            migrationBuilder.DropTable(
                name: "SavedViews");

            migrationBuilder.DropIndex(
                name: "IX_Mutations_IsSandbox_TransactionTime",
                table: "Mutations");

            migrationBuilder.DropIndex(
                name: "IX_Mutations_Source_TransactionTime",
                table: "Mutations");
        }
    }
}
