using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.BankAccounts.Statements;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.BankAccounts;

/// <summary>
/// <c>POST /api/statements?account=&lt;number&gt;&amp;commit=false|true</c>: a statement file (multipart, field
/// <c>file</c>) for automation, answered with the same preview the import page shows, or the committed result.
/// Built over <see cref="StatementImporter"/>'s load → analyse → commit path, so the API can never import
/// what the page would refuse. Key with scope <c>import</c> and role Owner or Finance. Errors are
/// ProblemDetails with a <c>code</c>; see docs/api.md.
/// </summary>
internal static class BankAccountsApi
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Rows listed per kind in an answer; the counts are always complete.</summary>
    public const int MaxListedRows = 1000;

    // The multipart envelope around the largest allowed file.
    private const long MaxRequestBytes = StatementImporter.MaxFileBytes + 1024 * 1024;

    public static IEndpointRouteBuilder MapBankAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/statements", ImportAsync)
            .RequirePermission(Actions.ImportStatement, apiKey: true)
            .DisableAntiforgery()
            .WithName("StatementImport");
        return app;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, StatementImporter importer, BusinessClock clock, IStringLocalizer<BankAccountsText> t,
        CancellationToken ct)
    {
        // Developers read these answers: English, whatever the installation's language.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = English;
        var text = new StatementPreviewText(t);
        var query = http.Request.Query;
        if (string.IsNullOrWhiteSpace(query["account"]))
            return Problem(StatusCodes.Status400BadRequest, "missing-account", "Name the account: ?account=<account number>.");
        if (!TryFlag(query["commit"], out var commit) || !TryFlag(query["validRowsOnly"], out var validRowsOnly))
            return Problem(StatusCodes.Status400BadRequest, "bad-parameter", "commit and validRowsOnly are true or false.");
        int? year = null;
        if (!string.IsNullOrWhiteSpace(query["year"]))
        {
            if (!int.TryParse(query["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
                return Problem(StatusCodes.Status400BadRequest, "bad-parameter", "year is a year such as 2026.");
            year = y;
        }
        StatementLayout? layout = null;
        if (!string.IsNullOrWhiteSpace(query["layout"]) && (layout = StatementLayouts.Find(query["layout"])) is null)
            return Problem(StatusCodes.Status400BadRequest, "unknown-layout",
                $"Unknown layout \"{query["layout"]}\"; known: {string.Join(", ", StatementLayouts.All.Select(l => l.Key))}.");

        var account = await importer.AccountByNumberAsync(query["account"].ToString(), ct);
        if (account is null)
            return Problem(StatusCodes.Status404NotFound, "unknown-account", $"No account with number \"{query["account"]}\".");

        if (http.Request.ContentLength > MaxRequestBytes) return TooBig();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxRequestBytes;
        if (!http.Request.HasFormContentType)
            return Problem(StatusCodes.Status415UnsupportedMediaType, "not-multipart", "Send the statement as multipart/form-data with the file in the field \"file\".");
        IFormFile? file;
        try
        {
            file = (await http.Request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooBig();
        }
        catch (InvalidDataException)
        {
            return Problem(StatusCodes.Status400BadRequest, "bad-multipart", "The multipart body cannot be read.");
        }
        if (file is null) return Problem(StatusCodes.Status400BadRequest, "missing-file", "Send the statement in the multipart field \"file\".");
        if (file.Length > StatementImporter.MaxFileBytes) return TooBig();
        byte[] content;
        await using (var stream = file.OpenReadStream())
        using (var copy = new MemoryStream())
        {
            await stream.CopyToAsync(copy, ct);
            content = copy.ToArray();
        }

        LoadedStatement loaded;
        try
        {
            loaded = await importer.LoadAsync(account.Id, content, file.FileName, ct);
        }
        catch (StatementFileException ex)
        {
            return ex.Problem == StatementFileProblem.TooManyRows ? TooBig(t["File." + ex.Problem])
                : Problem(StatusCodes.Status422UnprocessableEntity, "unreadable-file", t["File." + ex.Problem], ("problem", ex.Problem.ToString()));
        }
        var mapping = loaded.Mapping;
        if (layout is not null)
        {
            if (StatementLayouts.Apply(layout, loaded.Table) is not { } preset)
                return Problem(StatusCodes.Status422UnprocessableEntity, "layout-does-not-fit", t["Layout.NotThisFile", layout.Name], ("headers", loaded.Table.Headers));
            mapping = preset;
        }
        mapping = mapping with { Year = year };

        ImportAnalysis analysis;
        try
        {
            analysis = await importer.AnalyzeAsync(loaded, mapping, null, ct);
        }
        catch (StatementMappingException ex)
        {
            var message = ex.Problem == MappingProblem.DatesUnreadable ? t["Mapping.DatesUnreadable", mapping.Date ?? "", ex.Detail] : t["Mapping." + ex.Problem, ex.Detail];
            return Problem(StatusCodes.Status422UnprocessableEntity, ex.Problem == MappingProblem.YearNeeded ? "year-needed" : "unreadable-layout", message,
                ("problem", ex.Problem.ToString()), ("headers", loaded.Table.Headers));
        }

        if (!commit) return Results.Ok(StatementApiAnswer.From(analysis, account, null, clock, text, validRowsOnly));

        var outcome = await importer.CommitAsync(analysis, validRowsOnly, http.User.ToViewer(), http.User.ToActor(http.Connection.RemoteIpAddress?.ToString()), null, ct);
        if (outcome.Succeeded) return Results.Ok(StatementApiAnswer.From(analysis, account, outcome, clock, text, validRowsOnly));
        var preview = StatementApiAnswer.From(analysis, account, null, clock, text, validRowsOnly);
        return outcome.Refusal switch
        {
            ImportRefusal.NotAllowed => Problem(StatusCodes.Status403Forbidden, "forbidden-role", text.Refusal(outcome.Refusal)),
            ImportRefusal.DirectionContradicted => Problem(StatusCodes.Status422UnprocessableEntity, "direction-contradicted", text.Refusal(outcome.Refusal),
                ("contradictions", preview.Contradictions), ("preview", preview)),
            ImportRefusal.FooterMismatch => Problem(StatusCodes.Status422UnprocessableEntity, "footer-mismatch", text.Refusal(outcome.Refusal),
                ("footer", preview.Footer), ("preview", preview)),
            _ => Problem(StatusCodes.Status422UnprocessableEntity, "rows-refused",
                "Some rows cannot be read (listed in \"refused\"); nothing was stored. Fix the file, or send validRowsOnly=true to import the readable rows only.",
                ("refused", preview.Refused), ("preview", preview)),
        };
    }

    private static IResult TooBig(string? detail = null) => Problem(StatusCodes.Status413PayloadTooLarge, "too-big",
        detail ?? $"The file is larger than {StatementImporter.MaxFileBytes / 1024 / 1024} MB; split it into shorter periods.");

    private static bool TryFlag(string? value, out bool flag)
    {
        flag = false;
        if (string.IsNullOrWhiteSpace(value)) return true;
        return bool.TryParse(value, out flag);
    }

    private static IResult Problem(int status, string code, string detail, params (string Key, object? Value)[] extra)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (key, value) in extra) extensions[key] = value;
        return Results.Problem(type: ApiProblem.TypeOf(code), statusCode: status, title: Title(status), detail: detail, extensions: extensions);
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request could not be read.",
        StatusCodes.Status403Forbidden => "Not allowed.",
        StatusCodes.Status404NotFound => "Unknown account.",
        StatusCodes.Status413PayloadTooLarge => "The statement is too big.",
        StatusCodes.Status415UnsupportedMediaType => "Send multipart/form-data.",
        _ => "The statement was not imported.",
    };
}
