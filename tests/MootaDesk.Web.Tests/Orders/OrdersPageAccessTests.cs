using System.Net;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Orders;

public class OrdersPageAccessTests
{
    [Fact]
    public async Task Ops_sees_the_order_list_but_is_refused_the_create_and_import_pages()
    {
        using var app = new MootaDeskFactory();
        app.CreateClient().Dispose();
        await app.CreateUserAsync("owner", "kopi-susu-gula-aren", Roles.Owner);
        await app.CreateUserAsync("ops", "kopi-susu-gula-aren", Roles.Ops);
        await app.CreateUserAsync("cs", "kopi-susu-gula-aren", Roles.CS);

        var ops = await app.SignInAsync("ops", "kopi-susu-gula-aren");
        (await ops.GetAsync("/pesanan")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var path in new[] { "/pesanan/baru", "/pesanan/impor" })
        {
            var refused = await ops.GetAsync(path);
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            refused.Headers.Location!.ToString().ShouldContain("akses-ditolak");
        }

        var cs = await app.SignInAsync("cs", "kopi-susu-gula-aren");
        (await cs.GetAsync("/pesanan/baru")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
