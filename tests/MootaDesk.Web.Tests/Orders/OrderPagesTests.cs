using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Orders;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Orders;

/// <summary>The Orders pages on MudBlazor over a real store: the list pages from the server, the forms show what is wrong where it is wrong.</summary>
public class OrderPagesTests : PageTestContext
{
    protected override DateTimeOffset Now => TestTime.Start;

    private NavigationManager Nav => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public async Task The_list_filters_by_the_status_in_the_link_and_keeps_filter_page_and_rows_in_it()
    {
        var kit = new OrderTestKit(Test);
        var account = await kit.AddAccountAsync();
        for (var i = 1; i <= 30; i++) await kit.CreateAsync(account, $"INV-{i:000}", 100_000m + i * 1_000m);
        var paid = await kit.CreateAsync(account, "INV-PAID", 250_000m);
        await kit.CreditAsync(account, paid.PayableAmount);
        await SignInAsync("fina", Roles.Finance);

        var page = RenderAt<OrdersPage>("pesanan?status=paid");

        page.WaitForAssertion(() => page.FindAll("tr.orders-row").Count.ShouldBe(1));
        page.Find("tr.orders-row").TextContent.ShouldContain("INV-PAID");
        page.Find("tr.orders-row").TextContent.ShouldContain("Lunas");
        Nav.Uri.ShouldContain("status=Paid");

        var all = RenderAt<OrdersPage>("pesanan?hal=2&baris=25");
        all.WaitForAssertion(() => all.FindAll("tr.orders-row").Count.ShouldBe(6));
        // Newest first: the second page ends with the first order made.
        all.FindAll("tr.orders-row").Last().TextContent.ShouldContain("INV-001");
        Nav.Uri.ShouldContain("hal=2");
        Nav.Uri.ShouldContain("baris=25");
    }

    [Theory]
    [InlineData("paid", OrderListStatus.Paid)]
    [InlineData("NeedsAttention", OrderListStatus.NeedsAttention)]
    [InlineData("7", OrderListStatus.All)]
    [InlineData("lunas", OrderListStatus.All)]
    [InlineData(null, OrderListStatus.All)]
    public void A_status_in_the_link_is_read_by_name_and_anything_else_is_all(string? text, OrderListStatus expected) =>
        OrdersPage.ParseStatus(text).ShouldBe(expected);

    [Fact]
    public void The_link_leaves_out_the_all_status_and_an_empty_search()
    {
        OrdersPage.FilterQuery(OrderListStatus.All, "  ").ShouldAllBe(p => p.Value == null);
        OrdersPage.FilterQuery(OrderListStatus.Expired, " budi ").Select(p => p.Value).ShouldBe(new object?[] { "Expired", "budi" });
    }

    [Fact]
    public void Order_statuses_are_told_apart_by_colour()
    {
        OrderStatusBadge.ColorOf(OrderStatus.Paid).ShouldBe(Color.Success);
        OrderStatusBadge.ColorOf(OrderStatus.Pending).ShouldBe(Color.Warning);
        Enum.GetValues<OrderStatus>().Select(OrderStatusBadge.ColorOf).Distinct().Count().ShouldBe(Enum.GetValues<OrderStatus>().Length);
    }

