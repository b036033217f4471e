using Microsoft.Extensions.Options;

namespace SoraPromptGenie.Ops.Configuration;

/// <summary>
/// Options that check themselves: read with <see cref="TolerantBinder"/>, checked by their DataAnnotations and by the
/// area's <see cref="IValidateOptions{TOptions}"/> rules, and marked <c>ValidateOnStart</c> so that
/// <see cref="StartupCheck"/> reports every area's problems together as soon as the container is built.
/// </summary>
public static class CheckedOptions
{
    /// <summary>Registers <typeparamref name="T"/> bound from <paramref name="section"/>, checked by its annotations at start.</summary>
    public static OptionsBuilder<T> AddCheckedOptions<T>(this IServiceCollection services, string section)
        where T : class, new()
    {
        services.AddSingleton<IValidateOptions<T>>(sp => new AnnotatedOptionsValidator<T>(section, sp.GetRequiredService<IConfiguration>()));
        return services.AddOptions<T>()
            .Configure<IConfiguration>((options, configuration) => TolerantBinder.Bind(configuration, section, options))
            .ValidateOnStart();
    }

    /// <summary>Also checks <typeparamref name="T"/> by the rules that compare its settings (<typeparamref name="TRules"/>).</summary>
    public static OptionsBuilder<T> AddCheckedOptions<T, TRules>(this IServiceCollection services, string section)
        where T : class, new()
        where TRules : class, IValidateOptions<T>
    {
        services.AddSingleton<IValidateOptions<T>, TRules>();
        return services.AddCheckedOptions<T>(section);
    }

    /// <summary>
    /// The only way settings are read before the container exists, for the few that decide what is registered at all
    /// (whether Redis and Sentry are on, where the server listens). Same binder and annotations as the registered options;
    /// null when they do not check out, since <see cref="StartupCheck"/> then stops the start and says why.
    /// </summary>
    public static T? ReadBeforeHost<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        var options = new T();
        TolerantBinder.Bind(configuration, section, options);
        return new AnnotatedOptionsValidator<T>(section, configuration).Validate(Options.DefaultName, options).Succeeded ? options : null;
    }
}
