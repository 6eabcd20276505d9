using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform;

namespace MootaDesk.Web.Platform.Hosting;

/// <summary>
/// The edge where a <see cref="Refusal"/> meets a person or a program. Pages say it with their area's localizer
/// (<see cref="Say"/>); APIs answer it as an RFC 9457 problem details document (<see cref="Refused"/>): <c>type</c>
/// <c>urn:mootadesk:problem:&lt;code&gt;</c>, <c>title</c> the status in words, <c>detail</c> the refusal in the request's
/// language (Indonesian unless the language cookie or, on <c>/api/</c>, <c>Accept-Language</c> asks for English), and the
/// extensions <c>code</c> (stable, for programs) and <c>errors</c> (<c>{field: [detail]}</c>) when the refusal names a field.
/// </summary>
public static class ApiProblem
{
    /// <summary>The problem type URI of a code (docs/api.md lists the codes per endpoint).</summary>
    public static string TypeOf(string code) => "urn:mootadesk:problem:" + code;

    /// <summary>The refusal as a sentence in the current UI culture; an unknown key is shown as itself rather than hidden.</summary>
    public static string Say(this IStringLocalizer text, Refusal refusal)
    {
        var s = text[refusal.Key, [.. refusal.Args.Select(a => a ?? "")]];
        return s.ResourceNotFound ? refusal.Key : s.Value;
    }

    /// <summary>A stored refusal (<see cref="Refusal.ToStored"/>) as a sentence; a sentence stored before keys were kept is shown as it is.</summary>
    public static string? SayStored(this IStringLocalizer text, string? stored) =>
        stored is null ? null : Refusal.FromStored(stored) is { } refusal ? text.Say(refusal) : stored;

    /// <summary>The refusal as <c>application/problem+json</c> with <paramref name="status"/>, extra members in <paramref name="extensions"/>.</summary>
    public static IResult Refused(HttpContext http, int status, Refusal refusal, IStringLocalizer text, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var detail = text.Say(refusal);
        var members = new Dictionary<string, object?> { ["code"] = refusal.Code };
        if (refusal.Field is string field) members["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        foreach (var (k, v) in extensions ?? new Dictionary<string, object?>()) members[k] = v;
        return Results.Problem(type: TypeOf(refusal.Code), title: Title(http, status), detail: detail, statusCode: status, extensions: members);
    }

    /// <summary>The status in words in the request's language ("Permintaan tidak valid" / "Bad Request").</summary>
    public static string Title(HttpContext http, int status)
    {
        var shared = http.RequestServices.GetService<IStringLocalizer<SharedText>>();
        var s = shared?["Problem.Title." + status];
        return s is { ResourceNotFound: false } ? s.Value : ReasonPhrases.GetReasonPhrase(status);
    }

    /// <summary>Whether the request is for the HTTP API, whose every error is a problem details document.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>
    /// On <c>/api/…</c>: an error status without a body (a bare 404, 405, 429…) gets a problem details body, and an unhandled
    /// exception answers 500 as a problem instead of the error page. Placed after the request's language is known.
    /// </summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(http => IsApi(http.Request), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = http => Problem(http, StatusCodes.Status500InternalServerError, Refusal.Of("Problem.Unexpected")).ExecuteAsync(http),
            });
            api.UseStatusCodePages(context => Problem(context.HttpContext, context.HttpContext.Response.StatusCode, null).ExecuteAsync(context.HttpContext));
        });

    private static IResult Problem(HttpContext http, int status, Refusal? refusal)
    {
        var shared = http.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
        return refusal is null
            ? Results.Problem(title: Title(http, status), statusCode: status)
            : Refused(http, status, refusal, shared);
    }
}

/// <summary>
/// <c>Accept-Language</c>, asked on <c>/api/…</c> only: a program states its language per request, while people keep
/// Indonesian whatever their browser says unless they choose English (the cookie, asked first).
/// </summary>
public sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        ApiProblem.IsApi(httpContext.Request) ? base.DetermineProviderCultureResult(httpContext) : NullProviderCultureResult;
}
