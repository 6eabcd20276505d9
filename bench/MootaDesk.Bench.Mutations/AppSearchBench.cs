using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Search;
using MootaDesk.Core.Shared;

/// <summary>
/// <c>app-search [--rows 300000] [--db seeded.db]</c>: the app bar's search (<see cref="AppSearch"/>) over a busy store, as
/// Finance and CS type into it: a payer's name (both word orders), an amount, an order reference, a code, nothing found.
/// Seeds a throw-away store (mutations only) unless <c>--db</c> names one. Prints median and max of five warm runs per
/// question; asserts nothing.
/// </summary>
internal static class AppSearchBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var store = await SeededStore.OpenAsync(args, "app-search");
        await using (var context = store.Factory.CreateDbContext())
            await MutationTextSearch.CatchUpAsync(context);
        var search = new AppSearch(store.Factory, new BusinessClock(TimeProvider.System));

        await using var ctx = store.Factory.CreateDbContext();
        var sample = await ctx.Mutations.Where(m => m.Direction == Direction.Credit && m.Counterparty != null && m.OrderReference != null)
            .OrderByDescending(m => m.TransactionTime).Select(m => new { m.Amount, m.Counterparty, m.OrderReference }).FirstAsync();
        var words = sample.Counterparty!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var cases = new (string Name, string Text)[]
        {
            ("payer's name", sample.Counterparty),
            ("payer's name, words reversed", string.Join(' ', Enumerable.Reverse(words))),
            ("amount", Money.Format(sample.Amount)),
            ("order reference", sample.OrderReference!),
            ("proof code", "K7QX-3M9P"),
            ("nothing found", "zzqq tidak ada"),
        };
        Console.WriteLine($"app search · {Environment.ProcessorCount} CPU · load {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var viewer in new[] { Viewer.ForRoles("bench-finance", Roles.Finance), Viewer.ForRoles("bench-cs", Roles.CS) })
        {
            foreach (var (name, text) in cases)
            {
                var (median, max, r) = await SeededStore.FiveRunsAsync(() => search.SearchAsync(text, viewer));
                Console.WriteLine($"{string.Join(",", viewer.Roles),-8} {name,-30} median {median,8:N1} ms  max {max,8:N1} ms  " +
                                  $"hits {r.Mutations.Count}/{r.Orders.Count}/{r.Customers.Count}/{r.Proofs.Count}");
            }
        }
        return 0;
    }
}
