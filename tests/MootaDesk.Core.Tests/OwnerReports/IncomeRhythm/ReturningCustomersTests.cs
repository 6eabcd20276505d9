using MootaDesk.Core.OwnerReports.IncomeRhythm;
using static MootaDesk.Core.Tests.OwnerReports.IncomeRhythm.Zones;

namespace MootaDesk.Core.Tests.OwnerReports.IncomeRhythm;

public class ReturningCustomersTests
{
    // November 2026, WIB. The lookback starts 90 days before 1 Nov: 3 Aug.
    private static readonly IncomeRhythmPeriod November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private static IncomeRhythmEntry Paid(DateTime utc, decimal amount, string? name = null, string? account = null, string? phone = null,
        string? orderName = null, decimal? orderAmount = null) => new(utc, true, amount, false, name, account, phone, orderName, orderAmount);

    private static IncomeRhythmEntry Refund(DateTime utc, decimal amount) => new(utc, true, amount, IsRefund: true);

    [Theory]
    [InlineData("BPK. Budi  Santoso", "BUDI SANTOSO")]
    [InlineData("TRSF E-BANKING CR 2111/FTSCY/WS95031 150123.00 BUDI SANTOSO", "BUDI SANTOSO")]
    [InlineData("BI-FAST CR BIF TRANSFER DR 014 SITI AMINAH", "SITI AMINAH")]
    [InlineData("QRIS CR 936009 NMID ID1023 ANDI", "ANDI")]
    [InlineData("MCM InhouseTrf CS-CS DARI TOKOPEDIA", "TOKOPEDIA")]
    [InlineData("ibu siti aminah", "SITI AMINAH")]
    [InlineData("SDRI. Siti Aminah", "SITI AMINAH")]
    [InlineData("Sdr Andi Wijaya", "ANDI WIJAYA")]
    [InlineData("Hj. Nur Aini", "NUR AINI")]
    [InlineData("PT. Sumber Pangan", "PT SUMBER PANGAN")]
    [InlineData("José Ma'ruf", "JOSE MARUF")]
    [InlineData("IBU", null)]
    [InlineData("150123.00", null)]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void Names_lose_case_spacing_bank_words_and_honorifics(string? raw, string? expected) =>
        PayerIdentity.NormalizeName(raw).ShouldBe(expected);

    [Theory]
    [InlineData("+62 812-3456-7890", "6281234567890")]
    [InlineData("0812 3456 7890", "6281234567890")]
    [InlineData("812-3456-7890", "6281234567890")]
    [InlineData("6281234567890", "6281234567890")]
    [InlineData("0812345", null)]
    [InlineData(null, null)]
    public void Phones_are_written_one_way(string? raw, string? expected) => PayerIdentity.NormalizePhone(raw).ShouldBe(expected);

    [Theory]
    [InlineData("0123-456-789", "0123456789")]
    [InlineData("****6789", null)]
    [InlineData("012xxxx789", null)]
    [InlineData("12345", null)]
    public void Accounts_are_digits_and_a_masked_number_is_no_account(string raw, string? expected) => PayerIdentity.NormalizeAccount(raw).ShouldBe(expected);

    [Fact]
    public void A_phone_and_an_account_on_one_payment_tie_them_and_a_name_joins_the_one_payer_it_was_seen_with()
    {
        var keys = PayerIdentity.Resolve([
            new PayerFields("RINA WATI", null, "0812-1111-2222", "Rina"), // 0: phone
            new PayerFields("RINA W", "1234567890", "+62 812 1111 2222", null), // 1: same phone, brings the account
            new PayerFields("R WATI", "123-456-7890", null, null),        // 2: account only: same payer
            new PayerFields("Ibu Rina Wati", null, null, null),            // 3: name seen only with that payer: joins
            new PayerFields(null, null, null, "rina wati"),                // 4: an order's name counts when the bank gives none
            new PayerFields(null, null, null, null),                       // 5: nothing: unidentified
        ]);

        keys[0].ShouldNotBeNull();
        keys.Take(5).Distinct().Count().ShouldBe(1);
        keys[5].ShouldBeNull();
    }

