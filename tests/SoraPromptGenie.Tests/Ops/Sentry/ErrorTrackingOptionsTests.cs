using Microsoft.Extensions.Hosting.Internal;
using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.Sentry;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Sentry;

public sealed class ErrorTrackingOptionsTests
{
    [Theory]
    [InlineData("https://0123abcd@o1.ingest.sentry.io/42", null, 0)]
    [InlineData("not a dsn", null, 1)]
    [InlineData("https://o1.ingest.sentry.io/42", null, 1)]
    [InlineData("https://key@o1.ingest.sentry.io/42", "0.25", 0)]
    [InlineData("https://key@o1.ingest.sentry.io/42", "1.5", 1)]
    [InlineData(null, "many", 1)]
    public void Validate_Settings_ReportsEachProblem(string? dsn, string? rate, int expectedProblems)
    {
        var reported = OptionsCheck.Problems(
            new Dictionary<string, string?>
            {
                ["Sentry:Dsn"] = dsn,
                ["Sentry:TracesSampleRate"] = rate,
            },
            services => services.AddCheckedOptions<ErrorTrackingOptions>(ErrorTrackingOptions.SectionName));

        Assert.Equal(expectedProblems, reported.Count);
        Assert.All(reported, line => Assert.DoesNotContain("0123abcd", line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production", null, 0.1)]
    [InlineData("Staging", null, 1.0)]
    [InlineData("Production", 0.5, 0.5)]
    public void EffectiveTracesSampleRate_ByEnvironment_DefaultsTo10PercentInProduction(string environmentName, double? configured, double expected)
    {
        var options = new ErrorTrackingOptions { TracesSampleRate = configured };
        var environment = new HostingEnvironment { EnvironmentName = environmentName };

        var rate = options.EffectiveTracesSampleRate(environment);

        Assert.Equal(expected, rate);
    }
}
