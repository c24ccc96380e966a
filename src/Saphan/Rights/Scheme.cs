using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saphan.Access;
using Saphan.Rights.Eligibility;

namespace Saphan.Rights;

/// <summary>
/// A right or welfare scheme (สิทธิและสวัสดิการ): a cash allowance, or a right to obtain first (a card, health coverage).
/// Its conditions and amounts live in <see cref="RuleVersion"/>s with effective dates; the scheme says who is responsible.
/// </summary>
public sealed class Scheme
{
    private Scheme() { }

    public Scheme(string code, string nameTh, string nameEn, SchemeKind kind, Evidence evidence, string referTo, Department? department, int order)
    {
        Code = code;
        NameTh = nameTh;
        NameEn = nameEn;
        Kind = kind;
        Evidence = evidence;
        ReferTo = referTo;
        Department = department;
        Order = order;
    }

    /// <summary>A stable code used in files and URLs: <c>old-age-allowance</c>.</summary>
    public string Code { get; private set; } = "";
    public string NameTh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public SchemeKind Kind { get; private set; }
    public Evidence Evidence { get; private set; }

    /// <summary>The agency a person missing out is referred to (an <see cref="Agencies"/> code; district ones resolve to the person's district).</summary>
    public string ReferTo { get; private set; } = "";

    /// <summary>The MSDHS department whose work list shows this scheme.</summary>
    public Department? Department { get; private set; }

    /// <summary>Order on screens; also the bit of the scheme in an evaluation (at most 32 schemes).</summary>
    public int Order { get; private set; }

    public string Name(bool thai) => thai ? NameTh : NameEn;
}

public enum SchemeKind
{
    /// <summary>A monthly cash allowance.</summary>
    Allowance = 1,

    /// <summary>A right to obtain (a card, registration, coverage) that opens others.</summary>
    RightToObtain = 2,
}

internal sealed class SchemeConfiguration : IEntityTypeConfiguration<Scheme>
{
    public void Configure(EntityTypeBuilder<Scheme> scheme)
    {
        scheme.ToTable("rights_schemes");
        scheme.HasKey(s => s.Code);
        scheme.Property(s => s.Code).HasMaxLength(40);
        scheme.Property(s => s.NameTh).HasMaxLength(200);
        scheme.Property(s => s.NameEn).HasMaxLength(200);
        scheme.Property(s => s.ReferTo).HasMaxLength(40);
    }
}
