using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saphan.Linkage.Normalisation;

namespace Saphan.Registry;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("people");
        person.HasKey(p => p.Id);
        person.Property(p => p.CitizenId)
            .HasConversion(id => id.HasValue ? id.Value.Digits : null, digits => digits == null ? null : CitizenId.Parse(digits))
            .HasMaxLength(32);
        person.HasIndex(p => p.CitizenId);
        person.Property(p => p.Title).HasMaxLength(60);
        person.Property(p => p.GivenName).HasMaxLength(200);
        person.Property(p => p.FamilyName).HasMaxLength(200);
        person.Property(p => p.Phone).HasMaxLength(40);
        person.HasIndex(p => new { p.GivenName, p.FamilyName });
        person.Property(p => p.DistrictCode).HasMaxLength(4);
        person.Property(p => p.SubdistrictCode).HasMaxLength(6);
        person.HasIndex(p => p.DistrictCode);
        person.HasIndex(p => p.FamilyName);
        person.Ignore(p => p.Residence);
        person.HasOne(p => p.Household).WithMany(h => h.Members).HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.SetNull);
        person.Ignore(p => p.FullName);
        person.HasMany(p => p.Memberships).WithOne().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        person.Navigation(p => p.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class HouseholdMembershipConfiguration : IEntityTypeConfiguration<HouseholdMembership>
{
    public void Configure(EntityTypeBuilder<HouseholdMembership> membership)
    {
        membership.ToTable("household_memberships");
        membership.HasKey(m => m.Id);
        membership.HasIndex(m => m.HouseholdId);
        membership.HasOne<Household>().WithMany().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> household)
    {
        household.ToTable("households");
        household.HasKey(h => h.Id);
        household.ComplexProperty(h => h.Address, a =>
        {
            a.Property(x => x.HouseNumber).HasColumnName("house_number").HasMaxLength(40);
            a.Property(x => x.Moo).HasColumnName("moo").HasMaxLength(10);
            a.Property(x => x.Soi).HasColumnName("soi").HasMaxLength(120);
            a.Property(x => x.Road).HasColumnName("road").HasMaxLength(120);
            a.Property(x => x.SubdistrictCode).HasColumnName("subdistrict_code").HasMaxLength(6);
            a.Property(x => x.Postcode).HasColumnName("postcode").HasMaxLength(5);
            a.Property(x => x.CommunityId).HasColumnName("community_id");
        });
        household.Property(h => h.DistrictCode).HasMaxLength(4);
        household.HasIndex(h => h.DistrictCode);
        household.Ignore(h => h.Residence);
        household.Navigation(h => h.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        household.Ignore(h => h.Head);
    }
}
