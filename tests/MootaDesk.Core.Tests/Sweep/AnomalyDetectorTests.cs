using MootaDesk.Core.Integrations;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Shared;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Core.Tests.Sweep;

public class AnomalyDetectorTests
{
    private static readonly DateTime T0 = new(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc); // 09:00 WIB

    private static SweepMutation M(long id, decimal amount, Direction d = Direction.Credit, int minutes = 0, int account = 1, decimal? balance = null,
        string? cp = null, string? orderRef = null, int readLagMinutes = 1, ReconciliationStatus status = ReconciliationStatus.New, bool sandbox = false,
        SweepTags tags = SweepTags.None, string? description = null) =>
        new(id, account, T0.AddMinutes(minutes), true, T0.AddMinutes(minutes + readLagMinutes), amount, d, balance, description ?? "TRSF " + id, cp, orderRef,
            status, false, sandbox, tags);

    private static SweepAccount A(int id, decimal? opening = null, decimal? reported = null, DateTime? reportedAt = null, DateTime? lastRead = null,
        bool sandbox = false, string holder = "PT TOKO MAJU") =>
        new(id, "Rek " + id, holder, sandbox, true, opening, reported, reportedAt, lastRead);

    [Fact]
    public void Rejected_and_failed_deliveries_are_reported_and_good_ones_are_not()
    {
        var found = AnomalyDetectors.RejectedOrFailedDeliveries(
        [
            new SweepDelivery(1, T0, DeliveryStatus.Rejected, SignatureVerdict.Invalid, null, "1.2.3.4"),
            new SweepDelivery(2, T0, DeliveryStatus.Failed, SignatureVerdict.Valid, "timeout", null),
            new SweepDelivery(3, T0, DeliveryStatus.Malformed, SignatureVerdict.Valid, "bad json", null),
            new SweepDelivery(4, T0, DeliveryStatus.Processed, SignatureVerdict.Valid, null, null),
            new SweepDelivery(5, T0, DeliveryStatus.Partial, SignatureVerdict.Valid, "element #2: Problem.OldShape: 4711", null),
        ]).ToList();
        found.Select(f => (f.Kind, f.WebhookDeliveryId)).ShouldBe([(SweepItemKind.WebhookRejected, 1L), (SweepItemKind.WebhookFailed, 2L), (SweepItemKind.WebhookFailed, 3L), (SweepItemKind.WebhookFailed, 5L)]);
        found[^1].Detail.ShouldContain("diproses sebagian");
    }

    [Fact]
    public void The_same_bank_line_stored_twice_is_a_duplicate_but_two_equal_payments_at_different_times_are_not()
    {
        var found = AnomalyDetectors.Duplicates(
        [
            M(1, 150_000m, description: "TRSF BUDI"),
            M(2, 150_000m, description: "trsf budi ", readLagMinutes: 30),
            M(3, 150_000m, minutes: 5, description: "TRSF BUDI"),
        ]).ToList();
        found.Single().MutationId.ShouldBe(2);
    }

