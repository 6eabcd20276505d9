using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MootaDesk.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RolesRuleTimeouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisabledReason",
                table: "AutoTagRules",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TimeoutCount",
                table: "AutoTagRules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisabledReason",
                table: "AutoTagRules");

            migrationBuilder.DropColumn(
                name: "TimeoutCount",
                table: "AutoTagRules");
        }
    }
}
