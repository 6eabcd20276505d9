using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Notifications;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations.Ingest;

/// <summary>A mutation the pass decided to insert, with its account; the ingestor fills in <see cref="Stored"/>.</summary>
internal sealed class PlannedInsert(IncomingMutation incoming, Account account)
{
    public IncomingMutation Incoming { get; } = incoming;
    public Account Account { get; } = account;
    public Mutation? Stored { get; set; }
}

/// <summary>
/// Decides, for one ingest batch inside its transaction, which incoming mutations are new and which are transactions
/// already stored (docs/decisions/016-one-row-per-bank-transaction.md):
/// <list type="bullet">
/// <item>a Moota mutation (webhook or API) is its mutation_id, sandbox and real apart: a repeat is already stored (the
/// channel is recorded if it is a new one); a repeat with another amount, direction, account or bank date keeps the stored
/// row and records a <see cref="MutationConflict"/> for Ops; a new id first looks for a statement (or manual) row of the
/// same transaction to attach to;</item>
/// <item>a statement row is matched by <see cref="StatementMatcher"/>;</item>
/// <item>anything else is (source, source id).</item>
/// </list>
/// </summary>
internal sealed class IdentityPass(MootaDeskDbContext db, BusinessClock clock, AccountCache accounts, Actor actor, DateTime now, TimeSpan provisionalWindow)
{
    private sealed record Provisional(long Id, decimal Amount, Direction Direction, DateTime Time, DateOnly BankDate)
    {
        public bool Claimed { get; set; }
    }

    private readonly Dictionary<(int, bool), List<Provisional>> _provisional = [];
    private readonly HashSet<long> _seenIds = [];

    private sealed record StoredMoota(long Id, string MootaId, bool IsSandbox, int AccountId, decimal Amount, Direction Direction, DateOnly BankDate, MutationSource Source);

    private sealed record Attachable(long Id, decimal Amount, Direction Direction, decimal? Balance)
    {
        public bool Claimed { get; set; }
    }

    private sealed record PendingConflict(Func<long> MutationId, IncomingMutation Incoming, Account? IncomingAccount, ConflictFields Fields,
        decimal StoredAmount, Direction StoredDirection, int StoredAccountId, DateOnly StoredBankDate);

    private readonly List<MutationSighting> _sightings = [];
    private readonly List<PendingConflict> _conflicts = [];
    private readonly List<(long MutationId, IncomingMutation Incoming)> _attachments = [];

    /// <summary>Incoming mutations that were transactions already stored (repeats, conflicts, attachments, matched statement rows).</summary>
    public int AlreadyStored { get; private set; }

    public int Conflicts => _conflicts.Count;
    public int Attached => _attachments.Count;

    /// <summary>Provisional rows (read from a phone notification) that the bank's own mutation confirmed in this pass.</summary>
    public IReadOnlyList<long> Confirmed { get; private set; } = [];

    public DateOnly BankDateOf(IncomingMutation m) => m.BankDate ?? MutationChannels.BankDateOf(m.Source, m.TransactionTimeUtc, clock.TimeZone);

