using Microsoft.Extensions.DependencyInjection;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.Sentry;

public sealed class SentryDisabledTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public void Services_WithoutDsn_HaveNoSentryHub()
    {
        var hub = factory.Services.GetService<IHub>();

        Assert.Null(hub);
    }
}
