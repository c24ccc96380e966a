using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Saphan.Access;
using Saphan.Linkage;
using Saphan.Registry.Linking;
using Saphan.Registry.Registration;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry.Registration;

public sealed class PersonRegistrationTests
{
    private static PersonRegistration For(TestDatabase database, string role, string? district) =>
        new(TestViewers.DataAccessFor(database, TestViewers.User(role, district: district, id: role)),
            new RegistryLinker(database, database.Clock, NullLogger<RegistryLinker>.Instance), database.Clock);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_person_with_only_a_nickname_and_a_birth_year_can_be_registered(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database, people: 100);

        var outcome = await For(database, Roles.DistrictOfficer, "1001")
            .RegisterAsync(new NewPerson(null, null, null, "ลุงดำ", Sex.Male, null, null, 1958, "1001", null, null));

        Assert.True(outcome.Saved);
        Assert.False(outcome.JoinedKnownPerson);
        await using var db = database.OpenAsSystem();
        var person = await db.People.SingleAsync(p => p.Id == outcome.PersonId);
        Assert.Equal(("ลุงดำ", "ลุงดำ", "1001"), (person.GivenName, person.Nickname, person.DistrictCode));
        Assert.Equal((new DateOnly(1958, 1, 1), Linkage.Normalisation.DatePrecision.Year), (person.BirthDate!.Value, person.BirthDatePrecision));
        Assert.Null(person.CitizenId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Registering_someone_already_known_joins_them_instead_of_making_a_second_person(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var population = await DemoWorld.LoadAsync(database, people: 100);
        var known = population.People.First(p => p.CitizenId is not null && p.DistrictCode == "1001" && p.BirthDate is not null);
        int before;
        await using (var db = database.OpenAsSystem()) before = await db.People.CountAsync();

        var outcome = await For(database, Roles.DistrictOfficer, "1001").RegisterAsync(new NewPerson(known.Title, known.GivenName, known.FamilyName, null,
            known.Sex, known.CitizenId!.Value.Formatted, known.BirthDate, null, "1001", null, null));

        Assert.True(outcome.Saved);
        Assert.True(outcome.JoinedKnownPerson);
        Assert.Equal(known.Id, outcome.PersonId);
        await using var check = database.OpenAsSystem();
        Assert.Equal(before, await check.People.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_typed_ID_number_of_someone_outside_the_officers_district_does_not_pull_their_file_in(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var population = await DemoWorld.LoadAsync(database, people: 200);
        var elsewhere = population.People.First(p => p.CitizenId is { IsValid: true } && p.DistrictCode != "1001" && p.HouseholdId == null);
        int records;
        await using (var db = database.OpenAsSystem()) records = await db.SourceRecords.CountAsync();

        var outcome = await For(database, Roles.DistrictOfficer, "1001").RegisterAsync(new NewPerson(null, "ชื่ออื่น", "นามสกุลอื่น", null,
            Sex.Unknown, elsewhere.CitizenId!.Value.Digits, null, null, "1001", null, null));

        Assert.False(outcome.Saved);
        Assert.Contains(outcome.Problems, p => p.Code == "knownElsewhere" && p.MessageTh.Contains("หน่วยงานอื่น") && p.MessageEn.Contains("data steward"));
        Assert.Null(outcome.PersonId);
        await using var check = database.OpenAsSystem();
        Assert.Equal(records, await check.SourceRecords.CountAsync());
        Assert.Equal(elsewhere.DistrictCode, (await check.People.SingleAsync(p => p.Id == elsewhere.Id)).DistrictCode);
        Assert.True(await check.AuditLog.AnyAsync(a => a.Purpose.Contains("registration refused")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_volunteer_registers_someone_met_in_the_field_and_the_district_office_keeps_the_file(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database, people: 60);

        var outcome = await For(database, Roles.Volunteer, null).RegisterAsync(new NewPerson(null, null, null, "ลุงแดง", Sex.Male, null, null, 1958, "1002", null, null));

        Assert.True(outcome.Saved, string.Join("; ", outcome.Problems.Select(p => p.MessageEn)));
        Assert.False(outcome.CanOpen); // a volunteer sees only the households assigned to them
        await using var check = database.OpenAsSystem();
        var person = await check.People.SingleAsync(p => p.Id == outcome.PersonId);
        Assert.Equal(("1002", "ลุงแดง"), (person.DistrictCode, person.Nickname));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_registrations_are_refused_in_thai_and_store_nothing(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoWorld.LoadAsync(database, people: 60);
        int records;
        await using (var db = database.OpenAsSystem()) records = await db.SourceRecords.CountAsync();

        var noName = await For(database, Roles.DistrictOfficer, "1001").RegisterAsync(new NewPerson(null, " ", null, null, Sex.Unknown, null, null, null, "1001", null, null));
        var noDistrict = await For(database, Roles.DataSteward, null).RegisterAsync(new NewPerson(null, "สมชาย", null, null, Sex.Male, null, null, null, "", null, null));
        var otherDistrict = await For(database, Roles.DistrictOfficer, "1001").RegisterAsync(new NewPerson(null, "สมชาย", null, null, Sex.Male, null, null, null, "1050", null, null));
        var badYear = await For(database, Roles.DistrictOfficer, "1001").RegisterAsync(new NewPerson(null, "สมชาย", null, null, Sex.Male, null, null, 3000, "1001", null, null));
        var executive = await For(database, Roles.Executive, null).RegisterAsync(new NewPerson(null, "สมชาย", null, null, Sex.Male, null, null, null, "1001", null, null));

        Assert.Contains(noName.Problems, p => p.MessageTh.Contains("ชื่อ"));
        Assert.Contains(noDistrict.Problems, p => p.MessageTh.Contains("เขต"));
        Assert.Contains(otherDistrict.Problems, p => p.MessageTh.Contains("เขต"));
        Assert.Contains(badYear.Problems, p => p.MessageTh.Contains("ปีเกิด"));
        Assert.Contains(executive.Problems, p => p.Code == "scope");
        Assert.All(new[] { noName, noDistrict, otherDistrict, badYear, executive }, o => Assert.False(o.Saved));
        await using var check = database.OpenAsSystem();
        Assert.Equal(records, await check.SourceRecords.CountAsync());
    }
}
