using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Shared;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Mutations;

namespace MootaDesk.Web.Tests.Mutations;

/// <summary>"Riwayat perubahan" in words: every kind of audit row a mutation gets, never the JSON it was stored as.</summary>
public class MutationHistoryTextTests : IDisposable
{
    private readonly CultureInfo previousUi = CultureInfo.CurrentUICulture, previous = CultureInfo.CurrentCulture;
    private readonly IStringLocalizer<MutationsText> t;
    private readonly BusinessClock clock = new(TestTime.Create());
    private static readonly DateTime At = new(2026, 11, 21, 3, 0, 0, DateTimeKind.Utc);

    public MutationHistoryTextTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("id-ID");
        t = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<MutationsText>>();
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = previousUi;
        CultureInfo.CurrentCulture = previous;
    }

    private HistoryLine Say(string action, string? before, string? after, string actor = "sari") =>
        MutationHistoryText.Describe(new TimelineEntry(At, actor, action, before, after), t, new Dictionary<int, string> { [3] = "DP", [4] = "COD" }, clock);

    [Theory]
    [InlineData("note.edit", """{"note":"x"}""", """{"note":"y"}""", "Catatan: “x” → “y”")]
    [InlineData("note.add", null, """{"note":"DP pesanan 12"}""", "Catatan: “DP pesanan 12”")]
    [InlineData("note.add", null, """{"text":"dari tugas CS"}""", "Catatan: “dari tugas CS”")]
    [InlineData("tag.add", null, """{"tags":["DP","COD"]}""", "Tag ditambah: DP, COD")]
    [InlineData("tag.remove", """{"tags":["DP"]}""", null, "Tag dilepas: DP")]
    [InlineData("tag.add.undo", """{"tags":["COD"]}""", null, "Tag dilepas: COD")]
    [InlineData("status.set", """{"status":"New"}""", """{"status":"Matched"}""", "Status: Baru → Cocok")]
    [InlineData("order-reference.set", """{"orderReference":null}""", """{"orderReference":"INV-1"}""", "Nomor pesanan: — → INV-1")]
    [InlineData("mutation.order-reference", """{"OrderReference":"A"}""", """{"OrderReference":"B"}""", "Nomor pesanan: A → B")]
    [InlineData("rule.apply", null, """{"rules":[1],"addedTags":[3,4],"status":null}""", "Tag ditambah: DP, COD")]
    [InlineData("mutation.ingest", null, """{"source":"Webhook","count":3,"ids":[1,2,3]}""", "Dibaca lewat Webhook, bersama 2 mutasi lain dalam kiriman yang sama")]
    [InlineData("mutation.not-duplicate", null, """{"other":42}""", "Bukan duplikat dari mutasi #42")]
    [InlineData("mutation.conflict", """{"amount":150000,"direction":"Credit"}""", """{"amount":1500000,"direction":"Credit","channel":"Api"}""", "Jumlah: Rp 150.000 → Rp 1.500.000")]
    public void Each_kind_of_change_is_told_in_words(string action, string? before, string? after, string expected)
    {
        var line = Say(action, before, after);
        line.Changes.ShouldContain(expected);
        line.Who.ShouldBe("sari");
        string.Join(" ", line.Changes).ShouldNotContain("{");
        line.What.ShouldNotContain(".");
    }

    [Fact]
    public void An_action_this_code_does_not_know_is_told_field_by_field_and_the_system_by_name()
    {
        var line = Say("something.new", """{"status":"New","weird":true}""", """{"status":"Resolved","weird":false,"ids":[1,2]}""", actor: "system");

        line.Who.ShouldBe("Sistem MootaDesk");
        line.What.ShouldBe("mengubah data");
        line.Changes.ShouldBe(["Status: Baru → Selesai", "weird: ya → tidak"]);
    }

    [Fact]
    public void A_rule_s_tagging_names_the_rule_as_the_one_who_did_it() =>
        Say("tag.add", null, """{"tags":["DP"]}""", actor: "sari (aturan)").Who.ShouldBe("Aturan otomatis (sari)");
}
