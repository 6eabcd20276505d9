using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MootaDesk.Core.Platform.Store.Migrations
{
    /// <inheritdoc />
    public partial class SweepTruthAccountFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountFigures",
                table: "Sweeps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Sweeps",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Hand-written backfill (carry over at regeneration): a sweep made while no real account existed yet swept
            // the demo shop, so it is marked demo and never shows unlabelled once real data arrives.
            migrationBuilder.Sql("""
                UPDATE "Sweeps" SET "IsDemo" = 1
                WHERE EXISTS (SELECT 1 FROM "Accounts" WHERE "IsDemo" = 1)
                  AND NOT EXISTS (SELECT 1 FROM "Accounts" WHERE "IsSandbox" = 0 AND "CreatedAt" <= "Sweeps"."WindowEndUtc");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AccountFigures",
                table: "Sweeps");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "Sweeps");
        }
    }
}
