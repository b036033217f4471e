using System.ComponentModel.DataAnnotations;
using SoraPromptGenie.Core.Text;

namespace SoraPromptGenie.Library;

/// <summary>
/// Text the library stores. It takes the same characters as every prompt operation (<see cref="PromptCharacters"/>): no
/// control character but tab and line breaks, and no bidirectional override, so a saved prompt can always be sent on to
/// an AI operation or an export. That also keeps out U+0000, which PostgreSQL's <c>text</c> cannot hold (SQLite can).
/// </summary>
public static class LibraryText
{
    public static bool HasNul(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);

    /// <summary>Null when <paramref name="value"/> may be stored, else the message naming <paramref name="field"/> and the character.</summary>
    public static string? Problem(string field, string? value) =>
        value is null ? null : PromptCharacters.Refusal(field, PromptCharacters.NormalizeLineBreaks(value));

    /// <summary>An AI result is saved without the characters no prompt carries.</summary>
    public static string Cleaned(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return PromptCharacters.Strip(value);
    }
}

/// <summary>
/// Fails a string property holding a character no prompt carries (see <see cref="LibraryText"/>); the message names the
/// field as the JSON body spells it and the character.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class StorableTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var member = validationContext.MemberName ?? validationContext.DisplayName;
        var field = string.IsNullOrEmpty(member) ? "value" : char.ToLowerInvariant(member[0]) + member[1..];
        return LibraryText.Problem(field, value as string) is { } problem
            ? new ValidationResult(problem, member is null ? null : [member])
            : ValidationResult.Success;
    }
}
