using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>What the endpoint answers about one post.</summary>
public sealed record NotificationReceipt(long PostId, NotificationPostStatus Status, long? MutationId, NotificationProblem? Reason);

/// <summary>
/// The phone-notification channel's inbox: every post is stored raw and committed first (no post is ever lost, whatever
/// follows), then read (<see cref="NotificationPostReader"/>), parsed (<see cref="NotificationTextParser"/>) and, for money in
/// on one of the device's accounts, handed to <see cref="MutationIngestor"/> as a provisional mutation. A post that is not
/// money in is kept with its verdict and reason ("tidak terbaca" for Ops); an unexpected failure leaves it Failed for
/// "Proses lagi", and a crash leaves it Pending for the start-up pass.
/// </summary>
public sealed class NotificationInbox(
    IDbContextFactory<MootaDeskDbContext> factory,
    MutationIngestor ingestor,
    BusinessClock clock,
    NotificationInboxSignal signal,
    ILogger<NotificationInbox> logger)
{
    /// <summary>Problem key for a debit read from a phone: money out is taken from the bank only.</summary>
    public const string DebitIgnored = "Notification.NotTransaction.Debit";

    /// <summary>Problem key for a credit none of the device's accounts fits (argument: the bank code and account hint read).</summary>
    public const string NoAccountFits = "Notification.NoAccount";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores <paramref name="body"/> (at most <see cref="NotificationPostReader.MaxBodyBytes"/> are kept) for the device, then processes it.</summary>
    public async Task<NotificationReceipt> ReceiveAsync(int deviceId, ReadOnlyMemory<byte> body, string? contentType, CancellationToken ct = default)
    {
        // Stored with its attempt counted, so the background pass leaves it to this caller (unless it is left stale by a crash).
        var id = await StoreAsync(deviceId, body, contentType, NotificationPostStatus.Pending, null, ct, attempts: 1);
        // The reader sees the whole body (it refuses what is too large); the stored copy is capped.
        return await ProcessAsync(id, body, ct, countAttempt: false);
    }

    /// <summary>
    /// The endpoint's path: the post is stored and committed, then answered at once; <see cref="NotificationInboxService"/> reads,
    /// parses and ingests it a moment later (the webhook inbox's rhythm: the answer never waits for processing). A body that
    /// cannot be read as a post at all is kept as Refused and answered so (400/413), as before. The receipt is Pending or Refused.
    /// </summary>
    public async Task<NotificationReceipt> AcceptAsync(int deviceId, ReadOnlyMemory<byte> body, string? contentType, CancellationToken ct = default)
    {
        var reading = NotificationPostReader.Read(body, contentType, clock.UtcNow);
        if (reading.Notification is null)
        {
            var refusedId = await StoreAsync(deviceId, body, contentType, NotificationPostStatus.Refused, reading.Problem, ct);
            return new NotificationReceipt(refusedId, NotificationPostStatus.Refused, null, reading.Problem);
        }
        var id = await StoreAsync(deviceId, body, contentType, NotificationPostStatus.Pending, null, ct);
        signal.Notify();
        return new NotificationReceipt(id, NotificationPostStatus.Pending, null, null);
    }

    private async Task<long> StoreAsync(int deviceId, ReadOnlyMemory<byte> body, string? contentType, NotificationPostStatus status, NotificationProblem? reason,
        CancellationToken ct, int attempts = 0)
    {
        var now = clock.UtcNow;
        var kept = body.Length > NotificationPostReader.MaxBodyBytes ? body[..NotificationPostReader.MaxBodyBytes] : body;
        await using var db = await factory.CreateDbContextAsync(ct);
        var post = new NotificationPost
        {
            DeviceId = deviceId, ReceivedAt = now, ContentType = Cut(contentType, 200), Body = Encoding.UTF8.GetString(kept.Span), Status = status,
            ReasonJson = reason is null ? null : Cut(JsonSerializer.Serialize(reason), 1000), Attempts = status == NotificationPostStatus.Refused ? 1 : attempts,
        };
        await using var tx = await db.BeginWriteAsync(ct);
        db.NotificationPosts.Add(post);
        await db.NotificationDevices.Where(d => d.Id == deviceId).ExecuteUpdateAsync(u => u.SetProperty(d => d.LastPostAt, now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return post.Id;
    }

    /// <summary>"Proses lagi" for a failed, refused, unreadable or pending post: read and parse again (after a parser update, say).</summary>
    public Task<NotificationReceipt?> ReprocessAsync(long postId, CancellationToken ct = default) => ReprocessAsync(postId, countAttempt: true, ct);

    private async Task<NotificationReceipt?> ReprocessAsync(long postId, bool countAttempt, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var body = await db.NotificationPosts.AsNoTracking().Where(p => p.Id == postId && p.Status != NotificationPostStatus.Provisional && p.Status != NotificationPostStatus.Duplicate)
            .Select(p => p.Body).FirstOrDefaultAsync(ct);
        return body is null ? null : await ProcessAsync(postId, Encoding.UTF8.GetBytes(body), ct, countAttempt);
    }

    /// <summary>
    /// A pending post whose attempt was counted this long ago without an outcome was left by a crash (or a lost instance):
    /// the background pass takes it over. Younger ones are being processed by whoever counted the attempt.
    /// </summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Processes pending posts, oldest first, up to 1,000 per call; the number this caller processed. Each post is claimed
    /// first (its attempt count moves on only where it still has the count just read), so two passes, or two instances on
    /// one PostgreSQL store, never process the same post twice.
    /// </summary>
    public async Task<int> ProcessPendingAsync(CancellationToken ct = default)
    {
        List<(long Id, int Attempts)> pending;
        var staleBefore = clock.UtcNow - StaleClaim;
        await using (var db = await factory.CreateDbContextAsync(ct))
            pending = (await db.NotificationPosts.AsNoTracking()
                .Where(p => p.Status == NotificationPostStatus.Pending && (p.Attempts == 0 || p.ReceivedAt < staleBefore)).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.Attempts }).Take(1000).ToListAsync(ct)).Select(p => (p.Id, p.Attempts)).ToList();
        var done = 0;
        foreach (var (id, attempts) in pending)
        {
            int claimed;
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                // Every write of this pipeline takes the store's write turn: one outside it meets the answers' inserts in
                // SQLite's busy handler instead, whose sleeps (up to 100 ms) were the answer's tail.
                await using var tx = await db.BeginWriteAsync(ct);
                claimed = await db.NotificationPosts.Where(p => p.Id == id && p.Status == NotificationPostStatus.Pending && p.Attempts == attempts)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.Attempts, attempts + 1), ct);
                await tx.CommitAsync(ct);
            }
            if (claimed == 0) continue;
            await ReprocessAsync(id, countAttempt: false, ct);
            done++;
        }
        return done;
    }

    private async Task<NotificationReceipt> ProcessAsync(long postId, ReadOnlyMemory<byte> body, CancellationToken ct, bool countAttempt = true)
    {
        try
        {
            return await ReadAndStoreAsync(postId, body, countAttempt, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Notification post {PostId} could not be processed; kept as failed for another try", postId);
            await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
            await using var tx = await db.BeginWriteAsync(CancellationToken.None);
            await db.NotificationPosts.Where(p => p.Id == postId).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Status, NotificationPostStatus.Failed).SetProperty(p => p.Error, Cut(ex.Message, 1000))
                .SetProperty(p => p.Attempts, p => p.Attempts + (countAttempt ? 1 : 0)), CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
            return new NotificationReceipt(postId, NotificationPostStatus.Failed, null, null);
        }
    }

    private async Task<NotificationReceipt> ReadAndStoreAsync(long postId, ReadOnlyMemory<byte> body, bool countAttempt, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var post = await db.NotificationPosts.FirstAsync(p => p.Id == postId, ct);
        var device = await db.NotificationDevices.AsNoTracking().FirstAsync(d => d.Id == post.DeviceId, ct);
        if (countAttempt) post.Attempts++;
        post.Error = null;
        var reading = NotificationPostReader.Read(body, post.ContentType, clock.UtcNow);
        if (reading.Notification is not { } n)
            return await FinishAsync(db, post, NotificationPostStatus.Refused, reading.Problem, ct);

        post.Format = n.Format;
        post.AppPackage = Cut(n.AppPackage ?? n.AppName, 200);
        post.Title = Cut(n.Title, 500);
        post.Text = Cut(n.Text, 4000);
        post.PostedAtUtc = n.PostedAtUtc;

        var accounts = await DeviceAccountsAsync(db, device, ct);
        var families = accounts.Where(a => !a.IsSandbox).Select(a => BankFamily(a.BankCode)).Distinct().ToList();
        var parsed = NotificationTextParser.Parse(n, families.Count == 1 ? families[0] : null);
        post.Verdict = parsed.Verdict;
        post.BankCode = parsed.BankCode;
        post.RuleId = parsed.RuleId;
        post.Direction = parsed.Direction;
        post.Amount = parsed.Amount;

        if (parsed.Verdict == NotificationVerdict.Unreadable) return await FinishAsync(db, post, NotificationPostStatus.Unreadable, parsed.Reason, ct);
        if (parsed.Verdict == NotificationVerdict.NotATransaction) return await FinishAsync(db, post, NotificationPostStatus.NotMoneyIn, parsed.Reason, ct);
        if (!parsed.IsMoneyIn) return await FinishAsync(db, post, NotificationPostStatus.NotMoneyIn, new NotificationProblem(DebitIgnored), ct);

        // A sandbox account stands for any bank: the sandbox simulates a real app's wording onto it.
        var fitting = accounts.Where(a => (a.IsSandbox || BankFamily(a.BankCode) == parsed.BankCode)
                                          && (parsed.AccountHint is null || a.AccountNumber.EndsWith(parsed.AccountHint, StringComparison.Ordinal))).ToList();
        if (fitting.Count != 1)
            return await FinishAsync(db, post, NotificationPostStatus.NoAccount,
                new NotificationProblem(NoAccountFits, BankNames.Display(parsed.BankCode), parsed.AccountHint ?? ""), ct);
        var account = fitting[0];
        post.IsSandbox = account.IsSandbox;

        var when = parsed.StatedAtUtc ?? n.PostedAtUtc;
        var sourceId = SourceIdOf(device.Id, n, when);
        var description = Cut(string.IsNullOrWhiteSpace(n.Title) ? n.Text : $"{n.Title}: {n.Text}", 500)!.ReplaceLineEndings(" ");
        var raw = JsonSerializer.Serialize(new
        {
            channel = "notification", postId, device = device.Name, format = n.Format, app = n.AppPackage ?? n.AppName, title = n.Title, text = n.Text,
            postedAt = n.PostedAtUtc, timeSource = n.TimeSource, rule = parsed.RuleId, matchedBy = parsed.MatchedBy,
        }, Json);
        var result = await ingestor.IngestAsync([new IncomingMutation
        {
            Source = MutationSource.Notification, SourceId = sourceId, AccountId = account.Id, TransactionTimeUtc = when, HasTimeOfDay = true,
            Description = description, Amount = parsed.Amount!.Value, Direction = Direction.Credit, RawSource = raw, IsSandbox = account.IsSandbox,
            IsProvisional = true, Counterparty = parsed.Counterparty,
        }], new Actor("notifikasi: " + device.Name), ct);

        if (result.New == 1)
        {
            post.MutationId = result.NewMutationIds[0];
            return await FinishAsync(db, post, NotificationPostStatus.Provisional, null, ct);
        }
        post.MutationId = await db.Mutations.AsNoTracking().Where(m => m.Source == MutationSource.Notification && m.SourceId == sourceId)
            .Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        return await FinishAsync(db, post, NotificationPostStatus.Duplicate, null, ct);
    }

    private static async Task<NotificationReceipt> FinishAsync(MootaDeskDbContext db, NotificationPost post, NotificationPostStatus status, NotificationProblem? reason, CancellationToken ct)
    {
        post.Status = status;
        post.ReasonJson = reason is null ? null : Cut(JsonSerializer.Serialize(reason), 1000);
        await using var tx = await db.BeginWriteAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new NotificationReceipt(post.Id, status, post.MutationId, reason);
    }

    private sealed record DeviceAccount(int Id, string BankCode, string AccountNumber, bool IsSandbox);

    private static async Task<List<DeviceAccount>> DeviceAccountsAsync(MootaDeskDbContext db, NotificationDevice device, CancellationToken ct)
    {
        var ids = device.AccountIdList().ToList();
        var numbers = device.AccountNumberList().ToList();
        return await db.Accounts.AsNoTracking().Where(a => a.IsActive && (ids.Contains(a.Id) || numbers.Contains(a.AccountNumber)))
            .Select(a => new DeviceAccount(a.Id, a.BankCode, a.AccountNumber, a.IsSandbox)).ToListAsync(ct);
    }

    /// <summary>
    /// The parser's bank code for an account's Moota bank_type: the lower-case stem before the variant ("bcaGiro", "bcaV3" → "bca",
    /// "mandiriMcmV2" → "mandiri", "briCms" → "bri"); GoPay accounts are Gojek's.
    /// </summary>
    public static string BankFamily(string bankCode)
    {
        var stem = new string(bankCode.TakeWhile(char.IsLower).ToArray());
        return stem switch { "gopay" => "gojek", "" => bankCode.ToLowerInvariant(), _ => stem };
    }

    /// <summary>The same notification posted twice (a forwarder retry) is one mutation: device, app, texts and time make its id.</summary>
    private static string SourceIdOf(int deviceId, PhoneNotification n, DateTime when)
    {
        var key = $"{deviceId}\n{n.AppPackage ?? n.AppName}\n{n.Title}\n{n.Text}\n{when:O}";
        return "n" + deviceId + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40];
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}
