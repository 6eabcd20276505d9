using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MootaDesk.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SandboxOnlyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Mutations_SandboxOnly_TransactionTime",
                table: "Mutations",
                column: "TransactionTime",
                filter: "\"IsSandbox\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Mutations_SandboxOnly_TransactionTime",
                table: "Mutations");
        }
    }
}
