using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Auditing;
using MootaDesk.Core.Data;
using MootaDesk.Core.Domain;
using MootaDesk.Core.Formatting;
using MootaDesk.Core.Ingest;

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

/// <summary>What applying the rules to one mutation would change.</summary>
public sealed record RuleOutcome(long MutationId, IReadOnlyList<int> TagsToAdd, ReconciliationStatus? NewStatus, IReadOnlyList<int> MatchedRuleIds);

/// <summary>
/// Runs the ordered rules over mutations: every enabled rule in position order, each matching rule adding its
/// tags; a status is set by the first matching rule that sets one; a rule marked "stop" ends the run for that
/// mutation. Idempotent: a tag already present or a status already set is not touched again and writes no
/// audit row, so rules can be re-applied to old mutations safely.
/// </summary>
public sealed class AutoTagRuleRunner(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock) : IPostIngestStep
{
    public int Order => 100;

    public Task RunAsync(IReadOnlyList<long> newMutationIds, Actor actor, CancellationToken ct) => ApplyAsync(newMutationIds, actor, ct);

    public static RuleOutcome Evaluate(IReadOnlyList<RuleMatcher> rules, RuleSubject m, IReadOnlySet<int> currentTags, ReconciliationStatus currentStatus)
    {
        var add = new List<int>();
        ReconciliationStatus? status = null;
        var matched = new List<int>();
        foreach (var rule in rules)
        {
            if (rule.Match(m) != RuleMatch.Yes) continue;
            matched.Add(rule.Rule.Id);
            foreach (var tagId in rule.Rule.TagIds)
                if (!currentTags.Contains(tagId) && !add.Contains(tagId)) add.Add(tagId);
            if (status is null && rule.Rule.SetStatus is ReconciliationStatus s) status = s;
            if (rule.Rule.StopAfterMatch) break;
        }
        return new RuleOutcome(m.Id, add, status is ReconciliationStatus ns && ns != currentStatus ? ns : null, matched);
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
    public async Task<int> ApplyAsync(IReadOnlyList<long> mutationIds, Actor actor, CancellationToken ct = default)
    {
        if (mutationIds.Count == 0) return 0;
        await using var db = await factory.CreateDbContextAsync(ct);
        var rules = await LoadRulesAsync(db, ct);
        if (rules.Count == 0) return 0;
        var changed = 0;
        foreach (var chunk in mutationIds.Chunk(500))
        {
            var ids = chunk.ToList();
            var mutations = await db.Mutations.Include(m => m.Tags).Where(m => ids.Contains(m.Id)).ToListAsync(ct);
            var now = clock.UtcNow;
            foreach (var m in mutations)
            {
                var outcome = Evaluate(rules, new RuleSubject(m.Id, m.Description, m.Counterparty, m.Amount, m.Direction, m.AccountId),
                    m.Tags.Select(t => t.TagId).ToHashSet(), m.Status);
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
        return changed;
    }
}
