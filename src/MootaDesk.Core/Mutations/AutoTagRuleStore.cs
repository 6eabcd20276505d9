using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations;

/// <summary>The editable fields of a rule, as the rule form holds them.</summary>
public sealed class RuleInput
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public bool IsEnabled { get; set; } = true;
    public string? DescriptionContains { get; set; }
    public string? DescriptionPattern { get; set; }
    public decimal? AmountMin { get; set; }
    public decimal? AmountMax { get; set; }
    public Direction? Direction { get; set; }
    public int? AccountId { get; set; }
    public string? CounterpartyContains { get; set; }
    public IReadOnlyCollection<int> TagIds { get; set; } = [];
    public ReconciliationStatus? SetStatus { get; set; }
    public bool StopAfterMatch { get; set; }

    public AutoTagRule ToRule(string createdBy) => new()
    {
        Id = Id ?? 0,
        Name = (Name ?? "").Trim(),
        IsEnabled = IsEnabled,
        DescriptionContains = Blank(DescriptionContains),
        DescriptionPattern = Blank(DescriptionPattern),
        AmountMin = AmountMin,
        AmountMax = AmountMax,
        Direction = Direction,
        AccountId = AccountId,
        CounterpartyContains = Blank(CounterpartyContains),
        AddTagIds = string.Join(',', TagIds.Distinct()),
        SetStatus = SetStatus,
        StopAfterMatch = StopAfterMatch,
        CreatedBy = createdBy,
    };

    public static RuleInput From(AutoTagRule r) => new()
    {
        Id = r.Id, Name = r.Name, IsEnabled = r.IsEnabled, DescriptionContains = r.DescriptionContains, DescriptionPattern = r.DescriptionPattern,
        AmountMin = r.AmountMin, AmountMax = r.AmountMax, Direction = r.Direction, AccountId = r.AccountId, CounterpartyContains = r.CounterpartyContains,
        TagIds = r.TagIds.ToList(), SetStatus = r.SetStatus, StopAfterMatch = r.StopAfterMatch,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record RulePreview(int Scanned, int Matched, int WouldChange, int TimedOut, IReadOnlyList<MutationRow> Sample);

/// <summary>Ops' auto-tag rules: list, save (validated), reorder, delete, preview on the last 90 days, apply to existing mutations.</summary>
public sealed class AutoTagRuleStore(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock, AutoTagRuleRunner runner)
{
    public const int PreviewDays = 90;

    public static bool CanManage(Viewer viewer) => viewer.Can(Actions.ManageRules);

    public async Task<IReadOnlyList<AutoTagRule>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.AutoTagRules.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
    }

    /// <summary>Null when valid; otherwise a text key (and for a bad pattern the parser's detail).</summary>
    public static (string Key, string? Detail)? Validate(RuleInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Name)) return ("Rule.Error.Name", null);
        var rule = input.ToRule("");
        if (!RuleMatcher.HasAnyCondition(rule)) return ("Rule.Error.NoCondition", null);
        // The conditions before the action: "Uji" previews a rule that has no tag yet, and a broken pattern must be
        // reported then, not compiled (it threw and lost the form).
        if (RuleMatcher.PatternError(rule.DescriptionPattern) is string error) return ("Rule.Error.Pattern", error);
        if (rule.AmountMin is decimal min && rule.AmountMax is decimal max && min > max) return ("Rule.Error.AmountRange", null);
        if (rule.TagIds.Count == 0 && rule.SetStatus is null) return ("Rule.Error.NoAction", null);
        return null;
    }

    /// <summary>Time-outs after which the preview stops scanning: the answer ("too slow") is known by then.</summary>
    public const int PreviewTimeoutLimit = 3;

    /// <summary>
    /// Saves a rule. A pattern that times out, on text built to trip careless patterns or on any of the last 90 days'
    /// mutations (what the preview shows), is refused: it would cost every future batch. Saving resets the rule's time-out count.
    /// </summary>
    public async Task<int> SaveAsync(RuleInput input, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanManage(viewer);
        if (Validate(input) is { } problem) throw new MutationChangeRefused(problem.Key);
        if (!string.IsNullOrWhiteSpace(input.DescriptionPattern)
            && (RuleMatcher.TimesOutOnStressText(input.DescriptionPattern) || (await PreviewAsync(input, viewer, ct)).TimedOut > 0))
            throw new MutationChangeRefused("Rule.Error.PatternSlow");
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var incoming = input.ToRule(actor.Name);
        AutoTagRule rule;
        object? before = null;
        if (input.Id is int id)
        {
            rule = await db.AutoTagRules.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new MutationChangeRefused("Error.NotFound");
            before = Snapshot(rule);
            incoming.Position = rule.Position;
            incoming.CreatedAt = rule.CreatedAt;
            incoming.CreatedBy = rule.CreatedBy;
            incoming.UpdatedAt = now;
            db.Entry(rule).CurrentValues.SetValues(incoming);
        }
        else
        {
            rule = incoming;
            rule.CreatedAt = now;
            rule.Position = (await db.AutoTagRules.MaxAsync(r => (int?)r.Position, ct) ?? 0) + 1;
            db.AutoTagRules.Add(rule);
            await db.SaveChangesAsync(ct);
        }
        db.Record(actor, input.Id is null ? "rule.create" : "rule.update", "AutoTagRule", rule.Id, before, Snapshot(rule), now);
        await db.SaveChangesAsync(ct);
        return rule.Id;
    }

    public async Task DeleteAsync(int id, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanManage(viewer);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rule = await db.AutoTagRules.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new MutationChangeRefused("Error.NotFound");
        db.AutoTagRules.Remove(rule);
        db.Record(actor, "rule.delete", "AutoTagRule", id, Snapshot(rule), null, clock.UtcNow);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Swaps a rule with its neighbour; the order is what decides which status wins and where "stop" cuts.</summary>
    public async Task MoveAsync(int id, int delta, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanManage(viewer);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rules = await db.AutoTagRules.OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var i = rules.FindIndex(r => r.Id == id);
        var j = i + Math.Sign(delta);
        if (i < 0 || j < 0 || j >= rules.Count) return;
        (rules[i], rules[j]) = (rules[j], rules[i]);
        for (var k = 0; k < rules.Count; k++) rules[k].Position = k + 1;
        db.Record(actor, "rule.reorder", "AutoTagRule", id, null, new { order = rules.Select(r => r.Id).ToArray() }, clock.UtcNow);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What the rule (saved or not) would match among the last 90 days, without changing anything.</summary>
    public async Task<RulePreview> PreviewAsync(RuleInput input, Viewer viewer, CancellationToken ct = default)
    {
        if (Validate(input) is { Key: "Rule.Error.Pattern" or "Rule.Error.NoCondition" or "Rule.Error.AmountRange" } problem)
            throw new MutationChangeRefused(problem.Key);
        var matcher = new RuleMatcher(input.ToRule(""));
        var since = clock.UtcNow.AddDays(-PreviewDays);
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = db.Mutations.AsNoTracking().VisibleTo(viewer).Where(m => m.TransactionTime >= since);
        // Cheap conditions go to SQL; text and pattern are checked here, exactly as the runner checks them.
        if (input.Direction is Direction d) q = q.Where(m => m.Direction == d);
        if (input.AccountId is int a) q = q.Where(m => m.AccountId == a);
        if (input.AmountMin is decimal min) q = q.Where(m => m.Amount >= min);
        if (input.AmountMax is decimal max) q = q.Where(m => m.Amount <= max);
        int scanned = 0, matched = 0, timedOut = 0, wouldChange = 0;
        var sampleIds = new List<long>();
        var wanted = input.ToRule("").TagIds;
        await foreach (var m in q.OrderByDescending(m => m.TransactionTime)
                           .Select(m => new { m.Id, m.Description, m.Counterparty, m.Amount, m.Direction, m.AccountId, m.Status, TagIds = m.Tags.Select(t => t.TagId).ToList() })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            scanned++;
            var r = matcher.Match(new RuleSubject(m.Id, m.Description, m.Counterparty, m.Amount, m.Direction, m.AccountId));
            if (r == RuleMatch.TimedOut)
            {
                if (++timedOut >= PreviewTimeoutLimit) break;
                continue;
            }
            if (r != RuleMatch.Yes) continue;
            matched++;
            if (wanted.Any(t => !m.TagIds.Contains(t)) || input.SetStatus is ReconciliationStatus s && s != m.Status) wouldChange++;
            if (sampleIds.Count < 20) sampleIds.Add(m.Id);
        }
        var sample = sampleIds.Count == 0 ? [] : await MutationSearch.Project(db.Mutations.AsNoTracking().VisibleTo(viewer).Where(m => sampleIds.Contains(m.Id))
            .OrderByDescending(m => m.TransactionTime), viewer).ToListAsync(ct);
        return new RulePreview(scanned, matched, wouldChange, timedOut, await MutationSearch.WithTagsAsync(db, sample, ct));
    }

    /// <summary>Runs the enabled rules over the last <paramref name="days"/> days of mutations; audited per mutation by the runner.</summary>
    public async Task<int> ApplyToExistingAsync(int days, Viewer viewer, Actor actor, CancellationToken ct = default)
    {
        EnsureCanManage(viewer);
        var since = clock.UtcNow.AddDays(-Math.Clamp(days, 1, 3660));
        List<long> ids;
        await using (var db = await factory.CreateDbContextAsync(ct))
            ids = await db.Mutations.AsNoTracking().Where(m => m.TransactionTime >= since).Select(m => m.Id).ToListAsync(ct);
        return await runner.ApplyAsync(ids, actor, ct);
    }

    private static object Snapshot(AutoTagRule r) => new
    {
        r.Name, r.IsEnabled, r.Position, r.DescriptionContains, r.DescriptionPattern, r.AmountMin, r.AmountMax,
        Direction = r.Direction?.ToString(), r.AccountId, r.CounterpartyContains, r.AddTagIds, SetStatus = r.SetStatus?.ToString(), r.StopAfterMatch,
    };

    private static void EnsureCanManage(Viewer viewer)
    {
        if (!CanManage(viewer)) throw new MutationChangeRefused("Error.NotAllowed");
    }
}
