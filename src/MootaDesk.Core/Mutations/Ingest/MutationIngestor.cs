using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations.Ingest;

/// <summary>The account a mutation belongs to, as the source describes it.</summary>
public sealed record IncomingAccount(
    string? ExternalId, string BankCode, string AccountNumber, string? HolderName = null, string? Label = null,
    decimal? Balance = null, bool IsSandbox = false);

/// <summary>One mutation as any source (webhook, API pull, statement import, sandbox) hands it over.</summary>
public sealed record IncomingMutation
{
    public required MutationSource Source { get; init; }
    public required string SourceId { get; init; }

    /// <summary>Either an existing account id, or a description to find or create the account by.</summary>
    public int? AccountId { get; init; }
    public IncomingAccount? Account { get; init; }

    public required DateTime TransactionTimeUtc { get; init; }
    public bool HasTimeOfDay { get; init; } = true;

    /// <summary>
    /// The day as the bank wrote it, when the source says so (a statement's printed date); otherwise the ingestor takes it
    /// from <see cref="TransactionTimeUtc"/> in the source's clock (Moota: Asia/Jakarta; others: the business zone).
    /// </summary>
    public DateOnly? BankDate { get; init; }
    public required string Description { get; init; }
    public required decimal Amount { get; init; }
    public required Direction Direction { get; init; }
    public decimal? BalanceAfter { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<string> TagNames { get; init; } = [];
    public string? RawSource { get; init; }
    public long? WebhookDeliveryId { get; init; }
    public bool IsSandbox { get; init; }

    /// <summary>Read from a phone notification only: stored as a provisional row until the bank's mutation attaches to it.</summary>
    public bool IsProvisional { get; init; }

    /// <summary>The payer or payee when the source names it apart from the description; otherwise read from the description.</summary>
    public string? Counterparty { get; init; }
}

/// <summary>
/// What an ingest did. <paramref name="Duplicates"/> counts every incoming mutation that was a transaction already stored
/// (a repeat, a statement row matched to a stored one, a Moota mutation attached to its statement row, a conflict);
/// <paramref name="Conflicts"/> and <paramref name="Attached"/> say how many of those were which.
/// </summary>
public sealed record IngestResult(int New, int Duplicates, IReadOnlyList<long> NewMutationIds, int Conflicts = 0, int Attached = 0)
{
    /// <summary>Provisional rows (phone notifications) this ingest confirmed: the bank's mutation attached to them.</summary>
    public IReadOnlyList<long> ConfirmedIds { get; init; } = [];

    public static readonly IngestResult Empty = new(0, 0, []);
}

/// <summary>
/// Work that follows every new mutation from any source (auto-tag rules, order matching). Steps run in
/// <see cref="Order"/> after the mutations are committed, each in its own unit of work: a failing step is
/// logged and never loses the mutation it was looking at.
/// </summary>
public interface IPostIngestStep
{
    /// <summary>Lower runs first: tagging (100) before matching (200), so matching can see tags.</summary>
    int Order { get; }

