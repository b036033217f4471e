using Microsoft.Extensions.Options;

namespace SoraPromptGenie.Ops.Configuration;

/// <summary>
/// Options that check themselves: read with <see cref="TolerantBinder"/>, checked by their DataAnnotations and by
/// the area's <see cref="IValidateOptions{TOptions}"/> cross-field rules. The same reading and the same validators
/// run twice: once in the start-up check before the host is built (so every problem prints as one line and the
/// process exits 1), and again by <c>ValidateOnStart</c> for the options the services use.
/// </summary>
public static class CheckedOptions
{
    /// <summary>Registers <typeparamref name="T"/> bound from <paramref name="section"/>, checked by its annotations at start.</summary>
    public static OptionsBuilder<T> AddCheckedOptions<T>(this IServiceCollection services, string section)
        where T : class, new()
    {
        services.AddSingleton<IValidateOptions<T>>(new AnnotatedOptionsValidator<T>(section));
        return services.AddOptions<T>()
            .Configure<IConfiguration>((options, configuration) => TolerantBinder.Bind(configuration, section, options))
            .ValidateOnStart();
    }

    /// <summary>
    /// Reads <typeparamref name="T"/> once from configuration, before the container exists, and adds every problem:
    /// unreadable values, annotation failures and the failures of <paramref name="rules"/>.
    /// </summary>
    public static T Check<T>(IConfiguration configuration, string section, ConfigurationProblems problems, params IValidateOptions<T>[] rules)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(problems);
        var options = new T();
        TolerantBinder.Bind(configuration, section, options, problems.Add);

        foreach (var validator in rules.Prepend(new AnnotatedOptionsValidator<T>(section)))
        {
            var result = validator.Validate(Options.DefaultName, options);
            foreach (var failure in result.Failures ?? [])
            {
                problems.AddLine(failure);
            }
        }

        return options;
    }
}
