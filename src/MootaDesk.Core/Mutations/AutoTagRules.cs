using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Notifications;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations;

/// <summary>What a rule looks at: the parts of a mutation its conditions can name.</summary>
public sealed record RuleSubject(long Id, string Description, string? Counterparty, decimal Amount, Direction Direction, int AccountId);

public enum RuleMatch { No, Yes, TimedOut }

/// <summary>
/// Evaluates one rule against one mutation. Patterns are compiled once per rule with a match timeout, so a
/// careless regex ("(a+)+$") costs at most <see cref="MatchTimeout"/> per mutation and never stalls ingest.
/// </summary>
public sealed class RuleMatcher
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly AutoTagRule _rule;
    private readonly Regex? _pattern;

    public RuleMatcher(AutoTagRule rule, TimeSpan? timeout = null)
    {
        _rule = rule;
        if (!string.IsNullOrWhiteSpace(rule.DescriptionPattern))
            _pattern = new Regex(rule.DescriptionPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, timeout ?? MatchTimeout);
    }

    public AutoTagRule Rule => _rule;

    /// <summary>Null when the pattern compiles; otherwise the parser's message, for the rule form.</summary>
    public static string? PatternError(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return null;
        try { _ = new Regex(pattern, RegexOptions.None, MatchTimeout); return null; }
        catch (ArgumentException ex) { return ex.Message; }
    }

    /// <summary>
    /// Whether the pattern backtracks past <see cref="MatchTimeout"/> on text built to trip careless patterns (long runs of one
    /// kind of character ending in one that breaks the match, the shape behind "(a+)+$"). Real descriptions rarely look like
    /// that until one day one does, so a pattern is tried on them before it may be saved.
    /// </summary>
    public static bool TimesOutOnStressText(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || PatternError(pattern) is not null) return false;
        var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        foreach (var text in StressTexts)
        {
            try { regex.IsMatch(text); }
            catch (RegexMatchTimeoutException) { return true; }
        }
        return false;
    }

    private static readonly string[] StressTexts =
    [
        new string('a', 48) + "!", new string('1', 48) + "!", new string(' ', 48) + "!", new string('.', 48) + "!",
        string.Concat(Enumerable.Repeat("ab", 24)) + "!", string.Concat(Enumerable.Repeat("a ", 24)) + "!",
        "TRF " + new string('A', 44) + " 1",
    ];

    public static bool HasAnyCondition(AutoTagRule r) =>
        !string.IsNullOrWhiteSpace(r.DescriptionContains) || !string.IsNullOrWhiteSpace(r.DescriptionPattern) || r.AmountMin is not null
        || r.AmountMax is not null || r.Direction is not null || r.AccountId is not null || !string.IsNullOrWhiteSpace(r.CounterpartyContains);

    public RuleMatch Match(RuleSubject m)
    {
        var r = _rule;
        if (r.Direction is Direction d && m.Direction != d) return RuleMatch.No;
        if (r.AccountId is int a && m.AccountId != a) return RuleMatch.No;
        if (r.AmountMin is decimal min && m.Amount < min) return RuleMatch.No;
        if (r.AmountMax is decimal max && m.Amount > max) return RuleMatch.No;
        if (!string.IsNullOrWhiteSpace(r.DescriptionContains) && !m.Description.Contains(r.DescriptionContains.Trim(), StringComparison.OrdinalIgnoreCase))
            return RuleMatch.No;
        if (!string.IsNullOrWhiteSpace(r.CounterpartyContains)
            && (m.Counterparty is null || !m.Counterparty.Contains(r.CounterpartyContains.Trim(), StringComparison.OrdinalIgnoreCase)))
            return RuleMatch.No;
        if (_pattern is not null)
        {
            try
            {
                if (!_pattern.IsMatch(m.Description)) return RuleMatch.No;
            }
            catch (RegexMatchTimeoutException)
            {
                return RuleMatch.TimedOut;
            }
        }
        return RuleMatch.Yes;
    }
}

/// <summary>What applying the rules to one mutation would change, and which rules' patterns ran out of time on it.</summary>
public sealed record RuleOutcome(long MutationId, IReadOnlyList<int> TagsToAdd, ReconciliationStatus? NewStatus, IReadOnlyList<int> MatchedRuleIds,
    IReadOnlyList<int> TimedOutRuleIds);

