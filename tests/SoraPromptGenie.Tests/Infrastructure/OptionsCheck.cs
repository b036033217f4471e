using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using SoraPromptGenie.Ops.Configuration;

namespace SoraPromptGenie.Tests.Infrastructure;

/// <summary>
/// The start-up check the app runs as its container is built (<see cref="StartupCheck"/>), over the options a test
/// registers. Settings go by the operator's variable names or by configuration keys, as in production; the result is
/// the lines the app would print, none when everything checks out.
/// </summary>
public static class OptionsCheck
{
    public static IReadOnlyList<string> Problems(
        IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection> register, string environment = "Production")
    {
        ArgumentNullException.ThrowIfNull(register);
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null));
        configuration.AddEnvironmentAliases();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = environment,
            ApplicationName = "SoraPromptGenie",
            ContentRootPath = AppContext.BaseDirectory,
        });
        register(services);
        using var provider = services.BuildServiceProvider();
        try
        {
            StartupCheck.ThrowIfInvalid(provider);
            return [];
        }
        catch (ConfigurationProblemsException exception)
        {
            return exception.Problems;
        }
    }
}