    [Fact]
    public void A_name_seen_with_two_different_customers_is_not_guessed()
    {
        var keys = PayerIdentity.Resolve([
            new PayerFields("BUDI", null, "081200000001", null),
            new PayerFields("BUDI", null, "081200000002", null),
            new PayerFields("BUDI", null, null, null),
            new PayerFields("Bpk Budi", null, null, null),
        ]);

        keys[0].ShouldNotBe(keys[1]);
        keys[2].ShouldNotBe(keys[0]);
        keys[2].ShouldNotBe(keys[1]);
        keys[3].ShouldBe(keys[2]); // the name-only payments are one payer among themselves
    }

    [Theory]
    // Paid on 5 Aug (89 days before 2 Nov), 4 Aug (90) or 3 Aug (91).
    [InlineData(5, true)]
    [InlineData(4, true)]
    [InlineData(3, false)]
    public void A_payer_seen_within_90_days_before_is_returning_and_one_seen_91_days_before_is_not(int augustDay, bool returning)
    {
        var r = IncomeRhythmAnalysis.Analyse([
            Paid(AtWib(2026, 8, augustDay), 75_000m, "SITI AMINAH"),
            Paid(AtWib(2026, 11, 2), 200_000m, "Ibu Siti Aminah"),
        ], Wib, November);

        r.Customers.Payers.ShouldBe(1);
        r.Customers.ReturningPayers.ShouldBe(returning ? 1 : 0);
        r.Customers.Returning.Amount.ShouldBe(returning ? 200_000m : 0m);
        r.Customers.Identified.Amount.ShouldBe(200_000m); // the August payment is history, not money of the period
    }

    [Fact]
    public void Paying_twice_on_the_same_day_is_one_visit_not_a_return()
    {
        var r = IncomeRhythmAnalysis.Analyse([
            Paid(AtWib(2026, 11, 15, 10), 30_000m, "EKA PUTRI"), Paid(AtWib(2026, 11, 15, 15), 30_000m, "EKA PUTRI"),
        ], Wib, November);

        r.Customers.ShouldBe(new CustomerFigures(1, 0, 0m, new MoneyFigures(60_000m, 2, 30_000m), MoneyFigures.None, 0m, MoneyFigures.None,
            MoneyFigures.None, MoneyFigures.None, 0m));
    }

    [Fact]
    public void A_single_payer_paying_once_is_a_payer_who_has_not_come_back()
    {
        var r = IncomeRhythmAnalysis.Analyse([Paid(AtWib(2026, 11, 3), 150_000m, "ANDI", orderAmount: 149_900m)], Wib, November);

        r.Customers.Payers.ShouldBe(1);
        r.Customers.ReturningPayersPercent.ShouldBe(0m);
        r.Customers.ReturningAmountPercent.ShouldBe(0m);
        r.Customers.Orders.ShouldBe(new MoneyFigures(149_900m, 1, 149_900m));
    }

