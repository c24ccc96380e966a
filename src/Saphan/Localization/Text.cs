namespace Saphan.Localization;

/// <summary>Marker for the UI text resources (Text.resx is Thai, the neutral language; Text.en.resx is English).</summary>
public sealed class Text;
