using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saphan.Rights.Eligibility;

namespace Saphan.Rights;

/// <summary>
/// One version of a scheme's rule: its terms, the day it takes effect and its legal source. Versions are proposed by one
/// data steward and approved by another (maker–checker); only approved versions are ever applied, and an approved version
/// is never changed — a correction is a new version. A version is in force from its effective day until a later approved
/// version of the same scheme takes effect.
/// </summary>
public sealed class RuleVersion
{
    private RuleVersion() { }

    public int Id { get; private set; }
    public string SchemeCode { get; private set; } = "";

    /// <summary>1, 2, 3… per scheme, in the order proposed.</summary>
    public int Number { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }
    public string TermsJson { get; private set; } = "{}";

    /// <summary>The law, regulation or cabinet resolution, and where it was read (ที่มาทางกฎหมาย).</summary>
    public string LegalSource { get; private set; } = "";
    public string? Note { get; private set; }

    public RuleVersionStatus Status { get; private set; }
    public string ProposedById { get; private set; } = "";
    public string ProposedByName { get; private set; } = "";
    public DateTimeOffset ProposedAt { get; private set; }
    public string? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }

    public RuleTerms Terms => RuleTerms.FromJson(TermsJson);

    /// <summary>A draft: what one steward proposes.</summary>
    public static RuleVersion Propose(string schemeCode, int number, DateOnly effectiveFrom, RuleTerms terms, string legalSource, string? note,
        string byId, string byName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Problems() is { Count: > 0 } problems) throw new RuleVersionException(problems[0]);
        if (string.IsNullOrWhiteSpace(legalSource)) throw new RuleVersionException("RuleProblemLegalSource");
        if (string.IsNullOrEmpty(byId)) throw new RuleVersionException("RuleProblemNoUser");
        return new RuleVersion
        {
            SchemeCode = schemeCode, Number = number, EffectiveFrom = effectiveFrom, TermsJson = terms.ToJson(), LegalSource = legalSource.Trim(),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), Status = RuleVersionStatus.Draft,
            ProposedById = byId, ProposedByName = byName, ProposedAt = at,
        };
    }

    /// <summary>The versions Saphan ships with (laws already in force): approved by the system, recorded as such.</summary>
    internal static RuleVersion Shipped(string schemeCode, int number, DateOnly effectiveFrom, RuleTerms terms, string legalSource, DateTimeOffset at, int id = 0) =>
        new()
        {
            Id = id, SchemeCode = schemeCode, Number = number, EffectiveFrom = effectiveFrom, TermsJson = terms.ToJson(), LegalSource = legalSource,
            Status = RuleVersionStatus.Approved, ProposedById = "system", ProposedByName = "system:catalogue", ProposedAt = at,
            DecidedById = "system", DecidedByName = "system:catalogue", DecidedAt = at, DecisionNote = "shipped with Saphan",
        };

    /// <summary>A second steward approves the draft. The proposer can never approve their own version.</summary>
    public void Approve(string byId, string byName, string? note, DateTimeOffset at)
    {
        Decide(byId);
        Status = RuleVersionStatus.Approved;
        Record(byId, byName, note, at);
    }

    public void Reject(string byId, string byName, string? note, DateTimeOffset at)
    {
        Decide(byId);
        Status = RuleVersionStatus.Rejected;
        Record(byId, byName, note, at);
    }

    private void Decide(string byId)
    {
        if (Status != RuleVersionStatus.Draft) throw new RuleVersionException("RuleProblemNotDraft");
        if (string.IsNullOrEmpty(byId)) throw new RuleVersionException("RuleProblemNoUser");
        if (string.Equals(byId, ProposedById, StringComparison.Ordinal)) throw new RuleVersionException("RuleProblemOwnDraft");
    }

    private void Record(string byId, string byName, string? note, DateTimeOffset at)
    {
        DecidedById = byId;
        DecidedByName = byName;
        DecidedAt = at;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

public enum RuleVersionStatus
{
    Draft = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>A rule version cannot be proposed or decided; <see cref="Exception.Message"/> is a text key.</summary>
public sealed class RuleVersionException(string textKey) : InvalidOperationException(textKey)
{
    public string TextKey { get; } = textKey;
}

internal sealed class RuleVersionConfiguration : IEntityTypeConfiguration<RuleVersion>
{
    public void Configure(EntityTypeBuilder<RuleVersion> version)
    {
        version.ToTable("rights_rule_versions");
        version.HasKey(v => v.Id);
        version.Property(v => v.SchemeCode).HasMaxLength(40);
        version.HasIndex(v => new { v.SchemeCode, v.Number }).IsUnique();
        version.HasOne<Scheme>().WithMany().HasForeignKey(v => v.SchemeCode).OnDelete(DeleteBehavior.Restrict);
        version.Property(v => v.TermsJson).HasMaxLength(4000);
        version.Property(v => v.LegalSource).HasMaxLength(1000);
        version.Property(v => v.Note).HasMaxLength(1000);
        version.Property(v => v.DecisionNote).HasMaxLength(1000);
        version.Property(v => v.ProposedById).HasMaxLength(450);
        version.Property(v => v.ProposedByName).HasMaxLength(256);
        version.Property(v => v.DecidedById).HasMaxLength(450);
        version.Property(v => v.DecidedByName).HasMaxLength(256);
        version.Ignore(v => v.Terms);
    }
}
