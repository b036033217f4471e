namespace SoraPromptGenie.Ops.Memory;

public static class MemoryRegistration
{
    /// <summary>The start-up collection (<see cref="StartupHeapRelease"/>) unless <c>Memory:ReleaseStartupGarbage=false</c>.</summary>
    public static IServiceCollection AddStartupHeapRelease(this IServiceCollection services, IConfiguration configuration)
    {
        if (MemoryOptions.Read(configuration).ReleaseStartupGarbage)
        {
            services.AddHostedService<StartupHeapRelease>();
        }

        return services;
    }
}
