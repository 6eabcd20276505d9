using Microsoft.EntityFrameworkCore;

namespace MootaDesk.Core.Platform.Store;

/// <summary>How every MootaDesk SQLite file stores money and time, shared by the main store and the webhook inbox.</summary>
public static class StoreConventions
{
    public static void Apply(ModelConfigurationBuilder configuration)
    {
        // SQLite has no decimal type: stored as whole sen (INTEGER) so that comparison, ordering and SUM run
        // in SQL, exactly, and use indexes. Amounts never carry more than two decimals.
        configuration.Properties<decimal>().HaveConversion<MoneyToSenConverter>().HavePrecision(18, 2);
        configuration.Properties<decimal?>().HaveConversion<MoneyToSenConverter>().HavePrecision(18, 2);

        // Everything is stored in UTC; SQLite gives back DateTimeKind.Unspecified, so say so on the way out.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