    [Fact]
    public async Task A_bad_amount_is_shown_under_its_field_what_was_typed_stays_and_nothing_is_created()
    {
        var kit = new OrderTestKit(Test);
        await kit.AddAccountAsync();
        await SignInAsync("fina", Roles.Finance);
        var page = RenderPage<NewOrderPage>();
        page.WaitForAssertion(() => page.Find("#order-reference"));

        page.Find("#order-reference").Change("INV-BARU-1");
        page.Find("#order-customer").Change("Budi Santoso");
        page.Find("#order-amount").Change("seratus ribu");
        page.Find("form.order-form").Submit();

        page.WaitForAssertion(() => page.Find("[data-testid=order-form-error]").TextContent.ShouldContain("Periksa isian"));
        page.Markup.ShouldContain("Nominal \"seratus ribu\" tidak terbaca.");
        page.Find("#order-reference").GetAttribute("value").ShouldBe("INV-BARU-1");
        // The label stays above a filled field (MudBlazor shrinks it rather than hiding it).
        page.Markup.ShouldContain("No. pesanan (no. invoice)");
        await using var db = Test.CreateDbContext();
        (await db.Orders.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_new_order_with_the_only_real_account_preselected_opens_its_page()
    {
        var kit = new OrderTestKit(Test);
        await kit.AddAccountAsync();
        await SignInAsync("fina", Roles.Finance);
        var page = RenderPage<NewOrderPage>();
        page.WaitForAssertion(() => page.Find("#order-reference"));

        page.Find("#order-reference").Change("INV-BARU-2");
        page.Find("#order-customer").Change("Siti Aminah");
        page.Find("#order-amount").Change("150.000");
        page.Find("form.order-form").Submit();

        page.WaitForAssertion(() => new Uri(Nav.Uri).AbsolutePath.ShouldMatch(@"^/pesanan/\d+$"));
        await using var db = Test.CreateDbContext();
        var order = await db.Orders.SingleAsync();
        (order.Reference, order.Amount).ShouldBe(("INV-BARU-2", 150_000m));
        order.PayableAmount.ShouldNotBe(150_000m);
    }

    [Fact]
    public async Task Cancelling_an_order_asks_first_and_says_it_is_done()
    {
        var kit = new OrderTestKit(Test);
        var account = await kit.AddAccountAsync();
        var order = await kit.CreateAsync(account, "INV-BATAL", 99_000m);
        await SignInAsync("fina", Roles.Finance);
        var page = RenderPage<OrderDetailPage>(p => p.Add(x => x.Id, order.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=order-instruction]").TextContent.ShouldContain(order.PayableAmount.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("id-ID"))));

        page.Find("[data-testid=order-cancel]").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Markup.ShouldContain("Batalkan pesanan ini?"));
        Dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Ya").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=order-message]").TextContent.ShouldContain("Pesanan dibatalkan."));
        page.Find("[data-testid=order-status]").TextContent.ShouldContain("Dibatalkan");
        await using var db = Test.CreateDbContext();
        (await db.Orders.SingleAsync()).Status.ShouldBe(OrderStatus.Cancelled);
    }

    [Fact]
    public async Task An_open_order_page_shows_the_payment_that_arrives_while_it_is_open_without_a_reload()
    {
        var kit = new OrderTestKit(Test);
        var account = await kit.AddAccountAsync();
        var order = await kit.CreateAsync(account, "INV-TUNGGU", 125_000m);
        await SignInAsync("cs", Roles.CS);
        var page = RenderPage<OrderDetailPage>(p => p.Add(x => x.Id, order.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=order-status]").TextContent.ShouldContain("Menunggu"));

        // The credit arrives on the server (a webhook); nothing happens on the page until the next look.
        await kit.CreditAsync(account, order.PayableAmount);
        page.Find("[data-testid=order-status]").TextContent.ShouldContain("Menunggu");

        Test.Time.Advance(OrderDetailPage.WatchInterval);
        page.WaitForAssertion(() => page.Find("[data-testid=order-status]").TextContent.ShouldContain("Lunas"));
        Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message).ShouldContain("Pembayaran pesanan ini sudah masuk.");
    }

    [Fact]
    public async Task A_CSV_with_a_bad_row_is_previewed_with_its_problem_and_nothing_can_be_imported()
    {
        var kit = new OrderTestKit(Test);
        await kit.AddAccountAsync("1234567890");
        await SignInAsync("fina", Roles.Finance);
        var page = RenderPage<ImportOrdersPage>();
        const string csv = "reference,customer_name,whatsapp,amount,account_number\n" +
                           "INV-C1,Budi,0812-3456-7890,150000,1234567890\n" +
                           "INV-C2,Siti,0812-3456-7891,seratus,1234567890\n";

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "pesanan.csv"));

        page.WaitForAssertion(() => page.Find("[data-testid=order-import-errors]").TextContent.ShouldContain("1 baris bermasalah"));
        page.Find("[data-testid=order-import-preview]").TextContent.ShouldContain("Nominal \"seratus\" tidak terbaca.");
        page.FindAll("[data-testid=order-import-commit]").ShouldBeEmpty();
        await using var db = Test.CreateDbContext();
        (await db.Orders.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_unmatched_credit_shows_the_orders_it_may_pay()
    {
        var kit = new OrderTestKit(Test);
        var account = await kit.AddAccountAsync();
        var order = await kit.CreateAsync(account, "INV-MIRIP", 200_000m);
        await kit.CreditAsync(account, order.PayableAmount + 5m);
        await SignInAsync("fina", Roles.Finance);
        var page = RenderPage<UnmatchedCreditsPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=credit-show]").Count.ShouldBe(1));

        page.Find("[data-testid=credit-show]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=credit-candidates]").TextContent.ShouldContain("INV-MIRIP"));
        page.Find("[data-testid=credit-candidates]").TextContent.ShouldContain("Nominal mirip");
    }
}
