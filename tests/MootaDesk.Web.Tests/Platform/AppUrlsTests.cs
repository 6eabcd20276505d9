using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using MootaDesk.Core.Mutations;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Tests.Infrastructure;
using MootaDesk.Web.Tests.Platform.Security;

namespace MootaDesk.Web.Tests.Platform;

public class AppUrlsTests
{
    /// <summary>Every AppUrls constant, and every method called with sample arguments, as "/path" without its query.</summary>
    private static IEnumerable<(string Member, string Path)> Addresses()
    {
        foreach (var field in typeof(AppUrls).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            yield return (field.Name, (string)field.GetRawConstantValue()!);
        foreach (var method in typeof(AppUrls).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(string)))
        {
            var args = method.GetParameters().Select(p => p.ParameterType switch
            {
                var t when t == typeof(int) => (object)7,
                var t when t == typeof(long) => 42L,
                var t when t == typeof(DateOnly) => new DateOnly(2026, 11, 21),
                var t when t == typeof(decimal) => 150_123m,
                var t when t == typeof(bool) => true,
                var t when t == typeof(MutationFilter) => new MutationFilter { Text = "budi", Direction = Direction.Credit },
                var t when t == typeof(string) && p.Name == "format" => "pdf",
                var t when t == typeof(string) => "tag=3",
                var t => throw new InvalidOperationException($"Add a sample {t.Name} for AppUrls.{method.Name}."),
            }).ToArray();
            yield return (method.Name, (string)method.Invoke(null, args)!);
        }
    }

    private static string PathOf(string relative)
    {
        var path = relative.Split('?')[0];
        return path == "./" ? "/" : "/" + path;
    }

    [Fact]
    public async Task Every_AppUrls_address_is_routable_to_a_page_or_an_endpoint()
    {
        await using var app = new MootaDeskFactory();
        var templates = EndpointDeclarationTests.Endpoints(app).Select(e => new RouteTemplate(e.RoutePattern)).ToList();
        var pageTemplates = typeof(AppUrls).Assembly.GetTypes().SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template).ToList();
        pageTemplates.ShouldNotBeEmpty();

        var unroutable = Addresses()
            .Where(a => !templates.Any(t => new TemplateMatcher(t, new RouteValueDictionary()).TryMatch(PathOf(a.Path), new RouteValueDictionary())))
            .Select(a => $"AppUrls.{a.Member} → {a.Path}").ToList();
        unroutable.ShouldBeEmpty();
    }

    [Fact]
    public void AppUrls_relative_addresses_and_queries_are_the_pages_own()
    {
        AppUrls.Order(42).ShouldBe("pesanan/42");
        AppUrls.WebhookDelivery(9).ShouldBe("integrasi/webhook/9");
        AppUrls.MutationsFiltered(MutationFilter.Empty).ShouldBe("mutasi");
        AppUrls.MutationsFiltered(new MutationFilter { Preset = DatePreset.Today }).ShouldBe("mutasi?tgl=hari-ini");
        MutationFilter.Parse(AppUrls.MutationsWithTag(3)).TagsAny.ShouldBe([3]);
        AppUrls.SweepDay(new DateOnly(2026, 11, 21)).ShouldBe("sweep/2026-11-21");
        AppUrls.StatementImportFor(3).ShouldBe("rekening/impor?rekening=3");
        AppUrls.Mutation(42, 3, new DateOnly(2026, 11, 21), 150_123m, sandbox: false).ShouldEndWith("&buka=42");
    }
}