    /// <summary>The mutations to insert, in batch order.</summary>
    public async Task<IReadOnlyList<PlannedInsert>> ResolveAsync(IReadOnlyList<IncomingMutation> batch, CancellationToken ct)
    {
        var planned = new PlannedInsert?[batch.Count];
        var storedMoota = await StoredMootaAsync(batch, ct);
        var known = await KnownSourceIdsAsync(batch, ct);
        var firstInBatch = new Dictionary<(bool, string), int>();
        var newMoota = new List<int>();
        var imports = new Dictionary<int, List<int>>();

        for (var i = 0; i < batch.Count; i++)
        {
            var m = batch[i];
            if (MutationChannels.IsMoota(m.Source))
            {
                var account = await accounts.FindAsync(m, ct);
                var sandbox = m.IsSandbox || (account?.IsSandbox ?? m.Account?.IsSandbox ?? false);
                var existing = storedMoota.TryGetValue(m.SourceId, out var rows) ? rows.FirstOrDefault(r => r.IsSandbox == sandbox) : null;
                if (existing is not null)
                {
                    AlreadyStored++;
                    var fields = Compare(existing.Amount, existing.Direction, existing.AccountId, existing.BankDate, m, account);
                    if (fields != ConflictFields.None)
                        AddConflict(() => existing.Id, m, account, fields, existing.Amount, existing.Direction, existing.AccountId, existing.BankDate);
                    if (existing.Source != m.Source) See(existing.Id, m);
                    continue;
                }
                if (firstInBatch.TryGetValue((sandbox, m.SourceId), out var first))
                {
                    // The same id twice in one batch (two deliveries processed together): the first one is the stored version.
                    AlreadyStored++;
                    var earlier = planned[first]!;
                    var fields = Compare(earlier.Incoming.Amount, earlier.Incoming.Direction, earlier.Account.Id, BankDateOf(earlier.Incoming), m, account);
                    if (fields != ConflictFields.None || account != earlier.Account)
                        AddConflict(() => earlier.Stored!.Id, m, account, fields | (account != earlier.Account ? ConflictFields.Account : 0),
                            earlier.Incoming.Amount, earlier.Incoming.Direction, earlier.Account.Id, BankDateOf(earlier.Incoming));
                    continue;
                }
                firstInBatch[(sandbox, m.SourceId)] = i;
                planned[i] = new PlannedInsert(m, await accounts.GetOrCreateAsync(m, ct));
                newMoota.Add(i);
            }
            else if (m.Source == MutationSource.Import)
            {
                var account = await accounts.GetOrCreateAsync(m, ct);
                if (!imports.TryGetValue(account.Id, out var list)) imports[account.Id] = list = [];
                list.Add(i);
                planned[i] = new PlannedInsert(m, account);
            }
            else
            {
                if (!known.Add((m.Source, m.SourceId))) { AlreadyStored++; continue; }
                planned[i] = new PlannedInsert(m, await accounts.GetOrCreateAsync(m, ct));
            }
        }

        // The bank's own record of a transaction first read from a phone notification takes that row (time window first; a
        // statement line, which has only a day, is then matched by the statement rule below like any stored row).
        await AttachToProvisionalRowsAsync(planned, newMoota, ct);
        foreach (var (accountId, indexes) in imports)
            await MatchStatementRowsAsync(batch, planned, accountId, indexes, ct);
        await AttachToStatementRowsAsync(planned, newMoota.Where(i => planned[i] is not null).ToList(), ct);
        return planned.OfType<PlannedInsert>().ToList();
    }

