using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Mutations.Ingest;

public class MutationIngestorTests
{
    private static IncomingMutation Credit(string id, DateTime at) => new()
    {
        Source = MutationSource.Webhook, SourceId = id, TransactionTimeUtc = at, Description = "TRSF E-BANKING CR 2111/FTSCY/WS95031 150123.00 BUDI SANTOSO",
        Amount = 150_123m, Direction = Direction.Credit, Account = new IncomingAccount("bank-1", "bca", "0123456789", "TOKO"),
    };

    [Fact]
    public async Task The_same_mutation_delivered_concurrently_is_stored_once_and_the_rest_count_as_duplicates()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ingestor = new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance);
        await ingestor.IngestAsync([Credit("warm-up", test.Clock.UtcNow)], Actor.System); // the account exists before the race

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            ingestor.IngestAsync([Credit("aolk4PekJxM", test.Clock.UtcNow)], Actor.System))));

        results.Sum(r => r.New).ShouldBe(1);
        results.Sum(r => r.Duplicates).ShouldBe(7);
        await using var db = test.CreateDbContext();
        (await db.Mutations.CountAsync(m => m.SourceId == "aolk4PekJxM")).ShouldBe(1);
    }

    [Fact]
    public async Task A_repeat_within_one_batch_is_a_duplicate_not_a_second_row()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ingestor = new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance);
        var result = await ingestor.IngestAsync([Credit("x1", test.Clock.UtcNow), Credit("x1", test.Clock.UtcNow)], Actor.System);
        (result.New, result.Duplicates).ShouldBe((1, 1));
    }

    [Fact]
    public async Task Amounts_with_more_than_two_decimals_are_refused_before_anything_is_stored()
    {
        await using var test = await TestDatabase.CreateAsync();
        var ingestor = new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance);
        await Should.ThrowAsync<ArgumentException>(() => ingestor.IngestAsync([Credit("ok", test.Clock.UtcNow), Credit("bad", test.Clock.UtcNow) with { Amount = 1.005m }], Actor.System));
        await using var db = test.CreateDbContext();
        (await db.Mutations.CountAsync()).ShouldBe(0);
    }
}
