using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace SoraPromptGenie.Ops.Configuration;

/// <summary>
/// The sentence an operator reads when a setting's text cannot be read as the property's type at all, so a wrong
/// type and an out-of-range value of the same setting read the same way.
/// </summary>
public interface IUnreadableValueMessage
{
    string Describe(string raw);
}

/// <summary>The text an operator reads for a setting whose type has no range to describe (an enum or a switch).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UnreadableValueMessageAttribute(string format) : Attribute, IUnreadableValueMessage
{
    public string Describe(string raw) => string.Format(CultureInfo.InvariantCulture, format, raw);
}

/// <summary>A whole number within an inclusive range; the message quotes the value and the range.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WholeNumberAttribute(int minimum, int maximum) : ValidationAttribute, IUnreadableValueMessage
{
    /// <summary>Named in the message after "whole number", e.g. "seconds".</summary>
    public string? Unit { get; set; }

    /// <summary>Writes the maximum with thousands separators ("1,000,000").</summary>
    public bool GroupDigits { get; set; }

    /// <summary>What the number is, instead of "a whole number" ("a port number").</summary>
    public string Noun { get; set; } = "a whole number";

    /// <summary>Said in brackets after the range.</summary>
    public string? Hint { get; set; }

    public string Describe(string raw) =>
        $"'{raw}' is not {Noun}{(Unit is null ? string.Empty : " of " + Unit)} from {minimum} to " +
        $"{maximum.ToString(GroupDigits ? "N0" : "D", CultureInfo.InvariantCulture)}{(Hint is null ? string.Empty : $" ({Hint})")}.";

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not int number || (number >= minimum && number <= maximum)
            ? ValidationResult.Success
            : SettingFailure.Of(validationContext, Describe(number.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>A number within an inclusive range; the message quotes the value and the range.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NumberAttribute(double minimum, double maximum) : ValidationAttribute, IUnreadableValueMessage
{
    public string Describe(string raw) =>
        string.Format(CultureInfo.InvariantCulture, "'{0}' is not a number from {1} to {2}.", raw, minimum, maximum);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not double number || (number >= minimum && number <= maximum)
            ? ValidationResult.Success
            : SettingFailure.Of(validationContext, Describe(number.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>One of a few words, in any case ("text or json").</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneOfAttribute(params string[] allowed) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string text || allowed.Contains(text, StringComparer.OrdinalIgnoreCase)
            ? ValidationResult.Success
            : SettingFailure.Of(validationContext, $"'{text}' is not {string.Join(" or ", allowed)}.");
}

/// <summary>An absolute http or https URL when set. Never quotes the value, which may be a pasted secret.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null || IsHttpUrl(value as string)
            ? ValidationResult.Success
            : SettingFailure.Of(validationContext, "must be an absolute http or https URL.");
}

/// <summary>Text that must not be empty or blank.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotBlankAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && !string.IsNullOrWhiteSpace(text)
            ? ValidationResult.Success
            : SettingFailure.Of(validationContext, "must not be empty.");
}

/// <summary>A secret that, when set, is long enough to resist guessing. Never quotes the value.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretLengthAttribute(int minimum) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string { Length: > 0 } secret || secret.Trim().Length >= minimum
            ? ValidationResult.Success
            : SettingFailure.Of(validationContext, $"must be at least {minimum} characters long when set.");
}

/// <summary>A setting's failure, tied to its property so the message can name the operator's variable.</summary>
public static class SettingFailure
{
    public static ValidationResult Of(ValidationContext context, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ValidationResult(message, context.MemberName is { } member ? [member] : []);
    }
}
