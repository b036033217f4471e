using Microsoft.Extensions.Hosting.Internal;
using SoraPromptGenie.Data;

namespace SoraPromptGenie.Tests.Data;

public sealed class DatabaseOptionsTests
{
    [Theory]
    [InlineData(null, "Production", null, true)]
    [InlineData("postgres://a:b@db/x", "Production", null, false)]
    [InlineData("postgres://a:b@db/x", "Development", null, true)]
    [InlineData("postgres://a:b@db/x", "Production", true, true)]
    [InlineData(null, "Development", false, false)]
    public void ShouldMigrateOnStartup_ByProviderAndEnvironment_FollowsTheRules(string? url, string environment, bool? configured, bool expected)
    {
        var options = new DatabaseOptions { Url = url, MigrateOnStartup = configured };

        var migrate = options.ShouldMigrateOnStartup(new HostingEnvironment { EnvironmentName = environment });

        Assert.Equal(expected, migrate);
    }

    [Fact]
    public void ConnectionString_RelativeSqlitePath_IsAnchoredAtContentRoot()
    {
        var options = new DatabaseOptions();

        var connectionString = options.ConnectionString("/srv/app");

        Assert.Contains("Data Source=/srv/app/data/sora-prompt-genie.db", connectionString, StringComparison.Ordinal);
    }
}
