using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MootaDesk.Core.Mutations;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>What became of one post to <c>POST /api/notifications</c>. Stored as its number.</summary>
public enum NotificationPostStatus
{
    /// <summary>Stored raw, not processed yet (the processor picks it up again after a crash).</summary>
    Pending = 0,

    /// <summary>A credit: stored as a provisional mutation ("terbaca di HP, menunggu mutasi bank").</summary>
    Provisional = 1,

    /// <summary>The same notification was posted before; nothing new stored.</summary>
    Duplicate = 2,

    /// <summary>Read and understood, but no money in: OTP, promotion, failed transfer, or money out (debits come from the bank only).</summary>
    NotMoneyIn = 3,

    /// <summary>"Tidak terbaca": no parser understood the text; kept for Ops.</summary>
    Unreadable = 4,

    /// <summary>The body itself could not be read (not JSON, no text, a time without offset …); kept raw.</summary>
    Refused = 5,

    /// <summary>A credit, but none of the device's accounts is the bank or account the text names.</summary>
    NoAccount = 6,

    /// <summary>Processing failed unexpectedly; "Proses lagi" retries it.</summary>
    Failed = 7,
}

/// <summary>
/// One post of a phone's forwarder, kept raw like a webhook delivery: the body as received (decoded UTF-8, at most 64 KiB),
/// who sent it, what the reader and the parser made of it, and the mutation it became. Committed before the HTTP answer.
/// </summary>
public class NotificationPost
{
    public long Id { get; set; }
    public int DeviceId { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string? ContentType { get; set; }
    public required string Body { get; set; }
    public NotificationPostStatus Status { get; set; }

    /// <summary>Which post format was recognised (<see cref="NotificationPostFormats"/>); null when the body was refused.</summary>
    public string? Format { get; set; }

    public string? AppPackage { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public DateTime? PostedAtUtc { get; set; }
    public NotificationVerdict? Verdict { get; set; }
    public string? BankCode { get; set; }
    public string? RuleId { get; set; }
    public Direction? Direction { get; set; }
    public decimal? Amount { get; set; }

    /// <summary>The reason as a message key and arguments (<see cref="NotificationProblem"/> as JSON), translated where Ops reads it.</summary>
    public string? ReasonJson { get; set; }

    /// <summary>An unexpected failure's message (English, for Ops and logs).</summary>
    public string? Error { get; set; }

    public long? MutationId { get; set; }
    public int Attempts { get; set; }
    public bool IsSandbox { get; set; }
}

internal sealed class NotificationPostConfiguration : IEntityTypeConfiguration<NotificationPost>
{
    public void Configure(EntityTypeBuilder<NotificationPost> b)
    {
        b.Property(x => x.ContentType).HasMaxLength(200);
        b.Property(x => x.Format).HasMaxLength(20);
        b.Property(x => x.AppPackage).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.BankCode).HasMaxLength(40);
        b.Property(x => x.RuleId).HasMaxLength(100);
        b.Property(x => x.ReasonJson).HasMaxLength(1000);
        b.Property(x => x.Error).HasMaxLength(1000);
        b.HasOne<NotificationDevice>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ReceivedAt);
        b.HasIndex(x => new { x.Status, x.ReceivedAt });
        b.HasIndex(x => x.MutationId).HasFilter("\"MutationId\" IS NOT NULL");
    }
}