    /// <summary>
    /// November 2026 (WIB), lookback from 3 Aug:
    ///   A  "TRSF E-BANKING CR … SITI AMINAH" 5 Aug;  2 Nov "Ibu Siti Aminah" 200.000          → returning (89 days)
    ///   B  "Sdr. Budi Santoso" 3 Aug;                2 Nov "BUDI SANTOSO" 100.000              → not (91 days)
    ///   C  "ANDI" acct 0123-456-789 4 Aug;           2 Nov "ANDI WIJAYA" acct 0123456789 50.000 → returning (90 days, same account)
    ///   D  10 Nov "DEWI LESTARI" 80.000 (order "Dewi" 79.900); 20 Nov "DEWI LESTARI" 120.000   → the second returns (10 days)
    ///   E  15 Nov "EKA PUTRI" 30.000 twice                                                     → one visit: not returning
    ///   F  5 Nov "RINA WATI" with order phone 0812-1111-2222, 145.123 (order 145.000);
    ///      25 Nov "IBU RINA WATI" 99.000, no order: the name was seen only with F's phone       → returning (20 days)
    ///   G  8 Nov QRIS without a name, 55.000                                                   → unidentified
    ///   refunds: 12 Nov 30.000 (in), 20 Oct 10.000 (lookback: ignored)
    ///
    /// Money in 909.123 (10 payments); identified 854.123 (9); returning 200.000 + 50.000 + 120.000 + 99.000 = 469.000 (4)
    ///   = 54,91… % → 54,9 %. Payers A–F = 6, returning A, C, D, F = 4 → 66,66… % → 66,7 %.
    /// Orders 145.000 + 79.900 = 224.900 (2), average 112.450. Refunds 30.000 / 909.123 = 3,299… % → 3,3 %.
    /// </summary>
    [Fact]
    public void Shares_of_money_and_payers_that_came_back_average_order_value_and_refunds_match_the_hand_computation()
    {
        var r = IncomeRhythmAnalysis.Analyse([
            Paid(AtWib(2026, 8, 5), 75_000m, "TRSF E-BANKING CR 0508/FTSCY/WS95031 75000.00 SITI AMINAH"),
            Paid(AtWib(2026, 11, 2, 9), 200_000m, "Ibu Siti Aminah"),
            Paid(AtWib(2026, 8, 3), 90_000m, "Sdr. Budi Santoso"),
            Paid(AtWib(2026, 11, 2, 10), 100_000m, "BUDI SANTOSO"),
            Paid(AtWib(2026, 8, 4), 20_000m, "ANDI", account: "0123-456-789"),
            Paid(AtWib(2026, 11, 2, 11), 50_000m, "ANDI WIJAYA", account: "0123456789"),
            Paid(AtWib(2026, 11, 10), 80_000m, "DEWI LESTARI", orderName: "Dewi", orderAmount: 79_900m),
            Paid(AtWib(2026, 11, 20), 120_000m, "DEWI LESTARI"),
            Paid(AtWib(2026, 11, 15, 10), 30_000m, "EKA PUTRI"),
            Paid(AtWib(2026, 11, 15, 15), 30_000m, "EKA PUTRI"),
            Paid(AtWib(2026, 11, 5), 145_123m, "RINA WATI", phone: "0812-1111-2222", orderName: "Rina", orderAmount: 145_000m),
            Paid(AtWib(2026, 11, 25), 99_000m, "IBU RINA WATI"),
            Paid(AtWib(2026, 11, 8), 55_000m),
            Refund(AtWib(2026, 11, 12), 30_000m),
            Refund(AtWib(2026, 10, 20), 10_000m),
        ], Wib, November);

        r.MoneyIn.ShouldBe(new MoneyFigures(909_123m, 10, 90_912m)); // 90.912,3 → 90.912
        r.Customers.ShouldBe(new CustomerFigures(
            Payers: 6, ReturningPayers: 4, ReturningPayersPercent: 66.7m,
            Identified: new MoneyFigures(854_123m, 9, 94_903m), // 94.902,55… → 94.903
            Returning: new MoneyFigures(469_000m, 4, 117_250m), ReturningAmountPercent: 54.9m,
            Unidentified: new MoneyFigures(55_000m, 1, 55_000m),
            Orders: new MoneyFigures(224_900m, 2, 112_450m),
            Refunds: new MoneyFigures(30_000m, 1, 30_000m), RefundPercent: 3.3m));
    }

    [Fact]
    public void Refunds_are_not_money_in_and_an_empty_period_has_no_shares()
    {
        var r = IncomeRhythmAnalysis.Analyse([Refund(AtWib(2026, 11, 12), 30_000m)], Wib, November);

        r.MoneyIn.ShouldBe(MoneyFigures.None);
        r.Cells.ShouldAllBe(c => c.Count == 0);
        r.Customers.ShouldBe(new CustomerFigures(0, 0, null, MoneyFigures.None, MoneyFigures.None, null, MoneyFigures.None,
            MoneyFigures.None, new MoneyFigures(30_000m, 1, 30_000m), null));
    }
}
