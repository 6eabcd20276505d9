using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MootaDesk.PostgreSqlMigrations.Platform.Store.Migrations
{
    /// <inheritdoc />
    public partial class MudIntegrationsDismissProvisionalCredit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DismissReason",
                table: "Mutations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DismissedAt",
                table: "Mutations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DismissedBy",
                table: "Mutations",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DismissReason",
                table: "Mutations");

            migrationBuilder.DropColumn(
                name: "DismissedAt",
                table: "Mutations");

            migrationBuilder.DropColumn(
                name: "DismissedBy",
                table: "Mutations");
        }
    }
}
