
namespace MootaDesk.Core.Mutations;

/// <summary>
/// An Ops rule that tags (or sets the status of) mutations as they arrive. Rules run in <see cref="Position"/>
/// order; every condition that is set must hold. A rule with <see cref="StopAfterMatch"/> ends the run for a
/// mutation it matched, so a specific rule placed first can shield it from general ones below.
/// </summary>
public class AutoTagRule
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    public bool IsEnabled { get; set; } = true;

    public string? DescriptionContains { get; set; }

    /// <summary>A .NET regular expression, matched case-insensitively with a timeout.</summary>
    public string? DescriptionPattern { get; set; }

    public decimal? AmountMin { get; set; }
    public decimal? AmountMax { get; set; }
    public Direction? Direction { get; set; }
    public int? AccountId { get; set; }
    public string? CounterpartyContains { get; set; }

    /// <summary>Tag ids to add, comma separated ("3,7").</summary>
    public string AddTagIds { get; set; } = "";

    public ReconciliationStatus? SetStatus { get; set; }
    public bool StopAfterMatch { get; set; }

    /// <summary>Time-outs of <see cref="DescriptionPattern"/> during ingest since the rule was last saved.</summary>
    public int TimeoutCount { get; set; }

    /// <summary>Why MootaDesk turned the rule off by itself ("timeout"); null when a person decided.</summary>
    public string? DisabledReason { get; set; }

    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }

    public IReadOnlyList<int> TagIds =>
        AddTagIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
}
