using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Notifications;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform.Notifications;

public class ImportantDebitAlertsTests
{
    private static IncomingMutation Mutation(string id, decimal amount, Direction direction, DateTime at, bool sandbox = false) => new()
    {
        Source = MutationSource.Webhook, SourceId = id, TransactionTimeUtc = at, Description = "TRSF E-BANKING DB 2111/FTSCY PT SUMBER KAIN",
        Amount = amount, Direction = direction, IsSandbox = sandbox,
        Account = new IncomingAccount("bank-1", "bca", "0123456789", "TOKO", IsSandbox: sandbox),
    };

    private static (MutationIngestor Ingestor, ImportantDebitAlerts Alerts, BusinessSettings Settings) Ingestor(TestDatabase test)
    {
        var settings = new BusinessSettings(test, Options.Create(new MootaDeskOptions { ImportantDebitThreshold = 5_000_000m }), test.Time);
        var alerts = new ImportantDebitAlerts(test, settings, test.Clock);
        return (new MutationIngestor(test, test.Clock, [alerts], NullLogger<MutationIngestor>.Instance), alerts, settings);
    }

    [Fact]
    public async Task A_debit_at_or_above_the_threshold_rings_the_bell_of_everyone_who_may_see_debits_but_never_CS()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (ingestor, _, _) = Ingestor(test);

        await ingestor.IngestAsync([Mutation("big", 5_000_000m, Direction.Debit, test.Clock.UtcNow)], Actor.System);

        await using var db = test.CreateDbContext();
        var notices = await db.Notifications.AsNoTracking().ToListAsync();
        notices.Select(n => n.Role).ShouldBe([Roles.Owner, Roles.Finance, Roles.Ops], ignoreOrder: true);
        notices.ShouldAllBe(n => n.Text.Contains("Debit penting Rp 5.000.000") && n.Text.Contains("PT SUMBER KAIN") && n.Link!.Contains("buka="));
        var inbox = new NotificationInbox(test, test.Time);
        (await inbox.LoadAsync(Viewer.ForRoles("cs", Roles.CS))).Rows.ShouldBeEmpty();
        (await inbox.LoadAsync(Viewer.ForRoles("fin", Roles.Finance))).Unread.ShouldBe(1);
    }

    [Fact]
    public async Task Credits_and_debits_below_the_threshold_raise_no_notice()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (ingestor, _, _) = Ingestor(test);

        await ingestor.IngestAsync([Mutation("small", 4_999_999m, Direction.Debit, test.Clock.UtcNow), Mutation("in", 9_000_000m, Direction.Credit, test.Clock.UtcNow)], Actor.System);

        await using var db = test.CreateDbContext();
        (await db.Notifications.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_old_debit_arriving_with_a_statement_is_history_and_rings_no_bell()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (ingestor, _, _) = Ingestor(test);

        await ingestor.IngestAsync([Mutation("old", 9_000_000m, Direction.Debit, test.Clock.UtcNow.AddDays(-10))], Actor.System);
        await ingestor.IngestAsync([Mutation("weekend", 9_000_000m, Direction.Debit, test.Clock.UtcNow.AddDays(-2))], Actor.System);

        await using var db = test.CreateDbContext();
        (await db.Notifications.Select(n => n.Link).Distinct().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Each_important_debit_is_announced_once_however_often_the_steps_run_or_the_mutation_is_delivered()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (ingestor, alerts, _) = Ingestor(test);
        var debit = Mutation("big", 12_500_000m, Direction.Debit, test.Clock.UtcNow);

        var first = await ingestor.IngestAsync([debit], Actor.System);
        await ingestor.IngestAsync([debit], Actor.System); // a repeat delivery
        await ingestor.RunStepsAsync(first.NewMutationIds, Actor.System); // "apply rules again"
        await alerts.RunAsync(first.NewMutationIds, Actor.System, CancellationToken.None);

        await using var db = test.CreateDbContext();
        (await db.Notifications.CountAsync()).ShouldBe(ImportantDebitAlerts.Audience.Count);
    }

    [Fact]
    public async Task The_threshold_the_Owner_saves_in_Settings_is_the_one_applied()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (ingestor, _, settings) = Ingestor(test);
        await settings.SetAsync(BusinessSettings.ImportantDebitThresholdKey, "20000000", Actor.System);

        await ingestor.IngestAsync([Mutation("mid", 12_500_000m, Direction.Debit, test.Clock.UtcNow)], Actor.System);
        await ingestor.IngestAsync([Mutation("huge", 20_000_000m, Direction.Debit, test.Clock.UtcNow)], Actor.System);

        await using var db = test.CreateDbContext();
        var texts = await db.Notifications.Select(n => n.Text).Distinct().ToListAsync();
        texts.Count.ShouldBe(1);
        texts[0].ShouldContain("Rp 20.000.000");
    }

    [Fact]
    public async Task A_sandbox_debit_is_announced_marked_as_demo()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (ingestor, _, _) = Ingestor(test);

        await ingestor.IngestAsync([Mutation("sim", 7_500_000m, Direction.Debit, test.Clock.UtcNow, sandbox: true)], Actor.System);

        await using var db = test.CreateDbContext();
        (await db.Notifications.Select(n => n.Text).FirstAsync()).ShouldStartWith("[Demo] Debit penting Rp 7.500.000");
    }

    [Fact]
    public void The_audience_is_Owner_Finance_and_Ops_as_the_permission_matrix_grants_debits_and_never_CS() =>
        ImportantDebitAlerts.Audience.ShouldBe([Roles.Owner, Roles.Finance, Roles.Ops], ignoreOrder: true);
}
