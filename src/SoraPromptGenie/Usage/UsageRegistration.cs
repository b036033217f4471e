using SoraPromptGenie.Ops.Telemetry;

namespace SoraPromptGenie.Usage;

public static class UsageRegistration
{
    public static IServiceCollection AddUsage(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(CreateLedger);
        services.AddSingleton<UsageLedgerWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageLedgerWriter>());
        return services;
    }

    /// <summary>The ledger, with its queue reported as gauges; the writer resolves it at start, so the gauges appear then.</summary>
    private static UsageLedger CreateLedger(IServiceProvider services)
    {
        var ledger = new UsageLedger(services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IHttpContextAccessor>());
        AppMetrics.ObserveLedger(() => ledger.QueueLength, () => ledger.DroppedCount);
        return ledger;
    }
}
