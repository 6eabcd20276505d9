using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Data;
using MootaDesk.Core.Data.Inbox;
using MootaDesk.Core.Domain;
using MootaDesk.Core.Formatting;
using MootaDesk.Web.Components;
using MootaDesk.Web.Features;
using Radzen;

namespace MootaDesk.Web.Hosting;

public static class MootaDeskSetup
{
    public static readonly CultureInfo[] SupportedCultures = [new("id-ID"), new("en-US")];

    /// <summary>Everything the app needs, so Program.cs stays two lines.</summary>
    public static WebApplicationBuilder AddMootaDesk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddOptions<MootaDeskOptions>().Bind(config.GetSection(MootaDeskOptions.Section))
            .PostConfigure(o => o.DemoData ??= builder.Environment.IsDevelopment());

        services.TryAddSingletonTimeProvider();
        services.AddSingleton(sp =>
            new BusinessClock(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<MootaDeskOptions>>().Value.TimeZone));

        var connectionString = DatabaseSetup.ResolveConnectionString(config.GetConnectionString("MootaDesk"), builder.Environment.ContentRootPath);
        services.AddDbContextFactory<MootaDeskDbContext>(o => DatabaseSetup.ConfigureSqlite(o, connectionString));
        var inboxConnectionString = DatabaseSetup.ResolveConnectionString(
            WebhookInboxFile.ConnectionStringFor(connectionString, config.GetConnectionString("MootaDeskInbox")), builder.Environment.ContentRootPath);
        services.AddDbContextFactory<InboxDbContext>(o => DatabaseSetup.ConfigureSqlite(o, inboxConnectionString));

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<MootaDeskDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<MootaDeskSignInManager>()
            .AddErrorDescriber<IndonesianIdentityErrors>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/masuk";
            o.LogoutPath = "/keluar";
            o.AccessDeniedPath = "/akses-ditolak";
            o.Cookie.Name = "mootadesk.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // API callers get status codes, never a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
        });
        // A disabled user is signed out within a minute, not at cookie expiry.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization(AccessPolicies.Register);
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery();

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("id-ID");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            // Indonesian unless the person chose English (cookie): the browser's language is not asked, since
            // many Indonesian users run English-language browsers.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
            o.FallBackToParentUICultures = true;
        });

        services.AddHttpContextAccessor();
        services.AddScoped<CircuitClientInfo>();
        services.AddScoped<CircuitHandler, CircuitIpCapture>();
        services.AddScoped<CurrentUser>();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddProblemDetails();
        services.AddHealthChecks();
        services.AddMootaDeskApiDocumentation();

        services.AddMootaDeskFeatures(config);
        return builder;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
            services.AddSingleton(TimeProvider.System);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static async Task<WebApplication> UseMootaDeskAsync(this WebApplication app)
    {
        await DatabaseSetup.MigrateAsync(app.Services, app.Logger);
        await RoleSeeder.EnsureRolesAsync(app.Services);

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/galat", createScopeForErrors: true);
            app.UseHsts();
        }
        // A fresh scope for the re-executed page: a Blazor page that answered 404 has already set up the
        // request's NavigationManager, and .NET 10 refuses to initialise it twice.
        app.UseStatusCodePagesWithReExecute("/tidak-ditemukan", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseMiddleware<FirstRunRedirect>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapMootaDeskEndpoints();
        app.MapMootaDeskFeatureEndpoints();
        app.MapMootaDeskApiDocumentation();
        return app;
    }
}
