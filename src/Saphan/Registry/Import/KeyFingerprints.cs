namespace Saphan.Registry.Import;

/// <summary>
/// The record keys seen so far in one file, as 64-bit fingerprints in an open-addressing table: 16 bytes a row at most,
/// so a ten-million-row file needs 160 MB rather than the 60–80 bytes a row of a set of strings. Two different keys
/// sharing a fingerprint (about one chance in 10¹⁰ for a million keys) would reject the later row as a duplicate, visibly,
/// in the rejects file; no record is merged or lost by it.
/// </summary>
internal sealed class KeyFingerprints
{
    private ulong[] slots = new ulong[1 << 16];
    private int count;

    public int Count => count;

    /// <summary>Adds the fingerprint (never 0); false when it was there already.</summary>
    public bool Add(ulong fingerprint)
    {
        if (fingerprint == 0) throw new ArgumentOutOfRangeException(nameof(fingerprint));
        if ((count + 1) * 2 > slots.Length) Grow();
        if (!Insert(slots, fingerprint)) return false;
        count++;
        return true;
    }

    private static bool Insert(ulong[] table, ulong fingerprint)
    {
        var mask = table.Length - 1;
        var i = (int)(fingerprint & (ulong)mask);
        while (true)
        {
            var slot = table[i];
            if (slot == 0)
            {
                table[i] = fingerprint;
                return true;
            }
            if (slot == fingerprint) return false;
            i = (i + 1) & mask;
        }
    }

    private void Grow()
    {
        var bigger = new ulong[slots.Length * 2];
        foreach (var f in slots)
            if (f != 0) Insert(bigger, f);
        slots = bigger;
    }
}
