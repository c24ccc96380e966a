using Microsoft.EntityFrameworkCore;

namespace Saphan.Registry.Search;

/// <summary>
/// PostgreSQL-only parts of the search model: the pg_trgm extension (Debian's postgresql-contrib), GIN trigram indexes
/// for similar spellings and for words inside the nickname/alias column, and pattern-ops b-trees so that a prefix
/// LIKE uses the index whatever the database collation. SQLite gets plain b-trees (PersonSearchConfiguration).
/// </summary>
public static class PeopleSearchModel
{
    public static void ConfigurePostgreSql(ModelBuilder builder)
    {
        builder.HasPostgresExtension("pg_trgm");
        var person = builder.Entity<Person>();
        person.HasIndex(nameof(Person.GivenKey), nameof(Person.FamilyKey)).HasOperators("text_pattern_ops", "text_pattern_ops");
        person.HasIndex(nameof(Person.FamilyKey), nameof(Person.GivenKey)).HasOperators("text_pattern_ops", "text_pattern_ops");
        person.HasIndex(p => p.GivenKey, "IX_people_GivenKey_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        person.HasIndex(p => p.FamilyKey, "IX_people_FamilyKey_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        person.HasIndex(p => p.OtherNamesKey, "IX_people_OtherNamesKey_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
