using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Integrations.Notifications;

/// <summary>The sandbox's phone: a simulated BRImo notification for a sandbox account, then the sandbox's bank mutation confirms it.</summary>
public class NotificationSandboxTests
{
    [Fact]
    public async Task A_simulated_notification_is_a_provisional_sandbox_credit_that_the_simulated_bank_mutation_confirms()
    {
        await using var test = await TestDatabase.CreateAsync();
        test.Time.SetJakarta(2026, 11, 30, 12, 0);
        int sandboxId, realId;
        await using (var db = test.CreateDbContext())
        {
            var sandbox = new Account { BankCode = "sandbox", AccountNumber = "4579776546", Label = "Latihan", IsSandbox = true, CreatedAt = test.Clock.UtcNow };
            var real = new Account { BankCode = "bri", AccountNumber = "790001009621533", CreatedAt = test.Clock.UtcNow };
            db.Accounts.AddRange(sandbox, real);
            await db.SaveChangesAsync();
            (sandboxId, realId) = (sandbox.Id, real.Id);
        }
        var ingestor = new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance);
        var sandboxPhone = new NotificationSandbox(test, new NotificationInbox(test, ingestor, test.Clock, new NotificationInboxSignal(), NullLogger<NotificationInbox>.Instance), test.Clock);

        var (receipt, error) = await sandboxPhone.SimulateAsync(sandboxId, 150_517m, new Actor("opi"));
        var refused = await sandboxPhone.SimulateAsync(realId, 150_517m, new Actor("opi"));
        var bank = await ingestor.IngestAsync([new IncomingMutation
        {
            Source = MutationSource.Webhook, SourceId = "sbx-1", AccountId = sandboxId, TransactionTimeUtc = test.Clock.UtcNow, Description = "BUDI SANTOSO",
            Amount = 150_517m, Direction = Direction.Credit, IsSandbox = true,
        }], Actor.System);

        (error, receipt!.Status, refused.ErrorKey).ShouldBe(((string?)null, NotificationPostStatus.Provisional, "Sandbox.Error.Account"));
        bank.Attached.ShouldBe(1);
        await using var check = test.CreateDbContext();
        var row = await check.Mutations.SingleAsync();
        (row.Id, row.IsSandbox, row.IsProvisional, row.MootaMutationId).ShouldBe((receipt.MutationId!.Value, true, false, "sbx-1"));
    }
}
