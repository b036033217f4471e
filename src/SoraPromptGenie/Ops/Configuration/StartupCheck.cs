using Microsoft.Extensions.Options;

namespace SoraPromptGenie.Ops.Configuration;

/// <summary>
/// Runs every <c>ValidateOnStart</c> check the moment the container is built, before the host asks it for a logger or
/// anything else reads a setting, and turns their failures into one <see cref="ConfigurationProblemsException"/>: one
/// line per problem, every area's at once.
/// </summary>
public sealed class StartupCheck(IHostEnvironment environment) : IServiceProviderFactory<IServiceCollection>
{
    public IServiceCollection CreateBuilder(IServiceCollection services) => services;

    /// <summary>Builds the container as the host would by default (scopes and call sites validated in Development).</summary>
    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder)
    {
        var development = environment.IsDevelopment();
        var provider = containerBuilder.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = development, ValidateOnBuild = development });
        try
        {
            ThrowIfInvalid(provider);
            return provider;
        }
        catch (ConfigurationProblemsException)
        {
            provider.Dispose();
            throw;
        }
    }

    public static void ThrowIfInvalid(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException failed)
        {
            throw new ConfigurationProblemsException([.. failed.Failures]);
        }
        catch (AggregateException failed) when (failed.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            throw new ConfigurationProblemsException([.. failed.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures)]);
        }
    }
}
