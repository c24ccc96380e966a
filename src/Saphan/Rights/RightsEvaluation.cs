using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saphan.Registry;
using Saphan.Rights.Eligibility;

namespace Saphan.Rights;

/// <summary>
/// A stored verdict: where a person stood with a scheme on the day of the last evaluation, under which rule version.
/// The work lists and the figures read these (through the scope filter). "Not eligible" is not stored: it is most
/// verdicts and no list needs it.
/// </summary>
public sealed class RightsEvaluation
{
    private RightsEvaluation() { }

    public long Id { get; private set; }
    public Guid PersonId { get; private set; }
    public string SchemeCode { get; private set; } = "";
    public int RuleVersionId { get; private set; }
    public DateOnly EvaluatedOn { get; private set; }
    public RightStatus Status { get; private set; }
    public int MonthlyAmount { get; private set; }
    public Conditions Met { get; private set; }
    public Conditions Failed { get; private set; }
    public Conditions Unknown { get; private set; }
    public DateTimeOffset EvaluatedAt { get; private set; }

    public static RightsEvaluation From(Guid personId, CompiledRule rule, Verdict verdict, DateOnly on, DateTimeOffset at) => new()
    {
        PersonId = personId, SchemeCode = rule.SchemeCode, RuleVersionId = rule.RuleVersionId, EvaluatedOn = on, Status = verdict.Status,
        MonthlyAmount = verdict.MonthlyAmount, Met = verdict.Met, Failed = verdict.Failed, Unknown = verdict.Unknown, EvaluatedAt = at,
    };

    public Verdict Verdict => new(Status, MonthlyAmount, Met, Failed, Unknown);
}

internal sealed class RightsEvaluationConfiguration : IEntityTypeConfiguration<RightsEvaluation>
{
    public void Configure(EntityTypeBuilder<RightsEvaluation> evaluation)
    {
        evaluation.ToTable("rights_evaluations");
        evaluation.HasKey(e => e.Id);
        evaluation.HasIndex(e => e.PersonId);
        evaluation.HasIndex(e => new { e.SchemeCode, e.Status });
        evaluation.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
        evaluation.HasOne<RuleVersion>().WithMany().HasForeignKey(e => e.RuleVersionId).OnDelete(DeleteBehavior.Restrict);
        evaluation.Property(e => e.SchemeCode).HasMaxLength(40);
        evaluation.Ignore(e => e.Verdict);
    }
}
