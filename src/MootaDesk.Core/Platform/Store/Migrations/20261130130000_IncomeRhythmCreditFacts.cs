using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MootaDesk.Core.Platform.Store;

#nullable disable

namespace MootaDesk.Core.Data.Migrations
{
    /// <summary>
    /// SQLite only, written by hand (the model does not change, so there is no snapshot change and no PostgreSQL twin): the income
    /// rhythm now reads each credit once and groups in C#, from a partial covering index of real, confirmed credits. It replaces
    /// IX_Mutations_CreditHours (an expression index for the SQL grouping by UTC hour that is gone). A year of a 1,000,000-mutation
    /// store reads in ~0.25 s from it against ~0.85 s through the time index and the table. The account is in it for the
    /// own-transfer rule (a credit in one own account paired with a debit of another).
    /// </summary>
    [DbContext(typeof(MootaDeskDbContext))]
    [Migration("20261130130000_IncomeRhythmCreditFacts")]
    public partial class IncomeRhythmCreditFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Mutations_CreditHours\";");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_Mutations_CreditFacts\" ON \"Mutations\" (\"IsSandbox\", \"TransactionTime\", \"HasTimeOfDay\", \"Amount\", \"Counterparty\", \"AccountId\") WHERE \"Direction\" = 0 AND NOT \"IsProvisional\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Mutations_CreditFacts\";");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_Mutations_CreditHours\" ON \"Mutations\" (\"Direction\", \"IsSandbox\", substr(\"TransactionTime\", 1, 13), \"HasTimeOfDay\", \"Amount\") WHERE NOT \"IsProvisional\";");
        }
    }
}
