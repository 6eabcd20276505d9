using MootaDesk.Core.Settings;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>
/// While no user exists, every page leads to /penyiapan (create the Owner). Once someone exists the answer
/// is cached for the life of the process: users are never all deleted through the app.
/// </summary>
internal sealed class FirstRunRedirect(RequestDelegate next)
{
    private volatile bool _hasUsers;

    public async Task InvokeAsync(HttpContext context, UserAdministration users)
    {
        if (!_hasUsers && HttpMethods.IsGet(context.Request.Method) && IsPage(context.Request.Path))
        {
            _hasUsers = await users.AnyUserAsync(context.RequestAborted);
            if (!_hasUsers && !context.Request.Path.StartsWithSegments(FirstRunState.SetupPath))
            {
                context.Response.Redirect(FirstRunState.SetupPath);
                return;
            }
        }
        await next(context);
    }

    // Only navigations: static files, the API, the health check and Blazor's own endpoints pass untouched.
    internal static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/_framework") && !path.StartsWithSegments("/_content")
        && !path.StartsWithSegments("/_blazor") && !path.StartsWithSegments("/health") && !path.StartsWithSegments(MetricsEndpoint.Path) && !path.StartsWithSegments("/brand") && !path.StartsWithSegments("/budaya")
        && !Path.HasExtension(path.Value);
}

public static class FirstRunState
{
    public const string SetupPath = "/penyiapan";
}