    [Fact]
    public void An_account_silent_for_more_business_hours_than_allowed_is_reported_but_nights_do_not_count()
    {
        var time = TestTime.Create();
        var clock = new BusinessClock(time);
        var t = new AnomalyThresholds { SilentHours = 3 };
        var now = new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc); // 15:00 WIB Saturday
        var quiet = A(1, lastRead: new DateTime(2026, 11, 21, 3, 0, 0, DateTimeKind.Utc)); // 10:00 WIB: 5 business hours ago
        var busy = A(2, lastRead: new DateTime(2026, 11, 21, 7, 0, 0, DateTimeKind.Utc)); // 14:00 WIB
        var overnight = A(3, lastRead: new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc)); // Friday 16:30 WIB
        var mondayMorning = new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc); // Monday 09:00 WIB

        AnomalyDetectors.SilentAccounts([quiet, busy], null, now, t, clock, SweepCalendar.Default).Select(f => f.AccountId).ShouldBe([1]);
        // A successful sync vouches for every account: Moota had nothing new.
        AnomalyDetectors.SilentAccounts([quiet], now.AddMinutes(-10), now, t, clock, SweepCalendar.Default).ShouldBeEmpty();
        // Friday 16:30 → Monday 09:00 is 0.5 h (Fri) + 9 h (Sat) + 1 h (Mon) of business hours.
        AnomalyDetectors.BusinessHoursBetween(overnight.LastReadTime!.Value, mondayMorning, t, clock, SweepCalendar.Default).ShouldBe(10.5, 0.001);
    }

    [Fact]
    public void A_balance_that_does_not_follow_from_the_previous_one_is_a_break()
    {
        var rows = new[]
        {
            M(1, 100m, Direction.Credit, 0, balance: 1_100m),
            M(2, 50m, Direction.Debit, 1, balance: 1_050m),
            M(3, 10m, Direction.Credit, 2, balance: 1_070m), // should be 1,060
            M(4, 30m, Direction.Debit, 3),                   // no printed balance: carries 1,040 forward
        };
        var found = AnomalyDetectors.BalanceBreaks(rows, [A(1, opening: 1_000m, reported: 1_000m, reportedAt: T0.AddHours(1))]).ToList();
        found.Count.ShouldBe(2);
        found[0].MutationId.ShouldBe(3);
        found[0].Amount.ShouldBe(10m);
        // The bank's reported balance (1,000) disagrees with the running figure after the last line (1,040).
        found[1].Amount.ShouldBe(-40m);
        AnomalyDetectors.BalanceBreaks(rows[..2], [A(1, opening: 1_000m)]).ShouldBeEmpty();
    }

    [Fact]
    public void Credits_read_long_after_the_transaction_are_late_and_date_only_lines_are_skipped()
    {
        var dateOnly = M(3, 10m, readLagMinutes: 600) with { HasTimeOfDay = false };
        var found = AnomalyDetectors.LateReads([M(1, 10m, readLagMinutes: 5), M(2, 10m, readLagMinutes: 90), dateOnly, M(4, 10m, Direction.Debit, readLagMinutes: 600)],
            TimeSpan.FromHours(1)).ToList();
        found.Single().MutationId.ShouldBe(2);
    }

    [Fact]
    public void Amounts_far_above_the_accounts_history_are_unusual_once_there_is_enough_history()
    {
        var history = new Dictionary<(int, Direction), decimal[]>
        {
            [(1, Direction.Credit)] = Enumerable.Range(1, 100).Select(i => i * 1_000m).ToArray(), // p95 = 95,000
            [(2, Direction.Credit)] = [1_000m, 2_000m],
        };
        var t = new AnomalyThresholds();
        var found = AnomalyDetectors.UnusualAmounts([M(1, 470_000m), M(2, 475_000m), M(3, 9_000_000m, account: 2), M(4, 9_000_000m, Direction.Debit)], history, t).ToList();
        found.Select(f => f.MutationId).ShouldBe([2L]);
    }

    [Fact]
    public void An_order_paid_by_two_credits_is_reported_for_the_extra_payment()
    {
        var orders = new[] { new SweepOrder(7, "INV-7", 1, 150_000m, OrderStatus.Paid, 1, T0, false) };
        var found = AnomalyDetectors.OrdersPaidTwice([M(1, 150_000m, orderRef: "INV-7"), M(2, 150_000m, orderRef: "inv-7 "), M(3, 99m, orderRef: "INV-8")], orders).ToList();
        found.Single().MutationId.ShouldBe(2);
        found.Single().OrderId.ShouldBe(7);
        // One credit settling its order is the normal case.
        AnomalyDetectors.OrdersPaidTwice([M(1, 150_000m, orderRef: "INV-7")], orders).ShouldBeEmpty();
    }

    [Fact]
    public void Credits_matching_no_order_are_reported_unless_matched_referenced_or_an_own_transfer()
    {
        var orders = new List<SweepOrder>
        {
            new(1, "INV-1", 1, 150_123m, OrderStatus.Pending, null, T0, false),
            new(2, "INV-2", 1, 99_000m, OrderStatus.Paid, 5, T0, false),
        };
        var rows = new[]
        {
            M(1, 150_123m),                                   // amount of a pending order
            M(2, 77_000m, orderRef: "INV-2"),                 // references an order
            M(3, 88_000m, status: ReconciliationStatus.Matched),
            M(4, 500_000m),                                   // own transfer
            M(5, 99_000m),                                    // matched by the order
            M(6, 42_000m),                                    // nothing
            M(7, 150_123m, account: 2),                       // right amount, wrong account
        };
        var found = AnomalyDetectors.CreditsWithoutOrder(rows, orders, new HashSet<long> { 4 }).Select(f => f.MutationId).ToList();
        found.ShouldBe([6L, 7L]);
        AnomalyDetectors.CreditsWithoutOrder(rows, [], new HashSet<long>()).ShouldBeEmpty();
    }
}
