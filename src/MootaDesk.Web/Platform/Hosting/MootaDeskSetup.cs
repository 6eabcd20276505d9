using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Home;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.OwnerReports;
using MootaDesk.Core.Platform;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Settings;
using MootaDesk.Core.Sweep;
using MootaDesk.Web.BankAccounts;
using MootaDesk.Web.Integrations;
using MootaDesk.Web.OwnerReports;
using MootaDesk.Web.Mutations;
using MootaDesk.Web.Orders;
using MootaDesk.Web.Platform.SignIn;
using MootaDesk.Web.Proof;
using MootaDesk.Web.Sweep;

namespace MootaDesk.Web.Platform.Hosting;

public static class MootaDeskSetup
{
    public static readonly CultureInfo[] SupportedCultures = [new("id-ID"), new("en-US")];

    /// <summary>Everything the app needs, so Program.cs stays two lines.</summary>
    public static WebApplicationBuilder AddMootaDesk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddMootaDeskPlatform(config, builder.Environment.ContentRootPath, builder.Environment.IsDevelopment());
        // The key ring lives in the store, under one application name whatever folder an instance runs from: sign-in
        // cookies, antiforgery tokens and proof links one instance makes are read by every other (decision 022).
        services.AddDataProtection().SetApplicationName("MootaDesk").PersistKeysToDbContext<MootaDeskDbContext>();
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section);
        var proxy = config.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(o => ProxySetup.Configure(o, proxy));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                // Wrong passwords are counted by SignInLockout (per account and address); Identity's own counter only sees
                // wrong two-factor codes, which only someone who knows the password can send.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<MootaDeskDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<MootaDeskSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<IndonesianIdentityErrors>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/" + AppUrls.SignIn;
            o.LogoutPath = "/keluar";
            o.AccessDeniedPath = "/" + AppUrls.AccessDenied;
            o.ReturnUrlParameter = "kembali";
            o.Cookie.Name = "mootadesk.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the client's request was HTTPS, behind a known proxy too (forwarded headers come first).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // Every request checks the cookie's security stamp against the store: a copied cookie dies at sign-out.
            o.Events.OnValidatePrincipal = SessionCheck.ValidateCookieAsync;
            // API callers get status codes, never a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
        });
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "mootadesk.2fa";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, MetricsAuthentication>(MetricsAuthentication.SchemeName, null);
        services.AddAuthorization(EndpointAccess.Register);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<SessionCheck>();
        services.AddSingleton<TwoFactorPolicy>();
        services.AddScoped<TwoFactorSetup>();
        services.AddRateLimiter(o => o.AddPolicy<string, SignInRateLimit>(SignInRateLimit.PolicyName));
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("id-ID");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            // Indonesian unless the person chose English (cookie): the browser's language is not asked, since
            // many Indonesian users run English-language browsers. Programs calling /api/… may ask by Accept-Language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new ApiAcceptLanguageProvider()];
            o.FallBackToParentUICultures = true;
        });

        services.AddHttpContextAccessor();
        services.AddScoped<CircuitClientInfo>();
        services.AddScoped<CircuitHandler, CircuitIpCapture>();
        services.AddScoped<CurrentUser>();
        services.AddRazorComponents().AddInteractiveServerComponents();
        // After the framework's own registration, so open tabs get the revalidating one.
        services.AddScoped<AuthenticationStateProvider, CircuitRevalidation>();
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.PreventDuplicates = false;
            o.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        // MudBlazor's own strings (pager, date picker, grid menus) in Indonesian; English uses MudBlazor's built-in texts.
        services.AddTransient<MudLocalizer, IndonesianMudLocalizer>();
        services.AddProblemDetails();
        services.AddHealthChecks();
        services.AddMootaDeskApiDocumentation();
        services.AddMootaDeskMetrics();

        // Each area registers its own services from Core; the HTTP side of an area adds only what is HTTP.
        services.AddHome();
        services.AddMutations();
        services.AddSweep(config);
        services.AddProof(builder.Environment);
        services.AddProofRateLimit();
        services.AddOrders(config);
        services.AddBankAccounts();
        services.AddIntegrations(config);
        services.AddIntegrationsApi();
        services.AddOwnerReports();
        services.AddSettings();
        return builder;
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

        // First, so the client's address and scheme are right for everything after (allow-list, rate limits, audit, cookies, HSTS).
        if (ProxySetup.Any(app.Services.GetRequiredService<IConfiguration>().GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new()))
            app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        app.UseApiReferenceScriptHashes();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/galat", createScopeForErrors: true);
            app.UseHsts();
        }
        // A fresh scope for the re-executed page: a Blazor page that answered 404 has already set up the
        // request's NavigationManager, and .NET 10 refuses to initialise it twice.
        app.UseStatusCodePagesWithReExecute("/tidak-ditemukan", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseApiProblems();
        app.UseMiddleware<FirstRunRedirect>();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorGate>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().Public("static files: styles, scripts, fonts and the logo");
        // Pages declare their action with [Permission] or [PublicEndpoint]; the framework's own endpoints (the circuit's hub,
        // blazor.web.js) are public: the circuit authenticates with the session cookie and every page asks the matrix.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            .Add(b => { if (!b.Metadata.OfType<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>().Any()) b.Metadata.Add(new PublicEndpointAttribute("Blazor framework endpoint")); });
        app.MapPlatformApi();
        app.MapMutationsApi();
        app.MapSweepApi();
        app.MapProofApi();
        app.MapOrdersApi();
        app.MapBankAccountsApi();
        app.MapIntegrationsApi();
        app.MapOwnerReportsApi();
        app.MapMootaDeskApiDocumentation();
        app.MapMetrics();
        return app;
    }
}
