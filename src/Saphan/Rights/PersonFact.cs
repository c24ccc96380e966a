using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saphan.Registry;

namespace Saphan.Rights;

/// <summary>
/// A fact about a person that the registry does not hold but eligibility needs — nationality, a state pension, income,
/// financial assets, a disability without a card — with where it came from and as of when. Facts are added, never
/// overwritten: the newest by <see cref="AsOf"/> counts, and the history stays. Without a fact the rule says "unknown".
/// </summary>
public sealed class PersonFact
{
    private PersonFact() { }

    public long Id { get; private set; }
    public Guid PersonId { get; private set; }
    public FactKind Kind { get; private set; }

    /// <summary>For yes/no facts.</summary>
    public bool? Flag { get; private set; }

    /// <summary>For money facts, in baht (a year for income).</summary>
    public long? Amount { get; private set; }

    /// <summary>Who said so: a survey, an agency file, the person's own statement.</summary>
    public string Source { get; private set; } = "";

    public DateOnly AsOf { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public static PersonFact Record(Guid personId, FactKind kind, bool? flag, long? amount, string source, DateOnly asOf, string recordedBy, DateTimeOffset at)
    {
        if (kind.IsMoney())
        {
            if (amount is not >= 0) throw new ArgumentException("A money fact needs an amount of 0 or more.", nameof(amount));
            flag = null;
        }
        else
        {
            if (flag is null) throw new ArgumentException("A yes/no fact needs a value.", nameof(flag));
            amount = null;
        }
        if (string.IsNullOrWhiteSpace(source)) throw new ArgumentException("A fact needs a source.", nameof(source));
        return new PersonFact
        {
            PersonId = personId, Kind = kind, Flag = flag, Amount = amount, Source = source.Trim(), AsOf = asOf, RecordedBy = recordedBy, RecordedAt = at,
        };
    }

    /// <summary>Linkage found the person to be someone already known: the fact is about the survivor.</summary>
    internal void FollowMerge(Guid survivor) => PersonId = survivor;
}

public enum FactKind
{
    /// <summary>สัญชาติไทย</summary>
    ThaiNationality = 1,

    /// <summary>Receives a state pension or other regular state income (บำนาญ/เบี้ยหวัด).</summary>
    StatePension = 2,

    /// <summary>Own income, baht a year.</summary>
    OwnIncome = 3,

    /// <summary>Deposits, savings lottery, bonds, debt instruments, baht.</summary>
    FinancialAssets = 4,

    /// <summary>A disability was found (assessment, volunteer), whether or not a card was issued.</summary>
    Disability = 5,
}

public static class FactKinds
{
    public static bool IsMoney(this FactKind kind) => kind is FactKind.OwnIncome or FactKind.FinancialAssets;
}

internal sealed class PersonFactConfiguration : IEntityTypeConfiguration<PersonFact>
{
    public void Configure(EntityTypeBuilder<PersonFact> fact)
    {
        fact.ToTable("rights_person_facts");
        fact.HasKey(f => f.Id);
        fact.HasIndex(f => new { f.PersonId, f.Kind });
        fact.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
        fact.Property(f => f.Source).HasMaxLength(300);
        fact.Property(f => f.RecordedBy).HasMaxLength(256);
    }
}
