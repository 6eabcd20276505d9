using System.Globalization;
using Bunit;
using MootaDesk.Web.Settings;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Settings;

/// <summary>Pengaturan → Usaha: every setting says in words what it does, amounts read the Indonesian way, a wrong amount saves nothing.</summary>
public class BusinessSettingsFormTests : IndonesianComponentTest
{
    private readonly List<(string Name, decimal Threshold)> saved = [];

    private IRenderedComponent<BusinessSettingsForm> Form(string zone = "WIB") => Render<BusinessSettingsForm>(p => p
        .Add(x => x.BusinessName, "Toko Batik Sari").Add(x => x.Threshold, 5_000_000m).Add(x => x.ZoneAbbreviation, zone).Add(x => x.ZoneId, "Asia/Jakarta")
        .Add(x => x.OnSave, ((string Name, decimal Threshold) v) => saved.Add(v)));

    [Fact]
    public void The_threshold_shows_with_Indonesian_grouping_and_each_setting_explains_itself_without_configuration_keys()
    {
        var form = Form();

        form.Find("#business-threshold").GetAttribute("value").ShouldBe("5.000.000");
        form.Markup.ShouldContain("ditandai penting di sweep 16:30");
        form.Markup.ShouldContain("tidak kepada CS");
        form.Find("#business-zone").GetAttribute("value").ShouldBe("WIB (Waktu Indonesia Barat)");
        form.Markup.ShouldNotContain("MootaDesk:");
        form.Markup.ShouldNotContain("debit.important-threshold");
    }

    [Fact]
    public void In_English_too_no_configuration_key_is_shown()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        var form = Form();

        form.Markup.ShouldContain("Western Indonesia Time");
        form.Markup.ShouldNotContain("MootaDesk:");
        form.Markup.ShouldNotContain("TimeZone");
    }

    [Fact]
    public void A_zone_outside_Indonesia_s_three_shows_its_label_and_name()
    {
        Form("SGT").Find("#business-zone").GetAttribute("value").ShouldBe("SGT (Asia/Jakarta)");
    }

    [Theory]
    [InlineData("lima juta")]
    [InlineData("0")]
    [InlineData("-5.000")]
    [InlineData("")]
    public void A_threshold_that_is_not_a_positive_rupiah_amount_is_refused_inline_and_nothing_is_saved(string typed)
    {
        var form = Form();
        form.Find("#business-threshold").Input(typed);
        form.Find("[data-testid=save-business]").Click();

        saved.ShouldBeEmpty();
        form.Markup.ShouldContain("Masukkan jumlah rupiah yang valid, misalnya 5.000.000.");
    }

    [Theory]
    [InlineData("7500000", 7_500_000)]
    [InlineData("Rp 7.500.000", 7_500_000)]
    [InlineData("12.500.000", 12_500_000)]
    public void A_threshold_as_people_type_it_is_saved_in_rupiah_and_shown_grouped(string typed, int expected)
    {
        var form = Form();
        form.Find("#business-threshold").Input(typed);
        form.Find("[data-testid=save-business]").Click();

        saved.ShouldHaveSingleItem().ShouldBe(("Toko Batik Sari", (decimal)expected));
        form.Find("#business-threshold").GetAttribute("value").ShouldBe(BusinessSettingsForm.Group(expected));
    }

    [Fact]
    public void An_empty_business_name_is_refused_inline()
    {
        var form = Form();
        form.Find("#business-name").Input("  ");
        form.Find("[data-testid=save-business]").Click();

        saved.ShouldBeEmpty();
        form.Markup.ShouldContain("Nama usaha wajib diisi.");
    }
}
