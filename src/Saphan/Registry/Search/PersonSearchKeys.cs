using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saphan.Registry.Search;

namespace Saphan.Registry;

/// <summary>
/// The search keys of a person, stored as indexed columns so that a misspelt name is found by index lookups.
/// They are derived from the names, never set: each getter computes from the current name (memoised on the name
/// string), so whatever changes a name — a correction, linkage re-deriving it from agency records — also changes
/// the stored keys at the next save (EF compares them like any other property). The setters exist only for EF.
/// </summary>
public sealed partial class Person
{
    private string? keyedGiven, keyedFamily, keyedNickname, keyedAliases;
    private NameKeys givenKeys, familyKeys;
    private string? otherNamesKey;

    /// <summary>How long <see cref="Aliases"/> may be, all names together.</summary>
    public const int AliasesLength = 400;

    /// <summary>Other names the person is known by (a former or maiden name, a name used on the street), separated by "; ".</summary>
    public string? Aliases { get; private set; }

    public string? GivenKey { get => GivenKeys.Key; private set { } }
    public string? GivenLk82 { get => GivenKeys.Lk82; private set { } }
    public string? GivenUdom83 { get => GivenKeys.Udom83; private set { } }
    public string? GivenMetaSound { get => GivenKeys.MetaSound; private set { } }
    public string? FamilyKey { get => FamilyKeys.Key; private set { } }
    public string? FamilyLk82 { get => FamilyKeys.Lk82; private set { } }
    public string? FamilyUdom83 { get => FamilyKeys.Udom83; private set { } }
    public string? FamilyMetaSound { get => FamilyKeys.MetaSound; private set { } }

    /// <summary>What a Thai name shares with its romanisation (สมพงษ์ and Sompong: SMPG), so that a Latin query finds it.</summary>
    public string? GivenCrossScript { get => GivenKeys.CrossScript; private set { } }
    public string? FamilyCrossScript { get => FamilyKeys.CrossScript; private set { } }

    /// <summary>Nickname and aliases, word by word (see <see cref="NameKeys.OtherNamesKey"/>).</summary>
    public string? OtherNamesKey
    {
        get
        {
            if (!ReferenceEquals(keyedNickname, Nickname) || !ReferenceEquals(keyedAliases, Aliases))
            {
                (keyedNickname, keyedAliases) = (Nickname, Aliases);
                otherNamesKey = NameKeys.OtherNamesKey(Nickname, Aliases);
            }
            return otherNamesKey;
        }
        private set { }
    }

    internal NameKeys GivenKeys
    {
        get
        {
            if (!ReferenceEquals(keyedGiven, GivenName)) (keyedGiven, givenKeys) = (GivenName, NameKeys.Of(GivenName));
            return givenKeys;
        }
    }

    internal NameKeys FamilyKeys
    {
        get
        {
            if (!ReferenceEquals(keyedFamily, FamilyName)) (keyedFamily, familyKeys) = (FamilyName, NameKeys.Of(FamilyName));
            return familyKeys;
        }
    }

    /// <summary>Records another name the person is known by; a name already known is not added twice.</summary>
    public void AddAlias(string alias, DateTimeOffset now)
    {
        var name = Linkage.Normalisation.ThaiText.Normalise(alias ?? "").Trim(' ', ';');
        if (name.Length == 0) throw new ArgumentException("An alias needs a name.", nameof(alias));
        var known = (Aliases ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries);
        if (known.Contains(name, StringComparer.Ordinal) || name == Nickname || name == $"{GivenName} {FamilyName}".Trim()) return;
        var joined = string.Join("; ", known.Append(name));
        if (joined.Length > AliasesLength) throw new ArgumentException("Too many aliases for one person.", nameof(alias));
        Aliases = joined;
        UpdatedAt = now;
    }

    /// <summary>
    /// Takes the other names of a person merged into this one. Names that no longer fit (<see cref="AliasesLength"/>
    /// characters in all) stay on the merged person's row, where the PDPA export and the link history still show them.
    /// </summary>
    public void TakeAliasesOf(Person merged, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(merged);
        foreach (var alias in (merged.Aliases ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            if ((Aliases?.Length ?? 0) + alias.Length + 2 > AliasesLength) break;
            AddAlias(alias, now);
        }
    }
}

/// <summary>Columns and indexes of the search keys (both providers; PostgreSQL adds trigram indexes, see <see cref="PeopleSearchModel"/>).</summary>
internal sealed class PersonSearchConfiguration : IEntityTypeConfiguration<Person>
{
    /// <summary>The given- and family-name columns of each kind of key, indexed together.</summary>
    internal static readonly (string Given, string Family)[] Pairs =
    [
        (nameof(Person.GivenKey), nameof(Person.FamilyKey)),
        (nameof(Person.GivenLk82), nameof(Person.FamilyLk82)),
        (nameof(Person.GivenUdom83), nameof(Person.FamilyUdom83)),
        (nameof(Person.GivenMetaSound), nameof(Person.FamilyMetaSound)),
        (nameof(Person.GivenCrossScript), nameof(Person.FamilyCrossScript)),
    ];

    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.Property(p => p.Aliases).HasMaxLength(Person.AliasesLength);
        foreach (var key in new[] { nameof(Person.GivenKey), nameof(Person.FamilyKey), nameof(Person.OtherNamesKey) })
            person.Property<string?>(key).HasMaxLength(NameKeys.KeyLength + 2).UsePropertyAccessMode(PropertyAccessMode.Property);
        foreach (var key in new[] { nameof(Person.GivenLk82), nameof(Person.GivenUdom83), nameof(Person.GivenMetaSound),
                     nameof(Person.FamilyLk82), nameof(Person.FamilyUdom83), nameof(Person.FamilyMetaSound) })
            person.Property<string?>(key).HasMaxLength(NameKeys.SoundLength).UsePropertyAccessMode(PropertyAccessMode.Property);
        foreach (var key in new[] { nameof(Person.GivenCrossScript), nameof(Person.FamilyCrossScript) })
            person.Property<string?>(key).HasMaxLength(NameKeys.CrossScriptLength).UsePropertyAccessMode(PropertyAccessMode.Property);

        // A full name is looked up as a pair of keys (PeopleSearch.Paired): given name first for the pairs of the same kind,
        // which also serves a lookup of the given name alone; the family name alone has its own indexes.
        foreach (var (given, family) in Pairs)
        {
            person.HasIndex(given, family);
            if (family != nameof(Person.FamilyKey)) person.HasIndex(family);
        }
        // The family name as typed with the given name as typed or its start.
        person.HasIndex(nameof(Person.FamilyKey), nameof(Person.GivenKey));
        // The family names of people known by a nickname or alias only (a few in a hundred): the nickname pair.
        person.HasIndex([nameof(Person.FamilyKey)], "IX_people_FamilyKey_known_by_other_names").HasFilter("\"OtherNamesKey\" IS NOT NULL");
        person.HasIndex(p => p.BirthDate);
    }
}
