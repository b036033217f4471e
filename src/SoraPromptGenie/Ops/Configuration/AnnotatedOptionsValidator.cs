using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SoraPromptGenie.Ops.Configuration;

/// <summary>
/// Checks the settings of one section: each value that cannot be read as its property's type, then the options
/// object's DataAnnotations. Each failure is worded as the operator's variable followed by the message
/// ("LLM_TIMEOUT_SECONDS: '601' is not a whole number from 1 to 600.").
/// </summary>
public sealed class AnnotatedOptionsValidator<T>(string section, IConfiguration configuration) : IValidateOptions<T>
    where T : class, new()
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        // An unreadable value left its property at the default, which the annotations below accept.
        TolerantBinder.Bind(configuration, section, new T(), (variable, message) => failures.Add($"{variable}: {message}"));

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        failures.AddRange(results.Select(result =>
            $"{EnvironmentAliases.VariableFor(TolerantBinder.PathOf(section, KeyOf(result.MemberNames.FirstOrDefault())))}: {result.ErrorMessage}"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? KeyOf(string? member) =>
        member is not null && typeof(T).GetProperty(member) is { } property ? TolerantBinder.KeyOf(property) : member;
}
