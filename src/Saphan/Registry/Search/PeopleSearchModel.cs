using Microsoft.EntityFrameworkCore;

namespace Saphan.Registry.Search;

/// <summary>
/// PostgreSQL-only parts of the search model: the pg_trgm extension (Debian's postgresql-contrib), GIN trigram indexes
/// for similar spellings and for words inside the nickname/alias column, and the "C" collation of the name keys.
/// </summary>
public static class PeopleSearchModel
{
    public static void ConfigurePostgreSql(ModelBuilder builder)
    {
        builder.HasPostgresExtension("pg_trgm");
        var person = builder.Entity<Person>();
        // Keys compare letter by letter, whatever the database's collation: a name that starts with the query is then a
        // range of keys in the plain b-tree (PeopleSearch.StartsWith), and SQLite compares the same way.
        person.Property(p => p.GivenKey).UseCollation("C");
        person.Property(p => p.FamilyKey).UseCollation("C");
        person.HasIndex(p => p.GivenKey, "IX_people_GivenKey_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        person.HasIndex(p => p.FamilyKey, "IX_people_FamilyKey_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        person.HasIndex(p => p.OtherNamesKey, "IX_people_OtherNamesKey_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
