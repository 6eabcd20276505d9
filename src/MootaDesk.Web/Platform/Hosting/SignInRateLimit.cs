using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using MootaDesk.Core.Platform.Access;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>
/// ASP.NET Core rate limiting on the sign-in forms, per client address (after forwarded headers): one address may post
/// <see cref="SignInOptions.AttemptsPerAddress"/> times per window across all accounts, so it cannot spray the user list.
/// </summary>
public sealed class SignInRateLimit(Microsoft.Extensions.Options.IOptions<SignInOptions> options) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "sign-in";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = "300";
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync("Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam beberapa menit. / Too many sign-in attempts from this address; try again in a few minutes.", ct);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        // Only form posts count: showing the sign-in page is free.
        if (!HttpMethods.IsPost(httpContext.Request.Method)) return RateLimitPartition.GetNoLimiter("get");
        var o = options.Value;
        return RateLimitPartition.GetSlidingWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, o.AttemptsPerAddress),
            Window = TimeSpan.FromMinutes(Math.Max(1, o.AttemptWindowMinutes)),
            SegmentsPerWindow = 5,
            QueueLimit = 0,
        });
    }
}
