using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Saphan.EndToEnd.Tests.Access;

/// <summary>
/// What the officer's authenticator app computes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, base32 key),
/// independent of ASP.NET Core Identity. The same function in Saphan.Tests is checked against the RFC's vectors.
/// </summary>
internal static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at) => Code(Base32(base32Key), at.ToUnixTimeSeconds() / 30);

    /// <summary>A 6-digit code that no step from three before to three after <paramref name="at"/> produces.</summary>
    public static string WrongCode(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        var step = at.ToUnixTimeSeconds() / 30;
        var valid = Enumerable.Range(-3, 7).Select(d => Code(key, step + d)).ToHashSet();
        return Enumerable.Range(0, 20).Select(i => ((123456 + i * 111111) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    private static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var binary = (hash[offset] & 0x7F) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=') continue;
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"'{c}' is not a base32 character");
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return bytes.ToArray();
    }
}
