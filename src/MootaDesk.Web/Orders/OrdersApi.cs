using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Orders;

/// <summary>The order as a storefront sees it; money as decimal strings ("150123.00") so no client rounds it through a float.</summary>
public sealed record OrderApiResponse(
    int Id, string Reference, string CustomerName, string? WhatsApp, string Amount, int UniqueCode, string PayableAmount, string Status,
    DateTime CreatedAt, DateTime ExpiresAt, string BankCode, string AccountNumber, string AccountHolder, string PaymentInstruction,
    long? MatchedMutationId, DateTime? PaidAt, bool IsSandbox)
{
    public static OrderApiResponse From(OrderView o, BusinessClock clock) => new(
        o.Id, o.Reference, o.CustomerName, o.WhatsApp, Decimal(o.Amount), o.UniqueCode, Decimal(o.PayableAmount), o.Status.ToString().ToLowerInvariant(),
        o.CreatedAt, o.ExpiresAt, o.BankCode, o.AccountNumber, o.HolderName, o.Instruction(clock), o.MatchedMutationId, o.PaidAt, o.IsSandbox);

    private static string Decimal(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>
/// POST /api/orders and GET /api/orders/{reference} for storefronts, behind an API key with the `orders` scope.
/// Bad JSON or wrong types answer 400, values that break the rules 422 (both ProblemDetails with an errors
/// dictionary keyed by field), a reference already used 409.
/// </summary>
internal static class OrdersApi
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orders");
        group.MapPost("", CreateAsync).RequirePermission(Actions.CreateOrders, apiKey: true);
        group.MapGet("/{reference}", GetAsync).RequirePermission(Actions.ReadOrders, apiKey: true);
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CreateOrdersCommand command, OrderCsvReader times, BusinessClock clock,
        IStringLocalizer<OrdersText> t, CancellationToken ct)
    {
        // Developers read these messages; the payment instruction stays Indonesian regardless.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = English;
        var viewer = http.User.ToViewer();

        JsonElement body;
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
            body = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Problem400(new() { ["$"] = ["The body is not valid JSON."] });
        }
        if (body.ValueKind != JsonValueKind.Object) return Problem400(new() { ["$"] = ["The body must be a JSON object."] });

        var typeErrors = new Dictionary<string, string[]>();
        string? Text(string name)
        {
            if (!TryGet(body, name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.String) return v.GetString();
            typeErrors[name] = ["Must be a string."];
            return null;
        }
        decimal? amount = null;
        if (TryGet(body, OrderFields.Amount, out var a) && a.ValueKind != JsonValueKind.Null)
        {
            if (a.ValueKind == JsonValueKind.Number && a.TryGetDecimal(out var n)) amount = n;
            else if (a.ValueKind == JsonValueKind.String && decimal.TryParse(a.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s)) amount = s;
            else typeErrors[OrderFields.Amount] = ["Must be a number or a decimal string such as \"150000.00\"."];
        }
        DateTime? expires = null;
        var expiresText = Text(OrderFields.ExpiresAt);
        if (!string.IsNullOrWhiteSpace(expiresText))
        {
            if (times.TryParseTime(expiresText.Trim(), out var e)) expires = e;
            else typeErrors[OrderFields.ExpiresAt] = ["Must be an ISO 8601 time, e.g. \"2026-11-22T17:00:00+07:00\" (without an offset it is read as business time)."];
        }
        var request = new OrderRequest
        {
            Reference = Text(OrderFields.Reference),
            CustomerName = Text(OrderFields.CustomerName),
            WhatsApp = Text(OrderFields.WhatsApp),
            Amount = amount,
            AccountNumber = Text(OrderFields.Account),
            BankCode = Text("bankCode"),
            ExpiresAtUtc = expires,
        };
        if (typeErrors.Count > 0) return Problem400(typeErrors);

        var result = await command.CreateAsync([request], viewer, http.User.ToActor(http.Connection.RemoteIpAddress?.ToString()), ct);
        if (!result.Succeeded)
        {
            var errors = result.Errors.SelectMany(e => e.Errors).ToList();
            var dictionary = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => OrderErrorText.Describe(t, e)).ToArray());
            if (errors.Any(e => e.Code == OrderErrorCodes.DuplicateReference))
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "An order with this reference already exists.",
                    extensions: new Dictionary<string, object?> { ["errors"] = dictionary });
            return Results.ValidationProblem(dictionary, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The order was not created.");
        }
        var order = result.Created[0];
        return Results.Created($"/api/orders/{Uri.EscapeDataString(order.Reference)}", OrderApiResponse.From(order, clock));
    }

    private static async Task<IResult> GetAsync(string reference, OrderDetailQuery query, BusinessClock clock, CancellationToken ct)
    {
        var order = await query.FindByReferenceAsync(reference, ct);
        return order is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No order with reference \"{reference}\".")
            : Results.Ok(OrderApiResponse.From(order, clock));
    }

    private static IResult Problem400(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, statusCode: StatusCodes.Status400BadRequest, title: "The request could not be read.");

    /// <summary>Field names are matched case-insensitively: storefronts write "customer_name" and "CustomerName" too.</summary>
    private static bool TryGet(JsonElement body, string name, out JsonElement value)
    {
        var plain = name.Replace("_", "");
        foreach (var p in body.EnumerateObject())
            if (p.Name.Replace("_", "").Equals(plain, StringComparison.OrdinalIgnoreCase)) { value = p.Value; return true; }
        value = default;
        return false;
    }
}
