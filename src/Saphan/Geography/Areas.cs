using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Saphan.Geography;

/// <summary>กลุ่มเขต — one of the six groups of Bangkok districts.</summary>
public sealed class DistrictGroup
{
    private DistrictGroup() { }
    public DistrictGroup(string code, string nameTh, string nameEn) => (Code, NameTh, NameEn) = (code, nameTh, nameEn);
    public string Code { get; private set; } = "";
    public string NameTh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
}

/// <summary>เขต — a Bangkok district, keyed by its DOPA code (1001–1050).</summary>
public sealed class District
{
    private District() { }
    public District(string code, string nameTh, string nameEn, string groupCode) => (Code, NameTh, NameEn, GroupCode) = (code, nameTh, nameEn, groupCode);
    public string Code { get; private set; } = "";
    public string NameTh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string GroupCode { get; private set; } = "";
}

/// <summary>แขวง — a subdistrict, keyed by its DOPA code (10DDSS).</summary>
public sealed class Subdistrict
{
    private Subdistrict() { }
    public Subdistrict(string code, string nameTh, string nameEn, string districtCode, string postcode, double? latitude, double? longitude)
        => (Code, NameTh, NameEn, DistrictCode, Postcode, Latitude, Longitude) = (code, nameTh, nameEn, districtCode, postcode, latitude, longitude);
    public string Code { get; private set; } = "";
    public string NameTh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string DistrictCode { get; private set; } = "";
    public string Postcode { get; private set; } = "";

    /// <summary>Approximate centroid (WGS84), from the simplified 2019 boundaries; missing for newer subdistricts.</summary>
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
}

/// <summary>ชุมชน — a BMA-registered community.</summary>
public sealed class Community
{
    private Community() { }
    public Community(int id, string nameTh, CommunityType type, string districtCode, double latitude, double longitude)
        => (Id, NameTh, Type, DistrictCode, Latitude, Longitude) = (id, nameTh, type, districtCode, latitude, longitude);
    public int Id { get; private set; }
    public string NameTh { get; private set; } = "";
    public CommunityType Type { get; private set; }
    public string DistrictCode { get; private set; } = "";
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
}

/// <summary>BMA community types.</summary>
public enum CommunityType
{
    /// <summary>ชุมชนแออัด</summary>
    Crowded = 1,
    /// <summary>ชุมชนชานเมือง</summary>
    Suburban = 2,
    /// <summary>ชุมชนหมู่บ้านจัดสรร</summary>
    HousingEstate = 3,
    /// <summary>เคหะชุมชน</summary>
    NationalHousing = 4,
    /// <summary>ชุมชนเมือง</summary>
    Urban = 5,
    /// <summary>ชุมชนอาคารสูง</summary>
    HighRise = 6,
}

internal sealed class GeographyConfiguration :
    IEntityTypeConfiguration<DistrictGroup>, IEntityTypeConfiguration<District>, IEntityTypeConfiguration<Subdistrict>, IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<DistrictGroup> b)
    {
        b.ToTable("district_groups").HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(16);
    }

    public void Configure(EntityTypeBuilder<District> b)
    {
        b.ToTable("districts").HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(4);
        b.HasOne<DistrictGroup>().WithMany().HasForeignKey(x => x.GroupCode);
    }

    public void Configure(EntityTypeBuilder<Subdistrict> b)
    {
        b.ToTable("subdistricts").HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(6);
        b.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictCode);
    }

    public void Configure(EntityTypeBuilder<Community> b)
    {
        b.ToTable("communities").HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictCode);
        b.HasIndex(x => x.DistrictCode);
    }
}
