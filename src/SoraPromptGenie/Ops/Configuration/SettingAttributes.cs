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

    public string Describe(string raw) =>
        $"'{raw}' is not a whole number{(Unit is null ? string.Empty : " of " + Unit)} from {minimum} to {maximum.ToString(GroupDigits ? "N0" : "D", CultureInfo.InvariantCulture)}.";

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not int number || (number >= minimum && number <= maximum)
            ? ValidationResult.Success
            : new ValidationResult(Describe(number.ToString(CultureInfo.InvariantCulture)), MemberOf(validationContext));

    internal static string[] MemberOf(ValidationContext context) => context.MemberName is { } member ? [member] : [];
}

/// <summary>An absolute http or https URL when set. Never quotes the value, which may be a pasted secret.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null || ConfigurationProblems.IsHttpUrl(value as string)
            ? ValidationResult.Success
            : new ValidationResult("must be an absolute http or https URL.", WholeNumberAttribute.MemberOf(validationContext));
}

/// <summary>Text that must not be empty or blank.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotBlankAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && !string.IsNullOrWhiteSpace(text)
            ? ValidationResult.Success
            : new ValidationResult("must not be empty.", WholeNumberAttribute.MemberOf(validationContext));
}

/// <summary>A secret that, when set, is long enough to resist guessing. Never quotes the value.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretLengthAttribute(int minimum) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string { Length: > 0 } secret || secret.Trim().Length >= minimum
            ? ValidationResult.Success
            : new ValidationResult($"must be at least {minimum} characters long when set.", WholeNumberAttribute.MemberOf(validationContext));
}
