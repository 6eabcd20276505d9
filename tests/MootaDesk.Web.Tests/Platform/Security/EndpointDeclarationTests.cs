using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Platform.Hosting;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform.Security;

/// <summary>Every endpoint the app maps says what it is for: an action of the matrix, or public with a reason. A page or endpoint added next month cannot slip through.</summary>
public class EndpointDeclarationTests : IClassFixture<MootaDeskFactory>
{
    private readonly MootaDeskFactory _app;

    public EndpointDeclarationTests(MootaDeskFactory app) => _app = app;

    internal static IReadOnlyList<RouteEndpoint> Endpoints(MootaDeskFactory app)
    {
        _ = app.Server; // builds and starts the host
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    [Fact]
    public void Every_endpoint_declares_its_action_or_says_why_it_is_public()
    {
        var endpoints = Endpoints(_app);
        endpoints.Count.ShouldBeGreaterThan(40);
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<PermissionAttribute>() is null && e.Metadata.GetMetadata<PublicEndpointAttribute>() is null)
            .Where(e => !IsStaticAssetsDevelopmentFallback(e))
            .Select(e => e.DisplayName ?? e.RoutePattern.RawText).ToList();
        undeclared.ShouldBeEmpty("These endpoints declare no action: add [Permission(Actions.X)] / .RequirePermission(...), or [PublicEndpoint(\"why\")] / .Public(\"why\").");
    }

    /// <summary>
    /// MapStaticAssets adds, outside published builds, a fallback that serves project files not yet in the manifest; it is
    /// created past the conventions MootaDesk can attach metadata with, and serves files only.
    /// </summary>
    private static bool IsStaticAssetsDevelopmentFallback(RouteEndpoint e) =>
        e.RoutePattern.RawText == "{**path:file}" && e.Metadata.Any(m => m.GetType().Name == "FallbackMetadata")
        && e.Metadata.All(m => m.GetType().FullName!.StartsWith("Microsoft.AspNetCore.Routing.", StringComparison.Ordinal));

    [Fact]
    public void A_public_endpoint_names_no_action_and_a_guarded_one_is_not_anonymous()
    {
        foreach (var e in Endpoints(_app))
        {
            var permission = e.Metadata.GetMetadata<PermissionAttribute>();
            var isPublic = e.Metadata.GetMetadata<PublicEndpointAttribute>() is not null;
            (permission is not null && isPublic).ShouldBeFalse($"{e.DisplayName} is both public and guarded");
            if (permission is null) continue;
            // The last IAllowAnonymous/IAuthorizeData decides; a guarded endpoint must not end up anonymous.
            e.Metadata.GetMetadata<IAllowAnonymous>().ShouldBeNull($"{e.DisplayName} names {permission.Action} but allows anonymous callers");
            PermissionMatrix.Get(permission.Action).ShouldNotBeNull();
            permission.Policy.ShouldBe(EndpointAccess.PolicyName(permission.Action));
        }
    }

    [Fact]
    public void Every_page_and_endpoint_of_the_api_is_guarded_by_an_api_key_and_the_rest_by_the_session()
    {
        foreach (var e in Endpoints(_app))
        {
            if (e.Metadata.GetMetadata<PermissionAttribute>() is not { } permission) continue;
            var isApi = e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal);
            (permission.AuthenticationSchemes == ApiKeyAuthentication.SchemeName).ShouldBe(isApi, e.DisplayName);
        }
    }

    [Fact]
    public void The_matrix_holds_the_actions_the_ingest_endpoints_will_use()
    {
        // POST /api/moota/sync and POST /api/statements are wired by the lead at merge with these two lines' actions.
        var sync = PermissionMatrix.Get(Actions.RunMootaSync);
        sync.Roles.ShouldBe([Roles.Owner, Roles.Ops], ignoreOrder: true);
        sync.Scope.ShouldBe(ApiScopes.Integrations);
        var import = PermissionMatrix.Get(Actions.ImportStatement);
        import.Roles.ShouldBe([Roles.Owner, Roles.Finance], ignoreOrder: true);
        import.Scope.ShouldBe(ApiScopes.Import);
        ApiScopes.All.ShouldBe([ApiScopes.Read, ApiScopes.Summary, ApiScopes.Proof, ApiScopes.Orders, ApiScopes.Import, ApiScopes.Integrations], ignoreOrder: true);
    }

    [Fact]
    public void CS_is_never_allowed_debits_balances_the_sweep_or_the_summary()
    {
        foreach (var action in new[] { Actions.ReadDebitsAndBalances, Actions.WorkSweep, Actions.PrepareSweep, Actions.SignOffSweep, Actions.ReadSummary, Actions.ReadAccounts })
            PermissionMatrix.Allows(action, [Roles.CS]).ShouldBeFalse(action);
    }

    [Theory]
    [InlineData("cs", Roles.CS)]
    [InlineData(" OWNER ", Roles.Owner)]
    [InlineData("finance", Roles.Finance)]
    [InlineData("Support", null)]
    [InlineData("", null)]
    public void Role_names_parse_case_insensitively_and_nothing_else_parses(string text, string? expected) =>
        PermissionMatrix.ParseRole(text).ShouldBe(expected);

    [Fact]
    public void An_unknown_role_is_allowed_nothing_and_sees_credits_only()
    {
        PermissionMatrix.All.Where(p => PermissionMatrix.Allows(p.Action, ["Support", "cs"])).ShouldBeEmpty();
        Viewer.ForRoles("x", "cs").CanSeeDebits.ShouldBeFalse();
    }
}
