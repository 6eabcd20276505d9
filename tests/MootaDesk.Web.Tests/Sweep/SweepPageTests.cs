using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Sweep;
using MootaDesk.Web.Sweep;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Sweep;

/// <summary>The sweep page on MudBlazor, rendered for Finance over a prepared day of a small shop.</summary>
public class SweepPageTests : PageTestContext
{
    private static readonly DateOnly Saturday = new(2026, 11, 21);

    private async Task<(SweepFixture F, int SweepId)> PreparedAsync()
    {
        var f = new SweepFixture(Test);
        await f.SeedShopAsync(Saturday);
        var r = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));
        return (f, r.SweepId);
    }

    private IRenderedComponent<SweepPage> RenderDay() =>
        RenderPage<SweepPage>(p => p.Add(x => x.Day, Saturday.ToString("yyyy-MM-dd")));

    private static void OpenStep(IRenderedComponent<SweepPage> page, int step)
    {
        page.WaitForAssertion(() => page.FindAll(".mud-tab").Count.ShouldBe(5));
        page.FindAll(".mud-tab")[step - 1].Click();
    }

    [Fact]
    public async Task Choosing_the_CS_first_then_ticking_a_row_counts_it_and_enables_Tugaskan_terpilih()
    {
        await PreparedAsync();
        var csId = await AddUserAsync("cece", Roles.CS);
        await SignInAsync("fina", Roles.Finance);
        var page = RenderDay();
        OpenStep(page, 2);
        page.WaitForAssertion(() => page.FindComponents<MudCheckBox<bool>>().Count(c => IsRowBox(c)).ShouldBeGreaterThan(0));
        Button(page).TextContent.ShouldContain("Tugaskan terpilih (0)");
        Button(page).HasAttribute("disabled").ShouldBeTrue();

        // The CS first, exactly as the select hands over a choice ...
        var select = page.FindComponent<MudSelect<string>>();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(csId));
        Button(page).HasAttribute("disabled").ShouldBeTrue();

        // ... then a row ticked in the grid: the page's button follows at once.
        var box = page.FindComponents<MudCheckBox<bool>>().First(IsRowBox);
        await page.InvokeAsync(() => box.Instance.ValueChanged.InvokeAsync(true));

        page.WaitForAssertion(() => Button(page).TextContent.ShouldContain("Tugaskan terpilih (1)"));
        Button(page).HasAttribute("disabled").ShouldBeFalse();
        page.Instance.CanAssignSelected.ShouldBeTrue();
    }

    private static bool IsRowBox(IRenderedComponent<MudCheckBox<bool>> c) =>
        c.Instance.UserAttributes.TryGetValue("data-testid", out var id) && Equals(id, "row-select");

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<SweepPage> page) => page.Find("[data-testid=assign-selected]");

    [Fact]
    public async Task Tandai_sudah_diperiksa_gives_way_to_who_reviewed_at_once()
    {
        await PreparedAsync();
        await SignInAsync("fina", Roles.Finance);
        var page = RenderDay();
        page.WaitForAssertion(() => page.Find("[data-testid=accounts-reviewed]"));
        var progress = page.Find("[data-testid=progress]").TextContent;

        page.Find("[data-testid=accounts-reviewed]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=accounts-reviewed-note]").TextContent.ShouldContain("Diperiksa oleh fina"));
        page.FindAll("[data-testid=accounts-reviewed]").ShouldBeEmpty();
        page.Find("[data-testid=progress]").TextContent.ShouldNotBe(progress);
    }

    [Fact]
    public async Task A_signed_off_sweep_is_frozen_as_signed_even_when_an_account_arrives_later()
    {
        var (f, id) = await PreparedAsync();
        var summary = (await f.Query.LoadAsync(Saturday))!.Header.Summary;
        await f.Commands.SignOffAsync(id, summary, SweepFixture.Finance, SweepFixture.ActorOf(SweepFixture.Finance));
        await using (var db = Test.CreateDbContext())
        {
            db.Accounts.Add(new Account { BankCode = "bni", AccountNumber = "333", Label = "BNI Baru", CreatedAt = Test.Clock.UtcNow });
            await db.SaveChangesAsync();
        }
        await SignInAsync("fina", Roles.Finance);

        var page = RenderDay();

        page.WaitForAssertion(() => page.Find("[data-testid=signed-off-badge]").TextContent.ShouldContain("fina"));
        page.Find("[data-testid=accounts-table]").TextContent.ShouldNotContain("BNI Baru");
        page.FindAll("[data-testid=refresh]").ShouldBeEmpty();
        page.FindAll("[data-testid=accounts-reviewed]").ShouldBeEmpty();
        OpenStep(page, 5);
        page.WaitForAssertion(() => page.FindAll("[data-testid=send-summary]").ShouldBeEmpty());
        page.Find("#summary-line-1").HasAttribute("readonly").ShouldBeTrue();
        page.Find("[data-testid=whatsapp-link]").GetAttribute("href")!.ShouldStartWith("https://wa.me/");
    }

    [Fact]
    public async Task The_printed_sweep_names_the_shop_and_the_day_and_carries_the_five_lines()
    {
        await PreparedAsync();
        await SignInAsync("fina", Roles.Finance);

        var page = RenderDay();

        page.WaitForAssertion(() => page.Find("[data-testid=print-heading]").TextContent.ShouldContain("Toko Saya"));
        page.Find("[data-testid=print-heading]").TextContent.ShouldContain("Sabtu, 21 November 2026");
        page.FindAll("[data-testid=print-lines] li").Count.ShouldBe(5);
        page.Find("[data-testid=print-lines]").TextContent.ShouldContain("Rp 400.000");
        page.Find("[data-testid=print-sweep]").GetAttribute("data-md-action").ShouldBe("print");
    }

    [Fact]
    public async Task Money_in_the_accounts_step_is_grouped_the_Indonesian_way()
    {
        await PreparedAsync();
        await SignInAsync("fina", Roles.Finance);

        var page = RenderDay();

        page.WaitForAssertion(() => page.Find("[data-testid=accounts-table]").TextContent.ShouldContain("Rp 1.000.000"));
        page.Find("[data-testid=accounts-table]").TextContent.ShouldContain("Rp 7.000.000");
    }
}
