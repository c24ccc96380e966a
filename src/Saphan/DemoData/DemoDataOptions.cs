using System.ComponentModel.DataAnnotations;

namespace Saphan.DemoData;

/// <summary>The synthetic demo data set: on for the README's run command, never in production.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    public bool Enabled { get; set; }

    /// <summary>About how many people to generate across the 50 districts.</summary>
    [Range(100, 1_000_000)]
    public int People { get; set; } = 3000;

    public int Seed { get; set; } = 2567;

    /// <summary>The password of every demo user (demo only; shown on the sign-in page while demo data is on).</summary>
    [Required, MinLength(8)]
    public string Password { get; set; } = "Saphan-demo-2567";
}