/// <summary>
/// How much rules may cost ingest. A rule whose pattern times out <see cref="MaxTimeouts"/> times (across batches, until it is
/// saved again) is turned off and Ops is told; once one batch has spent <see cref="BatchBudget"/> evaluating rules, the rest
/// of that batch is stored without rules (Ops is told, and can apply the rules to those mutations later).
/// </summary>
public sealed record RuleLimits(int MaxTimeouts, TimeSpan BatchBudget)
{
    public static readonly RuleLimits Default = new(3, TimeSpan.FromSeconds(2));
}

/// <summary>What one run of the rules did: mutations changed, mutations left without rules because the batch's budget ran out, rules turned off.</summary>
public sealed record RuleRunResult(int Changed, int SkippedForBudget, IReadOnlyList<int> DisabledRuleIds);

/// <summary>
/// Runs the ordered rules over mutations: every enabled rule in position order, each matching rule adding its
/// tags; a status is set by the first matching rule that sets one; a rule marked "stop" ends the run for that
/// mutation. Idempotent: a tag already present or a status already set is not touched again and writes no
/// audit row, so rules can be re-applied to old mutations safely.
/// </summary>
public sealed class AutoTagRuleRunner(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock, TimeProvider? time = null, RuleLimits? limits = null)
    : IPostIngestStep
{
    public const string TimeoutReason = "timeout";

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly RuleLimits _limits = limits ?? RuleLimits.Default;

    public int Order => 100;

    public Task RunAsync(IReadOnlyList<long> newMutationIds, Actor actor, CancellationToken ct) => ApplyAsync(newMutationIds, actor, ct);

    public static RuleOutcome Evaluate(IReadOnlyList<RuleMatcher> rules, RuleSubject m, IReadOnlySet<int> currentTags, ReconciliationStatus currentStatus)
    {
        var add = new List<int>();
        ReconciliationStatus? status = null;
        var matched = new List<int>();
        var timedOut = new List<int>();
        foreach (var rule in rules)
        {
            var match = rule.Match(m);
            if (match == RuleMatch.TimedOut) timedOut.Add(rule.Rule.Id);
            if (match != RuleMatch.Yes) continue;
            matched.Add(rule.Rule.Id);
            foreach (var tagId in rule.Rule.TagIds)
                if (!currentTags.Contains(tagId) && !add.Contains(tagId)) add.Add(tagId);
            if (status is null && rule.Rule.SetStatus is ReconciliationStatus s) status = s;
            if (rule.Rule.StopAfterMatch) break;
        }
        return new RuleOutcome(m.Id, add, status is ReconciliationStatus ns && ns != currentStatus ? ns : null, matched, timedOut);
    }

    public async Task<IReadOnlyList<RuleMatcher>> LoadRulesAsync(MootaDeskDbContext db, CancellationToken ct)
    {
        var rules = await db.AutoTagRules.AsNoTracking().Where(r => r.IsEnabled).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var liveTags = (await db.Tags.AsNoTracking().Where(t => !t.IsArchived).Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        // An archived or deleted tag is no longer handed out by rules that still name it.
        foreach (var r in rules) r.AddTagIds = string.Join(',', r.TagIds.Where(liveTags.Contains));
        return rules.Select(r => new RuleMatcher(r)).ToList();
    }

    /// <summary>Applies the enabled rules to the given mutations; returns how many mutations changed.</summary>
    public async Task<int> ApplyAsync(IReadOnlyList<long> mutationIds, Actor actor, CancellationToken ct = default) =>
        (await RunWithLimitsAsync(mutationIds, actor, ct)).Changed;

    /// <summary>
    /// Applies the enabled rules within <see cref="RuleLimits"/>: a rule that keeps timing out is turned off (audited as
    /// "rule.auto-disable", Ops notified), and once the batch's budget is spent the remaining mutations get no rules.
    /// </summary>
    public async Task<RuleRunResult> RunWithLimitsAsync(IReadOnlyList<long> mutationIds, Actor actor, CancellationToken ct = default)
    {
        if (mutationIds.Count == 0) return new RuleRunResult(0, 0, []);
        await using var db = await factory.CreateDbContextAsync(ct);
        var active = (await LoadRulesAsync(db, ct)).ToList();
        if (active.Count == 0) return new RuleRunResult(0, 0, []);
        var changed = 0;
        var skipped = 0;
        var spent = TimeSpan.Zero;
        var timeouts = new Dictionary<int, int>();
        var disabled = new List<AutoTagRule>();
        foreach (var chunk in mutationIds.Chunk(500))
        {
            var ids = chunk.ToList();
            var mutations = await db.Mutations.Include(m => m.Tags).Where(m => ids.Contains(m.Id)).ToListAsync(ct);
            var now = clock.UtcNow;
            foreach (var m in mutations)
            {
                if (spent >= _limits.BatchBudget || active.Count == 0) { skipped += active.Count == 0 ? 0 : 1; continue; }
                var started = _time.GetTimestamp();
                var outcome = Evaluate(active, new RuleSubject(m.Id, m.Description, m.Counterparty, m.Amount, m.Direction, m.AccountId),
                    m.Tags.Select(t => t.TagId).ToHashSet(), m.Status);
                spent += _time.GetElapsedTime(started);
                foreach (var ruleId in outcome.TimedOutRuleIds)
                {
                    timeouts[ruleId] = timeouts.GetValueOrDefault(ruleId) + 1;
                    var rule = active.First(r => r.Rule.Id == ruleId).Rule;
                    if (rule.TimeoutCount + timeouts[ruleId] < _limits.MaxTimeouts) continue;
                    active.RemoveAll(r => r.Rule.Id == ruleId);
                    disabled.Add(rule);
                }
                if (outcome.TagsToAdd.Count == 0 && outcome.NewStatus is null) continue;
                foreach (var tagId in outcome.TagsToAdd)
                    m.Tags.Add(new MutationTag { MutationId = m.Id, TagId = tagId, TaggedBy = actor.Name + " (aturan)", TaggedAt = now });
                var before = m.Status;
                if (outcome.NewStatus is ReconciliationStatus s) m.Status = s;
                db.Record(actor, "rule.apply", "Mutation", m.Id,
                    outcome.NewStatus is null ? null : new { status = before.ToString() },
                    new { rules = outcome.MatchedRuleIds, addedTags = outcome.TagsToAdd, status = outcome.NewStatus?.ToString() }, now);
                changed++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await RecordTimeoutsAsync(db, timeouts, disabled, skipped, ct);
        return new RuleRunResult(changed, skipped, disabled.Select(r => r.Id).ToList());
    }

    private async Task RecordTimeoutsAsync(MootaDeskDbContext db, Dictionary<int, int> timeouts, List<AutoTagRule> disabled, int skipped, CancellationToken ct)
    {
        if (timeouts.Count == 0 && skipped == 0) return;
        var now = clock.UtcNow;
        foreach (var (ruleId, count) in timeouts)
        {
            var rule = await db.AutoTagRules.FirstOrDefaultAsync(r => r.Id == ruleId, ct);
            if (rule is null) continue;
            rule.TimeoutCount += count;
            if (disabled.All(d => d.Id != ruleId)) continue;
            rule.IsEnabled = false;
            rule.DisabledReason = TimeoutReason;
            db.Record(Actor.System, "rule.auto-disable", "AutoTagRule", rule.Id, new { enabled = true },
                new { enabled = false, reason = TimeoutReason, timeouts = rule.TimeoutCount }, now);
            db.Notifications.Add(new Notification
            {
                Role = Roles.Ops,
                Text = $"Aturan \"{rule.Name}\" dimatikan otomatis: pola regex-nya {rule.TimeoutCount} kali kehabisan waktu saat mutasi masuk. Sederhanakan polanya lalu aktifkan lagi.",
                Link = NotificationLinks.AutoTagRules,
                CreatedAt = now,
            });
        }
        if (skipped > 0)
            db.Notifications.Add(new Notification
            {
                Role = Roles.Ops,
                Text = $"Aturan otomatis dihentikan untuk {skipped} mutasi dalam satu kiriman karena batas waktu aturan ({_limits.BatchBudget.TotalSeconds:0.#} detik) habis. Jalankan \"Terapkan ke mutasi lama\" setelah memeriksa aturan.",
                Link = NotificationLinks.AutoTagRules,
                CreatedAt = now,
            });
        await db.SaveChangesAsync(ct);
    }
}
