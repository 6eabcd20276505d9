using System.Globalization;
using MootaDesk.Core.Settings;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>`seed --mutations N --db PATH`: fills a database for benchmarks and prints the insert rate.</summary>
public static class SeedCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "seed";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = 1_000_000;
        string? db = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--mutations" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0:
                    count = n; i++; break;
                case "--db" when i + 1 < args.Length:
                    db = args[++i]; break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'.");
                    Console.Error.WriteLine("usage: seed --mutations N --db PATH");
                    return 2;
            }
        }
        if (db is null)
        {
            Console.Error.WriteLine("usage: seed --mutations N --db PATH   (--db is required so a real database is never filled by mistake)");
            return 2;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(db))!);
        Console.WriteLine($"Seeding {count:N0} mutations into {Path.GetFullPath(db)} …");
        var result = await BulkSeeder.SeedAsync(db, count, DateTime.UtcNow, progress: Console.Out);
        Console.WriteLine($"Done: {result.Mutations:N0} mutations in {result.Elapsed.TotalSeconds:N1} s ({result.PerSecond:N0} mutations/s)");
        return 0;
    }
}
