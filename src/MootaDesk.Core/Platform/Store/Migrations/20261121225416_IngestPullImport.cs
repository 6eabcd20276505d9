using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MootaDesk.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class IngestPullImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MootaSyncRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BanksFound = table.Column<int>(type: "INTEGER", nullable: false),
                    MutationsFetched = table.Column<int>(type: "INTEGER", nullable: false),
                    NewCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DuplicateCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    BanksJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MootaSyncRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MootaSyncRuns_Integrations_IntegrationId",
                        column: x => x.IntegrationId,
                        principalTable: "Integrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatementImportMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    DateColumn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TimeColumn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DescriptionColumn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AmountColumn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DebitColumn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreditColumn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MarkerColumn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BalanceColumn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DateFormat = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Numbers = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementImportMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatementImportMappings_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatementImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ImportedById = table.Column<string>(type: "TEXT", nullable: true),
                    TotalRows = table.Column<int>(type: "INTEGER", nullable: false),
                    NewCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DuplicateCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidRowsOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    RejectedJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatementImports_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MootaSyncRuns_IntegrationId_StartedAt",
                table: "MootaSyncRuns",
                columns: new[] { "IntegrationId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StatementImportMappings_AccountId",
                table: "StatementImportMappings",
                column: "AccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatementImports_AccountId_ImportedAt",
                table: "StatementImports",
                columns: new[] { "AccountId", "ImportedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MootaSyncRuns");

            migrationBuilder.DropTable(
                name: "StatementImportMappings");

            migrationBuilder.DropTable(
                name: "StatementImports");
        }
    }
}
