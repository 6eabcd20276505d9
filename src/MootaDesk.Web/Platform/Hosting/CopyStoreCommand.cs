using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>
/// `copy-store --from "Data Source=data/mootadesk.db" --to "Host=…;Database=…;Username=…;Password=…"`: moves a shop from
/// SQLite to an empty PostgreSQL store (<see cref="StoreCopy"/>), prints each table's rows and whether its counts and
/// money sums agree, and exits 0 only when every table does. The SQLite inbox file is the one beside the main file
/// unless <c>--from-inbox</c> names another; on PostgreSQL the inbox shares the database.
/// </summary>
public static class CopyStoreCommand
{
    private const string Usage = "usage: copy-store --from \"Data Source=PATH\" --to \"Host=…;Database=…;Username=…;Password=…\" [--from-inbox \"Data Source=PATH\"]";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "copy-store";

    public static async Task<int> RunAsync(string[] args)
    {
        string? from = null, fromInbox = null, to = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--from" when i + 1 < args.Length: from = args[++i]; break;
                case "--from-inbox" when i + 1 < args.Length: fromInbox = args[++i]; break;
                case "--to" when i + 1 < args.Length: to = args[++i]; break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'.");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        if (from is null || to is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        StoreLocation source, target;
        try
        {
            source = StoreLocation.For(StoreProvider.Sqlite, from, fromInbox, Directory.GetCurrentDirectory());
            target = StoreLocation.For(StoreProvider.PostgreSQL, to, null, Directory.GetCurrentDirectory());
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            Console.Error.WriteLine($"copy-store: {ex.Message}");
            return 2;
        }
        var result = await StoreCopy.CopyAsync(source, target, Console.Out);
        if (result.Refusal is { } refusal)
        {
            Console.Error.WriteLine($"copy-store refused: {refusal}");
            return 1;
        }
        foreach (var t in result.Tables.Where(t => !t.Matches))
            Console.Error.WriteLine($"{t.Table}: {t.SourceRows} rows in SQLite, {t.TargetRows} in PostgreSQL; sums {string.Join(", ", t.Sums.Select(s => $"{s.Column} {s.Source} vs {s.Target}"))}");
        Console.WriteLine(result.Succeeded
            ? $"Copied {result.Tables.Count} tables, {result.Tables.Sum(t => t.TargetRows):N0} rows; counts and money sums agree. Set MootaDesk:Database:Provider=PostgreSQL and ConnectionStrings:MootaDesk to the target to run on it."
            : "The copy does not match the source: do not switch to it.");
        return result.Succeeded ? 0 : 1;
    }
}