    Task RunAsync(IReadOnlyList<long> newMutationIds, Actor actor, CancellationToken ct);
}

/// <summary>
/// The one insert path shared by every source: decides which incoming mutations are transactions already stored (one
/// identity per bank transaction across channels, see <see cref="Identity.IdentityPass"/>), finds or creates the account,
/// stores the rest with their notes and tags, records the channels and conflicts it saw, audits the batch, then runs the
/// post-ingest steps on the new rows.
/// </summary>
public sealed class MutationIngestor(
    IDbContextFactory<MootaDeskDbContext> factory,
    BusinessClock clock,
    IEnumerable<IPostIngestStep> steps,
    ILogger<MutationIngestor> logger,
    ProvisionalWindow? provisionalWindow = null)
{
    private readonly TimeSpan _provisionalWindow = (provisionalWindow ?? ProvisionalWindow.Default).Span;
    private readonly IPostIngestStep[] _steps = steps.OrderBy(s => s.Order).ToArray();

    public async Task<IngestResult> IngestAsync(IReadOnlyList<IncomingMutation> batch, Actor actor, CancellationToken ct = default)
    {
        if (batch.Count == 0) return IngestResult.Empty;
        foreach (var m in batch) Validate(m);

        IngestResult result;
        try
        {
            result = await InsertAsync(batch, actor, ct);
        }
        catch (Exception ex) when (IsUniqueViolation(ex))
        {
            // A concurrent delivery stored one of these between our check and our insert: go one by one, so
            // the unique index decides and each repeat counts as a duplicate.
            var ids = new List<long>();
            var confirmed = new List<long>();
            int duplicates = 0, conflicts = 0, attached = 0;
            foreach (var m in batch)
            {
                try
                {
                    var one = await InsertAsync([m], actor, ct);
                    ids.AddRange(one.NewMutationIds);
                    duplicates += one.Duplicates;
                    conflicts += one.Conflicts;
                    attached += one.Attached;
                    confirmed.AddRange(one.ConfirmedIds);
                }
                catch (Exception e) when (IsUniqueViolation(e))
                {
                    duplicates++;
                }
            }
            result = new IngestResult(ids.Count, duplicates, ids, conflicts, attached) { ConfirmedIds = confirmed };
        }

        if (result.NewMutationIds.Count > 0 || result.ConfirmedIds.Count > 0)
            await RunStepsAsync([.. result.NewMutationIds, .. result.ConfirmedIds], actor, ct);
        return result;
    }

    /// <summary>
    /// For a statement import: the whole batch lands in one transaction or not at all, together with whatever
    /// <paramref name="beforeCommit"/> adds (the import's history row). No one-by-one retry on a concurrent
    /// insert: the caller reports the failure and the person imports again (repeats are then recognised).
    /// Same rules as <see cref="IngestAsync"/> otherwise; <paramref name="progress"/> gets the rows saved so far.
    /// </summary>
    public async Task<IngestResult> IngestAllOrNothingAsync(IReadOnlyList<IncomingMutation> batch, Actor actor,
        Func<MootaDeskDbContext, IngestResult, CancellationToken, Task>? beforeCommit = null, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        foreach (var m in batch) Validate(m);
        var result = await InsertAsync(batch, actor, ct, beforeCommit, progress, bulk: true);
        if (result.NewMutationIds.Count > 0 || result.ConfirmedIds.Count > 0)
            await RunStepsAsync([.. result.NewMutationIds, .. result.ConfirmedIds], actor, ct);
        return result;
    }

    /// <summary>Runs the post-ingest steps again for existing mutations (e.g. "apply rules to these").</summary>
    public Task RunStepsAsync(IReadOnlyList<long> mutationIds, Actor actor, CancellationToken ct = default) => RunStepsCoreAsync(mutationIds, actor, ct);

    private async Task RunStepsCoreAsync(IReadOnlyList<long> ids, Actor actor, CancellationToken ct)
    {
        foreach (var step in _steps)
        {
            try
            {
                await step.RunAsync(ids, actor, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Post-ingest step {Step} failed for {Count} mutation(s); the mutations are stored and the step can be re-run",
                    step.GetType().Name, ids.Count);
            }
        }
    }

    // Only a UNIQUE violation means "stored already"; a foreign-key or NOT NULL failure is a real error and must
    // surface (the delivery is retried and finally marked failed), never be counted as a duplicate.
    private static bool IsUniqueViolation(Exception ex) => StoreWrites.IsUniqueViolation(ex);

    private static void Validate(IncomingMutation m)
    {
        if (string.IsNullOrWhiteSpace(m.SourceId)) throw new ArgumentException("A mutation needs its source's id.");
        if (m.Amount <= 0) throw new ArgumentException($"Mutation {m.SourceId}: the amount must be positive (the direction carries the sign).");
        if (decimal.Round(m.Amount, 2) != m.Amount) throw new ArgumentException($"Mutation {m.SourceId}: an amount has at most two decimals.");
        if (m.Amount >= Money.MaxAmount || Math.Abs(m.BalanceAfter ?? 0) >= Money.MaxAmount)
            throw new ArgumentException($"Mutation {m.SourceId}: an amount or balance of Rp 1 quadrillion or more cannot be stored.");
        if (m.AccountId is null && m.Account is null) throw new ArgumentException($"Mutation {m.SourceId}: no account.");
    }

    private async Task<IngestResult> InsertAsync(IReadOnlyList<IncomingMutation> batch, Actor actor, CancellationToken ct,
        Func<MootaDeskDbContext, IngestResult, CancellationToken, Task>? beforeCommit = null, IProgress<int>? progress = null, bool bulk = false)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Big batches (statement imports) add tens of thousands of entities; scanning them all on every
        // Add would be quadratic. Changes are detected once, before each save.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.BeginWriteAsync(ct);
        // A statement's tens of thousands of rows land all over fifteen indexes (and the text index) of a table that may hold
        // millions: with SQLite's default 2 MB page cache nearly every index insert reads its page again. A larger cache for
        // this transaction only keeps the touched pages in memory; the connection goes back to the pool with the default.
        var sqliteBulk = bulk && !db.IsPostgreSql();
        if (sqliteBulk) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -131072", ct);
        try
        {
            return await InsertInTransactionAsync(db, tx, batch, actor, ct, beforeCommit, progress, bulk);
        }
        finally
        {
            if (sqliteBulk) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
        }
    }

