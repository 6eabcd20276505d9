using Microsoft.Extensions.Options;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.OwnerReports;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.OwnerReports;

public class WeeklyMetricsTests
{
    private sealed class FixedOptions(SweepOptions value) : IOptionsMonitor<SweepOptions>
    {
        public SweepOptions CurrentValue => value;
        public SweepOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<SweepOptions, string?> listener) => null;
    }

    [Fact]
    public async Task Proofs_sent_by_CS_are_counted_in_the_week_they_were_issued()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 19, 15, 0)); // a Thursday
        var now = test.Clock.UtcNow;
        await using (var db = test.CreateDbContext())
        {
            var account = new Account { BankCode = "bca", AccountNumber = "0123", CreatedAt = now };
            var credit = new Mutation { Account = account, SourceId = "c1", Description = "TRSF", Amount = 150_123m, Direction = Direction.Credit, TransactionTime = now, ReadTime = now };
            db.Mutations.Add(credit);
            await db.SaveChangesAsync();
            PaymentProof ProofAt(DateTime at, string code) => new()
            {
                MutationId = credit.Id, VerificationCode = code, TokenId = code, CreatedAt = at, CreatedBy = "cs", ExpiresAt = at.AddDays(30),
            };
            db.Proofs.AddRange(ProofAt(now, "A"), ProofAt(now.AddHours(-30), "B"), ProofAt(now.AddDays(-8), "C"));
            await db.SaveChangesAsync();
        }

        var report = await new OwnerReportsQuery(test, test.Clock, new FixedOptions(new SweepOptions()), new ProofMetricsQuery(test)).LoadAsync(weeks: 2);

        report.Weeks.Count.ShouldBe(2);
        report.Weeks[^1].WeekStart.ShouldBe(new DateOnly(2026, 11, 16));
        report.Weeks[^1].ProofsCreated.ShouldBe(2);
        report.Weeks[0].ProofsCreated.ShouldBe(1);
    }
}
