namespace SoraPromptGenie.Usage;

public static class UsageRegistration
{
    public static IServiceCollection AddUsage(this IServiceCollection services)
    {
        services.AddOptions<UsageOptions>().BindConfiguration(UsageOptions.SectionName);
        services.AddHttpContextAccessor();
        services.AddSingleton(sp => new UsageLedger(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IHttpContextAccessor>()));
        services.AddSingleton<UsageLedgerWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageLedgerWriter>());
        return services;
    }
}
