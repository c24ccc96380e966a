using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Saphan.Audit;

/// <summary>
/// One append-only row of the audit log: who did what to which person's or household's record, when,
/// from which page or API, and for what purpose (PDPA: every read and change of personal data).
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, string? userId, string userName, AuditAction action, string recordType, string recordId, string where, string purpose)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        Action = action;
        RecordType = recordType;
        RecordId = Shorten(recordId, 64);
        Where = Truncate(where, 300);
        Purpose = Truncate(purpose, 300);
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public AuditAction Action { get; private set; }
    public string RecordType { get; private set; } = "";
    public string RecordId { get; private set; } = "";

    /// <summary>The page or API path where it happened.</summary>
    public string Where { get; private set; } = "";
    public string Purpose { get; private set; } = "";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>
    /// A record id that does not fit (an imported file's name, say) keeps its start and ends with "~" and 8 hex digits of its
    /// SHA-256, so that two long ids with the same start stay apart.
    /// </summary>
    private static string Shorten(string text, int length)
    {
        if (text.Length <= length) return text;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..8];
        return text[..(length - 9)] + "~" + hash;
    }
}

public enum AuditAction
{
    Read = 1,
    Create = 2,
    Update = 3,
    Delete = 4,

    /// <summary>An attempt to read a record outside the viewer's scope.</summary>
    Denied = 5,

    /// <summary>A list of records (e.g. search results) was shown; one row per record listed.</summary>
    List = 6,
    Export = 7,
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log").HasKey(x => x.Id);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.RecordType).HasMaxLength(40);
        b.Property(x => x.RecordId).HasMaxLength(64);
        b.HasIndex(x => new { x.RecordType, x.RecordId });
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.UserName);
    }
}
