using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MootaDesk.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Sweep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CsTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SweepId = table.Column<int>(type: "INTEGER", nullable: true),
                    MutationId = table.Column<long>(type: "INTEGER", nullable: false),
                    AssigneeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CsTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CsTasks_Mutations_MutationId",
                        column: x => x.MutationId,
                        principalTable: "Mutations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sweeps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BusinessDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WindowStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WindowEndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreparedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountsReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AccountsReviewedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    SummaryIncome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SummaryOutflows = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SummaryPendingOrders = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SummaryRefunds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SummaryNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Income = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    SignedOffAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignedOffBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    SignedOffById = table.Column<string>(type: "TEXT", nullable: true),
                    CreditsAtSignOff = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditsReconciledAtSignOff = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sweeps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SweepItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SweepId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    MutationId = table.Column<long>(type: "INTEGER", nullable: true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: true),
                    WebhookDeliveryId = table.Column<long>(type: "INTEGER", nullable: true),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CheckNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SweepItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SweepItems_Sweeps_SweepId",
                        column: x => x.SweepId,
                        principalTable: "Sweeps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CsTasks_AssigneeId_Status_DueAt",
                table: "CsTasks",
                columns: new[] { "AssigneeId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CsTasks_MutationId",
                table: "CsTasks",
                column: "MutationId");

            migrationBuilder.CreateIndex(
                name: "IX_CsTasks_Status_DoneAt",
                table: "CsTasks",
                columns: new[] { "Status", "DoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SweepItems_MutationId",
                table: "SweepItems",
                column: "MutationId");

            migrationBuilder.CreateIndex(
                name: "IX_SweepItems_SweepId_Kind",
                table: "SweepItems",
                columns: new[] { "SweepId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Sweeps_BusinessDate",
                table: "Sweeps",
                column: "BusinessDate",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sweeps_SignedOffAt",
                table: "Sweeps",
                column: "SignedOffAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CsTasks");

            migrationBuilder.DropTable(
                name: "SweepItems");

            migrationBuilder.DropTable(
                name: "Sweeps");
        }
    }
}