    /// <summary>Writes what the pass decided besides the inserts: attachments, sightings, conflicts (with their notice to Ops).</summary>
    public async Task WriteAsync(CancellationToken ct)
    {
        foreach (var (id, m) in _attachments)
        {
            await db.Mutations.Where(x => x.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.MootaMutationId, m.SourceId), ct);
            // A phone's reading knows neither the bank's booking day nor the balance: the bank's word replaces them.
            if (_provisional.Values.Any(pool => pool.Any(p => p.Id == id)))
            {
                var balance = m.BalanceAfter is > 0 ? m.BalanceAfter : null;
                var day = BankDateOf(m);
                await db.Mutations.Where(x => x.Id == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.BankDate, day).SetProperty(x => x.BalanceAfter, x => balance ?? x.BalanceAfter), ct);
            }
            db.Record(actor, "mutation.attach", "Mutation", id, null, new { channel = m.Source.ToString(), mootaMutationId = m.SourceId, deliveryId = m.WebhookDeliveryId }, now);
        }
        await MutationChannels.AddSightingsAsync(db, _sightings, ct);
        await ConfirmProvisionalAsync(ct);
        if (_conflicts.Count == 0) return;

        var ids = _conflicts.Select(c => c.MutationId()).Distinct().ToList();
        var earlier = await db.MutationConflicts.AsNoTracking().Where(c => ids.Contains(c.MutationId))
            .Select(c => new { c.MutationId, c.IncomingAmount, c.IncomingDirection, c.IncomingAccountText, c.IncomingBankDate }).ToListAsync(ct);
        var seen = earlier.Select(c => (c.MutationId, c.IncomingAmount, c.IncomingDirection, c.IncomingAccountText, c.IncomingBankDate)).ToHashSet();
        foreach (var c in _conflicts)
        {
            var m = c.Incoming;
            var mutationId = c.MutationId();
            var accountText = AccountCache.Describe(m, c.IncomingAccount);
            var bankDate = BankDateOf(m);
            // Moota repeating the same differing version is one conflict, also after Ops decided it: no nagging.
            if (!seen.Add((mutationId, m.Amount, m.Direction, accountText, bankDate))) continue;
            db.MutationConflicts.Add(new MutationConflict
            {
                MutationId = mutationId, MootaMutationId = m.SourceId, Channel = m.Source, WebhookDeliveryId = m.WebhookDeliveryId, DetectedAt = now,
                Fields = c.Fields, IncomingAccountId = c.IncomingAccount?.Id is > 0 ? c.IncomingAccount.Id : null, IncomingAccountText = accountText,
                IncomingAmount = m.Amount, IncomingDirection = m.Direction, IncomingTransactionTime = m.TransactionTimeUtc, IncomingHasTimeOfDay = m.HasTimeOfDay,
                IncomingBankDate = bankDate, IncomingDescription = Trim(m.Description.Trim(), 500), IncomingBalanceAfter = m.BalanceAfter is > 0 ? m.BalanceAfter : null,
                IncomingRawSource = m.RawSource, StoredAmount = c.StoredAmount, StoredDirection = c.StoredDirection, StoredAccountId = c.StoredAccountId,
                StoredBankDate = c.StoredBankDate, Status = ConflictStatus.Open,
            });
            db.Record(actor, "mutation.conflict", "Mutation", mutationId,
                new { amount = c.StoredAmount, direction = c.StoredDirection.ToString(), accountId = c.StoredAccountId, bankDate = c.StoredBankDate },
                new { amount = m.Amount, direction = m.Direction.ToString(), account = accountText, bankDate, channel = m.Source.ToString(), mootaMutationId = m.SourceId }, now);
            // Stored in Indonesian like the sweep's notices: the team reads them, detectors and ingest have no UI culture. Ops
            // decides; the Owner, who may decide too, hears of it as well.
            var text = Trim($"Konflik data Moota: mutasi {m.SourceId} dikirim lagi dengan {Describe(c.Fields)} berbeda ({Money.Format(c.StoredAmount)} → {Money.Format(m.Amount)}). Data lama tetap dipakai sampai diputuskan.", 500);
            foreach (var role in new[] { Roles.Ops, Roles.Owner })
                db.Notifications.Add(new Notification { Role = role, CreatedAt = now, Link = NotificationLinks.MootaConflicts, Text = text });
        }
    }

    /// <summary>
    /// Every provisional row the bank's channel saw in this pass (attached by time window, matched as a statement row) becomes
    /// confirmed money: one row, the flag cleared, audited. The ingestor then runs the post-ingest steps on it, so the order it
    /// fitted ("kemungkinan dibayar") is paid now.
    /// </summary>
    private async Task ConfirmProvisionalAsync(CancellationToken ct)
    {
        if (_seenIds.Count == 0) return;
        var confirmed = new List<long>();
        foreach (var chunk in _seenIds.Chunk(500))
        {
            var list = chunk.ToList();
            var ids = await db.Mutations.AsNoTracking().Where(x => x.IsProvisional && list.Contains(x.Id)).Select(x => x.Id).ToListAsync(ct);
            if (ids.Count == 0) continue;
            await db.Mutations.Where(x => ids.Contains(x.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsProvisional, false).SetProperty(x => x.ConfirmedAt, now), ct);
            confirmed.AddRange(ids);
        }
        var channels = _sightings.GroupBy(x => x.MutationId).ToDictionary(g => g.Key, g => g.First());
        foreach (var id in confirmed)
            db.Record(actor, "mutation.confirm", "Mutation", id, new { provisional = true },
                new { provisional = false, channel = channels[id].Channel.ToString(), sourceId = channels[id].ExternalRef }, now);
        Confirmed = confirmed;
    }

    private static string Describe(ConflictFields f)
    {
        var parts = new List<string>();
        if (f.HasFlag(ConflictFields.Amount)) parts.Add("jumlah");
        if (f.HasFlag(ConflictFields.Direction)) parts.Add("arah");
        if (f.HasFlag(ConflictFields.Account)) parts.Add("rekening");
        if (f.HasFlag(ConflictFields.Date)) parts.Add("tanggal");
        return string.Join(", ", parts);
    }

    private ConflictFields Compare(decimal amount, Direction direction, int accountId, DateOnly bankDate, IncomingMutation m, Account? account)
    {
        var f = ConflictFields.None;
        if (amount != m.Amount) f |= ConflictFields.Amount;
        if (direction != m.Direction) f |= ConflictFields.Direction;
        if (account is null || account.Id != accountId) f |= ConflictFields.Account;
        if (bankDate != BankDateOf(m)) f |= ConflictFields.Date;
        return f;
    }

    private void AddConflict(Func<long> mutationId, IncomingMutation m, Account? account, ConflictFields fields, decimal amount, Direction direction, int accountId, DateOnly bankDate) =>
        _conflicts.Add(new PendingConflict(mutationId, m, account, fields, amount, direction, accountId, bankDate));

    private void See(long mutationId, IncomingMutation m)
    {
        _sightings.Add(new MutationSighting { MutationId = mutationId, Channel = m.Source, ExternalRef = m.SourceId, SeenAt = now, WebhookDeliveryId = m.WebhookDeliveryId });
        if (m.Source != MutationSource.Notification) _seenIds.Add(mutationId);
    }

    private async Task<Dictionary<string, List<StoredMoota>>> StoredMootaAsync(IReadOnlyList<IncomingMutation> batch, CancellationToken ct)
    {
        var stored = new Dictionary<string, List<StoredMoota>>(StringComparer.Ordinal);
        var ids = batch.Where(m => MutationChannels.IsMoota(m.Source)).Select(m => m.SourceId).Distinct().ToList();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.Mutations.AsNoTracking().Where(m => m.MootaMutationId != null && chunk.Contains(m.MootaMutationId))
                .Select(m => new StoredMoota(m.Id, m.MootaMutationId!, m.IsSandbox, m.AccountId, m.Amount, m.Direction, m.BankDate, m.Source)).ToListAsync(ct);
            foreach (var r in rows)
            {
                if (!stored.TryGetValue(r.MootaId, out var list)) stored[r.MootaId] = list = [];
                list.Add(r);
            }
        }
        return stored;
    }

    /// <summary>(source, source id) already stored, for every channel that is neither Moota nor a statement.</summary>
    private async Task<HashSet<(MutationSource, string)>> KnownSourceIdsAsync(IReadOnlyList<IncomingMutation> batch, CancellationToken ct)
    {
        var known = new HashSet<(MutationSource, string)>();
        foreach (var group in batch.Where(m => !MutationChannels.IsMoota(m.Source) && m.Source != MutationSource.Import).GroupBy(m => m.Source))
            await AddKnownAsync(known, group.Key, group.Select(m => m.SourceId), ct);
        return known;
    }

    private async Task AddKnownAsync(HashSet<(MutationSource, string)> known, MutationSource source, IEnumerable<string> sourceIds, CancellationToken ct)
    {
        foreach (var chunk in sourceIds.Distinct().Chunk(500))
        {
            var found = await db.Mutations.AsNoTracking().Where(m => m.Source == source && chunk.Contains(m.SourceId)).Select(m => m.SourceId).ToListAsync(ct);
            foreach (var id in found) known.Add((source, id));
        }
    }


    private async Task MatchStatementRowsAsync(IReadOnlyList<IncomingMutation> batch, PlannedInsert?[] planned, int accountId, List<int> indexes, CancellationToken ct)
    {
        if (accountId == 0) return;
        var rows = indexes.Select(i => new StatementKeyRow(BankDateOf(batch[i]), batch[i].Amount, batch[i].Direction, batch[i].BalanceAfter, batch[i].SourceId)).ToList();
        var matches = await StatementMatcher.MatchAsync(db, accountId, rows, ct);
        for (var k = 0; k < indexes.Count; k++)
        {
            if (matches[k] is not { } match) continue;
            var i = indexes[k];
            planned[i] = null;
            AlreadyStored++;
            if (match.Source != MutationSource.Import) See(match.MutationId, batch[i]);
        }
    }

    /// <summary>
    /// A new Moota id whose transaction was first read from a phone notification: a provisional row of the same account and
    /// sandbox-ness with the same amount and direction, its time within the window of the bank's time (for a day-only bank
    /// time: the same bank date). The closest in time is it; each provisional row takes one bank mutation at most, so two equal
    /// transfers and one notification make one attachment and one new row.
    /// </summary>
    private async Task AttachToProvisionalRowsAsync(PlannedInsert?[] planned, List<int> newMoota, CancellationToken ct)
    {
        foreach (var i in newMoota)
        {
            var p = planned[i]!;
            if (p.Account.Id == 0) continue;
            var m = p.Incoming;
            var sandbox = m.IsSandbox || p.Account.IsSandbox;
            var pool = await ProvisionalPoolAsync(p.Account.Id, sandbox, ct);
            var day = BankDateOf(m);
            var target = pool
                .Where(a => !a.Claimed && a.Amount == m.Amount && a.Direction == m.Direction
                            && (m.HasTimeOfDay ? (a.Time - m.TransactionTimeUtc).Duration() <= provisionalWindow : a.BankDate == day))
                .OrderBy(a => (a.Time - m.TransactionTimeUtc).Duration()).ThenBy(a => a.Id).FirstOrDefault();
            if (target is null) continue;
            target.Claimed = true;
            planned[i] = null;
            AlreadyStored++;
            _attachments.Add((target.Id, m));
            See(target.Id, m);
        }
    }

    private async Task<List<Provisional>> ProvisionalPoolAsync(int accountId, bool sandbox, CancellationToken ct)
    {
        if (_provisional.TryGetValue((accountId, sandbox), out var pool)) return pool;
        // Few rows: provisional ones are confirmed within hours (or flagged by the sweep); the partial index holds only them.
        pool = await db.Mutations.AsNoTracking()
            .Where(x => x.IsProvisional && x.DismissedAt == null && x.AccountId == accountId && x.IsSandbox == sandbox && x.MootaMutationId == null)
            .OrderBy(x => x.Id).Select(x => new Provisional(x.Id, x.Amount, x.Direction, x.TransactionTime, x.BankDate)).ToListAsync(ct);
        _provisional[(accountId, sandbox)] = pool;
        return pool;
    }

    /// <summary>
    /// A new Moota id whose transaction was first stored from a statement (or by hand): the same account, bank date,
    /// amount and direction, a balance that agrees where both know it, and no Moota id yet. The oldest such row is it.
    /// </summary>
    private async Task AttachToStatementRowsAsync(PlannedInsert?[] planned, List<int> newMoota, CancellationToken ct)
    {
        var pools = new Dictionary<(int, DateOnly, bool), List<Attachable>>();
        foreach (var i in newMoota)
        {
            var p = planned[i]!;
            if (p.Account.Id == 0) continue;
            var m = p.Incoming;
            var day = BankDateOf(m);
            var sandbox = m.IsSandbox || p.Account.IsSandbox;
            if (!pools.TryGetValue((p.Account.Id, day, sandbox), out var pool))
            {
                var accountId = p.Account.Id;
                pool = await db.Mutations.AsNoTracking()
                    // Provisional rows (phone notifications) take a bank mutation only by the time-window rule above: by day alone,
                    // a second equal transfer would land on a row another mutation already took.
                    .Where(x => x.AccountId == accountId && x.BankDate == day && x.MootaMutationId == null && x.IsSandbox == sandbox && !x.IsProvisional
                                && MutationChannels.Attachable.Contains(x.Source))
                    .OrderBy(x => x.Id).Select(x => new Attachable(x.Id, x.Amount, x.Direction, x.BalanceAfter)).ToListAsync(ct);
                pools[(p.Account.Id, day, sandbox)] = pool;
            }
            var balance = m.BalanceAfter is > 0 ? m.BalanceAfter : null;
            var fits = pool.Where(a => !a.Claimed && a.Amount == m.Amount && a.Direction == m.Direction).ToList();
            var target = fits.FirstOrDefault(a => balance is not null && a.Balance == balance)
                         ?? fits.FirstOrDefault(a => balance is null || a.Balance is null);
            if (target is null) continue;
            target.Claimed = true;
            planned[i] = null;
            AlreadyStored++;
            _attachments.Add((target.Id, m));
            See(target.Id, m);
        }
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
