using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Platform.Store;

/// <summary>How the store keeps money and time, shared by the main store and the webhook inbox, per provider.</summary>
public static class StoreConventions
{
    public static void Apply(ModelConfigurationBuilder configuration, DbContext db)
    {
        if (db.IsPostgreSql())
        {
            // numeric(18,2): exact in SQL like SQLite's sen, and readable by anything else that opens the database.
            configuration.Properties<decimal>().HavePrecision(18, 2);
            configuration.Properties<decimal?>().HavePrecision(18, 2);
            // timestamp with time zone; Npgsql refuses a DateTime that is not UTC, and reads back DateTimeKind.Utc.
            configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
            return;
        }

        // SQLite has no decimal type: stored as whole sen (INTEGER) so that comparison, ordering and SUM run
        // in SQL, exactly, and use indexes. Amounts never carry more than two decimals.
        configuration.Properties<decimal>().HaveConversion<MoneyToSenConverter>().HavePrecision(18, 2);
        configuration.Properties<decimal?>().HaveConversion<MoneyToSenConverter>().HavePrecision(18, 2);

        // Everything is stored in UTC; SQLite gives back DateTimeKind.Unspecified, so say so on the way out.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
