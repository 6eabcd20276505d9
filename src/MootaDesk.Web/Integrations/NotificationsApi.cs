using System.Buffers;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Integrations;

/// <summary>
/// <c>POST /api/notifications</c>: a phone's forwarder app posts one notification (docs/api.md, "Phone notifications"). The
/// <c>X-Device-Token</c> header is the authentication (401 ProblemDetails for a missing, unknown or revoked token). Every
/// authenticated post is stored raw before the answer; 200 (<c>status</c> "pending", its <c>postId</c>) says it is kept and
/// will be read within moments by <c>NotificationInboxService</c>; 400 (ProblemDetails) that the body could not be read
/// (kept raw for Ops all the same), 413 that it is over 64 KiB.
/// </summary>
public static class NotificationsApi
{
    public const string TokenHeader = "X-Device-Token";

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/notifications", ReceiveAsync)
            .Public("phone notification forwarders: the X-Device-Token header is the authentication").DisableAntiforgery().WithName("PhoneNotification");
        return app;
    }

    /// <summary>The answer for a stored post: its id, what became of it (<c>status</c>), the provisional mutation, and the reason key when it is not money in.</summary>
    public sealed record Answer(long PostId, string Status, long? MutationId, string? Reason);

    private static async Task<IResult> ReceiveAsync(HttpContext http, NotificationDeviceCommands devices, NotificationInbox inbox)
    {
        var ct = http.RequestAborted;
        var device = await devices.AuthenticateAsync(http.Request.Headers[TokenHeader].ToString(), ct);
        if (device is null)
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Missing, unknown or revoked device token.",
                detail: $"Send the token shown when the phone was registered (Integrasi → Notifikasi HP) in the {TokenHeader} header.");

        var body = await ReadCappedAsync(http.Request, ct);
        // Not cancellable from here on: once read, a post is kept even if the phone hangs up while it is written.
        var receipt = await inbox.AcceptAsync(device.Id, body, http.Request.ContentType, CancellationToken.None);
        if (receipt.Status == NotificationPostStatus.Refused)
        {
            var tooLarge = receipt.Reason?.Key == NotificationProblems.BodyTooLarge;
            return Results.Problem(statusCode: tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                title: "The post could not be read as a notification; it is kept in the notification log.",
                detail: receipt.Reason?.Technical, extensions: new Dictionary<string, object?> { ["postId"] = receipt.PostId });
        }
        return Results.Ok(new Answer(receipt.PostId, StatusName(receipt.Status), receipt.MutationId, receipt.Reason?.Key));
    }

    /// <summary>The API's word for a post status: provisional, duplicate, not-money-in, unreadable, no-account, failed.</summary>
    public static string StatusName(NotificationPostStatus status) => status switch
    {
        NotificationPostStatus.Provisional => "provisional",
        NotificationPostStatus.Duplicate => "duplicate",
        NotificationPostStatus.NotMoneyIn => "not-money-in",
        NotificationPostStatus.Unreadable => "unreadable",
        NotificationPostStatus.NoAccount => "no-account",
        NotificationPostStatus.Refused => "refused",
        NotificationPostStatus.Pending => "pending",
        _ => "failed",
    };

    /// <summary>At most one byte over the limit is read, so the reader can name a too-large body without the server holding all of it.</summary>
    private static async Task<byte[]> ReadCappedAsync(HttpRequest request, CancellationToken ct)
    {
        var limit = NotificationPostReader.MaxBodyBytes + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var ms = new MemoryStream();
            int read;
            while (ms.Length < limit && (read = await request.Body.ReadAsync(buffer, ct)) > 0)
                ms.Write(buffer, 0, (int)Math.Min(read, limit - ms.Length));
            return ms.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