    private async Task<IngestResult> InsertInTransactionAsync(MootaDeskDbContext db, IDbContextTransaction tx, IReadOnlyList<IncomingMutation> batch, Actor actor,
        CancellationToken ct, Func<MootaDeskDbContext, IngestResult, CancellationToken, Task>? beforeCommit, IProgress<int>? progress, bool bulk)
    {
        var now = clock.UtcNow;
        var accounts = new AccountCache(db, now);

        // Who each incoming mutation is (docs/decisions/016-one-row-per-bank-transaction.md): a Moota mutation by its
        // mutation_id across every Moota channel, a statement row by account, bank date, amount, direction and balance,
        // anything else by (source, source id). Only what is new is inserted.
        var identity = new IdentityPass(db, clock, accounts, actor, now, _provisionalWindow);
        var toInsert = await identity.ResolveAsync(batch, ct);

        var tags = new Dictionary<string, Tag>();
        var added = new List<Mutation>();
        var plain = new List<Mutation>();
        foreach (var planned in toInsert)
        {
            var (m, account) = (planned.Incoming, planned.Account);
            var latency = m.HasTimeOfDay ? (int?)Math.Max(0, (int)(now - m.TransactionTimeUtc).TotalSeconds) : null;
            var mutation = new Mutation
            {
                Account = account,
                Source = m.Source,
                SourceId = m.SourceId,
                MootaMutationId = MutationChannels.IsMoota(m.Source) ? m.SourceId : null,
                TransactionTime = m.TransactionTimeUtc,
                BankDate = identity.BankDateOf(m),
                HasTimeOfDay = m.HasTimeOfDay,
                ReadTime = now,
                ReadLatencySeconds = latency,
                Description = m.Description.Trim(),
                Amount = m.Amount,
                Direction = m.Direction,
                // A statement's balance is what the bank printed, overdraft (below zero) included; Moota writes 0
                // when it read no balance, so on its channels only a positive balance is one.
                BalanceAfter = m.Source == MutationSource.Import || m.BalanceAfter is > 0 ? m.BalanceAfter : null,
                Counterparty = string.IsNullOrWhiteSpace(m.Counterparty) ? CounterpartyParser.Parse(m.Description) : m.Counterparty.Trim() is var c && c.Length > 200 ? c[..200] : c,
                IsSandbox = m.IsSandbox || account.IsSandbox,
                RawSource = m.RawSource,
                WebhookDeliveryId = m.WebhookDeliveryId,
                IsProvisional = m.IsProvisional,
            };
            if (!string.IsNullOrWhiteSpace(m.Note))
            {
                mutation.Notes.Add(new MutationNote { Text = m.Note.Trim(), Author = actor.Name, CreatedAt = now });
                mutation.HasNote = true;
            }
            foreach (var name in m.TagNames.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var tag = await FindOrCreateTagAsync(db, name, tags, now, ct);
                if (mutation.Tags.All(t => t.Tag != tag))
                    mutation.Tags.Add(new MutationTag { Tag = tag, TaggedBy = actor.Name, TaggedAt = now });
            }
            if (mutation.BalanceAfter is decimal balance && (account.LastKnownBalanceAt is null || account.LastKnownBalanceAt <= m.TransactionTimeUtc))
            {
                account.LastKnownBalance = balance;
                account.LastKnownBalanceAt = m.TransactionTimeUtc;
            }
            // In bulk mode, mutations without notes or tags skip the change tracker (see BulkInsert).
            if (bulk && mutation.Notes.Count == 0 && mutation.Tags.Count == 0) plain.Add(mutation);
            else db.Mutations.Add(mutation);
            added.Add(mutation);
            planned.Stored = mutation;
        }

        // Accounts, tags and tracked mutations first, so the bulk rows can point at their accounts' ids.
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        if (plain.Count > 0)
        {
            foreach (var m in plain) m.AccountId = m.Account!.Id;
            await Task.Run(() => BulkInsert(db, plain, progress, ct), ct);
        }
        progress?.Report(added.Count);
        await identity.WriteAsync(ct);
        if (added.Count > 0)
        {
            db.Record(actor, "mutation.ingest", "Mutation", added[0].Id, null,
                new { source = added[0].Source.ToString(), count = added.Count, ids = added.Select(a => a.Id).ToArray() }, now);
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        var result = new IngestResult(added.Count, identity.AlreadyStored, added.Select(a => a.Id).ToList(), identity.Conflicts, identity.Attached)
            { ConfirmedIds = identity.Confirmed };
        if (beforeCommit is not null)
        {
            await beforeCommit(db, result, ct);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        // Last, in one statement, so no later statement of this transaction writes the text index again; webhook batches
        // are gathered up to IndexBatchSize first, a statement import is indexed at once.
        if (added.Count > 0 && bulk && !db.IsPostgreSql())
        {
            // As the text index's catch-up does: a large pending-terms buffer for this transaction, so a statement's rows
            // become one index segment instead of dozens that the index must merge into its existing million rows.
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "MutationSearchIndex" ("MutationSearchIndex", rank) VALUES ('hashsize', 67108864)""", ct);
            await MutationTextSearch.IndexNewMutationsAsync(db, 1, ct);
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "MutationSearchIndex" ("MutationSearchIndex", rank) VALUES ('hashsize', 1048576)""", ct);
        }
        else if (added.Count > 0) await MutationTextSearch.IndexNewMutationsAsync(db, MutationTextSearch.IndexBatchSize, ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// Inserts mutations with one prepared statement inside the caller's transaction: EF's change tracker
    /// costs about ten times more per row, which a 100,000-row statement cannot afford. Columns and value
    /// conversions (sen, enums, UTC) come from the EF model, so the rows are stored exactly as EF stores them.
    /// </summary>
    private static void BulkInsert(MootaDeskDbContext db, List<Mutation> rows, IProgress<int>? progress, CancellationToken ct)
    {
        var insert = ModelInsert.For<Mutation>(db, returnKey: true);
        using var command = insert.CreateCommand(db);
        command.PrepareOnSqlite();
        for (var n = 0; n < rows.Count; n++)
        {
            var m = rows[n];
            insert.Bind(command, 0, m);
            m.Id = (long)command.ExecuteScalar()!;
            if (n % 5000 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(n);
            }
        }
    }

    private static async Task<Tag> FindOrCreateTagAsync(MootaDeskDbContext db, string name, Dictionary<string, Tag> cache, DateTime now, CancellationToken ct)
    {
        var clean = TagName.Clean(name);
        var normalized = TagName.Normalize(clean);
        if (cache.TryGetValue(normalized, out var cached)) return cached;
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.NormalizedName == normalized, ct);
        if (tag is null)
        {
            tag = new Tag { Name = clean, NormalizedName = normalized, CreatedAt = now };
            db.Tags.Add(tag);
        }
        cache[normalized] = tag;
        return tag;
    }
}

/// <summary>
/// How far apart in time a provisional row (read from a phone notification) and the bank's mutation may be and still be one
/// transaction (MootaDesk:Notifications:AttachWindowMinutes, default 60). A bank time with only a day compares bank dates.
/// </summary>
public sealed record ProvisionalWindow(TimeSpan Span)
{
    public static readonly ProvisionalWindow Default = new(TimeSpan.FromMinutes(60));
}
