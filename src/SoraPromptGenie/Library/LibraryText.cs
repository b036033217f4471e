using System.ComponentModel.DataAnnotations;

namespace SoraPromptGenie.Library;

/// <summary>
/// Text the library can store on every provider. PostgreSQL's <c>text</c> cannot hold U+0000 (SQLite can), so a NUL in a
/// field or a search term is refused on both alike instead of failing inside PostgreSQL.
/// </summary>
public static class LibraryText
{
    public static bool HasNul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);

    /// <summary>A NUL means nothing in a video prompt; an AI result carrying one is saved without it.</summary>
    public static string WithoutNul(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return HasNul(value) ? value.Replace("\0", string.Empty, StringComparison.Ordinal) : value;
    }
}

/// <summary>Fails a string property that contains U+0000 (see <see cref="LibraryText"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NoNulCharacterAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string text || !LibraryText.HasNul(text);
}
