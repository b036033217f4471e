using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SoraPromptGenie.Ops.Configuration;

/// <summary>
/// Checks an options object's DataAnnotations and words each failure as the operator's variable followed by the
/// attribute's message ("LLM_TIMEOUT_SECONDS: '601' is not a whole number from 1 to 600.").
/// </summary>
public sealed class AnnotatedOptionsValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.Select(result =>
            $"{EnvironmentAliases.VariableFor($"{section}:{KeyOf(result.MemberNames.FirstOrDefault())}")}: {result.ErrorMessage}"));
    }

    private static string? KeyOf(string? member) =>
        member is not null && typeof(T).GetProperty(member) is { } property ? TolerantBinder.KeyOf(property) : member;
}
