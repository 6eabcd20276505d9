using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MootaDesk.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class StatementsLayoutsAndTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MoneyIn",
                table: "StatementImports",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "MoneyOut",
                table: "StatementImports",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "SkippedCount",
                table: "StatementImports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ExtraDescriptionColumn",
                table: "StatementImportMappings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Layout",
                table: "StatementImportMappings",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MoneyIn",
                table: "StatementImports");

            migrationBuilder.DropColumn(
                name: "MoneyOut",
                table: "StatementImports");

            migrationBuilder.DropColumn(
                name: "SkippedCount",
                table: "StatementImports");

            migrationBuilder.DropColumn(
                name: "ExtraDescriptionColumn",
                table: "StatementImportMappings");

            migrationBuilder.DropColumn(
                name: "Layout",
                table: "StatementImportMappings");
        }
    }
}
